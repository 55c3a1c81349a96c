import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { rawRows } from '../../db/client.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const institutionId = async (name: string) =>
  (await (await h.as('admin')).get(`/api/institutions?q=${encodeURIComponent(name)}`)).json().items[0].id as string;
const orgId = async (name: string) =>
  (await (await h.as('admin')).get(`/api/orgs?q=${encodeURIComponent(name)}`)).json().items.find((o: { name: string }) => o.name === name).id as string;

describe('institutions and their qualification scope', () => {
  it('shows the CMA certificate, its validity and the scope of the testing institute', async () => {
    const res = await (await h.as('sc.admin')).get(`/api/institutions/${await institutionId('四川省产品质量监督检验检测院')}`);
    const inst = res.json();
    expect(inst).toMatchObject({ kind: 'testing', cmaNumber: '202123050128', cmaValidUntil: '2028-06-30', cmaValid: true });
    expect(inst.scopes.map((s: { standard: string }) => s.standard)).toEqual(
      expect.arrayContaining(['GB 2626-2019', 'GB 19083-2010', 'GB 19082-2009', 'YY 0469-2011']),
    );
  });

  it('marks an expired CMA certificate as not valid', async () => {
    const res = await (await h.as('sn.admin')).get(`/api/institutions/${await institutionId('陕西省特种设备检验检测研究院')}`);
    expect(res.json()).toMatchObject({ cmaValidUntil: '2026-06-30', cmaValid: false });
  });

  it('lets an institution see itself only', async () => {
    const c = await h.as('scqi.tester');
    const list = (await c.get('/api/institutions')).json();
    expect(list.items.map((i: { name: string }) => i.name)).toEqual(['四川省产品质量监督检验检测院']);
    expect((await c.get(`/api/institutions/${await institutionId('福建省计量科学研究院')}`)).statusCode).toBe(404);
  });

  it('registers an institution with its org below the supervising bureau', async () => {
    const res = await (await h.as('sc.admin')).post('/api/institutions', {
      name: '成都市计量检定测试院',
      kind: 'metrology',
      regionCode: '510105',
      address: '成都市青羊区计量路1号',
      parentOrgId: await orgId('成都市市场监督管理局'),
      cmaNumber: '202223000111',
      cmaValidUntil: '2029-01-31',
      domains: ['计量检定'],
    });
    expect(res.statusCode).toBe(200);
    const orgs = (await (await h.as('cd.officer')).get('/api/orgs?kind=institution')).json();
    expect(orgs.items.map((o: { name: string }) => o.name)).toContain('成都市计量检定测试院');
  });

  it('rejects a malformed CMA number with a Chinese message', async () => {
    const res = await (await h.as('sc.admin')).post('/api/institutions', {
      name: 'x',
      kind: 'testing',
      regionCode: '510105',
      address: 'x',
      parentOrgId: await orgId('成都市市场监督管理局'),
      cmaNumber: 'ABC',
    });
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'cmaNumber', message: '资质认定证书编号应为12位数字' });
  });

  it('adds and removes a qualification scope, both audited', async () => {
    const c = await h.as('fj.admin');
    const id = await institutionId('福建省计量科学研究院');
    const added = (await c.post(`/api/institutions/${id}/scopes`, { domain: '计量检定', parameter: '血压计示值误差', standard: 'JJG 692-2010', categoryCode: 'medical_device' })).json();
    const scope = added.scopes.find((s: { standard: string }) => s.standard === 'JJG 692-2010');
    expect(scope).toBeTruthy();
    const removed = await c.delete(`/api/institutions/${id}/scopes/${scope.id}`);
    expect(removed.json().scopes.some((s: { id: string }) => s.id === scope.id)).toBe(false);
    const audit = (await c.get(`/api/audit?entityId=${scope.id}`)).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toEqual(['institution.scope_removed', 'institution.scope_added']);
  });

  it('forbids an institution admin from editing its own qualification', async () => {
    const res = await (await h.as('scqi.admin')).patch(`/api/institutions/${await institutionId('四川省产品质量监督检验检测院')}`, { cmaValidUntil: '2099-12-31' });
    expect(res.statusCode).toBe(403);
  });
});

describe('product categories', () => {
  it('seeds the eight categories of the weekly table first, then general ones', async () => {
    const list = (await h.anonymous().get('/api/product-categories')).json();
    expect(list.slice(0, 8).map((c: { name: string }) => c.name)).toEqual([
      '口罩', '呼吸机', '防护服', '红外体温计(额温枪)', '新型冠状病毒检测试剂', '熔喷布', '无纺布', '红外传感器',
    ]);
    expect(list.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['食品', '特种设备', '建筑材料', '医疗器械']));
  });

  it('counts each category’s enterprises only when asked, since that reads every enterprise’s categories', async () => {
    const plain = (await h.anonymous().get('/api/product-categories')).json() as { code: string; enterpriseCount: number | null }[];
    expect(plain.every((c) => c.enterpriseCount === null)).toBe(true);
    const counted = (await h.anonymous().get('/api/product-categories?counts=true')).json() as { code: string; enterpriseCount: number | null }[];
    const n = (await rawRows<{ n: number }>(h.services.deps.db, sql`select count(*)::int as n from enterprise_categories where category_code = 'mask'`))[0]!.n;
    expect(counted.find((c) => c.code === 'mask')!.enterpriseCount).toBe(n);
    expect(n).toBeGreaterThan(0);
    expect(counted.map((c) => c.code)).toEqual(plain.map((c) => c.code));
    const bad = await h.anonymous().get('/api/product-categories?counts=yes');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'counts', message: 'counts 应为 true 或 false' });
  });

  it('lets the national admin add and rename categories, and nobody else', async () => {
    const created = await (await h.as('samr.admin')).post('/api/product-categories', { code: 'goggles', name: '护目镜', nameEn: 'Goggles', group: 'epidemic', sortOrder: 85 });
    expect(created.statusCode).toBe(200);
    const renamed = await (await h.as('admin')).patch('/api/product-categories/goggles', { name: '医用护目镜' });
    expect(renamed.json().name).toBe('医用护目镜');
    expect((await (await h.as('sc.admin')).patch('/api/product-categories/goggles', { name: 'x' })).statusCode).toBe(403);
    const dup = await (await h.as('admin')).post('/api/product-categories', { code: 'goggles', name: 'x', nameEn: 'x', group: 'general' });
    expect(dup.statusCode).toBe(409);
  });
});
