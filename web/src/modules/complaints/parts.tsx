import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { Tag, Tooltip } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { COMPLAINT_CHANNEL_LABELS, COMPLAINT_KIND_LABELS, COMPLAINT_STATUS_LABELS } from '@shijian/contracts';
import { useT, type Label } from '../../app/i18n';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { archivePath, mayOpenArchive } from '../enforcement/api';
import { keys, type ComplaintChannel, type ComplaintKind, type ComplaintStatus, type ComplaintView } from './api';
import { cm } from './messages';
import { dueState, shanghaiDate, type DueState } from './due';

const STATUS_COLOURS: Record<ComplaintStatus, string> = {
  received: 'gold',
  accepted: 'blue',
  not_accepted: 'default',
  mediated: 'green',
  mediation_failed: 'orange',
  lead_opened: 'purple',
  not_filed: 'default',
};

export function StatusTag({ status }: { status: ComplaintStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOURS[status]}>{t(COMPLAINT_STATUS_LABELS[status])}</Tag>;
}

export function KindTag({ kind }: { kind: ComplaintKind }) {
  const t = useT();
  return <Tag color={kind === 'complaint' ? 'cyan' : 'magenta'}>{t(COMPLAINT_KIND_LABELS[kind])}</Tag>;
}

export const channelLabel = (channel: ComplaintChannel): Label => COMPLAINT_CHANNEL_LABELS[channel];

/** The name of the clock running: deciding a complaint (7), checking a report (15), or mediating (45 working days). */
export function clockLabel(kind: ComplaintKind, clock: 'decision' | 'mediation'): Label {
  if (clock === 'mediation') return cm.clockMediation;
  return kind === 'complaint' ? cm.clockDecisionComplaint : cm.clockDecisionReport;
}

/**
 * Today in Beijing, looked at again every minute (a page left open overnight moves on). When the
 * day changes, the complaints are read again: the working days left are counted from the server's today.
 */
export function useToday(): string {
  const client = useQueryClient();
  const [today, setToday] = useState(() => shanghaiDate(Date.now()));
  useEffect(() => {
    const timer = setInterval(() => {
      const now = shanghaiDate(Date.now());
      if (now === today) return;
      setToday(now);
      void client.invalidateQueries({ queryKey: keys.all });
    }, 60_000);
    return () => clearInterval(timer);
  }, [client, today]);
  return today;
}

/** Where the running clock stands: 已超期 in red, due today, or the working days left. */
export function DueTag({ state }: { state: DueState }) {
  const t = useT();
  switch (state.kind) {
    case 'none':
      return null;
    case 'overdue':
      return (
        <Tag color="red" icon={<ExclamationCircleOutlined />} data-testid="overdue-tag">
          {state.workingDays ? t(cm.overdueBy, { n: state.workingDays }) : t(cm.overdueTag)}
        </Tag>
      );
    case 'today':
      return (
        <Tag color="orange" icon={<ClockCircleOutlined />}>
          {t(cm.dueToday)}
        </Tag>
      );
    case 'running':
      return state.workingDays === null ? null : (
        <Tag color={state.soon ? 'orange' : 'blue'} icon={<ClockCircleOutlined />}>
          {t(cm.daysLeft, { n: state.workingDays })}
        </Tag>
      );
  }
}

/** The limit of the running clock with its name on hover, and the tag of where it stands. */
export function DueCell({ complaint, today }: { complaint: ComplaintView; today: string }) {
  const t = useT();
  if (!complaint.clock || !complaint.dueOn) return <span className="secondary-text">{t(cm.noClock)}</span>;
  return (
    <Tooltip title={t(clockLabel(complaint.kind, complaint.clock))}>
      <div style={{ whiteSpace: 'nowrap' }}>
        <div>{formatDate(complaint.dueOn)}</div>
        <DueTag state={dueState(complaint, today)} />
      </div>
    </Tooltip>
  );
}

/** The party complained about: linked to its archive when registered and the caller may open archives. */
export function TargetCell({ complaint }: { complaint: Pick<ComplaintView, 'targetName' | 'targetUscc' | 'targetEnterpriseId'> }) {
  const session = useSession();
  const { targetName, targetUscc, targetEnterpriseId } = complaint;
  return (
    <div>
      {targetEnterpriseId && mayOpenArchive(session) ? <Link to={archivePath(targetEnterpriseId)}>{targetName}</Link> : targetName}
      {targetUscc ? <div className="mono secondary-text">{targetUscc}</div> : null}
    </div>
  );
}
