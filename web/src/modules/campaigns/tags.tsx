import { useMemo } from 'react';
import { Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useQuery } from '@tanstack/react-query';
import {
  CAMPAIGN_PHASE_LABELS,
  PROBLEM_STATUS_LABELS,
  RECTIFICATION_STATUS_LABELS,
  SCREENING_RESULT_LABELS,
  type CampaignPhase,
  type ProblemStatus,
  type RectificationStatus,
  type ScreeningResult,
} from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { beijingToday, formatDate } from '../../shared/format';
import { CAMPAIGNS_KEY, campaignsApi } from './api';
import { cm } from './messages';

const PHASE_COLOURS: Record<CampaignPhase, string> = { upcoming: 'blue', ongoing: 'processing', ended: 'default' };
export function PhaseTag({ phase }: { phase: CampaignPhase }) {
  const t = useT();
  return <Tag color={PHASE_COLOURS[phase]}>{t(CAMPAIGN_PHASE_LABELS[phase])}</Tag>;
}

export function ResultTag({ result }: { result: ScreeningResult }) {
  const t = useT();
  return <Tag color={result === 'conforming' ? 'success' : 'error'}>{t(SCREENING_RESULT_LABELS[result])}</Tag>;
}

const RECTIFICATION_COLOURS: Record<RectificationStatus, string> = { not_required: 'default', pending: 'warning', completed: 'success' };
export function RectificationTag({ status, overdue }: { status: RectificationStatus; overdue?: boolean }) {
  const t = useT();
  if (overdue) return <Tag color="error">{t(cm.overdue)}</Tag>;
  return <Tag color={RECTIFICATION_COLOURS[status]}>{t(RECTIFICATION_STATUS_LABELS[status])}</Tag>;
}

const PROBLEM_COLOURS: Record<ProblemStatus, string> = { open: 'warning', in_progress: 'processing', resolved: 'success' };
export function ProblemStatusTag({ status }: { status: ProblemStatus }) {
  const t = useT();
  return <Tag color={PROBLEM_COLOURS[status]}>{t(PROBLEM_STATUS_LABELS[status])}</Tag>;
}

/** A deadline, in red with the days overdue when it has passed unfulfilled. */
export function Deadline({ date, overdue, today }: { date: string | null; overdue: boolean; today?: string }) {
  const t = useT();
  if (!date) return <>—</>;
  if (!overdue) return <>{formatDate(date)}</>;
  const days = dayjs(today ?? dayjs(beijingToday()).format('YYYY-MM-DD')).diff(dayjs(date), 'day');
  return (
    <Tooltip title={t(cm.overdueDays, { n: days })}>
      <span className="deadline-overdue" style={{ color: 'var(--ant-color-error, #ff4d4f)', fontWeight: 500 }}>
        {formatDate(date)}
      </span>
    </Tooltip>
  );
}

/** Campaigns in scope as select options, newest first. */
export function useCampaignOptions() {
  const { data, isPending } = useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'options'],
    queryFn: () => campaignsApi.list({ pageSize: 100, sort: 'startsOn', order: 'desc' }),
    staleTime: 60_000,
  });
  const campaigns = useMemo(() => data?.items ?? [], [data]);
  const options = useMemo(() => campaigns.map((c) => ({ value: c.id, label: c.name })), [campaigns]);
  return { campaigns, options, loading: isPending };
}
