import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceItemView, ServiceRequestView } from '@shijian/contracts';
import { createHarness, type Harness } from '../../../test/harness.js';
import { rawRows } from '../../db/client.js';
import { FixedClock } from '../../platform/clock.js';

/**
 * The service window against the demo world: the public catalogue, items kept by their
 * institution, fee rules, the green channel's 24-hour clock, first-ask responsibility
 * (accept, refer or escalate — never refuse), referrals and who sees what.
 */
let h: Harness;
const clock = new FixedClock(new Date());
const inst = { scqi: '', scmi: '', fjmi: '', snse: '' };
const HOUR = 3_600_000;

beforeAll(async () => {
  h = await createHarness({ clock });
  const rows = await rawRows<{ id: string; name: string }>(h.services.deps.db, sql`select id, name from institutions`);
  const id = (name: string) => rows.find((r) => r.name === name)!.id;
  inst.scqi = id('四川省产品质量监督检验检测院');
  inst.scmi = id('四川省计量测试研究院');
  inst.fjmi = id('福建省计量科学研究院');
  inst.snse = id('陕西省特种设备检验检测研究院');
});
afterAll(() => h.close());

const catalogue = async (query: string) => (await h.anonymous().get(`/api/public/service-catalogue?pageSize=100&${query}`)).json() as { items: ServiceItemView[]; total: number };
const itemOf = async (institutionId: string, name: string) => (await catalogue(`q=${encodeURIComponent(name)}`)).items.find((i) => i.institutionId === institutionId && i.name === name)!;
const fieldsOf = (res: { json(): { error: { details: { fields: { field: string }[] } } } }) => res.json().error.details.fields.map((f) => f.field);
const contact = { contactName: '王芳', contactPhone: '028-85551234' };

