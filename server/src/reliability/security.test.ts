import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp, XLSX_TYPE } from '../app.js';
import { rawRows } from '../db/client.js';
import { EPIDEMIC_CAMPAIGN } from '../demo/campaigns.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import { hashToken, LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from '../modules/identity/auth.js';
import { FixedClock } from '../platform/clock.js';
import { createHarness, type Harness } from '../../test/harness.js';

/**
 * Security basics (issue 8): login brute force, session fixation, CSRF, security headers and
 * cookies, uploads, secrets in the log. Each test fails when its protection goes.
 */

// Password hashing (scrypt, 32 MiB each) dominates; on a loaded two-core machine a test hashing dozens of guesses needs minutes.
vi.setConfig({ testTimeout: 180_000 });

let h: Harness;
const clock = new FixedClock(new Date());
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const count = async (table: string) =>
  Number((await rawRows<{ n: string }>(h.services.deps.db, sql.raw(`select count(*)::text as n from ${table}`)))[0]!.n);
const auditCount = () => count('audit_log');

const cookieOf = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'sj_session');
const login = (username: string, password: string, extra: { cookie?: string; csrf?: string; ip?: string; app?: FastifyInstance } = {}) =>
  (extra.app ?? h.app).inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
    remoteAddress: extra.ip ?? '127.0.0.1',
    headers: { ...(extra.cookie ? { cookie: `sj_session=${extra.cookie}` } : {}), ...(extra.csrf ? { 'x-csrf-token': extra.csrf } : {}) },
  });
const me = (cookie: string) => h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `sj_session=${cookie}` } });

/** A session made by hand: its cookie value and CSRF token. */
async function session(username: string, password = DEMO_PASSWORD) {
  const res = await login(username, password);
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: cookieOf(res)!.value, csrf: res.json().csrfToken as string };
}

function expectStructured(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error).toMatchObject({ code, message: expect.stringMatching(/[\u4e00-\u9fff]/) });
}

const orgIdOf = async (name: string) => (await (await h.as('sc.admin')).get(`/api/orgs?q=${encodeURIComponent(name)}`)).json().items[0].id as string;

