import { Button, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import {
  CASE_SOURCE_LABELS,
  CASE_SOURCES,
  CASE_STAGE_LABELS,
  CASE_STAGES,
  VIOLATION_CATEGORIES,
  VIOLATION_CATEGORY_LABELS,
  type CaseSource,
  type CaseStage,
  type ViolationCategory,
} from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { archivePath, casesApi, mayOpenArchive, type CaseListQuery, type CaseView } from './api';
import { xm } from './messages';
import { DueCell, StageTag } from './tags';

const LIST = { sorts: ['leadOn', 'dueOn', 'caseNo'] as const, sort: 'leadOn' as const, order: 'desc' as const };
const FILTERS = ['q', 'stage', 'source', 'violationCategory'] as const;

/** The party's name, linked to the enterprise archive when the party is a registered enterprise. */
export function PartyCell({ name, uscc, enterpriseId }: { name: string; uscc: string | null; enterpriseId: string | null }) {
  const session = useSession();
  return (
    <div>
      {enterpriseId && mayOpenArchive(session) ? <Link to={archivePath(enterpriseId)}>{name}</Link> : name}
      {uscc ? <div className="mono secondary-text">{uscc}</div> : null}
    </div>
  );
}

/** Cases in the caller's region, with the running statutory clock of each. */
export function CasesPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const result = useListQuery(['enforcement', 'cases'], list.query as CaseListQuery, casesApi.list);

  const columns: TableColumnsType<CaseView> = [
    {
      title: t(xm.caseNo),
      dataIndex: 'caseNo',
      ...list.sortable('caseNo'),
      render: (no: string, row) => (
        <Link to={`/enforcement/cases/${row.id}`} className="mono" style={{ whiteSpace: 'nowrap' }}>
          {no}
        </Link>
      ),
    },
    { title: t(xm.party), key: 'party', render: (_, row) => <PartyCell name={row.partyName} uscc={row.partyUscc} enterpriseId={row.partyEnterpriseId} /> },
    { title: t(xm.violationCategory), dataIndex: 'violationCategory', render: (c: ViolationCategory) => t(VIOLATION_CATEGORY_LABELS[c]) },
    { title: t(xm.source), dataIndex: 'source', render: (s: CaseSource) => t(CASE_SOURCE_LABELS[s]) },
    { title: t(xm.stage), dataIndex: 'stage', render: (s: CaseStage) => <StageTag stage={s} /> },
    { title: t(xm.leadOn), dataIndex: 'leadOn', width: 120, ...list.sortable('leadOn'), render: formatDate },
    { title: t(xm.dueOn), dataIndex: 'dueOn', ...list.sortable('dueOn'), render: (_, row) => <DueCell clock={row.clock} dueOn={row.dueOn} daysLeft={row.daysLeft} /> },
    { title: t(xm.handlingOrg), dataIndex: 'orgName', render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
  ];

  return (
    <>
      <PageHeader
        title={t(xm.casesTitle)}
        subtitle={t(xm.casesSubtitle)}
        extra={
          can(session, 'case.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/enforcement/cases/new')}>
              {t(xm.newLead)}
            </Button>
          ) : null
        }
      />
      <FilterBar name="caseFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(xm.search)} width={260} />
        <SelectFilter name="stage" label={t(xm.stage)} width={140} options={CASE_STAGES.map((s) => ({ value: s, label: t(CASE_STAGE_LABELS[s]) }))} />
        <SelectFilter name="source" label={t(xm.source)} width={150} options={CASE_SOURCES.map((s) => ({ value: s, label: t(CASE_SOURCE_LABELS[s]) }))} />
        <SelectFilter
          name="violationCategory"
          label={t(xm.violationCategory)}
          width={170}
          options={VIOLATION_CATEGORIES.map((c) => ({ value: c, label: t(VIOLATION_CATEGORY_LABELS[c]) }))}
        />
      </FilterBar>
      <ListTable<CaseView> list={list} result={result} columns={columns} emptyText={t(xm.casesEmpty)} scroll={{ x: 1100 }} />
    </>
  );
}
