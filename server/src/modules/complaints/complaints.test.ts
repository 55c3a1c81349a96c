import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ComplaintView } from '@shijian/contracts';
import { createHarness, type Harness } from '../../../test/harness.js';
import { rawRows } from '../../db/client.js';

/**
 * Complaints and reports against the demo world: routing to the bureau of the target's
 * region, the decision clock, mediation, the reply, a case lead with one action, the
 * complainant's contact seen by the handling bureau only, and who sees which complaint.
 */
let h: Harness;
const ids = { kangningUscc: '' };

beforeAll(async () => {
  h = await createHarness();
  const [k] = await rawRows<{ uscc: string }>(h.services.deps.db, sql`select uscc from enterprises where name = '成都康宁医疗用品有限公司'`);
  ids.kangningUscc = k!.uscc;
});
afterAll(() => h.close());

const maskComplaint = (over: Record<string, unknown> = {}) => ({
  kind: 'complaint',
  complainantName: '刘女士',
  complainantPhone: '13800000001',
  targetName: '成都康宁医疗用品有限公司',
  targetUscc: ids.kangningUscc,
  productCategory: 'mask',
  subject: '购买的医用口罩无执行标准',
  content: '在药店购买的一次性医用口罩包装上没有执行标准编号，佩戴有异味。',
  amountYuan: '59.90',
  ...over,
});

