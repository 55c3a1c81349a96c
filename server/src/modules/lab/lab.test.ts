import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../platform/calendar/working-days.js';
import { createHarness, type Client, type Harness } from '../../../test/harness.js';
import { decodeQrFromPdf } from '../../../test/pdf-qr.js';

let h: Harness;
let today: string;
const ids = { items: new Map<string, string>(), instruments: new Map<string, string>(), wuhou: '', sichuan: '', kangningUscc: '' };

beforeAll(async () => {
  h = await createHarness();
  today = h.services.deps.calendar.today();
  const items = (await (await h.as('scqi.admin')).get('/api/lab/test-items')).json().items;
  for (const i of items) ids.items.set(`${i.standard} ${i.parameter}`, i.id);
  for (const i of (await (await h.as('scqi.admin')).get('/api/instruments?pageSize=100')).json().items) ids.instruments.set(i.name, i.id);
  const orgs = (await (await h.as('admin')).get('/api/orgs')).json().items;
  ids.wuhou = orgs.find((o: { name: string }) => o.name === '成都市武侯区市场监督管理局').id;
  ids.sichuan = orgs.find((o: { name: string }) => o.name === '四川省市场监督管理局').id;
  ids.kangningUscc = (await (await h.as('kangning')).get('/api/enterprises')).json().items[0].uscc;
});
afterAll(() => h.close());

const sampleBody = (overrides: Record<string, unknown> = {}) => ({
  source: 'regulator_commission',
  commissioningOrgId: ids.wuhou,
  productCategory: 'mask',
  productName: 'KN95 防护口罩',
  specification: '折叠式',
  producerUscc: ids.kangningUscc,
  producerName: '成都康宁医疗用品有限公司',
  batchNo: `T${Date.now()}`,
  quantity: '40只',
  conditionOnArrival: '完好',
  storage: '常温',
  retentionUntil: addDays(today, 60),
  testItemIds: [ids.items.get('GB 2626-2019 过滤效率'), ids.items.get('GB 2626-2019 吸气阻力')],
  ...overrides,
});

async function receiveAndAssign(overrides: Record<string, unknown> = {}) {
  const reception = await h.as('scqi.receptionist');
  const sample = (await reception.post('/api/lab/samples', sampleBody(overrides))).json();
  const tester = (await (await h.as('scqi.tester')).get('/api/auth/me')).json().user.id;
  const assigned = await reception.post(`/api/lab/samples/${sample.id}/assign`, {
    assignments: sample.tests.map((t: { id: string }) => ({ sampleTestId: t.id, testerId: tester })),
  });
  expect(assigned.statusCode).toBe(200);
  return assigned.json();
}

const testId = (sample: { tests: { id: string; parameter: string }[] }, parameter: string) => sample.tests.find((t) => t.parameter === parameter)!.id;
const enter = (c: Client, sampleId: string, test: string, value: string, instrument = '颗粒物过滤效率测试仪', extra: Record<string, unknown> = {}) =>
  c.post(`/api/lab/samples/${sampleId}/tests/${test}/results`, { value, instrumentId: ids.instruments.get(instrument), testedOn: today, ...extra });

