import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawDetailView, DrawRecordView, PublicDrawView, QueueItemView } from '@shijian/contracts';
import { createHarness, type Harness } from '../../../test/harness.js';
import { sha256Hex } from '../../platform/audit/canonical.js';
import { addDays } from '../../platform/calendar/working-days.js';
import { draw, drawDigest } from './draw.js';

let h: Harness;
let today: string;
const enterprise = new Map<string, string>();
const user = new Map<string, string>();
const ALL = { high: 1, elevated: 1, general: 1, low: 1 };

beforeAll(async () => {
  h = await createHarness();
  today = h.services.deps.calendar.today();
  const admin = await h.as('admin');
  for (const e of (await admin.get('/api/enterprises?pageSize=100')).json().items) enterprise.set(e.name, e.id);
  for (const u of (await admin.get('/api/users?pageSize=100')).json().items) user.set(u.username, u.id);
});
afterAll(() => h.close());

const KANGNING = '成都康宁医疗用品有限公司'; // 510107 武侯区, tier high, cd.inspector declared a conflict
const JINCHENG = '成都锦城建材有限公司'; // 510104 锦江区
const CHUANGUO = '四川川锅特种设备制造有限公司'; // 510682, never assessed
const TIANFU = '四川天府生物检测试剂有限公司'; // 510116
const SHUAN = '成都蜀安防护科技有限公司'; // 510112

const names = (items: { name: string }[]) => items.map((i) => i.name);
const drawnOf = (targets: DrawRecordView['targets']) => targets.map(({ position, enterpriseId, regionCode, tier, inspectorUserIds }) => ({ position, enterpriseId, regionCode, tier, inspectorUserIds }));

describe('the demo world', () => {
  it('publishes a draw of 成都市 whose results are on the portal and re-run to the same targets', async () => {
    const anon = h.anonymous();
    const list = (await anon.get('/api/public/inspections/draws')).json();
    const demo = list.items.find((d: { orgName: string }) => d.orgName === '成都市市场监督管理局');
    expect(demo).toMatchObject({ targetCount: 4, recordedCount: 2 });
    const published: PublicDrawView = (await anon.get(`/api/public/inspections/draws/${demo.id}`)).json();
    expect(draw(published.seed, published.parameters, published.inputs)).toEqual(drawnOf(published.targets));
    expect(sha256Hex(published.seed)).toBe(demo.seedSha256);
    expect(drawDigest(published.parameters, published.inputs)).toBe(published.inputsSha256);
    expect(published.inputs.candidates.map((c) => c.enterpriseId)).toEqual([...published.inputs.candidates.map((c) => c.enterpriseId)].sort());
    expect(published.targets.filter((t) => t.outcome).map((t) => t.outcome).sort()).toEqual(['no_problem', 'problems_rectified']);
  });

  it('publishes officers’ names and enforcement IDs, and nothing else about people', async () => {
    const list = (await h.anonymous().get('/api/public/inspections/draws')).json();
    const published = list.items.find((d: { publishedAt: string | null }) => d.publishedAt);
    const res = await h.anonymous().get(`/api/public/inspections/draws/${published.id}`);
    const body: PublicDrawView = res.json();
    expect(body.inspectors.map((i) => Object.keys(i).sort())).toEqual(body.inspectors.map(() => ['enforcementId', 'name', 'userId']));
    expect(body.inspectors.map((i) => i.enforcementId)).toContain('51010021001');
    expect(body.targets[0]!.inspectors[0]!.name).toMatch(/执法人员/);
    for (const secret of ['cd.officer', 'username', 'phone', 'resultNote', '责令限期整改', 'passwordHash', '近亲属']) expect(res.body).not.toContain(secret);
  });
});

