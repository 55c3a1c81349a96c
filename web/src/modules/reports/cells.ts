import { METRICS, type MetricInfo, type ReportColumn, type ReportTemplateDefinition } from '@shijian/contracts';

/**
 * A report table's cells as the web shows them. Values arrive as exact decimal text
 * and are rounded here for display only, half away from zero, to the column's digits —
 * the same rule as the server's exports, so the screen and the .xlsx agree.
 */
export const TOTAL_ROW = 'total';
export const cellKey = (rowKey: string, columnKey: string) => `${rowKey}:${columnKey}`;
export const columnsOf = (d: ReportTemplateDefinition): ReportColumn[] => d.groups.flatMap((g) => g.columns);

/** The table's lines: its rows, then the 合计 row when it has one. */
export function linesOf(d: ReportTemplateDefinition): { key: string; label: string; total: boolean }[] {
  return [...d.rows.map((r) => ({ key: r.key, label: r.label, total: false })), ...(d.totalRow ? [{ key: TOTAL_ROW, label: d.totalRow.label, total: true }] : [])];
}

/** The digits a column is shown with: a metric's own, a ratio's or manual column's setting, a sum's widest part. */
export function columnDecimals(c: ReportColumn, d: ReportTemplateDefinition, seen: ReadonlySet<string> = new Set()): number {
  if (c.kind === 'metric') return (METRICS[c.metric] as MetricInfo).decimals;
  if (c.kind === 'ratio' || c.kind === 'manual') return c.decimals;
  if (seen.has(c.key)) return 0;
  const parts = columnsOf(d).filter((x) => c.of.includes(x.key));
  return Math.max(0, ...parts.map((p) => columnDecimals(p, d, new Set([...seen, c.key]))));
}

/** '12.345' → '12.35' with 2 digits, '-0.5' → '-1' with none; trailing zeros kept to the digits asked. Text that is not a decimal is returned as it is. */
export function roundDecimal(text: string, decimals: number): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign, whole, fraction = ''] = match;
  // The value scaled by 10^(decimals + 1): the last digit alone decides the rounding.
  const scaledPlusOne = BigInt(`${whole}${fraction.padEnd(decimals + 1, '0').slice(0, decimals + 1)}`);
  const rounded = scaledPlusOne / 10n + (scaledPlusOne % 10n >= 5n ? 1n : 0n);
  const digits = rounded.toString().padStart(decimals + 1, '0');
  const body = decimals ? `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}` : digits;
  return `${sign && rounded !== 0n ? '-' : ''}${body}`;
}

/** A cell as shown: '—' for a rate over nothing, '' for a manual cell not yet filled, a rate with its %. */
export function formatCell(c: ReportColumn, d: ReportTemplateDefinition, value: string | null | undefined): string {
  if (value === null || value === undefined) return c.kind === 'manual' ? '' : '—';
  const text = roundDecimal(value, columnDecimals(c, d));
  return c.kind === 'ratio' ? `${text}%` : text;
}

/** A cell's value as a number for charts (null stays null: no bar, not a zero). */
export function toChartNumber(value: string | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Computed cells lead to their records; manual entries and sums of columns do not (the server answers 400). */
export const drillable = (c: ReportColumn) => c.kind === 'metric' || c.kind === 'ratio';

/** Manual cells of the rows (not 合计) still empty: a unit cannot submit until each has a figure and a note. */
export function missingManual(d: ReportTemplateDefinition, cells: Record<string, { value: string | null } | undefined>): { rowLabel: string; columnLabel: string }[] {
  return d.rows.flatMap((r) =>
    columnsOf(d)
      .filter((c) => c.kind === 'manual' && (cells[cellKey(r.key, c.key)]?.value ?? null) === null)
      .map((c) => ({ rowLabel: r.label, columnLabel: c.label })),
  );
}

/** A manual entry as the API takes it: up to 12 digits and at most the column's decimals (whole numbers when it has none). */
export function manualValueProblem(text: string, decimals: number): 'format' | 'decimals' | null {
  const value = text.trim();
  if (!/^\d{1,12}(\.\d{1,4})?$/.test(value)) return 'format';
  const fraction = value.split('.')[1] ?? '';
  return fraction.replace(/0+$/, '').length > decimals ? 'decimals' : null;
}
