import { Button, Checkbox, Form } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router-dom';
import { useQuery } from '@tanstack/react-query';
import { BATCH_CONCLUSION_LABELS, BATCH_CONCLUSIONS, SAMPLING_STATUS_LABELS, SAMPLING_STATUSES } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
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

const toForm = (v: Filters): FormValues => ({ ...v, overdue: v.overdue === 'true' });
const fromForm = (v: FormValues): Filters => ({ ...v, overdue: v.overdue ? 'true' : undefined });

function BatchFilters({ values, onApply }: { values: Filters; onApply: (v: Filters) => void }) {
  const t = useT();
  const plans = usePlanOptions();
  return (
    <FilterBar name="batchFilters" values={values} onApply={onApply} toForm={toForm} fromForm={fromForm}>
      <SearchFilter label={t(sm.batchesSearch)} width={250} />
      <SelectFilter name="status" label={t(sm.status)} width={160} options={SAMPLING_STATUSES.map((s) => ({ value: s, label: t(SAMPLING_STATUS_LABELS[s]) }))} />
      <SelectFilter name="conclusion" label={t(sm.conclusion)} width={120} options={BATCH_CONCLUSIONS.map((c) => ({ value: c, label: t(BATCH_CONCLUSION_LABELS[c]) }))} />
      <SelectFilter name="planId" label={t(sm.plan)} width={220} options={plans.options} loading={plans.loading} showSearch={{ optionFilterProp: 'label' }} />
      <Form.Item name="overdue" valuePropName="checked">
        <Checkbox>{t(sm.overdueOnly)}</Checkbox>
      </Form.Item>
    </FilterBar>
  );
}

/** Every sampled batch in scope: its status, three clocks and result; overdue ones in red. */
export function BatchesPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const result = useListQuery([...keys.all, 'records'], list.query as SamplingRecordListQuery, samplingApi.records);
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
      <BatchFilters values={list.filters} onApply={list.setFilters} />
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
