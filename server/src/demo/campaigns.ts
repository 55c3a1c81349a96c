import type { Services } from '../modules/index.js';
import { addDays } from '../platform/calendar/working-days.js';

/** Names other modules' demo seeding looks the campaigns up by. */
export const EPIDEMIC_CAMPAIGN = '全国防疫物资产品质量和市场秩序专项整治行动';
export const TESTING_CAMPAIGN = '检验检测市场专项整治行动';
/** This year's run of the epidemic-materials campaign, dated around the day the demo world is made. */
export const CURRENT_CAMPAIGN = '防疫物资产品质量和市场秩序专项整治行动（本年度）';
/** Days from today: the current campaign began 150 days ago and runs another 60. */
export const CURRENT_CAMPAIGN_DAYS = { starts: -150, ends: 60 } as const;

/**
 * Screenings: [campaign (null for routine screening), officer, enterprise, category,
 * screened on (a date, or days from today), officers, problems (empty = 合格),
 * rectification deadline (date or days from today), rectified on + note].
 */
type Day = string | number;
const SCREENINGS: [string | null, string, string, string, Day, string[], string, Day | null, [Day, string] | null][] = [
  [EPIDEMIC_CAMPAIGN, 'wh.officer', '成都康宁医疗用品有限公司', 'mask', '2020-05-18', ['郑凯', '刘洋'], '', null, null],
  [EPIDEMIC_CAMPAIGN, 'wh.officer', '成都康宁医疗用品有限公司', 'protective_suit', '2020-05-18', ['郑凯', '刘洋'], '产品标识不规范，未标注执行标准编号；出厂检验记录不完整', '2020-06-05', ['2020-06-02', '已补充产品标识并完善出厂检验记录，复查合格']],
  [EPIDEMIC_CAMPAIGN, 'sc.admin', '成都蜀安防护科技有限公司', 'mask', '2020-05-20', ['李娜', '王磊'], '原材料进货查验记录缺失，部分批次熔喷布无合格证明', '2020-06-10', ['2020-06-08', '建立进货查验台账，不合格原料已封存退货']],
  [EPIDEMIC_CAMPAIGN, 'sc.admin', '成都蜀安防护科技有限公司', 'meltblown', '2020-05-20', ['李娜', '王磊'], '', null, null],
  [EPIDEMIC_CAMPAIGN, 'sc.admin', '绵阳科瑞红外传感技术有限公司', 'ir_thermometer', '2020-05-22', ['李娜', '赵强'], '', null, null],
  [EPIDEMIC_CAMPAIGN, 'sc.admin', '四川天府生物检测试剂有限公司', 'covid_test_kit', '2020-05-25', ['李娜', '赵强'], '', null, null],
  [EPIDEMIC_CAMPAIGN, 'sc.admin', '宜宾锦程无纺布制品厂', 'nonwoven', '2020-05-26', ['李娜', '王磊'], '生产场所卫生条件不符合要求', '2020-06-15', ['2020-06-12', '已完成车间清洁消毒改造，复查合格']],
  [EPIDEMIC_CAMPAIGN, 'fz.officer', '福州恒通熔喷材料有限公司', 'meltblown', '2020-05-21', ['黄磊', '陈斌'], '熔喷布过滤效率自检记录缺失', '2020-06-05', ['2020-06-03', '补齐出厂检验设备和自检记录']],
  [EPIDEMIC_CAMPAIGN, 'fj.admin', '福建闽康卫材有限公司', 'mask', '2020-05-19', ['林芳', '郑伟'], '', null, null],
  [EPIDEMIC_CAMPAIGN, 'fj.admin', '厦门海测红外科技有限公司', 'ir_thermometer', '2020-05-27', ['林芳', '郑伟'], '', null, null],
  [EPIDEMIC_CAMPAIGN, 'fj.admin', '晋江安泰防护用品有限公司', 'protective_suit', '2020-05-28', ['林芳', '许明'], '出口产品未按目的国标准标注', '2020-06-20', ['2020-06-18', '已按出口标准重新标注并自查在库产品']],
  [TESTING_CAMPAIGN, 'jj.officer', '成都锦城建材有限公司', 'building_material', '2022-05-12', ['冯蕾', '周敏'], '', null, null],
  // This year's campaign, relative to today: the weekly statistics table counts these.
  [CURRENT_CAMPAIGN, 'wh.officer', '成都康宁医疗用品有限公司', 'mask', -140, ['郑凯', '刘洋'], '', null, null],
  [CURRENT_CAMPAIGN, 'wh.officer', '成都康宁医疗用品有限公司', 'protective_suit', -140, ['郑凯', '刘洋'], '', null, null],
  [CURRENT_CAMPAIGN, 'sc.admin', '成都蜀安防护科技有限公司', 'mask', -130, ['李娜', '王磊'], '口罩出厂检验缺少过滤效率项目', -100, [-105, '补齐出厂检验项目，复查合格']],
  [CURRENT_CAMPAIGN, 'sc.admin', '成都蜀安防护科技有限公司', 'meltblown', -130, ['李娜', '王磊'], '', null, null],
  [CURRENT_CAMPAIGN, 'sc.admin', '绵阳科瑞红外传感技术有限公司', 'ir_sensor', -90, ['李娜', '赵强'], '', null, null],
  [CURRENT_CAMPAIGN, 'sc.admin', '绵阳科瑞红外传感技术有限公司', 'ir_thermometer', -90, ['李娜', '赵强'], '红外体温计示值误差超差，未经检定即出厂', -60, [-62, '召回在库产品，经检定合格后重新出厂']],
  [CURRENT_CAMPAIGN, 'sc.admin', '德阳精工呼吸设备有限公司', 'ventilator', -75, ['李娜', '赵强'], '', null, null],
  [CURRENT_CAMPAIGN, 'sc.admin', '宜宾锦程无纺布制品厂', 'nonwoven', -40, ['李娜', '王磊'], '原料仓库防潮措施不达标', 14, null],
  [CURRENT_CAMPAIGN, 'cd.officer', '四川天府生物检测试剂有限公司', 'covid_test_kit', -6, ['吴昊', '孙丽'], '', null, null],
  [CURRENT_CAMPAIGN, 'fz.officer', '福州恒通熔喷材料有限公司', 'meltblown', -70, ['黄磊', '陈斌'], '', null, null],
  [CURRENT_CAMPAIGN, 'fj.admin', '福建闽康卫材有限公司', 'mask', -50, ['林芳', '郑伟'], '', null, null],
  [CURRENT_CAMPAIGN, 'fj.admin', '厦门海测红外科技有限公司', 'ir_thermometer', -35, ['林芳', '郑伟'], '', null, null],
  [CURRENT_CAMPAIGN, 'fj.admin', '晋江安泰防护用品有限公司', 'protective_suit', -3, ['林芳', '许明'], '防护服外包装未标注适用范围和防护等级', 20, null],
  [CURRENT_CAMPAIGN, 'sn.admin', '西安秦康医用防护用品有限公司', 'mask', -45, ['白雪', '马涛'], '', null, null],
  [CURRENT_CAMPAIGN, 'sn.admin', '咸阳渭华无纺材料有限公司', 'meltblown', -20, ['白雪', '马涛'], '熔喷布克重偏差超出企业标准', -2, null],
  // Routine screening, relative to today: one rectification running, one overdue, one done.
  [null, 'wh.officer', '成都康宁医疗用品有限公司', 'mask', -20, ['郑凯', '刘洋'], '口罩外包装未标注生产批号', 10, null],
  [null, 'cd.officer', '四川天府生物检测试剂有限公司', 'covid_test_kit', -40, ['吴昊', '孙丽'], '冷链储存温度记录不连续', -5, null],
  [null, 'jj.officer', '成都锦城建材有限公司', 'building_material', -30, ['冯蕾', '周敏'], '水泥出厂检验报告缺少抗压强度项目', -10, [-12, '补做抗压强度检验，报告已归档']],
  [null, 'fz.officer', '福州鼓楼小林口罩加工店', 'mask', -15, ['黄磊', '陈斌'], '无产品执行标准，未开展出厂检验', 15, null],
];

