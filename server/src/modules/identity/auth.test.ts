import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../platform/clock.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { LOCKOUT_MINUTES, MAX_FAILED_LOGINS } from './auth.js';

let h: Harness;
const clock = new FixedClock(new Date());
beforeAll(async () => {
  h = await createHarness({ clock });
});
afterAll(() => h.close());

const login = (username: string, password: string) =>
  h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });

describe('login and sessions', () => {
  it('logs in a demo user and returns the session view with the scope', async () => {
    const res = await login('sc.admin', 'Shijian@2026');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.org.name).toBe('四川省市场监督管理局');
    expect(body.scope).toMatchObject({ kind: 'region', regionCode: '510000', label: '四川省' });
    expect(body.csrfToken).toMatch(/.{20,}/);
    const cookie = res.cookies.find((c) => c.name === 'sj_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
  });

  it('answers a wrong password and an unknown user with the same message', async () => {
    const wrong = await login('fj.stat', 'Wrong@Password1');
    const unknown = await login('nobody', 'Wrong@Password1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error).toEqual(unknown.json().error);
    expect(wrong.json().error.message).toBe('用户名或密码错误');
  });

  it(`locks an account for ${LOCKOUT_MINUTES} minutes after ${MAX_FAILED_LOGINS} failures, even for the right password`, async () => {
    for (let i = 0; i < MAX_FAILED_LOGINS - 1; i++) expect((await login('sn.stat', 'Wrong@Password1')).statusCode).toBe(401);
    const fifth = await login('sn.stat', 'Wrong@Password1');
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe('ACCOUNT_LOCKED');
    const right = await login('sn.stat', 'Shijian@2026');
    expect(right.statusCode).toBe(429);
    expect(right.json().error.message).toContain('分钟后再试');
    clock.advance(LOCKOUT_MINUTES * 60_000 + 1000);
    expect((await login('sn.stat', 'Shijian@2026')).statusCode).toBe(200);
  });

  it('issues a new session token at every login (no session fixation) and ends it at logout', async () => {
    const first = (await login('fj.admin', 'Shijian@2026')).cookies.find((c) => c.name === 'sj_session')!.value;
    const secondRes = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'fj.admin', password: 'Shijian@2026' },
      headers: { cookie: `sj_session=${first}` },
    });
    // A valid session cookie makes the login a write that needs the CSRF token; without it, refused.
    expect(secondRes.statusCode).toBe(403);
    const second = (await login('fj.admin', 'Shijian@2026')).cookies.find((c) => c.name === 'sj_session')!.value;
    expect(second).not.toBe(first);
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `sj_session=${second}` } });
    expect(me.statusCode).toBe(200);
    await h.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `sj_session=${second}`, 'x-csrf-token': me.json().csrfToken },
    });
    const after = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: `sj_session=${second}` } });
    expect(after.statusCode).toBe(401);
  });

  it('refuses a write without the CSRF token even with a valid session cookie', async () => {
    const c = await h.as('sc.admin');
    const res = await c.request({ method: 'PATCH', url: '/api/product-categories/mask', payload: { sortOrder: 11 }, csrf: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_FAILED');
    const forged = await c.request({ method: 'PATCH', url: '/api/product-categories/mask', payload: { sortOrder: 11 }, csrf: false, headers: { 'x-csrf-token': 'forged' } });
    expect(forged.json().error.code).toBe('CSRF_FAILED');
  });

  it('requires a session for every non-public API route', async () => {
    const res = await h.anonymous().get('/api/enterprises');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' });
  });

  it('expires sessions after the configured hours', async () => {
    const c = await h.as('fz.officer');
    clock.advance(13 * 3_600_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('passwords', () => {
  it('changes a password with the current one, enforces the policy, ends other sessions and rotates the current one', async () => {
    const a = await h.as('sc.stat');
    const other = await login('sc.stat', 'Shijian@2026');
    const otherCookie = `sj_session=${other.cookies.find((c) => c.name === 'sj_session')!.value}`;

    const weak = await a.post('/api/auth/password', { currentPassword: 'Shijian@2026', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.details.fields[0]).toMatchObject({ field: 'newPassword' });

    const wrongCurrent = await a.post('/api/auth/password', { currentPassword: 'Nope@12345678', newPassword: 'Sichuan#Stat2026' });
    expect(wrongCurrent.json().error.code).toBe('WRONG_PASSWORD');

    const ok = await a.post('/api/auth/password', { currentPassword: 'Shijian@2026', newPassword: 'Sichuan#Stat2026' });
    expect(ok.statusCode).toBe(200);
    // The session goes on under a new cookie; the old one is dead.
    const rotated = `sj_session=${ok.cookies.find((c) => c.name === 'sj_session')!.value}`;
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: rotated } })).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: otherCookie } })).statusCode).toBe(401);
    expect((await login('sc.stat', 'Sichuan#Stat2026')).statusCode).toBe(200);
  });

  it('makes a user whose password an admin reset change it before doing anything else', async () => {
    const admin = await h.as('fj.admin');
    const list = await admin.get('/api/users?q=fz.officer');
    const id = list.json().items[0].id;
    const reset = await admin.post(`/api/users/${id}/reset-password`, { newPassword: 'Temp#Reset2026' });
    expect(reset.statusCode).toBe(200);
    expect(reset.json().mustChangePassword).toBe(true);

    const res = await login('fz.officer', 'Temp#Reset2026');
    const me = res.json();
    expect(me.user.mustChangePassword).toBe(true);
    const cookie = `sj_session=${res.cookies.find((c) => c.name === 'sj_session')!.value}`;
    const blocked = await h.app.inject({ method: 'GET', url: '/api/enterprises', headers: { cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    const changed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie, 'x-csrf-token': me.csrfToken },
      payload: { currentPassword: 'Temp#Reset2026', newPassword: 'Fuzhou#Officer2026' },
    });
    expect(changed.statusCode).toBe(200);
    const rotated = `sj_session=${changed.cookies.find((c) => c.name === 'sj_session')!.value}`;
    expect((await h.app.inject({ method: 'GET', url: '/api/enterprises', headers: { cookie: rotated } })).statusCode).toBe(200);
  });
});
