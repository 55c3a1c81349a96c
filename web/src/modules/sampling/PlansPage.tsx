import { Button, Form, Input, Progress, Table, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { keys, paths, samplingApi, type SamplingPlanListQuery, type SamplingPlanView } from './api';
import { sm } from './messages';
import { percent } from './quota';

const LIST = { sorts: ['startsOn'] as const, sort: 'startsOn' as const, order: 'desc' as const };
const FILTERS = ['q'] as const;

function PlanSearch({ value, onApply }: { value?: string; onApply: (v: { q?: string }) => void }) {
  const t = useT();
  const [form] = Form.useForm<{ q?: string }>();
  return (
    <Form name="planFilters" form={form} layout="inline" className="filter-bar" initialValues={{ q: value }} onFinish={onApply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(sm.plansSearch)} aria-label={t(sm.plansSearch)} style={{ width: 260 }} onSearch={() => form.submit()} />
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onApply({})}>{t(common.reset)}</Button>
      </Form.Item>
    </Form>
  );
}

/** Plans in scope (an institution: those with tasks given to it), newest period first, with their progress. */
export function PlansPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const result = useQuery({
    queryKey: [...keys.all, 'plans', list.query],
    queryFn: () => samplingApi.plans(list.query as SamplingPlanListQuery),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<SamplingPlanView> = [
    { title: t(sm.planName), dataIndex: 'name', render: (name: string, row) => <Link to={paths.plan(row.id)}>{name}</Link> },
    { title: t(sm.planOrg), dataIndex: 'orgName', render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
    { title: t(sm.period), width: 220, ...list.sortable('startsOn'), render: (_, row) => `${formatDate(row.startsOn)} — ${formatDate(row.endsOn)}` },
    {
      title: t(sm.progress),
      key: 'progress',
      width: 260,
      render: (_, row) => (
        <div>
          <Progress percent={percent(row.sampledBatches, row.quotaBatches)} size="small" />
          <Typography.Text type="secondary">
            {row.sampledBatches} / {row.quotaBatches}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t(sm.nonconformingBatches),
      dataIndex: 'nonconformingBatches',
      width: 120,
      render: (n: number, row) => (n ? <Link to={`${paths.batches}?planId=${row.id}&conclusion=nonconforming`}><Typography.Text type="danger">{n}</Typography.Text></Link> : 0),
    },
  ];
  return (
    <>
      <PageHeader
        title={t(sm.plansTitle)}
        subtitle={t(session.org.kind === 'institution' ? sm.plansSubtitleLab : sm.plansSubtitle)}
        extra={
          can(session, 'sampling.plan') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(paths.newPlan)}>
              {t(sm.newPlan)}
            </Button>
          ) : null
        }
      />
      <PlanSearch key={list.filters.q ?? ''} value={list.filters.q} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<SamplingPlanView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(result.data?.total, (n) => t(common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(sm.plansEmpty)} /> }}
        scroll={{ x: 900 }}
      />
    </>
  );
}
