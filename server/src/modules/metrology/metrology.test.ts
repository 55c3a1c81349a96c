import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateView, CompulsoryItemView, ServiceItemView, ServiceRequestView } from '@shijian/contracts';
import { createHarness, type Client, type Harness } from '../../../test/harness.js';
import { decodeQrFromPdf } from '../../../test/pdf-qr.js';
import { XLSX_TYPE } from '../../app.js';
import { rawRows } from '../../db/client.js';
import { addDays } from '../../platform/calendar/working-days.js';
import { validUntilAfter } from './service.js';

/**
 * Metrology against the demo world: the compulsory catalogue, ledger details, a verification
 * done for a service request with its certificate or result notice written into the
 * requester's ledger, the PDFs, due reminders, and who sees which certificate.
 */
let h: Harness;
const ids = { scmi: '', irThermometer: '', scale: '', checker: '', approver: '', thermometerItem: '' };
const contact = { contactName: '王芳', contactPhone: '028-85551234' };

beforeAll(async () => {
  h = await createHarness();
  const db = h.services.deps.db;
  const [inst] = await rawRows<{ id: string }>(db, sql`select id from institutions where name = '四川省计量测试研究院'`);
  ids.scmi = inst!.id;
  const ins = await rawRows<{ id: string; serial_number: string }>(db, sql`select id, serial_number from instruments where serial_number in ('HWF7-2020-1163', 'TCS150-88321')`);
  ids.irThermometer = ins.find((i) => i.serial_number === 'HWF7-2020-1163')!.id;
  ids.scale = ins.find((i) => i.serial_number === 'TCS150-88321')!.id;
  ids.checker = (await h.actor('scmi.checker')).userId!;
  ids.approver = (await h.actor('scmi.admin')).userId!;
  const items = (await h.anonymous().get(`/api/public/service-catalogue?q=${encodeURIComponent('医用电子体温计检定')}`)).json().items as ServiceItemView[];
  ids.thermometerItem = items.find((i) => i.institutionId === ids.scmi)!.id;
});
afterAll(() => h.close());

/** A request by 康宁 for thermometer verification at 川计量院, accepted. */
async function acceptedRequest(): Promise<ServiceRequestView> {
  const r = (await (await h.as('kangning')).post('/api/service-requests', { institutionId: ids.scmi, lines: [{ itemId: ids.thermometerItem, quantity: 1 }], ...contact })).json() as ServiceRequestView;
  return (await (await h.as('scmi.receptionist')).post(`/api/service-requests/${r.id}/accept`, { note: '' })).json() as ServiceRequestView;
}

const verification = (r: ServiceRequestView, over: Record<string, unknown> = {}) => ({
  lineId: r.lines[0]!.id,
  instrumentId: ids.irThermometer,
  performedOn: h.services.deps.calendar.today(),
  passed: true,
  regulation: 'JJG 1162-2019 医用电子体温计',
  referenceStandard: '恒温槽 / 二等标准铂电阻温度计',
  conclusion: '合格',
  checkerId: ids.checker,
  approverId: ids.approver,
  ...over,
});

describe('the compulsory-verification catalogue', () => {
  it('is public and lists the epidemic instruments with their control mode and period', async () => {
    const list = (await h.anonymous().get('/api/public/compulsory-catalogue')).json() as CompulsoryItemView[];
    const thermometer = list.find((c) => c.item === '体温计')!;
    expect(thermometer).toMatchObject({ mode: 'P+V', periodMonths: 12, epidemic: true });
    expect(thermometer.kinds).toContain('医用电子体温计');
    expect(list.filter((c) => c.epidemic).map((c) => c.item)).toEqual(expect.arrayContaining(['血压计（表）', '多参数监护仪']));
  });
});

