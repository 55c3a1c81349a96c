import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '@shijian/contracts';
import { rawRows } from '../db/client.js';
import type { Actor } from '../platform/actor.js';
import { createHarness, type Client, type Harness } from '../../test/harness.js';
import { apiRoutes, fillPath, type ApiRoute } from '../../test/openapi.js';
import { ABSENT_ID, sampleOf } from './access-matrix/bodies.js';
import { addFujianRecords } from './access-matrix/fixtures.js';
import { leaksIn, markersFor, type Markers } from './access-matrix/leaks.js';
import { loadRows, picker, uuidsIn, type FamilyName, type Row } from './access-matrix/resources.js';
import { ACTORS, RULES, type Rule } from './access-matrix/rules.js';

/**
 * The access matrix (issue 8): every route of the OpenAPI description × every role × a record
 * in the caller's scope and one out of it, from the demo database; and every non-public route
 * without a session. Out of scope looks like absent — 404, or 403 when the role may not use the
 * route whatever the record — and no answer names a record out of the caller's scope. The
 * routes come from the description and the expectations from ./access-matrix/rules.ts, so a
 * new route without a rule fails the first test.
 */

const started = Date.now();
let h: Harness;
let routes: ApiRoute[];
let rows: Row[];
let pick: ReturnType<typeof picker>;
const actors = new Map<Role, { username: string; actor: Actor; client: Client; markers: Markers; whileWriting: Markers }>();
const stats = { requests: 0, leaks: 0, probes: { outOfScope: 0, onRecords: 0, inScope: 0, lists: 0 } };
/** Audit entries: what the people of each org acted on. */
let acted: { entity: string; org: string | null; region: string | null }[] = [];
/** The records people in the actor's scope acted on: the audit log may name them. */
function actedOnBy(actor: Actor): string[] {
  const { scope } = actor;
  return acted
    .filter((e) => scope.kind === 'all' || (scope.kind === 'region' ? (e.region ?? '').startsWith(scope.prefix) : scope.kind === 'org' && e.org === scope.orgId))
    .map((e) => e.entity);
}
/** Routes a role is refused whatever the record (403 for an out-of-scope and an absent id): in scope it must be refused too. */
const refused = new Set<string>();

const CONCURRENCY = 4;
async function pool<T>(items: T[], work: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < items.length) await work(items[next++]!);
  }));
}

const auditHead = async () => Number((await rawRows<{ n: string }>(h.services.deps.db, sql`select coalesce(max(id), 0)::text as n from audit_log`))[0]!.n);
const auditSince = (head: number) =>
  rawRows<{ action: string; entity_type: string; entity_id: string }>(h.services.deps.db, sql`select action, entity_type, entity_id from audit_log where id > ${head} order by id`);

type Answer = {
  status: number;
  /** The answer's text (JSON or text; a PDF or workbook is not searched). */
  body: string;
  code?: string;
  /** The id a 404 names back (`error.details.id`): the one asked for, as for any absent id. */
  detailsId?: string;
  /** The body without that echo: what it tells beyond what the caller sent. */
  beyondEcho: string;
};

function answer(res: LightMyRequestResponse): Answer {
  const type = String(res.headers['content-type'] ?? '');
  const body = type.includes('application/json') || type.startsWith('text/') ? res.body : '';
  if (!type.includes('application/json') || res.statusCode < 400) return { status: res.statusCode, body, beyondEcho: body };
  const parsed = res.json() as { error?: { code?: string; details?: { id?: unknown } } };
  const detailsId = typeof parsed.error?.details?.id === 'string' ? parsed.error.details.id : undefined;
  if (detailsId) delete parsed.error!.details!.id;
  return { status: res.statusCode, body, code: parsed.error?.code, detailsId, beyondEcho: JSON.stringify(parsed) };
}

