import {
  METRIC_SOURCE_LABELS,
  METRIC_SOURCES,
  METRICS,
  type Accumulation,
  type FieldError,
  type Label,
  type MetricInfo,
  type MetricKey,
  type ReportFrequency,
  type RowDimension,
  type UnitLevel,
  type ViolationCategory,
} from '@shijian/contracts';
import type { ReportColumn, ReportTemplateBody, ReportTemplateView } from './api';

/**
 * The template designer's form and the API body it becomes. Pure, so the round trip
 * (library form → form → body) and the placing of the server's field errors are tested.
 */
export type ColumnValues = {
  kind: ReportColumn['kind'];
  key: string;
  label: string;
  metric?: MetricKey;
  violation?: ViolationCategory | null;
  numerator?: MetricKey;
  denominator?: MetricKey;
  decimals?: number | null;
  of?: string[];
  unit?: string;
};
export type GroupValues = { key: string; label: string; columns: ColumnValues[] };
export type RowValues = { key: string; label: string; value: string | null };
export type DesignerValues = {
  code: string;
  name: string;
  frequency: ReportFrequency;
  accumulation: Accumulation;
  campaignId?: string | null;
  unitLevel: UnitLevel;
  schedule: { cutoffWeekday: number; dueWeekday: number; dueTime: string; remindTime: string; dueDay: number };
  /** The 合计 row on or off; its label sits in definition.totalRow.label either way. */
  withTotal: boolean;
  definition: {
    title: string;
    rowDimension: RowDimension;
    rows: RowValues[];
    totalRow: { label: string };
    groups: GroupValues[];
    headerFields: string[];
    notes: string[];
  };
};

export const KEY = /^[a-z][a-z0-9_]{0,39}$/;
export const DEFAULT_SCHEDULE = { cutoffWeekday: 3, dueWeekday: 4, dueTime: '17:00', remindTime: '12:00', dueDay: 5 };
export const SINGLE_ROW: RowValues = { key: 'all', label: '本辖区', value: null };

export function emptyValues(unitLevel: UnitLevel): DesignerValues {
  return {
    code: '',
    name: '',
    frequency: 'weekly',
    accumulation: 'period',
    campaignId: null,
    unitLevel,
    schedule: { ...DEFAULT_SCHEDULE },
    withTotal: false,
    definition: {
      title: '',
      rowDimension: 'none',
      rows: [{ ...SINGLE_ROW }],
      totalRow: { label: '合计' },
      groups: [{ key: 'g1', label: '', columns: [{ kind: 'metric', key: 'c1', label: '' }] }],
      headerFields: ['填报单位', '填报人', '电话'],
      notes: [],
    },
  };
}

const columnValues = (c: ReportColumn): ColumnValues => {
  switch (c.kind) {
    case 'metric':
      return { kind: 'metric', key: c.key, label: c.label, metric: c.metric, violation: c.violation ?? null };
    case 'ratio':
      return { kind: 'ratio', key: c.key, label: c.label, numerator: c.numerator, denominator: c.denominator, decimals: c.decimals };
    case 'sum':
      return { kind: 'sum', key: c.key, label: c.label, of: [...c.of] };
    case 'manual':
      return { kind: 'manual', key: c.key, label: c.label, unit: c.unit, decimals: c.decimals };
  }
};

/** A template (from the library, or an existing one to edit or copy) as the designer's form. */
export function valuesOf(body: Omit<ReportTemplateBody, 'definition'> & { definition: ReportTemplateView['definition'] }): DesignerValues {
  const d = body.definition;
  return {
    code: body.code,
    name: body.name,
    frequency: body.frequency,
    accumulation: body.accumulation,
    campaignId: body.campaignId ?? null,
    unitLevel: body.unitLevel ?? 'province',
    schedule: { ...DEFAULT_SCHEDULE, ...body.schedule },
    withTotal: Boolean(d.totalRow),
    definition: {
      title: d.title,
      rowDimension: d.rowDimension,
      rows: d.rows.map((r) => ({ ...r })),
      totalRow: { label: d.totalRow?.label ?? '合计' },
      groups: d.groups.map((g) => ({ key: g.key, label: g.label, columns: g.columns.map(columnValues) })),
      headerFields: [...(d.headerFields ?? [])],
      notes: [...(d.notes ?? [])],
    },
  };
}

const trim = (s: string | undefined | null) => (s ?? '').trim();

function columnBody(c: ColumnValues): ReportColumn {
  const base = { key: trim(c.key), label: trim(c.label) };
  switch (c.kind) {
    case 'metric':
      return { kind: 'metric', ...base, metric: c.metric as MetricKey, ...(c.violation ? { violation: c.violation } : {}) };
    case 'ratio':
      return { kind: 'ratio', ...base, numerator: c.numerator as MetricKey, denominator: c.denominator as MetricKey, decimals: c.decimals ?? 2 };
    case 'sum':
      return { kind: 'sum', ...base, of: c.of ?? [] };
    case 'manual':
      return { kind: 'manual', ...base, unit: trim(c.unit), decimals: c.decimals ?? 0 };
  }
}

