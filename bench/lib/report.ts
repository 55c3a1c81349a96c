import os from 'node:os';
import type { ScopeCase } from './actors.js';
import type { PlanSummary } from './explain.js';
import type { ImportResult } from './load.js';
import { QUERY_LABELS, type Cell, type Overhead } from './queries.js';
import { ms, ratio, thousands, type Summary } from './stats.js';

export type Attempt = { scale: number; outcome: string };

export type WhatIf = {
  ddl: string;
  /** The shipped index that already gives name order, when there is one (the index what-if is then skipped). */
  shipped: string | null;
  buildMs: number;
  cells: { before: Cell; after: Cell }[];
  plans: { label: string; plan: PlanSummary }[];
  counts: { scope: ScopeCase['key']; rows: number; current: Summary; capped: Summary; counter: Summary }[];
};

export type BackendResult = {
  kind: 'postgres' | 'pglite';
  label: string;
  scale: number;
  attempts: Attempt[];
  importResult: ImportResult;
  cells: Cell[];
  overheads: Overhead[];
  plans: { scope: ScopeCase['key']; query: string; plan: PlanSummary }[];
  drizzleSql: string;
  whatIf: WhatIf | null;
  settings: Record<string, string>;
  totalMs: number;
};

export const LIST_P95_TARGET_MS = 50;
export const RATIO_TARGET = 1.5;

export const table = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)}%`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function cellRow(c: Cell, label?: string): string[] {
  const { service: s, raw: r } = c.pair;
  return [
    label ?? c.scope,
    QUERY_LABELS[c.kind],
    thousands(c.rows),
    ms(s.p50),
    ms(s.p95),
    ms(r.p50),
    ms(r.p95),
    `**${ratio(s.p50, r.p50)}**`,
    ratio(s.p95, r.p95),
    String(s.n),
  ];
}

const CELL_HEAD = ['scope', 'query', 'rows', 'service p50', 'service p95', 'raw p50', 'raw p95', 'ratio p50', 'ratio p95', 'n'];

export function machine(): string {
  const cpu = os.cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GiB RAM, Linux ${os.release()}, Node ${process.version}`;
}