describe('1. login brute force is throttled', () => {
  it(`locks one account after ${MAX_FAILED_LOGINS} wrong passwords (429 ACCOUNT_LOCKED in Chinese), refuses the right password while locked, and not other accounts`, async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expectStructured(await login('sn.stat', 'Wrong#Guess2026'), 401, 'INVALID_CREDENTIALS');
    const locking = await login('sn.stat', 'Wrong#Guess2026');
    expectStructured(locking, 429, 'ACCOUNT_LOCKED');
    expect(locking.json().error.message).toContain('锁定');
    const right = await login('sn.stat', DEMO_PASSWORD);
    expectStructured(right, 429, 'ACCOUNT_LOCKED');
    expect(cookieOf(right)).toBeUndefined();
    // Another account, from the same address, is unaffected.
    expect((await login('sn.admin', DEMO_PASSWORD)).statusCode).toBe(200);
    clock.advance(LOCKOUT_MINUTES * 60_000 + 1000);
    expect((await login('sn.stat', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('resets the count of failures at a successful login', async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await login('fj.stat', 'Wrong#Guess2026')).statusCode).toBe(401);
    expect((await login('fj.stat', DEMO_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await login('fj.stat', 'Wrong#Guess2026')).statusCode).toBe(401);
    expectStructured(await login('fj.stat', 'Wrong#Guess2026'), 429, 'ACCOUNT_LOCKED');
  });

  it('counts guesses sent in parallel one by one: 20 at once lock the account and only the first are answered', async () => {
    const failures = async () =>
      Number(
        (
          await rawRows<{ n: string }>(
            h.services.deps.db,
            sql`select count(*)::text as n from audit_log a join users u on u.id::text = a.entity_id where u.username = 'yt.officer' and a.action = 'auth.login_failed'`,
          )
        )[0]!.n,
      );
    const before = await failures();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('yt.officer', `Wrong#Guess${i}`)));
    const statuses = answers.map((r) => r.statusCode);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
    expect(statuses.filter((s) => s === 401).length).toBe(MAX_FAILED_LOGINS - 1);
    expect((await failures()) - before).toBe(MAX_FAILED_LOGINS);
    expectStructured(await login('yt.officer', DEMO_PASSWORD), 429, 'ACCOUNT_LOCKED');
  });

  it('throttles one address across usernames (20 a minute, then 429 RATE_LIMITED in Chinese), the right password included, and not other addresses', async () => {
    // The suite's harness lifts the per-address limit; this app has the production one.
    const app = await buildApp({ services: h.services, logLevel: 'silent' });
    try {
      // Sent together, so that hashing twenty guesses on a busy machine stays well within the minute.
      const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => login(`nobody${i}`, 'Wrong#Guess2026', { ip: '10.1.2.3', app })));
      expect(guesses.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
      const limited = await login('wh.inspector', DEMO_PASSWORD, { ip: '10.1.2.3', app });
      expectStructured(limited, 429, 'RATE_LIMITED');
      expect(cookieOf(limited)).toBeUndefined();
      expect(limited.headers['retry-after']).toBeDefined();
      expect((await login('wh.inspector', DEMO_PASSWORD, { ip: '10.9.9.9', app })).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

describe('2. session fixation is prevented', () => {
  it('replaces a session cookie present at login with a new one and ends the old session on the server', async () => {
    // A cookie planted by someone else: their own valid session, whose token they know.
    const planted = await session('kangning');
    const res = await login('minkang', DEMO_PASSWORD, { cookie: planted.cookie, csrf: planted.csrf });
    expect(res.statusCode, res.body).toBe(200);
    const after = cookieOf(res)!.value;
    expect(after).not.toBe(planted.cookie);
    expect((await me(after)).json().user.username).toBe('minkang');
    expect((await me(planted.cookie)).statusCode).toBe(401);
    expect(await rawRows(h.services.deps.db, sql`select 1 from sessions where token_hash = ${hashToken(planted.cookie)}`)).toEqual([]);

    // A made-up cookie value is never adopted as a session id.
    const madeUp = 'attacker-chosen-session-id-0123456789abcdef';
    const fresh = await login('minkang', DEMO_PASSWORD, { cookie: madeUp });
    expect(cookieOf(fresh)!.value).not.toBe(madeUp);
    expect((await me(madeUp)).statusCode).toBe(401);
  });

  it('refuses a login over a live session without that session’s CSRF token (no forced re-login)', async () => {
    const live = await session('kangning');
    expectStructured(await login('minkang', DEMO_PASSWORD, { cookie: live.cookie }), 403, 'CSRF_FAILED');
    expect((await me(live.cookie)).statusCode).toBe(200);
  });

  it('rotates the session id at a password change: the old cookie stops working, the new one (same CSRF token) works', async () => {
    const admin = await h.as('sc.admin');
    const orgId = await orgIdOf('成都市锦江区市场监督管理局');
    expect((await admin.post('/api/users', { username: 'jj.rotate', displayName: '会话轮换', orgId, roles: ['officer'], password: 'Jinjiang#Rotate26' })).statusCode).toBe(200);
    const before = await session('jj.rotate', 'Jinjiang#Rotate26');
    const changed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: `sj_session=${before.cookie}`, 'x-csrf-token': before.csrf },
      payload: { currentPassword: 'Jinjiang#Rotate26', newPassword: 'Jinjiang#Rotated27' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const rotated = cookieOf(changed)!;
    expect(rotated.value).not.toBe(before.cookie);
    expect(rotated).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect((await me(before.cookie)).statusCode).toBe(401);
    const now = await me(rotated.value);
    expect(now.statusCode).toBe(200);
    expect(now.json().csrfToken).toBe(before.csrf);
    const write = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `sj_session=${rotated.value}`, 'x-csrf-token': before.csrf } });
    expect(write.statusCode).toBe(200);
  });

  it('ends the session on the server at logout: the old cookie no longer works, and logout itself needs the CSRF token', async () => {
    const s = await session('fj.admin');
    expectStructured(await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `sj_session=${s.cookie}` } }), 403, 'CSRF_FAILED');
    expect((await me(s.cookie)).statusCode).toBe(200);
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `sj_session=${s.cookie}`, 'x-csrf-token': s.csrf } });
    expect(out.statusCode).toBe(200);
    const cleared = cookieOf(out)!;
    expect(cleared.value).toBe('');
    expect(new Date(cleared.expires!).getTime()).toBeLessThan(Date.now());
    expect((await me(s.cookie)).statusCode).toBe(401);
    expect(await rawRows(h.services.deps.db, sql`select 1 from sessions where token_hash = ${hashToken(s.cookie)}`)).toEqual([]);
    // Replaying the old cookie with its old token is a stranger's request.
    const replay = await h.app.inject({ method: 'POST', url: '/api/enterprises', headers: { cookie: `sj_session=${s.cookie}`, 'x-csrf-token': s.csrf }, payload: {} });
    expectStructured(replay, 401, 'UNAUTHENTICATED');
  });
});

