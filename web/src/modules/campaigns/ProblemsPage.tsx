import { useState } from 'react';
import { Button, Form, Input, Segmented, Select, Table } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { PROBLEM_STATUS_LABELS, PROBLEM_STATUSES } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { ListEmpty, PageHeader, QueryError } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { CAMPAIGNS_KEY, campaignsApi, type ProblemListQuery, type ProblemView } from './api';
import { cm } from './messages';
import { ProblemForm } from './ProblemForm';
import { useProblemColumns } from './ProblemTable';
import { useCampaignOptions } from './tags';

// Unresolved first (along the workflow), then by deadline: the ledger reads as a to-do list.
const LIST = { sorts: ['deadline', 'createdAt', 'status'] as const, sort: 'status' as const, order: 'asc' as const };
const FILTERS = ['campaignId', 'status', 'unresolved', 'overdue', 'q'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
type View = 'all' | 'unresolved' | 'overdue';

function ProblemFilters({ values, onApply }: { values: Filters; onApply: (v: Filters) => void }) {
  const t = useT();
  const [form] = Form.useForm<Filters>();
  const campaigns = useCampaignOptions();
  const apply = (patch: Filters) => onApply({ ...values, ...form.getFieldsValue(), ...patch });
  return (
    <Form name="problemFilters" form={form} layout="inline" className="filter-bar" initialValues={values} onFinish={() => apply({})}>
      <Form.Item name="q">
        <Input.Search allowClear placeholder={t(cm.searchProblem)} style={{ width: 220 }} onSearch={() => form.submit()} aria-label={t(cm.searchProblem)} />
      </Form.Item>
      <Form.Item name="campaignId">
        <Select
          allowClear
          placeholder={t(cm.campaignFilter)}
          style={{ width: 280 }}
          options={campaigns.options}
          showSearch={{ optionFilterProp: 'label' }}
          onChange={(campaignId?: string) => apply({ campaignId })}
        />
      </Form.Item>
      <Form.Item name="status">
        <Select
          allowClear
          placeholder={t(cm.problemStatus)}
          style={{ width: 120 }}
          options={PROBLEM_STATUSES.map((s) => ({ value: s, label: t(PROBLEM_STATUS_LABELS[s]) }))}
          onChange={(status?: string) => apply({ status })}
        />
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

/** 问题清单台账: every campaign problem in scope, with the unresolved and overdue queues. */
export function ProblemsPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const [adding, setAdding] = useState(false);
  const { columns, modals } = useProblemColumns({ sortable: list.sortable });
  const result = useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'problems', list.query],
    queryFn: () => campaignsApi.problems(list.query as ProblemListQuery),
    placeholderData: keepPreviousData,
  });
  const view: View = list.filters.overdue === 'true' ? 'overdue' : list.filters.unresolved === 'true' ? 'unresolved' : 'all';
  const setView = (v: View) => {
    const { overdue: _o, unresolved: _u, ...rest } = list.filters;
    list.setFilters(v === 'overdue' ? { ...rest, overdue: 'true' } : v === 'unresolved' ? { ...rest, unresolved: 'true' } : rest);
  };

  return (
    <>
      <PageHeader
        title={t(cm.problemsTitle)}
        subtitle={t(cm.problemsSubtitle)}
        extra={
          can(session, 'problem.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {t(cm.addProblem)}
            </Button>
          ) : null
        }
      />
      <Segmented<View>
        value={view}
        onChange={setView}
        options={[
          { value: 'all', label: t(cm.viewAll) },
          { value: 'unresolved', label: t(cm.viewUnresolved) },
          { value: 'overdue', label: t(cm.viewOverdue) },
        ]}
        style={{ marginBottom: 12 }}
      />
      <ProblemFilters key={JSON.stringify(list.filters)} values={list.filters} onApply={list.setFilters} />
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<ProblemView>
        rowKey="id"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        expandable={{ expandedRowRender: (row) => (row.measures ? `${t(cm.measures)}：${row.measures}` : '—'), rowExpandable: (row) => Boolean(row.measures) }}
        pagination={list.pagination(result.data?.total, (n) => t(common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : <ListEmpty filtered={list.hasFilters} emptyText={t(cm.problemsEmpty)} filteredText={t(cm.problemsEmptyFiltered)} /> }}
        scroll={{ x: 1200 }}
      />
      {modals}
      <ProblemForm open={adding} campaignId={list.filters.campaignId} onClose={() => setAdding(false)} />
    </>
  );
}
