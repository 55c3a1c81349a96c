import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const orgId = async (name: string) => {
  const all = await (await h.as('admin')).get(`/api/orgs?q=${encodeURIComponent(name)}`);
  return all.json().items.find((o: { name: string }) => o.name === name).id as string;
};

describe('orgs', () => {
  it('shows a province admin its province subtree and nothing else', async () => {
    const res = await (await h.as('sc.admin')).get('/api/orgs');
    const names = res.json().items.map((o: { name: string }) => o.name);
    expect(names).toContain('四川省市场监督管理局');
    expect(names).toContain('成都市武侯区市场监督管理局');
    expect(names).toContain('四川省产品质量监督检验检测院');
    expect(names).not.toContain('福建省市场监督管理局');
    expect(names).not.toContain('国家市场监督管理总局');
  });

  it('creates a county bureau below a city in scope', async () => {
    const c = await h.as('sc.admin');
    const res = await c.post('/api/orgs', { name: '成都市青羊区市场监督管理局', level: 'county', regionCode: '510105', parentId: await orgId('成都市市场监督管理局') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ kind: 'regulator', level: 'county', regionCode: '510105', regionName: '青羊区' });
  });

  it('refuses a bureau whose region does not match its level or lies outside the parent', async () => {
    const c = await h.as('sc.admin');
    const parentId = await orgId('成都市市场监督管理局');
    const wrongLevel = await c.post('/api/orgs', { name: 'x局', level: 'county', regionCode: '510700', parentId });
    expect(wrongLevel.json().error.details.fields[0].field).toBe('regionCode');
    const outside = await c.post('/api/orgs', { name: 'x局', level: 'county', regionCode: '510703', parentId });
    expect(outside.json().error.message).toBe('所选地区不在上级机构的辖区内');
  });

  it('does not let a province admin create under another province', async () => {
    const res = await (await h.as('sc.admin')).post('/api/orgs', { name: '福州市台江区市场监督管理局', level: 'county', regionCode: '350103', parentId: await orgId('福州市市场监督管理局') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('parentId');
  });

  it('forbids an officer from creating orgs', async () => {
    const res = await (await h.as('cd.officer')).post('/api/orgs', { name: 'x', level: 'county', regionCode: '510105', parentId: await orgId('成都市市场监督管理局') });
    expect(res.statusCode).toBe(403);
  });
});

describe('users', () => {
  it('lists only users of orgs in the province admin subtree', async () => {
    const res = await (await h.as('sc.admin')).get('/api/users?pageSize=100');
    const usernames: string[] = res.json().items.map((u: { username: string }) => u.username);
    expect(usernames).toEqual(expect.arrayContaining(['sc.admin', 'cd.officer', 'wh.officer', 'scqi.tester', 'kangning']));
    expect(usernames.some((u) => u.startsWith('fj.') || u.startsWith('samr.') || u === 'admin')).toBe(false);
  });

  it('answers 404 for a user outside the subtree', async () => {
    const fj = await (await h.as('admin')).get('/api/users?q=fj.stat');
    const id = fj.json().items[0].id;
    expect((await (await h.as('sc.admin')).get(`/api/users/${id}`)).statusCode).toBe(404);
    expect((await (await h.as('sc.admin')).patch(`/api/users/${id}`, { disabled: true })).statusCode).toBe(404);
  });

  it('creates a user in a county bureau with an initial password to be changed', async () => {
    const res = await (await h.as('sc.admin')).post('/api/users', {
      username: 'wh.officer2',
      displayName: '武侯区局执法人员 新',
      orgId: await orgId('成都市武侯区市场监督管理局'),
      roles: ['officer'],
      password: 'Wuhou#Officer2026',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'wh.officer2', mustChangePassword: true, roles: ['officer'] });
  });

  it('refuses roles that do not belong to the org kind', async () => {
    const res = await (await h.as('sc.admin')).post('/api/users', {
      username: 'wh.tester',
      displayName: '错误角色',
      orgId: await orgId('成都市武侯区市场监督管理局'),
      roles: ['tester'],
      password: 'Wuhou#Officer2026',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('检验员');
  });

  it('refuses a duplicate username and a weak password with field details', async () => {
    const c = await h.as('sc.admin');
    const org = await orgId('成都市武侯区市场监督管理局');
    const dup = await c.post('/api/users', { username: 'cd.officer', displayName: 'x', orgId: org, roles: ['officer'], password: 'Wuhou#Officer2026' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields[0].field).toBe('username');
    const weak = await c.post('/api/users', { username: 'wh.weak', displayName: 'x', orgId: org, roles: ['officer'], password: 'password' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.code).toBe('WEAK_PASSWORD');
  });

  it('lets an institution admin manage only its own staff', async () => {
    const c = await h.as('scqi.admin');
    const list = await c.get('/api/users?pageSize=100');
    expect(list.json().items.every((u: { orgName: string }) => u.orgName === '四川省产品质量监督检验检测院')).toBe(true);
    const other = await c.post('/api/users', { username: 'x.staff', displayName: 'x', orgId: await orgId('福建省计量科学研究院'), roles: ['tester'], password: 'Institute#2026x' });
    expect(other.statusCode).toBe(400);
  });

  it('disables a user, which ends their sessions and blocks login', async () => {
    const victim = await h.as('jj.officer');
    const admin = await h.as('sc.admin');
    const id = (await admin.get('/api/users?q=jj.officer')).json().items[0].id;
    expect((await admin.patch(`/api/users/${id}`, { disabled: true })).json().disabled).toBe(true);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
    const login = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'jj.officer', password: 'Shijian@2026' } });
    expect(login.statusCode).toBe(401);
  });

  it('does not let an admin disable itself', async () => {
    const admin = await h.as('sn.admin');
    const me = (await admin.get('/api/auth/me')).json();
    const res = await admin.patch(`/api/users/${me.user.id}`, { disabled: true });
    expect(res.statusCode).toBe(400);
  });

  it('sorts and paginates', async () => {
    const c = await h.as('admin');
    const page1 = (await c.get('/api/users?sort=username&order=desc&pageSize=5&page=1')).json();
    const page2 = (await c.get('/api/users?sort=username&order=desc&pageSize=5&page=2')).json();
    expect(page1.items).toHaveLength(5);
    expect(page1.total).toBeGreaterThanOrEqual(27);
    const names = [...page1.items, ...page2.items].map((u: { username: string }) => u.username);
    expect(names).toEqual([...names].sort().reverse());
  });
});
