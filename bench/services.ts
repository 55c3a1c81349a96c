/**
 * Service-window benchmarks (issue 6), on PGlite and PostgreSQL:
 *  1. Catalogue search across N institutions × M items (default 500 × 200): the service call
 *     of the public catalogue against the same statements typed by hand, alternating; then the
 *     public route under autocannon against a bare node:http server answering the same body.
 *  2. Request intake: K requests submitted through the service (validation, fee rules, number,
 *     audit entries, notice) with C at a time, against the same rows inserted by hand; then the
 *     route under autocannon (POST, signed in) against a bare server reading the same body.
 *
 *   node --import tsx bench/services.ts [--institutions 500] [--items 200] [--requests 2000]
 *        [--concurrency 16] [--duration 10] [--connections 20] [--backends pglite,postgres]
 *        [--markdown FILE] [--quick]
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { parseArgs, promisify } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { ServiceRequestBody } from '@shijian/contracts';
import { buildApp } from '../server/src/app.js';
import { DEMO_PASSWORD, seedDemo } from '../server/src/demo/seed.js';
import { institutions } from '../server/src/modules/registry/tables.js';
import { serviceItems } from '../server/src/modules/services/tables.js';
import { openPglite, openPostgres, type BenchDb } from './lib/backend.js';
import { machine, table } from './lib/report.js';
import { compareInterleaved, ms, summarize, timed } from './lib/stats.js';

const { values } = parseArgs({
  options: {
    institutions: { type: 'string' },
    items: { type: 'string' },
    requests: { type: 'string' },
    concurrency: { type: 'string', default: '16' },
    duration: { type: 'string' },
    connections: { type: 'string', default: '20' },
    backends: { type: 'string', default: 'pglite,postgres' },
    markdown: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const quick = values.quick === true;
const INSTITUTIONS = Number(values.institutions ?? (quick ? 50 : 500));
const ITEMS = Number(values.items ?? 200);
const REQUESTS = Number(values.requests ?? (quick ? 300 : 2000));
const CONCURRENCY = Number(values.concurrency);
const DURATION = Number(values.duration ?? (quick ? 3 : 10));
const CONNECTIONS = Number(values.connections);
const out: string[] = [];
const say = (line = '') => {
  console.log(line);
  out.push(line);
};

type Load = { rps: number; p50: number; p99: number; errors: number; non2xx: number; total: number };

/** autocannon in its own process (bench/services/cannon.mjs), so load generation never shares the server's event loop. */
async function cannon(spec: { url: string; paths?: string[]; method?: string; headers?: Record<string, string>; body?: string }): Promise<Load> {
  const config = path.join(os.tmpdir(), `cannon-${process.pid}-${Date.now()}.json`);
  fs.writeFileSync(config, JSON.stringify({ connections: CONNECTIONS, duration: DURATION, ...spec }));
  const { stdout } = await promisify(execFile)(process.execPath, [path.join(import.meta.dirname, 'services', 'cannon.mjs'), config], { maxBuffer: 1 << 20 });
  fs.rmSync(config);
  return JSON.parse(stdout) as Load;
}

/**
 * N institutions in random counties, each with M items: kinds in turn, names from the
 * vocabulary of the service window with the institution's number, one or two standards,
 * a product category, a fee, about a fifth epidemic work and a third on site.
 */