describe('catalogue and acceptance', () => {
  it('refuses a catalogue item outside the qualification and names who is qualified', async () => {
    const res = await (await h.as('fjmi.admin')).post('/api/lab/test-items', { standard: 'GB 2626-2019', parameter: '过滤效率', unit: '%', limitKind: 'min', limitMin: '95' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('OUTSIDE_QUALIFICATION');
    expect(res.json().error.message).toContain('四川省产品质量监督检验检测院');
    expect(res.json().error.details.alternatives[0]).toMatchObject({ name: '四川省产品质量监督检验检测院', cmaNumber: '202123050128' });
  });

  it('refuses to accept a test whose qualification scope was withdrawn', async () => {
    const admin = await h.as('sc.admin');
    const inst = (await admin.get(`/api/institutions?q=${encodeURIComponent('四川省产品质量')}`)).json().items[0];
    const scope = (await admin.get(`/api/institutions/${inst.id}`)).json().scopes.find((s: { standard: string }) => s.standard === 'GB 19083-2010');
    await admin.delete(`/api/institutions/${inst.id}/scopes/${scope.id}`);
    const res = await (await h.as('scqi.receptionist')).post('/api/lab/samples', sampleBody({ testItemIds: [ids.items.get('GB 19083-2010 过滤效率')] }));
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('GB 19083-2010 过滤效率 不在本机构资质认定范围内，目前没有机构具备该项资质');
    await admin.post(`/api/institutions/${inst.id}/scopes`, { domain: scope.domain, parameter: scope.parameter, standard: scope.standard, categoryCode: scope.categoryCode });
  });

  it('refuses every sample at an institution whose CMA certificate has expired', async () => {
    const res = await (await h.as('snse.admin')).post('/api/lab/samples', sampleBody());
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('CMA_EXPIRED');
  });

  it('offers the directory of bureaus that may commission a test', async () => {
    const bureaus = (await (await h.as('scqi.receptionist')).get('/api/lab/commissioning-orgs')).json();
    expect(bureaus.map((b: { name: string }) => b.name)).toEqual(expect.arrayContaining(['国家市场监督管理总局', '成都市武侯区市场监督管理局']));
    expect(bureaus.every((b: { id: string }) => b.id !== undefined)).toBe(true);
  });

  it('requires the commissioning bureau for sampling and commissions', async () => {
    const res = await (await h.as('scqi.receptionist')).post('/api/lab/samples', sampleBody({ source: 'sampling_task', commissioningOrgId: null }));
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'commissioningOrgId' });
  });

  it('takes a client enterprise by its credit code, and says what to do when it is not registered', async () => {
    const reception = await h.as('scqi.receptionist');
    const ok = await reception.post('/api/lab/samples', sampleBody({ source: 'client_request', commissioningOrgId: null, clientUscc: ids.kangningUscc, productName: '委托送检口罩' }));
    expect(ok.statusCode).toBe(200);
    expect(ok.json().clientName).toBe('成都康宁医疗用品有限公司');
    expect((await (await h.as('kangning')).get(`/api/lab/samples/${ok.json().id}`)).statusCode).toBe(200);
    const unknown = await reception.post('/api/lab/samples', sampleBody({ source: 'client_request', commissioningOrgId: null, clientUscc: '91350100M000100Y43' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields[0]).toMatchObject({ field: 'clientUscc', message: expect.stringContaining('未登记') });
  });

  it('prints a label whose QR code carries the sample number', async () => {
    const c = await h.as('scqi.receptionist');
    const sample = (await c.post('/api/lab/samples', sampleBody())).json();
    const label = await c.get(`/api/lab/samples/${sample.id}/label`);
    expect(label.headers['content-type']).toBe('application/pdf');
    expect(decodeQrFromPdf(label.rawPayload)).toBe(sample.sampleNo);
    expect((await (await h.as('fjmi.admin')).get(`/api/lab/samples/${sample.id}/label`)).statusCode).toBe(404);
  });

  it('numbers samples uniquely and in order within the institution', async () => {
    const c = await h.as('scqi.receptionist');
    const a = (await c.post('/api/lab/samples', sampleBody())).json().sampleNo as string;
    const b = (await c.post('/api/lab/samples', sampleBody())).json().sampleNo as string;
    expect(a).toMatch(/^YP\d{4}-\d{6}$/);
    expect(Number(b.slice(-6))).toBe(Number(a.slice(-6)) + 1);
  });
});

describe('results', () => {
  it('judges automatically against the limit', async () => {
    const s = await receiveAndAssign();
    const res = (await enter(await h.as('scqi.tester'), s.id, testId(s, '过滤效率'), '94.2')).json();
    expect(res.tests.find((t: { parameter: string }) => t.parameter === '过滤效率').result).toMatchObject({ value: '94.2', judgement: 'fail', unit: '%' });
  });

  it('refuses a result from an instrument whose verification has expired, or whose last verification failed', async () => {
    const s = await receiveAndAssign();
    const tester = await h.as('scqi.tester');
    const expired = await enter(tester, s.id, testId(s, '过滤效率'), '96.1', '恒温恒湿箱');
    expect(expired.statusCode).toBe(422);
    expect(expired.json().error.code).toBe('INSTRUMENT_NOT_VERIFIED');
    expect(expired.json().error.message).toContain('有效期至');
    const failed = await enter(tester, s.id, testId(s, '过滤效率'), '96.1', '数显卡尺');
    expect(failed.json().error.message).toContain('结论为不合格');
  });

  it('refuses another institution’s instrument, a date before receipt, and a tester not assigned', async () => {
    const s = await receiveAndAssign();
    const tester = await h.as('scqi.tester');
    const fjmiInstrument = (await (await h.as('fjmi.admin')).get('/api/instruments')).json().items[0].id;
    const foreign = await tester.post(`/api/lab/samples/${s.id}/tests/${testId(s, '过滤效率')}/results`, { value: '96', instrumentId: fjmiInstrument, testedOn: today });
    expect(foreign.json().error.details.fields[0].field).toBe('instrumentId');
    const early = await enter(tester, s.id, testId(s, '过滤效率'), '96', '颗粒物过滤效率测试仪', { testedOn: addDays(today, -3) });
    expect(early.json().error.message).toContain('不能早于收样日期');
    const stranger = await h.as('fjmi.tester');
    expect((await enter(stranger, s.id, testId(s, '过滤效率'), '96')).statusCode).toBe(404);
  });

  it('keeps every version: a correction needs a reason and the history shows both', async () => {
    const s = await receiveAndAssign();
    const tester = await h.as('scqi.tester');
    await enter(tester, s.id, testId(s, '过滤效率'), '95.5');
    const noReason = await enter(tester, s.id, testId(s, '过滤效率'), '96.5');
    expect(noReason.json().error.details.fields[0].field).toBe('reason');
    const corrected = (await enter(tester, s.id, testId(s, '过滤效率'), '96.5', '颗粒物过滤效率测试仪', { reason: '抄录错误，按原始记录更正' })).json();
    const test = corrected.tests.find((t: { parameter: string }) => t.parameter === '过滤效率');
    expect(test.result).toMatchObject({ version: 2, value: '96.5', reason: '抄录错误，按原始记录更正' });
    expect(test.history.map((r: { value: string }) => r.value)).toEqual(['96.5', '95.5']);
  });

  it('hides client and producer from a tester working blind, and shows them when blind testing is off', async () => {
    const s = await receiveAndAssign();
    const blind = (await (await h.as('scqi.tester')).get(`/api/lab/samples/${s.id}`)).json();
    expect(blind).toMatchObject({ blind: true, producerName: null, producerUscc: null, commissioningOrgName: null });
    expect((await (await h.as('scqi.receptionist')).get(`/api/lab/samples/${s.id}`)).json().producerName).toBe('成都康宁医疗用品有限公司');
    await (await h.as('scqi.admin')).put('/api/lab/settings', { blindTesting: false });
    expect((await (await h.as('scqi.tester')).get(`/api/lab/samples/${s.id}`)).json().producerName).toBe('成都康宁医疗用品有限公司');
    await (await h.as('scqi.admin')).put('/api/lab/settings', { blindTesting: true });
  });
});

describe('review and approval', () => {
  async function completed() {
    const s = await receiveAndAssign();
    const tester = await h.as('scqi.tester');
    await enter(tester, s.id, testId(s, '过滤效率'), '96.8');
    await enter(tester, s.id, testId(s, '吸气阻力'), '120', '呼吸阻力测试仪');
    return s;
  }

  it('refuses to submit with results missing', async () => {
    const s = await receiveAndAssign();
    await enter(await h.as('scqi.tester'), s.id, testId(s, '过滤效率'), '96.8');
    const res = await (await h.as('scqi.tester')).post(`/api/lab/samples/${s.id}/submit`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toContain('吸气阻力');
  });

  it('walks submit → review → approve with three different people, and then locks the results', async () => {
    const s = await completed();
    const tester = await h.as('scqi.tester');
    expect((await tester.post(`/api/lab/samples/${s.id}/submit`)).json().status).toBe('in_review');
    expect((await (await h.as('scqi.reviewer')).post(`/api/lab/samples/${s.id}/review`)).json().status).toBe('in_approval');
    const approved = (await (await h.as('scqi.signatory')).post(`/api/lab/samples/${s.id}/approve`)).json();
    expect(approved).toMatchObject({ status: 'approved', conclusion: 'pass' });
    expect(approved.events.map((e: { step: string }) => e.step)).toEqual(['received', 'assigned', 'submitted', 'reviewed', 'approved']);
    const late = await enter(tester, s.id, testId(s, '过滤效率'), '90', '颗粒物过滤效率测试仪', { reason: '改' });
    expect(late.statusCode).toBe(409);
  });

  it('does not let a tester review their own results', async () => {
    const s = await completed();
    await (await h.as('scqi.tester')).post(`/api/lab/samples/${s.id}/submit`);
    const admin = await h.as('scqi.admin');
    const me = (await (await h.as('scqi.tester')).get('/api/auth/me')).json().user.id;
    await admin.patch(`/api/users/${me}`, { roles: ['tester', 'reviewer'] });
    const res = await (await h.as('scqi.tester')).post(`/api/lab/samples/${s.id}/review`);
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('SEPARATION_OF_DUTIES');
    await admin.patch(`/api/users/${me}`, { roles: ['tester'] });
  });

  it('returns for rework with the reason, and lets the tester correct', async () => {
    const s = await completed();
    await (await h.as('scqi.tester')).post(`/api/lab/samples/${s.id}/submit`);
    const noReason = await (await h.as('scqi.reviewer')).post(`/api/lab/samples/${s.id}/return`, {});
    expect(noReason.statusCode).toBe(400);
    const returned = (await (await h.as('scqi.reviewer')).post(`/api/lab/samples/${s.id}/return`, { reason: '吸气阻力原始记录缺少环境温湿度' })).json();
    expect(returned.status).toBe('testing');
    expect(returned.events.at(-1)).toMatchObject({ step: 'returned', reason: '吸气阻力原始记录缺少环境温湿度' });
    const fixed = await enter(await h.as('scqi.tester'), s.id, testId(s, '吸气阻力'), '118', '呼吸阻力测试仪', { reason: '补充环境条件后复测' });
    expect(fixed.statusCode).toBe(200);
  });

  it('refuses approval by a signatory not authorised for the domain', async () => {
    const admin = await h.as('scqi.admin');
    const org = (await admin.get('/api/auth/me')).json().org.id;
    await admin.post('/api/users', { username: 'scqi.signatory2', displayName: '新任签字人', orgId: org, roles: ['signatory'], password: 'Signatory#2026a' });
    const s = await completed();
    await (await h.as('scqi.tester')).post(`/api/lab/samples/${s.id}/submit`);
    await (await h.as('scqi.reviewer')).post(`/api/lab/samples/${s.id}/review`);
    const login = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'scqi.signatory2', password: 'Signatory#2026a' } });
    const csrf = login.json().csrfToken;
    const changed = await h.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: `sj_session=${login.cookies.find((c) => c.name === 'sj_session')!.value}`, 'x-csrf-token': csrf },
      payload: { currentPassword: 'Signatory#2026a', newPassword: 'Signatory#2026b' },
    });
    // A password change rotates the session cookie.
    const cookie = `sj_session=${changed.cookies.find((c) => c.name === 'sj_session')!.value}`;
    const res = await h.app.inject({ method: 'POST', url: `/api/lab/samples/${s.id}/approve`, headers: { cookie, 'x-csrf-token': csrf } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toMatchObject({ code: 'SIGNATORY_NOT_AUTHORIZED', message: '您未被授权签发以下领域的报告：医疗器械防护用品' });
  });

  it('refuses deletion within the six-year retention period', async () => {
    const s = await receiveAndAssign();
    const res = await (await h.as('scqi.admin')).delete(`/api/lab/samples/${s.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('RETENTION_PERIOD');
    expect(res.json().error.details.keepUntil > addDays(today, 365 * 6 - 2)).toBe(true);
  });
});

describe('queues and scope', () => {
  it('gives each role its own queue', async () => {
    const testerQueue = (await (await h.as('scqi.tester')).get('/api/lab/samples?queue=mine&pageSize=100')).json().items;
    expect(testerQueue.length).toBeGreaterThan(0);
    expect(testerQueue.every((s: { status: string }) => s.status === 'testing')).toBe(true);
    const reviewQueue = (await (await h.as('scqi.reviewer')).get('/api/lab/samples?queue=mine&pageSize=100')).json().items;
    expect(reviewQueue.every((s: { status: string }) => s.status === 'in_review')).toBe(true);
    expect(reviewQueue.map((s: { productName: string }) => s.productName)).toContain('一次性使用医用口罩');
  });

  it('shows samples to the institution, the client and the commissioning bureau and those above it only', async () => {
    const names = async (user: string) => (await (await h.as(user)).get('/api/lab/samples?pageSize=100')).json().items.map((s: { productName: string }) => s.productName) as string[];
    // Its own requests only: the demo's, and the one received by credit code above.
    expect((await names('kangning')).sort()).toEqual(['KN95 防护口罩（出口型）', '委托送检口罩'].sort());
    expect(await names('wh.officer')).toContain('KN95 防护口罩');
    expect(await names('wh.officer')).not.toContain('一次性使用医用口罩'); // commissioned by the province, above the county
    expect(await names('sc.admin')).toEqual(expect.arrayContaining(['KN95 防护口罩', '一次性使用医用口罩']));
    expect(await names('jj.officer')).toEqual([]);
    expect(await names('samr.admin')).not.toContain('KN95 防护口罩（出口型）'); // a client's own request is confidential
    expect(await names('fjmi.admin')).toEqual([]);
    expect((await (await h.as('admin')).get('/api/lab/samples')).statusCode).toBe(403);
  });
});