/** The form as the API takes it: each column with only its kind's fields, the 合计 row as its label or null. */
export function bodyOf(v: DesignerValues): ReportTemplateBody {
  const d = v.definition;
  return {
    code: trim(v.code),
    name: trim(v.name),
    frequency: v.frequency,
    accumulation: v.accumulation,
    campaignId: v.campaignId || null,
    unitLevel: v.unitLevel,
    schedule: { ...DEFAULT_SCHEDULE, ...v.schedule },
    definition: {
      title: trim(d.title),
      rowDimension: d.rowDimension,
      rows: d.rows.map((r) => ({ key: trim(r.key), label: trim(r.label), value: d.rowDimension === 'none' ? null : (r.value ?? null) })),
      totalRow: v.withTotal ? { label: trim(d.totalRow.label) } : null,
      groups: d.groups.map((g) => ({ key: trim(g.key), label: trim(g.label), columns: (g.columns ?? []).map(columnBody) })),
      headerFields: (d.headerFields ?? []).map(trim).filter(Boolean),
      notes: (d.notes ?? []).map(trim).filter(Boolean),
    },
  };
}

/** A copy to change: the same form under a new code and name. */
export function copyOf(t: ReportTemplateView): DesignerValues {
  const values = valuesOf(t);
  return { ...values, code: `${t.code}_copy`.slice(0, 40), name: `${t.name}（副本）`.slice(0, 120) };
}

/** The first `prefix<n>` not yet taken. */
export function nextKey(prefix: string, taken: readonly string[]): string {
  for (let n = taken.length + 1; ; n++) {
    const key = `${prefix}${n}`;
    if (!taken.includes(key)) return key;
  }
}

/** A row's key from its value when the value makes a valid key (category codes and domains do). */
export const keyFromValue = (value: string, taken: readonly string[]) => (KEY.test(value) && !taken.includes(value) && value !== 'total' ? value : nextKey('r', taken));

/** Metrics that can be split by the row dimension, grouped by the records they count. */
export function metricOptions(dimension: RowDimension, t: (label: Label) => string) {
  return METRIC_SOURCES.map((source) => ({
    label: t(METRIC_SOURCE_LABELS[source]),
    options: (Object.entries(METRICS) as [MetricKey, MetricInfo][])
      .filter(([, m]) => m.source === source && m.dimensions.includes(dimension))
      .map(([key, m]) => ({ value: key, label: m.label.zh.includes(`（${m.unit}）`) ? t(m.label) : `${t(m.label)}（${m.unit}）` })),
  })).filter((g) => g.options.length > 0);
}

export const metricFits = (metric: MetricKey | undefined, dimension: RowDimension) => !metric || (METRICS[metric] as MetricInfo).dimensions.includes(dimension);
export const takesViolation = (metric: MetricKey | undefined) => Boolean(metric && (METRICS[metric] as MetricInfo).filters.includes('violation'));

export type NamePath = (string | number)[];
const toPath = (field: string): NamePath => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
const same = (a: NamePath, b: NamePath) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * The server's field errors placed on the form's fields: each on its own field, or on the
 * nearest field above it the form has (a ratio's metric error lands on its numerator).
 * What has no field (a conflict, a whole list) is returned to be shown apart.
 */
export function placeErrors(fields: FieldError[], registered: NamePath[]): { placed: { name: NamePath; errors: string[] }[]; rest: string[] } {
  const has = (path: NamePath) => registered.some((r) => same(r, path));
  const placed = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: string[] = [];
  for (const { field, message } of fields) {
    let path = toPath(field);
    if (path[path.length - 1] === 'metric' && !has(path)) path = [...path.slice(0, -1), 'numerator'];
    while (path.length && !has(path)) path = path.slice(0, -1);
    if (!path.length) {
      rest.push(message);
      continue;
    }
    const key = path.join('.');
    const entry = placed.get(key) ?? { name: path, errors: [] };
    if (!entry.errors.includes(message)) entry.errors.push(message);
    placed.set(key, entry);
  }
  return { placed: [...placed.values()], rest };
}

/**
 * A definition safe to draw while it is being edited: every row and column present with a
 * unique key, and columns shown blank (the preview is of the layout, not of figures).
 */
export function previewDefinition(v: Partial<DesignerValues> | undefined): ReportTemplateView['definition'] {
  const d = v?.definition;
  let n = 0;
  return {
    title: d?.title ?? '',
    rowDimension: d?.rowDimension ?? 'none',
    rows: (d?.rows ?? []).filter(Boolean).map((r, i) => ({ key: `r${i}`, label: r.label || '—', value: null })),
    totalRow: v?.withTotal ? { label: d?.totalRow?.label || '合计' } : null,
    groups: (d?.groups ?? []).filter(Boolean).map((g, gi) => ({
      key: `g${gi}`,
      label: g.label || '—',
      columns: (g.columns ?? []).filter(Boolean).map((c) => ({ kind: 'manual' as const, key: `c${n++}`, label: c.label || '—', unit: c.kind === 'manual' ? (c.unit ?? '') : '', decimals: 0 })),
    })),
    headerFields: d?.headerFields ?? [],
    notes: [],
  };
}
