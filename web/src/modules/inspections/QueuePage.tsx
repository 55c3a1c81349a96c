import { useState } from 'react';
import { Button, Card, Empty, Segmented, Table, type TableColumnsType } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { inspectionsApi, type QueueItemView } from './api';
import { im } from './messages';
import { ResultModal } from './ResultModal';
import { InspectorList, OutcomeTag, TierTag } from './tags';

/** An officer's queue: targets the draws assigned to them, awaiting a result or already recorded. */
export function QueuePage() {
  const t = useT();
  const session = useSession();
  const [status, setStatus] = useState<'pending' | 'recorded'>('pending');
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const [recording, setRecording] = useState<QueueItemView | null>(null);
  const mayRecord = can(session, 'inspection.record');
  const queue = useQuery({
    queryKey: ['inspections', 'queue', status, page],
    queryFn: () => inspectionsApi.queue({ status, ...page }),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<QueueItemView> = [
    {
      title: t(im.enterpriseName),
      key: 'enterprise',
      render: (_, row) => (
        <>
          <div>{row.enterpriseName}</div>
          <div className="mono secondary-text">{row.uscc}</div>
        </>
      ),
    },
    { title: t(im.address), key: 'address', render: (_, row) => `${row.regionName} · ${row.address}` },
    { title: t(im.tier), dataIndex: 'tier', width: 110, render: (tier: QueueItemView['tier']) => <TierTag tier={tier} /> },
    {
      title: t(im.draw),
      key: 'draw',
      render: (_, row) => (
        <>
          <div>{row.drawName}</div>
          <div className="secondary-text">
            {row.drawOrgName} · {formatDate(row.drawnAt)}
          </div>
        </>
      ),
    },
    { title: t(im.coInspectors), key: 'inspectors', render: (_, row) => <InspectorList inspectors={row.inspectors} /> },
    {
      title: t(im.outcome),
      key: 'outcome',
      render: (_, row) => (
        <>
          <OutcomeTag outcome={row.outcome} />
          {row.inspectedOn ? <div className="secondary-text">{row.inspectedOn}</div> : null}
        </>
      ),
    },
    ...(mayRecord
      ? [
          {
            title: t(common.actions),
            key: 'actions',
            width: 110,
            render: (_: unknown, row: QueueItemView) => (
              <Button size="small" type={row.outcome ? 'default' : 'primary'} onClick={() => setRecording(row)}>
                {t(row.outcome ? im.correctResult : im.recordResult)}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader title={t(im.queueTitle)} subtitle={t(im.queueSubtitle)} />
      <Segmented
        style={{ marginBottom: 16 }}
        value={status}
        onChange={(v) => {
          setStatus(v as typeof status);
          setPage((p) => ({ ...p, page: 1 }));
        }}
        options={[
          { value: 'pending', label: t(im.statusPending) },
          { value: 'recorded', label: t(im.statusRecorded) },
        ]}
      />
      {queue.isError ? <QueryError error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      <Card>
        <Table<QueueItemView>
          rowKey="id"
          columns={columns}
          dataSource={queue.data?.items}
          loading={queue.isFetching}
          pagination={{
            current: page.page,
            pageSize: page.pageSize,
            total: queue.data?.total ?? 0,
            showTotal: (n) => t(common.total, { n }),
            onChange: (p, pageSize) => setPage({ page: pageSize === page.pageSize ? p : 1, pageSize }),
          }}
          locale={{ emptyText: queue.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(status === 'pending' ? im.queueEmpty : im.recordedEmpty)} /> }}
          scroll={{ x: 1000 }}
        />
      </Card>
      <ResultModal target={recording} drawnAt={recording?.drawnAt ?? null} onClose={() => setRecording(null)} />
    </>
  );
}