/** Sends one request of a route with the given placeholders; writes carry the smallest body the schema accepts. */
async function call(client: Client, route: ApiRoute, params: Record<string, string>, options: { query?: string; body?: unknown; row?: Row } = {}): Promise<Answer> {
  const rule = RULES[route.key]!;
  const query =
    options.query ?? (rule.kind === 'record' && rule.query ? rule.query({ ...options.row?.params, ...params }) : rule.kind === 'public' || rule.kind === 'shared' ? rule.query : undefined);
  const url = fillPath(route, params) + (query ? `?${query}` : '');
  const raw = rule.kind === 'record' ? rule.raw : undefined;
  stats.requests++;
  if (raw) return answer(await client.request({ method: route.method, url, payload: await raw.payload(), headers: { 'content-type': raw.contentType } }));
  const generated = route.body ? sampleOf(route.body.schema, route.key) : undefined;
  const body = options.body ?? (rule.kind === 'record' && rule.body ? { ...(generated as object), ...rule.body } : generated);
  return answer(await client.request({ method: route.method, url, payload: body as never }));
}

/** Fails with every problem listed, one a line (a diff of a long array would be cut short). */
function expectNone(problems: string[]) {
  expect(problems, `\n${[...problems].sort().join('\n')}\n`).toHaveLength(0);
}

const describeAnswer = (a: Answer) => `${a.status}${a.code ? ` ${a.code}` : ''}`;
const isWrite = (route: ApiRoute) => route.method !== 'GET';
/** Placeholders no record has: an unused id, or a well-formed code (a period key, a cell) of nothing. */
const absentParams = (route: ApiRoute) => Object.fromEntries(route.pathParams.map((p) => [p.name, String(sampleOf(p.schema, `${route.key} {${p.name}}`))]));
function paramsOf(route: ApiRoute, row: Row, rule: Extract<Rule, { kind: 'record' }>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const p of route.pathParams) {
    const value = rule.absent?.includes(p.name) ? ABSENT_ID : row.params[p.name];
    if (value === undefined) throw new Error(`${route.key}: family ${rule.family} gives no {${p.name}}`);
    params[p.name] = value;
  }
  return params;
}

/** The largest page a list allows, so an out-of-scope record cannot hide on page two. */
function listQuery(route: ApiRoute, extra?: string) {
  const size = route.query.find((q) => q.name === 'pageSize');
  const parts = [size ? `pageSize=${size.schema.maximum ?? 100}` : '', extra ?? ''].filter(Boolean);
  return parts.join('&');
}

beforeAll(async () => {
  h = await createHarness();
  routes = await apiRoutes(h.app);
  await addFujianRecords(h.services);
  // Risk scores and warnings are built on first read; built now, so that later reads write nothing.
  await h.services.risk.warnings(h.system, { page: 1, pageSize: 1, order: 'desc' });
  // Signed in together: each login hashes a password (scrypt), which runs off the main thread.
  const signedIn = await Promise.all(ROLES.map(async (role) => ({ role, actor: await h.actor(ACTORS[role]), client: await h.as(ACTORS[role]) })));
  for (const { role, actor, client } of signedIn) actors.set(role, { username: ACTORS[role], actor, client, markers: undefined as never, whileWriting: undefined as never });
  rows = await loadRows(h.services.deps.db, Object.values(ACTORS));
  pick = picker(rows, (actor) => ROLES.findIndex((role) => ACTORS[role] === actor.username));
  // While the sweep writes, its own people act on records in each other's scope and are rightly named there.
  const othersThanTheSweep = rows.filter((r) => !(r.family === 'user' && r.extra.signedIn));
  for (const a of actors.values()) {
    a.markers = markersFor(a.actor, rows);
    a.whileWriting = markersFor(a.actor, othersThanTheSweep);
  }
  acted = await rawRows(h.services.deps.db, sql`select a.entity_id as entity, o.id as org, o.region_code as region from audit_log a left join orgs o on o.id = a.actor_org_id`);
});

afterAll(async () => {
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const { outOfScope, onRecords, inScope, lists } = stats.probes;
  console.log(
    `access matrix: ${routes?.length ?? 0} routes × ${actors.size} roles, ${stats.requests} requests ` +
      `(out of scope ${outOfScope}, ${onRecords} of them on records, the rest on absent ids; in scope ${inScope}; lists ${lists}; ` +
      `${refused.size} role × route refused whatever the record), ${stats.leaks} leaks, ${seconds} s`,
  );
  await h?.close();
});