describe('the inspection-object directory', () => {
  it('shows tiers, with enterprises never assessed as general', async () => {
    const items = (await (await h.as('sc.admin')).get('/api/inspections/directory?pageSize=100')).json().items;
    expect(items.find((i: { name: string }) => i.name === KANGNING)).toMatchObject({ tier: 'high', assessed: true, regionName: '武侯区', categories: ['mask', 'protective_suit'] });
    expect(items.find((i: { name: string }) => i.name === CHUANGUO)).toMatchObject({ tier: 'general', assessed: false, tierBasis: null });
    const general = (await (await h.as('sc.admin')).get('/api/inspections/directory?tier=general&pageSize=100')).json().items;
    expect(names(general)).toContain(CHUANGUO);
    expect(names(general)).toContain('四川天府生物检测试剂有限公司');
    expect(names(general)).not.toContain(KANGNING);
  });

  it('filters by category and region', async () => {
    const sc = await h.as('sc.admin');
    expect(names((await sc.get('/api/inspections/directory?category=mask')).json().items)).toEqual(['成都康宁医疗用品有限公司', '成都蜀安防护科技有限公司']);
    expect(names((await sc.get('/api/inspections/directory?regionCode=510104')).json().items)).toEqual([JINCHENG]);
    expect(names((await sc.get('/api/inspections/directory?tier=low&regionCode=510100')).json().items)).toEqual([JINCHENG]);
  });

  it('is scoped like GET /api/enterprises: a county sees its county only', async () => {
    const wh = (await (await h.as('wh.officer')).get('/api/inspections/directory?pageSize=100')).json();
    expect(names(wh.items)).toEqual([KANGNING]);
    for (const username of ['jj.officer', 'fj.admin', 'yt.officer']) {
      const res = await (await h.as(username)).get('/api/inspections/directory?pageSize=100');
      expect(res.body).not.toContain(KANGNING);
    }
    expect((await (await h.as('kangning')).get('/api/inspections/directory')).statusCode).toBe(403);
    expect((await (await h.as('scqi.admin')).get('/api/inspections/directory')).statusCode).toBe(403);
  });

  it('lets a bureau admin set a tier in scope, audited, and nobody else', async () => {
    const body = { tier: 'elevated', basis: '压力容器制造许可即将到期', assessedOn: today };
    const set = await (await h.as('sc.admin')).put(`/api/inspections/tiers/${enterprise.get(CHUANGUO)}`, body);
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ name: CHUANGUO, tier: 'elevated', assessed: true, tierBasis: body.basis, assessedOn: today });
    const audit = (await (await h.as('sc.admin')).get(`/api/audit?entityId=${enterprise.get(CHUANGUO)}`)).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toContain('inspection.tier_set');
    expect((await (await h.as('cd.officer')).put(`/api/inspections/tiers/${enterprise.get(KANGNING)}`, body)).statusCode).toBe(403);
    expect((await (await h.as('fj.admin')).put(`/api/inspections/tiers/${enterprise.get(KANGNING)}`, body)).statusCode).toBe(404);
    const future = await (await h.as('sc.admin')).put(`/api/inspections/tiers/${enterprise.get(CHUANGUO)}`, { ...body, assessedOn: addDays(today, 1) });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.details.fields[0].field).toBe('assessedOn');
  });
});

