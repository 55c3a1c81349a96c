import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Segmented, Space, Statistic, Table, type TableColumnsType } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import { useT } from '../../app/i18n';
import { formatDateTime } from '../../shared/format';
import { QueryError } from '../../shared/ui';
import type { CompletenessUnit, CompletenessView } from './api';
import { rm } from './messages';
import { ReviewActions } from './ReviewActions';
import { timelinessOf } from './status';
import { SubmissionStatusTag, TimelinessTag } from './tags';

type Filter = 'all' | 'missing' | 'late' | 'pending';

const inFilter = (u: CompletenessUnit, filter: Filter, closed: boolean) => {
  const submitted = u.status === 'submitted' || u.status === 'accepted';
  if (filter === 'missing') return !submitted;
  if (filter === 'late') {
    const timeliness = timelinessOf(u, closed);
    return timeliness === 'late' || timeliness === 'overdue';
  }
  if (filter === 'pending') return u.status === 'submitted';
  return true;
};

/**
 * 完成情况: who of the units has reported, on time or late, who is missing; and the
 * level above's decisions on each (accept, return, excuse lateness).
 */
export function CompletenessPanel({ templateId, periodKey, completeness, onViewUnit }: { templateId: string; periodKey: string; completeness: UseQueryResult<CompletenessView>; onViewUnit: (orgId: string) => void }) {
  const t = useT();
  const [filter, setFilter] = useState<Filter>('all');
  if (completeness.isError) return <QueryError error={completeness.error} onRetry={() => void completeness.refetch()} />;
  const c = completeness.data;
  const closed = c?.period.closed ?? false;
  const units = (c?.units ?? []).filter((u) => inFilter(u, filter, closed));
  const counts: [string, number | string | undefined, boolean][] = [
    [t(rm.expected), c?.expected, false],
    [t(rm.submittedCount), c?.submitted, false],
    [t(rm.acceptedCount), c?.accepted, false],
    [t(rm.onTimeCount), c?.onTime, false],
    [t(rm.lateCountTitle), c?.late, Boolean(c?.late)],
    [t(rm.missingCount), c?.missing, Boolean(c?.missing && closed)],
    [t(rm.timeliness), c ? (c.timelinessPercent === null ? '—' : `${c.timelinessPercent}%`) : undefined, false],
  ];

  const columns: TableColumnsType<CompletenessUnit> = [
    {
      title: t(rm.unit),
      dataIndex: 'name',
      render: (name: string, u) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onViewUnit(u.orgId)}>
          {name}
        </Button>
      ),
    },
    { title: t(rm.regionCode), dataIndex: 'regionCode', width: 100, render: (code: string) => <span className="mono">{code}</span> },
    { title: t(rm.status), dataIndex: 'status', width: 140, render: (s: CompletenessUnit['status']) => <SubmissionStatusTag status={s} /> },
    { title: t(rm.submittedAt), dataIndex: 'submittedAt', width: 160, render: formatDateTime },
    { title: t(rm.timelinessColumn), key: 'timeliness', width: 110, render: (_, u) => <TimelinessTag value={timelinessOf(u, closed)} /> },
    {
      title: '',
      key: 'actions',
      width: 280,
      render: (_, u) => (
        <Space size={4} wrap>
          <Button size="small" onClick={() => onViewUnit(u.orgId)}>
            {t(rm.view)}
          </Button>
          <ReviewActions templateId={templateId} periodKey={periodKey} closed={closed} unit={u} />
        </Space>
      ),
    },
  ];

  return (
    <>
      <Card size="small" className="detail-card">
        <Row gutter={[16, 8]}>
          {counts.map(([title, value, danger]) => (
            <Col key={title} xs={12} sm={8} md={6} lg={3}>
              <Statistic title={title} value={value ?? '—'} loading={completeness.isPending} styles={{ content: danger ? { color: 'var(--ant-color-error, #ff4d4f)' } : undefined }} />
            </Col>
          ))}
        </Row>
      </Card>
      <Segmented<Filter>
        style={{ marginBottom: 12 }}
        value={filter}
        onChange={setFilter}
        options={[
          { value: 'all', label: t(rm.filterAll) },
          { value: 'missing', label: `${t(rm.filterMissing)}${c ? ` ${c.missing}` : ''}` },
          { value: 'late', label: t(rm.filterLate) },
          { value: 'pending', label: t(rm.filterPending) },
        ]}
      />
      <Table<CompletenessUnit>
        rowKey="orgId"
        size="small"
        columns={columns}
        dataSource={units}
        loading={completeness.isFetching}
        pagination={units.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: completeness.isPending ? ' ' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filter === 'all' ? t(rm.completenessEmpty) : t(rm.completenessFiltered)} /> }}
      />
    </>
  );
}