describe('the rules', () => {
  it('cover every route of the OpenAPI description, and no route that is gone', () => {
    const described = new Set(routes.map((r) => r.key));
    expect(routes.filter((r) => !RULES[r.key]).map((r) => `no rule for ${r.key}`)).toEqual([]);
    expect(Object.keys(RULES).filter((k) => !described.has(k)).map((k) => `rule for a route that no longer exists: ${k}`)).toEqual([]);
    const wrong = routes.filter((r) => RULES[r.key]!.kind !== 'session' && (RULES[r.key]!.kind === 'public' ? !r.public : r.public)).map((r) => `${r.key}: public is ${r.public}`);
    expect(wrong).toEqual([]);
  });
});

/**
 * Roles with no record of a family out of their scope, even with the records ./access-matrix/fixtures.ts
 * adds: their out-of-scope probes fall back to an absent id. Any other gap fails, so that a change
 * of the demo world cannot quietly turn the matrix into a sweep of absent ids.
 */
const NOTHING_OUT_OF_SCOPE: { roles: Role[]; families: FamilyName[]; reason: string }[] = [
  { roles: ['regulator_admin', 'statistician', 'leader'], families: ['draw', 'target'], reason: 'the one draw is 成都市局’s (the county officer has it out of scope)' },
  { roles: ['regulator_admin', 'statistician', 'leader'], families: ['template', 'period', 'cell'], reason: 'the templates are national ones, which every province sees (the county officer sees none)' },
];

describe('the records', () => {
  it('give every role a record out of its scope of every family, but the gaps named', () => {
    const families = [...new Set(Object.values(RULES).flatMap((r) => (r.kind === 'record' || r.kind === 'ref' ? [r.family] : [])))];
    const gaps = [...actors.entries()]
      .filter(([, a]) => a.actor.scope.kind !== 'all')
      .flatMap(([role, a]) => families.filter((f) => !pick(a.actor, f).outOfScope).map((f) => `${role} ${f}`));
    const named = NOTHING_OUT_OF_SCOPE.flatMap((g) => g.roles.flatMap((role) => g.families.map((f) => `${role} ${f}`)));
    expect(gaps.sort()).toEqual(named.sort());
  });
});

describe('without a session', () => {
  it('every non-public route answers 401 with a structured error, public routes answer, and nothing is written', async () => {
    const anonymous = h.anonymous();
    const head = await auditHead();
    const problems: string[] = [];
    await pool(routes, async (route) => {
      const rule = RULES[route.key]!;
      const params = { ...absentParams(route), ...(rule.kind === 'public' ? rule.params : {}) };
      const a = await call(anonymous, route, params, { body: route.body ? {} : undefined });
      if (route.public) {
        if (a.status === 401 || a.status >= 500) problems.push(`${route.key}: public route answered ${describeAnswer(a)}`);
      } else if (a.status !== 401 || a.code !== 'UNAUTHENTICATED') {
        problems.push(`${route.key}: answered ${describeAnswer(a)} without a session`);
      }
    });
    expectNone(problems);
    expect(await auditSince(head)).toEqual([]);
  });
});

