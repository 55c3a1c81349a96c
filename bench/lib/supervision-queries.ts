import { CaseListQuery, DeadlineQuery, LIST_COUNT_CAP, SamplingRecordListQuery } from '@shijian/contracts';
import type { Services } from '../../server/src/modules/index.js';
import { DUTY_CLOCKS } from '../../server/src/modules/sampling/clocks.js';
import { addDays } from '../../server/src/platform/calendar/working-days.js';
import { scopeCases, type ScopeCase } from './actors.js';
import type { BenchDb } from './backend.js';
import { explain, type PlanSummary } from './explain.js';
import { comparePaired, type Pair, type SampleOptions } from './stats.js';

/** The reads of the issue (case list, deadline board) and the two batch lists, each a whole service call as its route makes it. */
export const SUPERVISION_QUERIES = ['cases', 'deadlines', 'records', 'overdue'] as const;
export type SupervisionQuery = (typeof SUPERVISION_QUERIES)[number];

export const SUPERVISION_LABELS: Record<SupervisionQuery, string> = {
  cases: '`cases.list` (GET /api/cases: first page by lead date + capped count)',
  deadlines: '`cases.deadlines` (GET /api/cases/deadlines: counts per clock + soonest 50)',
  records: '`sampling.records` (GET /api/sampling/records: first page, newest batches first + capped count + leads)',
  overdue: '`sampling.records` overdue (GET /api/sampling/records?overdue=true: first page + capped count + leads)',
};

/** The demo's own accounts for the three scopes: 武侯区 county officer, 四川 provincial admin, 总局 admin. */
const DEMO_USERS: Record<ScopeCase['key'], string> = { county: 'wh.officer', province: 'sc.admin', nation: 'samr.admin' };

/** The scopes of the registry bench, acted by the demo users whose scope they are (checked). */
export async function demoScopes(services: Services): Promise<ScopeCase[]> {
  return Promise.all(
    scopeCases().map(async (scope) => {
      const actor = await services.auth.actorFor(DEMO_USERS[scope.key], { ip: null, userAgent: 'bench' });
      const region = actor.scope.kind === 'region' ? actor.scope.regionCode : null;
      if ((scope.rawParams[0] ?? null) !== region) throw new Error(`${DEMO_USERS[scope.key]} has scope ${JSON.stringify(actor.scope)}, not ${scope.label}`);
      return { ...scope, actor };
    }),
  );
}

/** The scope's condition on a qualified column, its parameters numbered from $1 (others follow). */
function scopeSql(scope: ScopeCase, column: string): { cond: string; params: unknown[]; next: (n: number) => string } {
  const cond = scope.rawWhere ? scope.rawWhere.replace(/region_code/g, column) : 'true';
  const params: unknown[] = [...scope.rawParams];
  return { cond, params, next: (n) => `$${params.length + n}` };
}

export type Statement = { name: string; text: string; params: unknown[] };

const capped = (from: string, where: string) => `select count(*) as n from (select 1 from ${from} where ${where} limit ${LIST_COUNT_CAP + 1}) s`;

/**
 * The hand-written SQL of one read: the same statements the service issues
 * (same conditions, order and limits), as a person would type them.
 */
export function rawStatements(query: SupervisionQuery, scope: ScopeCase, today: string): Statement[] {
  const s = scopeSql(scope, query === 'overdue' || query === 'records' ? 'r.region_code' : 'c.region_code');
  const recordPage = (where: string, order: string) => `select r.*, p.name as plan_name, i.name as institution_name, e.name as enterprise_name, e.uscc as enterprise_uscc, d.id as disposal_id
                 from sampling_records r
                 join sampling_plans p on p.id = r.plan_id
                 join sampling_tasks t on t.id = r.task_id
                 join institutions i on i.id = t.institution_id
                 join enterprises e on e.id = r.enterprise_id
                 left join disposals d on d.sampling_record_id = r.id
                 where ${where} order by ${order} limit 20`;
  switch (query) {
    case 'cases':
      return [
        {
          name: 'page',
          text: `select c.*, o.name as org_name from cases c join orgs o on o.id = c.org_id where ${s.cond} order by c.lead_on desc, c.id desc limit 20`,
          params: s.params,
        },
        { name: 'capped count', text: capped('cases c', s.cond), params: s.params },
      ];
    case 'deadlines': {
      const due = `${s.cond} and c.due_on is not null and c.due_on <= ${s.next(1)}`;
      const horizon = addDays(today, DeadlineQuery.parse({}).withinDays);
      return [
        {
          name: 'counts',
          text: `select c.clock, count(*) filter (where c.due_on < ${s.next(2)}) as overdue, count(*) filter (where c.due_on >= ${s.next(2)}) as due_soon from cases c where ${due} group by c.clock`,
          params: [...s.params, horizon, today],
        },
        {
          name: 'soonest 50',
          text: `select c.*, o.name as org_name from cases c join orgs o on o.id = c.org_id where ${due} order by c.due_on, c.id limit 50`,
          params: [...s.params, horizon],
        },
      ];
    }
    case 'records':
      return [
        { name: 'page', text: recordPage(s.cond, 'r.sampled_on desc, r.id desc'), params: s.params },
        { name: 'capped count', text: capped('sampling_records r', s.cond), params: s.params },
      ];
    case 'overdue': {
      const where = `${s.cond} and r.next_clock in (${DUTY_CLOCKS.map((c) => `'${c}'`).join(', ')}) and r.next_due_on < ${s.next(1)}`;
      const params = [...s.params, today];
      return [
        { name: 'page', text: recordPage(where, 'r.next_due_on, r.id'), params },
        { name: 'capped count', text: capped('sampling_records r', where), params },
      ];
    }
  }
}

