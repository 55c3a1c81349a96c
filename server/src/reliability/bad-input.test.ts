import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USCC_ALPHABET } from '@shijian/contracts';
import { rawRows } from '../db/client.js';
import { createHarness, type Client, type Harness } from '../../test/harness.js';
import { apiRoutes, type ApiRoute, type JsonSchema } from '../../test/openapi.js';
import { asSent, writeWatcher, type WriteWatcher } from './bad-input/fingerprint.js';
import { planFor, UPLOADS, type FuzzRequest, type Kind } from './bad-input/requests.js';
import { demoWorld } from './bad-input/world.js';

/**
 * Bad input (issue 8): every route of the OpenAPI description, read at run time, gets requests
 * built by fast-check from its own schemas — random and broken bodies, oversized fields, malformed
 * USCCs and region codes, SQL and HTML injection, malformed JSON, wrong content types, bodies past
 * the limits, hostile path ids and query strings. Every answer must be a 2xx (only where the
 * request may be valid) or a 4xx with `{ error: { code, message } }`; never a 5xx; the app must
 * keep answering; a refused request must write nothing (fingerprint.ts says how that is proved).
 *
 * An injection string inside an otherwise valid request may be accepted: then the rows a write
 * wrote must hold it exactly as sent (not cut), none of them an escaped or quote-doubled copy, and
 * those writes are the route's business, not a failure of the nothing-written check. (A read's
 * query is a filter: a read that writes for itself, such as risk scores brought up to date, is
 * only checked for altered copies.)
 *
 * FUZZ_RUNS (default 1) runs per kind of request and route; FUZZ_SEED repeats a run (it is printed
 * on failure and in the summary); FUZZ_ROUTE (a regular expression on `METHOD /path`) narrows it;
 * FUZZ_LOG=1 prints every request and answer.
 */

const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1));
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const ONLY = process.env.FUZZ_ROUTE ? new RegExp(process.env.FUZZ_ROUTE) : null;
const LOG = process.env.FUZZ_LOG === '1';

/**
 * Accounts tried in turn until one is let through (not 403 FORBIDDEN): the national bureau's
 * admin, the platform admin, a province bureau's admin (some work needs a region), institution
 * staff of each role, an enterprise user, then statisticians, a leader and officers. The first a
 * route lets through is used for all its requests.
 */
const CANDIDATES = [
  'samr.admin',
  'admin',
  'sc.admin',
  'scqi.admin',
  'scmi.admin',
  'kangning',
  'scqi.receptionist',
  'scqi.tester',
  'scqi.reviewer',
  'scqi.signatory',
  'scmi.verifier',
  'sc.stat',
  'samr.leader',
  'samr.stat',
  'samr.officer',
  'cd.officer',
];
/** Accounts that read the lists real ids come from. */
const READERS = ['samr.admin', 'admin', 'scqi.admin', 'kangning', 'scmi.admin'];

let h: Harness;
let watcher: WriteWatcher;
let routes: ApiRoute[] = [];
let world: Awaited<ReturnType<typeof demoWorld>>;
const signedIn = new Set<string>();

/** A signed-in client; a first login writes (a session, an audit entry), so the watcher starts anew after it. */
async function clientOf(username: string): Promise<Client> {
  const client = await h.as(username);
  if (!signedIn.has(username)) {
    signedIn.add(username);
    await watcher.reset();
  }
  return client;
}

beforeAll(async () => {
  h = await createHarness();
  routes = await apiRoutes(h.app);
  watcher = await writeWatcher(h.services.deps.db);
  // The suite's own accounts are kept out of the id pools: a PATCH disabling one would end the run, not test anything.
  const users = await rawRows<{ id: string; username: string }>(h.services.deps.db, sql`select id::text as id, username from users`);
  const own = new Set(users.filter((u) => CANDIDATES.includes(u.username)).map((u) => u.id));
  world = await demoWorld(h, routes, () => Promise.all(READERS.map(clientOf)), own);
});
afterAll(() => h.close());

// ---------- bookkeeping ----------

const stats = {
  requests: 0,
  byStatus: new Map<number, number>(),
  byCode: new Map<string, number>(),
  acceptedByKind: new Map<Kind, number>(),
  injectionsStored: 0,
  injectionsAcceptedWithoutWrite: 0,
  nonChineseMessages: new Map<string, string>(),
  entitledBy: new Map<string, string>(),
  noneEntitled: [] as string[],
  msByKind: new Map<Kind, number>(),
};
const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

