import type { Services } from '../modules/index.js';
import { addDays } from '../platform/calendar/working-days.js';
import { renderDemoDocument } from './case-document.js';
import { CURRENT_CAMPAIGN } from './campaigns.js';

/**
 * Sampling plans and batches, cases and the dishonesty list of the demo world:
 * a Chengdu sampling plan whose batches stand at every clock (one overdue at
 * delivery, one in the lab, one conforming, one nonconforming that became a
 * disposal, a case and a listing), and cases in Sichuan and Fujian at every stage.
 */
export async function seedSupervision(services: Services, log: (line: string) => void) {
  const as = (username: string) => services.auth.actorFor(username, { ip: null, userAgent: 'seed-demo' });
  const { calendar } = services.deps;
  const today = calendar.today();
  const workingDaysAgo = (n: number) => calendar.addWorkingDays(today, -n);
  const platform = await as('admin');
  const cdOfficer = await as('cd.officer');
  const whOfficer = await as('wh.officer');
  const jjOfficer = await as('jj.officer');
  const fzOfficer = await as('fz.officer');
  const scLeader = await as('sc.leader');
  const fjAdmin = await as('fj.admin');
  const receptionist = await as('scqi.receptionist');
  const tester = await as('scqi.tester');
  const reviewer = await as('scqi.reviewer');
  const signatory = await as('scqi.signatory');
  const labAdmin = await as('scqi.admin');
  const enterprise = async (name: string) => {
    const listed = (await services.enterprises.list(platform, { page: 1, pageSize: 1, sort: 'name', order: 'asc', q: name })).items[0]!;
    return (await services.enterprises.identify({ id: listed.id }))!;
  };
  const kangning = await enterprise('成都康宁医疗用品有限公司');
  const minkang = await enterprise('福建闽康卫材有限公司');
  const institution = (await services.institutions.list(platform, { page: 1, pageSize: 5, order: 'asc', sort: 'name', q: '四川省产品质量监督检验检测院' })).items[0]!;

  const samrAdmin = await as('samr.admin');
  const campaign = (await services.campaigns.list(samrAdmin, { page: 1, pageSize: 10, order: 'desc', sort: 'startsOn', q: CURRENT_CAMPAIGN })).items[0]!;

  // A Chengdu sampling plan for masks under this year's campaign, given to the provincial testing institute.
  const plan = await services.sampling.createPlan(cdOfficer, {
    name: `${today.slice(0, 4)}年成都市防疫用品质量监督抽查`,
    campaignId: campaign.id,
    startsOn: addDays(today, -60),
    endsOn: addDays(today, 60),
    quotas: [
      { areaCode: '510107', category: 'mask', batches: 6 },
      { areaCode: '510104', category: 'mask', batches: 3 },
    ],
  });
  const task = await services.sampling.assignTask(cdOfficer, plan.id, { institutionId: institution.id, areaCode: '510107', category: 'mask', batches: 6 });
  await services.sampling.assignTask(cdOfficer, plan.id, { institutionId: institution.id, areaCode: '510104', category: 'mask', batches: 3 });
  const batch = async (productName: string, batchNo: string, sampledOn: string) =>
    services.sampling.sample(cdOfficer, {
      taskId: task.id,
      enterpriseUscc: kangning.uscc,
      productName,
      specification: '折叠式 耳挂',
      batchNo,
      quantity: '60只',
      place: 'production',
      samplers: ['成都市局执法人员 吴昊', '川质检院 唐丽'],
      sampledOn,
    });

  // 1. Sampled eight working days ago and never delivered: overdue at the delivery clock.
  await batch('一次性使用外科口罩', 'SC20261012', await workingDaysAgo(8));

  const catalogue = (await services.catalogue.list(labAdmin, { page: 1, pageSize: 100, order: 'asc' })).items;
  const item = (standard: string, parameter: string) => catalogue.find((i) => i.standard === standard && i.parameter === parameter)!.id;
  const maskItems = [item('GB 2626-2019', '过滤效率'), item('GB 2626-2019', '吸气阻力')];
  const instruments = (await services.instruments.list(labAdmin, { page: 1, pageSize: 100, sort: 'name', order: 'asc' })).items;
  const instrumentNamed = (name: string) => instruments.find((i) => i.name === name)!.id;
  const receive = (id: string) =>
    services.sampling.receive(receptionist, id, { testItemIds: maskItems, conditionOnArrival: '封样完好，无破损', storage: '常温干燥', retentionUntil: addDays(today, 90) });
  /** Results, review, approval and issue, as the lab's three people. */
  const test = async (sampleId: string, filtration: string) => {
    const sample = await services.samples.get(receptionist, sampleId);
    await services.samples.assign(receptionist, sampleId, { assignments: sample.tests.map((t) => ({ sampleTestId: t.id, testerId: tester.userId! })) });
    for (const t of sample.tests) {
      const [value, instrument] = t.parameter === '过滤效率' ? [filtration, '颗粒物过滤效率测试仪'] : ['118', '呼吸阻力测试仪'];
      await services.samples.enterResult(tester, sampleId, t.id, { value, instrumentId: instrumentNamed(instrument), testedOn: today });
    }
    await services.samples.submit(tester, sampleId);
    await services.samples.review(reviewer, sampleId);
    await services.samples.approve(signatory, sampleId);
    return services.reports.issue(signatory, sampleId);
  };

  // 2. Delivered and in the lab: the 20-working-day report clock runs.
  const inLab = await batch('KN95 颗粒物防护口罩', 'SC20261101', await workingDaysAgo(3));
  await receive(inLab.id);

  // 3. Conforming.
  const good = await batch('医用防护口罩', 'SC20261018', await workingDaysAgo(4));
  await test((await receive(good.id)).sampleId!, '97.1');

  // 4. Nonconforming: the report opens a disposal and a case lead with 武侯区局.
  const bad = await batch('N95 防护口罩', 'SC20261020', await workingDaysAgo(4));
  await test((await receive(bad.id)).sampleId!, '86.3');
  const badRecord = await services.sampling.recordDetail(whOfficer, bad.id);
  if (badRecord.disposalId) {
    await services.sampling.updateDisposal(whOfficer, badRecord.disposalId, {
      enterpriseNotifiedOn: today,
      measures: '责令停止生产销售，查封库存产品',
      quantitySealed: '12000',
      quantityRemoved: '3500',
      unit: '只',
    });
    await services.sampling.traceFlow(whOfficer, badRecord.disposalId, { buyerName: '成都市第三人民医院', quantity: '5000', quantityRecovered: '4200', shippedOn: addDays(today, -20) });
    await services.sampling.traceFlow(whOfficer, badRecord.disposalId, { buyerName: '武侯区益民大药房', quantity: '1500', quantityRecovered: '300', shippedOn: addDays(today, -15) });
  }

  // Cases at every stage, with the clocks near and past their limits.
  // A lead about epidemic materials that came in during this year's campaign belongs to it.
  const lead = (actor: Awaited<ReturnType<typeof as>>, body: Parameters<Services['cases']['register']>[1]) =>
    services.cases.register(actor, {
      ...body,
      campaignId: body.leadOn && body.leadOn >= campaign.startsOn && campaign.categories.includes(body.productCategory ?? '') ? campaign.id : undefined,
    });
  const move = (actor: Awaited<ReturnType<typeof as>>, id: string, body: Parameters<Services['cases']['transition']>[2]) => services.cases.transition(actor, id, body);

  // The nonconforming batch's lead waits in 武侯区局's queue for the filing decision (15 working days).

  await lead(whOfficer, {
    source: 'complaint',
    partyName: '武侯区某口罩经营部',
    productCategory: 'mask',
    violationCategory: 'quality',
    summary: '消费者投诉销售无合格证明的口罩',
    leadOn: await workingDaysAgo(18),
  });
  const nearDecision = await lead(whOfficer, {
    source: 'inspection',
    partyUscc: kangning.uscc,
    productCategory: 'mask',
    violationCategory: 'quality',
    summary: '检查发现口罩标签标识不符合规定',
    leadOn: addDays(today, -95),
  });
  await move(whOfficer, nearDecision.id, { to: 'filed', on: addDays(today, -86), note: '' });
  await move(whOfficer, nearDecision.id, { to: 'investigating', on: addDays(today, -80), note: '调取进货台账，询问当事人' });
  await services.cases.figures(whOfficer, nearDecision.id, { unitsInvestigated: 4, staffDispatched: 10, note: '联合检查' });
  const inspectionRecord = { title: '现场检查笔录', documentNo: '武市监检〔2026〕08号' };
  const scan = await renderDemoDocument({
    bureau: '成都市武侯区市场监督管理局',
    ...inspectionRecord,
    party: kangning.name,
    lines: [
      `检查时间：${addDays(today, -80)} 上午9时至11时。检查地点：当事人生产车间及成品仓库。`,
      '执法人员出示执法证件，告知当事人依法享有的权利和义务。',
      '现场检查发现：成品仓库存放的“KN95防护口罩”外包装未标注执行标准编号和生产许可证编号，与《产品质量法》第二十七条规定不符。',
      '当事人对上述检查情况无异议，签字确认。',
    ],
  });
  await services.cases.addDocument(whOfficer, nearDecision.id, { ...inspectionRecord, fileName: '现场检查笔录.pdf' }, 'application/pdf', scan);

  // A lead whose filing review needs a test result: the leader extends the clock before it runs out.
  const extended = await lead(whOfficer, {
    source: 'complaint',
    partyName: '武侯区某医疗器械经营部',
    productCategory: 'ir_thermometer',
    violationCategory: 'quality',
    summary: '投诉反映销售的红外体温计示值偏差大，需送检确认',
    leadOn: await workingDaysAgo(12),
  });
  await services.cases.extend(scLeader, extended.id, { clock: 'filing', days: 10, reason: '涉案体温计已送计量院检定，待检定结果后作出立案决定' });

  const unfounded = await lead(jjOfficer, {
    source: 'complaint',
    partyName: '锦江区某便利店',
    productCategory: 'mask',
    violationCategory: 'quality',
    summary: '投诉反映销售的口罩无中文标签',
    leadOn: addDays(today, -20),
  });
  await move(jjOfficer, unfounded.id, { to: 'not_filed', on: addDays(today, -14), reason: '经核查，涉诉口罩中文标签齐全，进货查验记录完整，违法事实不成立' });

  const priceCase = await lead(jjOfficer, {
    source: 'complaint',
    partyName: '锦江区某药店',
    productCategory: 'mask',
    violationCategory: 'price',
    summary: '疫情期间哄抬口罩价格',
    leadOn: addDays(today, -40),
  });
  await move(jjOfficer, priceCase.id, { to: 'filed', on: addDays(today, -35), note: '' });
  await move(jjOfficer, priceCase.id, {
    to: 'decided',
    on: addDays(today, -10),
    decisionNo: '锦市监处罚〔2026〕31号',
    decision: '没收违法所得，并处罚款',
    fineYuan: '50000.00',
    confiscationYuan: '12860.50',
  });
  await move(jjOfficer, priceCase.id, { to: 'executed', on: addDays(today, -3), note: '罚没款已缴清' });
  await services.cases.figures(jjOfficer, priceCase.id, { unitsInvestigated: 6, staffDispatched: 14, note: '联合价格监督检查' });

  const police = await lead(jjOfficer, {
    source: 'screening',
    partyName: '无证生产口罩窝点（锦江区）',
    productCategory: 'mask',
    violationCategory: 'quality',
    summary: '排查发现无证生产假冒口罩，涉嫌犯罪',
    leadOn: addDays(today, -12),
  });
  await move(jjOfficer, police.id, { to: 'transferred', on: addDays(today, -8), kind: 'police', receivingUnit: '成都市公安局锦江区分局', note: '涉嫌生产、销售伪劣产品罪' });

  const fake = await lead(fzOfficer, {
    source: 'sampling',
    partyUscc: minkang.uscc,
    productCategory: 'protective_suit',
    violationCategory: 'quality',
    summary: '医用防护服抽检不合格',
    leadOn: '2024-08-01',
  });
  await move(fzOfficer, fake.id, { to: 'filed', on: '2024-08-09', note: '' });
  await move(fzOfficer, fake.id, { to: 'decided', on: '2024-10-18', decisionNo: '榕市监处罚〔2024〕112号', decision: '没收不合格防护服，并处货值金额二倍罚款', fineYuan: '386000.00', confiscationYuan: '0' });
  await move(fzOfficer, fake.id, { to: 'executed', on: '2024-11-20', note: '' });
  await move(fzOfficer, fake.id, { to: 'closed', on: '2024-12-02', note: '' });

  // The dishonesty list: the Fujian case listed in 2024 (early removal now possible, one application pending) …
  const old = await services.credit.list(fjAdmin, {
    caseId: fake.id,
    criteria: ['serious_quality', 'heavy_penalty'],
    facts: '疫情期间生产销售不合格医用防护服，货值金额较大',
    listedOn: '2024-10-25',
  });
  const minkangUser = await as('minkang');
  await services.credit.applyForRemoval(minkangUser, old.id, { reason: '已履行全部处罚并召回产品', commitments: '完成整改并通过复查，作出信用承诺' });

  // … and a Chengdu case decided this year and listed now.
  const kangningCase = await lead(whOfficer, {
    source: 'sampling',
    partyUscc: kangning.uscc,
    productCategory: 'mask',
    violationCategory: 'quality',
    summary: '2026年第一季度抽检医用口罩细菌过滤效率不合格，且拒不召回',
    leadOn: addDays(today, -120),
  });
  await move(whOfficer, kangningCase.id, { to: 'filed', on: addDays(today, -115), note: '' });
  await move(whOfficer, kangningCase.id, { to: 'decided', on: addDays(today, -30), decisionNo: '武市监处罚〔2026〕17号', decision: '没收违法产品，并处罚款', fineYuan: '420000.00', confiscationYuan: '65300.00' });
  await services.cases.figures(whOfficer, kangningCase.id, { unitsInvestigated: 2, staffDispatched: 8, note: '现场检查、调取销售记录' });
  await services.credit.list(scLeader, { caseId: kangningCase.id, criteria: ['serious_quality'], facts: '生产不合格医用口罩且拒不召回', listedOn: addDays(today, -20) });
  log('抽查、案件、失信名单演示数据已创建（sampling, cases and dishonesty list）');
}