/** Non-GET routes of the running app, from Fastify's own route tree (routes hidden from the docs included). */
function registeredWrites(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const writes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^([│ ]*)[├└]── (.*?)(?: \(([^)]*)\))?$/.exec(line);
    if (!m) continue;
    const depth = [...m[1]!].length / 4;
    stack.length = depth;
    const full = stack.join('') + m[2]!;
    stack.push(m[2]!);
    for (const method of (m[3] ?? '').split(', ').filter(Boolean)) {
      if (method !== 'GET' && method !== 'HEAD') writes.push(`${method} ${full.replace(/:(\w+)/g, '{$1}')}`);
    }
  }
  return writes.sort();
}

/**
 * Writes outside the API, which need no CSRF token, and why: outside /api/ the session cookie is
 * never read, so a forged request acts as the anonymous public and gains nothing a stranger lacks.
 */
const OUTSIDE_THE_API: Record<string, string> = {
  'POST /public/complaints': 'the portal’s complaint form (no script): always the anonymous public; the session is not read',
};

/** API writes answered without a session, and why. Signed in, they too refuse a request without the session’s token. */
const PUBLIC_API_WRITES: Record<string, string> = {
  'POST /api/auth/login': 'signing in is what creates a session',
  'POST /api/auth/logout': 'without a session there is nothing to end',
  'POST /api/public/reports/verify-file': 'anyone may check a PDF against the issued reports (reads only)',
  'POST /api/public/service-requests': 'the public may ask an institution for a technical service',
  'POST /api/public/complaints': 'the public may file a complaint or report',
};