const HAN = /[\u4e00-\u9fff]/;

// ---------- one request ----------

type RouteState = { route: ApiRoute; candidate: number; locked: boolean };

function verdict(state: RouteState, req: FuzzRequest, res: LightMyRequestResponse): string[] {
  const s = res.statusCode;
  const head = `${s} ${res.body.slice(0, 300)}`;
  if (s >= 500) return [`answered ${head}`];
  if (s < 200 || (s >= 300 && s < 400)) return [`unexpected status ${head}`];
  if (s < 300) return req.expect.mayAccept ? [] : [`accepted a request it must refuse: ${head}`];
  let error: { code?: unknown; message?: unknown; details?: { fields?: { field?: unknown }[] } } | undefined;
  try {
    error = (res.json() as { error?: typeof error }).error;
  } catch {
    return [`${s} without a JSON body: ${res.body.slice(0, 200)}`];
  }
  if (!error || typeof error.code !== 'string' || !error.code || typeof error.message !== 'string' || !error.message) {
    return [`${s} without a structured error { error: { code, message } }: ${res.body.slice(0, 200)}`];
  }
  bump(stats.byCode, `${s} ${error.code}`);
  if (!HAN.test(error.message) && stats.nonChineseMessages.size < 20) stats.nonChineseMessages.set(error.code, `${state.route.key}: ${error.message}`);
  // The suite's own sessions must never be lost: a 401, a CSRF or a password-change refusal here is a finding.
  if (!state.route.public && (s === 401 || error.code === 'CSRF_FAILED' || error.code === 'PASSWORD_CHANGE_REQUIRED')) return [`signed-in request answered ${head}`];
  const problems: string[] = [];
  const { status, code, field, anyField, allFields } = req.expect;
  if (status && !status.includes(s)) problems.push(`answered ${s} ${error.code}, expected ${status.join(' or ')}`);
  if (code && !code.includes(error.code)) problems.push(`answered ${s} ${error.code}, expected ${code.join(' or ')}`);
  // The field itself or something inside it (`categories.0` for an array nested where strings belong);
  // for the body as a whole, the body or any of its fields.
  const named = (error.details?.fields ?? []).map((f) => String(f.field));
  const names = (f: string) => named.some((n) => n === f || n.startsWith(`${f}.`) || (f === 'body' && n.length > 0));
  if (error.code === 'VALIDATION_FAILED' && field && !names(field)) problems.push(`the error names ${JSON.stringify(named)}, not ${field}`);
  if (error.code === 'VALIDATION_FAILED' && anyField && !anyField.some(names)) problems.push(`the error names ${JSON.stringify(named)}, none of ${anyField.join(', ')}`);
  const unnamed = (allFields ?? []).filter((f) => !names(f));
  if (error.code === 'VALIDATION_FAILED' && unnamed.length) problems.push(`the error names ${JSON.stringify(named)}, not ${unnamed.join(', ')}`);
  return problems;
}

