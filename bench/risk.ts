/**
 * The risk-scoring bench: over a generated national dataset (enterprises dealt to every county,
 * sampling records, cases, complaints and reports), on PostgreSQL and embedded PGlite:
 *
 * 1. The full rescoring (`risk.rescore()`: every signal decayed and kept per enterprise, category,
 *    region and kind, then warnings raised) against the raw SQL that computes every enterprise's
 *    score by hand in one GROUP BY, in the same run. Target: within minutes.
 * 2. A new signal: a complaint filed through the service for a random enterprise, then that
 *    enterprise's score read through the service (which patches the kept parts from the change
 *    the trigger noted) — against the raw SQL computing that one enterprise's score from the
 *    records. The new score must contain the complaint's weight. Target: under a second.
 * 3. Reads a dashboard makes: the nation's and a province's top 20 enterprises and categories,
 *    from the kept parts, against the same answer computed live from the records by raw SQL.
 *
 *   node --import tsx bench/risk.ts            1,000,000 enterprises, 10,000,000 sampling records, 2,000,000 cases,
 *                                              1,000,000 complaints on PostgreSQL; PGlite at --pglite-factor of that
 *   node --import tsx bench/risk.ts --quick    20,000 / 200,000 / 40,000 / 20,000 on both (a few minutes)
 *
 * Options: --enterprises N --sampling N --cases N --complaints N, --pglite-factor F (default 1),
 * --backends postgres,pglite, --signals N (new signals timed, default 20), --chunk N, --database-url URL, --markdown FILE
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { seedDemo } from '../server/src/demo/seed.js';
import { DEFAULT_RISK_MODEL } from '../server/src/modules/risk/scoring.js';
import { openPglite, openPostgres, type BackendKind, type BenchDb } from './lib/backend.js';
import { machine } from './lib/report.js';
import { comparePaired, ms, ratio, summarize, thousands, timed, type Pair, type Summary } from './lib/stats.js';
import { generate, type GenerateResult } from './lib/supervision-data.js';

const log = (line: string) => process.stderr.write(`${line}\n`);

type Scale = { enterprises: number; sampling: number; cases: number; complaints: number };
type Settings = { scale: Scale; pgliteFactor: number; backends: BackendKind[]; signals: number; chunk: number; databaseUrl: string; markdown?: string; quick: boolean };

function parse(argv: string[]): Settings | null {
  const valued = ['enterprises', 'sampling', 'cases', 'complaints', 'pglite-factor', 'backends', 'signals', 'chunk', 'database-url', 'markdown'];
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
    scale: {
      enterprises: count('enterprises', quick ? 20_000 : 1_000_000),
      sampling: count('sampling', quick ? 200_000 : 10_000_000),
      cases: count('cases', quick ? 40_000 : 2_000_000),
      complaints: count('complaints', quick ? 20_000 : 1_000_000),
    },
    pgliteFactor: count('pglite-factor', 1),
    backends: backends as BackendKind[],
    signals: count('signals', 20),
    chunk: count('chunk', 250_000),
    databaseUrl: typeof v['database-url'] === 'string' ? v['database-url'] : (process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'),
    markdown: typeof v.markdown === 'string' ? v.markdown : undefined,
    quick,
  };
}

/** The model's weights and decay as raw SQL over the same union the service reads. */
const weight = `case kind ${Object.entries(DEFAULT_RISK_MODEL.weights)
  .map(([k, w]) => `when '${k}' then ${w}`)
  .join(' ')} else 0 end`;
const decay = `power(0.5, greatest(0, $1::date - date)::numeric / ${DEFAULT_RISK_MODEL.halfLifeDays})`;
const SIGNALS = `
  select 'sampling_nonconforming'::text as kind, reported_on as date, enterprise_id, category, region_code from sampling_records where conclusion = 'nonconforming' and reported_on >= $2::date
  union all select kind, received_on, target_enterprise_id, product_category, target_region_code from complaints where received_on >= $2::date and status not in ('not_accepted', 'not_filed')
  union all select 'case', lead_on, party_enterprise_id, product_category, region_code from cases where lead_on >= $2::date and stage <> 'not_filed'
  union all select 'recall', reported_on, enterprise_id, product_category, region_code from recalls where reported_on >= $2::date and status <> 'no_recall'
  union all select 'opinion', published_on, enterprise_id, category, region_code from risk_opinions where published_on >= $2::date`;