describe('the ledger’s e-CQS fields', () => {
  it('are kept by the owner, validated, and hidden from other owners', async () => {
    const kangning = await h.as('kangning');
    const details = (await kangning.get(`/api/instruments/${ids.irThermometer}/ledger`)).json();
    expect(details).toMatchObject({ category: '体温计', compulsoryItem: '体温计', purpose: 'medical' });
    const bad = await kangning.put(`/api/instruments/${ids.scale}/ledger`, { category: '', purpose: 'fun', quantity: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['category', 'purpose', 'quantity']));
    const ok = await kangning.put(`/api/instruments/${ids.scale}/ledger`, { category: '衡器', accuracyClass: 'Ⅲ', location: '成品仓库', purpose: 'trade_settlement', quantity: 1 });
    expect(ok.json()).toMatchObject({ category: '衡器', compulsoryItem: null });
    expect((await (await h.as('minkang')).get(`/api/instruments/${ids.scale}/ledger`)).statusCode).toBe(404);
    expect((await (await h.as('minkang')).put(`/api/instruments/${ids.scale}/ledger`, { category: '衡器', purpose: 'other', quantity: 1 })).statusCode).toBe(404);
    // The bureau over 武侯区 reads it.
    expect((await (await h.as('wh.officer')).get(`/api/instruments/${ids.scale}/ledger`)).json().category).toBe('衡器');
  });
});

