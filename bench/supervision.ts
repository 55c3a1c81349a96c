/**
 * The supervision benchmark: with cases and sampling records generated over every
 * county of China, the deadline dashboard, the case list, the sampling batches and
 * the overdue ones for a county (武侯区 510107), a province (四川 51) and the nation, each
 * service call against the same hand-written SQL in the same run, on PostgreSQL
 * and on embedded PGlite. Target: within 1.5× of raw SQL, p95 under 100 ms on PostgreSQL.
 *
 *   node --import tsx bench/supervision.ts            full: 2,000,000 cases and 10,000,000 sampling records on
 *                                                     PostgreSQL; PGlite at the largest scale it handles (steps down)
 *   node --import tsx bench/supervision.ts --quick    20,000 cases / 100,000 records on both, short cells (a few minutes)
 *   node --import tsx bench/supervision.ts --backends postgres --cases 2000000 --sampling 10000000 --markdown out.md
 *
 * Options:
 *   --cases N, --sampling N          scale (default 2,000,000 and 10,000,000)
 *   --pglite-cases N                 PGlite's first try (default: --cases); --pglite-sampling N (default: 5 per case)
 *   --backends postgres,pglite       which databases, in that order
 *   --pglite-budget-min M            give up a PGlite scale whose generation is projected beyond M minutes (default 45)
 *   --iterations N, --min-iterations N, --cell-seconds S   sampling per (scope, read): at most N rounds, at least
 *                                    the minimum, stopping once S seconds are spent
 *   --chunk N                        rows per generating statement (default 250,000)
 *   --skip-what-if                   do not try the candidate indexes on reads over 100 ms at p95
 *   --database-url URL               PostgreSQL server for the scratch database (default DATABASE_URL or
 *                                    postgres://postgres@127.0.0.1:5432/test); it is created and dropped
 *   --markdown FILE                  also write the report there
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { DeadlineQuery, LIST_COUNT_CAP } from '@shijian/contracts';
import { seedDemo } from '../server/src/demo/seed.js';
import type { ScopeCase } from './lib/actors.js';
import { openPglite, openPostgres, type BackendKind, type BenchDb } from './lib/backend.js';
import { TooSlow } from './lib/load.js';
import { machine, RATIO_TARGET, table, type Attempt } from './lib/report.js';
import { ms, ratio, thousands } from './lib/stats.js';
import { generate, type GenerateResult, type Scale } from './lib/supervision-data.js';
import {
  demoScopes,
  explainSupervision,
  measureSupervision,
  SUPERVISION_LABELS,
  SUPERVISION_QUERIES,
  WHAT_IF_INDEXES,
  type SupervisionCell,
  type SupervisionPlan,
  type WhatIfIndex,
} from './lib/supervision-queries.js';

const P95_TARGET_MS = 100;
/** Sampling records per case when only the number of cases is given. */
const RECORDS_PER_CASE = 5;
/** Case counts tried for PGlite, largest first, when the requested scale is too big or too slow. */
const PGLITE_STEPS = [2_000_000, 1_000_000, 500_000, 200_000, 100_000, 20_000];

const log = (line: string) => process.stderr.write(`${line}\n`);

type Settings = {
  scale: Scale;
  pgliteScale: Scale;
  backends: BackendKind[];
  sample: { warmup: number; iterations: number; minIterations: number; budgetMs: number };
  chunk: number;
  pgliteBudgetMs: number;
  databaseUrl: string;
  markdown: string | undefined;
  whatIf: boolean;
};