export function renderBackend(r: BackendResult): string {
  const imp = r.importResult;
  const out: string[] = [];
  out.push(`### ${r.label} — ${thousands(r.scale)} enterprises`);
  if (r.attempts.length) {
    out.push('', 'Scale attempts:', '', ...r.attempts.map((a) => `- ${thousands(a.scale)}: ${a.outcome}`));
  }
  out.push('', `Settings: ${Object.entries(r.settings).map(([k, v]) => `${k}=${v}`).join(', ')}. Phase total ${(r.totalMs / 60_000).toFixed(1)} min.`);
  out.push(
    '',
    `**Import** of ${thousands(imp.rows)} rows in ${imp.chunks} chunks, alternating which path goes first:`,
    '',
    table(
      ['path', 'writes', 'time', 'rows/s', 'vs COPY'],
      [
        [
          '`services.enterprises.importMany` (validated, batchSize as `shijian generate`)',
          `${thousands(imp.rows)} enterprises + ${thousands(imp.written.enterpriseCategories)} enterprise_categories + ${thousands(imp.written.auditEntries)} audit_log`,
          `${(imp.serviceMs / 1000).toFixed(1)} s`,
          thousands((imp.rows / imp.serviceMs) * 1000),
          `**${ratio(imp.serviceMs, imp.copyMs)}× slower**`,
        ],
        [
          '`COPY bench_enterprises_copy (…) FROM STDIN` (empty copy of the table with the same indexes and constraints)',
          `${thousands(imp.rows)} enterprises`,
          `${(imp.copyMs / 1000).toFixed(1)} s`,
          thousands((imp.rows / imp.copyMs) * 1000),
          '1.00',
        ],
      ],
    ),
    '',
    `Inside importMany: \`audit.append\` ${(imp.breakdown.auditMs / 1000).toFixed(1)} s (${pct(imp.breakdown.auditMs, imp.serviceMs)}), ` +
      `of which re-reading the after-images just written (\`enterpriseEntity.load\`) ${(imp.breakdown.imageReloadMs / 1000).toFixed(1)} s (${pct(imp.breakdown.imageReloadMs, imp.serviceMs)}); ` +
      `validation and the inserts of enterprises and product kinds ${((imp.serviceMs - imp.breakdown.auditMs) / 1000).toFixed(1)} s (${pct(imp.serviceMs - imp.breakdown.auditMs, imp.serviceMs)}).`,
    '',
    `Generator ${(imp.generateMs / 1000).toFixed(1)} s (in neither path), then \`vacuum analyze\` ${(imp.vacuumMs / 1000).toFixed(1)} s. ` +
      `Sizes (table + indexes): ${Object.entries(imp.sizes).map(([t, b]) => `${t} ${mb(b)}`).join(', ')}.`,
  );
  out.push('', '**Scoped queries** (milliseconds; service = the Drizzle statements `list()` issues or `list()` itself; raw = hand-written SQL on the same driver):', '');
  out.push(table(CELL_HEAD, r.cells.map((c) => cellRow(c))));
  if (r.overheads.length) {
    out.push(
      '',
      '**Fixed cost of a Drizzle statement** (county, p50 / p95 ms, all variants interleaved): hand-written SQL; ' +
        "Drizzle's rendered SQL text sent through the same raw call; rendering alone (no database); a Drizzle prepared statement (rendered once); the service statement as `list()` builds it:",
      '',
      table(
        ['query', 'raw', "Drizzle's text, raw call", 'render only', 'prepared', 'service statement', 'service − raw'],
        r.overheads.map((o) => {
          const x = o.results;
          const both = (v: Summary) => `${ms(v.p50)} / ${ms(v.p95)}`;
          return [o.query, both(x.raw), both(x.drizzleText), both(x.render), both(x.prepared), both(x.drizzle), ms(x.drizzle.p50 - x.raw.p50)];
        }),
      ),
    );
  }
  out.push('', '**Plans** (`EXPLAIN (ANALYZE, TIMING OFF)` of the raw statements after the measurements; its execution time includes per-row instrumentation, heavy on WASM, so read the tables above for time):', '');
  out.push(
    table(
      ['scope', 'query', 'plan', 'exec ms', 'JIT ms'],
      r.plans.map((p) => [p.scope, p.query, p.plan.plan, p.plan.executionMs.toFixed(1), p.plan.jitMs === null ? '—' : p.plan.jitMs.toFixed(1)]),
    ),
  );
  out.push('', `Drizzle's statement for the province page: \`${r.drizzleSql}\``);
  if (r.whatIf?.shipped) {
    out.push('', `**What if** \`${r.whatIf.ddl}\`: skipped, the shipped schema already has ${r.whatIf.shipped}.`);
  }
  if (r.whatIf && r.whatIf.cells.length) {
    const w = r.whatIf;
    out.push('', `**What if** (bench database only, not the shipped schema): \`${w.ddl}\` — built in ${(w.buildMs / 1000).toFixed(1)} s. Before and after, measured in this run:`, '');
    out.push(
      table(
        ['scope', 'query', 'service p50 before', 'service p95 before', 'service p50 after', 'service p95 after', 'ratio p50 after', 'ratio p95 after'],
        w.cells.map(({ before, after }) => [
          before.scope,
          QUERY_LABELS[before.kind],
          ms(before.pair.service.p50),
          ms(before.pair.service.p95),
          ms(after.pair.service.p50),
          `**${ms(after.pair.service.p95)}**`,
          ratio(after.pair.service.p50, after.pair.raw.p50),
          ratio(after.pair.service.p95, after.pair.raw.p95),
        ]),
      ),
    );
    out.push('', 'Plans with that index:', '', ...w.plans.map((p) => `- ${p.label}: ${p.plan.plan} — ${p.plan.executionMs.toFixed(1)} ms`));
  }
  if (r.whatIf?.counts.length) {
    out.push(
      '',
      '**Ways to count a scope** (raw SQL, the three alternating): exact `count(*)`; capped, ' +
        '`select count(*) from (select 1 from enterprises where … limit 10001) s` (what `list()` issues; the page says "more than 10,000"); ' +
        'a per-county counter table, `select sum(n) from region_counts where <scope range>` (would have to be kept up to date in the writing transactions):',
      '',
      table(
        ['scope', 'rows', 'count(*) p50', 'count(*) p95', 'capped p50', 'capped p95', 'counter p50', 'counter p95'],
        r.whatIf.counts.map((c) => [c.scope, thousands(c.rows), ms(c.current.p50), ms(c.current.p95), ms(c.capped.p50), ms(c.capped.p95), ms(c.counter.p50), ms(c.counter.p95)]),
      ),
    );
  }
  return out.join('\n');
}

/** Targets of the issue, judged on what was measured. */
export function renderTargets(results: BackendResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const worst = [...r.cells].sort((a, b) => b.pair.service.p50 / b.pair.raw.p50 - a.pair.service.p50 / a.pair.raw.p50)[0];
    const worst95 = [...r.cells].sort((a, b) => b.pair.service.p95 / b.pair.raw.p95 - a.pair.service.p95 / a.pair.raw.p95)[0];
    if (worst && worst95) {
      const ok = r.cells.every((c) => c.pair.service.p50 <= RATIO_TARGET * c.pair.raw.p50);
      const ok95 = r.cells.every((c) => c.pair.service.p95 <= RATIO_TARGET * c.pair.raw.p95);
      lines.push(
        `- ${r.kind} at ${thousands(r.scale)}: scoped queries within ${RATIO_TARGET}× of raw SQL — p50 ${ok ? '**met**' : '**not met**'} ` +
          `(worst ${ratio(worst.pair.service.p50, worst.pair.raw.p50)}×, ${worst.scope} ${worst.kind}); ` +
          `p95 ${ok95 ? '**met**' : '**not met**'} (worst ${ratio(worst95.pair.service.p95, worst95.pair.raw.p95)}×, ${worst95.scope} ${worst95.kind}).`,
      );
    }
    if (r.kind === 'postgres') {
      for (const c of r.cells.filter((x) => x.kind === 'list' || x.kind === 'list-prefix')) {
        const p95 = c.pair.service.p95;
        lines.push(
          `- postgres at ${thousands(r.scale)}: p95 of a list page (${QUERY_LABELS[c.kind]}), ${c.scope}: ${ms(p95)} ms — target < ${LIST_P95_TARGET_MS} ms ${p95 < LIST_P95_TARGET_MS ? '**met**' : '**not met**'}.`,
        );
      }
    }
  }
  return lines.join('\n');
}