describe('the inspector roster', () => {
  it('lists the officers of the caller’s subtree with their conflicts', async () => {
    const cd = (await (await h.as('cd.admin')).get('/api/inspections/inspectors?pageSize=100')).json();
    expect(cd.items.map((i: { enforcementId: string }) => i.enforcementId).sort()).toEqual(['51010021001', '51010021002', '51010421001', '51010421002', '51010721001', '51010721002']);
    const chen = cd.items.find((i: { userId: string }) => i.userId === user.get('cd.inspector'));
    expect(chen).toMatchObject({ name: '成都市局执法人员 陈晨', orgName: '成都市市场监督管理局', regionCode: '510100', fields: ['产品质量', '认证检验检测'], active: true });
    expect(chen.conflicts).toEqual([expect.objectContaining({ enterpriseName: KANGNING, reason: '近亲属在该企业任职' })]);
  });

  it('shows a county officer its own county’s inspectors only', async () => {
    const wh = (await (await h.as('wh.officer')).get('/api/inspections/inspectors?pageSize=100')).json();
    expect(wh.items.map((i: { userId: string }) => i.userId).sort()).toEqual([user.get('wh.officer'), user.get('wh.inspector')].sort());
    const fj = await (await h.as('fj.admin')).get('/api/inspections/inspectors?pageSize=100');
    expect(fj.json().items.map((i: { enforcementId: string }) => i.enforcementId)).toEqual(['35010021001']);
    expect(fj.body).not.toContain('陈晨');
  });

  it('refuses a taken enforcement ID, an officer out of scope and a user of an institution', async () => {
    const cd = await h.as('cd.admin');
    const taken = await cd.put(`/api/inspections/inspectors/${user.get('cd.officer')}`, { enforcementId: '51010421001', fields: ['产品质量'] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('ENFORCEMENT_ID_TAKEN');
    expect((await cd.put(`/api/inspections/inspectors/${user.get('fz.officer')}`, { enforcementId: '51019999', fields: ['产品质量'] })).statusCode).toBe(404);
    const tester = await (await h.as('sc.admin')).put(`/api/inspections/inspectors/${user.get('scqi.tester')}`, { enforcementId: '51019998', fields: ['产品质量'] });
    expect(tester.statusCode).toBe(400);
    expect(tester.json().error.message).toBe('只有监管部门的工作人员可以列入执法检查人员名录');
    expect((await (await h.as('cd.officer')).put(`/api/inspections/inspectors/${user.get('cd.officer')}`, { enforcementId: '51019997', fields: ['计量'] })).statusCode).toBe(403);
  });

  it('lets officers declare their own conflicts and admins anyone’s', async () => {
    const cd = await h.as('cd.officer');
    const own = await cd.post('/api/inspections/conflicts', { inspectorUserId: user.get('cd.officer'), enterpriseId: enterprise.get(TIANFU), reason: '曾在该企业兼职' });
    expect(own.statusCode).toBe(200);
    expect(own.json().conflicts.map((c: { enterpriseName: string }) => c.enterpriseName)).toEqual([TIANFU]);
    const again = await cd.post('/api/inspections/conflicts', { inspectorUserId: user.get('cd.officer'), enterpriseId: enterprise.get(TIANFU), reason: '重复' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONFLICT_EXISTS');
    const audit = (await (await h.as('cd.admin')).get(`/api/audit?action=inspection.conflict_declared&actorUserId=${user.get('cd.officer')}`)).json();
    expect(audit.total).toBe(1);
    const wh = await h.as('wh.officer');
    expect((await wh.post('/api/inspections/conflicts', { inspectorUserId: user.get('wh.inspector'), enterpriseId: enterprise.get(KANGNING), reason: 'x' })).statusCode).toBe(403);
    expect((await (await h.as('jj.officer')).post('/api/inspections/conflicts', { inspectorUserId: user.get('jj.officer'), enterpriseId: enterprise.get(KANGNING), reason: 'x' })).statusCode).toBe(404);
    const byAdmin = await (await h.as('cd.admin')).post('/api/inspections/conflicts', { inspectorUserId: user.get('jj.inspector'), enterpriseId: enterprise.get(SHUAN), reason: '配偶持股' });
    expect(byAdmin.statusCode).toBe(200);
    expect(byAdmin.json().conflicts.map((c: { reason: string }) => c.reason)).toEqual(['配偶持股']);
  });
});

describe('a draw', () => {
  let city: DrawDetailView;

  it('previews the candidates per tier and the eligible inspectors', async () => {
    const preview = (await (await h.as('cd.admin')).get('/api/inspections/draw-preview')).json();
    expect(preview).toEqual({ tiers: [{ tier: 'high', candidates: 1 }, { tier: 'elevated', candidates: 1 }, { tier: 'general', candidates: 1 }, { tier: 'low', candidates: 1 }], inspectors: 6 });
    const wh = (await (await h.as('wh.officer')).get('/api/inspections/draw-preview')).json();
    expect(wh.tiers.reduce((n: number, t: { candidates: number }) => n + t.candidates, 0)).toBe(1);
    expect(wh.inspectors).toBe(2);
  });

  it('draws targets and at least two inspectors each, honouring conflicts and the own-county rule', async () => {
    const res = await (await h.as('cd.admin')).post('/api/inspections/draws', { name: '测试抽查（全部）', ratios: ALL, inspectorsPerTarget: 2, excludeOwnCounty: true });
    expect(res.statusCode).toBe(200);
    city = res.json();
    expect(city).toMatchObject({ orgName: '成都市市场监督管理局', regionCode: '510100', candidateCount: 4, inspectorCount: 6, targetCount: 4, reproducible: true, publishedAt: null });
    expect(city.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(city.targets.map((t) => t.tier)).toEqual(['high', 'elevated', 'general', 'low']);
    const regionOf = new Map([...user].map(([name, id]) => [id, name.startsWith('wh.') ? '510107' : name.startsWith('jj.') ? '510104' : '510100']));
    for (const t of city.targets) {
      expect(t.inspectors).toHaveLength(2);
      for (const i of t.inspectors) {
        expect(regionOf.get(i.userId)).not.toBe(t.regionCode);
        expect(i.enforcementId).toMatch(/^5101/);
      }
    }
    const kangning = city.targets.find((t) => t.enterpriseName === KANGNING)!;
    expect(kangning.inspectors.map((i) => i.userId)).not.toContain(user.get('cd.inspector'));
    const shuan = city.targets.find((t) => t.enterpriseName === SHUAN)!;
    expect(shuan.inspectors.map((i) => i.userId)).not.toContain(user.get('jj.inspector'));
    const tianfu = city.targets.find((t) => t.enterpriseName === TIANFU)!;
    expect(tianfu.inspectors.map((i) => i.userId)).not.toContain(user.get('cd.officer'));
  });

  it('records a seed, the sorted inputs and their digest, so the record re-runs to the same result', async () => {
    const record: DrawRecordView = (await (await h.as('cd.officer')).get(`/api/inspections/draws/${city.id}/record`)).json();
    expect(record.seed).toBe(city.seed);
    expect(record.inputsSha256).toBe(drawDigest(record.parameters, record.inputs));
    expect(draw(record.seed, record.parameters, record.inputs)).toEqual(record.targets);
    expect(record.inputs.conflicts).toContainEqual({ inspectorUserId: user.get('cd.inspector'), enterpriseId: enterprise.get(KANGNING) });
    expect(record.parameters).toMatchObject({ algorithm: 'shijian-draw-v1', mode: 'ratio', ratios: ALL, inspectorsPerTarget: 2, excludeOwnCounty: true });
    const ids = record.inputs.inspectors.map((i) => i.userId);
    expect(ids).toEqual([...ids].sort());
  });

  it('audits the draw and every target in its transaction', async () => {
    const audit = (await (await h.as('cd.admin')).get(`/api/audit?entityId=${city.id}`)).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(['inspection.drawn']);
    const target = (await (await h.as('cd.admin')).get(`/api/audit?entityId=${city.targets[3]!.id}`)).json();
    expect(target.items.map((i: { action: string }) => i.action)).toEqual(['inspection.drawn']);
  });

  it('is no longer reproducible once a stored target is changed behind the application', async () => {
    const copy: DrawDetailView = (await (await h.as('cd.admin')).post('/api/inspections/draws', { name: '篡改检测', ratios: ALL })).json();
    const [a, b] = copy.targets[0]!.inspectors.map((i) => i.userId);
    const swap = (x: string, y: string) =>
      h.services.deps.db.execute(sql`update inspection_targets set inspector_user_ids = array[${x}::uuid, ${y}::uuid] where id = ${copy.targets[0]!.id}`);
    await swap(b!, a!);
    expect((await (await h.as('cd.admin')).get(`/api/inspections/draws/${copy.id}`)).json().reproducible).toBe(false);
    await swap(a!, b!);
    expect((await (await h.as('cd.admin')).get(`/api/inspections/draws/${copy.id}`)).json().reproducible).toBe(true);
  });

  it('is refused, naming the enterprise, when too few inspectors are eligible', async () => {
    const res = await (await h.as('wh.officer')).post('/api/inspections/draws', { name: '武侯区抽查', ratios: ALL, excludeOwnCounty: true });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'TOO_FEW_INSPECTORS', details: { enterpriseName: KANGNING, eligible: 0, needed: 2 } });
    expect(res.json().error.message).toContain(`检查对象「${KANGNING}」`);
    const three = await (await h.as('cd.admin')).post('/api/inspections/draws', { name: '三人一组', ratios: ALL, inspectorsPerTarget: 4 });
    expect(three.statusCode).toBe(422);
    expect(three.json().error.code).toBe('TOO_FEW_INSPECTORS');
  });

  it('refuses a count above the candidates, a region outside the scope, and one inspector per target', async () => {
    const cd = await h.as('cd.admin');
    const count = await cd.post('/api/inspections/draws', { name: '按数量', mode: 'count', count: 5 });
    expect(count.statusCode).toBe(422);
    expect(count.json().error).toMatchObject({ code: 'COUNT_EXCEEDS', message: '抽取数量（5）超过符合条件的检查对象数量（4）' });
    const region = await (await h.as('wh.officer')).post('/api/inspections/draws', { name: '越界', regionCode: '510104', excludeOwnCounty: false });
    expect(region.statusCode).toBe(400);
    expect(region.json().error.code).toBe('REGION_OUT_OF_SCOPE');
    const one = await cd.post('/api/inspections/draws', { name: '一人', inspectorsPerTarget: 1 });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.details.fields[0].field).toBe('inspectorsPerTarget');
    expect((await (await h.as('sc.stat')).post('/api/inspections/draws', { name: '统计员' })).statusCode).toBe(403);
    expect((await (await h.as('admin')).post('/api/inspections/draws', { name: '平台' })).statusCode).toBe(403);
  });

  it('draws by count from the whole directory in scope', async () => {
    const res = await (await h.as('cd.admin')).post('/api/inspections/draws', { name: '按数量抽两户', mode: 'count', count: 2, excludeOwnCounty: true });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ mode: 'count', targetCount: 2, reproducible: true, parameters: { count: 2, ratios: null } });
  });
});