type Result = {
  kind: BackendKind;
  label: string;
  scale: Scale;
  generated: GenerateResult;
  enterprises: number;
  signalsInWindow: number;
  parts: number;
  full: { firstMs: number; warnings: number; againMs: number; raw: number };
  newSignal: { service: Summary; raw: Summary; correct: number };
  reads: { label: string; pair: Pair }[];
  totalMs: number;
};

async function runBackend(kind: BackendKind, scale: Scale, s: Settings): Promise<Result> {
  const started = performance.now();
  const b: BenchDb = kind === 'postgres' ? await openPostgres(s.databaseUrl) : await openPglite();
  try {
    const { services } = b;
    log(`${b.label}: demo world, then ${scaleText(scale)}`);
    await seedDemo(services);
    const today = services.deps.calendar.today();
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - DEFAULT_RISK_MODEL.windowDays * 86_400_000).toISOString().slice(0, 10);
    const generated = await generate(b, { sampling: scale.sampling, cases: scale.cases, enterprises: scale.enterprises, complaints: scale.complaints }, { today, chunk: s.chunk, log });
    const [counts] = await b.raw.query<{ enterprises: string; signals: string }>(
      `select (select count(*) from enterprises) as enterprises, (select count(*) from (${SIGNALS}) s where $1::date is not null) as signals`,
      [today, from],
    );
    log(`  ${kind}: ${thousands(Number(counts!.enterprises))} enterprises, ${thousands(Number(counts!.signals))} signals in the window`);

    // 1. The full rescoring, against computing every enterprise's score by hand.
    const rawAll = () => b.raw.query(`select enterprise_id, sum(${weight} * ${decay}) from (${SIGNALS}) s where enterprise_id is not null group by enterprise_id`, [today, from]);
    const rawMs = await timed(rawAll);
    const firstMs = await timed(() => services.risk.rescore());
    const [w] = await b.raw.query<{ n: string }>(`select count(*) as n from risk_warnings`);
    const againMs = await timed(() => services.risk.rescore());
    const [p] = await b.raw.query<{ n: string }>(`select count(*) as n from risk_score_parts`);
    log(`  ${kind}: full rescoring ${(firstMs / 1000).toFixed(1)} s with ${thousands(Number(w!.n))} warnings raised, again ${(againMs / 1000).toFixed(1)} s; raw GROUP BY ${(rawMs / 1000).toFixed(1)} s`);

    // 2. A new signal, through the service, reflected in the enterprise's next score.
    const officer = await services.auth.actorFor('samr.admin', { ip: null, userAgent: 'bench' });
    const intakeAs = await services.auth.actorFor('sc.admin', { ip: null, userAgent: 'bench' });
    const targets = await b.raw.query<{ id: string; name: string; uscc: string; region_code: string }>(
      `select id, name, uscc, region_code from enterprises where region_code like '51%' and uscc like 'BB%' order by md5(id::text) limit $1`,
      [s.signals],
    );
    const service: number[] = [];
    const raw: number[] = [];
    let correct = 0;
    for (const t of targets) {
      const score = async () => (await services.risk.scores(officer, { dimension: 'enterprise', limit: 1, enterpriseId: t.id }))[0]?.score ?? 0;
      const before = await score();
      await services.complaints.intake(intakeAs, {
        kind: 'report',
        channel: 'phone',
        complainantName: '基准测试举报人',
        complainantPhone: '13900000000',
        targetName: t.name,
        targetUscc: t.uscc,
        targetRegionCode: t.region_code,
        productCategory: 'mask',
        subject: '举报口罩质量问题',
        content: '基准测试：一条新的举报。',
      });
      const t0 = performance.now();
      const after = await score();
      service.push(performance.now() - t0);
      raw.push(await timed(() => b.raw.query(`select sum(${weight} * ${decay}) from (${SIGNALS}) s where enterprise_id = $3`, [today, from, t.id])));
      if (Math.abs(after - before - DEFAULT_RISK_MODEL.weights.report) < 0.02) correct++;
    }
    log(`  ${kind}: new signal → next score p50 ${ms(summarize(service).p50)} ms (raw one-enterprise score ${ms(summarize(raw).p50)} ms), ${correct}/${targets.length} correct`);

    // 3. Dashboard reads from the kept parts against the same answer computed live by raw SQL.
    const province = await services.auth.actorFor('sc.admin', { ip: null, userAgent: 'bench' });
    const options = { warmup: 1, iterations: s.quick ? 10 : 20, minIterations: 3, budgetMs: s.quick ? 5_000 : 60_000 };
    const reads: Result['reads'] = [];
    for (const [label, actor, dimension, area] of [
      ['nation, top 20 enterprises', officer, 'enterprise', ''],
      ['nation, top categories', officer, 'category', ''],
      ['四川, top 20 enterprises', province, 'enterprise', '51'],
    ] as const) {
      const key = dimension === 'enterprise' ? 'enterprise_id' : 'category';
      const pair = await comparePaired(
        () => services.risk.scores(actor, { dimension, limit: 20 }),
        () => b.raw.query(`select ${key}, sum(${weight} * ${decay}) from (${SIGNALS}) s where ${key} is not null and region_code like $3 group by 1 order by 2 desc limit 20`, [today, from, `${area}%`]),
        options,
      );
      log(`  ${kind}: ${label}: kept p50 ${ms(pair.service.p50)} ms, live raw p50 ${ms(pair.raw.p50)} ms`);
      reads.push({ label, pair });
    }
    return {
      kind,
      label: b.label,
      scale,
      generated,
      enterprises: Number(counts!.enterprises),
      signalsInWindow: Number(counts!.signals),
      parts: Number(p!.n),
      full: { firstMs, warnings: Number(w!.n), againMs, raw: rawMs },
      newSignal: { service: summarize(service), raw: summarize(raw), correct },
      reads,
      totalMs: performance.now() - started,
    };
  } finally {
    await b.close();
  }
}

