import { and, eq } from 'drizzle-orm';
import type { Services } from '../modules/index.js';
import { orgs } from '../modules/identity/tables.js';
import { currentPeriod } from '../modules/reporting/periods.js';
import { EPIDEMIC_WEEKLY, METROLOGY_SERVICE, TESTING_CLEANUP, type LibraryEntry } from '../modules/reporting/library.js';
import { systemActor } from '../platform/actor.js';
import { CURRENT_CAMPAIGN, TESTING_CAMPAIGN } from './campaigns.js';

/** Provinces already in the demo world with accounts of their own. */
const OWN = new Set(['510000', '350000', '610000']);
/** Of the other provinces, these have not submitted this week's table yet. */
const NOT_YET = new Set(['150000', '460000', '540000', '650000']);

/**
 * The statistics of the demo world: every provincial bureau (31) with a statistician,
 * the three templates of the library taken up by the national bureau, checks of testing
 * institutions in the 2022 clean-up with the cases they led to, and this week's reports
 * at every stage — most provinces in, one accepted, one returned, 四川 still to do.
 */
export async function seedReporting(services: Services, password: string, log: (line: string) => void) {
  const as = (username: string) => services.auth.actorFor(username, { ip: null, userAgent: 'seed-demo' });
  const { db, calendar } = services.deps;
  const system = systemActor('seed-demo');
  const samr = await as('samr.admin');
  const samrStat = await as('samr.stat');

  // 1. The other 28 provincial bureaus, each with a statistician (stat.<region code>).
  const [national] = await db.select().from(orgs).where(and(eq(orgs.kind, 'regulator'), eq(orgs.level, 'national')));
  const provinces = await services.deps.regions.children();
  const statisticians: { regionCode: string; username: string; name: string }[] = [];
  for (const p of provinces.filter((r) => !OWN.has(r.code))) {
    const org = await services.orgs.create(system, { name: `${p.name}市场监督管理局`, level: 'province', regionCode: p.code, parentId: national!.id });
    const username = `stat.${p.code}`;
    await services.users.create(
      system,
      { username, displayName: `${p.name.replace(/(省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区)$/, '')}统计员`, roles: ['statistician'], orgId: org.id, password },
      { mustChangePassword: false },
    );
    statisticians.push({ regionCode: p.code, username, name: org.name });
  }

  // 2. The library's three forms, taken up by the national bureau.
  const campaignNamed = async (name: string) => (await services.campaigns.list(samr, { page: 1, pageSize: 10, order: 'desc', sort: 'startsOn', q: name })).items.find((c) => c.name === name)!;
  const current = await campaignNamed(CURRENT_CAMPAIGN);
  const testing = await campaignNamed(TESTING_CAMPAIGN);
  const adopt = (e: LibraryEntry, campaignId: string | null) =>
    services.reporting.templates.create(samr, {
      code: e.code,
      name: e.name,
      frequency: e.frequency,
      accumulation: e.accumulation,
      campaignId,
      unitLevel: e.unitLevel,
      schedule: e.schedule,
      definition: e.definition,
    });
  const weekly = await adopt(EPIDEMIC_WEEKLY, current.id);
  const cleanup = await adopt(TESTING_CLEANUP, testing.id);
  const metrology = await adopt(METROLOGY_SERVICE, null);
  const summary = await services.reporting.templates.createOncePeriod(samr, cleanup.id, {
    key: 'once-2022-summary',
    label: '2022年专项整治行动总结',
    fromDate: testing.startsOn,
    toDate: testing.endsOn,
    dueDate: '2022-08-10',
    dueTime: '17:00',
  });

  // 3. Checks of testing institutions in the 2022 clean-up, and what they led to.
  const institutionNamed = async (name: string) => (await services.institutions.list(samr, { page: 1, pageSize: 5, order: 'asc', sort: 'name', q: name })).items[0]!;
  const scqi = await institutionNamed('四川省产品质量监督检验检测院');
  const snse = await institutionNamed('陕西省特种设备检验检测研究院');
  const scAdmin = await as('sc.admin');
  const snAdmin = await as('sn.admin');
  const masks = await services.oversight.record(scAdmin, {
    institutionId: scqi.id,
    campaignId: testing.id,
    domain: 'medical_ppe',
    checkedOn: '2022-05-16',
    reportsChecked: 60,
    untrueReports: 2,
    fakeReports: 1,
    findings: '抽查口罩检验报告60份：2份报告所用颗粒物过滤效率测试仪检定已过期（不实）；1份报告无原始记录，样品未经检验即出具报告（虚假）。',
  });
  await services.oversight.record(scAdmin, {
    institutionId: scqi.id,
    campaignId: testing.id,
    domain: 'building',
    checkedOn: '2022-06-08',
    reportsChecked: 35,
    untrueReports: 0,
    fakeReports: 0,
    findings: '抽查水泥、钢筋检验报告35份，原始记录完整，未发现问题。',
  });
  const tanks = await services.oversight.record(snAdmin, {
    institutionId: snse.id,
    campaignId: testing.id,
    domain: 'hazmat_tank',
    checkedOn: '2022-06-20',
    reportsChecked: 24,
    untrueReports: 0,
    fakeReports: 2,
    findings: '2份常压液体危险货物罐体检验报告的检验人员签字系他人代签，检验当日检验人员不在现场。',
  });
  const masksLead = await services.oversight.openLead(scAdmin, masks.id, { summary: '检验检测机构出具虚假、不实检验报告', leadOn: '2022-05-20' });
  const jj = await as('jj.officer');
  await services.cases.transition(jj, masksLead.caseId!, { to: 'filed', on: '2022-05-25', note: '' });
  await services.cases.transition(jj, masksLead.caseId!, {
    to: 'decided',
    on: '2022-07-08',
    decisionNo: '锦市监检处〔2022〕9号',
    decision: '依据《检验检测机构监督管理办法》第二十六条，责令改正，处罚款',
    fineYuan: '30000.00',
    confiscationYuan: '4800.00',
  });
  await services.credit.list(await as('sc.leader'), { caseId: masksLead.caseId!, criteria: ['fake_report'], facts: '未经检验出具口罩检验报告', listedOn: '2022-07-20' });
  const tanksLead = await services.oversight.openLead(snAdmin, tanks.id, { summary: '罐体检验报告检验人员签字系代签，涉嫌出具虚假报告', leadOn: '2022-06-24' });
  await services.cases.transition(await as('yt.officer'), tanksLead.caseId!, {
    to: 'transferred',
    on: '2022-07-15',
    kind: 'police',
    receivingUnit: '西安市公安局雁塔分局',
    note: '涉嫌提供虚假证明文件罪',
  });

  // 4. This week's reports.
  const week = currentPeriod('weekly', weekly.schedule, services.deps.clock.now()).key;
  const submit = async (username: string, templateId: string, key: string, filledBy: string) =>
    services.reporting.submit(await as(username), templateId, key, { filledBy, phone: '028-86000000' });
  for (const s of statisticians.filter((x) => !NOT_YET.has(x.regionCode))) {
    await submit(s.username, weekly.id, week, `${s.name.slice(0, 2)}统计员`);
  }
  const fujian = await submit('fj.stat', weekly.id, week, '陈静');
  const shaanxi = await submit('sn.stat', weekly.id, week, '白雪');
  await services.reporting.accept(samrStat, fujian.submission!.id);
  await services.reporting.returnTo(samrStat, shaanxi.submission!.id, '咸阳市熔喷布排查数与上周通报不一致，请核实后重新报送');

  // Metrology figures: the records fill all but the standards. 四川 has entered its figure and not yet submitted; 福建 and 陕西 have submitted.
  const standards: Record<string, [string, string]> = {
    'sc.stat': ['6', '热工类、医疗类计量标准器具'],
    'fj.stat': ['4', '温度、压力计量标准器具'],
    'sn.stat': ['13', '热工类、医疗类计量标准器具（含青海支援）'],
  };
  for (const [username, [value, note]] of Object.entries(standards)) {
    await services.reporting.setManual(await as(username), metrology.id, week, 'all:standards', { value, note });
    if (username !== 'sc.stat') await submit(username, metrology.id, week, username === 'fj.stat' ? '陈静' : '白雪');
  }

  // The 2022 summary: 陕西 was excused before it reported; 四川 reports now, late.
  await services.reporting.excuse(samrStat, cleanup.id, summary.key, (await as('sn.stat')).orgId!, '疫情封控期间延期报送，经总局同意');
  await submit('sn.stat', cleanup.id, summary.key, '白雪');
  await submit('sc.stat', cleanup.id, summary.key, '周洁');

  log(
    `统计报表：省级填报单位 ${provinces.length} 个，模板 3 个，本周（${week}）已报送 ${statisticians.length - NOT_YET.size + 1} 个单位；检验检测机构检查 3 次（今天 ${calendar.today()}）`,
  );
}
