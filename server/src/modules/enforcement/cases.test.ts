import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createHarness, forge, type Harness } from '../../../test/harness.js';
import { addDays, addWorkingDays } from '../../platform/calendar/working-days.js';

let h: Harness;
let today: string;
let kangningUscc: string;
beforeAll(async () => {
  h = await createHarness();
  today = h.services.deps.calendar.today();
  kangningUscc = (await (await h.as('kangning')).get('/api/enterprises')).json().items[0].uscc;
});
afterAll(() => h.close());

const lead = (overrides: Record<string, unknown> = {}) => ({
  source: 'inspection',
  partyUscc: kangningUscc,
  productCategory: 'mask',
  violationCategory: 'quality',
  summary: '检查发现标称 KN95 的口罩过滤效率不达标',
  ...overrides,
});

describe('a lead', () => {
  it('gets a number, the handling bureau, the party from the registry and a 15-working-day filing clock', async () => {
    const res = await (await h.as('wh.officer')).post('/api/cases', lead());
    expect(res.statusCode).toBe(200);
    const c = res.json();
    expect(c.caseNo).toMatch(/^AJ510107-\d{4}-\d{5}$/);
    expect(c).toMatchObject({ orgName: '成都市武侯区市场监督管理局', partyName: '成都康宁医疗用品有限公司', stage: 'lead', clock: 'filing', leadOn: today });
    expect(c.filingDueOn).toBe(await h.services.deps.calendar.addWorkingDays(today, 15));
    expect(c.dueOn).toBe(c.filingDueOn);
    expect(c.next).toEqual(['filed', 'not_filed', 'transferred']);
    expect(c.events.map((e: { kind: string }) => e.kind)).toEqual(['created']);
  });

  it('refuses a lead without a party, with a future date, or from a lab', async () => {
    const officer = await h.as('wh.officer');
    const noParty = await officer.post('/api/cases', lead({ partyUscc: undefined }));
    expect(noParty.statusCode).toBe(400);
    expect(noParty.json().error.details.fields[0]).toMatchObject({ field: 'partyName', message: '请填写当事人名称或统一社会信用代码' });
    const future = await officer.post('/api/cases', lead({ leadOn: addDays(today, 3) }));
    expect(future.json().error.details.fields[0]).toMatchObject({ field: 'leadOn' });
    expect((await (await h.as('scqi.admin')).post('/api/cases', lead())).statusCode).toBe(403);
    const unknownCampaign = await officer.post('/api/cases', lead({ campaignId: '00000000-0000-4000-8000-000000000000' }));
    expect(unknownCampaign.json().error.details.fields[0]).toMatchObject({ field: 'campaignId', message: '专项整治行动不存在或不在管辖范围内' });
    const unknownCategory = await officer.post('/api/cases', lead({ productCategory: 'rocket' }));
    expect(unknownCategory.json().error.details.fields[0]).toMatchObject({ field: 'productCategory' });
  });

  it('links a lead to a campaign the bureau takes part in', async () => {
    const campaign = (await (await h.as('wh.officer')).get(`/api/campaigns?q=${encodeURIComponent('防疫物资')}`)).json().items[0];
    const c = (await (await h.as('wh.officer')).post('/api/cases', lead({ campaignId: campaign.id }))).json();
    expect(c.campaignId).toBe(campaign.id);
    expect((await (await h.as('wh.officer')).get(`/api/cases?campaignId=${campaign.id}&pageSize=100`)).json().items.map((x: { id: string }) => x.id)).toContain(c.id);
  });

  it('takes an unregistered party by name', async () => {
    const c = (await (await h.as('wh.officer')).post('/api/cases', lead({ partyUscc: undefined, partyName: '无照经营者 张某' }))).json();
    expect(c).toMatchObject({ partyName: '无照经营者 张某', partyEnterpriseId: null, partyUscc: null });
  });
});

