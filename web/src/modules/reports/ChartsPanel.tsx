import { useState, type ReactNode } from 'react';
import { Card, Col, Empty, Flex, Row, Segmented, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { ROW_DIMENSION_LABELS } from '@shijian/contracts';
import { useT } from '../../app/i18n';
import { EChart } from '../../shared/EChart';
import type { EChartsOption } from '../../shared/echarts';
import { QueryError } from '../../shared/ui';
import { keys, reportsApi, type ReportTemplateView, type TableQuery } from './api';
import { cellKey, columnsOf, linesOf, toChartNumber, TOTAL_ROW } from './cells';
import { rm } from './messages';

const BLUE = '#3b6fd1';
/** ECharts' mark for a missing value: no bar and no point, rather than a zero. */
const MISSING = '-';

/** '2026年第49周（11月26日—12月2日）' → '2026年第49周': the axis has little room. */
const shortLabel = (label: string) => label.replace(/（.*）$/, '');

function ChartCard({ title, note, children }: { title: string; note: string; children: ReactNode }) {
  return (
    <Card size="small" className="detail-card" title={title} extra={<Typography.Text type="secondary">{note}</Typography.Text>}>
      {children}
    </Card>
  );
}

/**
 * 图表: one cell period by period (trend), the same cell across the units (compare,
 * above the units only), and a rate column across the rows of this period's table.
 * All from the records as they stand now.
 */
export function ChartsPanel({ template, periodKey, unit, above }: { template: ReportTemplateView; periodKey: string; unit?: string; above: boolean }) {
  const t = useT();
  const d = template.definition;
  const lines = linesOf(d);
  const charted = columnsOf(d).filter((c) => c.kind !== 'manual');
  const ratios = columnsOf(d).filter((c) => c.kind === 'ratio');
  const [rowKey, setRowKey] = useState(d.totalRow ? TOTAL_ROW : (d.rows[0]?.key ?? ''));
  const [columnKey, setColumnKey] = useState(charted[0]?.key ?? '');
  const [rateKey, setRateKey] = useState(ratios[0]?.key ?? '');
  // The rates come from this period's table: one unit's, or above the units the roll-up of what was submitted or the live figures.
  const [basis, setBasis] = useState<'rollup' | 'live'>('rollup');
  const tableQuery: TableQuery = unit ? { unit } : above ? { mode: basis } : {};
  const table = useQuery({
    queryKey: keys.table(template.id, periodKey, tableQuery),
    queryFn: () => reportsApi.table(template.id, periodKey, tableQuery),
    enabled: ratios.length > 0 && template.definition.rowDimension !== 'none',
  });
  const column = charted.find((c) => c.key === columnKey);
  const cell = cellKey(rowKey, columnKey);
  const percent = column?.kind === 'ratio';

  const trend = useQuery({
    queryKey: [...keys.template(template.id), 'trend', cell, unit ?? ''],
    queryFn: () => reportsApi.trend(template.id, cell, 8, unit),
    enabled: Boolean(column),
    staleTime: 60_000,
  });
  const compare = useQuery({
    queryKey: [...keys.period(template.id, periodKey), 'compare', cell],
    queryFn: () => reportsApi.compare(template.id, periodKey, cell),
    enabled: Boolean(column) && above,
    staleTime: 60_000,
  });

  if (!charted.length) return <Empty description={t(rm.noChartColumns)} />;
  const cellName = `${lines.find((l) => l.key === rowKey)?.label ?? ''} · ${column?.label ?? ''}`;
  const valueAxis = { type: 'value' as const, axisLabel: percent ? { formatter: '{value}%' } : {}, minInterval: percent ? undefined : 1 };

  const points = trend.data?.points ?? [];
  const trendOption: EChartsOption = {
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', boundaryGap: false, data: points.map((p) => shortLabel(p.label)) },
    yAxis: valueAxis,
    series: [
      {
        type: 'line',
        name: cellName,
        data: points.map((p) => toChartNumber(p.value) ?? MISSING),
        symbolSize: 7,
        itemStyle: { color: BLUE },
        areaStyle: { opacity: 0.08 },
        label: { show: true, position: 'top', formatter: percent ? '{c}%' : '{c}' },
      },
    ],
  };

  // First unit at the top: ECharts draws category axes from the bottom up.
  const units = [...(compare.data?.units ?? [])].reverse();
  const compareOption: EChartsOption = {
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: valueAxis,
    yAxis: { type: 'category', data: units.map((u) => u.name.replace(/市场监督管理局$/, '')), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: cellName,
        data: units.map((u) => toChartNumber(u.value) ?? MISSING),
        barMaxWidth: 18,
        itemStyle: { color: BLUE, borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', formatter: percent ? '{c}%' : '{c}' },
      },
    ],
  };

  const rate = ratios.find((c) => c.key === rateKey);
  const rows = [...d.rows].reverse();
  const rateOption: EChartsOption = {
    grid: { left: 8, right: 56, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((r) => r.label), axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: rate?.label ?? '',
        data: rows.map((r) => toChartNumber(table.data?.cells[cellKey(r.key, rateKey)]?.value) ?? MISSING),
        barMaxWidth: 18,
        itemStyle: { color: '#d4380d', borderRadius: [0, 3, 3, 0] },
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };

  return (
    <>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t(rm.chartCell)}</Typography.Text>
        <Select aria-label={t(rm.chartRow)} value={rowKey} onChange={setRowKey} style={{ width: 200 }} options={lines.map((l) => ({ value: l.key, label: l.label }))} />
        <Select
          aria-label={t(rm.chartColumn)}
          value={columnKey}
          onChange={setColumnKey}
          style={{ width: 320 }}
          showSearch={{ optionFilterProp: 'label' }}
          options={d.groups
            .map((g) => ({ label: g.label, options: g.columns.filter((c) => c.kind !== 'manual').map((c) => ({ value: c.key, label: `${c.label}（${g.label}）` })) }))
            .filter((g) => g.options.length)}
        />
      </Flex>
      <Row gutter={16}>
        <Col xs={24} xl={above ? 12 : 24}>
          <ChartCard title={`${t(rm.trendTitle)}：${cellName}`} note={t(rm.trendNote)}>
            {trend.isError ? <QueryError error={trend.error} onRetry={() => void trend.refetch()} /> : <EChart option={trendOption} label={`${t(rm.trendTitle)}：${cellName}`} />}
          </ChartCard>
        </Col>
        {above ? (
          <Col xs={24} xl={12}>
            <ChartCard title={`${t(rm.compareTitle)}：${cellName}`} note={t(rm.compareNote)}>
              {compare.isError ? (
                <QueryError error={compare.error} onRetry={() => void compare.refetch()} />
              ) : (
                <EChart option={compareOption} label={`${t(rm.compareTitle)}：${cellName}`} height={Math.max(320, units.length * 22 + 40)} />
              )}
            </ChartCard>
          </Col>
        ) : null}
      </Row>
      {d.rowDimension !== 'none' ? (
        <ChartCard
          title={rate ? t(rm.rateTitle, { column: rate.label, dimension: t(ROW_DIMENSION_LABELS[d.rowDimension]) }) : t(rm.noRateColumn)}
          note={t(rm.rateNote)}
        >
          {rate ? (
            <>
              <Flex gap={8} wrap style={{ marginBottom: 8 }}>
                {above && !unit ? (
                  <Segmented<'rollup' | 'live'>
                    value={basis}
                    onChange={setBasis}
                    options={[
                      { value: 'rollup', label: t(rm.viewRollup) },
                      { value: 'live', label: t(rm.viewLive) },
                    ]}
                  />
                ) : null}
                {ratios.length > 1 ? <Select value={rateKey} onChange={setRateKey} style={{ width: 320 }} options={ratios.map((c) => ({ value: c.key, label: c.label }))} /> : null}
              </Flex>
              {table.isError ? (
                <QueryError error={table.error} onRetry={() => void table.refetch()} />
              ) : (
                <EChart option={rateOption} label={rate.label} height={Math.max(240, d.rows.length * 28 + 40)} />
              )}
            </>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(rm.noRateColumn)} />
          )}
        </ChartCard>
      ) : null}
    </>
  );
}
