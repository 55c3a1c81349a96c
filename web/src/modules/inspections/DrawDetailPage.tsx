import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Result, Row, Skeleton, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { ArrowLeftOutlined, CheckCircleFilled, CloseCircleFilled, DownloadOutlined, GlobalOutlined, SoundOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { DRAW_MODE_LABELS, RISK_TIER_LABELS, RISK_TIERS, type DrawParameters } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT, type Translate } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName } from '../../shared/categories';
import { errorMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { inspectionsApi, type DrawDetailView, type TargetView } from './api';
import { im } from './messages';
import { ResultModal } from './ResultModal';
import { InspectorList, OutcomeTag, PublicationTag, TierTag } from './tags';

const percent = (ratio: number) => `${Math.round(ratio * 10_000) / 100}%`;

function methodText(t: Translate, p: DrawParameters): string {
  const rule =
    p.mode === 'ratio' && p.ratios
      ? RISK_TIERS.map((tier) => `${t(RISK_TIER_LABELS[tier])} ${percent(p.ratios![tier])}`).join(' / ')
      : `${p.count ?? 0} ${t(im.unit)}`;
  return `${t(DRAW_MODE_LABELS[p.mode])}：${rule}`;
}

function Facts({ draw }: { draw: DrawDetailView }) {
  const t = useT();
  const categoryName = useCategoryName();
  const p = draw.parameters;
  const filters = [
    p.filters.regionCode ? `${t(im.region)} ${p.filters.regionCode}` : null,
    p.filters.category ? `${t(im.categoryFilter)} ${categoryName(p.filters.category)}` : null,
    p.filters.tier ? `${t(im.tierFilter)} ${t(RISK_TIER_LABELS[p.filters.tier])}` : null,
    p.filters.inspectorField ? `${t(im.inspectorField)} ${p.filters.inspectorField}` : null,
  ].filter(Boolean);
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, md: 2 }}
      items={[
        { key: 'org', label: t(im.bureauDrawn), children: `${draw.orgName}（${draw.regionName}）` },
        { key: 'at', label: t(im.drawnAt), children: `${formatDateTime(draw.drawnAt)}${draw.drawnByName ? ` · ${draw.drawnByName}` : ''}` },
        { key: 'method', label: t(im.method), children: methodText(t, p), span: 'filled' },
        { key: 'filters', label: t(im.filters), children: filters.length ? filters.join('；') : t(im.none) },
        { key: 'per', label: t(im.perTarget), children: p.inspectorsPerTarget },
        { key: 'exclude', label: t(im.excludeOwnCounty), children: t(p.excludeOwnCounty ? im.yes : im.no) },
        { key: 'pool', label: t(im.pool), children: t(im.poolText, { n: draw.inspectorCount, c: draw.conflictCount }) },
        { key: 'algorithm', label: t(im.algorithm), children: <span className="mono">{p.algorithm}</span> },
        { key: 'published', label: t(im.publishedAt), children: draw.publishedAt ? formatDateTime(draw.publishedAt) : <Tag>{t(im.unpublished)}</Tag> },
        { key: 'seed', label: t(im.seed), children: <Typography.Text className="hash" copyable>{draw.seed}</Typography.Text>, span: 'filled' },
        { key: 'digest', label: t(im.digest), children: <Typography.Text className="hash" copyable>{draw.inputsSha256}</Typography.Text>, span: 'filled' },
        {
          key: 'reproducible',
          label: t(im.reproducible),
          span: 'filled',
          children: draw.reproducible ? (
            <Typography.Text type="success">
              <CheckCircleFilled /> {t(im.reproducibleYes)}
            </Typography.Text>
          ) : (
            <Typography.Text type="danger">
              <CloseCircleFilled /> {t(im.reproducibleNo)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}

function TierCounts({ draw }: { draw: DrawDetailView }) {
  const t = useT();
  return (
    <Table
      rowKey="tier"
      size="small"
      pagination={false}
      dataSource={draw.tierCounts}
      columns={[
        { title: t(im.tier), dataIndex: 'tier', render: (tier: DrawDetailView['tierCounts'][number]['tier']) => <TierTag tier={tier} /> },
        { title: t(im.tierCandidates), dataIndex: 'candidates', align: 'right' },
        { title: t(im.tierDrawn), dataIndex: 'drawn', align: 'right' },
      ]}
    />
  );
}

/** One draw: its seed, digest and parameters, the targets with their inspectors and results, and publication. */
export function DrawDetailPage() {
  const t = useT();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [recording, setRecording] = useState<TargetView | null>(null);
  const detail = useQuery({ queryKey: ['inspections', 'draw', id], queryFn: () => inspectionsApi.draw(id) });
  const publish = useMutation({
    mutationFn: () => inspectionsApi.publish(id),
    onSuccess: (view) => {
      client.setQueryData(['inspections', 'draw', id], view);
      void client.invalidateQueries({ queryKey: ['inspections', 'draws'] });
      void message.success(t(im.publishedOk));
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/supervision/inspections/draws')}>
      {t(im.back)}
    </Button>
  );

  if (detail.isPending) return <Skeleton active paragraph={{ rows: 12 }} />;
  if (detail.isError) {
    const missing = detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 400);
    return missing ? <Result status="404" title={t(common.notFound)} subTitle={t(im.detailNotFound)} extra={back} /> : <QueryError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const draw = detail.data;
  const mayRecord = can(session, 'inspection.record');

  const columns: TableColumnsType<TargetView> = [
    { title: t(im.position), dataIndex: 'position', width: 64, render: (n: number) => n + 1 },
    {
      title: t(im.enterpriseName),
      key: 'enterprise',
      render: (_, row) => (
        <>
          <div>{row.enterpriseName}</div>
          <div className="mono secondary-text">{row.uscc}</div>
        </>
      ),
    },
    { title: t(im.region), dataIndex: 'regionName' },
    { title: t(im.tier), dataIndex: 'tier', render: (tier: TargetView['tier']) => <TierTag tier={tier} /> },
    { title: t(im.inspectors), key: 'inspectors', render: (_, row) => <InspectorList inspectors={row.inspectors} /> },
    {
      title: t(im.outcome),
      key: 'outcome',
      render: (_, row) => (
        <>
          <OutcomeTag outcome={row.outcome} />
          {row.inspectedOn ? <div className="secondary-text">{row.inspectedOn}</div> : null}
          {row.resultNote ? <div className="secondary-text">{row.resultNote}</div> : null}
        </>
      ),
    },
    ...(mayRecord
      ? [
          {
            title: t(common.actions),
            key: 'actions',
            width: 100,
            render: (_: unknown, row: TargetView) => (
              <Button size="small" onClick={() => setRecording(row)}>
                {t(row.outcome ? im.correctResult : im.recordResult)}
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <PageHeader
        title={
          <Flex gap={12} align="center" wrap>
            <span>{draw.name}</span>
            <PublicationTag published={Boolean(draw.publishedAt)} />
          </Flex>
        }
        subtitle={`${draw.orgName} · ${t(im.candidates, { n: draw.candidateCount })} → ${draw.targetCount}`}
        extra={
          <>
            {back}
            <Button icon={<DownloadOutlined />} href={inspectionsApi.recordUrl(draw.id)} download={`draw-${draw.id}.json`}>
              {t(im.downloadRecord)}
            </Button>
            {draw.publishedAt ? (
              <Button icon={<GlobalOutlined />} href={inspectionsApi.publicUrl(draw.id)} target="_blank" rel="noopener">
                {t(im.viewPublic)}
              </Button>
            ) : can(session, 'inspection.draw') ? (
              <Popconfirm
                title={t(im.publishConfirm)}
                description={<div style={{ maxWidth: 360 }}>{t(im.publishText)}</div>}
                okText={t(im.publish)}
                cancelText={t(common.cancel)}
                onConfirm={() => publish.mutateAsync().catch(() => undefined)}
              >
                <Button type="primary" icon={<SoundOutlined />} loading={publish.isPending}>
                  {t(im.publish)}
                </Button>
              </Popconfirm>
            ) : null}
          </>
        }
      />
      {draw.reproducible ? null : <Alert type="error" showIcon className="form-alert" title={t(im.reproducibleNo)} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Card title={t(im.facts)} className="detail-card">
            <Facts draw={draw} />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t(im.tierTable)} className="detail-card">
            <TierCounts draw={draw} />
          </Card>
        </Col>
      </Row>
      <Card title={t(im.targetsTitle)} className="detail-card">
        <Table<TargetView> rowKey="id" columns={columns} dataSource={draw.targets} pagination={draw.targets.length > 50 ? { pageSize: 50 } : false} scroll={{ x: 900 }} />
      </Card>
      <ResultModal target={recording} drawnAt={draw.drawnAt} onClose={() => setRecording(null)} />
    </>
  );
}
