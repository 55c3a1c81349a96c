import { Tag, Tooltip } from 'antd';
import {
  CASE_CLOCK_LABELS,
  CASE_STAGE_LABELS,
  DISHONESTY_STATUS_LABELS,
  REMOVAL_APPLICATION_STATUS_LABELS,
  type CaseClock,
  type CaseStage,
  type DishonestyStatus,
  type RemovalApplicationStatus,
} from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { formatDate } from '../../shared/format';
import { DUE_TONE_COLOURS, dueTone } from './deadline';
import { xm } from './messages';

const STAGE_COLOURS: Record<CaseStage, string> = {
  lead: 'default',
  filed: 'blue',
  investigating: 'processing',
  decided: 'orange',
  executed: 'cyan',
  closed: 'success',
  not_filed: 'default',
  transferred: 'purple',
};

export function StageTag({ stage }: { stage: CaseStage }) {
  const t = useT();
  return <Tag color={STAGE_COLOURS[stage]}>{t(CASE_STAGE_LABELS[stage])}</Tag>;
}

/** Days to the running clock's limit: red once past, orange within five days. */
export function DaysLeftTag({ daysLeft }: { daysLeft: number | null }) {
  const t = useT();
  const tone = dueTone(daysLeft);
  if (tone === null || daysLeft === null) return null;
  const text = daysLeft < 0 ? t(xm.overdueBy, { n: -daysLeft }) : daysLeft === 0 ? t(xm.dueToday) : t(xm.daysLeft, { n: daysLeft });
  return <Tag color={DUE_TONE_COLOURS[tone]}>{text}</Tag>;
}

/** The due date with its clock's name on hover and the days-left tag next to it. */
export function DueCell({ clock, dueOn, daysLeft }: { clock: CaseClock | null; dueOn: string | null; daysLeft: number | null }) {
  const t = useT();
  if (!clock || !dueOn) return <span className="secondary-text">—</span>;
  return (
    <Tooltip title={t(CASE_CLOCK_LABELS[clock])}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {formatDate(dueOn)} <DaysLeftTag daysLeft={daysLeft} />
      </span>
    </Tooltip>
  );
}

const LISTING_COLOURS: Record<DishonestyStatus, string> = { listed: 'red', removed_early: 'green', expired: 'default' };

export function ListingStatusTag({ status }: { status: DishonestyStatus }) {
  const t = useT();
  return <Tag color={LISTING_COLOURS[status]}>{t(DISHONESTY_STATUS_LABELS[status])}</Tag>;
}

const APPLICATION_COLOURS: Record<RemovalApplicationStatus, string> = { pending: 'processing', approved: 'success', rejected: 'error' };

export function ApplicationStatusTag({ status }: { status: RemovalApplicationStatus }) {
  const t = useT();
  return <Tag color={APPLICATION_COLOURS[status]}>{t(REMOVAL_APPLICATION_STATUS_LABELS[status])}</Tag>;
}
