import { Tag } from 'antd';
import { INSPECTION_OUTCOME_LABELS, RISK_TIER_LABELS, type InspectionOutcome, type RiskTier } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { im } from './messages';

const TIER_COLOURS: Record<RiskTier, string> = { high: 'red', elevated: 'orange', general: 'blue', low: 'green' };

export function TierTag({ tier, assessed = true }: { tier: RiskTier; assessed?: boolean }) {
  const t = useT();
  return (
    <Tag color={TIER_COLOURS[tier]} title={assessed ? undefined : t(im.notAssessed)}>
      {t(RISK_TIER_LABELS[tier])}
      {assessed ? '' : ` · ${t(im.notAssessed)}`}
    </Tag>
  );
}

/** Whether a draw's results are out on the public portal. */
export function PublicationTag({ published }: { published: boolean }) {
  const t = useT();
  return published ? <Tag color="success">{t(im.published)}</Tag> : <Tag>{t(im.unpublished)}</Tag>;
}

const OUTCOME_COLOURS: Record<InspectionOutcome, string> = {
  no_problem: 'success',
  problems_rectified: 'warning',
  case_opened: 'error',
  not_found: 'default',
  closed_down: 'default',
};

export function OutcomeTag({ outcome }: { outcome: InspectionOutcome | null }) {
  const t = useT();
  if (!outcome) return <Tag color="processing">{t(im.pending)}</Tag>;
  return <Tag color={OUTCOME_COLOURS[outcome]}>{t(INSPECTION_OUTCOME_LABELS[outcome])}</Tag>;
}

/** Officers as "name（enforcement ID）", one per line. */
export function InspectorList({ inspectors }: { inspectors: { userId: string; name: string; enforcementId: string }[] }) {
  return (
    <>
      {inspectors.map((i) => (
        <div key={i.userId}>
          {i.name} <span className="mono secondary-text">{i.enforcementId}</span>
        </div>
      ))}
    </>
  );
}