describe('3. CSRF is enforced on every write', () => {
  let writes: string[] = [];
  const url = (route: string) => route.split(' ')[1]!.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');

  beforeAll(async () => {
    const spec = (await h.anonymous().get('/api/docs/json')).json() as { paths: Record<string, Record<string, unknown>> };
    writes = Object.entries(spec.paths)
      .flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`))
      .filter((r) => !r.startsWith('GET ') && !r.startsWith('HEAD '))
      .sort();
  });

  it('knows every write: the OpenAPI description lists all the app has but the named exceptions', () => {
    expect(writes.length).toBeGreaterThan(100);
    expect(registeredWrites(h.app)).toEqual([...writes, ...Object.keys(OUTSIDE_THE_API)].sort());
  });

  it('answers 403 CSRF_FAILED to a signed-in write with no token, an empty, forged or altered one, or another session’s, and writes nothing', async () => {
    const mine = await session('admin');
    const other = await session('samr.admin');
    const auditBefore = await auditCount();
    const sessionsBefore = await count('sessions');
    const altered = mine.csrf.slice(0, -1) + (mine.csrf.endsWith('A') ? 'B' : 'A');
    const failures: string[] = [];
    for (const route of writes) {
      const method = route.split(' ')[0] as 'POST';
      for (const token of [undefined, '', 'forged', altered, other.csrf]) {
        const res = await h.app.inject({
          method,
          url: url(route),
          payload: {},
          headers: { cookie: `sj_session=${mine.cookie}`, ...(token === undefined ? {} : { 'x-csrf-token': token }) },
        });
        if (res.statusCode !== 403 || res.json().error?.code !== 'CSRF_FAILED') failures.push(`${route} token=${token}: ${res.statusCode} ${res.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(await auditCount()).toBe(auditBefore);
    expect(await count('sessions')).toBe(sessionsBefore);
    // The same session with its own token is let through: the refusals were the token's doing.
    const ok = await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `sj_session=${mine.cookie}`, 'x-csrf-token': mine.csrf } });
    expect(ok.statusCode).toBe(200);
  });

  it('refuses a real write without the token that succeeds with it', async () => {
    const c = await h.as('sc.admin');
    const body = { username: 'jj.csrf', displayName: '跨站测试', orgId: await orgIdOf('成都市锦江区市场监督管理局'), roles: ['officer'], password: 'Jinjiang#Csrf2026' };
    const before = await auditCount();
    expectStructured(await c.request({ method: 'POST', url: '/api/users', payload: body, csrf: false }), 403, 'CSRF_FAILED');
    expect(await auditCount()).toBe(before);
    expect((await c.get('/api/users?q=jj.csrf')).json().total).toBe(0);
    expect((await c.post('/api/users', body)).statusCode).toBe(200);
    expect(await auditCount()).toBe(before + 1);
  });

  it('lets only the listed public writes through without a session; every other write answers 401', async () => {
    const answered: string[] = [];
    for (const route of writes) {
      const res = await h.app.inject({ method: route.split(' ')[0] as 'POST', url: url(route), payload: {} });
      if (res.statusCode !== 401) answered.push(route);
    }
    expect(answered.sort()).toEqual(Object.keys(PUBLIC_API_WRITES).sort());
  });

  it('refuses any API write a browser marks as sent by another site (Sec-Fetch-Site: cross-site), signed in or not', async () => {
    const before = await auditCount();
    for (const route of Object.keys(PUBLIC_API_WRITES)) {
      expectStructured(await h.app.inject({ method: 'POST', url: url(route), payload: {}, headers: { 'sec-fetch-site': 'cross-site' } }), 403, 'CSRF_FAILED');
    }
    // A forged login form (urlencoded, no script) does not sign the victim into the forger's account.
    const forged = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: `username=kangning&password=${encodeURIComponent(DEMO_PASSWORD)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'cross-site' },
    });
    expectStructured(forged, 403, 'CSRF_FAILED');
    expect(cookieOf(forged)).toBeUndefined();
    expect(await auditCount()).toBe(before);
    const s = await session('kangning');
    const headers = { cookie: `sj_session=${s.cookie}`, 'x-csrf-token': s.csrf };
    expectStructured(await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...headers, 'sec-fetch-site': 'cross-site' } }), 403, 'CSRF_FAILED');
    expect((await me(s.cookie)).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { ...headers, 'sec-fetch-site': 'same-origin' } })).statusCode).toBe(200);
  });
});

describe('4. security headers and cookies', () => {
  let web: FastifyInstance;
  let secure: FastifyInstance;
  let webDist = '';
  beforeAll(async () => {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-web-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>市监</title><script type="module" src="/assets/app.js"></script>');
    fs.writeFileSync(path.join(webDist, 'assets', 'app.js'), 'console.log(1)');
    web = await buildApp({ services: h.services, logLevel: 'silent', webDist, rateLimitOverride: 10_000 });
    secure = await buildApp({ services: h.services, logLevel: 'silent', secureCookies: true, rateLimitOverride: 10_000 });
  });
  afterAll(async () => {
    await web.close();
    await secure.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  function expectHeaders(res: LightMyRequestResponse, what: string) {
    const csp = String(res.headers['content-security-policy'] ?? '');
    expect(csp, what).toContain("default-src 'self'");
    expect(csp, what).toContain("script-src 'self'");
    expect(csp, what).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp, what).toContain("object-src 'none'");
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("base-uri 'self'");
    expect(csp, what).toContain("form-action 'self'");
    expect(res.headers['x-content-type-options'], what).toBe('nosniff');
    expect(res.headers['x-frame-options'], what).toMatch(/^(DENY|SAMEORIGIN)$/);
    expect(res.headers['referrer-policy'], what).toBe('no-referrer');
    // Sent always; browsers honour it only over HTTPS (RFC 6797 §8.1), so it is inert on a plain-HTTP LAN.
    expect(res.headers['strict-transport-security'], what).toMatch(/max-age=\d{7,}/);
    expect(res.headers['cross-origin-opener-policy'], what).toBe('same-origin');
    expect(res.headers['x-powered-by'], what).toBeUndefined();
  }

  it('sends them on the web app’s pages and assets, the public portal pages and report verification', async () => {
    for (const url of ['/', '/login', '/supervision/cases', '/assets/app.js']) {
      const res = await web.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expectHeaders(res, url);
    }
    for (const url of ['/verify?no=X&code=Y', '/public/complaints', '/public/inspections', '/public/dishonesty', '/public/services', '/public/recalls']) {
      const res = await h.anonymous().get(url);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expectHeaders(res, url);
    }
  });

  it('sends them on API answers of every kind: data, 401, 403, 404, 413, 429 and the docs', async () => {
    const c = await h.as('sc.admin');
    const answers: [string, LightMyRequestResponse][] = [
      ['200', await c.get('/api/enterprises?pageSize=1')],
      ['401', await h.anonymous().get('/api/enterprises')],
      ['403', await c.request({ method: 'POST', url: '/api/enterprises', payload: {}, csrf: false })],
      ['404', await c.get('/api/nothing-here')],
      ['413', await c.request({ method: 'POST', url: '/api/enterprises', payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } })],
      ['docs', await h.anonymous().get('/api/docs/json')],
    ];
    const limited = await buildApp({ services: h.services, logLevel: 'silent' });
    try {
      // Every login request counts, valid or not: these cost no password hashing.
      let last: LightMyRequestResponse | undefined;
      for (let i = 0; i < 21; i++) last = await limited.inject({ method: 'POST', url: '/api/auth/login', payload: {}, remoteAddress: '10.4.4.4' });
      answers.push(['429', last!]);
    } finally {
      await limited.close();
    }
    for (const [what, res] of answers) {
      if (what !== 'docs') expect(res.statusCode, what).toBe(Number(what));
      expectHeaders(res, what);
    }
  });

  it('upgrades insecure requests only when served over HTTPS (COOKIE_SECURE=1)', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect((await secure.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('marks the session cookie HttpOnly and SameSite=Strict always, and Secure behind HTTPS only', async () => {
    const plain = cookieOf(await login('scqi.admin', DEMO_PASSWORD))!;
    expect(plain).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(plain.secure).toBeFalsy();
    const res = await login('scqi.admin', DEMO_PASSWORD, { app: secure });
    const https = cookieOf(res)!;
    expect(https).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true, path: '/' });
    const out = await secure.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: `sj_session=${https.value}`, 'x-csrf-token': res.json().csrfToken } });
    expect(cookieOf(out)).toMatchObject({ value: '', httpOnly: true, sameSite: 'Strict', secure: true });
  });
});

/** A zip archive written by hand, so that a test can make one whose declared sizes lie. */
function zip(files: Record<string, Buffer | string>, lie: Record<string, number> = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.from(content);
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name);
    const size = lie[name] ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A minimal .xlsx workbook around one worksheet's XML. */
function workbook(sheetXml: string, lie: Record<string, number> = {}): Buffer {
  const ns = 'http://schemas.openxmlformats.org';
  return zip(
    {
      '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="${ns}/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}/spreadsheetml/2006/main" xmlns:r="${ns}/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      'xl/_rels/workbook.xml.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${ns}/package/2006/relationships"><Relationship Id="rId1" Type="${ns}/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      'xl/worksheets/sheet1.xml': sheetXml,
    },
    lie,
  );
}
const sheet = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

describe('5. uploads are limited in size and type', () => {
  let caseId = '';
  let campaignId = '';
  beforeAll(async () => {
    caseId = (await (await h.as('wh.officer')).get('/api/cases?pageSize=1')).json().items[0].id;
    campaignId = (await (await h.as('samr.admin')).get('/api/campaigns?pageSize=100')).json().items.find((c: { name: string }) => c.name === EPIDEMIC_CAMPAIGN).id;
    // Signed in now, as their logins are audited and the tests count audit entries.
    for (const username of ['sc.admin', 'kangning', 'cd.officer']) await h.as(username);
  });

  const upload = async (username: string, url: string, type: string, payload: Buffer | string) =>
    (await h.as(username)).request({ method: 'POST', url, payload, headers: { 'content-type': type } });
  const documentUrl = () => `/api/cases/${caseId}/documents?title=${encodeURIComponent('现场笔录')}&fileName=a.pdf`;
  const ledgerUrl = '/api/instruments/import';
  const screeningUrl = () => `/api/campaigns/${campaignId}/screenings/import?fileName=a.xlsx`;
  const mb = 1024 * 1024;

  it('answers a body over each route’s limit with 413 PAYLOAD_TOO_LARGE and writes nothing', async () => {
    const before = await auditCount();
    const cases: [string, () => Promise<LightMyRequestResponse>][] = [
      ['JSON write (1 MB)', () => upload('sc.admin', '/api/enterprises', 'application/json', JSON.stringify({ name: 'x'.repeat(mb) }))],
      ['portal form (1 MB)', () => h.anonymous().request({ method: 'POST', url: '/public/complaints', payload: `content=${'x'.repeat(mb)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } })],
      ['case document (20 MB)', () => upload('wh.officer', documentUrl(), 'application/pdf', Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * mb)]))],
      ['public PDF check (20 MB)', () => h.anonymous().request({ method: 'POST', url: '/api/public/reports/verify-file', payload: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(20 * mb)]), headers: { 'content-type': 'application/pdf' } })],
      ['ledger import (5 MB)', () => upload('kangning', ledgerUrl, XLSX_TYPE, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5 * mb)]))],
      ['screening import (10 MB)', () => upload('cd.officer', screeningUrl(), XLSX_TYPE, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(10 * mb)]))],
    ];
    for (const [what, send] of cases) {
      const res = await send();
      expect(res.statusCode, what).toBe(413);
      expect(res.json(), what).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: '提交的内容过大' } });
    }
    expect(await auditCount()).toBe(before);
  });

  it('keeps a case document only when its bytes are the PDF, JPEG or PNG it claims to be', async () => {
    const docs = await count('case_documents');
    const audit = await auditCount();
    const refused: [string, string, Buffer | string][] = [
      ['text labelled PDF', 'application/pdf', '这不是PDF'],
      ['HTML labelled PDF', 'application/pdf', '<html><script>alert(1)</script></html>'],
      ['SVG labelled PNG', 'image/png', '<svg onload=alert(1)>'],
      ['PDF labelled JPEG', 'image/jpeg', '%PDF-1.4\n'],
      ['an empty PDF', 'application/pdf', Buffer.alloc(0)],
      ['plain text', 'text/plain', 'hello'],
      ['HTML', 'text/html', '<script>'],
      ['JSON', 'application/json', '{"a":1}'],
    ];
    for (const [what, type, body] of refused) {
      const res = await upload('wh.officer', documentUrl(), type, body);
      expect([400, 415], what).toContain(res.statusCode);
      expect(res.json().error.message, what).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(await count('case_documents')).toBe(docs);
    expect(await auditCount()).toBe(audit);
    // The real thing is kept: the refusals above were the content's doing.
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    for (const [type, body] of [['application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n')], ['image/png', png], ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])]] as const) {
      expect((await upload('wh.officer', documentUrl(), type, body)).statusCode, type).toBe(200);
    }
    expect(await count('case_documents')).toBe(docs + 3);
  });

  it('answers the public PDF check with a structured 4xx for a body that is not a PDF upload, and stores nothing', async () => {
    const audit = await auditCount();
    const anon = h.anonymous();
    for (const [type, body] of [['application/json', '{"a":1}'], ['text/plain', 'hello'], ['image/png', '<svg>']] as const) {
      const res = await anon.request({ method: 'POST', url: '/api/public/reports/verify-file', payload: body, headers: { 'content-type': type } });
      expect(res.statusCode, type).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, type).toBeLessThan(500);
      expect(res.json().error.message, type).toMatch(/[\u4e00-\u9fff]/);
    }
    // Bytes that are no issued report's get an answer ("not found"), not an error.
    const text = await anon.request({ method: 'POST', url: '/api/public/reports/verify-file', payload: '这不是PDF', headers: { 'content-type': 'application/pdf' } });
    expect(text.statusCode).toBe(200);
    expect(await auditCount()).toBe(audit);
  });

  it('refuses as a whole, with 400 IMPORT_FILE_INVALID, a spreadsheet import that is no workbook', async () => {
    const counts = async () => [await count('instruments'), await count('screenings'), await auditCount()];
    const before = await counts();
    const real = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    const notWorkbooks: [string, Buffer][] = [
      ['text labelled .xlsx', Buffer.from('器具名称,器具类别\n体温计,体温计\n')],
      ['HTML labelled .xlsx', Buffer.from('<html><body>表格</body></html>')],
      ['a PDF labelled .xlsx', Buffer.from('%PDF-1.4\n%%EOF')],
      ['a truncated workbook', real.subarray(0, Math.floor(real.length / 2))],
      ['a zip of something else', zip({ 'readme.txt': '不是工作簿' })],
    ];
    for (const [what, file] of notWorkbooks) {
      for (const [username, url] of [['kangning', ledgerUrl], ['cd.officer', screeningUrl()]] as const) {
        const res = await upload(username, url, XLSX_TYPE, file);
        expect(res.statusCode, `${what} → ${url}`).toBe(400);
        expect(res.json().error.code, `${what} → ${url}`).toBe('IMPORT_FILE_INVALID');
      }
    }
    expectStructured(await upload('kangning', ledgerUrl, 'text/plain', 'abc'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectStructured(await upload('cd.officer', screeningUrl(), 'application/json', '{"rows":[]}'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expect(await counts()).toEqual(before);
  });

  it('refuses a small file that unpacks to a huge sheet before unpacking it (zip bomb), whatever sizes it declares', async () => {
    const counts = async () => [await count('instruments'), await count('screenings'), await auditCount()];
    const before = await counts();
    // 300,000 rows: 20 MB of XML in about 1 MB; unpacked whole, several seconds of CPU and about a gigabyte.
    const rows: string[] = [];
    for (let r = 1; r <= 300_000; r++) rows.push(`<row r="${r}">${cell(`A${r}`, 'x')}</row>`);
    const manyRows = workbook(sheet(rows.join('')));
    // One cell of 60 MB in 60 kB, and the same declaring 1 kB: the declared sizes are not believed.
    const huge = sheet(`<row r="1">${cell('A1', 'a'.repeat(60 * mb))}</row>`);
    const hugeCell = workbook(huge);
    const lying = workbook(huge, { 'xl/worksheets/sheet1.xml': 1024 });
    for (const [what, file, message] of [
      ['300,000 rows', manyRows, /行数（含空行）超过/],
      ['a 60 MB cell', hugeCell, /解压后超过 50 MB/],
      ['a 60 MB cell declared as 1 kB', lying, /解压后超过 50 MB/],
    ] as const) {
      expect(file.length, what).toBeLessThan(2 * mb);
      for (const [username, url] of [['kangning', ledgerUrl], ['cd.officer', screeningUrl()]] as const) {
        const res = await upload(username, url, XLSX_TYPE, file);
        expect(res.statusCode, `${what} → ${url}`).toBe(400);
        expect(res.json().error.code, `${what} → ${url}`).toBe('IMPORT_FILE_INVALID');
        expect(res.json().error.message, `${what} → ${url}`).toMatch(message);
      }
    }
    // A hand-made workbook within the limits is read (so the refusals above were the sizes' doing).
    const small = await upload('kangning', ledgerUrl, XLSX_TYPE, workbook(sheet(`<row r="1">${cell('A1', '器具名称')}</row><row r="2">${cell('A2', '体温计')}</row>`)));
    expect(small.json().error.message).toMatch(/缺少列/);
    expect(await counts()).toEqual(before);
  });
});

describe('6. passwords, tokens and cookies never reach the log', () => {
  it('logs none at level trace through logins, a password change, user creation, a password reset and failing requests', async () => {
    const captured: string[] = [];
    const stdout = process.stdout.write;
    const stderr = process.stderr.write;
    const capture = ((chunk: string | Uint8Array) => (captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')), true)) as typeof process.stdout.write;
    // Once process.stdout.write is replaced, pino writes through it: this captures the app's own logger and configuration.
    process.stdout.write = capture;
    process.stderr.write = capture;
    const secrets: string[] = [];
    const marker = `client-marker-${Date.now()}`;
    let app: FastifyInstance | undefined;
    try {
      app = await buildApp({ services: h.services, logLevel: 'trace', rateLimitOverride: 10_000 });
      const send = (method: 'POST' | 'GET', url: string, payload?: unknown, s?: { cookie: string; csrf: string }, headers: Record<string, string> = {}) =>
        app!.inject({ method, url, payload: payload as string, headers: { ...(s ? { cookie: `sj_session=${s.cookie}`, 'x-csrf-token': s.csrf } : {}), ...headers } });
      const signIn = async (username: string, password: string) => {
        const res = await send('POST', '/api/auth/login', { username, password });
        expect(res.statusCode, res.body).toBe(200);
        const s = { cookie: cookieOf(res)!.value, csrf: res.json().csrfToken as string };
        secrets.push(s.cookie, s.csrf);
        return s;
      };
      const initial = 'Secret#Initial-7f3a';
      const changed = 'Secret#Changed-9c1d';
      const reset = 'Secret#Reset-2b8e';
      const wrong = 'Secret#Wrong-5e6f';
      secrets.push(DEMO_PASSWORD, initial, changed, reset, wrong);

      const admin = await signIn('sc.admin', DEMO_PASSWORD);
      expect((await send('POST', '/api/auth/login', { username: 'sc.admin', password: wrong })).statusCode).toBe(401);
      expect((await send('POST', '/api/auth/login', { username: 'nobody.here', password: wrong })).statusCode).toBe(401);
      // Malformed JSON carrying the password: answered 400, its text not logged.
      expect((await send('POST', '/api/auth/login', `{"username":"sc.admin","password":"${wrong}"`, undefined, { 'content-type': 'application/json' })).statusCode).toBe(400);
      const orgId = (await send('GET', `/api/orgs?q=${encodeURIComponent('成都市锦江区市场监督管理局')}`, undefined, admin)).json().items[0].id;
      const created = await send('POST', '/api/users', { username: 'jj.logs', displayName: '日志测试', orgId, roles: ['officer'], password: initial }, admin);
      expect(created.statusCode, created.body).toBe(200);
      expect((await send('POST', '/api/users', { username: 'jj.logs2', displayName: '弱口令', orgId, roles: ['officer'], password: `${wrong.slice(0, 4)}` }, admin)).statusCode).toBe(400);
      const user = await signIn('jj.logs', initial);
      expect((await send('POST', '/api/auth/password', { currentPassword: wrong, newPassword: changed }, user)).statusCode).toBe(400);
      const change = await send('POST', '/api/auth/password', { currentPassword: initial, newPassword: changed }, user);
      expect(change.statusCode, change.body).toBe(200);
      const rotated = cookieOf(change)?.value;
      if (rotated) secrets.push(rotated);
      expect((await send('POST', `/api/users/${created.json().id}/reset-password`, { newPassword: reset }, admin)).statusCode).toBe(200);
      await signIn('jj.logs', reset);

      // A request that fails inside the server: the database refuses the session a login opens.
      await h.services.deps.db.execute(sql.raw(`alter table sessions add constraint security_test_refuse check (user_agent is distinct from '${marker}')`));
      try {
        const failing = await send('POST', '/api/auth/login', { username: 'sc.admin', password: DEMO_PASSWORD }, undefined, { 'user-agent': marker });
        expect(failing.statusCode).toBe(500);
      } finally {
        await h.services.deps.db.execute(sql`alter table sessions drop constraint security_test_refuse`);
      }
    } finally {
      await app?.close();
      process.stdout.write = stdout;
      process.stderr.write = stderr;
    }
    const log = captured.join('');
    // The log was captured, at the level that logs every request, and the failure is in it.
    expect(log).toContain('"url":"/api/auth/login"');
    expect(log).toContain('"url":"/api/auth/password"');
    expect(log).toMatch(/"level":50.*unhandled error/);
    expect(log).toContain('violates check constraint \\"security_test_refuse\\"');
    for (const secret of secrets) expect(log.includes(secret), `a secret of ${secret.length} characters is in the log`).toBe(false);
    // Neither the values bound to the failed query nor the row the database quotes back (here the
    // request's user agent; with it the new session's CSRF token, elsewhere names and phone numbers).
    expect(log.includes(marker)).toBe(false);
  });
});