function parse(argv: string[]): Settings | null {
  const flags = ['quick', 'skip-what-if', 'help'];
  const valued = ['cases', 'sampling', 'pglite-cases', 'pglite-sampling', 'backends', 'iterations', 'min-iterations', 'cell-seconds', 'chunk', 'pglite-budget-min', 'database-url', 'markdown'];
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const k of flags) options[k] = { type: 'boolean' };
  for (const k of valued) options[k] = { type: 'string' };
  const v = parseArgs({ args: argv, options, strict: true }).values as Record<string, string | boolean | undefined>;
  if (v.help) return null;
  const quick = v.quick === true;
  const count = (key: string, fallback: number) => {
    const text = v[key];
    if (typeof text !== 'string') return fallback;
    const n = Number(text.replace(/[_,]/g, ''));
    if (!(n > 0)) throw new Error(`--${key} wants a positive number, got ${text}`);
    return n;
  };
  const cases = count('cases', quick ? 20_000 : 2_000_000);
  const pgliteCases = count('pglite-cases', cases);
  const backends = String(v.backends ?? 'postgres,pglite').split(',').map((x) => x.trim());
  const unknown = backends.find((x) => x !== 'postgres' && x !== 'pglite');
  if (unknown) throw new Error(`unknown backend ${unknown}: postgres, pglite`);
  return {
    scale: { cases, sampling: count('sampling', cases * RECORDS_PER_CASE) },
    pgliteScale: { cases: pgliteCases, sampling: count('pglite-sampling', pgliteCases * RECORDS_PER_CASE) },
    backends: backends as BackendKind[],
    sample: {
      warmup: 3,
      iterations: count('iterations', quick ? 60 : 200),
      minIterations: count('min-iterations', quick ? 10 : 20),
      budgetMs: count('cell-seconds', quick ? 3 : 15) * 1000,
    },
    chunk: count('chunk', 250_000),
    pgliteBudgetMs: count('pglite-budget-min', 45) * 60_000,
    databaseUrl: typeof v['database-url'] === 'string' ? v['database-url'] : (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'),
    markdown: typeof v.markdown === 'string' ? v.markdown : undefined,
    whatIf: v['skip-what-if'] !== true,
  };
}

type WhatIfResult = {
  index: WhatIfIndex;
  /** Set when the shipped schema already has the same index: nothing was measured. */
  shipped: string | null;
  buildMs: number;
  cells: { before: SupervisionCell; after: SupervisionCell }[];
  plans: SupervisionPlan[];
};

type Result = {
  kind: BackendKind;
  label: string;
  scale: Scale;
  attempts: Attempt[];
  generated: GenerateResult;
  /** Peak resident memory of this process by the end of generation (PGlite lives in it). */
  rssBytes: number;
  cells: SupervisionCell[];
  plans: SupervisionPlan[];
  whatIfs: WhatIfResult[];
  settings: string;
  totalMs: number;
};

const describeCell = (b: BenchDb, c: SupervisionCell) =>
  `  ${b.kind} ${c.scope} ${c.query}: service p50 ${ms(c.pair.service.p50)} p95 ${ms(c.pair.service.p95)} | raw p50 ${ms(c.pair.raw.p50)} p95 ${ms(c.pair.raw.p95)} ms (n=${c.pair.service.n}, rows ${thousands(c.rows)})`;

async function measureAll(b: BenchDb, scopes: ScopeCase[], queries: readonly string[], s: Settings): Promise<SupervisionCell[]> {
  const cells: SupervisionCell[] = [];
  for (const query of SUPERVISION_QUERIES.filter((q) => queries.includes(q))) {
    for (const scope of scopes) {
      const cell = await measureSupervision(b, scope, query, s.sample);
      log(describeCell(b, cell));
      cells.push(cell);
    }
  }
  return cells;
}

/** Each candidate index whose reads were slow here: built, measured, explained, dropped. */
async function whatIfs(b: BenchDb, scopes: ScopeCase[], cells: SupervisionCell[], s: Settings): Promise<WhatIfResult[]> {
  const out: WhatIfResult[] = [];
  for (const index of WHAT_IF_INDEXES) {
    const before = cells.filter((c) => index.queries.includes(c.query));
    if (!before.some((c) => c.pair.service.p95 >= P95_TARGET_MS)) continue;
    const names = index.ddl.map((d) => /create index (\S+)/.exec(d)![1]!);
    const t0 = performance.now();
    for (const ddl of index.ddl) await b.raw.query(ddl);
    const indexed = /\bon (\S+)/.exec(index.ddl[0]!)![1]!;
    await b.raw.query(`analyze ${indexed}`);
    const buildMs = performance.now() - t0;
    const same = await b.raw.query<{ mine: string; theirs: string }>(
      `select m.indexname as mine, t.indexname as theirs from pg_indexes m join pg_indexes t
         on t.tablename = m.tablename and t.indexname <> m.indexname and t.indexname <> all($1::text[])
        and replace(t.indexdef, t.indexname, '') = replace(m.indexdef, m.indexname, '')
       where m.indexname = any($1::text[])`,
      [names],
    );
    const result: WhatIfResult = { index, shipped: same.length ? same.map((x) => x.theirs).join(', ') : null, buildMs, cells: [], plans: [] };
    if (result.shipped) {
      log(`  ${b.kind} what-if ${index.key}: skipped, the schema already has ${result.shipped}`);
    } else {
      log(`  ${b.kind} what-if ${index.key}: built in ${(buildMs / 1000).toFixed(1)} s`);
      const after = await measureAll(b, scopes, index.queries, s);
      result.cells = after.map((a) => ({ before: before.find((x) => x.scope === a.scope && x.query === a.query)!, after: a }));
      result.plans = await explainSupervision(b, scopes, index.queries);
    }
    for (const name of names) await b.raw.query(`drop index ${name}`);
    out.push(result);
  }
  return out;
}