async function exercise(state: RouteState, req: FuzzRequest): Promise<string[]> {
  const { route } = state;
  const client = route.public ? h.anonymous() : await clientOf(CANDIDATES[state.candidate]!);
  const t0 = performance.now();
  const res = await client.request({
    method: req.method,
    url: req.url,
    ...(req.payload !== undefined ? { payload: req.payload } : {}),
    headers: req.contentType !== undefined ? { 'content-type': req.contentType } : {},
  });
  stats.requests += 1;
  bump(stats.byStatus, res.statusCode);
  const problems = verdict(state, req, res);
  if (LOG) console.log(`${res.statusCode} [${req.kind}] ${req[fc.toStringMethod]().slice(0, 300)}\n    → ${res.body.slice(0, 200)}`);
  const accepted = res.statusCode >= 200 && res.statusCode < 300;
  if (accepted) bump(stats.acceptedByKind, req.kind);
  const readOnly = UPLOADS[route.key]?.readOnly === true;
  const check = await watcher.check(accepted && !readOnly);
  stats.msByKind.set(req.kind, (stats.msByKind.get(req.kind) ?? 0) + performance.now() - t0);
  if (check.wrote && (!accepted || readOnly)) {
    problems.push(`${accepted ? 'a read-only route' : `refused (${res.statusCode})`} yet wrote: ${check.tables.map((t) => `${t.table} ${t.before}→${t.after} (${t.fresh} new row versions)`).join(', ')}`);
    await watcher.reset();
  }
  if (accepted && req.injected !== undefined && check.wrote) {
    const rows = await watcher.freshRows(check.range, check.tables.filter((t) => t.fresh > 0).map((t) => t.table));
    const { kept, altered } = asSent(rows, req.injected);
    // A read may write for itself (risk scores are brought up to date when read): its query is a filter, not data to keep.
    if (!kept && req.method !== 'GET') problems.push(`accepted ${JSON.stringify(req.injected)} and wrote ${check.tables.map((t) => t.table).join(', ')}, but no written row holds it as sent`);
    else stats.injectionsStored += 1;
    for (const a of altered) problems.push(`stored ${JSON.stringify(req.injected)} altered, as ${JSON.stringify(a)}`);
  } else if (accepted && req.injected !== undefined) stats.injectionsAcceptedWithoutWrite += 1;
  if (accepted && req.expect.notStored !== undefined && check.wrote) {
    const rows = await watcher.freshRows(check.range, check.tables.filter((t) => t.fresh > 0 && t.table !== 'audit_log').map((t) => t.table));
    const holding = rows.filter((r) => r.json.includes(JSON.stringify(req.expect.notStored)));
    if (holding.length) problems.push(`accepted and stored ${JSON.stringify(req.expect.notStored)} (no such region) in ${[...new Set(holding.map((r) => r.table))].join(', ')}`);
  }

  // Whom the route lets through: the first candidate not refused with 403 FORBIDDEN for a request that may be valid.
  if (!route.public && !state.locked && req.expect.mayAccept) {
    const forbidden = res.statusCode === 403 && (res.json() as { error?: { code?: string } }).error?.code === 'FORBIDDEN';
    if (!forbidden) {
      state.locked = true;
      stats.entitledBy.set(route.key, CANDIDATES[state.candidate]!);
    } else if (state.candidate + 1 < CANDIDATES.length) {
      state.candidate += 1;
      return [...problems, ...(await exercise(state, req))];
    } else {
      state.locked = true;
      state.candidate = 0;
      stats.noneEntitled.push(route.key);
    }
  }
  return problems;
}

// ---------- seeds ----------

