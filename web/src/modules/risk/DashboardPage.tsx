import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { App, Button, Card, Col, Empty, Flex, Row, Segmented, Select, Skeleton, Table, Typography, type TableColumnsType } from 'antd';
import { AlertOutlined, CloudUploadOutlined, ControlOutlined, DeploymentUnitOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@tanstack/react-query';
import { SIGNAL_KINDS, SIGNAL_KIND_LABELS } from '@shijian/contracts';
import { ApiError } from '../../api/client';
import { common } from '../../app/common';
import { useT } from '../../app/i18n';
import { can } from '../../app/permissions';
import { useSession } from '../../app/session';
import { useCategoryName, useCategoryOptions } from '../../shared/categories';
import { errorMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/format';
import { PageHeader, QueryError } from '../../shared/ui';
import { keys, paths, riskApi, type RiskDimension, type RiskScoreView, type RiskTrendWeek, type SignalTarget } from './api';
import type { EChartsOption } from '../../shared/echarts';
import { km } from './messages';
import { ByKind, formatScore, KIND_COLORS, levelColor, LevelTag, Note, useScoreLabel } from './parts';
import { EChart } from '../../shared/EChart';
import { SignalsDrawer } from './SignalsDrawer';

const WEEK_CHOICES = [12, 26, 52] as const;
/** Provinces number 34: one level down from the nation fits in one chart. */
const LIMITS: Record<RiskDimension, number> = { enterprise: 20, category: 20, region: 40 };

function useScores(dimension: RiskDimension, category: string | undefined) {
  return useQuery({
    queryKey: keys.scores(dimension, category),
    queryFn: () => riskApi.scores({ dimension, limit: LIMITS[dimension], category }),
  });
}

/** A horizontal bar per subject, coloured by its warning level, largest at the top. */
function barsOption(rows: { name: string; score: RiskScoreView }[], seriesName: string): EChartsOption {
  const bottomUp = [...rows].reverse();
  return {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: bottomUp.map((r) => r.name), axisTick: { show: false }, axisLabel: { width: 150, overflow: 'truncate' } },
    series: [
      {
        name: seriesName,
        type: 'bar',
        data: bottomUp.map((r) => ({ value: r.score.score, itemStyle: { color: levelColor(r.score.level), borderRadius: [0, 3, 3, 0] } })),
        barMaxWidth: 18,
        label: { show: true, position: 'right' },
        cursor: 'pointer',
      },
    ],
  };
}

const chartHeight = (n: number) => Math.max(240, n * 26 + 40);

/** When the kept scores were last computed in full and what is waiting; quiet when the server cannot say. */
function Freshness() {
  const t = useT();
  const freshness = useQuery({ queryKey: keys.freshness, queryFn: riskApi.freshness, retry: false });
  if (freshness.isPending) return null;
  const f = freshness.data;
  if (freshness.isError || !f) return <Note>{t(km.freshnessUnavailable)}</Note>;
  return (
    <Note>
      <span data-testid="risk-freshness">
        {f.lastFullAt
          ? t(km.freshness, { date: f.scoredOn ?? '—', at: formatDateTime(f.lastFullAt), ms: f.lastFullMs ?? '—', pending: f.pending })
          : t(km.freshnessNever, { pending: f.pending })}
      </span>
    </Note>
  );
}

/** 按风险更新抽查等级: the double-random directory's tiers from the scores, after a confirmation. */
function TiersButton() {
  const t = useT();
  const { message, modal } = App.useApp();
  const apply = useMutation({
    mutationFn: riskApi.applyTiers,
    onSuccess: ({ updated }) => void (updated ? message.success(t(km.tiersUpdated, { n: updated })) : message.info(t(km.tiersNone))),
    onError: (e) => void modal.error({ title: t(km.actionFailed), content: errorMessage(e) }),
  });
  return (
    <Button
      icon={<DeploymentUnitOutlined />}
      loading={apply.isPending}
      onClick={() =>
        modal.confirm({
          title: t(km.applyTiersTitle),
          content: t(km.applyTiersText),
          okText: t(km.applyTiersOk),
          cancelText: t(common.cancel),
          onOk: () => apply.mutateAsync().catch(() => undefined),
        })
      }
    >
      {t(km.applyTiers)}
    </Button>
  );
}

function EnterprisesCard({ category, onPick }: { category?: string; onPick: (target: SignalTarget) => void }) {
  const t = useT();
  const scores = useScores('enterprise', category);
  const rows = scores.data ?? [];
  const pick = (s: RiskScoreView) => onPick({ dimension: 'enterprise', key: s.key, label: s.label });
  const columns: TableColumnsType<RiskScoreView> = [
    { title: t(km.rank), key: 'rank', width: 56, align: 'center', render: (_, _s, i) => i + 1 },
    {
      title: t(km.enterprise),
      dataIndex: 'label',
      render: (label: string, s) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
          onClick={(e) => {
            e.stopPropagation();
            pick(s);
          }}
        >
          {label}
        </Button>
      ),
    },
    { title: t(km.score), dataIndex: 'score', width: 90, align: 'right', render: (v: number) => <Typography.Text strong>{formatScore(v)}</Typography.Text> },
    { title: t(km.signalCount), dataIndex: 'signals', width: 80, align: 'right' },
    { title: t(km.level), dataIndex: 'level', width: 100, render: (level: RiskScoreView['level']) => <LevelTag level={level} /> },
    { title: t(km.byKind), dataIndex: 'byKind', width: 260, render: (byKind: RiskScoreView['byKind']) => <ByKind byKind={byKind} /> },
  ];

  return (
    <Card title={t(km.topEnterprises)} extra={<Note>{t(km.topEnterprisesNote)}</Note>} className="detail-card">
      {scores.isError ? (
        <QueryError error={scores.error} onRetry={() => void scores.refetch()} />
      ) : scores.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : !rows.length ? (
        <Empty description={t(category ? km.noSignalsFiltered : km.noSignals)} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={9}>
            <EChart
              option={barsOption(rows.map((s) => ({ name: s.label, score: s })), t(km.score))}
              label={t(km.topEnterprises)}
              height={chartHeight(rows.length)}
              onPick={(i) => pick([...rows].reverse()[i]!)}
            />
          </Col>
          <Col xs={24} xl={15} data-testid="risk-enterprise-table">
            <Table<RiskScoreView>
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 720 }}
              onRow={(s) => ({ onClick: () => pick(s), style: { cursor: 'pointer' } })}
            />
          </Col>
        </Row>
      )}
    </Card>
  );
}