async function generateCatalogue(b: BenchDb) {
  const started = Date.now();
  await b.raw.query(`
    create temporary table bench_counties as
      select code, row_number() over (order by md5(code)) as n, gen_random_uuid() as org_id, gen_random_uuid() as inst_id
      from regions where level = 3 order by md5(code) limit ${INSTITUTIONS}`);
  await b.raw.query(`
    insert into orgs (id, name, kind, region_code, created_at)
      select org_id, '计量检测机构' || n, 'institution', code, now() from bench_counties`);
  await b.raw.query(`
    insert into institutions (id, org_id, name, kind, region_code, address, cma_number, cma_valid_until, domains, created_at, updated_at)
      select inst_id, org_id, '计量检测机构' || n, case when n % 3 = 0 then 'testing' else 'metrology' end, code,
             '地址' || n, lpad(n::text, 12, '0'), '2030-12-31', array['计量检定', '校准'], now(), now()
      from bench_counties`);
  const names = ['医用电子体温计检定', '红外人体测温仪校准', '无创自动测量血压计检定', '心电监护仪检定', '电子计价秤检定', '燃油加油机检定', '压力表检定', '电子天平校准', '口罩过滤效率检测', '防护服抗渗水性检测'];
  const kinds = ['verification', 'calibration', 'verification', 'verification', 'verification', 'verification', 'verification', 'calibration', 'testing', 'testing'];
  const categories = ['medical_device', 'ir_thermometer', 'medical_device', 'medical_device', '', '', '', '', 'mask', 'protective_suit'];
  await b.raw.query(`
    insert into service_items (institution_id, region_code, kind, name, parameters, standards, category_codes, fee_yuan, turnaround_days, on_site, epidemic, compulsory, active, search_text, created_at, updated_at)
      select c.inst_id, c.code,
             (array['${kinds.join("','")}'])[1 + (i % ${names.length})],
             (array['${names.join("','")}'])[1 + (i % ${names.length})] || case when i >= ${names.length} then '（' || (i / ${names.length}) || '）' else '' end,
             '示值误差', array['JJG ' || (1000 + (i * 37) % 900) || '-20' || (10 + i % 15)],
             case when (array['${categories.join("','")}'])[1 + (i % ${names.length})] = '' then '{}'::text[] else array[(array['${categories.join("','")}'])[1 + (i % ${names.length})]] end,
             (10 + (i * 7) % 490)::numeric, 1 + i % 10, i % 3 = 0, i % 5 = 0, i % 4 = 0, true, '', now(), now()
      from bench_counties c, generate_series(0, ${ITEMS - 1}) i`);
  // The same lower-case search text the service writes on create (catalogue.ts › searchTextOf).
  await b.raw.query(`update service_items set search_text = lower(name || ' ' || parameters || ' ' || array_to_string(standards, ' ')) where search_text = ''`);
  await b.raw.query('analyze service_items');
  await b.raw.query('analyze institutions');
  const [{ n }] = (await b.raw.query<{ n: number }>('select count(*)::int as n from service_items')) as [{ n: number }];
  return { items: Number(n), seconds: (Date.now() - started) / 1000 };
}

/** The searches a visitor of the portal makes, as query objects of the public route. */
const SEARCHES: { label: string; query: Record<string, string> }[] = [
  { label: 'words: 体温计', query: { q: '体温计' } },
  { label: 'standard: JJG 1162', query: { q: 'JJG 1162' } },
  { label: 'province 51 · verification', query: { region: '510000', kind: 'verification' } },
  { label: 'category mask · epidemic', query: { category: 'mask', epidemic: 'true' } },
  { label: 'words 校准 · on site', query: { q: '校准', onSite: 'true' } },
  { label: 'everything (first page)', query: {} },
];

/** The same statement as the service's search, typed by hand: the page with the count of matches beside it. */
function rawSearch(b: BenchDb, query: Record<string, string>) {
  const where: string[] = ['i.active'];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (query.q) {
    where.push(`i.search_text like ${p(`%${query.q.toLowerCase()}%`)}`);
  }
  if (query.kind) where.push(`i.kind = ${p(query.kind)}`);
  if (query.category) where.push(`${p(query.category)} = any(i.category_codes)`);
  if (query.region) where.push(`i.region_code >= ${p('510000')} and i.region_code < ${p('520000')}`);
  if (query.epidemic) where.push(`i.epidemic = ${p(query.epidemic === 'true')}`);
  if (query.onSite) where.push(`i.on_site = ${p(query.onSite === 'true')}`);
  const w = where.join(' and ');
  return b.raw.query(
    `select i.*, s.name as institution_name, count(*) over () as total from service_items i join institutions s on s.id = i.institution_id where ${w} order by i.name, i.id limit 20`,
    params,
  );
}

