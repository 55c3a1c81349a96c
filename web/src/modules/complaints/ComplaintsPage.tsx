import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge, Button, Space, Tabs, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { COMPLAINT_KIND_LABELS, COMPLAINT_KINDS, COMPLAINT_STATUS_LABELS, COMPLAINT_STATUSES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { DateRangeFilter, dateRange, FilterBar, SearchFilter, SelectFilter, type WithDateRange } from '../../shared/FilterBar';
import { formatDate } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { complaintsApi, keys, paths, type ComplaintListQuery, type ComplaintStatus, type ComplaintView } from './api';
import { IntakeDrawer } from './IntakeDrawer';
import { cm } from './messages';
import { channelLabel, DueCell, KindTag, StatusTag, TargetCell, useToday } from './parts';

const LIST = { sorts: ['receivedOn'] as const, sort: 'receivedOn' as const, order: 'desc' as const };
const FILTERS = ['q', 'kind', 'status', 'overdue', 'from', 'to'] as const;

/** 投诉举报: the complaints and reports of the caller's area, with the clock of each; 超期 lists those past their limit. */
export function ComplaintsPage() {
  const t = useT();
  const session = useSession();
  const [intake, setIntake] = useState(false);
  const list = useListParams(LIST, FILTERS);
  const query: ComplaintListQuery = {
    page: list.page,
    pageSize: list.pageSize,
    order: list.order,
    q: list.filters.q,
    kind: list.filters.kind as ComplaintListQuery['kind'],
    status: list.filters.status as ComplaintStatus | undefined,
    overdue: list.filters.overdue === 'true' ? 'true' : undefined,
    from: list.filters.from,
    to: list.filters.to,
  };
  const result = useListQuery(keys.list, query, complaintsApi.list);
  // The number past their limit, for the tab: one row asked for, the total read.
  const overdueCount = useQuery({ queryKey: [...keys.list, 'overdue-count'], queryFn: () => complaintsApi.list({ overdue: 'true', pageSize: 1 }) });
  const today = useToday();
  const overdueTab = list.filters.overdue === 'true';

  const columns: TableColumnsType<ComplaintView> = [
    {
      title: t(cm.noAndKind),
      dataIndex: 'complaintNo',
      width: 200,
      render: (no: string, row) => (
        <div>
          <Link to={paths.one(row.id)} className="mono" style={{ whiteSpace: 'nowrap' }}>
            {no}
          </Link>
          <div>
            <KindTag kind={row.kind} />
            <span className="secondary-text">{t(channelLabel(row.channel))}</span>
          </div>
        </div>
      ),
    },
    { title: t(cm.subject), dataIndex: 'subject', ellipsis: { showTitle: true }, width: 200 },
    { title: t(cm.target), key: 'target', width: 220, render: (_, row) => <TargetCell complaint={row} /> },
    {
      title: t(cm.status),
      dataIndex: 'status',
      width: 150,
      render: (s: ComplaintStatus, row) => (
        <Space orientation="vertical" size={2}>
          <StatusTag status={s} />
          {row.caseNo ? <span className="secondary-text">{`${t(cm.linkedCase)} ${row.caseNo}`}</span> : null}
        </Space>
      ),
    },
    { title: t(cm.dueOn), key: 'dueOn', width: 170, render: (_, row) => <DueCell complaint={row} today={today} /> },
    { title: t(cm.receivedOn), dataIndex: 'receivedOn', width: 115, ...list.sortable('receivedOn'), render: formatDate },
    { title: t(cm.handlingOrg), dataIndex: 'handlingOrgName', render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
  ];

  return (
    <>
      <PageHeader
        title={t(cm.title)}
        subtitle={t(cm.subtitle)}
        extra={
          can(session, 'complaint.intake') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntake(true)}>
              {t(cm.intake)}
            </Button>
          ) : null
        }
      />
      <Tabs
        activeKey={overdueTab ? 'overdue' : 'all'}
        onChange={(key) => list.setFilters({ ...list.filters, overdue: key === 'overdue' ? 'true' : undefined })}
        items={[
          { key: 'all', label: t(cm.tabAll) },
          {
            key: 'overdue',
            label: (
              <Space size={6}>
                {t(cm.tabOverdue)}
                {overdueCount.data?.total ? <Badge count={overdueCount.data.total} overflowCount={999} /> : null}
              </Space>
            ),
          },
        ]}
      />
      <FilterBar<WithDateRange> name="complaintFilters" values={list.filters} onApply={list.setFilters} {...dateRange}>
        <SearchFilter label={t(cm.search)} width={260} />
        <SelectFilter name="kind" label={t(cm.kind)} width={110} options={COMPLAINT_KINDS.map((k) => ({ value: k, label: t(COMPLAINT_KIND_LABELS[k]) }))} />
        <SelectFilter name="status" label={t(cm.status)} width={170} options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: t(COMPLAINT_STATUS_LABELS[s]) }))} />
        <DateRangeFilter label={t(cm.receivedOn)} />
      </FilterBar>
      <ListTable<ComplaintView>
        list={list}
        result={result}
        columns={columns}
        emptyText={t(overdueTab ? cm.overdueEmpty : cm.empty)}
        filteredText={overdueTab && Object.keys(list.filters).length === 1 ? t(cm.overdueEmpty) : undefined}
        onRow={(row) => (row.overdue ? { className: 'complaint-overdue', style: { background: '#fff1f0' } } : {})}
        scroll={{ x: 1250 }}
      />
      {can(session, 'complaint.intake') ? <IntakeDrawer open={intake} onClose={() => setIntake(false)} /> : null}
    </>
  );
}
