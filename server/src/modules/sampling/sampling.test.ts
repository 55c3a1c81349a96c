import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { addDays } from '../../platform/calendar/working-days.js';
import { FixedClock } from '../../platform/clock.js';

let h: Harness;
const clock = new FixedClock(new Date());
let today: string;
const ids = { kangningUscc: '', minkangUscc: '', institution: '', filtration: '', resistance: '', instrument: '', resistanceInstrument: '' };
beforeAll(async () => {
  h = await createHarness({ clock });
  today = h.services.deps.calendar.today();
  ids.kangningUscc = (await (await h.as('kangning')).get('/api/enterprises')).json().items[0].uscc;
  ids.minkangUscc = (await (await h.as('minkang')).get('/api/enterprises')).json().items[0].uscc;
  ids.institution = (await (await h.as('sc.admin')).get(`/api/institutions?q=${encodeURIComponent('四川省产品质量')}`)).json().items[0].id;
  const items = (await (await h.as('scqi.receptionist')).get('/api/lab/test-items?pageSize=100')).json().items;
  ids.filtration = items.find((i: { standard: string; parameter: string }) => i.standard === 'GB 2626-2019' && i.parameter === '过滤效率').id;
  ids.resistance = items.find((i: { standard: string; parameter: string }) => i.standard === 'GB 2626-2019' && i.parameter === '吸气阻力').id;
  const instruments = (await (await h.as('scqi.admin')).get('/api/instruments?pageSize=100')).json().items;
  ids.instrument = instruments.find((i: { name: string }) => i.name === '颗粒物过滤效率测试仪').id;
  ids.resistanceInstrument = instruments.find((i: { name: string }) => i.name === '呼吸阻力测试仪').id;
});
afterAll(() => h.close());

async function planWithTask(batches = 3) {
  const officer = await h.as('cd.officer');
  const plan = await officer.post('/api/sampling/plans', {
    name: `成都市口罩质量监督抽查 ${Math.random().toString(36).slice(2, 6)}`,
    startsOn: addDays(today, -30),
    endsOn: addDays(today, 30),
    quotas: [{ areaCode: '510107', category: 'mask', batches }],
  });
  expect(plan.statusCode).toBe(200);
  const task = await officer.post(`/api/sampling/plans/${plan.json().id}/tasks`, { institutionId: ids.institution, areaCode: '510107', category: 'mask', batches });
  expect(task.statusCode).toBe(200);
  return { plan: plan.json(), task: task.json() };
}

const batch = (taskId: string, overrides: Record<string, unknown> = {}) => ({
  taskId,
  enterpriseUscc: ids.kangningUscc,
  productName: 'KN95 防护口罩',
  specification: '折叠式',
  batchNo: `CJ${Math.random().toString(36).slice(2, 8)}`,
  quantity: '60只',
  place: 'production',
  samplers: ['成都市局执法人员 吴昊', '川质检院 唐丽'],
  sampledOn: today,
  ...overrides,
});

/** Receives the batch at the lab and carries it through results, review, approval and issue. */
async function throughTheLab(recordId: string, filtration: string, testItemIds = [ids.filtration, ids.resistance]) {
  const received = await (await h.as('scqi.receptionist')).post(`/api/sampling/records/${recordId}/receive`, {
    testItemIds,
    conditionOnArrival: '封样完好',
    storage: '常温干燥',
    retentionUntil: addDays(today, 90),
  });
  expect(received.statusCode).toBe(200);
  const sampleId = received.json().sampleId as string;
  const reception = await h.as('scqi.receptionist');
  const sample = (await reception.get(`/api/lab/samples/${sampleId}`)).json();
  expect(sample).toMatchObject({ source: 'sampling_task', commissioningOrgName: '成都市市场监督管理局' });
  const tester = (await (await h.as('scqi.tester')).get('/api/auth/me')).json().user.id;
  await reception.post(`/api/lab/samples/${sampleId}/assign`, { assignments: sample.tests.map((t: { id: string }) => ({ sampleTestId: t.id, testerId: tester })) });
  const testerClient = await h.as('scqi.tester');
  for (const t of sample.tests as { id: string; parameter: string }[]) {
    const [value, instrumentId] = t.parameter === '过滤效率' ? [filtration, ids.instrument] : ['120', ids.resistanceInstrument];
    const res = await testerClient.post(`/api/lab/samples/${sampleId}/tests/${t.id}/results`, { value, instrumentId, testedOn: today });
    expect(res.statusCode).toBe(200);
  }
  await testerClient.post(`/api/lab/samples/${sampleId}/submit`);
  await (await h.as('scqi.reviewer')).post(`/api/lab/samples/${sampleId}/review`);
  await (await h.as('scqi.signatory')).post(`/api/lab/samples/${sampleId}/approve`);
  return (await h.as('scqi.signatory')).post(`/api/lab/samples/${sampleId}/issue`);
}