async function searchBench(b: BenchDb) {
  const rows: string[][] = [];
  for (const s of SEARCHES) {
    const q = { page: 1, pageSize: 20, order: 'asc' as const, ...s.query } as Parameters<BenchDb['services']['serviceCatalogue']['search']>[0];
    const found = await b.services.serviceCatalogue.search(q);
    const r = await compareInterleaved(
      { service: () => b.services.serviceCatalogue.search(q), raw: () => rawSearch(b, s.query) },
      { warmup: 3, iterations: quick ? 20 : 60, minIterations: 10, budgetMs: 20_000 },
    );
    rows.push([s.label, found.total.toLocaleString(), ms(r.service.p50), ms(r.service.p95), ms(r.raw.p50), ms(r.raw.p95), `**${(r.service.p50 / r.raw.p50).toFixed(2)}**`, String(r.service.n)]);
  }
  say(table(['search', 'matches', 'service p50', 'service p95', 'raw p50', 'raw p95', 'ratio p50', 'n'], rows));
}

async function listen(server: http.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as { port: number }).port;
}

/** A bare server answering every request with `body`, reading the request body first. */
async function bareServer(body: string) {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(body);
    });
  });
  return { url: `http://127.0.0.1:${await listen(server)}`, close: () => server.close() };
}

/** The request body of the intake: thermometers and an infrared thermometer at the demo's 川计量院. */
async function intakeBody(b: BenchDb): Promise<ServiceRequestBody> {
  const db = b.database.db;
  const [inst] = await db.select({ id: institutions.id }).from(institutions).where(eq(institutions.name, '四川省计量测试研究院'));
  const items = await db.select({ id: serviceItems.id, name: serviceItems.name }).from(serviceItems).where(and(eq(serviceItems.institutionId, inst!.id)));
  const pick = (name: string) => items.find((i) => i.name === name)!.id;
  return {
    institutionId: inst!.id,
    lines: [
      { itemId: pick('医用电子体温计检定'), quantity: 20 },
      { itemId: pick('红外人体测温仪校准'), quantity: 3 },
    ],
    epidemicRelated: true,
    description: '复工复产前检定',
    contactName: '王芳',
    contactPhone: '028-85551234',
  };
}

/** The same rows the service writes for a request, inserted by hand in one transaction (no checks, fees looked up once, no audit). */
async function rawIntake(b: BenchDb, body: ServiceRequestBody, requesterOrgId: string, seq: number) {
  const [inst] = await b.raw.query<{ org_id: string; region_code: string }>('select org_id, region_code from institutions where id = $1', [body.institutionId]);
  await b.raw.query(
    `with r as (
       insert into service_requests (request_no, institution_id, institution_org_id, region_code, requester_org_id, requester_kind, requester_name, contact_name, contact_phone,
                                     description, epidemic_related, green, status, status_note, submitted_at, respond_by, updated_at)
       values ($1, $2, $3, $4, $5, 'enterprise', '成都康宁医疗用品有限公司', $6, $7, $8, true, true, 'submitted', '', now(), now() + interval '24 hours', now())
       returning id)
     insert into service_request_lines (request_id, item_id, quantity, unit_fee_yuan, gross_yuan, waived_yuan)
       select r.id, l.item_id, l.quantity, i.fee_yuan, i.fee_yuan * l.quantity, i.fee_yuan * l.quantity
       from r, (values ($9::uuid, $10::int), ($11::uuid, $12::int)) l(item_id, quantity) join service_items i on i.id = l.item_id where l.item_id is not null`,
    [
      `RAW-${seq}`,
      body.institutionId,
      inst!.org_id,
      inst!.region_code,
      requesterOrgId,
      body.contactName,
      body.contactPhone,
      body.description,
      body.lines[0]!.itemId,
      body.lines[0]!.quantity,
      body.lines[1]?.itemId ?? null,
      body.lines[1]?.quantity ?? null,
    ],
  );
}

