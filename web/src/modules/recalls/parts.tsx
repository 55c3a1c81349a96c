import { Link } from 'react-router-dom';
import { Progress, Tag, Typography } from 'antd';
import { RECALL_SOURCE_LABELS, RECALL_STATUS_LABELS, RISK_LEVEL_LABELS } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { archivePath, mayOpenArchive } from '../enforcement/api';
import { paths, type RecallSource, type RecallStatus, type RecallView, type RiskLevel } from './api';
import { rm } from './messages';
import { recalledPercent } from './steps';

const STATUS_COLOURS: Record<RecallStatus, string> = {
  reported: 'gold',
  assessed: 'orange',
  no_recall: 'default',
  planned: 'blue',
  in_progress: 'processing',
  completed: 'success',
};

export function StatusTag({ status }: { status: RecallStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOURS[status]}>{t(RECALL_STATUS_LABELS[status])}</Tag>;
}

const SOURCE_COLOURS: Record<RecallSource, string> = { enterprise_report: 'cyan', injury_report: 'red', investigation: 'purple' };

export function SourceTag({ source }: { source: RecallSource }) {
  const t = useT();
  return <Tag color={SOURCE_COLOURS[source]}>{t(RECALL_SOURCE_LABELS[source])}</Tag>;
}

const RISK_COLOURS: Record<RiskLevel, string> = { high: 'red', medium: 'orange', low: 'green' };

export function RiskTag({ level }: { level: RiskLevel | null }) {
  const t = useT();
  if (!level) return <span className="secondary-text">—</span>;
  return <Tag color={RISK_COLOURS[level]}>{t(RISK_LEVEL_LABELS[level])}</Tag>;
}

/** Units recalled of the plan's total as a bar, or a dash before there is a plan. */
export function RecallProgress({ recall }: { recall: Pick<RecallView, 'quantityRecalled' | 'quantityTotal' | 'status'> }) {
  const t = useT();
  const percent = recalledPercent(recall.quantityRecalled, recall.quantityTotal);
  if (percent === null) return <span className="secondary-text">—</span>;
  return (
    <div data-testid="recall-progress">
      <Progress percent={percent} size="small" status={recall.status === 'completed' ? 'success' : 'active'} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(rm.progressOf, { done: recall.quantityRecalled, total: recall.quantityTotal ?? 0 })}
      </Typography.Text>
    </div>
  );
}

/**
 * Where the producer's record is: its archive (专门档案) for a regulator, else the registry
 * searched by its credit code; null for whoever may read neither.
 */
export function useEnterpriseLink(recall: Pick<RecallView, 'enterpriseId' | 'enterpriseUscc'>): { to: string; archive: boolean } | null {
  const session = useSession();
  if (mayOpenArchive(session)) return { to: archivePath(recall.enterpriseId), archive: true };
  if (can(session, 'enterprise.read')) return { to: paths.enterprise(recall.enterpriseUscc), archive: false };
  return null;
}

export function ProducerCell({ recall }: { recall: Pick<RecallView, 'enterpriseId' | 'enterpriseName' | 'enterpriseUscc'> }) {
  const link = useEnterpriseLink(recall);
  return (
    <div>
      {link ? <Link to={link.to}>{recall.enterpriseName}</Link> : recall.enterpriseName}
      <div className="mono secondary-text">{recall.enterpriseUscc}</div>
    </div>
  );
}
