import { METRICS, type CellValue, type MetricInfo, type ReportColumn, type ReportTemplateDefinition } from '@shijian/contracts';
import { fromMicros, percent, sumDecimals, toMicros } from './decimal.js';
import type { Wanted } from './metrics.js';

/**
 * Turning aggregates into a table's cells, and cells of several units into their
 * roll-up. Pure, so every rule is unit-tested: additive cells add up across rows
 * and units; a ratio is never added — its numerator and denominator are, and the
 * ratio is recomputed at every level.
 */
export type Cells = Record<string, CellValue>;
/** Aggregates of one unit by row value (null for a single-row table), each by alias. */
export type Aggregates = Map<string | null, Record<string, string>>;
export type ManualEntry = { value: string; note: string };

export const TOTAL_ROW = 'total';
export const cellKey = (rowKey: string, columnKey: string) => `${rowKey}:${columnKey}`;

export const columnsOf = (d: ReportTemplateDefinition): ReportColumn[] => d.groups.flatMap((g) => g.columns);

const numeratorAlias = (c: { key: string }) => `${c.key}__num`;
const denominatorAlias = (c: { key: string }) => `${c.key}__den`;

/** The aggregates a template needs, one alias each (a ratio needs two). */
export function wantedOf(d: ReportTemplateDefinition): Wanted[] {
  const out: Wanted[] = [];
  for (const c of columnsOf(d)) {
    if (c.kind === 'metric') out.push({ alias: c.key, metric: c.metric, filter: c.violation ? { violation: c.violation } : {} });
    if (c.kind === 'ratio') {
      out.push({ alias: numeratorAlias(c), metric: c.numerator, filter: {} });
      out.push({ alias: denominatorAlias(c), metric: c.denominator, filter: {} });
    }
  }
  return out;
}

/** PostgreSQL's numeric text normalised to the exact decimal kept in cells ('42.0000000000' → '42'). */
const exact = (text: string | undefined) => fromMicros(toMicros(text ?? '0'));

/** The digits a column is shown with. */
export function columnDecimals(c: ReportColumn, d: ReportTemplateDefinition): number {
  if (c.kind === 'metric') return (METRICS[c.metric] as MetricInfo).decimals;
  if (c.kind === 'ratio' || c.kind === 'manual') return c.decimals;
  const parts = columnsOf(d).filter((x) => c.of.includes(x.key));
  return Math.max(0, ...parts.map((p) => columnDecimals(p, d)));
}

/** Sum columns after the columns they add, whatever order they were declared in. */
function fillSums(d: ReportTemplateDefinition, rowKey: string, cells: Cells) {
  const sums = columnsOf(d).filter((c): c is Extract<ReportColumn, { kind: 'sum' }> => c.kind === 'sum');
  const done = new Set<string>();
  for (let pass = 0; pass < sums.length && done.size < sums.length; pass++) {
    for (const c of sums) {
      if (done.has(c.key)) continue;
      if (c.of.some((k) => sums.some((s) => s.key === k) && !done.has(k))) continue;
      cells[cellKey(rowKey, c.key)] = { value: sumDecimals(c.of.map((k) => cells[cellKey(rowKey, k)]?.value)) };
      done.add(c.key);
    }
  }
}

/** One unit's table: metric cells from the aggregates, manual cells as entered, sums and ratios, then the 合计 row. */
export function assemble(d: ReportTemplateDefinition, aggregates: Aggregates, manual: Record<string, ManualEntry>): Cells {
  const cells: Cells = {};
  for (const row of d.rows) {
    const a = aggregates.get(row.value) ?? {};
    for (const c of columnsOf(d)) {
      const key = cellKey(row.key, c.key);
      if (c.kind === 'metric') cells[key] = { value: exact(a[c.key]) };
      if (c.kind === 'ratio') {
        const numerator = exact(a[numeratorAlias(c)]);
        const denominator = exact(a[denominatorAlias(c)]);
        cells[key] = { value: percent(numerator, denominator, c.decimals), numerator, denominator };
      }
      if (c.kind === 'manual') cells[key] = manual[key] ? { value: exact(manual[key].value), note: manual[key].note } : { value: null };
    }
    fillSums(d, row.key, cells);
  }
  if (d.totalRow) addTotalRow(d, cells);
  return cells;
}

/** The 合计 row: additive cells are the sum of the rows, ratios recomputed from the summed parts. */
function addTotalRow(d: ReportTemplateDefinition, cells: Cells) {
  for (const c of columnsOf(d)) {
    if (c.kind === 'sum') continue;
    const parts = d.rows.map((r) => cells[cellKey(r.key, c.key)]);
    cells[cellKey(TOTAL_ROW, c.key)] = c.kind === 'ratio' ? ratioOf(parts, c.decimals) : { value: sumDecimals(parts.map((p) => p?.value)) };
  }
  fillSums(d, TOTAL_ROW, cells);
}

function ratioOf(parts: (CellValue | undefined)[], decimals: number): CellValue {
  const numerator = sumDecimals(parts.map((p) => p?.numerator)) ?? '0';
  const denominator = sumDecimals(parts.map((p) => p?.denominator)) ?? '0';
  return { value: percent(numerator, denominator, decimals), numerator, denominator };
}

/**
 * Several units' aggregates as one area's: every aggregate of the catalogue adds up across
 * disjoint areas (a distinct enterprise is in one region only), ratios are assembled after.
 */
export function sumAggregates(parts: Aggregates[]): Aggregates {
  const out: Aggregates = new Map();
  for (const part of parts) {
    for (const [row, values] of part) {
      const sum = { ...out.get(row) };
      for (const [alias, value] of Object.entries(values)) sum[alias] = sumDecimals([sum[alias], value]) ?? '0';
      out.set(row, sum);
    }
  }
  return out;
}

/** An upper level's table from its units' tables: every cell added up, ratios from their summed parts. */
export function rollUp(d: ReportTemplateDefinition, units: Cells[]): Cells {
  const cells: Cells = {};
  const rowKeys = [...d.rows.map((r) => r.key), ...(d.totalRow ? [TOTAL_ROW] : [])];
  for (const rowKey of rowKeys) {
    for (const c of columnsOf(d)) {
      const key = cellKey(rowKey, c.key);
      const parts = units.map((u) => u[key]);
      cells[key] = c.kind === 'ratio' ? ratioOf(parts, c.decimals) : { value: sumDecimals(parts.map((p) => p?.value)) };
    }
  }
  return cells;
}