/** Runs `task(i)` for i < n, `concurrency` at a time; returns requests per second and per-call latencies. */
async function throughput(n: number, concurrency: number, task: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        const i = next++;
        latencies.push(await timed(() => task(i)));
      }
    }),
  );
  return { rps: n / ((performance.now() - started) / 1000), ...summarize(latencies) };
}

type Submitter = { actor: Awaited<ReturnType<BenchDb['services']['auth']['actorFor']>>; body: ServiceRequestBody };

/** The two halves alternate twice (drift falls on both); the better round of each is reported. */
let rawSeq = 0;
async function intakeRounds(b: BenchDb, submitters: Submitter[]) {
  const half = Math.floor(REQUESTS / 2);
  const rounds: { service: Awaited<ReturnType<typeof throughput>>; raw: Awaited<ReturnType<typeof throughput>> }[] = [];
  for (let round = 0; round < 2; round++) {
    const service = await throughput(half, CONCURRENCY, (i) => {
      const s = submitters[i % submitters.length]!;
      return b.services.serviceRequests.submit(s.actor, s.body);
    });
    const raw = await throughput(half, CONCURRENCY, (i) => {
      const s = submitters[i % submitters.length]!;
      return rawIntake(b, s.body, s.actor.orgId!, rawSeq++);
    });
    rounds.push({ service, raw });
  }
  const best = (side: 'service' | 'raw') => rounds.map((r) => r[side]).sort((x, y) => y.rps - x.rps)[0]!;
  return { service: best('service'), raw: best('raw'), half };
}

/**
 * Two scenarios: every request from one enterprise to one institution (the worst case: the
 * institution's request numbers and the enterprise's audit chain admit one writer at a time),
 * and requests from 16 enterprises to 16 institutions (only shared rows are the fee rules').
 */
async function intakeBench(b: BenchDb) {
  const body = await intakeBody(b);
  const kangning = await b.services.auth.actorFor('kangning', { ip: '127.0.0.1', userAgent: 'bench' });
  await b.services.serviceRequests.submit(kangning, body);

  const system = { ...kangning, kind: 'system' as const, scope: { kind: 'all' as const } };
  const enterprises = await b.raw.query<{ id: string }>(`select id from enterprises where org_id is null order by name limit 16`);
  const targets = await b.raw.query<{ institution_id: string; item_id: string }>(
    `select distinct on (institution_id) institution_id, id as item_id from service_items where kind = 'verification' and institution_id in (select id from institutions where name like '计量检测机构%') order by institution_id, name limit 16`,
  );
  const spread: Submitter[] = [];
  for (const [i, e] of enterprises.entries()) {
    const orgId = await b.services.enterprises.openAccount(system, e.id);
    const username = `bench.ent${i}`;
    await b.services.users.create(system, { username, displayName: `企业用户${i}`, roles: ['enterprise_user'], orgId, password: DEMO_PASSWORD }, { mustChangePassword: false });
    const t = targets[i % targets.length]!;
    spread.push({
      actor: await b.services.auth.actorFor(username, { ip: '127.0.0.1', userAgent: 'bench' }),
      body: { ...body, institutionId: t.institution_id, lines: [{ itemId: t.item_id, quantity: 5 }] },
    });
  }

  const one = await intakeRounds(b, [{ actor: kangning, body }]);
  const many = await intakeRounds(b, spread);
  const row = (label: string, x: Awaited<ReturnType<typeof throughput>>) => [label, x.rps.toFixed(0), ms(x.p50), ms(x.p95), String(x.n)];
  say(
    table(
      ['scenario · path', 'requests / s', 'p50 ms', 'p95 ms', 'n'],
      [
        row('one enterprise → one institution · service (validate, fee rules, number, audit, notice)', one.service),
        row('one enterprise → one institution · raw SQL (the request and its lines, one statement)', one.raw),
        row(`${spread.length} enterprises → ${targets.length} institutions · service`, many.service),
        row(`${spread.length} enterprises → ${targets.length} institutions · raw SQL`, many.raw),
      ],
    ),
  );
  say('');
  say(
    `ratio service / raw throughput at ${CONCURRENCY} at a time: one → one **${(one.service.rps / one.raw.rps).toFixed(2)}**, many → many **${(many.service.rps / many.raw.rps).toFixed(2)}** (better of two alternating rounds of ${one.half.toLocaleString()} each)`,
  );
  return body;
}

