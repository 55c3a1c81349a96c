/**
 * The public portal (一窗口, issue 7) is fast: every server-rendered page of PORTAL_SECTIONS, with
 * /verify/certificate and a typical filtered or detail variant of the list pages, on a fresh
 * database with the demo world, PGlite and PostgreSQL. Per page:
 *  - the size of the HTML the app sends (and with gzip, if the app compresses; else what gzip
 *    would make of it), and whether it has a `<script`;
 *  - the first request to it after the app starts (one request: first byte and whole page, ms);
 *  - req/s and latency p50 / p99 under autocannon (separate process, bench/services/cannon.mjs),
 *    against a bare node:http server answering that page's exact bytes in the same run;
 *  - the statements one request sends (bench/portal/trace.ts), and EXPLAIN ANALYZE of the two
 *    slowest statements of the three pages with the highest p50 under load.
 * The app is buildApp as the server runs it, with the per-route rate limits (60–120 a minute per
 * address on these pages) replaced by a huge one, as in the other HTTP benches: all load comes from 127.0.0.1.
 *
 *   node --import tsx bench/portal.ts [--backends pglite,postgres] [--duration 10] [--connections 10]
 *        [--warmup 1] [--enterprises 0] [--markdown FILE] [--quick]      (--quick: 2 s per page)
 * --enterprises N adds a national registry of about N enterprises (SQL, with their product kinds)
 * under the demo world before the app starts: the pages that read the registry, at its real size.
 * PostgreSQL: $DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres (a scratch database is made and dropped).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { CertificateListQuery, PublicDrawListQuery, PublicTypicalCaseQuery } from '@shijian/contracts';
import { buildApp } from '../server/src/app.js';
import { seedDemo } from '../server/src/demo/seed.js';
import { PORTAL_SECTIONS } from '../server/src/modules/portal/layout.js';
import { freePort, openPglite, openPostgres, type BenchDb } from './lib/backend.js';
import { explain } from './lib/explain.js';
import { machine, table } from './lib/report.js';
import { thousands } from './lib/stats.js';
import { addRegistry } from './portal/registry.js';
import { oneLine, watchStatements, type Statement } from './portal/trace.js';

const { values } = parseArgs({
  options: {
    backends: { type: 'string', default: 'pglite,postgres' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '1' },
    enterprises: { type: 'string', default: '0' },
    markdown: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const quick = values.quick === true;
const DURATION = Number(values.duration ?? (quick ? 2 : 10));
const CONNECTIONS = Number(values.connections);
const WARMUP = Number(values.warmup);
const ENTERPRISES = Number(values.enterprises);
/** A rate limit no bench reaches: the pages' own (60–120 a minute per address) would answer 429 after a second. */
const RATE_LIMIT_OVERRIDE = 1_000_000_000;
/** The issue's "fast", read as: a page's p50 under 10 connections on PostgreSQL. */
const SLOW_P50_MS = 50;

const out: string[] = [];
const say = (line = '') => {
  console.log(line);
  out.push(line);
};
const loadavg = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(' / ');

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number; total: number };

/** autocannon in its own process (the services bench's cannon.mjs), GET of one path. */
async function cannon(url: string, pagePath: string, duration: number): Promise<Load> {
  const config = path.join(os.tmpdir(), `cannon-portal-${process.pid}-${Date.now()}.json`);
  fs.writeFileSync(config, JSON.stringify({ url, paths: [pagePath], connections: CONNECTIONS, duration }));
  try {
    const { stdout } = await promisify(execFile)(process.execPath, [path.join(import.meta.dirname, 'services', 'cannon.mjs'), config], { maxBuffer: 1 << 20 });
    return JSON.parse(stdout) as Load;
  } finally {
    fs.rmSync(config, { force: true });
  }
}

type Page = { label: string; path: string };

/** A path with its query percent-encoded, as a browser sends it. */
const withQuery = (p: string, query: Record<string, string>) => `${p}?${new URLSearchParams(query).toString()}`;

