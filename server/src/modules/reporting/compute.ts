import type { MetricSource, ReportTemplateDefinition } from '@shijian/contracts';
import { rawRows, type Db } from '../../db/client.js';
import { wantedOf, type Aggregates } from './cells.js';
import { sourceOf, sourceQuery, type Scope, type Wanted } from './metrics.js';

type Row = { row_value: string | null; unit: string | null } & Record<string, string>;

/**
 * A template's aggregates over the records, one GROUP BY per source it draws on.
 * With `unitDigits`, grouped by reporting unit as well (the first 2, 4 or 6 digits
 * of the region code), so every province's figures come from one pass.
 */
export async function computeAggregates(
  db: Db,
  d: ReportTemplateDefinition,
  scope: Scope,
  unitDigits: number | null = null,
  /** Sources side by side on a pool; one after another inside a transaction (one connection). */
  options: { parallel: boolean } = { parallel: true },
): Promise<Map<string | null, Aggregates>> {
  const bySource = new Map<MetricSource, Wanted[]>();
  for (const w of wantedOf(d)) {
    const source = sourceOf(w.metric);
    bySource.set(source, [...(bySource.get(source) ?? []), w]);
  }
  const queries = [...bySource].map(([source, wanted]) => sourceQuery(source, wanted, d.rowDimension, scope, unitDigits));
  const results: Row[][] = [];
  if (options.parallel) results.push(...(await Promise.all(queries.map((q) => rawRows<Row>(db, q)))));
  else for (const q of queries) results.push(await rawRows<Row>(db, q));
  const out = new Map<string | null, Aggregates>();
  for (const rows of results) {
    for (const { row_value, unit, ...values } of rows) {
      const aggregates = out.get(unit) ?? new Map<string | null, Record<string, string>>();
      out.set(unit, aggregates);
      aggregates.set(row_value, { ...aggregates.get(row_value), ...values });
    }
  }
  return out;
}