describe('the path of a case', () => {
  it('walks lead → filed → investigating → decided → executed → closed with the clocks following', async () => {
    const officer = await h.as('wh.officer');
    const leadOn = addDays(today, -40);
    const created = (await officer.post('/api/cases', lead({ leadOn }))).json();
    const filedOn = addDays(today, -30);
    const filed = (await officer.post(`/api/cases/${created.id}/transition`, { to: 'filed', on: filedOn })).json();
    expect(filed).toMatchObject({ stage: 'filed', filedOn, clock: 'decision' });
    expect(filed.decisionDueOn >= addDays(filedOn, 90)).toBe(true);
    expect(filed.dueOn).toBe(filed.decisionDueOn);
    await officer.post(`/api/cases/${created.id}/transition`, { to: 'investigating', on: addDays(today, -20) });
    const decided = (
      await officer.post(`/api/cases/${created.id}/transition`, {
        to: 'decided',
        on: addDays(today, -5),
        decisionNo: '武市监处罚〔2026〕8号',
        decision: '没收违法产品，罚款人民币壹拾贰万元',
        fineYuan: '120000.00',
        confiscationYuan: '3580.50',
      })
    ).json();
    expect(decided).toMatchObject({ stage: 'decided', fineYuan: '120000.00', confiscationYuan: '3580.50', clock: null, dueOn: null, daysLeft: null });
    await officer.post(`/api/cases/${created.id}/transition`, { to: 'executed', on: addDays(today, -2) });
    const closed = (await officer.post(`/api/cases/${created.id}/transition`, { to: 'closed', on: today })).json();
    expect(closed.stage).toBe('closed');
    expect(closed.next).toEqual([]);
    expect(closed.events.map((e: { toStage: string | null }) => e.toStage)).toEqual(['lead', 'filed', 'investigating', 'decided', 'executed', 'closed']);
    const again = await officer.post(`/api/cases/${created.id}/transition`, { to: 'filed', on: today });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('不能再变更');
  });

  it('refuses a step out of order and a date before the previous step, saying what is allowed', async () => {
    const officer = await h.as('wh.officer');
    const c = (await officer.post('/api/cases', lead({ leadOn: addDays(today, -3) }))).json();
    const skip = await officer.post(`/api/cases/${c.id}/transition`, { to: 'decided', on: today, decisionNo: 'x', decision: 'y' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toBe('案件当前为「线索」，下一步只能是：立案、不予立案、移送');
    const early = await officer.post(`/api/cases/${c.id}/transition`, { to: 'filed', on: addDays(today, -10) });
    expect(early.json().error.details.fields[0].message).toContain('不能早于');
    const badMoney = await officer.post(`/api/cases/${c.id}/transition`, { to: 'filed', on: today });
    expect(badMoney.statusCode).toBe(200);
    const float = await officer.post(`/api/cases/${c.id}/transition`, { to: 'decided', on: today, decisionNo: 'x', decision: 'y', fineYuan: '12.345' });
    expect(float.statusCode).toBe(400);
    expect(float.json().error.details.fields[0]).toMatchObject({ field: 'fineYuan' });
  });

  it('ends a lead not filed with the reason, or transferred to the police with the receiving unit', async () => {
    const officer = await h.as('wh.officer');
    const a = (await officer.post('/api/cases', lead())).json();
    const notFiled = (await officer.post(`/api/cases/${a.id}/transition`, { to: 'not_filed', on: today, reason: '违法事实不成立' })).json();
    expect(notFiled).toMatchObject({ stage: 'not_filed', notFiledReason: '违法事实不成立', clock: null });
    const b = (await officer.post('/api/cases', lead())).json();
    const moved = (await officer.post(`/api/cases/${b.id}/transition`, { to: 'transferred', on: today, kind: 'police', receivingUnit: '成都市公安局武侯区分局' })).json();
    expect(moved).toMatchObject({ stage: 'transferred', transferKind: 'police', transferredTo: '成都市公安局武侯区分局', transferredOn: today });
  });

  it('extends the filing clock by at most 15 working days, only with a leader’s approval recorded', async () => {
    const c = (await (await h.as('wh.officer')).post('/api/cases', lead())).json();
    const body = { clock: 'filing', days: 10, reason: '涉案产品需送检' };
    expect((await (await h.as('wh.officer')).post(`/api/cases/${c.id}/extensions`, body)).statusCode).toBe(403);
    const extended = (await (await h.as('sc.leader')).post(`/api/cases/${c.id}/extensions`, body)).json();
    expect(extended.filingDueOn).toBe(await h.services.deps.calendar.addWorkingDays(today, 25));
    expect(extended.dueOn).toBe(extended.filingDueOn);
    const leader = (await (await h.as('sc.leader')).get('/api/auth/me')).json().user.displayName;
    expect(extended.events.at(-1)).toMatchObject({ kind: 'extension', clock: 'filing', extensionDays: 10, approvedBy: leader });
    const tooMuch = await (await h.as('sc.leader')).post(`/api/cases/${c.id}/extensions`, { ...body, days: 6 });
    expect(tooMuch.json().error.details.fields[0].message).toContain('最多延长15个工作日');
    const wrongClock = await (await h.as('sc.leader')).post(`/api/cases/${c.id}/extensions`, { ...body, clock: 'decision' });
    expect(wrongClock.statusCode).toBe(409);
  });

  it('refuses to extend a clock whose limit has already passed, so the case stays overdue', async () => {
    const leadOn = await h.services.deps.calendar.addWorkingDays(today, -20);
    const late = (await (await h.as('wh.officer')).post('/api/cases', lead({ leadOn }))).json();
    expect(late.daysLeft).toBeLessThan(0);
    const refused = await (await h.as('sc.leader')).post(`/api/cases/${late.id}/extensions`, { clock: 'filing', days: 10, reason: '补办延长' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'CLOCK_EXPIRED', message: `立案期限已于 ${late.filingDueOn} 届满，届满后不能再延长` });
  });

  it('records units investigated and staff dispatched, and keeps documents with their digest', async () => {
    const officer = await h.as('wh.officer');
    const c = (await officer.post('/api/cases', lead())).json();
    const figures = (await officer.post(`/api/cases/${c.id}/figures`, { unitsInvestigated: 3, staffDispatched: 12, note: '联合检查' })).json();
    expect(figures).toMatchObject({ unitsInvestigated: 3, staffDispatched: 12 });
    const fineEarly = await officer.post(`/api/cases/${c.id}/figures`, { fineYuan: '100', note: 'x' });
    expect(fineEarly.statusCode).toBe(400);
    const pdf = Buffer.from('%PDF-1.4 立案审批表');
    const up = await officer.request({
      method: 'POST',
      url: `/api/cases/${c.id}/documents?title=${encodeURIComponent('立案审批表')}&fileName=lian.pdf`,
      payload: pdf,
      headers: { 'content-type': 'application/pdf' },
    });
    expect(up.statusCode).toBe(200);
    const doc = up.json().documents[0];
    expect(doc).toMatchObject({ title: '立案审批表', size: pdf.length, mimeType: 'application/pdf' });
    const down = await officer.get(`/api/cases/${c.id}/documents/${doc.id}`);
    expect(Buffer.from(down.rawPayload).equals(pdf)).toBe(true);
    const script = await officer.request({ method: 'POST', url: `/api/cases/${c.id}/documents?title=x&fileName=x.html`, payload: '<script>', headers: { 'content-type': 'text/html' } });
    expect(script.statusCode).toBe(415);
    expect((await (await h.as('jj.officer')).get(`/api/cases/${c.id}/documents/${doc.id}`)).statusCode).toBe(404);
  });

  it('never lets SQL delete a case or rewrite its history', async () => {
    const c = (await (await h.as('wh.officer')).post('/api/cases', lead())).json();
    const refusal = (statement: ReturnType<typeof sql>) =>
      h.services.deps.db.execute(statement).then(
        () => 'allowed',
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
    expect(await refusal(sql`delete from case_events where case_id = ${c.id}`)).toMatch(/只能追加/);
    expect(await refusal(sql`update case_events set note = 'x' where case_id = ${c.id}`)).toMatch(/只能追加/);
    expect(await refusal(sql`delete from cases where id = ${c.id}`)).toMatch(/不得删除/);
  });

  it('shows an edited case in the audit verification', async () => {
    const c = (await (await h.as('wh.officer')).post('/api/cases', lead())).json();
    await forge(h.services.deps.db, sql`update cases set fine_yuan = '1.00' where id = ${c.id}`);
    const report = await h.services.auditLog.verify(h.system);
    expect(report.problems.some((p) => p.entityId === c.id)).toBe(true);
    await forge(h.services.deps.db, sql`update cases set fine_yuan = '0.00' where id = ${c.id}`);
  });
});

describe('scope and the deadline dashboard', () => {
  it('shows a county its own cases only; the province both counties; another province none', async () => {
    const wh = (await (await h.as('wh.officer')).post('/api/cases', lead({ summary: '武侯区案件' }))).json();
    const jj = (await (await h.as('jj.officer')).post('/api/cases', lead({ summary: '锦江区案件' }))).json();
    const ids = async (user: string) => (await (await h.as(user)).get('/api/cases?pageSize=100')).json().items.map((c: { id: string }) => c.id) as string[];
    expect(await ids('wh.officer')).toContain(wh.id);
    expect(await ids('wh.officer')).not.toContain(jj.id);
    expect(await ids('jj.officer')).not.toContain(wh.id);
    expect(await ids('sc.admin')).toEqual(expect.arrayContaining([wh.id, jj.id]));
    expect(await ids('fj.admin')).not.toContain(wh.id);
    expect((await (await h.as('jj.officer')).get(`/api/cases/${wh.id}`)).statusCode).toBe(404);
    expect((await (await h.as('fz.officer')).get(`/api/cases/${wh.id}`)).statusCode).toBe(404);
    expect((await (await h.as('jj.officer')).post(`/api/cases/${wh.id}/transition`, { to: 'filed', on: today })).statusCode).toBe(404);
    expect((await (await h.as('kangning')).get('/api/cases')).statusCode).toBe(403);
    expect((await (await h.as('scqi.admin')).get(`/api/cases/${wh.id}`)).statusCode).toBe(403);
  });

  it('lists overdue and soon-due cases in scope, soonest first, with counts per clock', async () => {
    const officer = await h.as('wh.officer');
    const overdueLeadOn = await h.services.deps.calendar.addWorkingDays(today, -20); // filing limit passed 5 working days ago
    const overdue = (await officer.post('/api/cases', lead({ leadOn: overdueLeadOn, summary: '超期未立案' }))).json();
    expect(overdue.daysLeft).toBeLessThan(0);
    const board = (await officer.get('/api/cases/deadlines?withinDays=30&limit=200')).json();
    expect(board.today).toBe(today);
    const item = board.items.find((c: { id: string }) => c.id === overdue.id);
    expect(item).toMatchObject({ clock: 'filing', dueOn: addWorkingDays(overdueLeadOn, 15, await h.services.deps.calendar.overrides()) });
    const dues = board.items.map((c: { dueOn: string }) => c.dueOn);
    expect(dues).toEqual([...dues].sort());
    const filing = board.counts.find((c: { clock: string }) => c.clock === 'filing');
    expect(filing.overdue).toBeGreaterThanOrEqual(1);
    // Another county's board does not show it; the province's does.
    expect((await (await h.as('jj.officer')).get('/api/cases/deadlines?withinDays=30&limit=200')).json().items.map((c: { id: string }) => c.id)).not.toContain(overdue.id);
    expect((await (await h.as('sc.admin')).get('/api/cases/deadlines?withinDays=30&limit=200')).json().items.map((c: { id: string }) => c.id)).toContain(overdue.id);
  });

  it('filters by stage and finds a case by number or party', async () => {
    const officer = await h.as('wh.officer');
    const c = (await officer.post('/api/cases', lead({ partyUscc: undefined, partyName: '查找测试商行' }))).json();
    expect((await officer.get(`/api/cases?q=${encodeURIComponent('查找测试')}`)).json().items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    expect((await officer.get(`/api/cases?q=${c.caseNo}`)).json().items.map((x: { id: string }) => x.id)).toEqual([c.id]);
    const leads = (await officer.get('/api/cases?stage=lead&pageSize=100')).json();
    expect(leads.items.every((x: { stage: string }) => x.stage === 'lead')).toBe(true);
    expect(leads.totalCapped).toBe(false);
  });
});
