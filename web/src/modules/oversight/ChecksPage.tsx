import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Button, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { TESTING_DOMAIN_LABELS, TESTING_DOMAINS, type TestingDomain } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { CHECKS_KEY, checksApi, paths, type InstitutionCheckListQuery, type InstitutionCheckView } from './api';
import { CheckForm } from './CheckForm';
import { om } from './messages';
import { ProblemCount, useCampaignOptions } from './parts';

const LIST = { sorts: ['checkedOn'] as const, sort: 'checkedOn' as const, order: 'desc' as const };
const FILTERS = ['q', 'domain', 'campaignId', 'problems'] as const;

/** Checks of testing institutions in the caller's scope, newest first. */
export function ChecksPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const [creating, setCreating] = useState(false);
  const campaigns = useCampaignOptions();
  const query: InstitutionCheckListQuery = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as InstitutionCheckListQuery;
  const result = useListQuery(CHECKS_KEY, query, checksApi.list);

  const columns: TableColumnsType<InstitutionCheckView> = [
    { title: t(om.checkedOn), dataIndex: 'checkedOn', width: 120, ...list.sortable('checkedOn'), render: (d: string, row) => <Link to={paths.check(row.id)}>{formatDate(d)}</Link> },
    { title: t(om.institution), dataIndex: 'institutionName', render: (name: string, row) => <Link to={paths.check(row.id)}>{name}</Link> },
    { title: t(om.domain), dataIndex: 'domain', render: (d: TestingDomain) => t(TESTING_DOMAIN_LABELS[d]) },
    { title: t(om.reportsChecked), dataIndex: 'reportsChecked', align: 'right', width: 120 },
    { title: t(om.untrueReports), dataIndex: 'untrueReports', align: 'right', width: 120, render: (n: number) => <ProblemCount n={n} /> },
    { title: t(om.fakeReports), dataIndex: 'fakeReports', align: 'right', width: 120, render: (n: number) => <ProblemCount n={n} /> },
    { title: t(om.campaign), dataIndex: 'campaignName', render: (name: string | null) => name ?? <span className="secondary-text">—</span> },
    { title: t(om.checkingOrg), dataIndex: 'orgName', render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
    {
      title: t(om.case),
      dataIndex: 'caseNo',
      render: (no: string | null, row) =>
        row.caseId && no ? (
          <Link to={paths.case(row.caseId)} className="mono" style={{ whiteSpace: 'nowrap' }}>
            {no}
          </Link>
        ) : (
          <span className="secondary-text">—</span>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t(om.title)}
        subtitle={t(om.subtitle)}
        extra={
          can(session, 'oversight.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t(om.newCheck)}
            </Button>
          ) : null
        }
      />
      <FilterBar name="checkFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(om.search)} width={220} />
        <SelectFilter name="domain" label={t(om.domain)} width={200} options={TESTING_DOMAINS.map((d) => ({ value: d, label: t(TESTING_DOMAIN_LABELS[d]) }))} />
        {can(session, 'campaign.read') ? (
          <SelectFilter name="campaignId" label={t(om.campaign)} width={240} options={campaigns.options} loading={campaigns.loading} showSearch={{ optionFilterProp: 'label' }} />
        ) : null}
        <SelectFilter
          name="problems"
          label={t(om.problems)}
          width={190}
          options={[
            { value: 'true', label: t(om.problemsYes) },
            { value: 'false', label: t(om.problemsNo) },
          ]}
        />
      </FilterBar>
      <ListTable<InstitutionCheckView> list={list} result={result} columns={columns} emptyText={t(om.empty)} scroll={{ x: 1100 }} />
      <CheckForm open={creating} onClose={() => setCreating(false)} onSaved={(check) => navigate(paths.check(check.id))} />
    </>
  );
}
