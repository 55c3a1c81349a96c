/**
 * The registry benchmark (the first half of `npm run bench`): scoped enterprise
 * list and bulk import, on PostgreSQL and on embedded PGlite, each against
 * hand-written SQL measured in the same run.
 *
 *   node --import tsx bench/run.ts            full: 1,000,000 enterprises on both (PGlite steps down if it cannot)
 *   node --import tsx bench/run.ts --quick    20,000 rows on both, short cells (under a minute)
 *   node --import tsx bench/run.ts --scale 200000 --pglite-scale 100000 --backends postgres,pglite --markdown out.md
 *
 * Options fall back to environment variables BENCH_<OPTION> (e.g. BENCH_SCALE=50000);
 * PostgreSQL is reached through --database-url, BENCH_DATABASE_URL or DATABASE_URL
 * (default postgres://postgres@127.0.0.1:5432/test), where a scratch database is
 * created and dropped.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { asc } from 'drizzle-orm';
import { enterpriseListWhere } from '../server/src/modules/registry/enterprises.js';
import { enterprises } from '../server/src/modules/registry/tables.js';
import { scopeCases, type ScopeCase } from './lib/actors.js';
import { openPglite, openPostgres, type BackendKind, type BenchDb } from './lib/backend.js';
import { explain } from './lib/explain.js';
import { importPhase, TooSlow } from './lib/load.js';
import { measureCell, overhead, QUERY_KINDS, rawStatement, rawWhere, type Cell, type QueryKind } from './lib/queries.js';
import { machine, renderBackend, renderTargets, type Attempt, type BackendResult, type WhatIf } from './lib/report.js';
import { compareInterleaved, thousands } from './lib/stats.js';

const OPTIONS = {
  quick: { type: 'boolean' },
  scale: { type: 'string' },
  'pglite-scale': { type: 'string' },
  backends: { type: 'string' },
  iterations: { type: 'string' },
  'cell-seconds': { type: 'string' },
  chunk: { type: 'string' },
  'batch-size': { type: 'string' },
  'pglite-budget-min': { type: 'string' },
  'database-url': { type: 'string' },
  markdown: { type: 'string' },
  'skip-what-if': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

type Settings = {
  quick: boolean;
  scale: number;
  pgliteScale: number;
  backends: BackendKind[];
  iterations: number;
  cellMs: number;
  chunk: number;
  batchSize: number;
  pgliteBudgetMs: number | undefined;
  databaseUrl: string;
  markdown: string | undefined;
  whatIf: boolean;
};

/** The generator names enterprises after their county minus its suffix: 武侯区 → 武侯. */
const PREFIX = '武侯';
/** Steps tried, largest first, when PGlite cannot hold (or would take too long for) the requested scale. */
const PGLITE_STEPS = [1_000_000, 500_000, 200_000, 100_000, 50_000, 20_000];
/** The index the what-if step adds: an order on (name, id) lets page 1 stop after 20 rows. */
const WHAT_IF_DDL = 'create index bench_enterprises_name_id_idx on enterprises (name, id)';

/** What-if tables: a count per county, and the cap of a capped count. */
const COUNTS_TABLE = 'bench_region_counts';
const COUNT_CAP = 10_000;

const log = (line: string) => process.stderr.write(`${line}\n`);