async function settingsOf(b: BenchDb): Promise<string> {
  const names = ['server_version', 'shared_buffers', 'work_mem', 'max_parallel_workers_per_gather', 'jit', 'random_page_cost'];
  const [row] = await b.raw.query<Record<string, string>>(`select ${names.map((n) => `current_setting('${n}') as ${n}`).join(', ')}`);
  return names.map((n) => `${n}=${row![n]}`).join(', ');
}

async function runBackend(kind: BackendKind, scale: Scale, s: Settings, budgetMs?: number): Promise<Result> {
  const started = performance.now();
  const b = kind === 'postgres' ? await openPostgres(s.databaseUrl) : await openPglite();
  try {
    log(`${b.label}: demo world, then ${thousands(scale.cases)} cases and ${thousands(scale.sampling)} sampling records`);
    await seedDemo(b.services);
    const generated = await generate(b, scale, { today: b.services.deps.calendar.today(), chunk: s.chunk, budgetMs, log });
    const rssBytes = process.resourceUsage().maxRSS * 1024;
    const scopes = await demoScopes(b.services);
    const cells = await measureAll(b, scopes, SUPERVISION_QUERIES, s);
    const plans = await explainSupervision(b, scopes, SUPERVISION_QUERIES);
    return {
      kind,
      // Without the scratch database's name or directory, which change every run.
      label: b.label.split(' (database ')[0]!.replace(/, data dir [^)]*\)$/, ', temporary data dir)'),
      scale,
      attempts: [],
      generated,
      rssBytes,
      cells,
      plans,
      whatIfs: s.whatIf ? await whatIfs(b, scopes, cells, s) : [],
      settings: await settingsOf(b),
      totalMs: performance.now() - started,
    };
  } finally {
    await b.close();
  }
}

/**
 * PGlite at the largest scale it handles: the requested one, then smaller steps.
 * A failure moves down one step; generation projected over budget moves down to
 * the first step that the measured rate says would fit.
 */
async function runPglite(s: Settings): Promise<Result> {
  const perCase = s.pgliteScale.sampling / s.pgliteScale.cases;
  const queue: Scale[] = [s.pgliteScale, ...PGLITE_STEPS.filter((n) => n < s.pgliteScale.cases).map((n) => ({ cases: n, sampling: Math.round(n * perCase) }))];
  const attempts: Attempt[] = [];
  for (let scale = queue.shift(); scale; scale = queue.shift()) {
    const tried = await runBackend('pglite', scale, s, s.pgliteBudgetMs).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if ('result' in tried) return { ...tried.result, attempts: [...attempts, { scale: scale.cases, outcome: `completed (${thousands(scale.sampling)} sampling records)` }] };
    const { error } = tried;
    let outcome = `failed: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`;
    if (error instanceof TooSlow) {
      const rowsPerMs = error.done / error.elapsedMs;
      const budget = s.pgliteBudgetMs;
      outcome = `stopped: ${error.message}, over the ${Number((budget / 60_000).toFixed(1))} min budget (${thousands(rowsPerMs * 1000)} rows/s)`;
      while (queue[0] && (queue[0].cases + queue[0].sampling) / rowsPerMs > budget * 0.9) queue.shift();
    }
    attempts.push({ scale: scale.cases, outcome });
    log(`  pglite at ${thousands(scale.cases)} cases: ${outcome}`);
  }
  throw new Error(`PGlite failed at every scale: ${attempts.map((a) => `${a.scale} ${a.outcome}`).join('; ')}`);
}