describe.each(ROLES.map((role) => [role, ACTORS[role]] as const))('%s (%s)', (role) => {
  it('gets what an absent id gets for every record out of its scope, on every record route, and writes nothing', async () => {
    const { actor, client, markers } = actors.get(role)!;
    const head = await auditHead();
    const problems: string[] = [];
    const leak = (message: string) => {
      stats.leaks++;
      problems.push(message);
    };
    await pool(routes, async (route) => {
      const rule = RULES[route.key]!;
      if (rule.kind === 'ref') {
        const { outOfScope } = pick(actor, rule.family);
        if (!outOfScope) return;
        const base = sampleOf(route.body!.schema, route.key) as Record<string, unknown>;
        stats.probes.outOfScope++;
        const out = await call(client, route, {}, { body: { ...base, [rule.field]: outOfScope.id } });
        const absent = await call(client, route, {}, { body: { ...base, [rule.field]: ABSENT_ID } });
        if (out.status !== absent.status || out.code !== absent.code) leak(`${route.key} with ${rule.field} of ${rule.family} ${outOfScope.id}: ${describeAnswer(out)}, an absent one ${describeAnswer(absent)}`);
        for (const m of leaksIn(out.beyondEcho, markers)) leak(`${route.key} with ${rule.field} out of scope names ${m}`);
        for (const m of outOfScope.markers.filter((t) => out.beyondEcho.includes(t))) leak(`${route.key} with ${rule.field} out of scope names it: ${m}`);
        // Absent and out of scope may be refused together as "not found or not yours" on the field itself.
        const onField = absent.body.includes(`"field":"${rule.field}"`);
        if (absent.status === 403) refused.add(`${role} ${route.key}`);
        else if (absent.status !== 404 && !onField) problems.push(`${route.key}: refused before ${rule.field} was looked up (${describeAnswer(absent)}): give the rule a body that reaches it`);
        return;
      }
      if (rule.kind !== 'record') return;
      const { outOfScope } = pick(actor, rule.family);
      const sent = outOfScope ? paramsOf(route, outOfScope, rule) : absentParams(route);
      stats.probes.outOfScope++;
      if (outOfScope) stats.probes.onRecords++;
      const out = await call(client, route, sent, { row: outOfScope });
      const what = outOfScope ? `${rule.family} ${outOfScope.id}` : 'an absent id';
      // Beyond the id it was asked for, named back in a 404, the answer names nothing out of scope.
      for (const m of leaksIn(out.beyondEcho, markers)) leak(`${route.key} on ${what} names ${m}`);
      for (const id of uuidsIn(Object.values(sent).join(' ')).filter((v) => v !== ABSENT_ID && out.beyondEcho.includes(v))) leak(`${route.key} on ${what} names it: ${id}`);
      for (const m of outOfScope?.markers.filter((t) => out.beyondEcho.includes(t)) ?? []) leak(`${route.key} on ${what} names it: ${m}`);
      if (out.status === 404) {
        if (out.code !== 'NOT_FOUND') problems.push(`${route.key} on ${what}: 404 ${out.code} (the route was not matched: check the rule)`);
        return;
      }
      if (out.status >= 400 && out.status < 500) {
        const absent = await call(client, route, absentParams(route));
        if (absent.status !== out.status || absent.code !== out.code) leak(`${route.key} on ${what}: ${describeAnswer(out)}, an absent one ${describeAnswer(absent)}`);
        else if (out.status === 403) refused.add(`${role} ${route.key}`);
        // Refused before the lookup (a body the contracts reject) proves nothing about scope.
        else problems.push(`${route.key}: refused before the record was looked up (${describeAnswer(out)}): give the rule a body that reaches it`);
        return;
      }
      if (out.status >= 500) problems.push(`${route.key} on ${what}: ${describeAnswer(out)}`);
      else leak(`${route.key} on ${what}: answered ${describeAnswer(out)}, not as absent`);
    });
    expectNone(problems);
    const written = await auditSince(head);
    stats.leaks += written.length;
    expect(written, 'audit entries written by out-of-scope requests').toEqual([]);
  });

  it('finds no marker of a record out of its scope in any list or search', async () => {
    const { actor, client, markers } = actors.get(role)!;
    const problems: string[] = [];
    await pool(routes, async (route) => {
      const rule = RULES[route.key]!;
      if (route.method !== 'GET' || (rule.kind !== 'list' && rule.kind !== 'shared' && rule.kind !== 'public')) return;
      stats.probes.lists++;
      const params = { ...absentParams(route), ...(rule.kind === 'public' ? rule.params : {}) };
      const a = await call(client, route, params, { query: listQuery(route, typeof rule.query === 'function' ? rule.query(rows) : rule.query) });
      if (rule.kind === 'public') {
        if (a.status >= 500 || a.status === 401) problems.push(`${route.key}: ${describeAnswer(a)}`);
        return;
      }
      if (a.status >= 500 || a.status === 401 || a.status === 404 || a.status === 400) problems.push(`${route.key}: ${describeAnswer(a)}`);
      if (rule.kind === 'shared') return;
      for (const m of leaksIn(a.body, markers, rule.kind === 'list' && rule.audit ? actedOnBy(actor) : [])) {
        stats.leaks++;
        problems.push(`${route.key} names ${m}`);
      }
    });
    expectNone(problems);
  });

  it('finds each record in its scope on every route that does not refuse the role', async () => {
    const { actor, client, markers } = actors.get(role)!;
    const problems: string[] = [];
    await pool(
      routes.filter((r) => !isWrite(r)),
      async (route) => {
        const rule = RULES[route.key]!;
        if (rule.kind !== 'record') return;
        const { inScope } = pick(actor, rule.family);
        if (!inScope) return;
        const sent = paramsOf(route, inScope, rule);
        stats.probes.inScope++;
        const a = await call(client, route, sent, { row: inScope });
        problems.push(...judgeInScope(role, route, rule, inScope, sent, a));
        for (const m of leaksIn(a.body, markers, Object.values(sent))) {
          stats.leaks++;
          problems.push(`${route.key} on ${rule.family} ${inScope.id} names ${m}`);
        }
      },
    );
    expectNone(problems);
  });
});