/** The portal's sections in menu order, each followed by its typical filtered or detail variant, with real values from the database. */
async function portalPages(b: BenchDb): Promise<Page[]> {
  const [report] = await b.raw.query<{ report_no: string; verification_code: string }>(
    `select report_no, verification_code from reports where status = 'issued' order by issued_at, report_no limit 1`,
  );
  if (!report) throw new Error('the demo world has no issued report');
  // The certificate's code is derived from its id: read through the service, as a platform admin.
  const admin = await b.services.auth.actorFor('admin', { ip: '127.0.0.1', userAgent: 'bench' });
  const certs = await b.services.metrology.certificates(admin, CertificateListQuery.parse({ kind: 'certificate', pageSize: 1 }));
  const cert = certs.items[0];
  if (!cert) throw new Error('the demo world has no verification certificate');
  const [aCase] = (await b.services.publicity.cases.publicList(PublicTypicalCaseQuery.parse({ pageSize: 1 }))).items;
  const [draw] = (await b.services.inspections.publicList(PublicDrawListQuery.parse({ pageSize: 1 }))).items;

  const variants: Record<string, Page[]> = {
    '/verify': [
      { label: 'report verified', path: withQuery('/verify', { no: report.report_no, code: report.verification_code }) },
      { label: '/verify/certificate, empty form', path: '/verify/certificate' },
      { label: 'certificate verified', path: withQuery('/verify/certificate', { no: cert.certificateNo, code: cert.verificationCode }) },
    ],
    '/public/services': [{ label: 'search 体温计', path: withQuery('/public/services', { q: '体温计' }) }],
    '/public/institutions': [{ label: 'ability 过滤效率', path: withQuery('/public/institutions', { test: '过滤效率' }) }],
    '/public/inspections': draw ? [{ label: 'one draw', path: `/public/inspections/${draw.id}` }] : [],
    '/public/dishonesty': [{ label: 'search 口罩', path: withQuery('/public/dishonesty', { q: '口罩' }) }],
    '/public/cases': [
      { label: 'search 口罩', path: withQuery('/public/cases', { q: '口罩' }) },
      ...(aCase ? [{ label: 'one case', path: `/public/cases/${aCase.id}` }] : []),
    ],
    '/public/recalls': [{ label: 'page 1', path: withQuery('/public/recalls', { page: '1' }) }],
    '/public/qa': [{ label: 'search 口罩', path: withQuery('/public/qa', { q: '口罩' }) }],
  };
  return PORTAL_SECTIONS.flatMap((s) => [{ label: `${s.title}${s.path === '/verify' ? ', empty form' : ''}`, path: s.path }, ...(variants[s.path] ?? [])]);
}