describe('scope of draws', () => {
  let wuhou: DrawDetailView;
  let jinjiang: DrawDetailView;
  let city: DrawDetailView;
  beforeAll(async () => {
    wuhou = (await (await h.as('wh.officer')).post('/api/inspections/draws', { name: '武侯区县内抽查', ratios: ALL, excludeOwnCounty: false })).json();
    jinjiang = (await (await h.as('jj.officer')).post('/api/inspections/draws', { name: '锦江区县内抽查', ratios: ALL, excludeOwnCounty: false })).json();
    city = (await (await h.as('cd.admin')).post('/api/inspections/draws', { name: '成都市范围抽查', ratios: ALL })).json();
    expect(wuhou.targets.map((t) => t.enterpriseName)).toEqual([KANGNING]);
    expect(jinjiang.targets.map((t) => t.enterpriseName)).toEqual([JINCHENG]);
  });

  it.each(['wh.officer', 'wh.inspector', 'cd.admin', 'cd.officer', 'sc.admin', 'samr.admin'])('shows the 武侯区 draw to %s (in scope)', async (username) => {
    const c = await h.as(username);
    expect((await c.get(`/api/inspections/draws/${wuhou.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/inspections/draws/${wuhou.id}/record`)).statusCode).toBe(200);
    expect((await c.get('/api/inspections/draws?pageSize=100')).json().items.map((d: { id: string }) => d.id)).toContain(wuhou.id);
  });

  it.each(['jj.officer', 'jj.inspector', 'fj.admin', 'fz.officer', 'yt.officer', 'sn.admin'])('hides the 武侯区 draw from %s: 404 by id, absent from the list', async (username) => {
    const c = await h.as(username);
    for (const url of [`/api/inspections/draws/${wuhou.id}`, `/api/inspections/draws/${wuhou.id}/record`]) {
      const res = await c.get(url);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain(KANGNING);
      expect(res.body).not.toContain(wuhou.seed);
    }
    const list = await c.get('/api/inspections/draws?pageSize=100');
    expect(list.json().items.map((d: { id: string }) => d.id)).not.toContain(wuhou.id);
    expect(list.body).not.toContain('武侯区县内抽查');
    expect((await c.post(`/api/inspections/draws/${wuhou.id}/publish`)).statusCode).toBe(404);
  });

  it('keeps county A’s draw from county B and the other way round', async () => {
    const wh = await h.as('wh.officer');
    expect((await wh.get(`/api/inspections/draws/${jinjiang.id}`)).statusCode).toBe(404);
    expect((await wh.get('/api/inspections/draws?pageSize=100')).body).not.toContain(JINCHENG);
    // A county does not see the draws of the city above it either: they cover other counties.
    expect((await wh.get(`/api/inspections/draws/${city.id}`)).statusCode).toBe(404);
    const jj = await h.as('jj.officer');
    expect((await jj.get(`/api/inspections/draws/${wuhou.id}`)).statusCode).toBe(404);
  });

  it('answers 403 to users outside the regulators', async () => {
    for (const username of ['scqi.admin', 'kangning', 'admin']) {
      expect((await (await h.as(username)).get('/api/inspections/draws')).statusCode).toBe(403);
      expect((await (await h.as(username)).get(`/api/inspections/draws/${wuhou.id}`)).statusCode).toBe(403);
    }
  });

  it('lists an unpublished draw from the start as a commitment to its seed, without seed, targets or results', async () => {
    const anon = h.anonymous();
    expect((await anon.get(`/api/public/inspections/draws/${wuhou.id}`)).statusCode).toBe(404);
    expect((await anon.get(`/public/inspections/${wuhou.id}`)).statusCode).toBe(404);
    const listed = (await anon.get('/api/public/inspections/draws?pageSize=100')).json().items.find((d: { id: string }) => d.id === wuhou.id);
    expect(listed).toEqual({
      id: wuhou.id,
      name: '武侯区县内抽查',
      orgName: '成都市武侯区市场监督管理局',
      regionName: expect.any(String),
      drawnAt: wuhou.drawnAt,
      publishedAt: null,
      targetCount: wuhou.targetCount,
      recordedCount: 0,
      inputsSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      seedSha256: sha256Hex(wuhou.seed),
    });
    const page = (await anon.get('/public/inspections')).body;
    expect(page).toContain('武侯区县内抽查');
    expect(page).toContain(sha256Hex(wuhou.seed));
    expect(page).not.toContain(wuhou.seed);
    expect(page).not.toContain(`/public/inspections/${wuhou.id}`);
  });

  it('gives each officer a queue of their own targets only', async () => {
    for (const username of ['wh.officer', 'wh.inspector', 'jj.officer']) {
      const queue = (await (await h.as(username)).get('/api/inspections/queue?pageSize=100')).json();
      expect(queue.items.length).toBeGreaterThan(0);
      for (const item of queue.items as QueueItemView[]) expect(item.inspectors.map((i) => i.userId)).toContain(user.get(username));
    }
    const fz = (await (await h.as('fz.officer')).get('/api/inspections/queue')).json();
    expect(fz.total).toBe(0);
  });
});

