import { Progress, Tag, Tooltip, Typography } from 'antd';
import {
  BATCH_CONCLUSION_LABELS,
  DISPOSAL_STATUS_LABELS,
  SAMPLING_CLOCK_LABELS,
  SAMPLING_STATUS_LABELS,
  type BatchConclusion,
  type DisposalStatus,
  type SamplingStatus,
} from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { formatDate } from '../../shared/format';
import type { BatchClock } from './clocks';
import { sm } from './messages';
import { percent } from './quota';

const STATUS_COLOURS: Record<SamplingStatus, string> = { sampled: 'default', in_lab: 'processing', reported: 'orange', objection: 'gold', closed: 'success' };

export function SamplingStatusTag({ status }: { status: SamplingStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOURS[status]}>{t(SAMPLING_STATUS_LABELS[status])}</Tag>;
}

export function ConclusionTag({ conclusion }: { conclusion: BatchConclusion | null }) {
  const t = useT();
  if (!conclusion) return <>—</>;
  return <Tag color={conclusion === 'conforming' ? 'success' : 'error'}>{t(BATCH_CONCLUSION_LABELS[conclusion])}</Tag>;
}

export function DisposalStatusTag({ status }: { status: DisposalStatus }) {
  const t = useT();
  return <Tag color={status === 'open' ? 'processing' : 'success'}>{t(DISPOSAL_STATUS_LABELS[status])}</Tag>;
}

const CLOCK_COLOURS: Record<BatchClock['state'], string> = {
  pending: 'default',
  running: 'blue',
  overdue: 'red',
  done: 'green',
  done_late: 'orange',
  filed: 'gold',
  lapsed: 'default',
  none: 'default',
};

/** What a clock's state says in words: days left, days late, done … */
export function useClockText() {
  const t = useT();
  return (c: BatchClock): string => {
    switch (c.state) {
      case 'pending':
        return t(sm.clockPending);
      case 'running':
        return c.days === 0 ? t(sm.dueToday) : t(sm.daysLeft, { n: c.days ?? 0 });
      case 'overdue':
        return t(sm.overdueDays, { n: c.days ?? 0 });
      case 'done':
        return t(sm.clockDone);
      case 'done_late':
        return t(sm.lateBy, { n: c.days ?? 0 });
      case 'filed':
        return t(sm.clockFiled);
      case 'lapsed':
        return t(sm.clockLapsed);
      case 'none':
        return t(sm.clockNone);
    }
  };
}

export const clockColour = (c: BatchClock) => CLOCK_COLOURS[c.state];

/** One clock in a table cell: its due date and a tag for its state, the clock's full name on hover. */
export function ClockTag({ clock }: { clock: BatchClock }) {
  const t = useT();
  const text = useClockText();
  return (
    <Tooltip title={`${t(SAMPLING_CLOCK_LABELS[clock.clock])}${clock.dueOn ? ` · ${t(sm.dueShort, { date: formatDate(clock.dueOn) })}` : ''}`}>
      <Tag color={clockColour(clock)} style={{ marginInlineEnd: 4 }}>
        {t(SHORT_CLOCK[clock.clock])}
        {clock.dueOn ? ` ${clock.dueOn.slice(5)}` : ''} · {text(clock)}
      </Tag>
    </Tooltip>
  );
}

const SHORT_CLOCK = {
  delivery: { zh: '送检', en: 'Delivery' },
  report: { zh: '报告', en: 'Report' },
  objection: { zh: '异议', en: 'Objection' },
} as const;

/** Batches sampled against a quota: a bar, and the two numbers under it. */
export function ProgressCell({ done, of }: { done: number; of: number }) {
  return (
    <div>
      <Progress percent={percent(done, of)} size="small" />
      <Typography.Text type="secondary">
        {done} / {of}
      </Typography.Text>
    </div>
  );
}
