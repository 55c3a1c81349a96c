import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPIDEMIC_CAMPAIGN, TESTING_CAMPAIGN } from '../../demo/campaigns.js';
import { addDays } from '../../platform/calendar/working-days.js';
import { FixedClock } from '../../platform/clock.js';
import { createHarness, type Harness } from '../../../test/harness.js';

let h: Harness;
const clock = new FixedClock(new Date());
let today: string;
const ids = { epidemic: '', testing: '', kangning: '', kangningUscc: '', shuan: '', chengdu: '', fujianEnterprise: '' };

beforeAll(async () => {
  h = await createHarness({ clock });
  today = h.services.deps.calendar.today();
  const campaigns = (await (await h.as('samr.admin')).get('/api/campaigns?pageSize=100')).json().items as { id: string; name: string }[];
  ids.epidemic = campaigns.find((c) => c.name === EPIDEMIC_CAMPAIGN)!.id;
  ids.testing = campaigns.find((c) => c.name === TESTING_CAMPAIGN)!.id;
  const enterprises = (await (await h.as('samr.admin')).get('/api/enterprises?pageSize=100')).json().items as { id: string; name: string; uscc: string }[];
  const kangning = enterprises.find((e) => e.name === '成都康宁医疗用品有限公司')!;
  ids.kangning = kangning.id;
  ids.kangningUscc = kangning.uscc;
  ids.shuan = enterprises.find((e) => e.name === '成都蜀安防护科技有限公司')!.id;
  ids.fujianEnterprise = enterprises.find((e) => e.name === '福建闽康卫材有限公司')!.id;
  ids.chengdu = (await (await h.as('samr.admin')).get('/api/orgs')).json().items.find((o: { name: string }) => o.name === '成都市市场监督管理局').id;
});
afterAll(() => h.close());

const campaignBody = (overrides: Record<string, unknown> = {}) => ({
  name: '四川省红外体温计质量专项整治',
  startsOn: '2025-01-01',
  endsOn: '2025-06-30',
  categories: ['ir_thermometer', 'ir_sensor'],
  areaCodes: ['510100', '510700'],
  memberDepartments: ['四川省药品监督管理局', '四川省公安厅'],
  description: '排查红外体温计及传感器生产企业。',
  ...overrides,
});

describe('the demo campaigns', () => {
  it('carry the periods, categories and lead of the notices', async () => {
    const epidemic = (await (await h.as('wh.officer')).get(`/api/campaigns/${ids.epidemic}`)).json();
    expect(epidemic).toMatchObject({
      leadOrgName: '国家市场监督管理总局',
      regionName: '全国',
      startsOn: '2020-05-11',
      endsOn: '2020-06-30',
      phase: 'ended',
      categories: ['mask', 'ventilator', 'protective_suit', 'ir_thermometer', 'covid_test_kit', 'meltblown', 'nonwoven', 'ir_sensor'],
      editable: false,
    });
    expect(epidemic.memberDepartments).toContain('海关总署');
    const testing = (await (await h.as('samr.admin')).get(`/api/campaigns/${ids.testing}`)).json();
    expect(testing).toMatchObject({ startsOn: '2022-04-01', endsOn: '2022-07-31', editable: true });
  });
});

