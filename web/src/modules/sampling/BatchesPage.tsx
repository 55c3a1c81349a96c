import { Button, Checkbox, Form, Input, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { BATCH_CONCLUSION_LABELS, BATCH_CONCLUSIONS, SAMPLING_STATUS_LABELS, SAMPLING_STATUSES } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { keys, paths, samplingApi, type SamplingRecordListQuery } from './api';
import { BatchTable } from './BatchTable';
import { sm } from './messages';

const LIST = { sorts: ['sampledOn'] as const, sort: 'sampledOn' as const, order: 'desc' as const };
const FILTERS = ['q', 'status', 'conclusion', 'overdue', 'planId'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
type FormValues = Omit<Filters, 'overdue'> & { overdue?: boolean };

/** The plans to filter by: the most recent hundred in scope. */
export function usePlanOptions() {
  const plans = useQuery({ queryKey: [...keys.all, 'plans', 'options'], queryFn: () => samplingApi.plans({ pageSize: 100 }), staleTime: 60_000 });
  return { options: (plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })), loading: plans.isPending, plans: plans.data?.items };
}

function BatchFilters({ values, onApply }: { values: Filters; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<FormValues>();
  const plans = usePlanOptions();
  const apply = (v: FormValues) => onApply({ ...v, overdue: v.overdue ? 'true' : undefined });
  const select = (name: 'status' | 'conclusion' | 'planId', label: string, options: { value: string; label: string }[], width: number, loading = false) => (
    <Form.Item name={name}>
      <Select
        allowClear
        placeholder={label}
        aria-label={label}
        style={{ width }}
        options={options}
        loading={loading}
        showSearch={name === 'planId' ? { optionFilterProp: 'label' } : undefined}
        onChange={(value?: string) => apply({ ...form.getFieldsValue(), [name]: value })}
      />
    </Form.Item>
  );
  return (
    <Form name="batchFilters" form={form} layout="inline" className="filter-bar" initialValues={{ ...values, overdue: values.overdue === 'true' }} onFinish={apply}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(sm.batchesSearch)} aria-label={t(sm.batchesSearch)} style={{ width: 250 }} onSearch={() => form.submit()} />
      </Form.Item>
      {select('status', t(sm.status), SAMPLING_STATUSES.map((s) => ({ value: s, label: t(SAMPLING_STATUS_LABELS[s]) })), 160)}
      {select('conclusion', t(sm.conclusion), BATCH_CONCLUSIONS.map((c) => ({ value: c, label: t(BATCH_CONCLUSION_LABELS[c]) })), 120)}
      {select('planId', t(sm.plan), plans.options, 220, plans.loading)}
      <Form.Item name="overdue" valuePropName="checked">
        <Checkbox onChange={(e) => apply({ ...form.getFieldsValue(), overdue: e.target.checked })}>{t(sm.overdueOnly)}</Checkbox>
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t(common.search)}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={() => onApply({})}>{t(common.reset)}</Button>
      </Form.Item>
    </Form>
  );
}

/** Every sampled batch in scope: its status, three clocks and result; overdue ones in red. */
export function BatchesPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const result = useQuery({
    queryKey: [...keys.all, 'records', list.query],
    queryFn: () => samplingApi.records(list.query as SamplingRecordListQuery),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      <PageHeader
        title={t(sm.batchesTitle)}
        subtitle={t(sm.batchesSubtitle)}
        extra={
          can(session, 'sampling.record') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(paths.newBatch(list.filters.planId))}>
              {t(sm.recordBatch)}
            </Button>
          ) : null
        }
      />
      <BatchFilters key={JSON.stringify(list.filters)} values={list.filters} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <BatchTable
        rows={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        sortable={list.filters.overdue ? undefined : list.sortable('sampledOn')}
        pagination={list.pagination(result.data?.total, (n) => t(result.data?.totalCapped ? common.totalAtLeast : common.total, { n }))}
        empty={result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(sm.batchesEmpty)} />}
      />
    </>
  );
}
