import { Segmented } from 'antd';
import { RECTIFICATION_STATUS_LABELS, RECTIFICATION_STATUSES, SCREENING_RESULT_LABELS, SCREENING_RESULTS } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryOptions } from '../../shared/categories';
import { FilterBar, RegionFilter, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { CAMPAIGNS_KEY, campaignsApi, type ScreeningListQuery, type ScreeningView } from './api';
import { cm } from './messages';
import { ScreeningActions } from './ScreeningActions';
import { ScreeningDetail, useScreeningColumns } from './ScreeningTable';
import { useCampaignOptions } from './tags';

const LIST = { sorts: ['screenedOn', 'rectificationDeadline', 'enterpriseName', 'createdAt'] as const, sort: 'screenedOn' as const, order: 'desc' as const };
const FILTERS = ['campaignId', 'category', 'result', 'rectificationStatus', 'overdue', 'q', 'regionCode'] as const;
type Filters = Partial<Record<(typeof FILTERS)[number], string>>;
type View = 'all' | 'pending' | 'overdue';

const viewOf = (f: Filters): View => (f.overdue === 'true' ? 'overdue' : f.rectificationStatus === 'pending' ? 'pending' : 'all');

/** 生产企业排查: every screening in scope, with the rectification queue (整改中 / 已逾期) one click away. */
export function ScreeningsPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const categories = useCategoryOptions();
  const campaigns = useCampaignOptions();
  const { columns, modal } = useScreeningColumns({ sortable: list.sortable });

  const result = useListQuery([...CAMPAIGNS_KEY, 'screenings'], list.query as ScreeningListQuery, campaignsApi.screenings);
  const view = viewOf(list.filters);
  const setView = (v: View) => {
    const { overdue: _o, rectificationStatus: _r, ...rest } = list.filters;
    list.setFilters(v === 'overdue' ? { ...rest, overdue: 'true' } : v === 'pending' ? { ...rest, rectificationStatus: 'pending' } : rest);
  };

  return (
    <>
      <PageHeader
        title={t(cm.screeningsTitle)}
        subtitle={t(cm.screeningsSubtitle)}
        extra={can(session, 'screening.write') ? <ScreeningActions /> : null}
      />
      <Segmented<View>
        className="queue-switch"
        value={view}
        onChange={setView}
        options={[
          { value: 'all', label: t(cm.viewAll) },
          { value: 'pending', label: t(cm.viewPending) },
          { value: 'overdue', label: t(cm.viewOverdue) },
        ]}
        style={{ marginBottom: 12 }}
      />
      <FilterBar name="screeningFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(cm.enterpriseFilter)} width={220} />
        <SelectFilter name="campaignId" placeholder={t(cm.campaignFilter)} width={260} options={campaigns.options} showSearch={{ optionFilterProp: 'label' }} />
        <SelectFilter name="category" placeholder={t(cm.categoryFilter)} width={170} options={categories.options} showSearch={{ optionFilterProp: 'label' }} />
        <SelectFilter name="result" placeholder={t(cm.resultFilter)} width={110} options={SCREENING_RESULTS.map((r) => ({ value: r, label: t(SCREENING_RESULT_LABELS[r]) }))} />
        <SelectFilter
          name="rectificationStatus"
          placeholder={t(cm.statusFilter)}
          width={120}
          options={RECTIFICATION_STATUSES.map((s) => ({ value: s, label: t(RECTIFICATION_STATUS_LABELS[s]) }))}
        />
        <RegionFilter placeholder={t(cm.regionFilter)} width={200} />
      </FilterBar>
      <ListTable<ScreeningView>
        list={list}
        result={result}
        columns={columns}
        expandable={{ expandedRowRender: (row) => <ScreeningDetail row={row} /> }}
        emptyText={t(cm.screeningsEmpty)}
        filteredText={t(cm.screeningsEmptyFiltered)}
        empty={view === 'overdue' && Object.keys(list.filters).length === 1 ? t(cm.overdueEmpty) : undefined}
        scroll={{ x: 1250 }}
      />
      {modal}
    </>
  );
}
