import {
  BookingBody,
  CampaignCreateBody,
  SampleReceiveBody,
  SamplingPlanBody,
  SamplingRecordBody,
  SamplingTaskBody,
  ServiceRequestBody,
  SlotBody,
  TestItemBody,
  UserCreateBody,
  VerificationRecordBody,
} from '@shijian/contracts';
import type { Services } from '../../modules/index.js';
import { addDays } from '../../platform/calendar/working-days.js';

/** A one-page PDF: case documents must be what they claim by their first bytes. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/**
 * Records the demo world has only in 四川 — test data and reports, sampling and disposals, case
 * documents, bookings, campaigns below the national one — made in 福建 as well, through the services by 福建's own people, so that
 * every role of the matrix has a record of these kinds out of its scope (another province's,
 * another institution's). Named `ACCESS-MATRIX …` to be told apart.
 */
export async function addFujianRecords(services: Services): Promise<void> {
  const as = (username: string) => services.auth.actorFor(username, { ip: null, userAgent: 'access-matrix' });
  const [fjAdmin, fzOfficer, fjmiAdmin, minkangUser] = await Promise.all(['fj.admin', 'fz.officer', 'fjmi.admin', 'minkang'].map(as));
  const today = services.deps.calendar.today();

  await services.campaigns.create(fjAdmin!, CampaignCreateBody.parse({ name: 'ACCESS-MATRIX 福建省防疫物资专项检查', startsOn: today, endsOn: addDays(today, 30), categories: ['mask'] }));

  const fjCase = (await services.cases.list(fjAdmin!, { page: 1, pageSize: 50, order: 'desc', sort: 'leadOn' })).items.find((c) => c.regionCode.startsWith('35'))!;
  await services.cases.addDocument(fzOfficer!, fjCase.id, { title: 'ACCESS-MATRIX 询问笔录', documentNo: '榕市监询〔2026〕01号', fileName: 'am.pdf' }, 'application/pdf', PDF);

  const minkang = (await services.enterprises.list(fjAdmin!, { page: 1, pageSize: 1, sort: 'name', order: 'asc', q: '福建闽康卫材有限公司' })).items[0]!;
  const fjmi = (await services.institutions.list(fjAdmin!, { page: 1, pageSize: 1, sort: 'name', order: 'asc', q: '福建省计量科学研究院' })).items[0]!;
  const item = await services.catalogue.create(fjmiAdmin!, TestItemBody.parse({ parameter: '红外人体测温仪示值误差', standard: 'JJF 1107-2003', unit: '℃', limitKind: 'max', limitMax: '0.3', categories: ['ir_thermometer'] }));
  await services.samples.receive(
    fjmiAdmin!,
    SampleReceiveBody.parse({
      source: 'regulator_commission',
      commissioningOrgId: fjAdmin!.orgId,
      productCategory: 'ir_thermometer',
      productName: 'ACCESS-MATRIX 红外额温计',
      producerUscc: minkang.uscc,
      producerName: minkang.name,
      batchNo: 'AM20261201',
      quantity: '5支',
      conditionOnArrival: '包装完好',
      storage: '常温',
      retentionUntil: addDays(today, 90),
      testItemIds: [item.id],
    }),
  );

  const plan = await services.sampling.createPlan(
    fjAdmin!,
    SamplingPlanBody.parse({ name: 'ACCESS-MATRIX 福建省额温计监督抽查', startsOn: today, endsOn: addDays(today, 30), quotas: [{ areaCode: '350200', category: 'ir_thermometer', batches: 2 }] }),
  );
  const task = await services.sampling.assignTask(fjAdmin!, plan.id, SamplingTaskBody.parse({ institutionId: fjmi.id, areaCode: '350200', category: 'ir_thermometer', batches: 2 }));
  const haice = (await services.enterprises.list(fjAdmin!, { page: 1, pageSize: 1, sort: 'name', order: 'asc', q: '厦门海测红外科技有限公司' })).items[0]!;
  const batch = { taskId: task.id, enterpriseUscc: haice.uscc, productName: 'ACCESS-MATRIX 红外额温计', quantity: '6支', place: 'production', samplers: ['谢宇', '郭静'], sampledOn: today };
  await services.sampling.sample(fjmiAdmin!, SamplingRecordBody.parse({ ...batch, batchNo: 'AM20261202' }));

  // A nonconforming batch through the whole lab: a report at the institute, and with it a disposal and a case lead in 福建.
  const failed = await services.sampling.sample(fjmiAdmin!, SamplingRecordBody.parse({ ...batch, batchNo: 'AM20261203' }));
  const { sampleId } = await services.sampling.receive(fjmiAdmin!, failed.id, { testItemIds: [item.id], conditionOnArrival: '封样完好', storage: '常温', retentionUntil: addDays(today, 90) });
  const staff = async (username: string, role: 'reviewer' | 'signatory') => {
    await services.users.create(fjmiAdmin!, UserCreateBody.parse({ username, displayName: `ACCESS-MATRIX ${role}`, orgId: fjmiAdmin!.orgId, roles: [role], password: 'Access#Matrix2026' }), { mustChangePassword: false });
    return as(username);
  };
  const [fjmiTester, reviewer, signatory] = [await as('fjmi.tester'), await staff('am.fjmi.reviewer', 'reviewer'), await staff('am.fjmi.signatory', 'signatory')];
  await services.labAdmin.authorizeSignatory(fjmiAdmin!, signatory.userId!, '计量检定');
  const sample = await services.samples.get(fjmiAdmin!, sampleId!);
  await services.samples.assign(fjmiAdmin!, sample.id, { assignments: sample.tests.map((t) => ({ sampleTestId: t.id, testerId: fjmiTester.userId! })) });
  const blackbody = (await services.instruments.list(fjmiAdmin!, { page: 1, pageSize: 100, sort: 'name', order: 'asc' })).items.find((i) => i.name.startsWith('黑体辐射源'))!;
  for (const t of sample.tests) await services.samples.enterResult(fjmiTester, sample.id, t.id, { value: '0.9', instrumentId: blackbody.id, testedOn: today });
  await services.samples.submit(fjmiTester, sample.id);
  await services.samples.review(reviewer, sample.id);
  await services.samples.approve(signatory, sample.id);
  await services.reports.issue(signatory, sample.id);

  // A verification at the institute, and its result notice.
  const thermometers = (await services.serviceCatalogue.list(fjmiAdmin!, { page: 1, pageSize: 100, order: 'asc' })).items.find((i) => i.name === '医用电子体温计检定')!;
  const request = await services.serviceRequests.submit(
    minkangUser!,
    ServiceRequestBody.parse({ institutionId: fjmi.id, lines: [{ itemId: thermometers.id, quantity: 1 }], epidemicRelated: false, description: 'ACCESS-MATRIX 体温计检定', contactName: '林涛', contactPhone: '0591-87650001' }),
  );
  await services.serviceRequests.accept(fjmiAdmin!, request.id, '');
  await services.metrology.recordVerification(
    fjmiTester,
    request.id,
    VerificationRecordBody.parse({
      lineId: request.lines[0]!.id,
      instrument: { name: '医用电子体温计', model: 'AM-1', serialNumber: 'AM-T-0001', manufacturer: '福建闽康卫材有限公司', measuringRange: '32.0–42.9 ℃', accuracyClass: '±0.1 ℃' },
      performedOn: today,
      passed: false,
      regulation: 'JJG 1162-2019 医用电子体温计',
      referenceStandard: '恒温槽',
      conclusion: '示值误差超差，不合格',
      checkerId: reviewer.userId,
      approverId: fjmiAdmin!.userId,
    }),
  );

  const slot = await services.appointments.openSlot(fjmiAdmin!, SlotBody.parse({ startsAt: `${addDays(today, 2)}T09:00:00+08:00`, endsAt: `${addDays(today, 2)}T12:00:00+08:00`, capacity: 2 }));
  await services.appointments.book(minkangUser!, BookingBody.parse({ slotId: slot.id, contactName: '林涛', contactPhone: '0591-87650001' }));
}
