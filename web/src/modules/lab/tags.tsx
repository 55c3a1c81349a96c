import { Tag } from 'antd';
import { JUDGEMENT_LABELS, SAMPLE_STATUS_LABELS, type Judgement, type SampleStatus } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { lm } from './messages';

const STATUS_COLOURS: Record<SampleStatus, string> = {
  received: 'default',
  testing: 'processing',
  in_review: 'orange',
  in_approval: 'gold',
  approved: 'cyan',
  issued: 'success',
};

export function SampleStatusTag({ status }: { status: SampleStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOURS[status]}>{t(SAMPLE_STATUS_LABELS[status])}</Tag>;
}

const JUDGEMENT_COLOURS: Record<Judgement, string> = { pass: 'success', fail: 'error', none: 'default' };

export function JudgementTag({ judgement }: { judgement: Judgement | null }) {
  const t = useT();
  if (!judgement) return <>—</>;
  return <Tag color={JUDGEMENT_COLOURS[judgement]}>{t(JUDGEMENT_LABELS[judgement])}</Tag>;
}

export function ReportStatusTag({ status }: { status: 'issued' | 'superseded' }) {
  const t = useT();
  return status === 'issued' ? <Tag color="success">{t(lm.reportCurrent)}</Tag> : <Tag color="warning">{t(lm.reportSuperseded)}</Tag>;
}
