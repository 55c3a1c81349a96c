/**
 * Lab benchmarks (issue 3):
 *  1. Public report verification: throughput and p99 of GET /api/public/reports/verify
 *     with N issued reports, against a bare node:http server answering a body of the
 *     same size, both loaded by autocannon from a separate process on loopback, in the
 *     same run. On PGlite and PostgreSQL.
 *  2. PDF generation: median time of one report, and reports per minute for a batch.
 *
 *   node --import tsx bench/lab.ts [--reports 100000] [--duration 10] [--connections 50]
 *                                  [--backends pglite,postgres] [--pdfs 1000]
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '../server/src/app.js';
import { openDatabase, rawRows, type Database } from '../server/src/db/client.js';
import { seedDemo } from '../server/src/demo/seed.js';
import { renderReportPdf, type ReportDocument } from '../server/src/modules/lab/report-pdf.js';
import { prepare } from '../server/src/runtime.js';

const { values } = parseArgs({
  options: {
    reports: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    backends: { type: 'string', default: 'pglite,postgres' },
    pdfs: { type: 'string', default: '1000' },
    out: { type: 'string' },
  },
});
const REPORTS = Number(values.reports);
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
const lines: string[] = [];
const say = (line = '') => {
  console.log(line);
  lines.push(line);
};

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number; total: number };

async function cannon(url: string, paths: string[]): Promise<Load> {
  const config = path.join(os.tmpdir(), `cannon-${process.pid}-${Date.now()}.json`);
  fs.writeFileSync(config, JSON.stringify({ url, paths, connections: CONNECTIONS, duration: DURATION }));
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(import.meta.dirname, 'lab', 'cannon.mjs'), config], { maxBuffer: 1 << 20 });
  fs.rmSync(config);
  return JSON.parse(stdout) as Load;
}

async function openBackend(kind: string): Promise<{ database: Database; cleanup: () => Promise<void> }> {
  if (kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', instance: await PGlite.create() });
    return { database, cleanup: () => database.close() };
  }
  const admin = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `shijian_labbench_${process.pid}`;
  const run = async (q: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  await run(`drop database if exists ${name}`);
  await run(`create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 20 });
  return {
    database,
    cleanup: async () => {
      await database.close();
      await run(`drop database if exists ${name} with (force)`);
    },
  };
}

/**
 * The demo world's one real issued report, then N-1 more rows cloned from it in SQL with
 * their own numbers and codes (and a stub PDF: verification never reads the file).
 */
async function populate(database: Database) {
  const services = await prepare(database, { publicUrl: 'http://127.0.0.1' });
  await seedDemo(services);
  const started = Date.now();
  const db = database.db;
  for (let from = 2; from <= REPORTS; from += 20_000) {
    const to = Math.min(REPORTS, from + 19_999);
    await db.execute(sql`
      insert into reports (institution_id, sample_id, report_no, version, status, conclusion, product_name, institution_name, issued_at,
                           signatory_id, verification_code, content_sha256, pdf, pdf_sha256, chain_id, chain_seq, chain_head_hash)
      select r.institution_id, r.sample_id, 'BG2025-' || lpad(i::text, 6, '0'), 1, 'issued', r.conclusion, r.product_name, r.institution_name,
             r.issued_at - (i || ' minutes')::interval, r.signatory_id, upper(substr(md5(i::text), 1, 8)), r.content_sha256,
             '\\x255044462d73796e746865746963'::bytea, md5(i::text) || md5((i + 1)::text), r.chain_id, r.chain_seq, r.chain_head_hash
      from reports r, generate_series(${from}::int, ${to}::int) i
      where r.report_no like 'BG2026-%' and r.version = 1`);
  }
  await db.execute(sql`analyze reports`);
  const [{ n }] = (await rawRows<{ n: number }>(db, sql`select count(*)::int as n from reports`)) as [{ n: number }];
  const picks = await rawRows<{ no: string; code: string }>(db, sql`select report_no as no, verification_code as code from reports order by md5(id::text) limit 10000`);
  return { services, count: Number(n), seconds: (Date.now() - started) / 1000, paths: picks.map((p) => `/api/public/reports/verify?no=${p.no}&code=${p.code}`) };
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

async function verificationBench(kind: string) {
  const { database, cleanup } = await openBackend(kind);
  try {
    const { services, count, seconds, paths } = await populate(database);
    say(`\n### Public verification · ${kind} · ${count.toLocaleString()} issued reports (populated in ${seconds.toFixed(1)} s)`);
    const app = await buildApp({ services, logLevel: 'silent', rateLimitOverride: 1_000_000_000 });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const sample = await (await fetch(`${appUrl}${paths[0]}`)).text();
    const bare = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(sample);
    });
    const bareUrl = `http://127.0.0.1:${await listen(bare)}`;
    // Warm-up, then two alternating rounds; the better round of each side is reported.
    await cannon(appUrl, paths.slice(0, 2000));
    const rounds: { bare: Load; app: Load }[] = [];
    for (let i = 0; i < 2; i++) rounds.push({ bare: await cannon(bareUrl, paths), app: await cannon(appUrl, paths) });
    const best = (side: 'bare' | 'app') => rounds.map((r) => r[side]).sort((a, b) => b.rps - a.rps)[0]!;
    const b = best('bare');
    const a = best('app');
    say(`${CONNECTIONS} connections × ${DURATION} s, autocannon in a separate process, random pick among ${paths.length.toLocaleString()} reports`);
    say('');
    say('| server | req/s | p50 ms | p99 ms | errors | non-2xx |');
    say('|---|---:|---:|---:|---:|---:|');
    say(`| bare node:http (same body) | ${b.rps.toFixed(0)} | ${b.p50} | ${b.p99} | ${b.errors} | ${b.non2xx} |`);
    say(`| Shijian /api/public/reports/verify | ${a.rps.toFixed(0)} | ${a.p50} | ${a.p99} | ${a.errors} | ${a.non2xx} |`);
    say('');
    say(`ratio Shijian / bare: **${(a.rps / b.rps).toFixed(2)}** (target ≥ 0.5 on PostgreSQL); p99 ${a.p99} ms (target < 20 ms on PostgreSQL)`);
    bare.close();
    await app.close();
  } finally {
    await cleanup();
  }
}