function settingsFrom(argv: string[]): Settings | null {
  const { values } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: false });
  if (values.help) return null;
  const env = (name: string) => process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  const str = (name: Exclude<keyof typeof OPTIONS, 'quick' | 'skip-what-if' | 'help'>) => values[name] ?? env(name);
  const num = (name: Parameters<typeof str>[0], fallback: number) => {
    const raw = str(name);
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, not ${raw}`);
    return n;
  };
  const quick = values.quick ?? env('quick') === '1';
  const scale = num('scale', quick ? 20_000 : 1_000_000);
  const backends = (str('backends') ?? 'postgres,pglite').split(',').map((s) => s.trim());
  for (const b of backends) if (b !== 'postgres' && b !== 'pglite') throw new Error(`unknown backend ${b} (postgres, pglite)`);
  const budget = str('pglite-budget-min');
  return {
    quick,
    scale,
    pgliteScale: num('pglite-scale', scale),
    backends: backends as BackendKind[],
    iterations: num('iterations', quick ? 100 : 200),
    cellMs: num('cell-seconds', quick ? 4 : 15) * 1000,
    chunk: num('chunk', 5000),
    batchSize: num('batch-size', 2500),
    pgliteBudgetMs: budget !== undefined ? Number(budget) * 60_000 : quick ? undefined : 20 * 60_000,
    databaseUrl: str('database-url') ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    markdown: str('markdown'),
    whatIf: !(values['skip-what-if'] ?? env('skip-what-if') === '1'),
  };
}

async function serverSettings(b: BenchDb): Promise<Record<string, string>> {
  const rows = await b.raw.query<{ name: string; setting: string; unit: string | null }>(
    `select name, setting, unit from pg_settings where name in ('shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit', 'lc_collate') order by name`,
  );
  const collation = await b.raw.query<{ c: string }>('select datcollate as c from pg_database where datname = current_database()');
  const out: Record<string, string> = { collation: collation[0]?.c ?? '?' };
  for (const r of rows) out[r.name] = r.unit === '8kB' ? `${(Number(r.setting) * 8) / 1024}MB` : `${r.setting}${r.unit ?? ''}`;
  return out;
}

async function measureAll(b: BenchDb, scopes: ScopeCase[], kinds: readonly QueryKind[], s: Settings): Promise<Cell[]> {
  const cells: Cell[] = [];
  for (const scope of scopes) {
    for (const kind of kinds) {
      const cell = await measureCell(b, scope, kind, PREFIX, { warmup: 5, iterations: s.iterations, minIterations: s.quick ? 10 : 20, budgetMs: s.cellMs });
      const { service, raw } = cell.pair;
      log(`  ${b.kind} ${scope.key} ${kind}: service p50 ${service.p50.toFixed(2)} p95 ${service.p95.toFixed(2)} | raw p50 ${raw.p50.toFixed(2)} p95 ${raw.p95.toFixed(2)} ms (n=${service.n})`);
      cells.push(cell);
    }
  }
  return cells;
}

async function runBackend(kind: BackendKind, scale: number, s: Settings, budgetMs?: number): Promise<BackendResult> {
  const started = performance.now();
  const b = kind === 'postgres' ? await openPostgres(s.databaseUrl) : await openPglite();
  try {
    log(`${b.label}: loading ${thousands(scale)} enterprises`);
    let lastLog = 0;
    const importResult = await importPhase(b, scale, {
      chunk: s.chunk,
      batchSize: s.batchSize,
      budgetMs,
      log: (line) => {
        if (performance.now() - lastLog > 10_000 || line.includes(` ${thousands(scale)} / `)) {
          lastLog = performance.now();
          log(line);
        }
      },
    });
    const scopes = scopeCases();
    const cells = await measureAll(b, scopes, QUERY_KINDS, s);
    const county = scopes.find((x) => x.key === 'county')!;
    const overheads = [];
    for (const query of ['page', 'count'] as const) {
      const o = await overhead(b, county, query, { warmup: 10, iterations: s.iterations, minIterations: s.quick ? 10 : 20, budgetMs: s.cellMs });
      log(`  ${b.kind} county ${query} overhead: ${Object.entries(o.results).map(([k, v]) => `${k} ${v.p50.toFixed(3)}`).join(', ')} ms`);
      overheads.push(o);
    }

    const plans: BackendResult['plans'] = [];
    for (const scope of scopes) {
      for (const [query, stmt] of [
        ['page', rawStatement(scope, 'page')],
        ['prefix', rawStatement(scope, 'page', PREFIX)],
        ['count', rawStatement(scope, 'count')],
        ['prefix count', rawStatement(scope, 'count', PREFIX)],
      ] as const) {
        plans.push({ scope: scope.key, query, plan: await explain(b, stmt.text, stmt.params) });
      }
    }
    const province = scopes.find((x) => x.key === 'province')!;
    const drizzleSql = b.database.db
      .select()
      .from(enterprises)
      .where(enterpriseListWhere(province.actor, {}))
      .orderBy(asc(enterprises.name), asc(enterprises.id))
      .limit(20)
      .offset(0)
      .toSQL().sql;

    let whatIf: WhatIf | null = null;
    if (s.whatIf) {
      whatIf = { ddl: WHAT_IF_DDL, shipped: await shippedNameOrderIndex(b), buildMs: 0, cells: [], plans: [], counts: [] };
      if (whatIf.shipped) {
        log(`  ${b.kind} what-if index skipped: the schema already has ${whatIf.shipped}`);
      } else {
        const t0 = performance.now();
        await b.raw.query(WHAT_IF_DDL);
        await b.raw.query('analyze enterprises');
        whatIf.buildMs = performance.now() - t0;
        log(`  ${b.kind} what-if: ${WHAT_IF_DDL} (${(whatIf.buildMs / 1000).toFixed(1)} s)`);
        const after = await measureAll(b, scopes, ['page', 'list'], s);
        whatIf.cells = after.map((a) => ({ before: cells.find((c) => c.scope === a.scope && c.kind === a.kind)!, after: a }));
        for (const scope of scopes) {
          const stmt = rawStatement(scope, 'page');
          whatIf.plans.push({ label: `${scope.key} page`, plan: await explain(b, stmt.text, stmt.params) });
        }
        await b.raw.query('drop index bench_enterprises_name_id_idx');
      }
      whatIf.counts = await countAlternatives(b, scopes, s);
    }
    return {
      kind,
      label: b.label.replace(/ \(database .*\)$/, '').replace(/, data dir .*\)$/, ', temporary data dir)'),
      scale,
      attempts: [],
      importResult,
      cells,
      overheads,
      plans,
      drizzleSql,
      whatIf,
      settings: await serverSettings(b),
      totalMs: performance.now() - started,
    };
  } finally {
    await b.close();
  }
}

/** The name of an index of the shipped schema on enterprises (name, id), if there is one: then the what-if index is moot. */
async function shippedNameOrderIndex(b: BenchDb): Promise<string | null> {
  const rows = await b.raw.query<{ indexname: string; indexdef: string }>(`select indexname, indexdef from pg_indexes where tablename = 'enterprises'`);
  const found = rows.find((r) => /\(name, id\)$/.test(r.indexdef));
  return found ? `${found.indexname} (name, id)` : null;
}

/**
 * The count is the part of a list page that grows with the scope. Two ways to
 * bound it, as raw SQL against the current count(*), alternating: a capped count
 * (the page shows "10,000+") and a per-county counter table summed over the scope's range.
 */
async function countAlternatives(b: BenchDb, scopes: ScopeCase[], s: Settings): Promise<WhatIf['counts']> {
  await b.raw.query(`create table ${COUNTS_TABLE} as select region_code, count(*)::bigint as n from enterprises group by region_code`);
  await b.raw.query(`create index on ${COUNTS_TABLE} (region_code)`);
  await b.raw.query(`analyze ${COUNTS_TABLE}`);
  const out: WhatIf['counts'] = [];
  for (const scope of scopes) {
    const { where, params } = rawWhere(scope);
    const one = async (text: string) => Number((await b.raw.query<{ n: string }>(text, params))[0]!.n);
    const variants = {
      current: () => one(`select count(*) as n from enterprises${where}`),
      capped: () => one(`select count(*) as n from (select 1 from enterprises${where} limit ${COUNT_CAP + 1}) s`),
      counter: () => one(`select coalesce(sum(n), 0) as n from ${COUNTS_TABLE}${where}`),
    };
    const [current, counter] = [await variants.current(), await variants.counter()];
    if (current !== counter) throw new Error(`${b.kind} ${scope.key}: counter table says ${counter}, count(*) ${current}`);
    const result = await compareInterleaved(variants, { warmup: 3, iterations: s.iterations, minIterations: s.quick ? 10 : 20, budgetMs: s.cellMs });
    log(`  ${b.kind} ${scope.key} count: current p50 ${result.current.p50.toFixed(2)}, capped ${result.capped.p50.toFixed(2)}, counter ${result.counter.p50.toFixed(2)} ms`);
    out.push({ scope: scope.key, rows: current, ...result });
  }
  await b.raw.query(`drop table ${COUNTS_TABLE}`);
  return out;
}

/** PGlite at the largest step it handles: a failure or a too-slow projection moves down a step. */
async function runPglite(s: Settings): Promise<BackendResult> {
  const steps = [s.pgliteScale, ...PGLITE_STEPS.filter((n) => n < s.pgliteScale)];
  const attempts: Attempt[] = [];
  for (let i = 0; i < steps.length; i++) {
    const scale = steps[i]!;
    try {
      const result = await runBackend('pglite', scale, s, s.pgliteBudgetMs);
      return { ...result, attempts: [...attempts, { scale, outcome: 'completed' }] };
    } catch (err) {
      if (err instanceof TooSlow) {
        const rate = err.done / err.elapsedMs;
        attempts.push({
          scale,
          outcome: `stopped: ${err.message}, over the ${(s.pgliteBudgetMs! / 60_000).toFixed(0)} min budget (${thousands(rate * 1000)} rows/s for both paths)`,
        });
        // Skip steps that the measured rate says would not fit either.
        while (i + 1 < steps.length && steps[i + 1]! / rate > s.pgliteBudgetMs! * 0.9) i++;
      } else {
        attempts.push({ scale, outcome: `failed: ${(err as Error).message.split('\n')[0]}` });
      }
      log(`  pglite at ${thousands(scale)}: ${attempts.at(-1)!.outcome}`);
    }
  }
  throw new Error(`PGlite failed at every scale: ${JSON.stringify(attempts)}`);
}

async function main() {
  const s = settingsFrom(process.argv.slice(2));
  if (!s) {
    console.log(fs.readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]!.replace(/^\/\*\*?|^ \* ?/gm, ''));
    return;
  }
  // `npm run bench` runs the lab benchmark after this one, so the command named is this script's.
  const command = ['node --import tsx bench/run.ts', ...process.argv.slice(2)].join(' ');
  const started = performance.now();
  const date = new Date().toISOString();
  log(`${command} — ${machine()}`);
  const results: BackendResult[] = [];
  for (const kind of s.backends) results.push(kind === 'postgres' ? await runBackend('postgres', s.scale, s) : await runPglite(s));

  const report = [
    `## Run of ${date.slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Command: \`${command}\`  `,
    `Machine: ${machine()}  `,
    `Total time: ${((performance.now() - started) / 60_000).toFixed(1)} min. Name prefix: \`${PREFIX}\`. Page size 20.`,
    '',
    '### Targets',
    '',
    renderTargets(results),
    '',
    ...results.map(renderBackend).flatMap((section) => [section, '']),
  ].join('\n');
  console.log(report);
  if (s.markdown) {
    fs.writeFileSync(s.markdown, `${report}\n`);
    log(`written to ${s.markdown}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
