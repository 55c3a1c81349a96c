import { Button, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { formatDate } from '../../shared/format';
import { FilterBar, SearchFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { keys, paths, samplingApi, type SamplingPlanListQuery, type SamplingPlanView } from './api';
import { sm } from './messages';
import { ProgressCell } from './tags';

const LIST = { sorts: ['startsOn'] as const, sort: 'startsOn' as const, order: 'desc' as const };
const FILTERS = ['q'] as const;

/** Plans in scope (an institution: those with tasks given to it), newest period first, with their progress. */
export function PlansPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useListParams(LIST, FILTERS);
  const result = useListQuery([...keys.all, 'plans'], list.query as SamplingPlanListQuery, samplingApi.plans);
  const columns: TableColumnsType<SamplingPlanView> = [
    { title: t(sm.planName), dataIndex: 'name', render: (name: string, row) => <Link to={paths.plan(row.id)}>{name}</Link> },
    { title: t(sm.planOrg), dataIndex: 'orgName', render: (name: string) => <Typography.Text type="secondary">{name}</Typography.Text> },
    { title: t(sm.period), width: 220, ...list.sortable('startsOn'), render: (_, row) => `${formatDate(row.startsOn)} — ${formatDate(row.endsOn)}` },
    {
      title: t(sm.progress),
      key: 'progress',
      width: 260,
      render: (_, row) => <ProgressCell done={row.sampledBatches} of={row.quotaBatches} />,
    },
    {
      title: t(sm.nonconformingBatches),
      dataIndex: 'nonconformingBatches',
      width: 120,
      render: (n: number, row) => (n ? <Link to={`${paths.batches}?planId=${row.id}&conclusion=nonconforming`}><Typography.Text type="danger">{n}</Typography.Text></Link> : 0),
    },
  ];
  return (
    <>
      <PageHeader
        title={t(sm.plansTitle)}
        subtitle={t(session.org.kind === 'institution' ? sm.plansSubtitleLab : sm.plansSubtitle)}
        extra={
          can(session, 'sampling.plan') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate(paths.newPlan)}>
              {t(sm.newPlan)}
            </Button>
          ) : null
        }
      />
      <FilterBar name="planFilters" values={list.filters} onApply={list.setFilters} searchButton={false}>
        <SearchFilter label={t(sm.plansSearch)} width={260} />
      </FilterBar>
      <ListTable<SamplingPlanView> list={list} result={result} columns={columns} emptyText={t(sm.plansEmpty)} scroll={{ x: 900 }} />
    </>
  );
}
