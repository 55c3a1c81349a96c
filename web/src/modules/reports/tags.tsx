import { Tag, Tooltip } from 'antd';
import { SUBMISSION_STATUS_LABELS, UNIT_LEVELS, type SubmissionStatus, type UnitLevel } from '@shijian/contracts';
import type { Label } from '../../app/i18n';
import { useT } from '../../app/i18n';
import { dm, rm } from './messages';
import type { Timeliness } from './status';

const STATUS_COLOURS: Record<SubmissionStatus | 'missing', string> = {
  missing: 'default',
  draft: 'processing',
  submitted: 'gold',
  accepted: 'success',
  returned: 'error',
};

/** 未报送 / 填报中 / 已报送待审核 / 已审核通过 / 已退回. */
export function SubmissionStatusTag({ status }: { status: SubmissionStatus | 'missing' }) {
  const t = useT();
  return <Tag color={STATUS_COLOURS[status]}>{t(SUBMISSION_STATUS_LABELS[status])}</Tag>;
}

export function TimelinessTag({ value, reason }: { value: Timeliness; reason?: string | null }) {
  const t = useT();
  if (!value) return <span className="secondary-text">—</span>;
  const tag = {
    onTime: <Tag color="green">{t(rm.onTime)}</Tag>,
    late: <Tag color="red">{t(rm.late)}</Tag>,
    excused: <Tag color="orange">{t(rm.excused)}</Tag>,
    overdue: <Tag color="red">{t(rm.lateMissing)}</Tag>,
  }[value];
  return reason ? <Tooltip title={reason}>{tag}</Tooltip> : tag;
}

export const LEVEL_LABELS: Record<UnitLevel, Label> = { province: dm.levelProvince, city: dm.levelCity, county: dm.levelCounty };
export const LEVEL_OPTIONS = (t: (l: Label) => string) => UNIT_LEVELS.map((l) => ({ value: l, label: t(LEVEL_LABELS[l]) }));