/** What both paths answer, reduced to compare: totals or counts, then the ids in order. */
type Digest = (string | number)[];

function paths(b: BenchDb, query: SupervisionQuery, scope: ScopeCase): { service: () => Promise<Digest>; raw: () => Promise<Digest> } {
  const { services } = b;
  const today = () => services.deps.calendar.today();
  const rows = async (st: Statement) => b.raw.query<Record<string, unknown>>(st.text, st.params);
  const total = (r: Record<string, unknown>[]) => Math.min(LIST_COUNT_CAP, Number(r[0]!.n));
  switch (query) {
    case 'cases':
      return {
        service: async () => {
          const r = await services.cases.list(scope.actor, CaseListQuery.parse({}));
          return [r.total, ...r.items.map((i) => i.id)];
        },
        raw: async () => {
          const [page, count] = rawStatements('cases', scope, today());
          const [items, n] = await Promise.all([rows(page!), rows(count!)]);
          return [total(n), ...items.map((i) => i.id as string)];
        },
      };
    case 'deadlines':
      return {
        service: async () => {
          const r = await services.cases.deadlines(scope.actor, DeadlineQuery.parse({}));
          return [...r.counts.flatMap((c) => [c.overdue, c.dueSoon]), ...r.items.map((i) => i.id)];
        },
        raw: async () => {
          const [counts, soonest] = rawStatements('deadlines', scope, today());
          const [byClock, items] = await Promise.all([rows(counts!), rows(soonest!)]);
          const of = (clock: string) => byClock.find((x) => x.clock === clock);
          return [
            ...['filing', 'decision'].flatMap((clock) => [Number(of(clock)?.overdue ?? 0), Number(of(clock)?.due_soon ?? 0)]),
            ...items.map((i) => i.id as string),
          ];
        },
      };
    case 'records':
    case 'overdue': {
      const filter = query === 'overdue' ? { overdue: 'true' } : {};
      return {
        service: async () => {
          const r = await services.sampling.records(scope.actor, SamplingRecordListQuery.parse(filter));
          return [r.total, ...r.items.map((i) => i.id)];
        },
        raw: async () => {
          const [page, count] = rawStatements(query, scope, today());
          const [items, n] = await Promise.all([rows(page!), rows(count!)]);
          // Each batch shows the case its nonconforming result opened, as the service does.
          await b.raw.query(`select id, source_ref from cases where source = 'sampling' and source_ref = any($1::uuid[])`, [items.map((i) => i.id)]);
          return [total(n), ...items.map((i) => i.id as string)];
        },
      };
    }
  }
}

export type SupervisionCell = {
  scope: ScopeCase['key'];
  query: SupervisionQuery;
  /** The list's total (capped at LIST_COUNT_CAP), or the overdue + due-soon count of the dashboard. */
  rows: number;
  capped: boolean;
  pair: Pair;
};

/** Checks that the service and the raw SQL answer the same, then samples them alternately. */
export async function measureSupervision(b: BenchDb, scope: ScopeCase, query: SupervisionQuery, options: SampleOptions): Promise<SupervisionCell> {
  const p = paths(b, query, scope);
  const [s, r] = [await p.service(), await p.raw()];
  if (JSON.stringify(s) !== JSON.stringify(r)) {
    throw new Error(`${b.kind} ${scope.key} ${query}: service and raw SQL disagree: ${JSON.stringify(s).slice(0, 300)} vs ${JSON.stringify(r).slice(0, 300)}`);
  }
  const rows = query === 'deadlines' ? (s.slice(0, 4) as number[]).reduce((a, n) => a + n, 0) : Number(s[0]);
  const pair = await comparePaired(p.service, p.raw, options);
  return { scope: scope.key, query, rows, capped: query !== 'deadlines' && rows >= LIST_COUNT_CAP, pair };
}

export type SupervisionPlan = { scope: ScopeCase['key']; query: SupervisionQuery; statement: string; plan: PlanSummary };

/** EXPLAIN ANALYZE of every raw statement of `query` in every scope. */
export async function explainSupervision(b: BenchDb, scopes: ScopeCase[], queries: readonly SupervisionQuery[]): Promise<SupervisionPlan[]> {
  const out: SupervisionPlan[] = [];
  const today = b.services.deps.calendar.today();
  for (const query of queries) {
    for (const scope of scopes) {
      for (const st of rawStatements(query, scope, today)) out.push({ scope: scope.key, query, statement: st.name, plan: await explain(b, st.text, st.params) });
    }
  }
  return out;
}

/**
 * Indexes the bench tries on its own database (never the shipped schema) for the
 * reads that a national scope cannot answer from the shipped indexes, each
 * measured before and after in the same run, then dropped.
 */
export type WhatIfIndex = { key: string; ddl: string[]; queries: SupervisionQuery[]; why: string };

/**
 * Empty while every read meets its target. The run of 2026-11-23
 * (bench/results/supervision-2026-11-23.md) tried four candidates here; the
 * order indexes it measured ship in migration 0008_national_orders.
 */
export const WHAT_IF_INDEXES: WhatIfIndex[] = [];