async function httpBench(b: BenchDb, body: ServiceRequestBody) {
  const app = await buildApp({ services: b.services, logLevel: process.env.BENCH_LOG ?? 'silent', rateLimitOverride: 1_000_000_000 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const appUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  try {
    // Search: random picks among the portal's searches.
    const paths = SEARCHES.map((s) => `/api/public/service-catalogue?${new URLSearchParams(s.query).toString()}`);
    for (const p of paths) {
      const res = await fetch(`${appUrl}${p}`);
      if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
    }
    const sample = await (await fetch(`${appUrl}${paths[0]}`)).text();
    const bareSearch = await bareServer(sample);
    await cannon({ url: appUrl, paths });
    const search = { bare: await cannon({ url: bareSearch.url, paths }), app: await cannon({ url: appUrl, paths }) };
    bareSearch.close();

    // Intake: signed in as 康宁, POST with the session cookie and CSRF token.
    const login = await fetch(`${appUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'kangning', password: DEMO_PASSWORD }) });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
    const headers = { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' };
    const payload = JSON.stringify(body);
    const created = await (await fetch(`${appUrl}/api/service-requests`, { method: 'POST', headers, body: payload })).text();
    const bareIntake = await bareServer(created);
    const intake = {
      bare: await cannon({ url: bareIntake.url, method: 'POST', headers, body: payload }),
      app: await cannon({ url: `${appUrl}/api/service-requests`, method: 'POST', headers, body: payload }),
    };
    bareIntake.close();
    const row = (label: string, l: Load) => [label, l.rps.toFixed(0), String(l.p50), String(l.p99), String(l.errors), String(l.non2xx)];
    say(
      table(
        ['server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'non-2xx'],
        [
          row('bare node:http, search body', search.bare),
          row('Shijian GET /api/public/service-catalogue', search.app),
          row('bare node:http, intake body', intake.bare),
          row('Shijian POST /api/service-requests', intake.app),
        ],
      ),
    );
    say('');
    say(`ratio Shijian / bare: search **${(search.app.rps / search.bare.rps).toFixed(2)}**, intake **${(intake.app.rps / intake.bare.rps).toFixed(2)}** (${CONNECTIONS} connections × ${DURATION} s, autocannon in a separate process)`);
  } finally {
    await app.close();
  }
}

say(`## Service window — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say('');
say(`Command: \`node --import tsx bench/services.ts ${process.argv.slice(2).join(' ')}\`  `);
say(`Machine: ${machine()}`);
for (const kind of String(values.backends).split(',').map((x) => x.trim())) {
  const b = kind === 'postgres' ? await openPostgres(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres') : await openPglite();
  try {
    await seedDemo(b.services);
    const generated = await generateCatalogue(b);
    say(`\n### ${b.label}`);
    say('');
    say(`Catalogue: ${INSTITUTIONS.toLocaleString()} generated institutions × ${ITEMS} items + the demo's, ${generated.items.toLocaleString()} items in all (generated in ${generated.seconds.toFixed(1)} s).`);
    say('');
    say('#### Catalogue search, in process (ms)');
    say('');
    await searchBench(b);
    say('');
    say(`#### Request intake, in process (${REQUESTS.toLocaleString()} requests)`);
    say('');
    const body = await intakeBench(b);
    say('');
    say('#### Over HTTP');
    say('');
    await httpBench(b, body);
  } finally {
    await b.close();
  }
}
if (values.markdown) fs.writeFileSync(values.markdown, `${out.join('\n')}\n`);
