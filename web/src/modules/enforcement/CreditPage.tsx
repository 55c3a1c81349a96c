import { Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { DISHONESTY_CRITERION_LABELS, DISHONESTY_STATUS_LABELS, DISHONESTY_STATUSES, type DishonestyCriterion, type DishonestyStatus } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { creditApi, type ListingListQuery, type ListingView } from './api';
import { xm } from './messages';
import { ListingStatusTag } from './tags';

const LIST = { sorts: ['listedOn'] as const, sort: 'listedOn' as const, order: 'desc' as const };
const FILTERS = ['q', 'status', 'removal'] as const;

export function CriteriaText({ criteria }: { criteria: DishonestyCriterion[] }) {
  const t = useT();
  const texts = criteria.map((c) => t(DISHONESTY_CRITERION_LABELS[c]));
  return (
    <Tooltip title={texts.map((x) => <div key={x}>· {x}</div>)}>
      <Typography.Text ellipsis style={{ maxWidth: 240 }}>
        {texts.join('；')}
      </Typography.Text>
    </Tooltip>
  );
}

/** The dishonesty list: a regulator's subtree, or an enterprise's own listings. */
export function CreditPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const enterprise = session.org.kind === 'enterprise';
  const result = useListQuery(['enforcement', 'listings'], list.query as ListingListQuery, creditApi.list);

  const columns: TableColumnsType<ListingView> = [
    {
      title: t(xm.party),
      key: 'party',
      width: 220,
      render: (_, row) => (
        <div>
          <Link to={`/enforcement/credit/${row.id}`}>{row.partyName}</Link>
          {row.partyUscc ? <div className="mono secondary-text">{row.partyUscc}</div> : null}
        </div>
      ),
    },
    { title: t(xm.decisionNo), dataIndex: 'decisionNo', width: 190 },
    { title: t(xm.criteria), dataIndex: 'criteria', width: 260, render: (c: DishonestyCriterion[]) => <CriteriaText criteria={c} /> },
    { title: t(xm.listedOn), dataIndex: 'listedOn', width: 120, ...list.sortable('listedOn'), render: formatDate },
    { title: t(xm.expiresOn), dataIndex: 'expiresOn', width: 120, render: formatDate },
    { title: t(xm.earliestRemovalOn), dataIndex: 'earliestRemovalOn', width: 130, render: formatDate },
    {
      title: t(xm.listingStatus),
      dataIndex: 'status',
      width: 150,
      render: (s: DishonestyStatus, row) => (
        <>
          <ListingStatusTag status={s} />
          {row.pendingApplicationOn ? (
            <Tooltip title={t(xm.removalPendingTag, { date: row.pendingApplicationOn })}>
              <Tag color="gold">{t(xm.removalPending)}</Tag>
            </Tooltip>
          ) : null}
        </>
      ),
    },
  ];
  if (!enterprise) {
    columns.splice(1, 0, {
      title: t(xm.caseNo),
      dataIndex: 'caseNo',
      width: 200,
      render: (no: string, row) => (
        <span style={{ whiteSpace: 'nowrap' }}>{can(session, 'case.read') ? <Link to={`/enforcement/cases/${row.caseId}`} className="mono">{no}</Link> : <span className="mono">{no}</span>}</span>
      ),
    });
    columns.push({ title: t(xm.listingOrg), dataIndex: 'orgName', width: 200, render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> });
  }

  return (
    <>
      <PageHeader title={t(xm.creditTitle)} subtitle={t(enterprise ? xm.creditSubtitleEnterprise : xm.creditSubtitleRegulator)} />
      <FilterBar name="creditFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(xm.creditSearch)} width={240} />
        <SelectFilter name="status" label={t(xm.listingStatus)} width={150} options={DISHONESTY_STATUSES.map((s) => ({ value: s, label: t(DISHONESTY_STATUS_LABELS[s]) }))} />
        {enterprise ? null : <SelectFilter name="removal" label={t(xm.removalFilter)} width={170} options={[{ value: 'pending', label: t(xm.removalPending) }]} />}
      </FilterBar>
      <ListTable<ListingView>
        list={list}
        result={result}
        columns={columns}
        emptyText={t(enterprise ? xm.creditEmptyEnterprise : xm.creditEmpty)}
        scroll={{ x: enterprise ? 1100 : 1500 }}
      />
    </>
  );
}