const scaleText = (x: Scale) => `${thousands(x.cases)} cases, ${thousands(x.sampling)} sampling records`;
const gb = (bytes: number) => (bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(2)} GB` : `${(bytes / 1024 ** 2).toFixed(0)} MB`);
const missesLatency = (r: Result, c: SupervisionCell) => r.kind === 'postgres' && c.pair.service.p95 >= P95_TARGET_MS;
const within = (c: SupervisionCell, p: 'p50' | 'p95') => c.pair.service[p] <= RATIO_TARGET * c.pair.raw[p];

function renderTargets(results: Result[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const p of ['p50', 'p95'] as const) {
      const misses = r.cells.filter((c) => !within(c, p));
      const worst = [...r.cells].sort((a, b) => b.pair.service[p] / b.pair.raw[p] - a.pair.service[p] / a.pair.raw[p])[0]!;
      lines.push(
        `- ${r.kind}, ${scaleText(r.scale)}: within ${RATIO_TARGET}× of raw SQL at ${p} — ${misses.length ? `**not met** for ${misses.map((c) => `${c.scope} ${c.query}`).join(', ')}` : '**met**'} ` +
          `(worst ${ratio(worst.pair.service[p], worst.pair.raw[p])}×, ${worst.scope} ${worst.query}).`,
      );
    }
    if (r.kind === 'postgres') {
      const slow = r.cells.filter((c) => missesLatency(r, c));
      lines.push(
        `- postgres, ${scaleText(r.scale)}: service p95 under ${P95_TARGET_MS} ms — ${slow.length ? `**not met** for ${slow.map((c) => `${c.scope} ${c.query} (${ms(c.pair.service.p95)} ms)`).join(', ')}` : '**met** for every scope and read'}.`,
      );
      for (const w of r.whatIfs.filter((x) => x.cells.length)) {
        const fixed = w.cells.filter((c) => missesLatency(r, c.before) && !missesLatency(r, c.after));
        const still = w.cells.filter((c) => missesLatency(r, c.after));
        lines.push(
          `  - with \`${w.index.ddl.join('; ')}\` (bench database only): ${fixed.length ? `met for ${fixed.map((c) => `${c.after.scope} ${c.after.query} (${ms(c.after.pair.service.p95)} ms)`).join(', ')}` : 'no change to the target'}` +
            `${still.length ? `; still over for ${still.map((c) => `${c.after.scope} ${c.after.query} (${ms(c.after.pair.service.p95)} ms)`).join(', ')}` : ''}.`,
        );
      }
    }
  }
  return lines.join('\n');
}

const CELL_HEAD = ['scope', 'read', 'rows', 'service p50', 'service p95', 'raw p50', 'raw p95', 'ratio p50', 'ratio p95', 'n'];
const cellRow = (c: SupervisionCell) => [
  c.scope,
  c.query,
  `${thousands(c.rows)}${c.capped ? ' (capped)' : ''}`,
  ms(c.pair.service.p50),
  `**${ms(c.pair.service.p95)}**`,
  ms(c.pair.raw.p50),
  ms(c.pair.raw.p95),
  `**${ratio(c.pair.service.p50, c.pair.raw.p50)}**`,
  ratio(c.pair.service.p95, c.pair.raw.p95),
  String(c.pair.service.n),
];
const planRows = (plans: SupervisionPlan[]) => plans.map((p) => [p.scope, `${p.query} ${p.statement}`, p.plan.plan, p.plan.executionMs.toFixed(1), p.plan.jitMs === null ? '—' : p.plan.jitMs.toFixed(1)]);

