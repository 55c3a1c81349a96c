import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar/working-days.js';
import { createHarness, type Harness } from '../../../test/harness.js';
import { coversDate } from './instruments.js';

let h: Harness;
let today: string;
beforeAll(async () => {
  h = await createHarness();
  today = h.services.deps.calendar.today();
});
afterAll(() => h.close());

type Item = { id: string; name: string; validToday: boolean; ownerName: string; validUntil: string | null; lastVerificationPassed: boolean | null };
const list = async (username: string, query = '') => (await (await h.as(username)).get(`/api/instruments?pageSize=100${query}`)).json().items as Item[];
const byName = (items: Item[], name: string) => items.find((i) => i.name === name)!;

describe('the instrument ledger', () => {
  it('shows an institution its own instruments with their validity today', async () => {
    const items = await list('scqi.tester');
    expect(items.every((i) => i.ownerName === '四川省产品质量监督检验检测院')).toBe(true);
    expect(byName(items, '颗粒物过滤效率测试仪').validToday).toBe(true);
    expect(byName(items, '恒温恒湿箱').validToday).toBe(false);
    // The latest verification failed: invalid at once, even though the previous one has not run out.
    expect(byName(items, '数显卡尺')).toMatchObject({ validToday: false, validUntil: null, lastVerificationPassed: false });
  });

  it('shows a province the instruments of institutions and enterprises in its subtree', async () => {
    const owners = new Set((await list('sc.admin')).map((i) => i.ownerName));
    expect(owners).toEqual(new Set(['四川省产品质量监督检验检测院', '成都康宁医疗用品有限公司']));
    expect(new Set((await list('kangning')).map((i) => i.ownerName))).toEqual(new Set(['成都康宁医疗用品有限公司']));
  });

  it('lists instruments due for verification by a date', async () => {
    const due = (await list('scqi.admin', `&dueBy=${addDays(today, 30)}`)).map((i) => i.name);
    expect(due).toEqual(expect.arrayContaining(['恒温恒湿箱', '数显卡尺']));
    expect(due).not.toContain('颗粒物过滤效率测试仪');
  });

  it('decides validity on a past date from the verification in force then', async () => {
    const caliper = byName(await list('scqi.admin'), '数显卡尺');
    expect(coversDate(await h.services.instruments.verificationOn(caliper.id, addDays(today, -100)), addDays(today, -100))).toBe(true);
    expect(coversDate(await h.services.instruments.verificationOn(caliper.id, today), today)).toBe(false);
    expect(coversDate(await h.services.instruments.verificationOn(caliper.id, addDays(today, -500)), addDays(today, -500))).toBe(false);
  });

  it('registers an instrument and a verification, both audited', async () => {
    const c = await h.as('scqi.admin');
    const created = (await c.post('/api/instruments', { name: '口罩密合性测试仪', model: 'PortaCount 8038', serialNumber: '8038-1911', manufacturer: 'TSI', compulsory: false })).json();
    expect(created).toMatchObject({ ownerName: '四川省产品质量监督检验检测院', validToday: false, status: 'in_use' });
    const verified = (await c.post(`/api/instruments/${created.id}/verifications`, {
      kind: 'calibration', performedOn: today, validUntil: addDays(today, 364), certificateNo: 'JZ-TEST-1', performedBy: '四川省计量检测研究院', passed: true,
    })).json();
    expect(verified.validToday).toBe(true);
    const audit = (await c.get(`/api/audit?entityType=instrument_verification`)).json();
    expect(audit.items[0].action).toBe('instrument.verified');
  });

  it('refuses a duplicate serial number, a validity ending before the verification, and another org', async () => {
    const c = await h.as('scqi.admin');
    const dup = await c.post('/api/instruments', { name: '电子天平', model: 'x', serialNumber: 'B812345678', manufacturer: 'x' });
    expect(dup.statusCode).toBe(409);
    const id = byName(await list('scqi.admin'), '电子天平').id;
    const backwards = await c.post(`/api/instruments/${id}/verifications`, {
      kind: 'verification', performedOn: today, validUntil: addDays(today, -1), certificateNo: 'x', performedBy: 'x', passed: true,
    });
    expect(backwards.json().error.details.fields[0]).toMatchObject({ field: 'validUntil', message: '有效期至不能早于检定日期' });
    const fjmiOrg = (await (await h.as('fjmi.admin')).get('/api/auth/me')).json().org.id;
    const foreign = await c.post('/api/instruments', { ownerOrgId: fjmiOrg, name: 'x', model: 'x', serialNumber: 'x-1', manufacturer: 'x' });
    expect(foreign.statusCode).toBe(400);
  });

  it('does not let a regulator write an institution ledger, nor another institution touch it', async () => {
    const id = byName(await list('scqi.admin'), '电子天平').id;
    expect((await (await h.as('sc.admin')).patch(`/api/instruments/${id}`, { status: 'retired' })).statusCode).toBe(403);
    expect((await (await h.as('fjmi.admin')).patch(`/api/instruments/${id}`, { status: 'retired' })).statusCode).toBe(404);
    expect((await (await h.as('fjmi.admin')).get(`/api/instruments/${id}`)).statusCode).toBe(404);
  });
});