async function issuedThroughTheLab(recordId: string, filtration: string) {
  const issued = await throughTheLab(recordId, filtration);
  expect(issued.statusCode).toBe(200);
  return issued.json();
}

describe('plans and tasks', () => {
  it('keeps quotas by area and category and shows how far each has come', async () => {
    const { plan, task } = await planWithTask(2);
    expect(task).toMatchObject({ institutionName: '四川省产品质量监督检验检测院', batches: 2, sampled: 0 });
    await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id));
    const detail = (await (await h.as('cd.officer')).get(`/api/sampling/plans/${plan.id}`)).json();
    expect(detail).toMatchObject({ orgName: '成都市市场监督管理局', quotaBatches: 2, sampledBatches: 1 });
    expect(detail.quotas).toEqual([{ areaCode: '510107', category: 'mask', batches: 2, sampled: 1 }]);
  });

  it('refuses an area outside the bureau, more batches than the quota, and a batch beyond the task', async () => {
    const officer = await h.as('cd.officer');
    const outside = await officer.post('/api/sampling/plans', { name: 'x', startsOn: today, endsOn: today, quotas: [{ areaCode: '350102', category: 'mask', batches: 1 }] });
    expect(outside.json().error.details.fields[0]).toMatchObject({ field: 'quotas.0.areaCode' });
    const nowhere = await officer.post('/api/sampling/plans', { name: 'x', startsOn: today, endsOn: today, quotas: [{ areaCode: '510199', category: 'mask', batches: 1 }] });
    expect(nowhere.json().error.details.fields[0]).toMatchObject({ field: 'quotas.0.areaCode', message: '行政区划代码 510199 不存在' });
    const rocket = await officer.post('/api/sampling/plans', { name: 'x', startsOn: today, endsOn: today, quotas: [{ areaCode: '510107', category: 'rocket', batches: 1 }] });
    expect(rocket.json().error.details.fields[0]).toMatchObject({ field: 'quotas.0.category' });
    const { plan, task } = await planWithTask(1);
    const over = await officer.post(`/api/sampling/plans/${plan.id}/tasks`, { institutionId: ids.institution, areaCode: '510107', category: 'mask', batches: 1 });
    expect(over.json().error.details.fields[0].message).toBe('该地区该类别计划 1 批次，已下达 1 批次，最多还能下达 0 批次');
    expect((await officer.post('/api/sampling/records', batch(task.id))).statusCode).toBe(200);
    const full = await officer.post('/api/sampling/records', batch(task.id));
    expect(full.statusCode).toBe(409);
  });

  it('refuses a task to an institution whose qualification scope has no parameter for the category', async () => {
    const plan = (
      await (await h.as('cd.officer')).post('/api/sampling/plans', { name: '成都市口罩抽查（资质）', startsOn: today, endsOn: addDays(today, 30), quotas: [{ areaCode: '510107', category: 'mask', batches: 2 }] })
    ).json();
    const metrology = (await (await h.as('samr.admin')).get(`/api/institutions?q=${encodeURIComponent('福建省计量')}`)).json().items[0].id;
    const refused = await (await h.as('cd.officer')).post(`/api/sampling/plans/${plan.id}/tasks`, { institutionId: metrology, areaCode: '510107', category: 'mask', batches: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.fields[0]).toMatchObject({ field: 'institutionId', message: '福建省计量科学研究院 的资质认定范围不含「口罩」的检验参数，不能承担该类别的抽查任务' });
  });

  it('refuses a producer outside the task area, one sampler, and a future date', async () => {
    const { task } = await planWithTask();
    const officer = await h.as('cd.officer');
    const fujian = await officer.post('/api/sampling/records', batch(task.id, { enterpriseUscc: ids.minkangUscc }));
    expect(fujian.json().error.details.fields[0].message).toContain('不在任务地区');
    const alone = await officer.post('/api/sampling/records', batch(task.id, { samplers: ['吴昊'] }));
    expect(alone.json().error.details.fields[0]).toMatchObject({ field: 'samplers', message: '抽样人员不得少于2人' });
    const future = await officer.post('/api/sampling/records', batch(task.id, { sampledOn: addDays(today, 1) }));
    expect(future.json().error.details.fields[0]).toMatchObject({ field: 'sampledOn' });
  });
});