/** Product categories or regions, one bar each; a click opens the signals behind the bar. */
function GroupCard({ dimension, category, title, note, onPick }: { dimension: 'category' | 'region'; category?: string; title: string; note: string; onPick: (target: SignalTarget) => void }) {
  const t = useT();
  const categoryName = useCategoryName();
  const scoreLabel = useScoreLabel();
  const scores = useScores(dimension, category);
  const rows = (scores.data ?? []).map((s) => ({ name: scoreLabel(s, categoryName), score: s }));
  return (
    <Card title={title} extra={<Note>{note}</Note>} className="detail-card">
      {scores.isError ? (
        <QueryError error={scores.error} onRetry={() => void scores.refetch()} />
      ) : scores.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : !rows.length ? (
        <Empty description={t(category ? km.noSignalsFiltered : km.noSignals)} />
      ) : (
        <EChart
          option={barsOption(rows, t(km.score))}
          label={title}
          height={chartHeight(rows.length)}
          onPick={(i) => {
            const r = [...rows].reverse()[i];
            if (r) onPick({ dimension, key: r.score.key, label: r.name });
          }}
        />
      )}
    </Card>
  );
}

/** Signals per week by kind (stacked bars) with their weight in the model (a line on its own axis). */
function trendOption(weeks: RiskTrendWeek[], t: ReturnType<typeof useT>): EChartsOption {
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'plain' },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: weeks.map((w) => w.weekStart.slice(5)) },
    yAxis: [
      { type: 'value', name: t(km.trendSignals), minInterval: 1 },
      { type: 'value', name: t(km.trendWeight), splitLine: { show: false } },
    ],
    series: [
      ...SIGNAL_KINDS.map((kind) => ({
        name: t(SIGNAL_KIND_LABELS[kind]),
        type: 'bar' as const,
        stack: 'signals',
        barMaxWidth: 28,
        itemStyle: { color: KIND_COLORS[kind] },
        data: weeks.map((w) => w.counts[kind] ?? 0),
      })),
      {
        name: t(km.trendWeight),
        type: 'line' as const,
        yAxisIndex: 1,
        symbolSize: 6,
        itemStyle: { color: '#262626' },
        lineStyle: { width: 2, type: 'dashed' as const },
        data: weeks.map((w) => Math.round(w.weight * 100) / 100),
      },
    ],
  };
}

