import { useState } from 'react';
import { App, Button, Descriptions, Typography, type TableColumnsType } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { formatDate } from '../../shared/format';
import { CAMPAIGNS_KEY, campaignsApi, type ScreeningView } from './api';
import { CompletionModal } from './CompletionModal';
import { cm } from './messages';
import { Deadline, RectificationTag, ResultTag } from './tags';

type Sortable = (key: 'screenedOn' | 'rectificationDeadline' | 'enterpriseName') => object;

/**
 * The columns of a screening list and the rectification action, shared by the
 * screenings page and a campaign's detail. `sortable` makes columns sortable
 * where the list's state lives in the URL.
 */
export function useScreeningColumns({ sortable, showCampaign = true }: { sortable?: Sortable; showCampaign?: boolean } = {}) {
  const t = useT();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const categoryName = useCategoryName();
  const [rectifying, setRectifying] = useState<ScreeningView | null>(null);
  const writable = can(session, 'screening.write');
  const sort = (key: Parameters<Sortable>[0]) => (sortable ? sortable(key) : {});

  const columns: TableColumnsType<ScreeningView> = [
    {
      title: t(cm.enterprise),
      dataIndex: 'enterpriseName',
      width: 250,
      ...sort('enterpriseName'),
      render: (name: string, row) => (
        <div>
          <div>{name}</div>
          <Typography.Text type="secondary" className="mono" style={{ fontSize: 12 }}>
            {row.uscc}
          </Typography.Text>
        </div>
      ),
    },
    { title: t(cm.regionName), dataIndex: 'regionName', width: 100 },
    { title: t(cm.category), dataIndex: 'category', width: 140, render: (c: string) => categoryName(c) },
    ...(showCampaign
      ? [{ title: t(cm.campaign), dataIndex: 'campaignName', ellipsis: true, width: 200, render: (n: string | null) => n ?? <Typography.Text type="secondary">{t(cm.routineShort)}</Typography.Text> }]
      : []),
    { title: t(cm.screenedOn), dataIndex: 'screenedOn', width: 120, ...sort('screenedOn'), render: formatDate },
    { title: t(cm.result), dataIndex: 'result', width: 90, render: (r: ScreeningView['result']) => <ResultTag result={r} /> },
    {
      title: t(cm.deadline),
      dataIndex: 'rectificationDeadline',
      width: 120,
      ...sort('rectificationDeadline'),
      render: (d: string | null, row) => <Deadline date={d} overdue={row.overdue} />,
    },
    {
      title: t(cm.rectification),
      dataIndex: 'rectificationStatus',
      width: 100,
      render: (s: ScreeningView['rectificationStatus'], row) => <RectificationTag status={s} overdue={row.overdue} />,
    },
  ];
  if (writable) {
    columns.push({
      title: '',
      key: 'actions',
      width: 110,
      render: (_, row) =>
        row.rectificationStatus === 'pending' ? (
          <Button size="small" type="link" onClick={() => setRectifying(row)}>
            {t(cm.rectify)}
          </Button>
        ) : null,
    });
  }

  const modal = (
    <CompletionModal
      open={Boolean(rectifying)}
      title={t(cm.rectifyTitle, { name: rectifying?.enterpriseName ?? '' })}
      warning={t(cm.rectifyConfirm)}
      dateLabel={t(cm.rectifiedOn)}
      dateRequired={t(cm.rectifiedOnRequired)}
      textLabel={t(cm.rectificationNote)}
      textRequired={t(cm.rectificationNoteRequired)}
      okText={t(cm.rectify)}
      earliest={rectifying?.screenedOn}
      dateField="rectifiedOn"
      textField="note"
      onSubmit={async ({ date, text }) => {
        await campaignsApi.rectify(rectifying!.id, { rectifiedOn: date, note: text });
        void client.invalidateQueries({ queryKey: CAMPAIGNS_KEY });
        void message.success(t(cm.rectified));
      }}
      onClose={() => setRectifying(null)}
    />
  );
  return { columns, modal };
}

/** The detail of one screening, shown when its row is expanded. */
export function ScreeningDetail({ row }: { row: ScreeningView }) {
  const t = useT();
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'officers', label: t(cm.officers), children: row.officers.join('、') },
        { key: 'org', label: t(cm.recordedBy), children: row.orgName },
        { key: 'problems', label: t(cm.problems), children: row.problems || '—', span: 2 },
        ...(row.rectificationStatus === 'completed'
          ? [
              { key: 'rectifiedOn', label: t(cm.rectifiedOn), children: formatDate(row.rectifiedOn) },
              { key: 'note', label: t(cm.rectificationNote), children: row.rectificationNote ?? '—' },
            ]
          : []),
      ]}
    />
  );
}