describe('verification for a request', () => {
  it('issues a certificate valid for the catalogue’s period and writes it into the requester’s ledger', async () => {
    const r = await acceptedRequest();
    const res = await (await h.as('scmi.verifier')).post(`/api/service-requests/${r.id}/verifications`, verification(r));
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as CertificateView;
    const today = h.services.deps.calendar.today();
    expect(c).toMatchObject({ kind: 'certificate', passed: true, validUntil: validUntilAfter(today, 12), clientName: '成都康宁医疗用品有限公司', verifierName: '川计量院检定员 曾伟', checkerName: '川计量院核验员 冯涛' });
    expect(c.certificateNo).toMatch(new RegExp(`^JD510107-${today.slice(0, 4)}-\\d{5}$`));
    const instrument = (await (await h.as('kangning')).get(`/api/instruments/${ids.irThermometer}`)).json();
    expect(instrument).toMatchObject({ validUntil: c.validUntil, validToday: true, lastVerifiedOn: today });
    expect(instrument.verifications[0]).toMatchObject({ certificateNo: c.certificateNo, performedBy: '四川省计量测试研究院' });

    // The requester downloads the PDF and is told.
    const pdf = await (await h.as('kangning')).get(`/api/verification-certificates/${c.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.rawPayload.length).toBeGreaterThan(5_000);
    const notices = (await (await h.as('kangning')).get('/api/notifications?pageSize=50')).json().items as { title: string }[];
    expect(notices.some((n) => n.title.includes(c.certificateNo))).toBe(true);
  });

  it('issues a result notice for a failure, which takes the instrument out of use at once', async () => {
    const r = await acceptedRequest();
    const c = (await (await h.as('scmi.verifier')).post(`/api/service-requests/${r.id}/verifications`, verification(r, { passed: false, conclusion: '示值误差超差，不合格' }))).json() as CertificateView;
    expect(c).toMatchObject({ kind: 'failure_notice', validUntil: null });
    expect(c.certificateNo).toMatch(/^JT510107-/);
    const instrument = (await (await h.as('kangning')).get(`/api/instruments/${ids.irThermometer}`)).json();
    expect(instrument).toMatchObject({ validToday: false, lastVerificationPassed: false });
    // Passing again restores it (the latest record decides).
    await (await h.as('scmi.verifier')).post(`/api/service-requests/${r.id}/verifications`, verification(r));
    expect((await (await h.as('kangning')).get(`/api/instruments/${ids.irThermometer}`)).json().validToday).toBe(true);
  });

  it('asks for the end of validity when the instrument is outside the catalogue, and for a snapshot when it is not in a ledger', async () => {
    const r = await acceptedRequest();
    const verifier = await h.as('scmi.verifier');
    const scale = await verifier.post(`/api/service-requests/${r.id}/verifications`, verification(r, { instrumentId: ids.scale }));
    expect(scale.statusCode).toBe(400);
    expect(scale.json().error.details.fields[0].field).toBe('validUntil');
    const both = await verifier.post(`/api/service-requests/${r.id}/verifications`, verification(r, { instrument: { name: 'x', model: 'y', serialNumber: 'z', manufacturer: 'w' } }));
    expect(both.json().error.details.fields[0].field).toBe('instrumentId');
    const snapshot = await verifier.post(
      `/api/service-requests/${r.id}/verifications`,
      verification(r, { instrumentId: undefined, instrument: { name: '医用电子体温计', model: 'MT-4', serialNumber: 'SN-1', manufacturer: '某厂' }, validUntil: addDays(h.services.deps.calendar.today(), 364) }),
    );
    expect(snapshot.json()).toMatchObject({ instrumentId: null, instrumentName: '医用电子体温计', serialNumber: 'SN-1' });
  });

  it('refuses what is not the institution’s to certify, with clear errors and nothing written', async () => {
    const before = await rawRows<{ n: string }>(h.services.deps.db, sql`select count(*)::text as n from verification_certificates`);
    const r = await acceptedRequest();
    const verifier = await h.as('scmi.verifier');
    // The same person cannot check their own work.
    expect((await verifier.post(`/api/service-requests/${r.id}/verifications`, verification(r, { checkerId: (await h.actor('scmi.verifier')).userId }))).json().error.details.fields[0].field).toBe('checkerId');
    // Signers belong to the institution.
    expect((await verifier.post(`/api/service-requests/${r.id}/verifications`, verification(r, { approverId: (await h.actor('fjmi.admin')).userId }))).json().error.details.fields[0].field).toBe('approverId');
    // Another enterprise's instrument.
    const [other] = await rawRows<{ id: string }>(h.services.deps.db, sql`select id from instruments where serial_number = 'WDW5-1808'`);
    expect((await verifier.post(`/api/service-requests/${r.id}/verifications`, verification(r, { instrumentId: other!.id }))).json().error.details.fields[0].field).toBe('instrumentId');
    // Not yet accepted.
    const waiting = (await (await h.as('kangning')).post('/api/service-requests', { institutionId: ids.scmi, lines: [{ itemId: ids.thermometerItem, quantity: 1 }], ...contact })).json() as ServiceRequestView;
    expect((await verifier.post(`/api/service-requests/${waiting.id}/verifications`, verification(waiting))).json().error.code).toBe('NOT_ACCEPTED');
    // A calibration item is not certified with 检定证书.
    const ir = ((await h.anonymous().get(`/api/public/service-catalogue?q=${encodeURIComponent('红外人体测温仪校准')}`)).json().items as ServiceItemView[]).find((i) => i.institutionId === ids.scmi)!;
    const cal = (await (await h.as('kangning')).post('/api/service-requests', { institutionId: ids.scmi, lines: [{ itemId: ir.id, quantity: 1 }], ...contact })).json() as ServiceRequestView;
    await (await h.as('scmi.receptionist')).post(`/api/service-requests/${cal.id}/accept`, {});
    expect((await verifier.post(`/api/service-requests/${cal.id}/verifications`, verification(cal))).json().error.details.fields[0].field).toBe('lineId');
    // Another institution's verifier, and roles that do not verify.
    expect((await (await h.as('fjmi.tester')).post(`/api/service-requests/${r.id}/verifications`, verification(r))).statusCode).toBe(404);
    expect((await (await h.as('scmi.receptionist')).post(`/api/service-requests/${r.id}/verifications`, verification(r))).statusCode).toBe(403);
    const after = await rawRows<{ n: string }>(h.services.deps.db, sql`select count(*)::text as n from verification_certificates`);
    expect(after[0]!.n).toBe(before[0]!.n);
  });
});

describe('public verification of a certificate', () => {
  it('opens from the QR code on the PDF, says genuine and valid, and shows only what is printed on the paper', async () => {
    const r = await acceptedRequest();
    const c = (await (await h.as('scmi.verifier')).post(`/api/service-requests/${r.id}/verifications`, verification(r))).json() as CertificateView;
    expect(c.verificationCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
    const pdf = (await (await h.as('kangning')).get(`/api/verification-certificates/${c.id}/pdf`)).rawPayload;
    const url = new URL(decodeQrFromPdf(pdf)!);
    expect(url.pathname).toBe('/verify/certificate');
    expect(url.searchParams.get('no')).toBe(c.certificateNo);
    expect(url.searchParams.get('code')).toBe(c.verificationCode);
    expect(`${url.origin}${url.pathname}${url.search}`).toBe(c.verifyUrl);

    const anon = h.anonymous();
    const page = await anon.get(`${url.pathname}${url.search}`);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('data-status="authentic"');
    expect(page.body).toContain('真实有效');
    expect(page.body).toContain(`${c.validUntil}（在有效期内）`);
    expect(page.body).not.toContain('<script');
    expect(page.body).not.toContain(c.verifierName);

    const api = (await anon.get(`/api/public/certificates/verify?no=${c.certificateNo}&code=${c.verificationCode.toLowerCase()}`)).json();
    expect(api).toEqual({
      status: 'authentic',
      message: expect.stringContaining('在有效期内'),
      certificate: {
        certificateNo: c.certificateNo,
        kind: 'certificate',
        institutionName: '四川省计量测试研究院',
        clientName: '成都康宁医疗用品有限公司',
        instrumentName: c.instrumentName,
        model: c.model,
        serialNumber: c.serialNumber,
        conclusion: '合格',
        performedOn: c.performedOn,
        validUntil: c.validUntil,
        validity: 'valid',
        checkedOn: h.services.deps.calendar.today(),
      },
    });
    // The code is the record's: the same one on every read and in the list.
    expect((await (await h.as('kangning')).get(`/api/verification-certificates/${c.id}`)).json().verificationCode).toBe(c.verificationCode);
  });

  it('tells a genuine certificate past its validity and a result notice apart from a valid certificate', async () => {
    const r = await acceptedRequest();
    const verifier = await h.as('scmi.verifier');
    const today = h.services.deps.calendar.today();
    const old = (
      await verifier.post(
        `/api/service-requests/${r.id}/verifications`,
        verification(r, { instrumentId: undefined, instrument: { name: '医用电子体温计', model: 'MT-4', serialNumber: 'SN-OLD', manufacturer: '某厂' }, performedOn: addDays(today, -400), validUntil: addDays(today, -36) }),
      )
    ).json() as CertificateView;
    const anon = h.anonymous();
    const expired = (await anon.get(`/api/public/certificates/verify?no=${old.certificateNo}&code=${old.verificationCode}`)).json();
    expect(expired).toMatchObject({ status: 'authentic', certificate: { validity: 'expired', validUntil: addDays(today, -36) } });
    expect(expired.message).toContain('超过有效期');
    const page = (await anon.get(old.verifyUrl.replace(/^https?:\/\/[^/]+/, ''))).body;
    expect(page).toContain('data-status="expired"');
    expect(page).toContain('（已过期）');

    const failed = (await verifier.post(`/api/service-requests/${r.id}/verifications`, verification(r, { passed: false, conclusion: '示值误差超差，不合格' }))).json() as CertificateView;
    const notice = (await anon.get(`/api/public/certificates/verify?no=${failed.certificateNo}&code=${failed.verificationCode}`)).json();
    expect(notice).toMatchObject({ status: 'authentic', certificate: { kind: 'failure_notice', validity: 'none', validUntil: null } });
    expect(notice.message).toContain('不得继续使用');
  });

  it('finds nothing for a wrong code or number, and asks for both', async () => {
    const anon = h.anonymous();
    const [c] = (await (await h.as('scmi.admin')).get('/api/verification-certificates?pageSize=1')).json().items as CertificateView[];
    const wrongCode = c!.verificationCode === 'AAAAAAAA' ? 'BBBBBBBB' : 'AAAAAAAA';
    for (const [no, code] of [
      [c!.certificateNo, wrongCode],
      ['JD000000-2026-99999', c!.verificationCode],
    ]) {
      const res = await anon.get(`/api/public/certificates/verify?no=${no}&code=${code}`);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ status: 'not_found', certificate: null });
      const page = await anon.get(`/verify/certificate?no=${no}&code=${code}`);
      expect(page.body).toContain('data-status="not_found"');
      expect(page.body).not.toContain(c!.clientName);
    }
    const missing = await anon.get('/api/public/certificates/verify?no=JD1');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.fields).toEqual([expect.objectContaining({ field: 'code', message: '请填写验证码' })]);
    // The empty form is a page, not an error.
    const empty = await anon.get('/verify/certificate');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('计量检定证书真伪查验');
    expect(empty.body).not.toContain('class="result"');
  });
});

describe('what the verifier may look up', () => {
  it('lists the people of the verifier’s own institution, and the requester’s ledger only to the institution holding its request', async () => {
    const staff = (await (await h.as('scmi.verifier')).get('/api/institution-staff')).json() as { id: string; displayName: string }[];
    expect(staff.map((p) => p.displayName)).toEqual(expect.arrayContaining(['川计量院核验员 冯涛', '川计量院管理员 孙悦']));
    expect(staff.every((p) => !p.displayName.startsWith('闽'))).toBe(true);
    expect((await (await h.as('kangning')).get('/api/institution-staff')).statusCode).toBe(403);

    const r = await acceptedRequest();
    const ledger = (await (await h.as('scmi.verifier')).get(`/api/service-requests/${r.id}/requester-instruments`)).json() as { id: string; compulsoryItem: string | null; periodMonths: number | null }[];
    expect(ledger.find((i) => i.id === ids.irThermometer)).toMatchObject({ compulsoryItem: '体温计', periodMonths: 12 });
    expect((await (await h.as('fjmi.tester')).get(`/api/service-requests/${r.id}/requester-instruments`)).statusCode).toBe(404);
    expect((await (await h.as('minkang')).get(`/api/service-requests/${r.id}/requester-instruments`)).statusCode).toBe(403);
  });
});

describe('who sees which certificate', () => {
  it('shows a certificate to the requester, the institution and the bureaus over it, and nobody else', async () => {
    const all = (await (await h.as('samr.admin')).get('/api/verification-certificates?pageSize=100')).json().items as CertificateView[];
    const minkang = all.find((c) => c.clientName === '福建闽康卫材有限公司')!;
    expect(minkang).toBeDefined();
    for (const user of ['minkang', 'scmi.admin', 'scmi.verifier', 'sc.admin', 'wh.officer']) {
      expect((await (await h.as(user)).get(`/api/verification-certificates/${minkang.id}`)).statusCode, user).toBe(200);
    }
    for (const user of ['kangning', 'fjmi.admin', 'fj.admin', 'jj.officer']) {
      expect((await (await h.as(user)).get(`/api/verification-certificates/${minkang.id}`)).statusCode, user).toBe(404);
      expect((await (await h.as(user)).get(`/api/verification-certificates/${minkang.id}/pdf`)).statusCode, user).toBe(404);
      expect(((await (await h.as(user)).get('/api/verification-certificates?pageSize=100')).json().items as CertificateView[]).map((c) => c.id), user).not.toContain(minkang.id);
    }
    const own = (await (await h.as('minkang')).get('/api/verification-certificates?pageSize=100')).json().items as CertificateView[];
    expect(own.every((c) => c.clientName === '福建闽康卫材有限公司')).toBe(true);
    expect(own.map((c) => c.kind).sort()).toEqual(['certificate', 'failure_notice']);
    expect((await h.anonymous().get('/api/verification-certificates')).statusCode).toBe(401);
  });
});

describe('due reminders', () => {
  it('tells the owner 30 days ahead of the end of validity, once', async () => {
    const kangning = await h.as('kangning');
    const today = h.services.deps.calendar.today();
    const created = (
      await kangning.post('/api/instruments', { name: '血压计', model: 'BP-1', serialNumber: `BP-${Date.now()}`, manufacturer: '鱼跃', compulsory: true })
    ).json();
    await kangning.post(`/api/instruments/${created.id}/verifications`, { kind: 'verification', performedOn: addDays(today, -340), validUntil: addDays(today, 20), certificateNo: 'JD-OLD-1', performedBy: '四川省计量测试研究院', passed: true });
    const titles = async () => ((await kangning.get('/api/notifications?pageSize=100')).json().items as { title: string }[]).map((n) => n.title).filter((t) => t.includes(created.serialNumber));
    expect(await titles()).toEqual([`计量器具 血压计（${created.serialNumber}）将于 ${addDays(today, 20)} 到期`]);
    expect(await titles()).toHaveLength(1);
  });
});

describe('notice 003’s figures from the records', () => {
  it('counts staff person-times and places served from on-site dispatches, instruments from certificates, fees waived from requests', async () => {
    const stat = await h.as('sc.stat');
    const templates = (await stat.get('/api/reports/templates?pageSize=50')).json().items as { id: string; code: string }[];
    const metrology = templates.find((t) => t.code === 'metrology_service')!.id;
    const [period] = (await stat.get(`/api/reports/templates/${metrology}/periods?count=1`)).json() as { key: string }[];
    const cells = async () => {
      const t = (await stat.get(`/api/reports/templates/${metrology}/periods/${period!.key}/table`)).json() as { cells: Record<string, { value: string | null }> };
      return (key: string) => Number(t.cells[`all:${key}`]!.value ?? 0);
    };
    const before = await cells();
    // The demo's dispatches this week in 四川: 7 person-times, one hospital, two checkpoints.
    expect(before('staff')).toBeGreaterThanOrEqual(7);
    expect(before('hospitals')).toBeGreaterThanOrEqual(1);
    expect(before('checkpoints')).toBeGreaterThanOrEqual(2);

    const receptionist = await h.as('scmi.receptionist');
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
    const visit = { placeType: 'hospital', placeName: '成都市第五人民医院', regionCode: '510115', team: '医用计量服务队', staff: ['曾伟', '冯涛'], startsAt: at(2), endsAt: at(1) };
    expect((await receptionist.post('/api/onsite-dispatches', visit)).statusCode).toBe(200);
    // The same hospital again: more person-times, still one hospital more.
    expect((await receptionist.post('/api/onsite-dispatches', { ...visit, staff: ['李强'] })).statusCode).toBe(200);
    // A verification of an epidemic item, and a request whose fee is waived.
    const r = await acceptedRequest();
    await (await h.as('scmi.verifier')).post(`/api/service-requests/${r.id}/verifications`, verification(r));
    await (await h.as('kangning')).post('/api/service-requests', { institutionId: ids.scmi, lines: [{ itemId: ids.thermometerItem, quantity: 500 }], ...contact });
    const after = await cells();
    expect(after('staff')).toBe(before('staff') + 3);
    expect(after('hospitals')).toBe(before('hospitals') + 1);
    expect(after('checkpoints')).toBe(before('checkpoints'));
    expect(after('epidemic')).toBe(before('epidemic') + 1);
    // One thermometer (20 yuan) and 500 more, all waived: 10,020 yuan, 1.002 万元, shown as 1.00 more.
    expect((after('waived') - before('waived')).toFixed(2)).toBe('1.00');

    // The drill-down lists the dispatches behind the staff figure.
    const drill = (await stat.get(`/api/reports/templates/${metrology}/periods/${period!.key}/cells/all:staff/records?pageSize=100`)).json() as { items: { kind: string; title: string }[] };
    expect(drill.items.filter((i) => i.title === '成都市第五人民医院').map((i) => i.kind)).toEqual(['dispatch', 'dispatch']);
  });
});

describe('the ledger imported from a spreadsheet', () => {
  const HEADER = ['器具名称*', '器具类别*', '型号规格*', '出厂编号*', '制造单位*', '测量范围', '准确度等级', '使用地点', '用途*', '数量', '强制检定', '强检目录项目'];
  async function xlsx(rows: (string | number)[][], header = HEADER) {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('台账');
    sheet.addRow(header);
    for (const r of rows) sheet.addRow(r);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }
  const upload = (c: Client, file: Buffer) => c.request({ method: 'POST', url: '/api/instruments/import', payload: file, headers: { 'content-type': XLSX_TYPE } });
  const count = async () => Number((await rawRows<{ n: string }>(h.services.deps.db, sql`select count(*)::text as n from instruments`))[0]!.n);

  it('offers a template that reads back as a valid ledger', async () => {
    const res = await (await h.as('kangning')).request({ method: 'GET', url: '/api/instruments/import-template' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).getCell(1).text).toBe('器具名称*');
    expect(workbook.getWorksheet('强检目录')!.getColumn(1).values).toContain('体温计');
  });

  it('refuses the whole file with each row’s problems, writing nothing', async () => {
    const before = await count();
    const res = await upload(
      await h.as('kangning'),
      await xlsx([
        ['医用电子体温计', '体温计', 'MT-4', 'IMP-001', '鱼跃', '32–42 ℃', '±0.1 ℃', '车间', '医疗卫生', 20, '是', '体温计'],
        ['血压计', '血压计', 'BP-2', 'IMP-002', '欧姆龙', '', '', '医务室', '保健', 0, '也许', '听诊器'],
        ['电子台秤', '衡器', 'TCS-150', 'IMP-001', '友声', '0–150 kg', 'Ⅲ', '仓库', '贸易结算', 1, '否', ''],
        ['红外体温计', '体温计', 'HW-F7', 'HWF7-2020-1163', '华盛昌', '', '', '南门', '医疗卫生', 1, '', ''],
        ['', '', '', '', '', '', '', '', '', '', '', ''],
        ['压力表', '', 'Y-100', 'IMP-005', '红旗', '', '', '', '安全防护', 2, '否', '体温计'],
      ]),
    );
    expect(res.statusCode).toBe(400);
    const body = res.json().error;
    expect(body.code).toBe('IMPORT_ROWS_INVALID');
    const problems = (body.details.rows as { row: number; column: string; message: string }[]).map((r) => `${r.row}:${r.column}`);
    expect(problems).toEqual(
      expect.arrayContaining(['3:用途', '3:数量', '3:强制检定', '3:强检目录项目', '4:出厂编号', '5:出厂编号', '7:器具类别', '7:强制检定']),
    );
    expect(problems.some((p) => p.startsWith('2:'))).toBe(false);
    expect(body.message).toContain('未导入任何数据');
    expect(await count()).toBe(before);
  });

  it('writes every instrument with its e-CQS fields, marking the compulsory ones', async () => {
    const before = await count();
    const serial = `IMP-${Date.now()}`;
    const res = await upload(
      await h.as('kangning'),
      await xlsx([
        ['医用电子体温计', '体温计', 'MT-4', `${serial}-1`, '鱼跃', '32–42 ℃', '±0.1 ℃', '车间', '医疗卫生', 20, '', '医用电子体温计'],
        ['电子台秤', '衡器', 'TCS-150', `${serial}-2`, '友声', '0–150 kg', 'Ⅲ', '仓库', '贸易结算', 1, '否', ''],
      ]),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ inserted: 2, compulsory: 1 });
    expect(await count()).toBe(before + 2);
    const [row] = await rawRows<{ id: string; compulsory: boolean }>(h.services.deps.db, sql`select id, compulsory from instruments where serial_number = ${`${serial}-1`}`);
    expect(row!.compulsory).toBe(true);
    expect((await (await h.as('kangning')).get(`/api/instruments/${row!.id}/ledger`)).json()).toMatchObject({ category: '体温计', compulsoryItem: '体温计', quantity: 20, location: '车间' });
    expect((await h.services.auditLog.verify(h.system)).problems).toEqual([]);
  });

  it('answers a file that is no spreadsheet, a wrong type and a regulator clearly', async () => {
    const kangning = await h.as('kangning');
    expect((await upload(kangning, Buffer.from('不是表格'))).json().error.code).toBe('IMPORT_FILE_INVALID');
    expect((await upload(kangning, await xlsx([['x']], ['名称']))).json().error.message).toContain('缺少列');
    expect((await kangning.request({ method: 'POST', url: '/api/instruments/import', payload: 'abc', headers: { 'content-type': 'text/plain' } })).statusCode).toBe(415);
    expect((await upload(await h.as('wh.officer'), await xlsx([]))).statusCode).toBe(403);
  });
});
