import { useState } from 'react';
import { Button, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { TYPICAL_CASE_STATUS_LABELS, TYPICAL_CASE_STATUSES, VIOLATION_CATEGORIES, VIOLATION_CATEGORY_LABELS, type TypicalCaseStatus, type ViolationCategory } from '@shijian/contracts';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { FilterBar, RegionFilter, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { formatDate, formatDateTime } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { keys, paths, publicityApi, type TypicalCaseListQuery, type TypicalCaseView } from './api';
import { pm } from './messages';
import { PublishDrawer } from './PublishDrawer';
import { WithdrawModal } from './WithdrawModal';

const LIST = { sorts: ['publishedOn'] as const, sort: 'publishedOn' as const, order: 'desc' as const };
const FILTERS = ['q', 'status', 'violationCategory', 'regionCode'] as const;

/** 典型案例: what the bureau (and the bureaus below it) published on the portal, withdrawn ones included. */
export function TypicalCasesPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const [publishing, setPublishing] = useState(false);
  const [withdrawing, setWithdrawing] = useState<TypicalCaseView | null>(null);
  const query = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as TypicalCaseListQuery;
  const result = useListQuery(keys.cases, query, publicityApi.cases);
  const writer = can(session, 'publicity.write');

  const columns: TableColumnsType<TypicalCaseView> = [
    {
      title: t(pm.caseTitle),
      dataIndex: 'title',
      render: (title: string, row) => (
        <div>
          {row.status === 'active' ? (
            <a href={paths.publicCase(row.id)} target="_blank" rel="noreferrer" title={t(pm.openPortal)}>
              {title} <ExportOutlined />
            </a>
          ) : (
            <Typography.Text delete type="secondary">
              {title}
            </Typography.Text>
          )}
          {row.status === 'withdrawn' ? (
            <div className="secondary-text">
              {t(pm.withdrawnBy, { name: row.withdrawnByName ?? '—', date: formatDateTime(row.withdrawnAt), reason: row.withdrawReason ?? '' })}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      title: t(pm.caseNo),
      dataIndex: 'caseNo',
      width: 190,
      render: (no: string, row) => (
        <Link to={paths.case(row.caseId)} className="mono" style={{ whiteSpace: 'nowrap' }}>
          {no}
        </Link>
      ),
    },
    { title: t(pm.violationCategory), dataIndex: 'violationCategory', width: 130, render: (c: ViolationCategory) => t(VIOLATION_CATEGORY_LABELS[c]) },
    { title: t(pm.region), dataIndex: 'regionName', width: 170 },
    { title: t(pm.publisher), dataIndex: 'orgName', width: 190, render: (name: string, row) => <Tooltip title={row.publishedByName}>{name}</Tooltip> },
    { title: t(pm.publishedOn), dataIndex: 'publishedOn', width: 120, ...list.sortable('publishedOn'), render: formatDate },
    {
      title: t(pm.status),
      dataIndex: 'status',
      width: 90,
      render: (s: TypicalCaseStatus) => <Tag color={s === 'active' ? 'success' : undefined}>{t(TYPICAL_CASE_STATUS_LABELS[s])}</Tag>,
    },
  ];
  if (writer) {
    columns.push({
      title: t(common.actions),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, row) =>
        row.status === 'active' ? (
          <Button type="link" size="small" danger onClick={() => setWithdrawing(row)}>
            {t(pm.withdraw)}
          </Button>
        ) : (
          <span className="secondary-text">—</span>
        ),
    });
  }

  return (
    <>
      <PageHeader
        title={t(pm.casesTitle)}
        subtitle={t(pm.casesSubtitle)}
        extra={
          <>
            <Button href={paths.publicCases} target="_blank" rel="noreferrer" icon={<ExportOutlined />}>
              {t(pm.openPortal)}
            </Button>
            {writer ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
                {t(pm.publish)}
              </Button>
            ) : null}
          </>
        }
      />
      <FilterBar name="typicalCaseFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(pm.searchCases)} width={240} />
        <SelectFilter name="status" label={t(pm.filterStatus)} width={110} options={TYPICAL_CASE_STATUSES.map((s) => ({ value: s, label: t(TYPICAL_CASE_STATUS_LABELS[s]) }))} />
        <SelectFilter
          name="violationCategory"
          label={t(pm.violationCategory)}
          width={160}
          options={VIOLATION_CATEGORIES.map((c) => ({ value: c, label: t(VIOLATION_CATEGORY_LABELS[c]) }))}
        />
        <RegionFilter placeholder={t(pm.filterRegion)} width={200} />
      </FilterBar>
      <ListTable<TypicalCaseView> list={list} result={result} columns={columns} emptyText={t(pm.casesEmpty)} scroll={{ x: 1200 }} />
      {writer ? <PublishDrawer open={publishing} onClose={() => setPublishing(false)} /> : null}
      {withdrawing ? <WithdrawModal item={withdrawing} onClose={() => setWithdrawing(null)} /> : null}
    </>
  );
}