function judgeInScope(role: Role, route: ApiRoute, rule: Extract<Rule, { kind: 'record' }>, row: Row, sent: Record<string, string>, a: Answer): string[] {
  const what = `${route.key} on ${rule.family} ${row.id}`;
  if (a.status >= 500) return [`${what}: ${describeAnswer(a)}`];
  if (refused.has(`${role} ${route.key}`)) return a.status === 403 ? [] : [`${what}: ${describeAnswer(a)}, but 403 out of scope and for an absent id (the refusal depends on the record)`];
  // Whether a role may write to a record it sees is the modules' business; reads must find it.
  if (a.status === 404 && !isWrite(route)) {
    const named = a.detailsId && rule.absent?.some((p) => sent[p] === a.detailsId);
    if (!named) return [`${what}: 404 ${a.code ?? ''} ${a.detailsId ?? ''} in scope`];
  }
  return [];
}

// Writes last: they change the demo world the reads above are judged against.
describe.each(ROLES.map((role) => [role, ACTORS[role]] as const))('%s (%s), writing', (role) => {
  it('writes to records in its scope, and without a record, with no server error and nothing out of scope in the answer', async () => {
    const { actor, client, whileWriting: markers } = actors.get(role)!;
    const problems: string[] = [];
    // One at a time, deletions last: each write may change the record the next one uses.
    const writes = routes.filter(isWrite).sort((a, b) => Number(a.method === 'DELETE') - Number(b.method === 'DELETE'));
    for (const route of writes) {
      const rule = RULES[route.key]!;
      if (rule.kind === 'record') {
        const { inScope } = pick(actor, rule.family);
        if (!inScope || inScope.extra.signedIn) continue;
        const sent = paramsOf(route, inScope, rule);
        stats.probes.inScope++;
        const a = await call(client, route, sent, { row: inScope });
        problems.push(...judgeInScope(role, route, rule, inScope, sent, a));
        for (const m of leaksIn(a.body, markers, Object.values(sent))) {
          stats.leaks++;
          problems.push(`${route.key} on ${rule.family} ${inScope.id} names ${m}`);
        }
      } else if (rule.kind === 'write' || rule.kind === 'ref' || rule.kind === 'reference') {
        // Reference data is written with a valid body (a far-off calendar day, a no-op change of a category); the rest with an empty one.
        const a = rule.kind === 'reference' ? await call(client, route, rule.params) : await call(client, route, {}, { body: route.body ? {} : undefined });
        if (a.status >= 500 || a.status === 401) problems.push(`${route.key}: ${describeAnswer(a)}`);
        for (const m of leaksIn(a.body, markers)) {
          stats.leaks++;
          problems.push(`${route.key} names ${m}`);
        }
      }
    }
    expectNone(problems);
  });
});
