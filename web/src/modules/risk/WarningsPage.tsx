import { Link, useNavigate } from 'react-router-dom';
import { Button, Typography, type TableColumnsType } from 'antd';
import { DashboardOutlined } from '@ant-design/icons';
import { WARNING_LEVEL_LABELS, WARNING_LEVELS, WARNING_STATUS_LABELS, WARNING_STATUSES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { FilterBar, SelectFilter } from '../../shared/FilterBar';
import { formatDateTime } from '../../shared/format';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { keys, paths, riskApi, type WarningListQuery, type WarningView } from './api';
import { DIMENSION_LABELS, km } from './messages';
import { formatScore, LevelTag, RegionName, StatusTag } from './parts';

const LIST = { sorts: ['createdAt'] as const, sort: 'createdAt' as const, order: 'desc' as const };
const FILTERS = ['status', 'level'] as const;

/** 风险预警: the warnings in the reader's area, newest first, by status and level. */
export function WarningsPage() {
  const t = useT();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const query: WarningListQuery = { page: list.page, pageSize: list.pageSize, order: list.order, ...list.filters } as WarningListQuery;
  const result = useListQuery(keys.warnings, query, riskApi.warnings);

  const columns: TableColumnsType<WarningView> = [
    {
      title: t(km.subject),
      dataIndex: 'label',
      render: (label: string, w) => (
        <div>
          <Link to={paths.warning(w.id)}>{label}</Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t(DIMENSION_LABELS[w.dimension])} · <RegionName code={w.regionCode} />
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t(km.level), dataIndex: 'level', width: 110, render: (level: WarningView['level']) => <LevelTag level={level} /> },
    { title: t(km.score), dataIndex: 'score', width: 100, align: 'right', render: (v: number) => formatScore(v) },
    { title: t(km.status), dataIndex: 'status', width: 100, render: (s: WarningView['status']) => <StatusTag status={s} /> },
    { title: t(km.owner), dataIndex: 'ownerName', width: 180, render: (name: string | null) => name ?? <span className="secondary-text">{t(km.noOwner)}</span> },
    { title: t(km.createdAt), dataIndex: 'createdAt', width: 160, ...list.sortable('createdAt'), render: (iso: string) => formatDateTime(iso) },
  ];

  return (
    <>
      <PageHeader
        title={t(km.warningsTitle)}
        subtitle={t(km.warningsSubtitle)}
        extra={
          <Button icon={<DashboardOutlined />} onClick={() => navigate(paths.dashboard)}>
            {t(km.dashboardTitle)}
          </Button>
        }
      />
      <FilterBar name="riskWarningFilters" values={list.filters} onApply={list.setFilters} searchButton={false}>
        <SelectFilter name="status" label={t(km.status)} width={140} options={WARNING_STATUSES.map((s) => ({ value: s, label: t(WARNING_STATUS_LABELS[s]) }))} />
        <SelectFilter name="level" label={t(km.level)} width={160} options={WARNING_LEVELS.map((l) => ({ value: l, label: t(WARNING_LEVEL_LABELS[l]) }))} />
      </FilterBar>
      <ListTable<WarningView> list={list} result={result} columns={columns} emptyText={t(km.warningsEmpty)} scroll={{ x: 900 }} />
    </>
  );
}