describe('creating and editing campaigns', () => {
  it('names the field of each mistake in Chinese', async () => {
    const c = await h.as('sc.admin');
    const missing = await c.post('/api/campaigns', { startsOn: '2025-01-01', endsOn: '2024-12-31', categories: [] });
    expect(missing.statusCode).toBe(400);
    const fields = Object.fromEntries(missing.json().error.details.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(fields).toMatchObject({ name: '请填写行动名称', categories: '请至少选择一个产品类别' });
    const backwards = await c.post('/api/campaigns', campaignBody({ endsOn: '2024-12-31' }));
    expect(backwards.json().error).toMatchObject({ message: '结束日期不能早于开始日期', details: { fields: [{ field: 'endsOn' }] } });
    const badDate = await c.post('/api/campaigns', campaignBody({ startsOn: '2025-02-30' }));
    expect(badDate.json().error.message).toBe('开始日期不是有效日期（格式 YYYY-MM-DD）');
    const unknown = await c.post('/api/campaigns', campaignBody({ categories: ['rocket'] }));
    expect(unknown.json().error.message).toBe('未知或已停用的产品类别：rocket');
    const elsewhere = await c.post('/api/campaigns', campaignBody({ areaCodes: ['350100'] }));
    expect(elsewhere.json().error).toMatchObject({ message: '整治地区应在牵头部门的辖区内', details: { fields: [{ field: 'areaCodes' }] } });
  });

  it('lets an admin create one for its bureau, audited, and refuses a second of the same name', async () => {
    const c = await h.as('sc.admin');
    const res = await c.post('/api/campaigns', campaignBody());
    expect(res.statusCode).toBe(200);
    const created = res.json();
    expect(created).toMatchObject({ leadOrgName: '四川省市场监督管理局', regionCode: '510000', areaNames: ['成都市', '绵阳市'], phase: 'ended', editable: true });
    expect(created.counts).toEqual({ screenings: 0, nonconforming: 0, pendingRectification: 0, overdueRectification: 0, problems: 0, openProblems: 0, overdueProblems: 0 });
    const audit = (await c.get(`/api/audit?entityId=${created.id}`)).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(['campaign.created']);
    const again = await c.post('/api/campaigns', campaignBody());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CAMPAIGN_EXISTS');
  });

  it('leaves campaign writing to admins and leaders', async () => {
    expect((await (await h.as('cd.officer')).post('/api/campaigns', campaignBody({ name: '成都市某专项' }))).statusCode).toBe(403);
    expect((await (await h.as('sc.stat')).post('/api/campaigns', campaignBody({ name: '成都市某专项' }))).statusCode).toBe(403);
    const leader = await (await h.as('sc.leader')).post('/api/campaigns', campaignBody({ name: '成都市某专项', leadOrgId: ids.chengdu, areaCodes: [] }));
    expect(leader.json()).toMatchObject({ leadOrgName: '成都市市场监督管理局', regionCode: '510100' });
  });

  it('lets only the lead or a bureau above it edit, and keeps existing screenings inside the period', async () => {
    expect((await (await h.as('sc.admin')).patch(`/api/campaigns/${ids.epidemic}`, { description: '改' })).statusCode).toBe(403);
    const samr = await h.as('samr.admin');
    const shrink = await samr.patch(`/api/campaigns/${ids.epidemic}`, { endsOn: '2020-05-20' });
    expect(shrink.statusCode).toBe(400);
    expect(shrink.json().error.message).toMatch(/^已有 \d+ 条排查记录的排查日期在新的行动期间之外$/);
    const drop = await samr.patch(`/api/campaigns/${ids.epidemic}`, { categories: ['ventilator'] });
    expect(drop.json().error.message).toContain('不能移除');
    const ok = await samr.patch(`/api/campaigns/${ids.epidemic}`, { memberDepartments: ['国家发展和改革委员会', '工业和信息化部', '公安部', '商务部', '海关总署', '国家药品监督管理局', '国家卫生健康委员会'] });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().memberDepartments).toHaveLength(7);
    expect((await samr.get(`/api/audit?entityId=${ids.epidemic}`)).json().items[0].action).toBe('campaign.updated');
  });

  it('filters by phase, category and name, and sorts', async () => {
    const c = await h.as('samr.stat');
    const ended = (await c.get('/api/campaigns?phase=ended&pageSize=100')).json().items.map((i: { name: string }) => i.name);
    expect(ended).toEqual(expect.arrayContaining([EPIDEMIC_CAMPAIGN, TESTING_CAMPAIGN]));
    expect((await c.get('/api/campaigns?phase=ongoing&pageSize=100')).json().items.map((i: { name: string }) => i.name)).not.toContain(EPIDEMIC_CAMPAIGN);
    const food = (await c.get('/api/campaigns?category=food&pageSize=100')).json().items.map((i: { name: string }) => i.name);
    expect(food).toContain(TESTING_CAMPAIGN);
    expect(food).not.toContain(EPIDEMIC_CAMPAIGN);
    expect((await c.get(`/api/campaigns?q=${encodeURIComponent('全国防疫物资')}`)).json()).toMatchObject({ total: 1, items: [{ name: EPIDEMIC_CAMPAIGN }] });
    const byStart = (await c.get('/api/campaigns?sort=startsOn&order=asc&pageSize=100')).json().items.map((i: { startsOn: string }) => i.startsOn);
    expect(byStart).toEqual([...byStart].sort());
    const page = (await c.get('/api/campaigns?pageSize=1&page=2')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThanOrEqual(3);
  });
});

describe('recording screenings', () => {
  const screening = (overrides: Record<string, unknown> = {}) => ({
    campaignId: ids.epidemic,
    enterpriseId: ids.kangning,
    category: 'mask',
    screenedOn: '2020-06-01',
    officers: ['郑凯', '刘洋'],
    result: 'conforming',
    ...overrides,
  });

  it('records a conforming screening with no rectification, audited', async () => {
    const c = await h.as('wh.officer');
    const res = await c.post('/api/screenings', screening());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      campaignName: EPIDEMIC_CAMPAIGN,
      enterpriseName: '成都康宁医疗用品有限公司',
      regionName: '武侯区',
      result: 'conforming',
      rectificationStatus: 'not_required',
      rectificationDeadline: null,
      orgName: '成都市武侯区市场监督管理局',
      overdue: false,
    });
    const audit = (await (await h.as('sc.admin')).get(`/api/audit?entityId=${res.json().id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'screening.recorded', actorName: '武侯区局执法人员 郑凯' });
  });

  it('requires problems and a deadline for 不合格, and refuses a deadline for 合格', async () => {
    const c = await h.as('wh.officer');
    const res = await c.post('/api/screenings', screening({ result: 'nonconforming', screenedOn: '2020-06-02' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'problems', message: '排查结果为不合格时，请填写发现的问题' }),
        expect.objectContaining({ field: 'rectificationDeadline', message: '排查结果为不合格时，请填写整改期限' }),
      ]),
    );
    const early = await c.post('/api/screenings', screening({ result: 'nonconforming', screenedOn: '2020-06-02', problems: 'x', rectificationDeadline: '2020-06-01' }));
    expect(early.json().error.message).toBe('整改期限不能早于排查日期');
    const conformingDeadline = await c.post('/api/screenings', screening({ screenedOn: '2020-06-02', rectificationDeadline: '2020-06-20' }));
    expect(conformingDeadline.json().error.message).toBe('排查结果为合格时无需填写整改期限');
    expect((await c.post('/api/screenings', screening({ officers: [] }))).json().error.message).toBe('请至少填写一名检查人员');
  });

  it('holds a screening to its campaign: categories, period and area; and to today', async () => {
    const c = await h.as('wh.officer');
    expect((await c.post('/api/screenings', screening({ category: 'food' }))).json().error.message).toContain('不在本专项行动的产品类别内');
    expect((await c.post('/api/screenings', screening({ screenedOn: '2020-07-01' }))).json().error.message).toBe('排查日期应在专项行动期间（2020-05-11 至 2020-06-30）内');
    expect((await c.post('/api/screenings', screening({ category: 'rocket' }))).json().error.message).toBe('未知或已停用的产品类别：rocket');
    const tomorrow = await c.post('/api/screenings', screening({ campaignId: null, screenedOn: addDays(today, 1) }));
    expect(tomorrow.json().error).toMatchObject({ message: '排查日期不能晚于今天', details: { fields: [{ field: 'screenedOn' }] } });
    // A Sichuan campaign limited to 绵阳 does not cover 武侯.
    const mianyang = (await (await h.as('sc.admin')).post('/api/campaigns', campaignBody({ name: '绵阳红外专项', areaCodes: ['510700'], categories: ['mask'] }))).json();
    const outside = await c.post('/api/screenings', screening({ campaignId: mianyang.id, screenedOn: '2025-03-01' }));
    expect(outside.json().error.message).toBe('该企业所在地区不在本专项行动的整治范围内');
  });

  it('finds the enterprise by credit code and refuses the same screening twice', async () => {
    const c = await h.as('wh.officer');
    const body = screening({ enterpriseId: undefined, uscc: ids.kangningUscc, category: 'protective_suit', screenedOn: '2020-06-03' });
    expect((await c.post('/api/screenings', body)).json().enterpriseId).toBe(ids.kangning);
    const again = await c.post('/api/screenings', body);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'SCREENING_DUPLICATE', message: '该企业该产品类别在 2020-06-03 已有排查记录' });
  });

  it('leaves recording to officers and admins', async () => {
    expect((await (await h.as('sc.stat')).post('/api/screenings', screening({ screenedOn: '2020-06-04' }))).statusCode).toBe(403);
    expect((await (await h.as('sc.leader')).post('/api/screenings', screening({ screenedOn: '2020-06-04' }))).statusCode).toBe(403);
  });
});

describe('rectification and the overdue queue', () => {
  let pendingId = '';

  it('lists a pending rectification as overdue only after its deadline day', async () => {
    const c = await h.as('wh.officer');
    const record = async (category: string, deadline: string) =>
      (
        await c.post('/api/screenings', {
          enterpriseId: ids.kangning,
          category,
          screenedOn: addDays(today, -10),
          officers: ['郑凯'],
          result: 'nonconforming',
          problems: '防护服缝线处渗水',
          rectificationDeadline: deadline,
        })
      ).json();
    const dueToday = await record('protective_suit', today);
    const dueYesterday = await record('mask', addDays(today, -1));
    expect(dueToday).toMatchObject({ rectificationStatus: 'pending', overdue: false });
    expect(dueYesterday).toMatchObject({ rectificationStatus: 'pending', overdue: true });
    pendingId = dueToday.id;
    const queue = (await c.get('/api/screenings?overdue=true&pageSize=100')).json().items.map((i: { id: string }) => i.id);
    expect(queue).toContain(dueYesterday.id);
    expect(queue).not.toContain(dueToday.id);
    const notOverdue = (await c.get('/api/screenings?overdue=false&pageSize=100')).json().items.map((i: { id: string }) => i.id);
    expect(notOverdue).toContain(dueToday.id);
    expect(notOverdue).not.toContain(dueYesterday.id);
    const pending = (await c.get('/api/screenings?rectificationStatus=pending&pageSize=100')).json().items.map((i: { id: string }) => i.id);
    expect(pending).toEqual(expect.arrayContaining([dueToday.id, dueYesterday.id]));
  });

  it('moves a rectification into the queue when the working calendar’s today passes its deadline', async () => {
    // Through the service: moving the clock a day would also age the test's HTTP sessions.
    const actor = await h.actor('wh.officer');
    const overdueIds = async () => (await h.services.campaigns.screenings.list(actor, { page: 1, pageSize: 100, order: 'desc', sort: 'screenedOn', overdue: true })).items.map((i) => i.id);
    expect(await overdueIds()).not.toContain(pendingId);
    const now = clock.now();
    clock.advance(86_400_000);
    try {
      expect(await overdueIds()).toContain(pendingId);
      expect((await h.services.campaigns.get(actor, ids.epidemic)).counts.overdueRectification).toBe(0);
    } finally {
      clock.set(now);
    }
  });

  it('includes the demo’s overdue rectification for the city, not for another county', async () => {
    const city = (await (await h.as('cd.officer')).get('/api/screenings?overdue=true&pageSize=100')).json().items;
    expect(city.map((i: { enterpriseName: string }) => i.enterpriseName)).toContain('四川天府生物检测试剂有限公司');
    expect(city.every((i: { overdue: boolean; rectificationStatus: string }) => i.overdue && i.rectificationStatus === 'pending')).toBe(true);
    const county = (await (await h.as('jj.officer')).get('/api/screenings?overdue=true&pageSize=100')).json().items;
    expect(county.map((i: { enterpriseName: string }) => i.enterpriseName)).not.toContain('四川天府生物检测试剂有限公司');
  });

  it('completes a rectification once, with its date and note, audited', async () => {
    const c = await h.as('wh.officer');
    const before = await c.post(`/api/screenings/${pendingId}/rectification`, { rectifiedOn: addDays(today, -11), note: '已更换缝线工艺' });
    expect(before.json().error.message).toBe('整改完成日期不能早于排查日期');
    const future = await c.post(`/api/screenings/${pendingId}/rectification`, { rectifiedOn: addDays(today, 30), note: '已更换缝线工艺' });
    expect(future.json().error.message).toBe('整改完成日期不能晚于今天');
    const noNote = await c.post(`/api/screenings/${pendingId}/rectification`, { rectifiedOn: today });
    expect(noNote.json().error.message).toBe('请填写整改情况');
    const done = await c.post(`/api/screenings/${pendingId}/rectification`, { rectifiedOn: addDays(today, -2), note: '已更换缝线工艺，复查合格' });
    expect(done.json()).toMatchObject({ rectificationStatus: 'completed', rectifiedOn: addDays(today, -2), rectificationNote: '已更换缝线工艺，复查合格', overdue: false });
    const twice = await c.post(`/api/screenings/${pendingId}/rectification`, { rectifiedOn: today, note: '再次' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('该排查的整改已登记完成');
    const audit = (await (await h.as('sc.admin')).get(`/api/audit?entityId=${pendingId}`)).json().items.map((i: { action: string }) => i.action);
    expect(audit).toEqual(['screening.rectified', 'screening.recorded']);
  });

  it('refuses a rectification for a conforming screening', async () => {
    const c = await h.as('wh.officer');
    const conforming = (await c.get('/api/screenings?result=conforming&pageSize=1')).json().items[0];
    const res = await c.post(`/api/screenings/${conforming.id}/rectification`, { rectifiedOn: today, note: 'x' });
    expect(res.json().error).toMatchObject({ code: 'RECTIFICATION_NOT_PENDING', message: '该排查结果为合格，无需整改' });
  });
});

describe('listing screenings', () => {
  it('filters by campaign, category, result and enterprise name, and sorts by enterprise', async () => {
    const c = await h.as('sc.admin');
    const list = (await c.get(`/api/screenings?campaignId=${ids.epidemic}&category=mask&pageSize=100`)).json();
    expect(list.items.every((i: { campaignId: string; category: string }) => i.campaignId === ids.epidemic && i.category === 'mask')).toBe(true);
    expect(list.items.map((i: { enterpriseName: string }) => i.enterpriseName)).toEqual(expect.arrayContaining(['成都康宁医疗用品有限公司', '成都蜀安防护科技有限公司']));
    const bad = (await c.get(`/api/screenings?campaignId=${ids.epidemic}&result=nonconforming&pageSize=100`)).json();
    expect(bad.items.every((i: { result: string }) => i.result === 'nonconforming')).toBe(true);
    expect(bad.total).toBeGreaterThanOrEqual(3);
    const named = (await c.get(`/api/screenings?campaignId=${ids.epidemic}&q=${encodeURIComponent('蜀安')}&pageSize=100`)).json();
    expect(named.total).toBe(2);
    const sorted = (await c.get('/api/screenings?sort=enterpriseName&order=asc&pageSize=100')).json().items.map((i: { enterpriseName: string }) => i.enterpriseName);
    expect(sorted).toEqual([...sorted].sort((a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)));
    const county = (await c.get(`/api/screenings?campaignId=${ids.epidemic}&regionCode=510112&pageSize=100`)).json().items;
    expect(county.length).toBe(2);
    expect(county.every((i: { regionCode: string }) => i.regionCode === '510112')).toBe(true);
  });
});

describe('the problem ledger', () => {
  let problemId = '';

  it('logs a problem for the caller’s bureau by default, audited', async () => {
    const c = await h.as('cd.officer');
    const invalid = await c.post('/api/problems', { campaignId: ids.epidemic, deadline: '2025-02-30' });
    expect(Object.fromEntries(invalid.json().error.details.fields.map((f: { field: string; message: string }) => [f.field, f.message]))).toMatchObject({
      problem: '请填写问题描述',
      responsibleUnit: '请填写责任单位',
      deadline: '整改时限不是有效日期（格式 YYYY-MM-DD）',
    });
    const res = await c.post('/api/problems', {
      campaignId: ids.epidemic,
      problem: '部分药店销售无合格证明的口罩',
      responsibleUnit: '成都市市场监督管理局',
      deadline: addDays(today, 10),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'open', orgName: '成都市市场监督管理局', regionCode: '510100', campaignName: EPIDEMIC_CAMPAIGN, overdue: false, resolvedOn: null });
    problemId = res.json().id;
    expect((await (await h.as('sc.admin')).get(`/api/audit?entityId=${problemId}`)).json().items[0].action).toBe('problem.created');
  });

  it('refuses an enterprise or bureau outside the caller’s scope', async () => {
    const c = await h.as('cd.officer');
    const base = { campaignId: ids.epidemic, problem: 'x', responsibleUnit: 'y', deadline: '2025-06-30' };
    expect((await c.post('/api/problems', { ...base, enterpriseId: ids.fujianEnterprise })).json().error.message).toBe('企业不存在或不在您的管辖范围内');
    const sichuan = (await (await h.as('sc.admin')).get('/api/auth/me')).json().org.id;
    expect((await c.post('/api/problems', { ...base, bureauId: sichuan })).json().error.message).toBe('督办部门须为您管辖范围内的市场监管部门');
  });

  it('moves forward only, and resolving (销号) needs the date and the measures', async () => {
    const c = await h.as('cd.officer');
    expect((await c.post(`/api/problems/${problemId}/status`, { status: 'open' })).json().error.code).toBe('PROBLEM_STATUS_INVALID');
    expect((await c.post(`/api/problems/${problemId}/status`, { status: 'in_progress' })).json().status).toBe('in_progress');
    expect((await c.post(`/api/problems/${problemId}/status`, { status: 'open' })).json().error.message).toBe('问题状态只能向前推进（待整改 → 整改中 → 已销号）');
    const bare = await c.post(`/api/problems/${problemId}/status`, { status: 'resolved' });
    expect(bare.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(['resolvedOn', 'measures']);
    const edited = await c.patch(`/api/problems/${problemId}`, { deadline: addDays(today, 20) });
    expect(edited.json().deadline).toBe(addDays(today, 20));
    const resolved = await c.post(`/api/problems/${problemId}/status`, { status: 'resolved', resolvedOn: today, measures: '下架问题口罩，约谈药店负责人' });
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedOn: today, measures: '下架问题口罩，约谈药店负责人', overdue: false });
    expect((await c.patch(`/api/problems/${problemId}`, { problem: '改' })).json().error.code).toBe('PROBLEM_RESOLVED');
    expect((await c.post(`/api/problems/${problemId}/status`, { status: 'in_progress' })).statusCode).toBe(409);
    const actions = (await (await h.as('sc.admin')).get(`/api/audit?entityId=${problemId}`)).json().items.map((i: { action: string }) => i.action);
    expect(actions).toEqual(['problem.updated', 'problem.updated', 'problem.updated', 'problem.created']);
  });

  it('lists the overdue and the unresolved, per campaign', async () => {
    const c = await h.as('sc.admin');
    const overdue = (await c.get('/api/problems?overdue=true&pageSize=100')).json().items;
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue.every((p: { overdue: boolean; status: string }) => p.overdue && p.status !== 'resolved')).toBe(true);
    expect(overdue.map((p: { problem: string }) => p.problem)).toContain('建材检测报告签发人员超出授权范围');
    const open = (await c.get(`/api/problems?campaignId=${ids.testing}&unresolved=true&pageSize=100`)).json().items;
    expect(open.map((p: { problem: string }) => p.problem).sort()).toEqual(['建材检测报告签发人员超出授权范围', '部分检验检测机构原始记录保存不完整，无法复现检测过程'].sort());
    const resolved = (await c.get('/api/problems?status=resolved&pageSize=100')).json().items;
    expect(resolved.every((p: { status: string; resolvedOn: string | null }) => p.status === 'resolved' && p.resolvedOn)).toBe(true);
    const byStatus = (await c.get('/api/problems?sort=status&pageSize=100')).json().items.map((p: { status: string }) => p.status);
    const rank = { open: 0, in_progress: 1, resolved: 2 } as Record<string, number>;
    expect(byStatus.map((s: string) => rank[s])).toEqual([...byStatus.map((s: string) => rank[s])].sort());
    expect((await c.get(`/api/problems?q=${encodeURIComponent('签发人员')}`)).json().total).toBe(1);
  });

  it('leaves the ledger read-only to statisticians', async () => {
    expect((await (await h.as('sc.stat')).post('/api/problems', { campaignId: ids.epidemic, problem: 'x', responsibleUnit: 'y', deadline: '2025-06-30' })).statusCode).toBe(403);
  });
});

describe('the audit chain', () => {
  it('still verifies after every write of this file', async () => {
    const res = await (await h.as('samr.admin')).post('/api/audit/verify');
    expect(res.json()).toMatchObject({ ok: true, problems: [] });
  });
});
