import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge, Button, Card, Col, Row, Statistic, Tag, Typography, type TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueries } from '@tanstack/react-query';
import { CAMPAIGN_PHASE_LABELS, CAMPAIGN_PHASES } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName, useCategoryOptions } from '../../shared/categories';
import { FilterBar, SearchFilter, SelectFilter } from '../../shared/FilterBar';
import { ListTable } from '../../shared/ListTable';
import { PageHeader } from '../../shared/ui';
import { useListParams } from '../../shared/useListParams';
import { useListQuery } from '../../shared/useListQuery';
import { CAMPAIGNS_KEY, campaignsApi, type CampaignListQuery, type CampaignView } from './api';
import { CampaignForm } from './CampaignForm';
import { cm } from './messages';
import { PhaseTag } from './tags';

const LIST = { sorts: ['startsOn', 'name', 'createdAt'] as const, sort: 'startsOn' as const, order: 'desc' as const };
const FILTERS = ['q', 'phase', 'category'] as const;

/**
 * The work waiting in the caller's scope, by role: officers and admins see the
 * rectifications they record, whoever keeps the ledger its open problems;
 * leaders and statisticians see the same figures to follow up.
 */
function Queue() {
  const t = useT();
  const session = useSession();
  const [pending, overdue, open, late] = useQueries({
    queries: [
      { key: 'pending', fetch: () => campaignsApi.screenings({ rectificationStatus: 'pending', pageSize: 1 }) },
      { key: 'overdue', fetch: () => campaignsApi.screenings({ overdue: 'true', pageSize: 1 }) },
      { key: 'open-problems', fetch: () => campaignsApi.problems({ unresolved: 'true', pageSize: 1 }) },
      { key: 'overdue-problems', fetch: () => campaignsApi.problems({ overdue: 'true', pageSize: 1 }) },
    ].map(({ key, fetch }) => ({ queryKey: [...CAMPAIGNS_KEY, 'queue', key], queryFn: fetch, staleTime: 30_000 })),
    combine: (results) => results.map((r) => r.data?.total),
  });
  const screeningFirst = can(session, 'screening.write') || !can(session, 'problem.write');
  const cards = [
    { key: 'pending', title: t(cm.queuePending), value: pending, to: '/supervision/campaigns/screenings?rectificationStatus=pending', danger: false },
    { key: 'overdue', title: t(cm.queueOverdue), value: overdue, to: '/supervision/campaigns/screenings?overdue=true', danger: true },
    { key: 'open', title: t(cm.queueOpenProblems), value: open, to: '/supervision/campaigns/problems?unresolved=true', danger: false },
    { key: 'late', title: t(cm.queueOverdueProblems), value: late, to: '/supervision/campaigns/problems?overdue=true', danger: true },
  ];
  const ordered = screeningFirst ? cards : [...cards.slice(2), ...cards.slice(0, 2)];
  return (
    <Card size="small" title={t(cm.queueTitle)} extra={<Typography.Text type="secondary">{t(cm.queueHint)}</Typography.Text>} className="campaign-queue" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 8]}>
        {ordered.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Link to={c.to} aria-label={c.title}>
              <Statistic title={c.title} value={c.value ?? '—'} styles={{ content: c.danger && c.value ? { color: 'var(--ant-color-error, #ff4d4f)' } : undefined }} />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

/** 专项整治行动: the campaigns in scope, the caller's queue above them. */
export function CampaignsPage() {
  const t = useT();
  const session = useSession();
  const list = useListParams(LIST, FILTERS);
  const categoryName = useCategoryName();
  const categories = useCategoryOptions();
  const [creating, setCreating] = useState(false);
  const result = useListQuery([...CAMPAIGNS_KEY, 'list'], list.query as CampaignListQuery, campaignsApi.list);

  const columns: TableColumnsType<CampaignView> = [
    {
      title: t(cm.name),
      dataIndex: 'name',
      ...list.sortable('name'),
      render: (name: string, row) => (
        <div>
          <Link to={`/supervision/campaigns/${row.id}`} className="campaign-name">
            {name}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.leadOrgName}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: t(cm.period), dataIndex: 'startsOn', width: 200, ...list.sortable('startsOn'), render: (_: string, row) => t(cm.periodText, { from: row.startsOn, to: row.endsOn }) },
    { title: t(cm.phase), dataIndex: 'phase', width: 90, render: (p: CampaignView['phase']) => <PhaseTag phase={p} /> },
    {
      title: t(cm.categories),
      dataIndex: 'categories',
      responsive: ['lg'],
      render: (codes: string[]) => (
        <>
          {codes.slice(0, 4).map((c) => (
            <Tag key={c}>{categoryName(c)}</Tag>
          ))}
          {codes.length > 4 ? <Tag>+{codes.length - 4}</Tag> : null}
        </>
      ),
    },
    { title: t(cm.screeningsCount), key: 'screenings', width: 80, align: 'right', render: (_, row) => row.counts.screenings },
    {
      title: t(cm.queuePending),
      key: 'pending',
      width: 90,
      align: 'right',
      render: (_, row) => (row.counts.overdueRectification ? <Badge count={row.counts.overdueRectification} title={t(cm.queueOverdue)} offset={[8, 0]}>{row.counts.pendingRectification}</Badge> : row.counts.pendingRectification),
    },
    { title: t(cm.queueOpenProblems), key: 'open', width: 110, align: 'right', render: (_, row) => row.counts.openProblems },
  ];

  return (
    <>
      <PageHeader
        title={t(cm.title)}
        subtitle={t(cm.subtitle)}
        extra={
          can(session, 'campaign.write') ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t(cm.create)}
            </Button>
          ) : null
        }
      />
      <Queue />
      <FilterBar name="campaignFilters" values={list.filters} onApply={list.setFilters}>
        <SearchFilter label={t(cm.searchCampaign)} width={240} />
        <SelectFilter name="phase" placeholder={t(cm.phaseFilter)} width={120} options={CAMPAIGN_PHASES.map((p) => ({ value: p, label: t(CAMPAIGN_PHASE_LABELS[p]) }))} />
        <SelectFilter name="category" placeholder={t(cm.categoryFilter)} width={180} options={categories.options} showSearch={{ optionFilterProp: 'label' }} />
      </FilterBar>
      <ListTable<CampaignView> list={list} result={result} columns={columns} emptyText={t(cm.empty)} filteredText={t(cm.emptyFiltered)} scroll={{ x: 900 }} />
      <CampaignForm open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
