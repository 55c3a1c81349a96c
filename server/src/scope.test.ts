import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../test/harness.js';

/**
 * Scope, route by route: for every route that returns records, an actor in
 * scope sees the record and actors outside it get nothing — 404 for the id, or
 * a list without it. A new data route must be added here (the last test fails
 * otherwise).
 */
let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

type Resource = { id: string; name: string };
const resources: Record<string, Resource> = {};

async function find(list: string, name: string): Promise<Resource> {
  const res = (await (await h.as('admin')).get(`${list}${list.includes('?') ? '&' : '?'}q=${encodeURIComponent(name)}&pageSize=100`)).json();
  const item = res.items.find((i: { name?: string; username?: string }) => (i.name ?? i.username) === name);
  if (!item) throw new Error(`${name} not found in ${list}`);
  return { id: item.id, name };
}

beforeAll(async () => {
  resources.enterprise = await find('/api/enterprises', '成都康宁医疗用品有限公司'); // 510107 武侯区
  resources.institution = await find('/api/institutions', '四川省产品质量监督检验检测院'); // 510104 锦江区
  resources.org = await find('/api/orgs', '成都市武侯区市场监督管理局');
  resources.user = await find('/api/users', 'wh.officer');
  resources.instrument = await find('/api/instruments', '电子天平'); // 四川省产品质量监督检验检测院
  const samples = (await (await h.as('scqi.receptionist')).get('/api/lab/samples?pageSize=100')).json().items;
  const commissioned = samples.find((x: { productName: string }) => x.productName === 'KN95 防护口罩'); // commissioned by 武侯区局
  resources.sample = { id: commissioned.id, name: commissioned.sampleNo };
});

type Case = {
  resource: keyof typeof resources;
  list: string;
  byId: (id: string) => string;
  inScope: string[];
  outOfScope: string[];
};

const CASES: Case[] = [
  {
    resource: 'enterprise',
    list: '/api/enterprises',
    byId: (id) => `/api/enterprises/${id}`,
    inScope: ['samr.stat', 'sc.stat', 'cd.officer', 'wh.officer', 'kangning', 'admin'],
    outOfScope: ['fj.admin', 'fz.officer', 'yt.officer', 'jj.officer', 'minkang'],
  },
  {
    resource: 'institution',
    list: '/api/institutions',
    byId: (id) => `/api/institutions/${id}`,
    inScope: ['samr.stat', 'sc.admin', 'cd.officer', 'jj.officer', 'scqi.tester', 'admin'],
    outOfScope: ['fj.admin', 'sn.stat', 'wh.officer', 'fjmi.admin', 'snse.admin'],
  },
  {
    resource: 'org',
    list: '/api/orgs',
    byId: (id) => `/api/orgs/${id}`,
    inScope: ['samr.admin', 'sc.admin', 'cd.officer', 'wh.officer', 'admin'],
    outOfScope: ['fj.admin', 'jj.officer', 'scqi.admin', 'kangning', 'yt.officer'],
  },
  {
    resource: 'instrument',
    list: '/api/instruments',
    byId: (id) => `/api/instruments/${id}`,
    inScope: ['samr.stat', 'sc.admin', 'jj.officer', 'scqi.tester', 'admin'],
    outOfScope: ['fj.admin', 'wh.officer', 'fjmi.admin', 'kangning', 'minkang'],
  },
  {
    resource: 'sample',
    list: '/api/lab/samples',
    byId: (id) => `/api/lab/samples/${id}`,
    inScope: ['scqi.tester', 'scqi.receptionist', 'wh.officer', 'cd.officer', 'sc.admin', 'samr.stat'],
    outOfScope: ['jj.officer', 'fj.admin', 'fjmi.admin', 'kangning', 'minkang', 'admin'],
  },
  {
    resource: 'user',
    list: '/api/users',
    byId: (id) => `/api/users/${id}`,
    inScope: ['samr.admin', 'sc.admin', 'admin'],
    outOfScope: ['fj.admin', 'sn.admin', 'scqi.admin', 'fjmi.admin'],
  },
];

describe.each(CASES)('$resource', ({ resource, list, byId, inScope, outOfScope }) => {
  it.each(inScope)(`is visible to %s (in scope)`, async (username) => {
    const { id } = resources[resource]!;
    const c = await h.as(username);
    expect((await c.get(byId(id))).statusCode).toBe(200);
    const ids = (await c.get(`${list}?pageSize=100`)).json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(id);
  });

  it.each(outOfScope)(`is absent for %s (out of scope): 404 by id, missing from lists`, async (username) => {
    const { id, name } = resources[resource]!;
    const c = await h.as(username);
    const one = await c.get(byId(id));
    expect([403, 404]).toContain(one.statusCode);
    expect(one.body).not.toContain(name);
    const many = await c.get(`${list}?pageSize=100`);
    if (many.statusCode === 200) {
      expect(many.json().items.map((i: { id: string }) => i.id)).not.toContain(id);
      expect(many.body).not.toContain(name);
    } else {
      expect(many.statusCode).toBe(403);
    }
  });
});

