import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Button, Card, Col, Descriptions, Result, Row, Skeleton, Statistic, Table, Tabs, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { PageHeader, QueryError } from '../../shared/ui';
import { CAMPAIGNS_KEY, campaignsApi, type CampaignDetailView, type ProblemView, type ScreeningView } from './api';
import { CampaignForm } from './CampaignForm';
import { cm } from './messages';
import { ProblemForm } from './ProblemForm';
import { ScreeningActions } from './ScreeningActions';
import { useProblemColumns } from './ProblemTable';
import { ScreeningDetail, useScreeningColumns } from './ScreeningTable';
import { PhaseTag } from './tags';

type CategoryRow = CampaignDetailView['byCategory'][number];

/** The producer-screening columns of the weekly table, per category with a total row. */
function ByCategory({ campaign }: { campaign: CampaignDetailView }) {
  const t = useT();
  const categoryName = useCategoryName();
  const columns: TableColumnsType<CategoryRow> = [
    { title: t(cm.category), dataIndex: 'category', render: (c: string) => categoryName(c) },
    { title: t(cm.enterprisesScreened), dataIndex: 'enterprises', align: 'right', width: 140 },
    { title: t(cm.enterprisesNonconforming), dataIndex: 'nonconformingEnterprises', align: 'right', width: 140 },
    { title: t(cm.enterprisesRectified), dataIndex: 'rectifiedEnterprises', align: 'right', width: 140 },
  ];
  const sum = (key: 'enterprises' | 'nonconformingEnterprises' | 'rectifiedEnterprises') => campaign.byCategory.reduce((n, r) => n + r[key], 0);
  return (
    <Card size="small" title={t(cm.byCategoryTitle)} extra={<Typography.Text type="secondary">{t(cm.byCategoryHint)}</Typography.Text>} style={{ marginBottom: 16 }}>
      <Table<CategoryRow>
        size="small"
        rowKey="category"
        columns={columns}
        dataSource={campaign.byCategory}
        pagination={false}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0}>
              <strong>{t(cm.total)}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={1} align="right">
              <strong>{sum('enterprises')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={2} align="right">
              <strong>{sum('nonconformingEnterprises')}</strong>
            </Table.Summary.Cell>
            <Table.Summary.Cell index={3} align="right">
              <strong>{sum('rectifiedEnterprises')}</strong>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}

function CampaignScreenings({ campaignId }: { campaignId: string }) {
  const t = useT();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const { columns, modal } = useScreeningColumns({ showCampaign: false });
  const result = useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'screenings', { campaignId, ...page }],
    queryFn: () => campaignsApi.screenings({ campaignId, ...page }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<ScreeningView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        expandable={{ expandedRowRender: (row) => <ScreeningDetail row={row} /> }}
        pagination={{ current: page.page, pageSize: page.pageSize, total: result.data?.total ?? 0, showTotal: (n) => t(common.total, { n }), onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        locale={{ emptyText: result.isPending ? ' ' : t(cm.screeningsEmpty) }}
        scroll={{ x: 900 }}
        footer={() => <Link to={`/supervision/campaigns/screenings?campaignId=${campaignId}`}>{t(cm.screeningsTitle)} →</Link>}
      />
      {modal}
    </>
  );
}

function CampaignProblems({ campaignId }: { campaignId: string }) {
  const t = useT();
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const { columns, modals } = useProblemColumns({ showCampaign: false });
  const result = useQuery({
    queryKey: [...CAMPAIGNS_KEY, 'problems', { campaignId, ...page }],
    queryFn: () => campaignsApi.problems({ campaignId, ...page }),
    placeholderData: keepPreviousData,
  });
  return (
    <>
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<ProblemView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={result.data?.items}
        loading={result.isFetching}
        pagination={{ current: page.page, pageSize: page.pageSize, total: result.data?.total ?? 0, showTotal: (n) => t(common.total, { n }), onChange: (p, s) => setPage({ page: p, pageSize: s }) }}
        locale={{ emptyText: result.isPending ? ' ' : t(cm.problemsEmpty) }}
        scroll={{ x: 900 }}
        footer={() => <Link to={`/supervision/campaigns/problems?campaignId=${campaignId}`}>{t(cm.problemsTitle)} →</Link>}
      />
      {modals}
    </>
  );
}

/** One campaign: what it is, its figures in the caller's scope, its screenings and its problem ledger. */
export function CampaignDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const categoryName = useCategoryName();
  const [editing, setEditing] = useState(false);
  const [logging, setLogging] = useState(false);
  const result = useQuery({ queryKey: [...CAMPAIGNS_KEY, 'detail', id], queryFn: () => campaignsApi.get(id) });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/supervision/campaigns')}>
      {t(cm.backToList)}
    </Button>
  );

  if (result.isPending) return <Skeleton active />;
  if (result.isError) {
    if (result.error instanceof ApiError && result.error.status === 404) {
      return <Result status="404" title={t(common.notFound)} subTitle={result.error.message} extra={back} />;
    }
    return <QueryError error={result.error} onRetry={() => void result.refetch()} />;
  }
  const c = result.data;
  const { counts } = c;

  return (
    <>
      <PageHeader
        title={c.name}
        subtitle={
          <>
            <PhaseTag phase={c.phase} /> {c.leadOrgName} · {t(cm.periodText, { from: c.startsOn, to: c.endsOn })}
          </>
        }
        extra={
          <>
            {back}
            {c.editable ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                {t(common.edit)}
              </Button>
            ) : null}
            {can(session, 'problem.write') ? (
              <Button icon={<PlusOutlined />} onClick={() => setLogging(true)}>
                {t(cm.addProblem)}
              </Button>
            ) : null}
            {can(session, 'screening.write') ? <ScreeningActions campaign={c} /> : null}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'lead', label: t(cm.lead), children: c.leadOrgName },
            { key: 'region', label: t(cm.region), children: c.regionName },
            { key: 'period', label: t(cm.period), children: t(cm.periodText, { from: c.startsOn, to: c.endsOn }) },
            { key: 'areas', label: t(cm.areas), children: c.areaNames.length ? c.areaNames.join('、') : t(cm.wholeArea) },
            { key: 'categories', label: t(cm.categories), span: 2, children: c.categories.map((code) => <Tag key={code}>{categoryName(code)}</Tag>) },
            { key: 'members', label: t(cm.members), span: 2, children: c.memberDepartments.length ? c.memberDepartments.join('、') : '—' },
            { key: 'description', label: t(cm.description), span: 2, children: <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{c.description || '—'}</Typography.Paragraph> },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {[
          { key: 's', title: t(cm.screeningRecords), value: counts.screenings },
          { key: 'n', title: t(cm.enterprisesNonconforming), value: counts.nonconforming },
          { key: 'p', title: t(cm.queuePending), value: counts.pendingRectification },
          { key: 'o', title: t(cm.queueOverdue), value: counts.overdueRectification, danger: true },
          { key: 'u', title: t(cm.queueOpenProblems), value: counts.openProblems },
          { key: 'l', title: t(cm.queueOverdueProblems), value: counts.overdueProblems, danger: true },
        ].map((s) => (
          <Col key={s.key} xs={12} md={8} xl={4}>
            <Card size="small">
              <Statistic title={s.title} value={s.value} styles={{ content: s.danger && s.value ? { color: 'var(--ant-color-error, #ff4d4f)' } : undefined }} />
            </Card>
          </Col>
        ))}
      </Row>
      <ByCategory campaign={c} />
      <Card size="small">
        <Tabs
          items={[
            { key: 'screenings', label: `${t(cm.screeningsTitle)}（${counts.screenings}）`, children: <CampaignScreenings campaignId={c.id} /> },
            { key: 'problems', label: `${t(cm.problemsTitle)}（${counts.problems}）`, children: <CampaignProblems campaignId={c.id} /> },
          ]}
        />
      </Card>
      <CampaignForm open={editing} campaign={c} onClose={() => setEditing(false)} />
      <ProblemForm open={logging} campaignId={c.id} onClose={() => setLogging(false)} />
    </>
  );
}