function TrendCard({ category }: { category?: string }) {
  const t = useT();
  const [weeks, setWeeks] = useState<number>(12);
  const trend = useQuery({ queryKey: keys.trend(weeks, category), queryFn: () => riskApi.trend({ weeks, category }) });
  const data = trend.data ?? [];
  return (
    <Card
      title={t(km.trendTitle)}
      className="detail-card"
      extra={<Segmented<number> value={weeks} onChange={setWeeks} options={WEEK_CHOICES.map((n) => ({ value: n, label: t(km.weeksOption, { n }) }))} />}
    >
      <Note>{t(km.trendNote)}</Note>
      {trend.isError ? (
        trend.error instanceof ApiError && trend.error.code === 'ROUTE_NOT_FOUND' ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(km.trendUnavailable)} />
        ) : (
          <QueryError error={trend.error} onRetry={() => void trend.refetch()} />
        )
      ) : trend.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : data.every((w) => w.total === 0) ? (
        <Empty description={t(category ? km.noSignalsFiltered : km.noSignals)} />
      ) : (
        <EChart option={trendOption(data, t)} label={t(km.trendTitle)} height={340} />
      )}
    </Card>
  );
}

/**
 * 风险监测: the scores in the reader's area (the server scopes every figure) — enterprises,
 * product categories and the regions one level down — the weekly trend, and the signals behind
 * any of them; one category filter for the whole page, kept in the URL.
 */
export function DashboardPage() {
  const t = useT();
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const category = params.get('category') ?? undefined;
  const categoryOptions = useCategoryOptions(category ? [category] : []);
  const [target, setTarget] = useState<SignalTarget | null>(null);

  const setCategory = (value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set('category', value);
    else next.delete('category');
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t(km.dashboardTitle)}
        subtitle={t(km.dashboardSubtitle, { scope: session.scope.label })}
        extra={
          <>
            <Button icon={<AlertOutlined />} onClick={() => navigate(paths.warnings)}>
              {t(km.toWarnings)}
            </Button>
            {can(session, 'risk.import') ? (
              <Button icon={<CloudUploadOutlined />} onClick={() => navigate(paths.opinions)}>
                {t(km.toOpinions)}
              </Button>
            ) : null}
            <Button icon={<ControlOutlined />} onClick={() => navigate(paths.model)}>
              {t(km.toModel)}
            </Button>
            {can(session, 'inspection.roster') ? <TiersButton /> : null}
          </>
        }
      />
      <Flex gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          aria-label={t(km.categoryFilter)}
          placeholder={t(km.allCategories)}
          style={{ width: 240 }}
          loading={categoryOptions.loading}
          options={categoryOptions.options}
          value={category}
          onChange={(v: string | undefined) => setCategory(v)}
        />
        <Freshness />
      </Flex>
      <EnterprisesCard category={category} onPick={setTarget} />
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <GroupCard dimension="category" category={category} title={t(km.topCategories)} note={t(km.chartClickNote)} onPick={setTarget} />
        </Col>
        <Col xs={24} xl={12}>
          <GroupCard
            dimension="region"
            category={category}
            title={t(km.regions)}
            note={`${t(km.regionsNote, { scope: session.scope.label })} · ${t(km.chartClickNote)}`}
            onPick={setTarget}
          />
        </Col>
      </Row>
      <TrendCard category={category} />
      <Note>{t(km.levelsLegend)}</Note>
      <SignalsDrawer target={target} category={category} onClose={() => setTarget(null)} />
    </>
  );
}