const scaleText = (x: Scale) =>
  `${thousands(x.enterprises)} enterprises, ${thousands(x.sampling)} sampling records, ${thousands(x.cases)} cases, ${thousands(x.complaints)} complaints`;

function render(results: Result[]): string {
  const lines = [`## Risk scoring — ${new Date().toISOString().slice(0, 10)}`, '', `Machine: ${machine()}.`, ''];
  for (const r of results) {
    lines.push(`### ${r.label} — ${scaleText(r.scale)}`, '');
    lines.push(
      `${thousands(r.enterprises)} enterprises in the registry, ${thousands(r.signalsInWindow)} signals in the model's 365-day window, kept as ${thousands(r.parts)} parts. Phase total ${(r.totalMs / 60_000).toFixed(1)} min.`,
      '',
    );
    lines.push('| generation step | seconds |', '| --- | --- |', ...r.generated.steps.map((x) => `| ${x.label} | ${(x.ms / 1000).toFixed(1)} |`), '');
    lines.push('| measure | service | raw SQL | ratio |', '| --- | --- | --- | --- |');
    lines.push(`| full rescoring, first (with ${thousands(r.full.warnings)} warnings raised) | ${(r.full.firstMs / 1000).toFixed(1)} s | ${(r.full.raw / 1000).toFixed(1)} s | ${ratio(r.full.firstMs, r.full.raw)} |`);
    lines.push(`| full rescoring, again (no new warnings) | ${(r.full.againMs / 1000).toFixed(1)} s | ${(r.full.raw / 1000).toFixed(1)} s | ${ratio(r.full.againMs, r.full.raw)} |`);
    lines.push(
      `| new signal → that enterprise's next score, p50 / p95 (${r.newSignal.correct}/${r.newSignal.service.n} scores up by exactly the report's weight) | ${ms(r.newSignal.service.p50)} / ${ms(r.newSignal.service.p95)} ms | ${ms(r.newSignal.raw.p50)} / ${ms(r.newSignal.raw.p95)} ms | ${ratio(r.newSignal.service.p50, r.newSignal.raw.p50)} |`,
    );
    for (const x of r.reads) {
      lines.push(`| ${x.label}: kept vs computed live, p50 / p95 | ${ms(x.pair.service.p50)} / ${ms(x.pair.service.p95)} ms | ${ms(x.pair.raw.p50)} / ${ms(x.pair.raw.p95)} ms | ${ratio(x.pair.service.p50, x.pair.raw.p50)} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

async function main() {
  const s = parse(process.argv.slice(2));
  if (!s) {
    console.log('usage: node --import tsx bench/risk.ts [--quick] [--backends postgres,pglite] [--pglite-factor F] [--markdown FILE]');
    return;
  }
  const results: Result[] = [];
  for (const kind of s.backends) {
    const f = kind === 'pglite' ? s.pgliteFactor : 1;
    const scale = { enterprises: Math.round(s.scale.enterprises * f), sampling: Math.round(s.scale.sampling * f), cases: Math.round(s.scale.cases * f), complaints: Math.round(s.scale.complaints * f) };
    results.push(await runBackend(kind, scale, s));
  }
  const text = render(results);
  console.log(text);
  if (s.markdown) fs.writeFileSync(s.markdown, `${text}\n`);
}

await main();