function renderResult(r: Result): string {
  const g = r.generated;
  const out = [`### ${r.label} — ${scaleText(r.scale)}`, ''];
  if (r.attempts.length > 1) out.push('Scale attempts:', '', ...r.attempts.map((a) => `- ${thousands(a.scale)} cases: ${a.outcome}`), '');
  out.push(
    `Settings: ${r.settings}. Phase total ${(r.totalMs / 60_000).toFixed(1)} min; peak RSS of the bench process by the end of generation ${gb(r.rssBytes)}.`,
    '',
    `**Generated in SQL** over ${thousands(g.counties)} leaf regions (one bureau and one enterprise each), foreign-key triggers off per statement and every reference checked once after; plain indexes dropped before and rebuilt after from their catalogue definitions:`,
    '',
    table(['step', 'seconds'], g.steps.map((x) => [x.label, (x.ms / 1000).toFixed(1)])),
    '',
    `Rows: ${Object.entries(g.rows).map(([t, n]) => `${t} ${thousands(n)} (${gb(g.sizes[t]!)} with indexes)`).join(', ')}. ` +
      `Database ${gb(g.sizes.database!)}, write-ahead log ${gb(g.sizes.wal!)}. Running clocks today:`,
    '',
    table(['table', 'clock', 'open', 'overdue'], g.clocks.map((c) => [c.table, c.clock, thousands(c.open), thousands(c.overdue)])),
    '',
    '**Reads** (milliseconds; service = the whole service call as its route makes it, demo users `wh.officer`, `sc.admin`, `samr.admin`; raw = the same statements by hand on the same driver, run the same way — page and count together):',
    '',
    ...SUPERVISION_QUERIES.map((q) => `- ${q}: ${SUPERVISION_LABELS[q]}`),
    '',
    table(CELL_HEAD, r.cells.map(cellRow)),
    '',
    '**Plans** (`EXPLAIN (ANALYZE, TIMING OFF)` of the raw statements after the measurements; read the table above for time):',
    '',
    table(['scope', 'statement', 'plan', 'exec ms', 'JIT ms'], planRows(r.plans)),
  );
  for (const w of r.whatIfs) {
    out.push('', `**What if** (bench database only, not the shipped schema) \`${w.index.ddl.join('; ')}\` — ${w.index.why}.`);
    if (w.shipped) {
      out.push('', `Skipped: the shipped schema already has ${w.shipped}.`);
      continue;
    }
    out.push(
      `Built in ${(w.buildMs / 1000).toFixed(1)} s. Before and after, measured in this run:`,
      '',
      table(
        ['scope', 'read', 'service p50 before', 'service p95 before', 'service p50 after', 'service p95 after', 'raw p95 after', 'ratio p50 / p95 after'],
        w.cells.map(({ before, after }) => [
          after.scope,
          after.query,
          ms(before.pair.service.p50),
          ms(before.pair.service.p95),
          ms(after.pair.service.p50),
          `**${ms(after.pair.service.p95)}**`,
          ms(after.pair.raw.p95),
          `${ratio(after.pair.service.p50, after.pair.raw.p50)} / ${ratio(after.pair.service.p95, after.pair.raw.p95)}`,
        ]),
      ),
      '',
      'Plans with it:',
      '',
      table(['scope', 'statement', 'plan', 'exec ms', 'JIT ms'], planRows(w.plans)),
    );
  }
  return out.join('\n');
}

/** The usage: this file's opening comment. */
const usage = () => /\/\*\*\n([\s\S]*?)\n \*\//.exec(fs.readFileSync(new URL(import.meta.url), 'utf8'))![1]!.replace(/^ \* ?/gm, '');

async function main() {
  const argv = process.argv.slice(2);
  const s = parse(argv);
  if (!s) return void console.log(usage());
  const t0 = performance.now();
  const at = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const command = `node --import tsx bench/supervision.ts ${argv.join(' ')}`.trim();
  log(`${command} — ${machine()}`);
  const results: Result[] = [];
  for (const kind of s.backends) results.push(await (kind === 'pglite' ? runPglite(s) : runBackend(kind, s.scale, s)));
  const minutes = ((performance.now() - t0) / 60_000).toFixed(1);
  const report = `## Run of ${at} UTC

Command: \`${command}\`${'  '}
Machine: ${machine()}${'  '}
Total time: ${minutes} min. Page size 20, deadline window ${DeadlineQuery.parse({}).withinDays} days, count cap ${thousands(LIST_COUNT_CAP)}.

### Targets

${renderTargets(results)}

${results.map(renderResult).join('\n\n')}
`;
  process.stdout.write(report);
  if (s.markdown) {
    fs.writeFileSync(s.markdown, report);
    log(`written to ${s.markdown}`);
  }
}

main().then(
  () => undefined,
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
