import { usccCheckCharacter } from '@shijian/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticUscc } from '../../demo/uscc.js';
import { createHarness, type Harness } from '../../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const validCode = (serial: number, region = '510107') => syntheticUscc(region, 90_000_000 + serial);
const body = (overrides: Record<string, unknown> = {}) => ({
  uscc: validCode(1),
  name: '成都武侯新星口罩有限公司',
  regionCode: '510107',
  address: '成都市武侯区簇锦街道1号',
  legalRepresentative: '张新星',
  size: 'small',
  categories: ['mask'],
  ...overrides,
});

describe('registering enterprises', () => {
  it('rejects a wrong check character with the expected character in Chinese', async () => {
    const good = validCode(2);
    const wrongLast = usccCheckCharacter(good.slice(0, 17)) === 'A' ? 'B' : 'A';
    const res = await (await h.as('sc.admin')).post('/api/enterprises', body({ uscc: good.slice(0, 17) + wrongLast }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `统一社会信用代码校验位错误：应为 ${good[17]}`,
      details: { fields: [{ field: 'uscc' }] },
    });
  });

  it('rejects forbidden letters and names the position', async () => {
    const res = await (await h.as('sc.admin')).post('/api/enterprises', body({ uscc: '91510107MA6CI0000X' }));
    expect(res.json().error.message).toContain('第13位“I”不是合法字符');
  });

  it('registers a valid enterprise with its product kinds and writes an audit entry', async () => {
    const c = await h.as('sc.admin');
    const res = await c.post('/api/enterprises', body());
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({ uscc: validCode(1), regionName: '武侯区', categories: ['mask'] });
    const audit = (await c.get(`/api/audit?entityId=${created.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'enterprise.created', entityType: 'enterprise', actorName: '四川省局管理员 李娜' });
  });

  it('rejects a duplicate code, naming the holder only to those who may see it', async () => {
    const sc = await (await h.as('sc.admin')).post('/api/enterprises', body({ name: '另一家' }));
    expect(sc.statusCode).toBe(409);
    expect(sc.json().error.message).toContain('成都武侯新星口罩有限公司');
    const fj = await (await h.as('admin')).get(`/api/enterprises?q=${validCode(1)}`);
    expect(fj.json().total).toBe(1);
    const samr = await (await h.as('samr.admin')).post('/api/enterprises', body({ name: '另一家' }));
    expect(samr.statusCode).toBe(409);
  });

  it('refuses a region outside the officer scope and a region that is not a county', async () => {
    const c = await h.as('wh.officer');
    const outside = await c.post('/api/enterprises', body({ uscc: validCode(3, '510104'), regionCode: '510104' }));
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.code).toBe('REGION_OUT_OF_SCOPE');
    const city = await (await h.as('sc.admin')).post('/api/enterprises', body({ uscc: validCode(4), regionCode: '510100' }));
    expect(city.json().error.message).toBe('请选择到区县一级');
  });

  it('refuses an unknown product category', async () => {
    const res = await (await h.as('sc.admin')).post('/api/enterprises', body({ uscc: validCode(5), categories: ['rocket'] }));
    expect(res.json().error.message).toContain('rocket');
  });

  it('names every missing field', async () => {
    const res = await (await h.as('sc.admin')).post('/api/enterprises', {});
    const fields = res.json().error.details.fields.map((f: { field: string }) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['uscc', 'name', 'regionCode', 'address', 'legalRepresentative', 'size']));
    expect(res.json().error.details.fields.find((f: { field: string }) => f.field === 'name').message).toBe('请填写企业名称');
  });

  it('updates an enterprise and its categories', async () => {
    const c = await h.as('sc.admin');
    const id = (await c.get(`/api/enterprises?q=${validCode(1)}`)).json().items[0].id;
    const res = await c.patch(`/api/enterprises/${id}`, { categories: ['mask', 'protective_suit'], size: 'medium' });
    expect(res.json()).toMatchObject({ size: 'medium', categories: ['mask', 'protective_suit'] });
  });
});

describe('the scoped enterprise list', () => {
  it('gives a county officer only its county', async () => {
    const res = (await (await h.as('wh.officer')).get('/api/enterprises?pageSize=100')).json();
    expect(res.total).toBeGreaterThan(0);
    expect(res.items.every((e: { regionCode: string }) => e.regionCode === '510107')).toBe(true);
  });

  it('gives a province its province and the nation everything', async () => {
    const sc = (await (await h.as('sc.stat')).get('/api/enterprises?pageSize=100')).json();
    expect(sc.items.every((e: { regionCode: string }) => e.regionCode.startsWith('51'))).toBe(true);
    const all = (await (await h.as('samr.stat')).get('/api/enterprises?pageSize=100')).json();
    expect(all.total).toBeGreaterThan(sc.total);
    expect(new Set(all.items.map((e: { regionCode: string }) => e.regionCode.slice(0, 2)))).toEqual(new Set(['51', '35', '61']));
  });

  it('gives an enterprise user only its own enterprise', async () => {
    const res = (await (await h.as('kangning')).get('/api/enterprises')).json();
    expect(res.items.map((e: { name: string }) => e.name)).toEqual(['成都康宁医疗用品有限公司']);
  });

  it('filters by name prefix, code prefix, region, size and category', async () => {
    const c = await h.as('samr.stat');
    const byName = (await c.get(`/api/enterprises?q=${encodeURIComponent('成都')}`)).json();
    expect(byName.items.every((e: { name: string }) => e.name.startsWith('成都'))).toBe(true);
    const byRegion = (await c.get('/api/enterprises?regionCode=350000')).json();
    expect(byRegion.items.every((e: { regionCode: string }) => e.regionCode.startsWith('35'))).toBe(true);
    const bySize = (await c.get('/api/enterprises?size=micro')).json();
    expect(bySize.items.every((e: { size: string }) => e.size === 'micro')).toBe(true);
    const masks = (await c.get('/api/enterprises?category=mask&pageSize=100')).json();
    expect(masks.total).toBeGreaterThanOrEqual(6);
    expect(masks.items.every((e: { categories: string[] }) => e.categories.includes('mask'))).toBe(true);
    const first = masks.items[0];
    const byCode = (await c.get(`/api/enterprises?q=${first.uscc.slice(0, 12)}`)).json();
    expect(byCode.items.map((e: { id: string }) => e.id)).toContain(first.id);
  });

  it('counts enterprises per product kind within scope, once per kind', async () => {
    const national = (await (await h.as('samr.stat')).get('/api/enterprises/by-category')).json() as { category: string; count: number }[];
    const county = (await (await h.as('wh.officer')).get('/api/enterprises/by-category')).json() as { category: string; count: number }[];
    const masks = (await (await h.as('samr.stat')).get('/api/enterprises?category=mask&pageSize=1')).json().total;
    expect(national.find((c) => c.category === 'mask')!.count).toBe(masks);
    expect(county.reduce((n, c) => n + c.count, 0)).toBeLessThan(national.reduce((n, c) => n + c.count, 0));
    expect((await (await h.as('fj.admin')).get('/api/enterprises/by-category')).json().find((c: { category: string }) => c.category === 'ventilator')?.count).toBe(1);
  });

  it('treats LIKE wildcards in the search as plain characters', async () => {
    const res = (await (await h.as('samr.stat')).get(`/api/enterprises?q=${encodeURIComponent('%')}`)).json();
    expect(res.total).toBe(0);
  });

  it('does not widen scope with a region filter outside it', async () => {
    const res = (await (await h.as('wh.officer')).get('/api/enterprises?regionCode=350000')).json();
    expect(res.total).toBe(0);
  });

  it('sorts by name descending and paginates without overlap', async () => {
    const c = await h.as('samr.stat');
    const p1 = (await c.get('/api/enterprises?sort=name&order=desc&pageSize=10&page=1')).json();
    const p2 = (await c.get('/api/enterprises?sort=name&order=desc&pageSize=10&page=2')).json();
    const names = [...p1.items, ...p2.items].map((e: { name: string }) => e.name);
    expect(new Set(names).size).toBe(20);
    expect(p1.items[0].name >= p1.items[9].name).toBe(true);
  });

  it('rejects an out-of-range page size with a field error', async () => {
    const res = await (await h.as('samr.stat')).get('/api/enterprises?pageSize=100000');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].field).toBe('pageSize');
  });
});

describe('bulk import', () => {
  it('reports row-level errors and imports the valid rows', async () => {
    const actor = await h.actor('sc.admin');
    const good = validCode(11);
    const broken = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    const rows = [
      body({ uscc: validCode(10), name: '导入甲' }),
      body({ uscc: broken, name: '导入乙（校验位错）' }),
      body({ uscc: validCode(12, '350102'), regionCode: '350102', name: '导入丙（辖区外）' }),
      body({ uscc: validCode(10), name: '导入丁（文件内重复）' }),
      body({ uscc: validCode(13), name: '导入戊' }),
    ] as Parameters<typeof h.services.enterprises.importMany>[1];
    const result = await h.services.enterprises.importMany(actor, rows);
    expect(result.inserted).toBe(2);
    expect(result.errors.map((e) => [e.row, e.field, e.code])).toEqual([
      [2, 'uscc', 'USCC_CHECK_CHARACTER'],
      [3, 'regionCode', 'REGION_OUT_OF_SCOPE'],
      [4, 'uscc', 'USCC_DUPLICATE'],
    ]);
  });
});

describe('counting a large registry', () => {
  it('reports an exact total up to the cap and flags totals beyond it', async () => {
    const res = (await (await h.as('samr.stat')).get('/api/enterprises?pageSize=1')).json();
    expect(res).toMatchObject({ totalCapped: false });
    expect(res.total).toBeGreaterThan(20);
    const { syntheticEnterprises } = await import('../../demo/generate.js');
    const categories = ['mask'];
    for await (const rows of syntheticEnterprises(h.services.deps.regions, categories, 10_050, { batch: 5000, serialOffset: 555_000_000 })) {
      await h.services.enterprises.importMany(h.system, rows, { batchSize: 5000 });
    }
    const big = (await (await h.as('samr.stat')).get('/api/enterprises?pageSize=1')).json();
    expect(big).toMatchObject({ total: 10_000, totalCapped: true });
    const county = (await (await h.as('wh.officer')).get('/api/enterprises?pageSize=1')).json();
    expect(county.totalCapped).toBe(false);
  });
});