/** One seed per route and kind, from FUZZ_SEED: a route's requests do not depend on which routes ran before it. */
function seedFor(key: string, kind: string): number {
  let x = SEED ^ 0x9e3779b9;
  for (const ch of `${key} ${kind}`) x = Math.imul(x ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return x | 0;
}

/** Property names of a schema (nested too) that hold ids, for fetching real ones. */
function idNames(schema: JsonSchema | undefined, out = new Set<string>()): Set<string> {
  if (!schema) return out;
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    if (/Ids?$/.test(key)) out.add(key);
    idNames(child, out);
  }
  if (schema.items) idNames(schema.items, out);
  for (const b of [...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) idNames(b, out);
  return out;
}

describe('bad input on every route', () => {
  it('sees a committed insert, update and delete, and nothing of a write rolled back (its own checks can fail)', async () => {
    const db = h.services.deps.db;
    const sessions = async () => Number((await rawRows<{ n: string }>(db, sql`select count(*)::text as n from sessions`))[0]!.n);
    await watcher.reset();
    expect((await watcher.check(false)).wrote).toBe(false);
    // A login inserts a session and an audit entry.
    await h.as('fz.officer');
    const login = await watcher.check(true);
    expect(login.wrote).toBe(true);
    expect(login.tables.map((t) => t.table)).toEqual(expect.arrayContaining(['sessions', 'audit_log']));
    // An update changes no count: its new row version gives it away.
    const n = await sessions();
    await db.execute(sql`update sessions set last_seen_at = last_seen_at where user_id = (select id from users where username = 'fz.officer')`);
    expect((await watcher.check(false)).tables).toEqual([{ table: 'sessions', before: n, after: n, fresh: 1 }]);
    await watcher.reset();
    await db.execute(sql`delete from sessions where user_id = (select id from users where username = 'fz.officer')`);
    expect((await watcher.check(false)).tables).toEqual([{ table: 'sessions', before: n, after: n - 1, fresh: 0 }]);
    await watcher.reset();
    // A write rolled back leaves nothing.
    await db
      .transaction(async (tx) => {
        await tx.execute(sql`update sessions set last_seen_at = now()`);
        tx.rollback();
      })
      .catch(() => undefined);
    expect((await watcher.check(false)).wrote).toBe(false);
    // A value found only escaped is reported as altered.
    expect(asSent([{ json: JSON.stringify({ t: '&lt;b&gt;' }) }], '<b>')).toEqual({ kept: false, altered: ['&lt;b&gt;'] });
    expect(asSent([{ json: JSON.stringify({ t: "x ' OR 1=1 --" }) }], "' OR 1=1 --")).toEqual({ kept: true, altered: [] });
  });

  it(
    'answers every fuzzed request with a 2xx where it may be valid or a structured 4xx, never a 5xx, keeps answering, and writes nothing it refuses',
    async () => {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const failures: string[] = [];
      const chosen = routes.filter((r) => !ONLY || ONLY.test(r.key));
      expect(chosen.length, 'routes to fuzz').toBeGreaterThan(0);
      if (!ONLY) expect(routes.length, 'the OpenAPI description lists the API').toBeGreaterThan(200);

      for (const route of chosen) {
        for (const name of idNames(route.body?.schema)) await world.prefetch(name);
        const pathPools = await world.pathPools(route);
        const state: RouteState = { route, candidate: 0, locked: route.public };
        for (const plan of planFor({ route, world: world.world, pathPools })) {
          const seed = seedFor(route.key, plan.kind);
          try {
            await fc.assert(
              fc.asyncProperty(fc.limitShrink(plan.arbitrary, 40), async (req) => {
                const problems = await exercise(state, req);
                if (problems.length) throw new Error(problems.join('\n'));
              }),
              { seed, numRuns: plan.constant ? 1 : RUNS, includeErrorInReport: true },
            );
          } catch (error) {
            failures.push(`${route.key} [${plan.kind}] FUZZ_SEED=${SEED} (property seed ${seed}):\n${(error as Error).message.slice(0, 3000)}`);
            await watcher.reset();
          }
        }
        const health = await h.anonymous().get('/api/health');
        if (health.statusCode !== 200 || health.json().ok !== true) failures.push(`after ${route.key}: /api/health answered ${health.statusCode} ${health.body.slice(0, 200)}`);
      }

      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      const count = (m: Map<string | number, number>) => [...m].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k}: ${n}`).join(', ');
      const fivexx = [...stats.byStatus].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
      const users = new Map<string, number>();
      for (const u of stats.entitledBy.values()) bump(users, u);
      const summary = `[bad input] ${chosen.length} routes, ${stats.requests} requests, ${seconds.toFixed(1)} s (${cpuSeconds.toFixed(1)} s CPU in this process), ${h.services.deps.dbKind}, FUZZ_RUNS=${RUNS}, FUZZ_SEED=${SEED}; statuses ${count(stats.byStatus as Map<string | number, number>)}; 4xx by code ${count(stats.byCode)}; 5xx = ${fivexx}`;
      console.log(summary);
      // The details, for long runs, logged runs and failures.
      if (process.env.FUZZ_RUNS || LOG || failures.length) {
        console.log(
          [
            `  accepted by kind: ${count(stats.acceptedByKind)}; injections accepted and stored verbatim: ${stats.injectionsStored}, accepted without a write: ${stats.injectionsAcceptedWithoutWrite}`,
            `  time by kind (request and write check): ${[...stats.msByKind].sort((a, b) => b[1] - a[1]).map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)} s`).join(', ')}`,
            `  write checks that scanned every table: ${watcher.slowChecks} (of ${watcher.tableCount} tables)`,
            `  routes per account: ${count(users)}${stats.noneEntitled.length ? `; no account let through: ${stats.noneEntitled.join(', ')}` : ''}`,
            ...(stats.nonChineseMessages.size ? [`  4xx messages without Chinese: ${[...stats.nonChineseMessages].map(([c, m]) => `${c} (${m})`).join('; ')}`] : []),
          ].join('\n'),
        );
      }
      expect(failures, failures.join('\n\n')).toEqual([]);
      expect(fivexx).toBe(0);
    },
    60_000 + RUNS * 900_000,
  );

  it('knows every body limit that is not 1 MB: each route takes a body of its limit and answers 413 to one byte more', async () => {
    const keys = new Set(routes.map((r) => r.key));
    for (const key of Object.keys(UPLOADS)) expect(keys.has(key), `${key} is in the OpenAPI description`).toBe(true);
    const failures: string[] = [];
    for (const [key, upload] of Object.entries(UPLOADS)) {
      const route = routes.find((r) => r.key === key)!;
      const pools = await world.pathPools(route);
      const url = route.path.replace(/\{(\w+)\}/g, (_, n: string) => pools[n]?.[0] ?? '00000000-0000-4000-8000-000000000000') + (route.query.length ? '?title=t&fileName=a.pdf' : '');
      const client = route.public ? h.anonymous() : await clientOf(stats.entitledBy.get(key) ?? 'samr.admin');
      const type = upload.types[0] ?? 'application/json';
      // Bytes that are none of the accepted files (no signature): read whole, then refused by the route itself — or, for the PDF check, looked up.
      const body = (size: number) => (type === 'application/json' ? `"${'x'.repeat(size - 2)}"` : Buffer.alloc(size, 0x20));
      for (const [size, tooLarge] of [
        [upload.limit, false],
        [upload.limit + 1, true],
      ] as const) {
        await watcher.reset();
        const res = await client.request({ method: route.method, url, payload: body(size), headers: { 'content-type': type } });
        const is413 = res.statusCode === 413 && res.json().error?.code === 'PAYLOAD_TOO_LARGE';
        if (is413 !== tooLarge || res.statusCode >= 500) failures.push(`${key}: ${size} B of ${type} answered ${res.statusCode} ${res.body.slice(0, 120)}`);
        const check = await watcher.check(false);
        if (check.wrote) failures.push(`${key}: ${size} B wrote ${check.tables.map((t) => t.table).join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses what the fuzzing found slipping through, each with a structured 4xx and nothing written', async () => {
    const admin = await clientOf('samr.admin');
    const enterprise = (await admin.get('/api/enterprises?pageSize=1')).json().items[0] as { id: string; uscc: string };
    const wrongCheck = enterprise.uscc.slice(0, 17) + [...USCC_ALPHABET].find((c) => c !== enterprise.uscc[17]);
    const cases: [string, () => Promise<LightMyRequestResponse>, number, string, string?][] = [
      // Was a 500: PostgreSQL cannot hold or compare U+0000.
      ['U+0000 in a query', () => admin.get('/api/lab/test-items?standard=nul%00byte'), 400, 'VALIDATION_FAILED', 'standard'],
      ['U+0000 in a body', () => admin.post('/api/epidemic-qa', { question: '口罩可以重复使用吗\u0000', answer: '不建议', topic: 'mask' }), 400, 'VALIDATION_FAILED', 'question'],
      // Were Fastify's own answers, without the security headers, echoing the path.
      ['a path parameter over 100 characters', () => admin.get(`/api/enterprises/${'a'.repeat(101)}`), 414, 'URI_TOO_LONG'],
      ['a malformed escape in the path', () => admin.get('/api/enterprises/%zz'), 400, 'BAD_URL'],
      // Was a 200 (an empty update): Zod takes a Buffer for an object of optional fields.
      ['a PNG as the body of a JSON update', () => admin.request({ method: 'PATCH', url: `/api/enterprises/${enterprise.id}`, payload: Buffer.from('89504e470d0a1a0a', 'hex'), headers: { 'content-type': 'image/png' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      // Was stored.
      ['a fee rule for a region that does not exist', () => admin.post('/api/fee-rules', { name: '不存在的地区', condition: 'epidemic', reductionPercent: 1, effectiveFrom: '2026-01-01', regionCode: '123456' }), 400, 'VALIDATION_FAILED', 'regionCode'],
      // Was accepted: the import checked the length only, where the web checks the code.
      ['an opinion naming a USCC with a wrong check character', () => admin.post('/api/risk/opinions', { items: [{ date: '2026-01-01', source: '微博', text: '测试', enterpriseUscc: wrongCheck, regionCode: '510104' }] }), 400, 'VALIDATION_FAILED', 'items.0.enterpriseUscc'],
    ];
    await watcher.reset();
    // Soft: each case says for itself whether it holds.
    for (const [what, send, status, code, field] of cases) {
      const res = await send();
      expect.soft(res.statusCode, `${what}: ${res.body}`).toBe(status);
      expect.soft(res.body, what).toMatch(/^\{"error":\{"code":"[A-Z_]+","message":"[^"]*[\u4e00-\u9fff]/);
      expect.soft(res.body, what).toContain(`"code":"${code}"`);
      if (field) expect.soft(res.body, what).toContain(`"field":"${field}"`);
      expect.soft(res.headers['x-content-type-options'], what).toBe('nosniff');
      expect.soft(res.body, what).not.toContain('a'.repeat(101));
      const check = await watcher.check(false);
      expect.soft(check.wrote, what).toBe(false);
      if (check.wrote) await watcher.reset();
    }
  });
});

