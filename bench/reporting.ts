/**
 * The statistics bench: with screenings, sampling records and cases generated over every
 * county of China, the weekly table of seed 002 for the nation (computed live from the
 * records) and for a province (四川's own draft), each service call against the raw SQL
 * GROUP BY that computes the same cells, in the same run, on PostgreSQL and embedded
 * PGlite; then freshness: a case filed now is in the very next request.
 * Target on PostgreSQL: the national table under 1 s, a province under 200 ms.
 *
 *   node --import tsx bench/reporting.ts            full: 1,000,000 screenings, 10,000,000 sampling records,
 *                                                   2,000,000 cases on PostgreSQL; PGlite at the largest scale it handles
 *   node --import tsx bench/reporting.ts --quick    10,000 / 100,000 / 20,000 on both (a few minutes)
 *
 * Options: --screenings N --sampling N --cases N, --pglite-factor F (PGlite's first try as a share of the scale,
 * default 1), --backends postgres,pglite, --iterations N, --min-iterations N, --cell-seconds S, --chunk N,
 * --pglite-budget-min M, --database-url URL, --markdown FILE
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { ReportSchedule } from '@shijian/contracts';
import { seedDemo } from '../server/src/demo/seed.js';
import { EPIDEMIC_WEEKLY } from '../server/src/modules/reporting/library.js';
import { currentPeriod } from '../server/src/modules/reporting/periods.js';
import { addDays } from '../server/src/platform/calendar/working-days.js';
import { openPglite, openPostgres, type BackendKind, type BenchDb } from './lib/backend.js';
import { explain, type PlanSummary } from './lib/explain.js';
import { TooSlow } from './lib/load.js';
import { rawStatements, rawTable, type TableScope } from './lib/reporting-queries.js';
import { machine, table, type Attempt } from './lib/report.js';
import { comparePaired, ms, ratio, thousands, type Pair } from './lib/stats.js';
import { generate, type GenerateResult, type Scale } from './lib/supervision-data.js';

const TARGET_MS = { nation: 1000, province: 200 } as const;
const STEPS = [1, 0.5, 0.2, 0.1, 0.02];
const EPIDEMIC_KINDS = ['mask', 'ventilator', 'protective_suit', 'ir_thermometer', 'covid_test_kit', 'meltblown', 'nonwoven', 'ir_sensor'];
const log = (line: string) => process.stderr.write(`${line}\n`);

type Settings = {
  scale: Required<Omit<Scale, 'enterprises' | 'complaints'>>;
  pgliteFactor: number;
  backends: BackendKind[];
  sample: { warmup: number; iterations: number; minIterations: number; budgetMs: number };
  chunk: number;
  pgliteBudgetMs: number;
  databaseUrl: string;
  markdown: string | undefined;
};

function parse(argv: string[]): Settings | null {
  const valued = ['screenings', 'sampling', 'cases', 'pglite-factor', 'backends', 'iterations', 'min-iterations', 'cell-seconds', 'chunk', 'pglite-budget-min', 'database-url', 'markdown'];
  const options: Record<string, { type: 'string' | 'boolean' }> = { quick: { type: 'boolean' }, help: { type: 'boolean' } };
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
  const backends = String(v.backends ?? 'postgres,pglite').split(',').map((x) => x.trim());
  if (backends.some((b) => b !== 'postgres' && b !== 'pglite')) throw new Error('--backends: postgres, pglite');
  return {
    scale: { screenings: count('screenings', quick ? 10_000 : 1_000_000), sampling: count('sampling', quick ? 100_000 : 10_000_000), cases: count('cases', quick ? 20_000 : 2_000_000) },
    pgliteFactor: count('pglite-factor', 1),
    backends: backends as BackendKind[],
    sample: { warmup: 2, iterations: count('iterations', quick ? 20 : 60), minIterations: count('min-iterations', quick ? 5 : 10), budgetMs: count('cell-seconds', quick ? 5 : 40) * 1000 },
    chunk: count('chunk', 250_000),
    pgliteBudgetMs: count('pglite-budget-min', 45) * 60_000,
    databaseUrl: typeof v['database-url'] === 'string' ? v['database-url'] : (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'),
    markdown: typeof v.markdown === 'string' ? v.markdown : undefined,
  };
}

type Read = { scope: 'nation' | 'province'; kept: boolean; label: string; rows: number; pair: Pair; plans: { name: string; plan: PlanSummary }[] };
type Result = {
  kind: BackendKind;
  label: string;
  scale: Required<Omit<Scale, 'enterprises' | 'complaints'>>;
  attempts: Attempt[];
  generated: GenerateResult;
  inWindow: Record<string, number>;
  reads: Read[];
  freshness: { before: string; after: string; nextRequestMs: number; recomputed: number };
  totalMs: number;
};

async function runBackend(kind: BackendKind, scale: Required<Omit<Scale, 'enterprises' | 'complaints'>>, s: Settings, budgetMs?: number): Promise<Result> {
  const started = performance.now();
  const b: BenchDb = kind === 'postgres' ? await openPostgres(s.databaseUrl) : await openPglite();
  try {
    const { services } = b;
    log(`${b.label}: demo world, then ${thousands(scale.screenings)} screenings, ${thousands(scale.sampling)} sampling records, ${thousands(scale.cases)} cases`);
    await seedDemo(services);
    const as = (u: string) => services.auth.actorFor(u, { ip: null, userAgent: 'bench' });
    const today = services.deps.calendar.today();
    const samr = await as('samr.admin');
    const campaign = await services.campaigns.create(samr, {
      name: '基准测试：防疫物资专项整治行动',
      startsOn: addDays(today, -150),
      endsOn: addDays(today, 60),
      categories: EPIDEMIC_KINDS,
      areaCodes: [],
      memberDepartments: [],
      description: '统计报表基准测试',
    });
    const template = await services.reporting.templates.create(samr, {
      code: 'bench_weekly',
      name: EPIDEMIC_WEEKLY.name,
      frequency: 'weekly',
      accumulation: 'campaign',
      campaignId: campaign.id,
      unitLevel: 'province',
      schedule: EPIDEMIC_WEEKLY.schedule,
      definition: EPIDEMIC_WEEKLY.definition,
    });
    const generated = await generate(b, scale, {
      today,
      chunk: s.chunk,
      budgetMs,
      log,
      campaign: { campaignId: campaign.id, campaignStart: campaign.startsOn, categories: EPIDEMIC_KINDS },
    });
    const key = currentPeriod('weekly', ReportSchedule.parse(EPIDEMIC_WEEKLY.schedule), services.deps.clock.now()).key;
    const window = { from: campaign.startsOn, to: today < key ? today : key };
    const [inWindow] = await b.raw.query<Record<string, string>>(
      `select (select count(*) from screenings where campaign_id = $1 and screened_on between $2 and $3) as screenings,
              (select count(*) from sampling_records where plan_id in (select id from sampling_plans where campaign_id = $1) and sampled_on between $2 and $3) as sampling,
              (select count(*) from cases where campaign_id = $1 and lead_on <= $3) as cases`,
      [campaign.id, window.from, window.to],
    );

    const national = await as('samr.stat');
    const province = await as('sc.stat');
    const nationTable = () => services.reporting.table(national, template.id, key, { mode: 'live' });
    const provinceTable = () => services.reporting.table(province, template.id, key, {});
    // Cold: nothing kept, every unit computed (one pass over the area); kept: figures of units whose records did not change.
    const cold = (read: () => Promise<unknown>) => () => {
      services.reporting.cache.clear();
      return read();
    };
    const nationRaw: TableScope = { regionFrom: null, regionTo: null, campaignId: campaign.id, ...window };
    const provinceRaw: TableScope = { regionFrom: '510000', regionTo: '520000', campaignId: campaign.id, ...window };
    const scopes: { scope: Read['scope']; kept: boolean; label: string; service: () => Promise<unknown>; raw: TableScope }[] = [
      { scope: 'nation', kept: false, label: 'nation, live, computed cold (samr.stat)', service: cold(nationTable), raw: nationRaw },
      { scope: 'nation', kept: true, label: 'nation, live, units kept (samr.stat)', service: nationTable, raw: nationRaw },
      { scope: 'province', kept: false, label: '四川 51, its draft, computed cold (sc.stat)', service: cold(provinceTable), raw: provinceRaw },
      { scope: 'province', kept: true, label: '四川 51, its draft, kept (sc.stat)', service: provinceTable, raw: provinceRaw },
    ];
    const reads: Read[] = [];
    for (const sc of scopes) {
      // Both paths must give the same table before their times mean anything.
      const service = (await sc.service()) as { cells: Record<string, { value: string | null }> };
      const raw = await rawTable(b, sc.raw);
      const differ = Object.keys(raw).filter((k) => JSON.stringify(raw[k]) !== JSON.stringify(service.cells[k]));
      if (differ.length) throw new Error(`${kind} ${sc.scope}: service and raw SQL disagree at ${differ.slice(0, 5).join(', ')}: ${differ.slice(0, 3).map((k) => `${JSON.stringify(service.cells[k])} vs ${JSON.stringify(raw[k])}`).join('; ')}`);
      const pair = await comparePaired(sc.service, () => rawTable(b, sc.raw), s.sample);
      log(`  ${kind} ${sc.scope}: service p50 ${ms(pair.service.p50)} p95 ${ms(pair.service.p95)} | raw p50 ${ms(pair.raw.p50)} p95 ${ms(pair.raw.p95)} ms (n=${pair.service.n}); 合计 screened ${raw['total:screened']?.value}, batches ${raw['total:batches']?.value}, filed ${raw['total:t_filed']?.value}`);
      const plans = [];
      if (!sc.kept) for (const st of rawStatements(sc.raw)) plans.push({ name: st.name, plan: await explain(b, st.text, st.params) });
      reads.push({ scope: sc.scope, kept: sc.kept, label: sc.label, rows: Number(raw['total:batches']?.value ?? 0), pair, plans });
    }

    // Freshness: a case filed now, through the services, is in the very next national table;
    // only 四川 is recomputed, the other thirty provinces are still as kept.
    const officer = await as('wh.officer');
    const filed = async (t: { cells: Record<string, { value: string | null }> }) => t.cells['mask:q_filed']!.value!;
    const before = await filed(await nationTable());
    const lead = await services.cases.register(officer, { source: 'inspection', partyName: '基准测试当事人', campaignId: campaign.id, productCategory: 'mask', violationCategory: 'quality', summary: '新鲜度测试' });
    await services.cases.transition(officer, lead.id, { to: 'filed', on: today, note: '' });
    const computedBefore = services.reporting.cache.stats.computedUnits;
    const t0 = performance.now();
    const after = await filed(await nationTable());
    const nextRequestMs = performance.now() - t0;
    const recomputed = services.reporting.cache.stats.computedUnits - computedBefore;
    if (Number(after) !== Number(before) + 1) throw new Error(`freshness: 口罩 质量违法类 立案 was ${before}, then ${after}`);
    log(`  ${kind} freshness: 立案 ${before} → ${after} in the next national request (${ms(nextRequestMs)} ms, ${recomputed} unit recomputed)`);

    return {
      kind,
      label: b.label.split(' (database ')[0]!.replace(/, data dir [^)]*\)$/, ', temporary data dir)'),
      scale,
      attempts: [],
      generated,
      inWindow: Object.fromEntries(Object.entries(inWindow!).map(([k, v]) => [k, Number(v)])),
      reads,
      freshness: { before, after, nextRequestMs, recomputed },
      totalMs: performance.now() - started,
    };
  } finally {
    await b.close();
  }
}

async function runPglite(s: Settings): Promise<Result> {
  const attempts: Attempt[] = [];
  for (const factor of STEPS.filter((f) => f <= s.pgliteFactor)) {
    const scale = { screenings: Math.round(s.scale.screenings * factor), sampling: Math.round(s.scale.sampling * factor), cases: Math.round(s.scale.cases * factor) };
    try {
      const result = await runBackend('pglite', scale, s, s.pgliteBudgetMs);
      return { ...result, attempts: [...attempts, { scale: scale.sampling, outcome: 'completed' }] };
    } catch (error) {
      const outcome = error instanceof TooSlow ? `stopped: ${error.message}` : `failed: ${String(error instanceof Error ? error.message : error).split('\n')[0]}`;
      attempts.push({ scale: scale.sampling, outcome });
      log(`  pglite at ${thousands(scale.sampling)} sampling records: ${outcome}`);
    }
  }
  throw new Error(`PGlite failed at every scale: ${attempts.map((a) => `${a.scale} ${a.outcome}`).join('; ')}`);
}

const scaleText = (x: Required<Omit<Scale, 'enterprises' | 'complaints'>>) => `${thousands(x.screenings)} screenings, ${thousands(x.sampling)} sampling records, ${thousands(x.cases)} cases`;

function render(results: Result[], s: Settings, command: string, totalMs: number): string {
  const out = [`## Run of ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`, '', `Command: \`${command}\`  `, `Machine: ${machine()}  `, `Total time: ${(totalMs / 60_000).toFixed(1)} min.`, '', '### Targets', ''];
  for (const r of results) {
    for (const read of r.reads) {
      const p95 = read.pair.service.p95;
      const target = r.kind === 'postgres' ? ` — target under ${TARGET_MS[read.scope]} ms: **${p95 < TARGET_MS[read.scope] ? 'met' : 'not met'}**` : '';
      out.push(`- ${r.kind}, ${scaleText(r.scale)}: ${read.label}: p95 ${ms(p95)} ms, ${ratio(read.pair.service.p50, read.pair.raw.p50)}× raw SQL at p50${target}.`);
    }
    out.push(
      `- ${r.kind}: freshness — a case filed through the services was in the next national request (立案 ${r.freshness.before} → ${r.freshness.after}, ${ms(r.freshness.nextRequestMs)} ms; ${r.freshness.recomputed} province recomputed).`,
    );
  }
  for (const r of results) {
    out.push('', `### ${r.label} — ${scaleText(r.scale)}`, '');
    if (r.attempts.length > 1) out.push('Scale attempts:', '', ...r.attempts.map((a) => `- ${thousands(a.scale)} sampling records: ${a.outcome}`), '');
    out.push(
      `Phase total ${(r.totalMs / 60_000).toFixed(1)} min. In the campaign's window: ${thousands(r.inWindow.screenings!)} screenings, ${thousands(r.inWindow.sampling!)} sampling records, ${thousands(r.inWindow.cases!)} cases.`,
      '',
      table(['step', 'seconds'], r.generated.steps.map((x) => [x.label, (x.ms / 1000).toFixed(1)])),
      '',
      table(
        ['table', 'scope', 'batches in 合计', 'service p50', 'service p95', 'raw p50', 'raw p95', 'ratio p50', 'ratio p95', 'n'],
        r.reads.map((x) => [
          'weekly table (42 columns × 9 rows)',
          x.label,
          thousands(x.rows),
          ms(x.pair.service.p50),
          `**${ms(x.pair.service.p95)}**`,
          ms(x.pair.raw.p50),
          ms(x.pair.raw.p95),
          `**${ratio(x.pair.service.p50, x.pair.raw.p50)}**`,
          ratio(x.pair.service.p95, x.pair.raw.p95),
          String(x.pair.service.n),
        ]),
      ),
      '',
      '**Plans** of the raw statements (`EXPLAIN (ANALYZE, TIMING OFF)`):',
      '',
      table(
        ['scope', 'statement', 'plan', 'exec ms'],
        r.reads.filter((x) => x.plans.length).flatMap((x) => x.plans.map((p) => [x.scope, p.name, p.plan.plan, p.plan.executionMs.toFixed(1)])),
      ),
    );
  }
  void s;
  return `${out.join('\n')}\n`;
}

async function main() {
  const s = parse(process.argv.slice(2));
  if (!s) {
    console.log(fs.readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
    return;
  }
  const started = performance.now();
  const results: Result[] = [];
  for (const kind of s.backends) results.push(kind === 'postgres' ? await runBackend('postgres', s.scale, s) : await runPglite(s));
  const markdown = render(results, s, `node --import tsx bench/reporting.ts ${process.argv.slice(2).join(' ')}`.trim(), performance.now() - started);
  process.stdout.write(markdown);
  if (s.markdown) {
    fs.writeFileSync(s.markdown, markdown);
    log(`written to ${s.markdown}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
