import type { Services } from '../modules/index.js';
import { addDays } from '../platform/calendar/working-days.js';

/** [standard, parameter, unit, limit kind, min, max, text, categories] of the testing institute's catalogue. */
const CATALOGUE: [string, string, string, 'min' | 'max' | 'range' | 'text' | 'none', string | null, string | null, string | null, string[]][] = [
  ['GB 2626-2019', '过滤效率', '%', 'min', '95', null, null, ['mask']],
  ['GB 2626-2019', '吸气阻力', 'Pa', 'max', null, '350', null, ['mask']],
  ['YY 0469-2011', '细菌过滤效率（BFE）', '%', 'min', '95', null, null, ['mask']],
  ['YY 0469-2011', '颗粒过滤效率（PFE）', '%', 'min', '30', null, null, ['mask']],
  ['GB 19083-2010', '过滤效率', '%', 'min', '95', null, null, ['mask']],
  ['GB 19082-2009', '抗渗水性', 'kPa', 'min', '1.67', null, null, ['protective_suit']],
  ['GB 19082-2009', '断裂强力', 'N', 'min', '45', null, null, ['protective_suit']],
];

/**
 * The lab side of the demo world: the testing institute's catalogue, its
 * signatory's authorised domains, and samples at several stages so every queue
 * has work in it.
 */
export async function seedLab(services: Services, log: (line: string) => void) {
  const admin = await services.auth.actorFor('scqi.admin', { ip: null, userAgent: 'seed-demo' });
  const receptionist = await services.auth.actorFor('scqi.receptionist', { ip: null, userAgent: 'seed-demo' });
  const tester = await services.auth.actorFor('scqi.tester', { ip: null, userAgent: 'seed-demo' });
  const items = new Map<string, string>();
  for (const [standard, parameter, unit, limitKind, limitMin, limitMax, limitText, categories] of CATALOGUE) {
    const item = await services.catalogue.create(admin, { standard, parameter, unit, limitKind, limitMin, limitMax, limitText, required: true, categories });
    items.set(`${standard} ${parameter}`, item.id);
  }
  const signatory = await services.auth.actorFor('scqi.signatory', { ip: null, userAgent: 'seed-demo' });
  for (const domain of ['医疗器械防护用品', '个体防护装备']) await services.labAdmin.authorizeSignatory(admin, signatory.userId!, domain);

  const today = services.deps.calendar.today();
  const platform = await services.auth.actorFor('admin', { ip: null, userAgent: 'seed-demo' });
  const orgNamed = async (name: string) => (await services.orgs.list(platform, { page: 1, pageSize: 10, order: 'asc', q: name })).items[0]!;
  const wuhou = await orgNamed('成都市武侯区市场监督管理局');
  const sichuan = await orgNamed('四川省市场监督管理局');
  const listed = (await services.enterprises.list(platform, { page: 1, pageSize: 1, sort: 'name', order: 'asc', q: '成都康宁医疗用品有限公司' })).items[0]!;
  const kangning = await services.enterprises.identify({ id: listed.id });

  const common = {
    productCategory: 'mask',
    specification: '175mm×95mm',
    producerUscc: kangning!.uscc,
    producerName: kangning!.name,
    quantity: '50只',
    conditionOnArrival: '包装完好，无破损',
    storage: '常温干燥',
    retentionUntil: addDays(today, 90),
  };
  const mask = [items.get('GB 2626-2019 过滤效率')!, items.get('GB 2626-2019 吸气阻力')!];

  const commissioned = await services.samples.receive(receptionist, {
    ...common,
    source: 'regulator_commission',
    commissioningOrgId: wuhou.id,
    productName: 'KN95 防护口罩',
    batchNo: '20261101',
    testItemIds: mask,
  });
  await services.samples.assign(receptionist, commissioned.id, { assignments: commissioned.tests.map((t) => ({ sampleTestId: t.id, testerId: tester.userId! })) });
  const instruments = (await services.instruments.list(admin, { page: 1, pageSize: 100, sort: 'name', order: 'asc' })).items;
  const filterTester = instruments.find((i) => i.name === '颗粒物过滤效率测试仪')!;
  const efficiency = commissioned.tests.find((t) => t.parameter === '过滤效率')!;
  await services.samples.enterResult(tester, commissioned.id, efficiency.id, { value: '96.8', instrumentId: filterTester.id, testedOn: today });

  const sampled = await services.samples.receive(receptionist, {
    ...common,
    source: 'sampling_task',
    commissioningOrgId: sichuan.id,
    productName: '一次性使用医用口罩',
    batchNo: '20261015',
    testItemIds: [items.get('YY 0469-2011 细菌过滤效率（BFE）')!, items.get('YY 0469-2011 颗粒过滤效率（PFE）')!],
  });
  await services.samples.assign(receptionist, sampled.id, { assignments: sampled.tests.map((t) => ({ sampleTestId: t.id, testerId: tester.userId! })) });
  for (const t of sampled.tests) {
    await services.samples.enterResult(tester, sampled.id, t.id, { value: t.parameter.startsWith('细菌') ? '97.5' : '28.4', instrumentId: filterTester.id, testedOn: today });
  }
  await services.samples.submit(tester, sampled.id);

  await services.samples.receive(receptionist, {
    ...common,
    source: 'client_request',
    clientEnterpriseId: kangning!.id,
    productName: 'KN95 防护口罩（出口型）',
    batchNo: '20261120',
    testItemIds: [items.get('GB 19083-2010 过滤效率')!],
  });
  // A protective-suit sample taken all the way to an issued report.
  const reviewer = await services.auth.actorFor('scqi.reviewer', { ip: null, userAgent: 'seed-demo' });
  const suits = await services.samples.receive(receptionist, {
    ...common,
    source: 'regulator_commission',
    commissioningOrgId: wuhou.id,
    productCategory: 'protective_suit',
    productName: '医用一次性防护服',
    specification: '170 型',
    quantity: '6件',
    batchNo: '20261008',
    testItemIds: [items.get('GB 19082-2009 抗渗水性')!, items.get('GB 19082-2009 断裂强力')!],
  });
  await services.samples.assign(receptionist, suits.id, { assignments: suits.tests.map((t) => ({ sampleTestId: t.id, testerId: tester.userId! })) });
  const instrumentFor = { 抗渗水性: '静水压测试仪', 断裂强力: '电子万能试验机' } as Record<string, string>;
  for (const t of suits.tests) {
    const instrument = instruments.find((i) => i.name === instrumentFor[t.parameter])!;
    await services.samples.enterResult(tester, suits.id, t.id, { value: t.parameter === '抗渗水性' ? '2.15' : '58', instrumentId: instrument.id, testedOn: today });
  }
  await services.samples.submit(tester, suits.id);
  await services.samples.review(reviewer, suits.id);
  await services.samples.approve(signatory, suits.id);
  const report = await services.reports.issue(signatory, suits.id);
  log(`检测项目 ${CATALOGUE.length} 项，样品 4 个，报告 ${report.reportNo}`);
}