describe('intake and routing', () => {
  it('takes a complaint on the portal without a login and routes it to the bureau of the registered target’s county', async () => {
    const res = await h.anonymous().post('/api/public/complaints', maskComplaint());
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json() as { complaintNo: string; accessCode: string; handlingOrgName: string; dueOn: string };
    expect(created.handlingOrgName).toBe('成都市武侯区市场监督管理局');
    expect(created.complaintNo).toMatch(/^TS510107-\d{4}-\d{6}$/);
    const status = await h.anonymous().get(`/api/public/complaints/status?no=${created.complaintNo}&code=${created.accessCode}`);
    expect(status.json()).toMatchObject({ status: 'received', handlingOrgName: '成都市武侯区市场监督管理局', dueOn: created.dueOn });
    expect((await h.anonymous().get(`/api/public/complaints/status?no=${created.complaintNo}&code=WRONG999`)).statusCode).toBe(404);
  });

  it('routes an unregistered target by the region given, and asks for it when missing', async () => {
    const noRegion = await h.anonymous().post('/api/public/complaints', maskComplaint({ targetUscc: undefined, targetName: '某无证小作坊' }));
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.json().error.details.fields[0].field).toBe('targetRegionCode');
    const routed = await h.anonymous().post('/api/public/complaints', maskComplaint({ kind: 'report', targetUscc: undefined, targetName: '某无证小作坊', targetRegionCode: '350102' }));
    expect(routed.json().handlingOrgName).toBe('福州市鼓楼区市场监督管理局');
    // A place with no bureau of its own goes to the nearest one above: 绵阳 city for 涪城区.
    const up = await h.anonymous().post('/api/public/complaints', maskComplaint({ targetUscc: undefined, targetName: '某药店', targetRegionCode: '510703' }));
    expect(up.json().handlingOrgName).toBe('绵阳市市场监督管理局');
    // A region that does not exist is refused even beside a registered target, and nothing is written.
    const count = async () => (await rawRows<{ n: number }>(h.services.deps.db, sql`select count(*)::int as n from complaints`))[0]!.n;
    const before = await count();
    const bogus = await h.anonymous().post('/api/public/complaints', maskComplaint({ targetRegionCode: '999999' }));
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().error.details.fields).toEqual([expect.objectContaining({ field: 'targetRegionCode', message: '行政区划代码不存在' })]);
    expect(await count()).toBe(before);
  });

  it('refuses bad input with every field named, writing nothing', async () => {
    const before = await rawRows<{ n: string }>(h.services.deps.db, sql`select count(*)::text as n from complaints`);
    const res = await h.anonymous().post('/api/public/complaints', { kind: 'gossip', complainantName: '', complainantPhone: 'x', targetName: '', targetUscc: '123', subject: '', content: '' });
    expect(res.statusCode).toBe(400);
    const fields = (res.json().error.details.fields as { field: string }[]).map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['kind', 'complainantName', 'complainantPhone', 'targetName', 'targetUscc', 'subject', 'content']));
    const after = await rawRows<{ n: string }>(h.services.deps.db, sql`select count(*)::text as n from complaints`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('handling', () => {
  it('accepts a complaint, starts 45 working days of mediation, records the result and the reply', async () => {
    const wh = await h.as('wh.officer');
    const c = (await wh.post('/api/complaints', { ...maskComplaint(), channel: 'phone' })).json() as ComplaintView;
    expect(c).toMatchObject({ status: 'received', clock: 'decision', channel: 'phone', complainantPhone: '13800000001', targetEnterpriseId: expect.any(String) });
    // Not yet decided: no reply; not the province's to handle.
    expect((await wh.post(`/api/complaints/${c.id}/reply`, { reply: '已收到' })).json().error.code).toBe('NOT_DECIDED');
    expect((await (await h.as('sc.admin')).post(`/api/complaints/${c.id}/accept`, { note: '受理' })).json().error.code).toBe('NOT_HANDLING');

    const accepted = (await wh.post(`/api/complaints/${c.id}/accept`, { note: '符合受理条件，组织调解' })).json() as ComplaintView;
    expect(accepted).toMatchObject({ status: 'accepted', clock: 'mediation' });
    expect(accepted.dueOn! > accepted.receivedOn).toBe(true);
    expect((await wh.post(`/api/complaints/${c.id}/accept`, { note: '再受理' })).json().error.code).toBe('ALREADY_DECIDED');
    const mediated = (await wh.post(`/api/complaints/${c.id}/mediation`, { agreed: true, note: '经营者同意退货退款' })).json() as ComplaintView;
    expect(mediated).toMatchObject({ status: 'mediated', clock: null, dueOn: null });
    const replied = (await wh.post(`/api/complaints/${c.id}/reply`, { reply: '经调解，经营者同意退货并退款59.90元。' })).json() as ComplaintView;
    expect(replied.reply).toContain('59.90');
    expect((await wh.post(`/api/complaints/${c.id}/reply`, { reply: '再答复' })).json().error.code).toBe('ALREADY_REPLIED');
    // Every step keeps its own note: the acceptance note survives the mediation result on the record.
    expect(replied.events.map((e) => e.action)).toEqual(['received', 'accepted', 'mediated', 'replied']);
    expect(replied.events[1]).toMatchObject({ note: '符合受理条件，组织调解', byName: '武侯区局执法人员 郑凯' });
    expect(replied.events[2]!.note).toBe('达成调解协议：经营者同意退货退款');
    expect(replied.workingDaysLeft).toBeNull();
    expect(accepted.workingDaysLeft).toBe(45);
  });

  it('turns a report into a case lead with one action, linked both ways', async () => {
    const wh = await h.as('wh.officer');
    const r = (await wh.post('/api/complaints', { ...maskComplaint({ kind: 'report', subject: '举报生产不合格口罩' }), channel: 'letter' })).json() as ComplaintView;
    expect((await wh.post(`/api/complaints/${r.id}/accept`, { note: 'x' })).json().error.code).toBe('NOT_A_COMPLAINT');
    const led = (await wh.post(`/api/complaints/${r.id}/lead`, { summary: '举报康宁公司生产不合格口罩，经核查需立案调查', violationCategory: 'quality' })).json() as ComplaintView;
    expect(led).toMatchObject({ status: 'lead_opened', clock: null });
    expect(led.caseNo).toMatch(/^AJ510107-/);
    const theCase = (await wh.get(`/api/cases/${led.caseId}`)).json();
    expect(theCase).toMatchObject({ source: 'complaint', sourceRef: r.id, partyName: '成都康宁医疗用品有限公司' });
    expect((await wh.post(`/api/complaints/${r.id}/lead`, { summary: '再转' })).json().error.code).toBe('LEAD_EXISTS');
    expect(led.events.map((e) => e.action)).toEqual(['received', 'lead_opened']);
    expect(led.events[1]!.note).toContain(led.caseNo!);
  });

  it('lists the complaints past their decision day as overdue', async () => {
    const wh = await h.as('wh.officer');
    const old = (await wh.post('/api/complaints', { ...maskComplaint(), channel: 'visit', receivedOn: '2026-01-05' })).json() as ComplaintView;
    expect(old.overdue).toBe(true);
    expect(old.workingDaysLeft).toBeLessThan(0);
    const overdue = (await wh.get('/api/complaints?overdue=true&pageSize=100')).json().items as ComplaintView[];
    expect(overdue.map((c) => c.id)).toContain(old.id);
    expect(overdue.every((c) => c.dueOn! < h.services.deps.calendar.today())).toBe(true);
    await wh.post(`/api/complaints/${old.id}/reject`, { note: '不属于市场监管部门职责范围' });
    expect(((await wh.get('/api/complaints?overdue=true&pageSize=100')).json().items as ComplaintView[]).map((c) => c.id)).not.toContain(old.id);

    // By the day it was received: inclusive at both ends.
    const received = async (query: string) => (await wh.get(`/api/complaints?pageSize=100&${query}`)).json().items as ComplaintView[];
    const onTheDay = await received('from=2026-01-05&to=2026-01-05');
    expect(onTheDay.map((c) => c.id)).toContain(old.id);
    expect(onTheDay.every((c) => c.receivedOn === '2026-01-05')).toBe(true);
    expect((await received('from=2026-01-06')).map((c) => c.id)).not.toContain(old.id);
    expect((await received('to=2026-01-04')).map((c) => c.id)).not.toContain(old.id);
    expect((await wh.get('/api/complaints?from=2026-02-30')).statusCode).toBe(400);
  });
});

describe('who sees which complaint', () => {
  it('shows a complaint to its bureau and those above, the complainant’s contact to the handling bureau only', async () => {
    const c = (await (await h.as('wh.officer')).post('/api/complaints', { ...maskComplaint(), channel: 'phone' })).json() as ComplaintView;
    for (const user of ['wh.officer', 'cd.officer', 'sc.admin', 'samr.admin']) {
      const res = await (await h.as(user)).get(`/api/complaints/${c.id}`);
      expect(res.statusCode, user).toBe(200);
      expect(res.json().complainantPhone, user).toBe(user === 'wh.officer' ? '13800000001' : null);
    }
    for (const user of ['jj.officer', 'fj.admin', 'yt.officer']) {
      expect((await (await h.as(user)).get(`/api/complaints/${c.id}`)).statusCode, user).toBe(404);
      expect(((await (await h.as(user)).get('/api/complaints?pageSize=100')).json().items as ComplaintView[]).map((x) => x.id), user).not.toContain(c.id);
    }
    for (const user of ['kangning', 'scqi.admin']) expect((await (await h.as(user)).get('/api/complaints')).statusCode, user).toBe(403);
    expect((await h.anonymous().get('/api/complaints')).statusCode).toBe(401);
  });

  it('leaves the audit chain intact', async () => {
    expect((await h.services.auditLog.verify(h.system)).problems).toEqual([]);
  });
});

describe('the portal form', () => {
  const post = (fields: Record<string, string>) =>
    h.app.inject({ method: 'POST', url: '/public/complaints', payload: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

  it('takes a complaint without script and shows the number and the code, which open its progress', async () => {
    const page = await h.anonymous().get('/public/complaints');
    expect(page.body).toContain('<form class="complaint"');
    const res = await post({ kind: 'complaint', complainantName: '陈女士', complainantPhone: '13300000006', targetName: '成都康宁医疗用品有限公司', targetUscc: ids.kangningUscc, productCategory: 'mask', subject: '口罩有异味', content: '买的口罩有刺鼻气味。', amountYuan: '' });
    expect(res.statusCode).toBe(200);
    const no = /data-testid="complaint-no">([^<]+)</.exec(res.body)![1]!;
    const code = /data-testid="complaint-code">([^<]+)</.exec(res.body)![1]!;
    expect(res.body).toContain('成都市武侯区市场监督管理局');
    const status = await h.anonymous().get(`/public/complaints/status?no=${no}&code=${code}`);
    expect(status.body).toContain('待处理');
    expect((await h.anonymous().get(`/public/complaints/status?no=${no}&code=XXXX`)).statusCode).toBe(404);
  });

  it('shows each field’s message in Chinese and keeps what was typed, escaped', async () => {
    const res = await post({ kind: 'complaint', complainantName: '<b>张</b>', complainantPhone: 'abc', targetName: '', subject: '', content: '' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('电话号码格式不正确');
    expect(res.body).toContain('请填写被投诉举报对象');
    expect(res.body).not.toContain('<b>张</b>');
    expect(res.body).toContain('&#60;b&#62;张&#60;/b&#62;');
    // Routing needs a region when the target is unknown: the service's message under the field.
    const noRegion = await post({ kind: 'complaint', complainantName: '张', complainantPhone: '13300000007', targetName: '某小店', subject: '标题', content: '内容' });
    expect(noRegion.statusCode).toBe(400);
    expect(noRegion.body).toContain('请选择其所在地区');
  });
});