describe('the public catalogue', () => {
  it('finds thermometer verification at both metrology institutes without a login, by words or by standard', async () => {
    const byWords = await catalogue(`q=${encodeURIComponent('体温计')}`);
    expect(new Set(byWords.items.map((i) => i.institutionName))).toEqual(new Set(['四川省计量测试研究院', '福建省计量科学研究院']));
    const byStandard = await catalogue(`q=${encodeURIComponent('JJG 1162')}`);
    expect(byStandard.total).toBe(2);
  });

  it('filters by region subtree, kind, product category, epidemic and on-site service', async () => {
    const sichuan = await catalogue('region=510000&kind=verification');
    expect(sichuan.items.length).toBeGreaterThan(0);
    expect(sichuan.items.every((i) => i.regionCode.startsWith('51') && i.kind === 'verification')).toBe(true);
    const masks = await catalogue('category=mask');
    expect(masks.items.every((i) => i.categoryCodes.includes('mask'))).toBe(true);
    expect(masks.total).toBe(3);
    const onSiteEpidemic = await catalogue('epidemic=true&onSite=true');
    expect(onSiteEpidemic.items.every((i) => i.epidemic && i.onSite)).toBe(true);
    expect((await catalogue(`q=${encodeURIComponent('不存在的项目')}`)).total).toBe(0);
  });

  it('is a server-rendered portal page too, escaping what it shows', async () => {
    const page = await h.anonymous().get(`/public/services?q=${encodeURIComponent('体温计')}&region=510000`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('医用电子体温计检定');
    expect(page.body).toContain('四川省计量测试研究院');
    expect(page.body).not.toContain('福建省计量科学研究院');
    expect(page.body).toContain('绿色通道');
    const hostile = await h.anonymous().get(`/public/services?q=${encodeURIComponent('<script>alert(1)</script>')}`);
    expect(hostile.body).not.toContain('<script>alert(1)</script>');
    expect(hostile.body).toContain('没有符合条件的服务项目');
  });

  it('answers bad filters with a structured 400', async () => {
    const res = await h.anonymous().get('/api/public/service-catalogue?kind=massage&region=51');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('service items kept by their institution', () => {
  it('publishes an item with validated fields, then withdraws it from the public catalogue', async () => {
    const admin = await h.as('scmi.admin');
    const bad = await admin.post('/api/service-items', { kind: 'verification', name: '', feeYuan: '12.345', turnaroundDays: 0 });
    expect(bad.statusCode).toBe(400);
    const fields = fieldsOf(bad);
    expect(fields).toEqual(expect.arrayContaining(['name', 'feeYuan', 'turnaroundDays']));
    expect((await admin.post('/api/service-items', { kind: 'verification', name: '测试', feeYuan: '1', turnaroundDays: 1, categoryCodes: ['unicorn'] })).json().error.message).toContain('unicorn');

    const created = await admin.post('/api/service-items', {
      kind: 'verification',
      name: '心电监护仪检定',
      parameters: '心率示值误差',
      standards: ['JJG 760-2003'],
      categoryCodes: ['medical_device'],
      feeYuan: '150.00',
      turnaroundDays: 5,
      onSite: true,
      epidemic: true,
      compulsory: true,
    });
    expect(created.statusCode, created.body).toBe(200);
    const item = created.json() as ServiceItemView;
    expect((await catalogue(`q=${encodeURIComponent('心电监护')}`)).items.map((i) => i.id)).toContain(item.id);

    // Another institution cannot touch it.
    expect((await (await h.as('fjmi.admin')).post(`/api/service-items/${item.id}/active`, { active: false })).statusCode).toBe(404);
    expect((await (await h.as('scmi.receptionist')).post(`/api/service-items/${item.id}/active`, { active: false })).statusCode).toBe(403);

    expect((await admin.post(`/api/service-items/${item.id}/active`, { active: false })).json().active).toBe(false);
    expect((await catalogue(`q=${encodeURIComponent('心电监护')}`)).items.map((i) => i.id)).not.toContain(item.id);
    expect((await h.anonymous().get(`/api/public/service-items/${item.id}`)).statusCode).toBe(404);
    // Its own institution still lists it.
    expect((await admin.get('/api/service-items?active=false')).json().items.map((i: ServiceItemView) => i.id)).toContain(item.id);
    expect((await admin.post(`/api/service-items/${item.id}/active`, { active: true })).json().active).toBe(true);
  });
});

describe('fees under the rules', () => {
  it('waives everything for a producer of epidemic goods doing epidemic work in Sichuan, and records the rule', async () => {
    const kangning = await h.as('kangning');
    const thermometer = await itemOf(inst.scmi, '医用电子体温计检定');
    const res = await kangning.post('/api/service-requests', { institutionId: inst.scmi, lines: [{ itemId: thermometer.id, quantity: 10 }], epidemicRelated: true, ...contact });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ServiceRequestView;
    expect(r).toMatchObject({ grossYuan: '200.00', waivedYuan: '200.00', payableYuan: '0.00', green: true });
    expect(r.lines[0]!.feeRuleName).toBeTruthy();
  });

  it('charges a large enterprise the full fee outside the rules', async () => {
    const minkang = await h.as('minkang');
    const balance = await itemOf(inst.fjmi, '电子天平校准');
    const r = (await minkang.post('/api/service-requests', { institutionId: inst.fjmi, lines: [{ itemId: balance.id, quantity: 2 }], ...contact })).json() as ServiceRequestView;
    expect(r).toMatchObject({ grossYuan: '240.00', waivedYuan: '0.00', payableYuan: '240.00', green: false, respondBy: null });
    expect(r.lines[0]!.feeRuleId).toBeNull();
  });

  it('halves a small Fujian firm’s calibration and waives its compulsory verification, line by line', async () => {
    const db = h.services.deps.db;
    const [ent] = await rawRows<{ id: string }>(db, sql`select id from enterprises where name = '福州恒通熔喷材料有限公司'`);
    const orgId = await h.services.enterprises.openAccount(h.system, ent!.id);
    await h.services.users.create(h.system, { username: 'hengtong', displayName: '恒通 质量员', roles: ['enterprise_user'], orgId, password: 'Shijian@2026' }, { mustChangePassword: false });
    const hengtong = await h.as('hengtong');
    const balance = await itemOf(inst.fjmi, '电子天平校准');
    const thermometer = await itemOf(inst.fjmi, '医用电子体温计检定');
    const r = (
      await hengtong.post('/api/service-requests', {
        institutionId: inst.fjmi,
        lines: [
          { itemId: balance.id, quantity: 1 },
          { itemId: thermometer.id, quantity: 3 },
        ],
        ...contact,
      })
    ).json() as ServiceRequestView;
    const line = (name: string) => r.lines.find((l) => l.itemName === name)!;
    expect(line('电子天平校准')).toMatchObject({ grossYuan: '120.00', waivedYuan: '60.00', payableYuan: '60.00', feeRuleName: '小微企业检定校准收费减半' });
    expect(line('医用电子体温计检定')).toMatchObject({ grossYuan: '60.00', waivedYuan: '60.00', feeRuleName: '强制检定免费' });
    // The thermometer is an epidemic item: the whole request went through the green channel.
    expect(r).toMatchObject({ grossYuan: '180.00', waivedYuan: '120.00', payableYuan: '60.00', green: true });
  });

  it('lets a provincial bureau make rules for its own province only, and nobody else make them', async () => {
    const body = { name: '测试规则', condition: 'small_micro', reductionPercent: 30, effectiveFrom: '2026-01-01' };
    expect((await (await h.as('sc.admin')).post('/api/fee-rules', { ...body, regionCode: '350000' })).statusCode).toBe(400);
    expect((await (await h.as('wh.officer')).post('/api/fee-rules', body)).statusCode).toBe(403);
    expect((await (await h.as('scmi.admin')).post('/api/fee-rules', body)).statusCode).toBe(403);
    const bad = await (await h.as('sc.admin')).post('/api/fee-rules', { ...body, reductionPercent: 120, effectiveTo: '2025-01-01' });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['reductionPercent']));
    const made = await (await h.as('sc.admin')).post('/api/fee-rules', body);
    expect(made.json()).toMatchObject({ regionCode: '510000', active: true });
    expect((await (await h.as('fj.admin')).post(`/api/fee-rules/${made.json().id}/active`, { active: false })).statusCode).toBe(404);
    expect((await (await h.as('sc.admin')).post(`/api/fee-rules/${made.json().id}/active`, { active: false })).json().active).toBe(false);
  });
});

describe('the green channel', () => {
  it('starts a 24-hour clock, lists the request overdue after it, and tells the institution and its bureau', async () => {
    const kangning = await h.as('kangning');
    const scmi = await h.as('scmi.receptionist');
    const ir = await itemOf(inst.scmi, '红外人体测温仪校准');
    const overdueIds = async () => (await scmi.get('/api/service-requests?overdue=true&pageSize=100')).json().items.map((x: ServiceRequestView) => x.id) as string[];
    const submit = async () => (await kangning.post('/api/service-requests', { institutionId: inst.scmi, lines: [{ itemId: ir.id, quantity: 2 }], ...contact })).json() as ServiceRequestView;

    // Made just now: the clock runs, nothing is overdue yet.
    const fresh = await submit();
    // An epidemic item puts the request in the green channel even if the requester did not say so.
    expect(fresh.green).toBe(true);
    expect(new Date(fresh.respondBy!).getTime() - new Date(fresh.submittedAt).getTime()).toBe(24 * HOUR);
    expect(await overdueIds()).not.toContain(fresh.id);

    // Made 24 hours and a minute ago (the clock set back while it is submitted).
    clock.set(new Date(Date.now() - 24 * HOUR - 60_000));
    const r = await submit();
    clock.set(new Date());
    expect(await overdueIds()).toContain(r.id);
    expect((await scmi.get(`/api/service-requests/${r.id}`)).json().overdue).toBe(true);
    const titles = async (user: string) => (await (await h.as(user)).get('/api/notifications?pageSize=100')).json().items.map((n: { title: string }) => n.title) as string[];
    expect((await titles('scmi.admin')).some((t) => t.includes(r.requestNo) && t.includes('未响应'))).toBe(true);
    expect((await titles('scmi.admin')).some((t) => t.includes(fresh.requestNo) && t.includes('未响应'))).toBe(false);
    // The bureau over 武侯区 is told as well.
    expect((await titles('wh.officer')).some((t) => t.includes(r.requestNo) && t.includes('未响应'))).toBe(true);

    // Accepting late still stops the clock and names the first responder.
    const accepted = (await scmi.post(`/api/service-requests/${r.id}/accept`, { note: '今日下午上门' })).json() as ServiceRequestView;
    expect(accepted).toMatchObject({ status: 'accepted', overdue: false, firstResponderName: '川计量院受理员 田甜' });
    expect(await overdueIds()).not.toContain(r.id);
  });

  it('refuses to decline a green request, but lets the institution decline an ordinary one', async () => {
    const kangning = await h.as('kangning');
    const thermometer = await itemOf(inst.scmi, '医用电子体温计检定');
    const green = (await kangning.post('/api/service-requests', { institutionId: inst.scmi, lines: [{ itemId: thermometer.id, quantity: 1 }], ...contact })).json() as ServiceRequestView;
    const scmi = await h.as('scmi.admin');
    const refused = await scmi.post(`/api/service-requests/${green.id}/decline`, { reason: '忙' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('GREEN_CHANNEL_NO_REFUSAL');
    expect((await scmi.get(`/api/service-requests/${green.id}`)).json().status).toBe('submitted');

    const bp = await itemOf(inst.scmi, '无创自动测量血压计检定');
    const ordinary = (await kangning.post('/api/service-requests', { institutionId: inst.scmi, lines: [{ itemId: bp.id, quantity: 1 }], ...contact })).json() as ServiceRequestView;
    expect(ordinary.green).toBe(false);
    const declined = await scmi.post(`/api/service-requests/${ordinary.id}/decline`, { reason: '设备年检停用两周，请另行预约' });
    expect(declined.json()).toMatchObject({ status: 'declined', statusNote: '设备年检停用两周，请另行预约' });
    // Only the institution holding the request handles it.
    expect((await (await h.as('fjmi.admin')).post(`/api/service-requests/${green.id}/accept`, {})).statusCode).toBe(404);
    expect((await kangning.post(`/api/service-requests/${green.id}/accept`, {})).statusCode).toBe(403);
  });

  it('escalates to the supervising bureau, which is told', async () => {
    const kangning = await h.as('kangning');
    const thermometer = await itemOf(inst.scmi, '医用电子体温计检定');
    const r = (await kangning.post('/api/service-requests', { institutionId: inst.scmi, lines: [{ itemId: thermometer.id, quantity: 500 }], ...contact })).json() as ServiceRequestView;
    const escalated = (await (await h.as('scmi.admin')).post(`/api/service-requests/${r.id}/escalate`, { reason: '500支超出本周检定能力，请协调省内其他机构' })).json() as ServiceRequestView;
    expect(escalated).toMatchObject({ status: 'escalated', escalatedToOrgName: '成都市武侯区市场监督管理局' });
    expect(escalated.respondedAt).not.toBeNull();
    const notices = (await (await h.as('wh.officer')).get('/api/notifications?pageSize=100')).json().items as { title: string }[];
    expect(notices.some((n) => n.title.includes(r.requestNo) && n.title.includes('已上报'))).toBe(true);
  });
});

describe('referral', () => {
  it('proposes institutions whose catalogue covers the items, nearest first, refers part of a request and keeps the chain', async () => {
    const minkang = await h.as('minkang');
    const thermometer = await itemOf(inst.fjmi, '医用电子体温计检定');
    const ventilator = await itemOf(inst.fjmi, '呼吸机潮气量校准');
    const r = (
      await minkang.post('/api/service-requests', {
        institutionId: inst.fjmi,
        lines: [
          { itemId: thermometer.id, quantity: 5 },
          { itemId: ventilator.id, quantity: 1 },
        ],
        epidemicRelated: true,
        ...contact,
      })
    ).json() as ServiceRequestView;
    const fjmi = await h.as('fjmi.admin');
    const options = (await fjmi.get(`/api/service-requests/${r.id}/referral-options`)).json() as { institutionId: string; covers: number; distance: number }[];
    expect(options.map((o) => o.institutionId)).toEqual([inst.scmi]);
    expect(options[0]).toMatchObject({ covers: 1, distance: 3 });
    // Only the institution holding the request asks where it could go.
    expect((await (await h.as('scmi.admin')).get(`/api/service-requests/${r.id}/referral-options`)).statusCode).toBe(404);
    expect((await minkang.get(`/api/service-requests/${r.id}/referral-options`)).statusCode).toBe(403);

    // Not to an institution whose catalogue lacks the item.
    const wrong = await fjmi.post(`/api/service-requests/${r.id}/refer`, { toInstitutionId: inst.snse, reason: '试试' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.message).toContain('呼吸机潮气量校准');

    clock.advance(2 * HOUR);
    try {
      const thermoLine = r.lines.find((l) => l.itemId === thermometer.id)!;
      const referred = (await fjmi.post(`/api/service-requests/${r.id}/refer`, { toInstitutionId: inst.scmi, lineIds: [thermoLine.id], reason: '检定装置溯源中' })).json() as ServiceRequestView;
      // Part referred: the request stays with 闽计量院 for the ventilator, its clock stopped by the answer.
      expect(referred.status).toBe('submitted');
      expect(referred.respondedAt).not.toBeNull();
      expect(referred.firstResponderName).toBe('闽计量院管理员 郭静');
      const moved = referred.lines.find((l) => l.id === thermoLine.id)!;
      expect(moved.referredToRequestId).toBeTruthy();
      expect(referred.referrals).toHaveLength(1);

      // The new request at 川计量院: its own 24 hours from the referral, free under Sichuan's rules.
      const child = (await (await h.as('scmi.admin')).get(`/api/service-requests/${moved.referredToRequestId}`)).json() as ServiceRequestView;
      expect(child).toMatchObject({ institutionId: inst.scmi, green: true, status: 'submitted', referredFromId: r.id, payableYuan: '0.00', contactPhone: contact.contactPhone });
      expect(new Date(child.respondBy!).getTime()).toBe(clock.now().getTime() + 24 * HOUR);
      expect(child.referrals[0]).toMatchObject({ fromInstitutionName: '福建省计量科学研究院', toInstitutionName: '四川省计量测试研究院', reason: '检定装置溯源中' });

      // The requester sees where each part went.
      const mine = (await minkang.get(`/api/service-requests/${r.id}`)).json() as ServiceRequestView;
      expect(mine.referrals.map((x) => x.toRequestNo)).toEqual([child.requestNo]);

      // The line cannot go twice; the rest can go too, and then the request is referred as a whole.
      expect((await fjmi.post(`/api/service-requests/${r.id}/refer`, { toInstitutionId: inst.scmi, lineIds: [thermoLine.id], reason: '再次' })).statusCode).toBe(400);
    } finally {
      clock.set(new Date());
    }
  });

  it('marks a request referred when every line has gone', async () => {
    const kangning = await h.as('kangning');
    const ir = await itemOf(inst.scmi, '红外人体测温仪校准');
    const r = (await kangning.post('/api/service-requests', { institutionId: inst.scmi, lines: [{ itemId: ir.id, quantity: 1 }], ...contact })).json() as ServiceRequestView;
    const out = (await (await h.as('scmi.admin')).post(`/api/service-requests/${r.id}/refer`, { toInstitutionId: inst.fjmi, reason: '本院测温仪校准装置维修' })).json() as ServiceRequestView;
    expect(out.status).toBe('referred');
    expect(out.statusNote).toContain('福建省计量科学研究院');
    expect((await (await h.as('scmi.admin')).post(`/api/service-requests/${r.id}/accept`, {})).statusCode).toBe(409);
  });
});

describe('requests from the portal', () => {
  it('takes a request without a login and shows its progress to whoever holds the number and the code', async () => {
    const ir = await itemOf(inst.scmi, '红外人体测温仪校准');
    const res = await h.anonymous().post('/api/public/service-requests', {
      institutionId: inst.scmi,
      lines: [{ itemId: ir.id, quantity: 3 }],
      requesterName: '成都市第三人民医院',
      contactName: '李护士长',
      contactPhone: '028-61318888',
      epidemicRelated: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    const { requestNo, accessCode, view } = res.json() as { requestNo: string; accessCode: string; view: ServiceRequestView };
    expect(view).toMatchObject({ requesterKind: 'public', green: true, status: 'submitted' });
    const status = await h.anonymous().get(`/api/public/service-requests/status?no=${requestNo}&code=${accessCode}`);
    expect(status.json().requestNo).toBe(requestNo);
    expect((await h.anonymous().get(`/api/public/service-requests/status?no=${requestNo}&code=WRONG123`)).statusCode).toBe(404);
    // The institution sees the contact; the bureau over it sees the request without it.
    expect((await (await h.as('scmi.admin')).get(`/api/service-requests/${view.id}`)).json().contactPhone).toBe('028-61318888');
    const bureau = (await (await h.as('sc.admin')).get(`/api/service-requests/${view.id}`)).json() as ServiceRequestView;
    expect(bureau.contactPhone).toBeNull();
    expect(bureau.contactName).toBeNull();
  });

  it('refuses items of another institution and inactive items with a clear message, writing nothing', async () => {
    const before = await rawRows<{ n: string }>(h.services.deps.db, sql`select count(*)::text as n from service_requests`);
    const balance = await itemOf(inst.fjmi, '电子天平校准');
    const res = await (await h.as('kangning')).post('/api/service-requests', { institutionId: inst.scmi, lines: [{ itemId: balance.id, quantity: 1 }], ...contact });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('不属于所选机构');
    const empty = await (await h.as('kangning')).post('/api/service-requests', { institutionId: inst.scmi, lines: [], contactName: '', contactPhone: 'abc' });
    expect(fieldsOf(empty)).toEqual(expect.arrayContaining(['lines', 'contactName', 'contactPhone']));
    const after = await rawRows<{ n: string }>(h.services.deps.db, sql`select count(*)::text as n from service_requests`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('who sees which requests', () => {
  const idsOf = async (user: string, query = '') => (await (await h.as(user)).get(`/api/service-requests?pageSize=100${query}`)).json().items as ServiceRequestView[];

  it('shows an enterprise its own requests, an institution those it holds, a bureau those of institutions in its area', async () => {
    const kangning = await idsOf('kangning');
    expect(kangning.length).toBeGreaterThan(0);
    expect(kangning.every((r) => r.requesterName === '成都康宁医疗用品有限公司')).toBe(true);
    const minkangRequest = (await idsOf('minkang'))[0]!;
    expect((await (await h.as('kangning')).get(`/api/service-requests/${minkangRequest.id}`)).statusCode).toBe(404);

    const fjmi = await idsOf('fjmi.admin');
    expect(fjmi.every((r) => r.institutionId === inst.fjmi)).toBe(true);
    const scmiRequest = (await idsOf('scmi.admin'))[0]!;
    expect((await (await h.as('fjmi.admin')).get(`/api/service-requests/${scmiRequest.id}`)).statusCode).toBe(404);

    const sichuan = await idsOf('sc.admin');
    expect(sichuan.every((r) => r.regionCode.startsWith('51'))).toBe(true);
    expect(sichuan.some((r) => r.institutionId === inst.scmi) && sichuan.some((r) => r.institutionId === inst.scqi)).toBe(true);
    expect((await (await h.as('fj.admin')).get(`/api/service-requests/${scmiRequest.id}`)).statusCode).toBe(404);

    // 武侯区局: the institute in its county, and its own commission at the institute in 锦江区 — nothing else.
    const wuhou = await idsOf('wh.officer');
    expect(wuhou.every((r) => r.regionCode === '510107' || r.requesterName === '成都市武侯区市场监督管理局')).toBe(true);
    expect(wuhou.some((r) => r.institutionId === inst.scqi && r.requesterKind === 'regulator')).toBe(true);
    expect(wuhou.some((r) => r.institutionId === inst.scqi && r.requesterKind !== 'regulator')).toBe(false);
    // The national bureau sees everything; the public nothing without a code.
    expect((await idsOf('samr.admin')).length).toBeGreaterThanOrEqual(sichuan.length + fjmi.length);
    expect((await h.anonymous().get('/api/service-requests')).statusCode).toBe(401);
  });

  it('lists the demo’s overdue request for the institution and the regulators over it', async () => {
    const overdue = await idsOf('scmi.admin', '&overdue=true');
    expect(overdue.some((r) => r.requesterName === '成都市武侯区玉林社区卫生服务中心')).toBe(true);
    expect((await idsOf('sc.admin', '&overdue=true')).length).toBeGreaterThan(0);
    expect(await idsOf('fj.admin', '&overdue=true')).toHaveLength(0);
  });

  it('leaves the audit chain intact after all of the above', async () => {
    const report = await h.services.auditLog.verify(h.system);
    expect(report.problems).toEqual([]);
  });
});

describe('appointments', () => {
  it('books a slot online up to its capacity, takes phone bookings from staff, and frees a place on cancellation', async () => {
    const receptionist = await h.as('scmi.receptionist');
    const start = new Date(Date.now() + 5 * HOUR);
    const slot = (
      await receptionist.post('/api/service-slots', { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(), capacity: 2, note: '测试时段' })
    ).json() as { id: string; capacity: number; booked: number };
    expect(slot).toMatchObject({ capacity: 2, booked: 0 });
    const bad = await receptionist.post('/api/service-slots', { startsAt: start.toISOString(), endsAt: start.toISOString(), capacity: 0 });
    expect(fieldsOf(bad)).toEqual(expect.arrayContaining(['endsAt', 'capacity']));

    const kangning = await h.as('kangning');
    const online = await kangning.post('/api/service-bookings', { slotId: slot.id, ...contact });
    expect(online.json()).toMatchObject({ channel: 'online', status: 'booked', requesterName: '成都康宁医疗用品有限公司' });
    // Staff enter a phone booking and must say who called.
    expect(fieldsOf(await receptionist.post('/api/service-bookings', { slotId: slot.id, ...contact }))).toEqual(['requesterName']);
    const phone = await receptionist.post('/api/service-bookings', { slotId: slot.id, requesterName: '成都市第三人民医院', ...contact });
    expect(phone.json()).toMatchObject({ channel: 'phone', requesterName: '成都市第三人民医院' });
    // Full.
    const full = await (await h.as('minkang')).post('/api/service-bookings', { slotId: slot.id, ...contact });
    expect(full.json().error.code).toBe('SLOT_FULL');
    expect((await receptionist.post(`/api/service-slots/${slot.id}/cancel`, {})).json().error.code).toBe('SLOT_BOOKED');

    // Another enterprise cannot touch 康宁's booking; 康宁 cancels it and the place is free again.
    expect((await (await h.as('minkang')).post(`/api/service-bookings/${online.json().id}/cancel`, {})).statusCode).toBe(404);
    expect((await kangning.post(`/api/service-bookings/${online.json().id}/cancel`, {})).json().status).toBe('cancelled');
    expect((await (await h.as('minkang')).post('/api/service-bookings', { slotId: slot.id, ...contact })).statusCode).toBe(200);

    // The requester is reminded the day before (here: within 24 hours): 民康, whose booking stands, not 康宁, who cancelled.
    const beijing = new Date(start.getTime() + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
    const reminders = async (username: string) =>
      ((await (await h.as(username)).get('/api/notifications?pageSize=100')).json().items as { title: string }[]).filter((n) => n.title.startsWith(`预约提醒：${beijing}`));
    expect(await reminders('minkang')).toHaveLength(1);
    expect(await reminders('kangning')).toHaveLength(0);
    // The institution records who came; the bureau over it sees bookings without contact details.
    expect((await receptionist.post(`/api/service-bookings/${phone.json().id}/outcome`, { status: 'attended' })).json().status).toBe('attended');
    const bureau = (await (await h.as('wh.officer')).get(`/api/service-bookings/${phone.json().id}`)).json();
    expect(bureau).toMatchObject({ contactName: null, contactPhone: null, status: 'attended' });
    expect((await (await h.as('fj.admin')).get(`/api/service-bookings/${phone.json().id}`)).statusCode).toBe(404);
    expect(((await (await h.as('fjmi.admin')).get('/api/service-bookings?pageSize=100')).json().items as { institutionId: string }[]).every((b) => b.institutionId === inst.fjmi)).toBe(true);
  });

  it('lists an institution’s open slots to anyone signed in, and refuses a slot in the past', async () => {
    const slots = (await (await h.as('kangning')).get(`/api/service-slots?institutionId=${inst.scmi}&available=true`)).json();
    expect(slots.items.length).toBeGreaterThan(0);
    expect(slots.items.every((s: { booked: number; capacity: number; cancelled: boolean }) => s.booked < s.capacity && !s.cancelled)).toBe(true);
    const past = await (await h.as('scmi.receptionist')).post('/api/service-slots', { startsAt: new Date(Date.now() - HOUR).toISOString(), endsAt: new Date().toISOString(), capacity: 1 });
    expect(fieldsOf(past)).toEqual(['startsAt']);
  });
});

describe('on-site service', () => {
  it('records who went where, refuses a future departure or an unknown region, and shows it to the bureaus over the place', async () => {
    const receptionist = await h.as('scmi.receptionist');
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * HOUR).toISOString();
    const body = { placeType: 'checkpoint', placeName: '成都天府国际机场测温点', regionCode: '510185', team: '红外测温仪校准小组', staff: ['王丽', '赵军'], startsAt: at(3), endsAt: at(1) };
    const future = await receptionist.post('/api/onsite-dispatches', { ...body, startsAt: new Date(Date.now() + HOUR).toISOString(), endsAt: new Date(Date.now() + 2 * HOUR).toISOString() });
    expect(fieldsOf(future)).toEqual(['startsAt']);
    expect(fieldsOf(await receptionist.post('/api/onsite-dispatches', { ...body, regionCode: '519999' }))).toEqual(['regionCode']);
    expect(fieldsOf(await receptionist.post('/api/onsite-dispatches', { ...body, staff: ['王丽', '王丽'] }))).toEqual(['staff']);
    const made = await receptionist.post('/api/onsite-dispatches', body);
    expect(made.statusCode, made.body).toBe(200);
    const d = made.json() as { id: string; servedOn: string };
    expect(d.servedOn).toBe(new Date(Date.parse(at(3)) + 8 * HOUR).toISOString().slice(0, 10));
    for (const user of ['scmi.admin', 'sc.admin', 'samr.admin']) expect((await (await h.as(user)).get(`/api/onsite-dispatches/${d.id}`)).statusCode, user).toBe(200);
    for (const user of ['fjmi.admin', 'fj.admin', 'wh.officer', 'kangning']) expect((await (await h.as(user)).get(`/api/onsite-dispatches/${d.id}`)).statusCode, user).toBe(404);
    expect(((await (await h.as('fjmi.admin')).get('/api/onsite-dispatches?pageSize=100')).json().items as { institutionId: string }[]).every((x) => x.institutionId === inst.fjmi)).toBe(true);
    expect((await (await h.as('kangning')).post('/api/onsite-dispatches', body)).statusCode).toBe(403);
  });
});

describe('testing requests become samples', () => {
  it('receives a sample against a testing line, with the requester as the lab client, who then follows it', async () => {
    const kangning = await h.as('kangning');
    const bfe = await itemOf(inst.scqi, '医用口罩细菌过滤效率（BFE）检测');
    const r = (await kangning.post('/api/service-requests', { institutionId: inst.scqi, lines: [{ itemId: bfe.id, quantity: 1 }], ...contact })).json() as ServiceRequestView;
    const reception = await h.as('scqi.receptionist');
    const testItems = (await reception.get('/api/lab/test-items?pageSize=100')).json().items as { id: string; standard: string; parameter: string }[];
    const bfeItem = testItems.find((t) => t.standard === 'YY 0469-2011' && t.parameter.includes('BFE'))!;
    const kangningUscc = (await kangning.get('/api/enterprises')).json().items[0].uscc as string;
    const body = {
      lineId: r.lines[0]!.id,
      productCategory: 'mask',
      productName: '一次性使用医用口罩',
      producerUscc: kangningUscc,
      producerName: '成都康宁医疗用品有限公司',
      batchNo: `S${Date.now()}`,
      quantity: '50只',
      conditionOnArrival: '完好',
      storage: '常温',
      retentionUntil: '2099-12-31',
      testItemIds: [bfeItem.id],
    };
    // Not before the request is accepted.
    expect((await reception.post(`/api/service-requests/${r.id}/samples`, body)).json().error.code).toBe('NOT_ACCEPTED');
    await reception.post(`/api/service-requests/${r.id}/accept`, {});
    const received = await reception.post(`/api/service-requests/${r.id}/samples`, body);
    expect(received.statusCode, received.body).toBe(200);
    const sample = received.json() as { id: string; source: string };
    expect(sample.source).toBe('client_request');

    // 康宁 sees the sample on its request and in the lab, as the client; 闽康 sees neither.
    const listed = (await kangning.get(`/api/service-requests/${r.id}/samples`)).json() as { sampleId: string; reportId: string | null; itemName: string }[];
    expect(listed).toEqual([expect.objectContaining({ sampleId: sample.id, reportId: null, itemName: '医用口罩细菌过滤效率（BFE）检测' })]);
    expect((await kangning.get(`/api/lab/samples/${sample.id}`)).statusCode).toBe(200);
    expect((await (await h.as('minkang')).get(`/api/service-requests/${r.id}/samples`)).statusCode).toBe(404);
    expect((await (await h.as('minkang')).get(`/api/lab/samples/${sample.id}`)).statusCode).toBe(404);
    // A verification line is not received as a lab sample; another institution cannot receive at all.
    expect((await (await h.as('scmi.receptionist')).post(`/api/service-requests/${r.id}/samples`, body)).statusCode).toBe(404);
  });
});
