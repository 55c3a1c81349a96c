import { ENTERPRISE_COUNT_CAP } from '@shijian/contracts';
import { asc, count } from 'drizzle-orm';
import { enterpriseListWhere } from '../../server/src/modules/registry/enterprises.js';
import { enterprises } from '../../server/src/modules/registry/tables.js';
import type { ScopeCase } from './actors.js';
import type { BenchDb } from './backend.js';
import { compareInterleaved, comparePaired, type Pair, type SampleOptions, type Summary } from './stats.js';

export const QUERY_KINDS = ['page', 'prefix', 'count', 'list', 'list-prefix'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export const QUERY_LABELS: Record<QueryKind, string> = {
  page: 'first page by name (statement)',
  prefix: 'name-prefix page (statement)',
  count: 'exact count(*)',
  list: 'list() first page + count',
  'list-prefix': 'list() name prefix + count',
};

const PAGE_SIZE = 20;
const COLUMNS = 'id, uscc, name, region_code, address, legal_representative, size, org_id, created_at, updated_at';

type Row = { id: string };

/** The scope (and name prefix) as a hand-written where clause, with a leading space, or empty. */
export function rawWhere(scope: ScopeCase, prefix?: string): { where: string; params: string[] } {
  const conditions = scope.rawWhere ? [scope.rawWhere] : [];
  const params = [...scope.rawParams];
  if (prefix !== undefined) {
    params.push(`${prefix}%`);
    conditions.push(`name like $${params.length}`);
  }
  return { where: conditions.length ? ` where ${conditions.join(' and ')}` : '', params };
}

/** The raw SQL of one query of one scope, written by hand: a page sorted by name or a count, optionally by name prefix. */
export function rawStatement(scope: ScopeCase, kind: 'page' | 'count', prefix?: string): { text: string; params: string[] } {
  const { where, params } = rawWhere(scope, prefix);
  if (kind === 'count') return { text: `select count(*) as n from enterprises${where}`, params };
  return { text: `select ${COLUMNS} from enterprises${where} order by name, id limit ${PAGE_SIZE}`, params };
}

export type Cell = { scope: ScopeCase['key']; kind: QueryKind; rows: number; pair: Pair };

/**
 * The service path and its raw-SQL twin for one (scope, query). The page
 * statements are the ones `services.enterprises.list` issues, built the same way
 * (`enterpriseListWhere`, Drizzle); `list` is the whole service call, whose count
 * stops at ENTERPRISE_COUNT_CAP + 1 matches. `count` is the exact count of the
 * scope (what the issue asks for; list() no longer pays for it).
 */
export function cellPaths(b: BenchDb, scope: ScopeCase, kind: QueryKind, prefix: string) {
  const { db } = b.database;
  const { actor } = scope;
  const byPrefix = kind === 'prefix' || kind === 'list-prefix' ? prefix : undefined;
  const filter = byPrefix === undefined ? {} : { q: byPrefix };
  const servicePage = () =>
    db.select().from(enterprises).where(enterpriseListWhere(actor, filter)).orderBy(asc(enterprises.name), asc(enterprises.id)).limit(PAGE_SIZE).offset(0);
  const serviceCount = async () => (await db.select({ n: count() }).from(enterprises).where(enterpriseListWhere(actor, filter)))[0]!.n;

  const page = rawStatement(scope, 'page', byPrefix);
  const total = rawStatement(scope, 'count', byPrefix);
  const rawPage = () => b.raw.query<Row>(page.text, page.params);
  const rawCount = async () => Number((await b.raw.query<{ n: string | number }>(total.text, total.params))[0]!.n);
  // list() counts at most ENTERPRISE_COUNT_CAP + 1 matches (the page says "more than" beyond the cap).
  const capped = {
    text: `${total.text.replace('select count(*) as n from enterprises', 'select count(*) as n from (select 1 from enterprises')} limit ${ENTERPRISE_COUNT_CAP + 1}) s`,
    params: total.params,
  };
  const rawCappedCount = async () => Math.min(ENTERPRISE_COUNT_CAP, Number((await b.raw.query<{ n: string | number }>(capped.text, capped.params))[0]!.n));
  const rawList = async () => {
    const [rows, n] = await Promise.all([rawPage(), rawCappedCount()]);
    const cats = await b.raw.query<{ enterprise_id: string; category_code: string }>(
      'select enterprise_id, category_code from enterprise_categories where enterprise_id = any($1::uuid[]) order by category_code',
      [rows.map((r) => r.id)],
    );
    const byId = new Map<string, string[]>();
    for (const c of cats) byId.set(c.enterprise_id, [...(byId.get(c.enterprise_id) ?? []), c.category_code]);
    return { items: rows.map((r) => ({ ...r, categories: byId.get(r.id) ?? [] })), total: n };
  };
  const serviceList = () =>
    b.services.enterprises.list(actor, { page: 1, pageSize: PAGE_SIZE, sort: 'name', order: 'asc', ...filter });

  switch (kind) {
    case 'page':
    case 'prefix':
      return {
        service: async () => (await servicePage()).map((r) => r.id),
        raw: async () => (await rawPage()).map((r) => r.id),
      };
    case 'count':
      return { service: async () => [Number(await serviceCount())], raw: async () => [await rawCount()] };
    case 'list':
    case 'list-prefix':
      return {
        service: async () => {
          const r = await serviceList();
          return [r.total, ...r.items.map((i) => i.id)];
        },
        raw: async () => {
          const r = await rawList();
          return [r.total, ...r.items.map((i) => i.id)];
        },
      };
  }
}

/** Checks both paths return the same thing, then samples them alternately. */
export async function measureCell(
  b: BenchDb,
  scope: ScopeCase,
  kind: QueryKind,
  prefix: string,
  options: SampleOptions,
): Promise<Cell> {
  const paths = cellPaths(b, scope, kind, prefix);
  const [s, r] = [await paths.service(), await paths.raw()];
  if (JSON.stringify(s) !== JSON.stringify(r)) {
    throw new Error(`${b.kind} ${scope.key} ${kind}: service and raw SQL disagree: ${JSON.stringify(s).slice(0, 200)} vs ${JSON.stringify(r).slice(0, 200)}`);
  }
  const rows = kind === 'count' ? Number(s[0]) : kind === 'list' || kind === 'list-prefix' ? Number(s[0]) : s.length;
  const pair = await comparePaired(paths.service, paths.raw, options);
  return { scope: scope.key, kind, rows, pair };
}

export type Overhead = { scope: ScopeCase['key']; query: 'page' | 'count'; results: Record<'raw' | 'drizzleText' | 'render' | 'prepared' | 'drizzle', Summary> };

/**
 * Where the fixed cost of a Drizzle statement goes, on one small query: the
 * hand-written SQL; Drizzle's own SQL text sent the same way (so only the text
 * differs); rendering the query alone (no database); a Drizzle prepared statement
 * (rendered once, executed and mapped each time); and the full service statement.
 */
export async function overhead(b: BenchDb, scope: ScopeCase, query: 'page' | 'count', options: SampleOptions): Promise<Overhead> {
  const { db } = b.database;
  const build = () =>
    query === 'page'
      ? db.select().from(enterprises).where(enterpriseListWhere(scope.actor, {})).orderBy(asc(enterprises.name), asc(enterprises.id)).limit(PAGE_SIZE).offset(0)
      : db.select({ n: count() }).from(enterprises).where(enterpriseListWhere(scope.actor, {}));
  const rendered = build().toSQL();
  const hand = rawStatement(scope, query);
  const prepared = build().prepare(`bench_${scope.key}_${query}`);
  const results = await compareInterleaved(
    {
      raw: () => b.raw.query(hand.text, hand.params),
      drizzleText: () => b.raw.query(rendered.sql, rendered.params),
      render: async () => build().toSQL(),
      prepared: () => prepared.execute(),
      drizzle: () => build(),
    },
    options,
  );
  return { scope: scope.key, query, results };
}