/** Ledger problems: [campaign, user, problem, responsible unit, deadline, enterprise or null, status, measures, resolved on]. */
const PROBLEMS: [string, string, string, string, Day, string | null, 'open' | 'in_progress' | 'resolved', string, Day | null][] = [
  [EPIDEMIC_CAMPAIGN, 'sc.admin', '部分熔喷布生产企业无证生产（“黑作坊”）线索待核查', '成都市市场监督管理局', '2020-06-15', null, 'resolved', '联合公安开展专项清查，取缔无证作坊3家，立案2件', '2020-06-12'],
  [EPIDEMIC_CAMPAIGN, 'wh.officer', '防护服产品出厂检验记录不完整', '成都康宁医疗用品有限公司', '2020-06-05', '成都康宁医疗用品有限公司', 'resolved', '企业完善出厂检验制度，区局复查合格', '2020-06-03'],
  [EPIDEMIC_CAMPAIGN, 'fj.admin', '出口口罩企业产品标识标签不规范', '福州市市场监督管理局', 30, null, 'in_progress', '已约谈重点出口企业，逐企督促整改', null],
  [TESTING_CAMPAIGN, 'sc.admin', '部分检验检测机构原始记录保存不完整，无法复现检测过程', '成都市锦江区市场监督管理局', 20, null, 'open', '', null],
  [TESTING_CAMPAIGN, 'cd.officer', '建材检测报告签发人员超出授权范围', '成都市市场监督管理局', -3, null, 'in_progress', '责令机构暂停相关签发，核查近一年报告', null],
];

