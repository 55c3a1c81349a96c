import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { NotificationOutlined, PlusOutlined } from '@ant-design/icons';
import { RECALL_SOURCE_LABELS, RECALL_SOURCES, RECALL_STATUS_LABELS, RECALL_STATUSES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { formatDate } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { keys, paths, recallsApi, type RecallListQuery, type RecallSource, type RecallStatus, type RecallView } from './api';
import { rm } from './messages';
import { ProducerCell, RecallProgress, RiskTag, SourceTag, StatusTag } from './parts';
import { ReportDrawer } from './ReportDrawer';

const LIST = { sorts: ['reportedOn'] as const, sort: 'reportedOn' as const, order: 'desc' as const };
const FILTERS = ['q', 'status', 'source'] as const;

/** 缺陷召回: reports and recalls on producers in the caller's area (an enterprise sees its own). */
export function RecallsPage() {
  const t = useT();
  const session = useSession();
  const categoryName = useCategoryName();
  const [reporting, setReporting] = useState(false);
  const list = useListParams(LIST, FILTERS);
  const query: RecallListQuery = { page: list.page, pageSize: list.pageSize, order: list.order, q: list.filters.q, status: list.filters.status as RecallStatus | undefined, source: list.filters.source as RecallSource | undefined };
  const result = useListQuery(keys.list, query, recallsApi.list);
  const enterprise = session.org.kind === 'enterprise';

  const columns: TableColumnsType<RecallView> = [
    {
      title: t(rm.recallNo),
      dataIndex: 'recallNo',
      width: 130,
      render: (no: string, row) => (
        <Link to={paths.one(row.id)} className="mono" style={{ whiteSpace: 'nowrap' }}>
          {no}
        </Link>
      ),
    },
    {
      title: t(rm.product),
      key: 'product',
      render: (_, row) => (
        <div>
          <div>{row.productName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[row.productCategory ? categoryName(row.productCategory) : null, row.batches || null].filter(Boolean).join(' · ')}
          </Typography.Text>
        </div>
      ),
    },
    { title: t(rm.producer), key: 'producer', width: 220, hidden: enterprise, render: (_, row) => <ProducerCell recall={row} /> },
    { title: t(rm.source), dataIndex: 'source', width: 120, render: (s: RecallSource) => <SourceTag source={s} /> },
    {
      title: t(rm.status),
      dataIndex: 'status',
      width: 140,
      render: (s: RecallStatus, row) => (
        <Space orientation="vertical" size={2}>
          <StatusTag status={s} />
          {row.publishedAt ? (
            <Tag color="geekblue" icon={<NotificationOutlined />}>
              {t(rm.published)}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t(rm.riskLevel), dataIndex: 'riskLevel', width: 90, render: (_, row) => <RiskTag level={row.riskLevel} /> },
    { title: t(rm.progress), key: 'progress', width: 180, render: (_, row) => <RecallProgress recall={row} /> },
    { title: t(rm.reportedOn), dataIndex: 'reportedOn', width: 110, ...list.sortable('reportedOn'), render: formatDate },
  ];

  return (
    <>
      <PageHeader
        title={t(rm.title)}
        subtitle={t(enterprise ? rm.subtitleEnterprise : rm.subtitleRegulator)}
        extra={
          can(session, 'recall.report') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setReporting(true)}>
              {t(rm.report)}
            </Button>
          ) : null
        }
      />
      <FilterBar name="recallFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(rm.search)} width={260} />
        <SelectFilter name="status" label={t(rm.status)} width={180} options={RECALL_STATUSES.map((s) => ({ value: s, label: t(RECALL_STATUS_LABELS[s]) }))} />
        <SelectFilter name="source" label={t(rm.source)} width={150} options={RECALL_SOURCES.map((s) => ({ value: s, label: t(RECALL_SOURCE_LABELS[s]) }))} />
      </FilterBar>
      <ListTable<RecallView> list={list} result={result} columns={columns} emptyText={t(rm.empty)} scroll={{ x: 1150 }} />
      {can(session, 'recall.report') ? <ReportDrawer open={reporting} onClose={() => setReporting(false)} /> : null}
    </>
  );
}