describe('a batch from sampling to result', () => {
  it('starts the delivery clock, then the report clock when the lab receives it as a sampling-task sample', async () => {
    const { task } = await planWithTask();
    const record = (await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id))).json();
    expect(record.recordNo).toMatch(new RegExp(`^CY${today.slice(0, 4)}-\\d{8}$`));
    expect(record).toMatchObject({ status: 'sampled', nextClock: 'delivery', deliveryDueOn: await h.services.deps.calendar.addWorkingDays(today, 5), overdue: false });
    const received = await (await h.as('scqi.receptionist')).post(`/api/sampling/records/${record.id}/receive`, {
      testItemIds: [ids.filtration],
      conditionOnArrival: '封样完好',
      storage: '常温',
      retentionUntil: addDays(today, 90),
    });
    expect(received.json()).toMatchObject({ status: 'in_lab', receivedOn: today, nextClock: 'report', reportDueOn: await h.services.deps.calendar.addWorkingDays(today, 20) });
    const twice = await (await h.as('scqi.receptionist')).post(`/api/sampling/records/${record.id}/receive`, {
      testItemIds: [ids.filtration],
      conditionOnArrival: '封样完好',
      storage: '常温',
      retentionUntil: addDays(today, 90),
    });
    expect(twice.statusCode).toBe(409);
  });

  it('lists a batch not delivered within 5 working days as overdue', async () => {
    const { task } = await planWithTask();
    const sampledOn = await h.services.deps.calendar.addWorkingDays(today, -7);
    const late = (await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id, { sampledOn }))).json();
    expect(late.overdue).toBe(true);
    const overdue = (await (await h.as('cd.officer')).get('/api/sampling/records?overdue=true&pageSize=100')).json().items.map((r: { id: string }) => r.id);
    expect(overdue).toContain(late.id);
    expect((await (await h.as('jj.officer')).get('/api/sampling/records?overdue=true&pageSize=100')).json().items.map((r: { id: string }) => r.id)).not.toContain(late.id);
  });

  it('closes a conforming batch when its report is issued', async () => {
    const { task } = await planWithTask();
    const record = (await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id))).json();
    const report = await issuedThroughTheLab(record.id, '97.2');
    const after = (await (await h.as('cd.officer')).get(`/api/sampling/records/${record.id}`)).json();
    expect(after).toMatchObject({ status: 'closed', conclusion: 'conforming', reportId: report.id, reportedOn: today, disposalId: null, caseId: null, nextClock: null });
  });

  it('turns a nonconforming report into an objection window, a disposal and a case lead at the producer’s bureau', async () => {
    const { task } = await planWithTask();
    const record = (await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id))).json();
    await issuedThroughTheLab(record.id, '88.0');
    const after = (await (await h.as('cd.officer')).get(`/api/sampling/records/${record.id}`)).json();
    expect(after).toMatchObject({ status: 'reported', conclusion: 'nonconforming', nextClock: 'objection', objectionDueOn: await h.services.deps.calendar.addWorkingDays(addDays(today, 15), 0) });
    expect(after.disposalId).toBeTruthy();
    expect(after.caseId).toBeTruthy();
    // The lead sits with the producer's county bureau (武侯区), with the batch as its source.
    const lead = (await (await h.as('wh.officer')).get(`/api/cases/${after.caseId}`)).json();
    expect(lead).toMatchObject({ stage: 'lead', source: 'sampling', sourceRef: record.id, orgName: '成都市武侯区市场监督管理局', partyName: '成都康宁医疗用品有限公司', productCategory: 'mask' });
    expect((await (await h.as('jj.officer')).get(`/api/cases/${after.caseId}`)).statusCode).toBe(404);
    // The county bureau handling the lead sees the report it rests on; the county next door does not.
    expect((await (await h.as('wh.officer')).get(`/api/lab/reports/${after.reportId}`)).json()).toMatchObject({ conclusion: 'fail' });
    expect((await (await h.as('wh.officer')).get(`/api/lab/reports/${after.reportId}/pdf`)).statusCode).toBe(200);
    expect((await (await h.as('jj.officer')).get(`/api/lab/reports/${after.reportId}`)).statusCode).toBe(404);

    // Disposal: notice, seal, trace two buyers, close.
    const officer = await h.as('wh.officer');
    const disposal = (await officer.get(`/api/sampling/disposals/${after.disposalId}`)).json();
    expect(disposal).toMatchObject({ status: 'open', recordNo: record.recordNo, enterpriseName: '成都康宁医疗用品有限公司' });
    const early = await officer.post(`/api/sampling/disposals/${disposal.id}/close`);
    expect(early.json().error.details.fields[0]).toMatchObject({ field: 'enterpriseNotifiedOn' });
    await officer.patch(`/api/sampling/disposals/${disposal.id}`, { enterpriseNotifiedOn: today, measures: '责令停止销售，查封库存', quantitySealed: '1200', unit: '只' });
    await officer.post(`/api/sampling/disposals/${disposal.id}/flows`, { buyerName: '成都市第三人民医院', quantity: '500', quantityRecovered: '480' });
    const traced = (await officer.post(`/api/sampling/disposals/${disposal.id}/flows`, { buyerName: '武侯区某药房', quantity: '300.5', quantityRecovered: '300.5' })).json();
    expect(traced).toMatchObject({ totalShipped: '800.50', totalRecovered: '780.50' });
    const tooMany = await officer.post(`/api/sampling/disposals/${disposal.id}/flows`, { buyerName: 'x', quantity: '10', quantityRecovered: '11' });
    expect(tooMany.statusCode).toBe(400);
    expect((await officer.post(`/api/sampling/disposals/${disposal.id}/close`)).json()).toMatchObject({ status: 'closed', closedOn: today });
    expect((await (await h.as('jj.officer')).get(`/api/sampling/disposals/${disposal.id}`)).statusCode).toBe(404);
  });

  it('opens the disposal and the lead when an amended report turns a conforming batch nonconforming', async () => {
    const { task } = await planWithTask();
    const record = (await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id))).json();
    const first = await issuedThroughTheLab(record.id, '97.2');
    expect((await (await h.as('cd.officer')).get(`/api/sampling/records/${record.id}`)).json()).toMatchObject({ status: 'closed', disposalId: null, caseId: null });

    const signatory = await h.as('scqi.signatory');
    const reopened = (await signatory.post(`/api/lab/reports/${first.id}/reopen`, { reason: '过滤效率原始记录抄录错误' })).json();
    const efficiency = reopened.tests.find((t: { parameter: string }) => t.parameter === '过滤效率');
    const corrected = await (await h.as('scqi.tester')).post(`/api/lab/samples/${reopened.id}/tests/${efficiency.id}/results`, {
      value: '89.5',
      instrumentId: ids.instrument,
      testedOn: today,
      reason: '按原始记录更正',
    });
    expect(corrected.statusCode).toBe(200);
    await (await h.as('scqi.tester')).post(`/api/lab/samples/${reopened.id}/submit`);
    await (await h.as('scqi.reviewer')).post(`/api/lab/samples/${reopened.id}/review`);
    await signatory.post(`/api/lab/samples/${reopened.id}/approve`);
    const second = (await signatory.post(`/api/lab/samples/${reopened.id}/issue`)).json();
    expect(second).toMatchObject({ version: 2, conclusion: 'fail' });

    const after = (await (await h.as('cd.officer')).get(`/api/sampling/records/${record.id}`)).json();
    expect(after).toMatchObject({ status: 'reported', conclusion: 'nonconforming', reportId: second.id, nextClock: 'objection' });
    expect(after.disposalId).toBeTruthy();
    expect((await (await h.as('wh.officer')).get(`/api/cases/${after.caseId}`)).json()).toMatchObject({ stage: 'lead', source: 'sampling', sourceRef: record.id });
  });

  it('refuses to issue a report without a verdict for a sampled batch, and leaves the batch in the lab', async () => {
    const scqi = (await (await h.as('sc.admin')).get(`/api/institutions?q=${encodeURIComponent('四川省产品质量')}`)).json().items[0].id;
    const scope = await (await h.as('samr.admin')).post(`/api/institutions/${scqi}/scopes`, { domain: '医疗器械防护用品', parameter: '头带拉力', standard: 'GB 2626-2019', categoryCode: 'mask' });
    expect(scope.statusCode).toBe(200);
    const item = await (await h.as('scqi.admin')).post('/api/lab/test-items', { parameter: '头带拉力', standard: 'GB 2626-2019', unit: 'N', limitKind: 'none', categories: ['mask'] });
    expect(item.statusCode).toBe(200);
    const { task } = await planWithTask();
    const record = (await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id))).json();
    const refused = await throughTheLab(record.id, '12.5', [item.json().id]);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'SAMPLING_NO_CONCLUSION' });
    expect(refused.json().error.message).toContain(record.recordNo);
    expect((await (await h.as('cd.officer')).get(`/api/sampling/records/${record.id}`)).json()).toMatchObject({ status: 'in_lab', reportId: null, nextClock: 'report' });
  });

  /** Moves the clock to `day` (noon in Shanghai) while `check` runs; through the services, since HTTP sessions would age. */
  async function on(day: string, check: () => Promise<void>) {
    const now = clock.now();
    clock.set(`${day}T12:00:00+08:00`);
    try {
      await check();
    } finally {
      clock.set(now);
    }
  }

  it('lists a batch in the lab as overdue the working day after its 20-working-day report limit', async () => {
    const { task } = await planWithTask();
    const record = (await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id))).json();
    const received = (
      await (await h.as('scqi.receptionist')).post(`/api/sampling/records/${record.id}/receive`, { testItemIds: [ids.filtration], conditionOnArrival: '封样完好', storage: '常温', retentionUntil: addDays(today, 90) })
    ).json();
    const officer = await h.actor('wh.officer');
    const overdueIds = async () => (await h.services.sampling.records(officer, { page: 1, pageSize: 100, order: 'desc', overdue: 'true' })).items.map((r) => r.id);
    await on(received.reportDueOn, async () => {
      expect(await overdueIds()).not.toContain(record.id);
    });
    await on(await h.services.deps.calendar.addWorkingDays(received.reportDueOn, 1), async () => {
      expect(await overdueIds()).toContain(record.id);
      expect(await h.services.sampling.recordDetail(officer, record.id)).toMatchObject({ nextClock: 'report', overdue: true });
    });
  });

  it('makes a nonconforming result final once the objection window has passed, and still records an objection filed in time', async () => {
    const { task } = await planWithTask();
    const record = (await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id))).json();
    await issuedThroughTheLab(record.id, '91.0');
    const officer = await h.actor('wh.officer');
    const { objectionDueOn } = await h.services.sampling.recordDetail(officer, record.id);
    const listed = async (status: 'reported' | 'closed') =>
      (await h.services.sampling.records(officer, { page: 1, pageSize: 100, order: 'desc', status })).items.map((r) => r.id);
    await on(objectionDueOn!, async () => {
      expect(await h.services.sampling.recordDetail(officer, record.id)).toMatchObject({ status: 'reported', nextClock: 'objection' });
      expect(await listed('reported')).toContain(record.id);
    });
    await on(addDays(objectionDueOn!, 1), async () => {
      expect(await h.services.sampling.recordDetail(officer, record.id)).toMatchObject({ status: 'closed', conclusion: 'nonconforming', nextClock: null, nextDueOn: null });
      expect(await listed('reported')).not.toContain(record.id);
      expect(await listed('closed')).toContain(record.id);
      // A letter posted on the last day arrives after it: the objection was in time.
      const late = h.services.sampling.fileObjection(officer, record.id, { filedOn: addDays(objectionDueOn!, 1), reason: '逾期异议' });
      await expect(late).rejects.toMatchObject({ code: 'OBJECTION_LATE' });
      const objected = await h.services.sampling.fileObjection(officer, record.id, { filedOn: objectionDueOn!, reason: '邮寄的异议申请，邮戳日期在异议期内' });
      expect(objected).toMatchObject({ status: 'objection' });
    });
  });

  it('takes an objection within the window and records its outcome', async () => {
    const { task } = await planWithTask();
    const record = (await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id))).json();
    await issuedThroughTheLab(record.id, '90.1');
    const officer = await h.as('wh.officer');
    const objected = (await officer.post(`/api/sampling/records/${record.id}/objection`, { filedOn: today, reason: '对过滤效率检验结果有异议，申请复检' })).json();
    expect(objected).toMatchObject({ status: 'objection', objectionFiledOn: today, nextClock: null });
    const decided = (await officer.post(`/api/sampling/records/${record.id}/objection/decision`, { outcome: 'rejected', decidedOn: today, note: '复检结果与初检一致' })).json();
    expect(decided).toMatchObject({ status: 'closed', objectionOutcome: 'rejected', conclusion: 'nonconforming' });
  });
});