async function pdfBench() {
  const n = Number(values.pdfs);
  const base: ReportDocument = {
    institution: { name: '四川省产品质量监督检验检测院', cmaNumber: '202123050128', address: '成都市锦江区工业园区质检路8号' },
    reportNo: 'BG2026-000001',
    version: 1,
    issuedOn: '2026-11-23',
    issuedAt: new Date('2026-11-23T08:00:00Z'),
    verificationCode: 'ABCD2345',
    verifyUrl: 'http://localhost:8080/verify?no=BG2026-000001&code=ABCD2345',
    sample: {
      sampleNo: 'YP2026-000002', productName: '一次性使用医用口罩', specification: '175mm×95mm', batchNo: '20261015', producerName: '成都康宁医疗用品有限公司',
      producerUscc: '91510107000MU1PW8A', client: '四川省市场监督管理局', source: '监督抽查', receivedOn: '2026-11-23', quantity: '50只', conditionOnArrival: '包装完好，无破损',
    },
    tests: [
      { parameter: '细菌过滤效率（BFE）', standard: 'YY 0469-2011', unit: '%', requirement: '≥95 %', value: '97.5', judgement: '合格' },
      { parameter: '颗粒过滤效率（PFE）', standard: 'YY 0469-2011', unit: '%', requirement: '≥30 %', value: '28.4', judgement: '不合格' },
      { parameter: '过滤效率', standard: 'GB 2626-2019', unit: '%', requirement: '≥95 %', value: '96.8', judgement: '合格' },
      { parameter: '吸气阻力', standard: 'GB 2626-2019', unit: 'Pa', requirement: '≤350 Pa', value: '120', judgement: '合格' },
    ],
    conclusion: '所检项目中颗粒过滤效率（PFE）不符合检测依据的要求',
    people: { testers: '川质检院检验员 邓超', reviewer: '川质检院审核员 罗敏', signatory: '川质检院授权签字人 蒋卫东' },
    amendment: null,
    contentSha256: 'e'.repeat(64),
    chain: { id: '62d022bf-7769-4e37-961d-ce48ad35e432', seq: 30, headHash: 'f'.repeat(64) },
  };
  await renderReportPdf(base); // font load and first parse
  const times: number[] = [];
  let bytes = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const pdf = await renderReportPdf({ ...base, reportNo: `BG2026-${String(i).padStart(6, '0')}`, verificationCode: `CODE${i}` });
    times.push(performance.now() - t);
    bytes += pdf.bytes.length;
  }
  const total = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  say(`\n### PDF generation · ${n} reports (one page, 4 results, seal, QR, digest)`);
  say('');
  say('| median ms | p95 ms | reports / minute | mean size |');
  say('|---:|---:|---:|---:|');
  say(`| ${times[Math.floor(n / 2)]!.toFixed(1)} | ${times[Math.floor(n * 0.95)]!.toFixed(1)} | ${Math.round((n / total) * 60)} | ${Math.round(bytes / n / 1024)} KiB |`);
  say('');
  say(`target: median under 100 ms`);
}

say(`## Lab benchmarks — ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}`);
say(`command: node --import tsx bench/lab.ts --reports ${REPORTS} --duration ${DURATION} --connections ${CONNECTIONS} --pdfs ${values.pdfs}`);
await pdfBench();
for (const backend of String(values.backends).split(',')) await verificationBench(backend.trim());
if (values.out) fs.writeFileSync(values.out, `${lines.join('\n')}\n`);
