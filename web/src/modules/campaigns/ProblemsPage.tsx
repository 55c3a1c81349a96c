import { useState } from 'react';
import { Button, Segmented } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { PROBLEM_STATUS_LABELS, PROBLEM_STATUSES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { CAMPAIGNS_KEY, campaignsApi, type ProblemListQuery, type ProblemView } from './api';
import { cm } from './messages';
import { ProblemForm } from './ProblemForm';
import { useProblemColumns } from './ProblemTable';
import { useCampaignOptions } from './tags';

// Unresolved first (along the workflow), then by deadline: the ledger reads as a to-do list.
const LIST = { sorts: ['deadline', 'createdAt', 'status'] as const, sort: 'status' as const, order: 'asc' as const };
const FILTERS = ['campaignId', 'status', 'unresolved', 'overdue', 'q'] as const;
type View = 'all' | 'unresolved' | 'overdue';

/** 问题清单台账: every campaign problem in scope, with the unresolved and overdue queues. */
export function ProblemsPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const [adding, setAdding] = useState(false);
  const campaigns = useCampaignOptions();
  const { columns, modals } = useProblemColumns({ sortable: list.sortable });
  const result = useListQuery([...CAMPAIGNS_KEY, 'problems'], list.query as ProblemListQuery, campaignsApi.problems);
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
      <FilterBar name="problemFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(cm.searchProblem)} width={220} />
        <SelectFilter name="campaignId" placeholder={t(cm.campaignFilter)} width={280} options={campaigns.options} showSearch={{ optionFilterProp: 'label' }} />
        <SelectFilter name="status" placeholder={t(cm.problemStatus)} width={120} options={PROBLEM_STATUSES.map((s) => ({ value: s, label: t(PROBLEM_STATUS_LABELS[s]) }))} />
      </FilterBar>
      <ListTable<ProblemView>
        list={list}
        result={result}
        columns={columns}
        expandable={{ expandedRowRender: (row) => (row.measures ? `${t(cm.measures)}：${row.measures}` : '—'), rowExpandable: (row) => Boolean(row.measures) }}
        emptyText={t(cm.problemsEmpty)}
        filteredText={t(cm.problemsEmptyFiltered)}
        scroll={{ x: 1200 }}
      />
      {modals}
      <ProblemForm open={adding} campaignId={list.filters.campaignId} onClose={() => setAdding(false)} />
    </>
  );
}