/** One GET on a fresh connection: milliseconds to the response's first byte (status line) and to its end. */
function firstRequest(base: string, pagePath: string): Promise<{ status: number; ttfb: number; total: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.get(`${base}${pagePath}`, { agent: false }, (res) => {
      const ttfb = performance.now() - started;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ttfb, total: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

type Shape = { status: number; type: string; bytes: number; gzip: number; compressed: boolean; script: boolean; stable: boolean; body: Buffer };

/** What a phone downloads: the body's bytes, as sent to a browser that accepts gzip and brotli. */
async function shape(base: string, pagePath: string): Promise<Shape> {
  const get = () => fetch(`${base}${pagePath}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  const res = await get();
  // fetch decodes a compressed body: the encoding header says whether the app compressed.
  const encoding = res.headers.get('content-encoding');
  const body = Buffer.from(await res.arrayBuffer());
  const again = Buffer.from(await (await get()).arrayBuffer());
  const text = body.toString('utf8');
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    bytes: body.length,
    gzip: gzipSync(body).length,
    compressed: encoding !== null && encoding !== 'identity',
    script: /<script/i.test(text),
    stable: body.equals(again),
    body,
  };
}

/** A bare server answering every request with the page's exact bytes and content type. */
async function bareServer(body: Buffer, type: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': type, 'content-length': body.length });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

type Row = { page: Page; cold: Awaited<ReturnType<typeof firstRequest>>; shape: Shape; app: Load; bare: Load; trace: { statements: Statement[]; ms: number } };

/**
 * One request alone, with every statement it sent to the database: the driver is watched only now,
 * and the trace waits for a second without statements first, so that requests a load run left
 * behind (autocannon gone, handlers still queued on the database) are not counted.
 */
async function traced(b: BenchDb, base: string, pagePath: string) {
  const watch = watchStatements(b);
  try {
    let ms = 0;
    const statements = await watch.trace(async () => {
      const started = performance.now();
      await (await fetch(`${base}${pagePath}`)).arrayBuffer();
      ms = performance.now() - started;
    }, 1000);
    return { statements, ms };
  } finally {
    watch.stop();
  }
}

/** How many of the slowest pages under load get their statements explained. */
const EXPLAINED_PAGES = 3;

const ms1 = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const label = (p: Page) => `${p.label} \`${decodeURIComponent(p.path)}\``;

async function portalBench(b: BenchDb) {
  say(`\n### ${b.label}`);
  say('');
  const seeding = Date.now();
  await seedDemo(b.services);
  const seeded = (Date.now() - seeding) / 1000;
  if (ENTERPRISES > 0) {
    const r = await addRegistry(b, ENTERPRISES);
    say(`National registry under the demo world (SQL, bench/portal/registry.ts): ${thousands(r.enterprises)} enterprises, ${thousands(r.categories)} enterprise_categories rows, in ${r.seconds.toFixed(1)} s.`);
    say('');
  }
  const pages = await portalPages(b);
  const port = await freePort();
  const app = await buildApp({ services: b.services, logLevel: process.env.BENCH_LOG ?? 'silent', rateLimitOverride: RATE_LIMIT_OVERRIDE });
  await app.listen({ port, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${port}`;
  say(`Demo world seeded in ${seeded.toFixed(1)} s; app (buildApp, rate limits overridden to ${thousands(RATE_LIMIT_OVERRIDE)} a minute) on port ${port}. Load average at start of backend: ${loadavg()}.`);
  try {
    // Cold: the first request to each page after start, one at a time in menu order, before any other.
    const cold = new Map<string, Awaited<ReturnType<typeof firstRequest>>>();
    for (const p of pages) cold.set(p.path, await firstRequest(base, p.path));

    const rows: Row[] = [];
    for (const p of pages) {
      const s = await shape(base, p.path);
      if (s.status !== 200) throw new Error(`${p.path}: ${s.status} ${s.body.toString('utf8').slice(0, 300)}`);
      if (WARMUP > 0) await cannon(base, p.path, WARMUP);
      const bare = await bareServer(s.body, s.type);
      let bareLoad: Load;
      try {
        bareLoad = await cannon(bare.url, p.path, DURATION);
      } finally {
        await bare.close();
      }
      const appLoad = await cannon(base, p.path, DURATION);
      rows.push({ page: p, cold: cold.get(p.path)!, shape: s, app: appLoad, bare: bareLoad, trace: await traced(b, base, p.path) });
      process.stderr.write(`  ${b.kind} ${decodeURIComponent(p.path)}: ${appLoad.rps.toFixed(0)} req/s (bare ${bareLoad.rps.toFixed(0)})\n`);
    }
    const compressed = rows.some((r) => r.shape.compressed);
    say('');
    say(`#### Pages: size and the first request after start`);
    say('');
    say(
      table(
        ['page', 'status', 'HTML bytes', compressed ? 'gzip bytes (sent)' : 'gzip bytes (not sent: the app does not compress)', '`<script`', 'first request: first byte ms', 'whole page ms'],
        rows.map((r) => [
          label(r.page),
          String(r.shape.status),
          thousands(r.shape.bytes),
          thousands(r.shape.gzip),
          r.shape.script ? '**yes**' : 'no',
          ms1(r.cold.ttfb),
          ms1(r.cold.total),
        ]),
      ),
    );
    const varying = rows.filter((r) => !r.shape.stable);
    if (varying.length) say(`\nBodies that differed between two requests (the bare server answers the first): ${varying.map((r) => `\`${r.page.path}\``).join(', ')}.`);
    say('');
    say(`#### Under load: ${CONNECTIONS} connections × ${DURATION} s per page (after ${WARMUP} s of warm-up), against a bare node:http server answering the same bytes`);
    say('');
    say(
      table(
        ['page', 'app req/s', 'app p50 ms', 'app p99 ms', 'bare req/s', 'bare p50 ms', 'bare p99 ms', 'app / bare req/s', 'errors · non-2xx'],
        rows.map((r) => [
          label(r.page),
          thousands(r.app.rps),
          String(r.app.p50),
          String(r.app.p99),
          thousands(r.bare.rps),
          String(r.bare.p50),
          String(r.bare.p99),
          `**${(r.app.rps / r.bare.rps).toFixed(3)}**`,
          `${r.app.errors + r.bare.errors} · ${r.app.non2xx + r.bare.non2xx}`,
        ]),
      ),
    );
    const largest = [...rows].sort((x, y) => y.shape.bytes - x.shape.bytes)[0]!;
    const slowest = [...rows].sort((x, y) => y.app.p99 - x.app.p99)[0]!;
    const slowest50 = [...rows].sort((x, y) => y.app.p50 - x.app.p50)[0]!;
    const ratios = rows.map((r) => r.app.rps / r.bare.rps).sort((x, y) => x - y);
    const coldest = [...rows].sort((x, y) => y.cold.ttfb - x.cold.ttfb)[0]!;
    const slow = rows.filter((r) => r.app.p50 > SLOW_P50_MS);
    say('');
    say(`- Largest page: ${label(largest.page)}, ${thousands(largest.shape.bytes)} bytes (${thousands(largest.shape.gzip)} gzipped${compressed ? '' : ', if it were'}). Pages with \`<script\`: ${rows.filter((r) => r.shape.script).length} of ${rows.length}.`);
    say(`- Slowest p99: ${label(slowest.page)}, ${slowest.app.p99} ms; slowest p50: ${label(slowest50.page)}, ${slowest50.app.p50} ms; lowest throughput ${thousands(Math.min(...rows.map((r) => r.app.rps)))} req/s.`);
    say(`- App / bare req/s: ${ratios[0]!.toFixed(3)} to ${ratios[ratios.length - 1]!.toFixed(3)} (median ${ratios[Math.floor(ratios.length / 2)]!.toFixed(3)}).`);
    say(`- Slowest first request after start: ${label(coldest.page)}, ${ms1(coldest.cold.ttfb)} ms to the first byte (the first page also pays for the first use of the code paths).`);
    say(`- Pages with p50 above ${SLOW_P50_MS} ms at ${CONNECTIONS} connections: ${slow.length ? slow.map((r) => `${label(r.page)} (${r.app.p50} ms)`).join(', ') : 'none'}.`);
    say(`- Errors and non-2xx under load: ${rows.reduce((n, r) => n + r.app.errors + r.app.non2xx, 0)} from the app, ${rows.reduce((n, r) => n + r.bare.errors + r.bare.non2xx, 0)} from the bare servers.`);
    await statementsReport(b, rows);
    return rows;
  } finally {
    await app.close();
  }
}

/** Where a page's time goes: its statements (one request alone), and the plans of the slowest pages' slowest statements. */
async function statementsReport(b: BenchDb, rows: Row[]) {
  const sum = (xs: Statement[]) => xs.reduce((n, x) => n + x.ms, 0);
  const slowestOf = (xs: Statement[]) => [...xs].sort((x, y) => y.ms - x.ms)[0];
  say('');
  say('#### Statements per page (one request alone after its load; round trips overlap where the page sends them at once)');
  say('');
  say(
    table(
      ['page', 'statements', 'their round trips, summed ms', 'whole request ms', 'slowest statement', 'its ms'],
      rows.map((r) => {
        const top = slowestOf(r.trace.statements);
        return [label(r.page), String(r.trace.statements.length), ms1(sum(r.trace.statements)), ms1(r.trace.ms), top ? `\`${oneLine(top.text, 90).replaceAll('|', '\\|')}\`` : '—', top ? ms1(top.ms) : '—'];
      }),
    ),
  );
  const none = rows.filter((r) => r.trace.statements.length === 0);
  if (none.length) {
    say('');
    say(
      `Answered without a database statement: ${none.map((r) => label(r.page)).join(', ')}.` +
        (none.some((r) => r.page.path.startsWith('/verify?'))
          ? ' The verified report is one of them because the report service keeps each verified answer in memory after the first request (`reports.verifyCached`): ' +
            'its row under load measures that cache. A certificate is looked up in the database every time.'
          : ''),
    );
  }
  const worst = [...rows].sort((x, y) => y.app.p50 - x.app.p50 || y.app.p99 - x.app.p99).slice(0, EXPLAINED_PAGES);
  say('');
  say(`Plans (\`EXPLAIN (ANALYZE, TIMING OFF)\`) of the two slowest statements of the ${EXPLAINED_PAGES} pages with the highest p50 under load:`);
  say('');
  for (const r of worst) {
    say(`- ${label(r.page)} (p50 ${r.app.p50} ms, ${r.trace.statements.length} statements):`);
    for (const st of [...r.trace.statements].sort((x, y) => y.ms - x.ms).slice(0, 2)) {
      if (!/^\s*(select|with)\b/i.test(st.text)) {
        say(`  - ${ms1(st.ms)} ms \`${oneLine(st.text, 200)}\` (not a read: not explained)`);
        continue;
      }
      const plan = await explain(b, st.text, st.params);
      say(`  - ${ms1(st.ms)} ms \`${oneLine(st.text, 200)}\` → ${plan.plan}; execution ${plan.executionMs.toFixed(2)} ms, planning ${plan.planningMs.toFixed(2)} ms`);
    }
  }
}

say(`## Public portal (一窗口) — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say('');
say(`Command: \`node --import tsx bench/portal.ts ${process.argv.slice(2).join(' ')}\`  `);
say(`Machine: ${machine()} (shared)  `);
say(`Load average (1 / 5 / 15 min) at start: ${loadavg()}`);
say('');
say(
  `The app is \`buildApp\` on the demo world, in this process; autocannon runs in its own process. The portal's per-route rate limits ` +
    `(60–120 requests a minute per address) are **overridden** to ${thousands(RATE_LIMIT_OVERRIDE)} a minute (\`rateLimitOverride\`, as in the other HTTP benches): ` +
    `all load comes from 127.0.0.1, and the real limits would answer 429 within the first second. No cookie is sent: every page is public.`,
);
for (const kind of String(values.backends).split(',').map((x) => x.trim())) {
  const b = kind === 'postgres' ? await openPostgres(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres') : await openPglite();
  try {
    await portalBench(b);
  } finally {
    await b.close();
  }
}
say('');
say(`Load average (1 / 5 / 15 min) at end: ${loadavg()}`);
if (values.markdown) fs.writeFileSync(values.markdown, `${out.join('\n')}\n`);