describe('scope', () => {
  it('shows batches to the bureaus over the producer and to the institution doing the task, no one else', async () => {
    const { plan, task } = await planWithTask();
    const record = (await (await h.as('cd.officer')).post('/api/sampling/records', batch(task.id))).json();
    for (const user of ['cd.officer', 'wh.officer', 'sc.admin', 'samr.admin', 'scqi.receptionist']) {
      expect((await (await h.as(user)).get(`/api/sampling/records/${record.id}`)).statusCode, user).toBe(200);
    }
    for (const user of ['jj.officer', 'fj.admin', 'fjmi.admin']) {
      expect((await (await h.as(user)).get(`/api/sampling/records/${record.id}`)).statusCode, user).toBe(404);
      expect((await (await h.as(user)).get('/api/sampling/records?pageSize=100')).json().items.map((r: { id: string }) => r.id), user).not.toContain(record.id);
    }
    expect((await (await h.as('kangning')).get(`/api/sampling/records/${record.id}`)).statusCode).toBe(403);
    // Plans: the bureau and those above it, the institution with a task in it; not a sibling county or another province.
    expect((await (await h.as('scqi.receptionist')).get(`/api/sampling/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await (await h.as('fjmi.admin')).get(`/api/sampling/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await (await h.as('fj.admin')).get(`/api/sampling/plans/${plan.id}`)).statusCode).toBe(404);
    // A county under the city sees neither the city's plan nor its list entry.
    expect((await (await h.as('jj.officer')).get(`/api/sampling/plans/${plan.id}`)).statusCode).toBe(404);
    expect((await (await h.as('jj.officer')).get('/api/sampling/plans?pageSize=100')).json().items.map((p: { id: string }) => p.id)).not.toContain(plan.id);
    expect((await (await h.as('sc.admin')).get('/api/sampling/plans?pageSize=100')).json().items.map((p: { id: string }) => p.id)).toContain(plan.id);
    expect((await (await h.as('fj.admin')).get('/api/sampling/plans?pageSize=100')).json().items.map((p: { id: string }) => p.id)).not.toContain(plan.id);
    const disposals = (await (await h.as('fj.admin')).get('/api/sampling/disposals?pageSize=100')).json().items;
    expect(disposals.every((d: { regionCode: string }) => d.regionCode.startsWith('35'))).toBe(true);
    // 锦江区 next door sees only its own disposals; 武侯区's demo disposal is among 成都's.
    const jinjiang = (await (await h.as('jj.officer')).get('/api/sampling/disposals?pageSize=100')).json().items;
    expect(jinjiang.every((d: { regionCode: string }) => d.regionCode === '510104')).toBe(true);
    const chengdu = (await (await h.as('cd.officer')).get('/api/sampling/disposals?pageSize=100')).json().items;
    expect(chengdu.some((d: { regionCode: string }) => d.regionCode === '510107')).toBe(true);
  });
});
