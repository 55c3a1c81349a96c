import { Empty, Timeline, Typography } from 'antd';
import type { WorkflowEventView } from '../../api/types';
import { useT, type Label } from '../../app/i18n';
import { formatDateTime } from '../../shared/format';
import { lm } from './messages';

export const STEP_LABELS: Record<string, Label> = {
  received: { zh: '收样', en: 'Received' },
  assigned: { zh: '分配检验任务', en: 'Tests assigned' },
  submitted: { zh: '提交审核', en: 'Submitted for review' },
  reviewed: { zh: '审核通过', en: 'Reviewed' },
  returned: { zh: '退回重检', en: 'Returned for rework' },
  approved: { zh: '批准', en: 'Approved' },
  issued: { zh: '签发报告', en: 'Report issued' },
  reopened: { zh: '报告更正，重新检验', en: 'Reopened for amendment' },
};

const STEP_COLOURS: Record<string, string> = { returned: 'red', reopened: 'orange', issued: 'green', approved: 'green' };

/** The sample's workflow steps, oldest first, with who did each and why when there was a reason. */
export function SampleEvents({ events }: { events: WorkflowEventView[] }) {
  const t = useT();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(lm.noEvents)} />;
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: `${e.at}-${i}`,
        color: STEP_COLOURS[e.step] ?? 'blue',
        content: (
          <div>
            <Typography.Text strong>{STEP_LABELS[e.step] ? t(STEP_LABELS[e.step]!) : e.step}</Typography.Text>
            <Typography.Text type="secondary">
              {' '}
              · {e.byName} · {formatDateTime(e.at)}
            </Typography.Text>
            {e.reason ? <div className="event-reason">{t(lm.reasonIs, { reason: e.reason })}</div> : null}
          </div>
        ),
      }))}
    />
  );
}