describe('writes to out-of-scope records look like missing records', () => {
  it.each([
    ['fj.admin', 'PATCH', (r: typeof resources) => `/api/enterprises/${r.enterprise!.id}`, { name: 'x' }],
    ['jj.officer', 'PATCH', (r: typeof resources) => `/api/enterprises/${r.enterprise!.id}`, { name: 'x' }],
    ['fj.admin', 'PATCH', (r: typeof resources) => `/api/institutions/${r.institution!.id}`, { address: 'x' }],
    ['fj.admin', 'POST', (r: typeof resources) => `/api/institutions/${r.institution!.id}/scopes`, { domain: 'x', parameter: 'x', standard: 'x' }],
    ['fj.admin', 'PATCH', (r: typeof resources) => `/api/orgs/${r.org!.id}`, { name: 'x' }],
    ['fjmi.admin', 'PATCH', (r: typeof resources) => `/api/instruments/${r.instrument!.id}`, { status: 'retired' }],
    ['kangning', 'POST', (r: typeof resources) => `/api/instruments/${r.instrument!.id}/verifications`, { kind: 'verification', performedOn: '2026-01-01', validUntil: '2027-01-01', certificateNo: 'x', performedBy: 'x', passed: true }],
    ['fj.admin', 'PATCH', (r: typeof resources) => `/api/users/${r.user!.id}`, { displayName: 'x' }],
    ['fj.admin', 'POST', (r: typeof resources) => `/api/users/${r.user!.id}/reset-password`, { newPassword: 'Another#Pass2026' }],
  ] as const)('%s %s → 404', async (username, method, url, payload) => {
    const res = await (await h.as(username)).request({ method, url: url(resources), payload });
    expect(res.statusCode).toBe(404);
  });
});

describe('the audit log', () => {
  it('shows a province admin the entries of its subtree only', async () => {
    await (await h.as('wh.officer')).patch(`/api/enterprises/${resources.enterprise!.id}`, { address: '成都市武侯区武科西二路18号A座' });
    const sc = (await (await h.as('sc.admin')).get(`/api/audit?entityId=${resources.enterprise!.id}`)).json();
    expect(sc.items.map((i: { action: string }) => i.action)).toContain('enterprise.updated');
    const fj = (await (await h.as('fj.admin')).get(`/api/audit?entityId=${resources.enterprise!.id}`)).json();
    expect(fj.total).toBe(0);
    const inst = (await (await h.as('scqi.admin')).get('/api/audit?pageSize=100')).json();
    const scqiOrg = (await (await h.as('scqi.admin')).get('/api/auth/me')).json().org.id;
    expect(inst.items.every((i: { actorOrgId: string }) => i.actorOrgId === scqiOrg)).toBe(true);
  });

  it('lets only national and platform admins run the full verification', async () => {
    expect((await (await h.as('sc.admin')).post('/api/audit/verify')).statusCode).toBe(403);
    const ok = await (await h.as('samr.admin')).post('/api/audit/verify');
    expect(ok.json()).toMatchObject({ ok: true });
  });
});

describe('lab administration', () => {
  it('lists only the caller institution’s signatories', async () => {
    expect((await (await h.as('scqi.admin')).get('/api/lab/signatories')).json().length).toBeGreaterThan(0);
    expect((await (await h.as('fjmi.admin')).get('/api/lab/signatories')).json()).toEqual([]);
    expect((await (await h.as('sc.admin')).get('/api/lab/signatories')).statusCode).toBe(403);
  });

  it('lists only the caller institution’s testers and settings', async () => {
    const testers = (await (await h.as('scqi.receptionist')).get('/api/lab/testers')).json();
    expect(testers.map((t: { name: string }) => t.name)).toEqual(['川质检院检验员 邓超']);
    expect((await (await h.as('fjmi.admin')).get('/api/lab/testers')).json().map((t: { name: string }) => t.name)).toEqual(['闽计量院检定员 谢宇']);
    expect((await (await h.as('sc.admin')).get('/api/lab/testers')).statusCode).toBe(403);
    expect((await (await h.as('scqi.tester')).get('/api/lab/settings')).json()).toEqual({ blindTesting: true });
    expect((await (await h.as('sc.admin')).get('/api/lab/settings')).statusCode).toBe(403);
  });
});

/** Reference data is the same for everyone; these routes are not scoped by design. */
const REFERENCE_ROUTES = [
  'GET /api/health',
  'GET /api/auth/me',
  'GET /api/regions',
  'GET /api/regions/{code}/path',
  'GET /api/product-categories',
  'GET /api/calendar',
  'GET /api/calendar/working-days',
  // Catalogues of test items are published for the service window.
  'GET /api/lab/test-items',
  // The directory of bureaus is public information (who may commission a test).
  'GET /api/lab/commissioning-orgs',
  // Public verification returns only the minimal fields, by number and code.
  'GET /api/public/reports/verify',
];

/** Routes other modules prove scoped in their own tests: server/test/scope-coverage/<module>.ts. */
async function moduleCoverage(): Promise<string[]> {
  const dir = new URL('../test/scope-coverage/', import.meta.url);
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const lists = await Promise.all(files.map(async (f) => ((await import(new URL(f, dir).href)) as { routes: string[] }).routes));
  return lists.flat();
}

it('covers every GET route of the API', async () => {
  const spec = (await h.anonymous().get('/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
  const covered = new Set([
    ...REFERENCE_ROUTES,
    ...(await moduleCoverage()),
    ...CASES.flatMap((c) => [`GET ${c.list}`, `GET ${c.byId('{id}')}`]),
    'GET /api/audit',
    'GET /api/lab/signatories',
    'GET /api/lab/testers',
    'GET /api/lab/settings',
    // Counts only, computed with enterpriseScope; enterprises.test.ts compares county and nation.
    'GET /api/enterprises/by-category',
    // Reports share the sample's scope (sampleScope); reports.test.ts checks them in and out of scope.
    'GET /api/lab/reports',
    'GET /api/lab/reports/{id}',
    'GET /api/lab/reports/{id}/pdf',
    'GET /api/lab/reports/{id}/integrity',
    'GET /api/lab/samples/{id}/label',
  ]);
  const routes = Object.entries(spec.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
  const uncovered = routes.filter((r) => r.startsWith('GET ') && !covered.has(r));
  expect(uncovered).toEqual([]);
});