/** Campaigns, screenings and the problem ledger of the demo world. */
export async function seedCampaigns(services: Services, log: (line: string) => void) {
  const actorOf = (username: string) => services.auth.actorFor(username, { ip: null, userAgent: 'seed-demo' });
  const today = services.deps.calendar.today();
  const day = (d: Day) => (typeof d === 'number' ? addDays(today, d) : d);
  const samr = await actorOf('samr.admin');

  const epidemic = await services.campaigns.create(samr, {
    name: EPIDEMIC_CAMPAIGN,
    // 国市监竞争〔2020〕74号 of 11 May 2020; the summary was due at the end of June.
    startsOn: '2020-05-11',
    endsOn: '2020-06-30',
    categories: ['mask', 'ventilator', 'protective_suit', 'ir_thermometer', 'covid_test_kit', 'meltblown', 'nonwoven', 'ir_sensor'],
    areaCodes: [],
    memberDepartments: ['国家发展和改革委员会', '工业和信息化部', '公安部', '商务部', '海关总署', '国家药品监督管理局'],
    description:
      '全面排查口罩、防护服、呼吸机、红外体温计（额温枪）、新型冠状病毒检测试剂等五类防疫物资及其重要原辅材料生产企业，加强质量抽检和出口监管，规范认证检验检测行为，查处违法犯罪行为；建立问题清单台账制度，每周四17时前报送进展和统计表。',
  });
  const testing = await services.campaigns.create(samr, {
    name: TESTING_CAMPAIGN,
    // 市监检测发〔2022〕26号: April to the end of July 2022, summary by 10 August.
    startsOn: '2022-04-01',
    endsOn: '2022-07-31',
    categories: ['medical_device', 'food', 'ppe', 'building_material', 'hazmat_tank'],
    areaCodes: [],
    memberDepartments: [],
    description:
      '对涉及疫情防控的医疗器械防护用品、食品、个体防护装备、建筑材料、常压液体危险货物罐体、碳排放核查等六个领域的检验检测机构全面排查、严格整顿，严肃查处不实和虚假检验检测报告；2022年8月10日前上报总结及检查信息汇总表。',
  });
  const current = await services.campaigns.create(samr, {
    name: CURRENT_CAMPAIGN,
    startsOn: day(CURRENT_CAMPAIGN_DAYS.starts),
    endsOn: day(CURRENT_CAMPAIGN_DAYS.ends),
    categories: ['mask', 'ventilator', 'protective_suit', 'ir_thermometer', 'covid_test_kit', 'meltblown', 'nonwoven', 'ir_sensor'],
    areaCodes: [],
    memberDepartments: ['公安部', '海关总署', '国家药品监督管理局'],
    description: '持续开展防疫物资生产企业排查、质量监督抽查和案件查办，各省级市场监管部门每周四17时前报送情况表。',
  });
  const campaignIds = new Map([
    [EPIDEMIC_CAMPAIGN, epidemic.id],
    [TESTING_CAMPAIGN, testing.id],
    [CURRENT_CAMPAIGN, current.id],
  ]);

  const platform = await actorOf('admin');
  const enterpriseIds = new Map<string, string>();
  const enterpriseId = async (name: string) => {
    if (!enterpriseIds.has(name)) {
      const found = (await services.enterprises.list(platform, { page: 1, pageSize: 5, sort: 'name', order: 'asc', q: name })).items.find((e) => e.name === name);
      if (!found) throw new Error(`demo enterprise ${name} missing`);
      enterpriseIds.set(name, found.id);
    }
    return enterpriseIds.get(name)!;
  };

  for (const [campaign, username, enterprise, category, screenedOn, officers, problems, deadline, rectified] of SCREENINGS) {
    const actor = await actorOf(username);
    const screening = await services.campaigns.screenings.record(actor, {
      campaignId: campaign ? campaignIds.get(campaign)! : null,
      enterpriseId: await enterpriseId(enterprise),
      category,
      screenedOn: day(screenedOn),
      officers,
      result: problems ? 'nonconforming' : 'conforming',
      problems,
      rectificationDeadline: deadline === null ? null : day(deadline),
    });
    if (rectified) await services.campaigns.screenings.rectify(actor, screening.id, { rectifiedOn: day(rectified[0]), note: rectified[1] });
  }

  for (const [campaign, username, problem, responsibleUnit, deadline, enterprise, status, measures, resolvedOn] of PROBLEMS) {
    const actor = await actorOf(username);
    const created = await services.campaigns.problems.create(actor, {
      campaignId: campaignIds.get(campaign)!,
      problem,
      responsibleUnit,
      deadline: day(deadline),
      enterpriseId: enterprise ? await enterpriseId(enterprise) : null,
      measures: status === 'resolved' ? '' : measures,
    });
    if (status === 'in_progress') await services.campaigns.problems.setStatus(actor, created.id, { status: 'in_progress' });
    if (status === 'resolved') await services.campaigns.problems.setStatus(actor, created.id, { status: 'resolved', resolvedOn: day(resolvedOn!), measures });
  }
  log(`专项整治行动 3 个，排查记录 ${SCREENINGS.length} 条，问题清单 ${PROBLEMS.length} 条`);
}