describe('results and publication', () => {
  let d: DrawDetailView;
  beforeAll(async () => {
    d = (await (await h.as('cd.admin')).post('/api/inspections/draws', { name: '成都市结果登记', ratios: ALL })).json();
  });

  it('lets an assigned inspector record a result from the queue, audited', async () => {
    const target = d.targets[0]!;
    const inspector = [...user].find(([, id]) => id === target.inspectors[0]!.userId)![0];
    const c = await h.as(inspector);
    const pending = (await c.get('/api/inspections/queue?pageSize=100')).json().items.map((i: { id: string }) => i.id);
    expect(pending).toContain(target.id);
    const res = await c.post(`/api/inspections/targets/${target.id}/result`, { outcome: 'case_opened', inspectedOn: today, note: '现场发现过期原料，已立案' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: target.id, outcome: 'case_opened', inspectedOn: today, resultNote: '现场发现过期原料，已立案', drawName: '成都市结果登记' });
    expect((await c.get('/api/inspections/queue?pageSize=100')).json().items.map((i: { id: string }) => i.id)).not.toContain(target.id);
    expect((await c.get('/api/inspections/queue?status=recorded&pageSize=100')).json().items.map((i: { id: string }) => i.id)).toContain(target.id);
    const audit = (await (await h.as('cd.admin')).get(`/api/audit?entityId=${target.id}`)).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(['inspection.result_recorded', 'inspection.drawn']);
  });

  it('refuses results from outside the draw, from leaders, and with impossible dates', async () => {
    const target = d.targets[1]!;
    expect((await (await h.as('fz.officer')).post(`/api/inspections/targets/${target.id}/result`, { outcome: 'no_problem', inspectedOn: today })).statusCode).toBe(404);
    const unassigned = ['wh.officer', 'wh.inspector', 'jj.officer', 'jj.inspector'].find((u) => !target.inspectors.some((i) => i.userId === user.get(u)))!;
    expect((await (await h.as(unassigned)).post(`/api/inspections/targets/${target.id}/result`, { outcome: 'no_problem', inspectedOn: today })).statusCode).toBe(404);
    expect((await (await h.as('sc.leader')).post(`/api/inspections/targets/${target.id}/result`, { outcome: 'no_problem', inspectedOn: today })).statusCode).toBe(403);
    const early = await (await h.as('cd.admin')).post(`/api/inspections/targets/${target.id}/result`, { outcome: 'no_problem', inspectedOn: addDays(today, -1) });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe(`检查日期不能早于抽取日期（${today}）`);
    expect((await (await h.as('cd.admin')).post(`/api/inspections/targets/${target.id}/result`, { outcome: 'no_problem', inspectedOn: addDays(today, 1) })).statusCode).toBe(400);
  });

  it('publishes once; the public record re-runs to the same targets and shows results without notes', async () => {
    const cd = await h.as('cd.admin');
    const published = await cd.post(`/api/inspections/draws/${d.id}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().publishedAt).not.toBeNull();
    const again = await cd.post(`/api/inspections/draws/${d.id}/publish`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_PUBLISHED');

    const res = await h.anonymous().get(`/api/public/inspections/draws/${d.id}`);
    expect(res.statusCode).toBe(200);
    const view: PublicDrawView = res.json();
    expect(view).toMatchObject({ name: '成都市结果登记', orgName: '成都市市场监督管理局', seed: d.seed, inputsSha256: d.inputsSha256, targetCount: 4, recordedCount: 1 });
    expect(draw(view.seed, view.parameters, view.inputs)).toEqual(drawnOf(view.targets));
    expect(view.targets[0]).toMatchObject({ enterpriseName: d.targets[0]!.enterpriseName, uscc: d.targets[0]!.uscc, outcome: 'case_opened', inspectedOn: today });
    expect(res.body).not.toContain('过期原料');
    const list = (await h.anonymous().get('/api/public/inspections/draws?pageSize=100')).json();
    expect(list.items[0]).toMatchObject({ id: d.id, targetCount: 4, recordedCount: 1 });
  });

  it('shows the published results on the portal: a paged list and a results table, without script', async () => {
    const anon = h.anonymous();
    const list = await anon.get('/public/inspections');
    expect(list.statusCode).toBe(200);
    expect(list.headers['content-type']).toContain('text/html');
    expect(list.body).toContain('成都市结果登记');
    expect(list.body).toContain('2026年成都市防疫用品生产企业双随机抽查（第一批）');
    // Every draw made is in the log, published or not.
    const { total } = (await anon.get('/api/public/inspections/draws')).json();
    expect(total).toBeGreaterThan(2);
    expect(list.body).toContain(`第 1 / 1 页，共 ${total} 次抽取`);
    const page = await anon.get(`/public/inspections/${d.id}`);
    expect(page.statusCode).toBe(200);
    for (const t of d.targets) expect(page.body).toContain(t.enterpriseName);
    expect(page.body).toContain(d.seed);
    expect(page.body).toContain(d.targets[0]!.inspectors[0]!.enforcementId);
    expect(page.body).toContain('发现问题已立案查处');
    expect(page.body).not.toContain('<script');
    expect((await anon.get('/public/inspections/not-a-uuid')).statusCode).toBe(404);
    expect((await anon.get('/public/inspections/00000000-0000-4000-8000-000000000000')).body).toContain('不存在或尚未公示');
  });

  it('leaves the audit chain whole after every write of this file', async () => {
    const res = await (await h.as('samr.admin')).post('/api/audit/verify');
    expect(res.json().problems.filter((p: { entityType: string | null }) => p.entityType?.startsWith('inspect') || p.entityType === 'risk_tier')).toEqual([]);
  });
});
