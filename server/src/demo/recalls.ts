import type { Services } from '../modules/index.js';

/** Defect recall: 康宁's children's masks recalled and on the portal, half way; an injury report waiting for assessment in Fujian. */
export async function seedRecalls(services: Services, log: (line: string) => void) {
  const { calendar } = services.deps;
  const actor = (username: string) => services.auth.actorFor(username, { ip: '127.0.0.1', userAgent: 'seed-demo' });
  const kangning = await actor('kangning');
  const [ent] = (await services.enterprises.list(await actor('sc.admin'), { page: 1, pageSize: 5, sort: 'name', order: 'asc', q: '成都康宁' })).items;
  const today = calendar.today();
  const r = await services.recalls.report(kangning, {
    source: 'enterprise_report',
    enterpriseUscc: ent!.uscc,
    productName: '一次性使用医用口罩（儿童型）',
    productCategory: 'mask',
    batches: '批号 20261101 至 20261115',
    defect: '耳带焊接点强度不足，佩戴中易脱落，儿童可能误吞。',
    injuries: 0,
    reportedOn: await calendar.addWorkingDays(today, -12),
  });
  const wh = await actor('wh.officer');
  await services.recalls.assess(wh, r.id, { riskLevel: 'high', recallRequired: true, conclusion: '存在儿童误吞窒息风险，应当召回' });
  await services.recalls.plan(kangning, r.id, {
    scope: '2026年11月1日至15日生产、销往四川和重庆的儿童型医用口罩',
    measures: ['replace', 'refund'],
    quantityTotal: 12000,
    startsOn: await calendar.addWorkingDays(today, -8),
    endsOn: await calendar.addWorkingDays(today, 40),
  });
  await services.recalls.publish(wh, r.id);
  await services.recalls.progress(kangning, r.id, { reportedOn: await calendar.addWorkingDays(today, -3), quantityRecalled: 4200, note: '经销商退回4200只' });
  await services.recalls.progress(kangning, r.id, { reportedOn: today, quantityRecalled: 6350, note: '消费者退货2150只' });

  const [minkang] = (await services.enterprises.list(await actor('fj.admin'), { page: 1, pageSize: 5, sort: 'name', order: 'asc', q: '福建闽康' })).items;
  await services.recalls.report(await actor('fz.officer'), {
    source: 'injury_report',
    enterpriseUscc: minkang!.uscc,
    productName: '医用外科口罩',
    productCategory: 'mask',
    batches: '',
    defect: '消费者反映佩戴后面部红肿，怀疑环氧乙烷残留超标。',
    injuries: 2,
  });
  log('缺陷召回 2 件（1 件已公告、召回过半，1 件伤害报告待评估）');
}
