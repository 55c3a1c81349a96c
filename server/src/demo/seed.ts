import { count } from 'drizzle-orm';
import type { EnterpriseSize, InstitutionKind, Role } from '@shijian/contracts';
import { systemActor } from '../platform/actor.js';
import type { Services } from '../modules/index.js';
import { orgs, users } from '../modules/identity/tables.js';
import { addDays } from '../platform/calendar/working-days.js';
import { seedCampaigns } from './campaigns.js';
import { seedInspections } from './inspections.js';
import { seedLab } from './lab.js';
import { seedReporting } from './reporting.js';
import { seedComplaints } from './complaints.js';
import { seedRecalls } from './recalls.js';
import { seedPublicity } from './publicity.js';
import { seedServices } from './services.js';
import { seedSupervision } from './supervision.js';
import { syntheticUscc } from './uscc.js';

/** Every demo account shares this password (it meets the password policy). */
export const DEMO_PASSWORD = 'Shijian@2026';

type Account = { username: string; displayName: string; roles: Role[]; org: string };

/** Bureaus: [key, name, level, region, parent key]. Real GB/T 2260 codes. */
const BUREAUS = [
  ['samr', '国家市场监督管理总局', 'national', null, null],
  ['sc', '四川省市场监督管理局', 'province', '510000', 'samr'],
  ['cd', '成都市市场监督管理局', 'city', '510100', 'sc'],
  ['wh', '成都市武侯区市场监督管理局', 'county', '510107', 'cd'],
  ['jj', '成都市锦江区市场监督管理局', 'county', '510104', 'cd'],
  ['my', '绵阳市市场监督管理局', 'city', '510700', 'sc'],
  ['fj', '福建省市场监督管理局', 'province', '350000', 'samr'],
  ['fz', '福州市市场监督管理局', 'city', '350100', 'fj'],
  ['gl', '福州市鼓楼区市场监督管理局', 'county', '350102', 'fz'],
  ['xm', '厦门市市场监督管理局', 'city', '350200', 'fj'],
  ['sn', '陕西省市场监督管理局', 'province', '610000', 'samr'],
  ['xa', '西安市市场监督管理局', 'city', '610100', 'sn'],
  ['yt', '西安市雁塔区市场监督管理局', 'county', '610113', 'xa'],
] as const;

const INSTITUTIONS: {
  key: string;
  name: string;
  kind: InstitutionKind;
  region: string;
  parent: string;
  address: string;
  cmaNumber: string;
  cmaValidUntil: string;
  domains: string[];
  scopes: [string, string, string, string | null][];
}[] = [
  {
    key: 'scqi',
    name: '四川省产品质量监督检验检测院',
    kind: 'testing',
    region: '510104',
    parent: 'sc',
    address: '成都市锦江区工业园区质检路8号',
    cmaNumber: '202123050128',
    cmaValidUntil: '2028-06-30',
    domains: ['医疗器械防护用品', '个体防护装备', '建筑材料', '食品'],
    scopes: [
      ['医疗器械防护用品', '过滤效率', 'GB 2626-2019', 'mask'],
      ['医疗器械防护用品', '吸气阻力', 'GB 2626-2019', 'mask'],
      ['医疗器械防护用品', '细菌过滤效率（BFE）', 'YY 0469-2011', 'mask'],
      ['医疗器械防护用品', '颗粒过滤效率（PFE）', 'YY 0469-2011', 'mask'],
      ['医疗器械防护用品', '过滤效率', 'GB 19083-2010', 'mask'],
      ['医疗器械防护用品', '抗渗水性', 'GB 19082-2009', 'protective_suit'],
      ['医疗器械防护用品', '断裂强力', 'GB 19082-2009', 'protective_suit'],
      ['建筑材料', '抗压强度', 'GB/T 17671-2021', 'building_material'],
    ],
  },
  {
    key: 'fjmi',
    name: '福建省计量科学研究院',
    kind: 'metrology',
    region: '350102',
    parent: 'fj',
    address: '福州市鼓楼区屏东路9号',
    cmaNumber: '202113000456',
    cmaValidUntil: '2027-12-31',
    domains: ['计量检定', '校准'],
    scopes: [
      ['计量检定', '红外人体测温仪示值误差', 'JJF 1107-2003', 'ir_thermometer'],
      ['计量检定', '医用电子体温计示值误差', 'JJG 1162-2019', 'medical_device'],
      ['校准', '呼吸机潮气量', 'JJF 1234-2018', 'ventilator'],
    ],
  },
  {
    key: 'scmi',
    name: '四川省计量测试研究院',
    kind: 'metrology',
    region: '510107',
    parent: 'sc',
    address: '成都市武侯区高升桥南街5号',
    cmaNumber: '202123000317',
    cmaValidUntil: '2029-03-31',
    domains: ['计量检定', '校准'],
    scopes: [
      ['计量检定', '医用电子体温计示值误差', 'JJG 1162-2019', 'medical_device'],
      ['计量检定', '无创自动测量血压计示值误差', 'JJG 692-2010', 'medical_device'],
      ['校准', '红外人体测温仪示值误差', 'JJF 1107-2003', 'ir_thermometer'],
    ],
  },
  {
    key: 'snse',
    name: '陕西省特种设备检验检测研究院',
    kind: 'special_equipment',
    region: '610113',
    parent: 'sn',
    address: '西安市雁塔区科技路20号',
    cmaNumber: '201927000789',
    cmaValidUntil: '2026-06-30',
    domains: ['特种设备检验'],
    scopes: [
      ['特种设备检验', '压力容器定期检验', 'TSG 21-2016', 'special_equipment'],
      ['特种设备检验', '电梯定期检验', 'TSG T7001-2023', 'special_equipment'],
    ],
  },
];

/** [name, region, size, categories, legal representative, address, individual business?] */
const ENTERPRISES: [string, string, EnterpriseSize, string[], string, string, boolean?][] = [
  ['成都康宁医疗用品有限公司', '510107', 'medium', ['mask', 'protective_suit'], '王建华', '成都市武侯区武科西二路18号'],
  ['成都蜀安防护科技有限公司', '510112', 'small', ['mask', 'meltblown'], '李晓梅', '成都市龙泉驿区经开区南四路66号'],
  ['绵阳科瑞红外传感技术有限公司', '510703', 'medium', ['ir_sensor', 'ir_thermometer'], '张涛', '绵阳市涪城区科创园区创新路3号'],
  ['四川天府生物检测试剂有限公司', '510116', 'large', ['covid_test_kit'], '陈立', '成都市双流区生物城大道99号'],
  ['德阳精工呼吸设备有限公司', '510603', 'medium', ['ventilator', 'medical_device'], '刘强', '德阳市旌阳区泰山南路二段5号'],
  ['宜宾锦程无纺布制品厂', '511502', 'micro', ['nonwoven'], '赵锦程', '宜宾市翠屏区南岸东区12号', true],
  ['成都锦城建材有限公司', '510104', 'medium', ['building_material'], '周斌', '成都市锦江区三圣乡建材路21号'],
  ['四川川锅特种设备制造有限公司', '510682', 'large', ['special_equipment'], '吴国平', '什邡市经济开发区北区7号'],
  ['福建闽康卫材有限公司', '350102', 'large', ['mask', 'nonwoven'], '林志强', '福州市鼓楼区铜盘路88号'],
  ['福州恒通熔喷材料有限公司', '350104', 'small', ['meltblown'], '黄丽娟', '福州市仓山区建新镇金山工业区6号'],
  ['厦门海测红外科技有限公司', '350206', 'medium', ['ir_thermometer', 'ir_sensor'], '郑海', '厦门市湖里区火炬高新区创业大厦5楼'],
  ['晋江安泰防护用品有限公司', '350582', 'medium', ['protective_suit', 'mask'], '许文彬', '晋江市陈埭镇工业区15号'],
  ['莆田仁和医疗器械有限公司', '350302', 'small', ['ventilator', 'medical_device'], '陈仁和', '莆田市城厢区华亭工业园9号'],
  ['厦门鹭岛生物技术有限公司', '350211', 'large', ['covid_test_kit'], '蔡明', '厦门市集美区软件园三期B区'],
  ['福州鼓楼小林口罩加工店', '350102', 'micro', ['mask'], '林小林', '福州市鼓楼区五一北路102号', true],
  ['漳州芗城红外电子有限公司', '350602', 'small', ['ir_sensor'], '杨帆', '漳州市芗城区金峰开发区4号'],
  ['西安秦康医用防护用品有限公司', '610113', 'medium', ['mask', 'protective_suit'], '马秦康', '西安市雁塔区丈八东路56号'],
  ['西安长安精密仪器有限公司', '610116', 'small', ['ir_thermometer'], '孙长安', '西安市长安区航天基地东长安街501号'],
  ['咸阳渭华无纺材料有限公司', '610402', 'small', ['nonwoven', 'meltblown'], '高渭华', '咸阳市秦都区高新区星火大道28号'],
  ['宝鸡秦川呼吸医疗设备有限公司', '610302', 'medium', ['ventilator'], '冯川', '宝鸡市渭滨区高新大道66号'],
  ['汉中汉江医疗器械有限公司', '610702', 'medium', ['medical_device', 'covid_test_kit'], '何汉江', '汉中市汉台区经济开发区北区10号'],
  ['榆林塞北食品有限公司', '610802', 'small', ['food'], '白塞北', '榆林市榆阳区牛家梁工业园8号'],
  ['渭南华州食品有限公司', '610503', 'small', ['food'], '韩华州', '渭南市华州区华州镇工业路2号'],
  ['西安雁塔安心消毒用品经营部', '610113', 'micro', ['disinfectant'], '袁安心', '西安市雁塔区小寨西路33号', true],
];

/**
 * Instruments with verification histories relative to the day the demo world is
 * made, so it always has valid, expiring, expired and failed instruments:
 * [owner key, name, model, serial, manufacturer, range, compulsory, verifications
 * as [kind, performed (days from today), valid for (days), passed]].
 */
const INSTRUMENTS: [string, string, string, string, string, string, boolean, ['verification' | 'calibration', number, number, boolean][]][] = [
  ['scqi', '颗粒物过滤效率测试仪', 'TSI 8130A', '8130A-1923001', 'TSI Incorporated', '0.01–100 %', false, [['calibration', -180, 365, true]]],
  ['scqi', '电子天平', 'ME204', 'B812345678', '梅特勒-托利多', '0–220 g', true, [['verification', -250, 365, true]]],
  ['scqi', '呼吸阻力测试仪', 'ZR-1006', 'ZR1006-1121', '青岛众瑞', '0–1000 Pa', false, [['calibration', -400, 365, true], ['calibration', -35, 365, true]]],
  ['scqi', '恒温恒湿箱', 'HWS-250', 'HW2019-088', '宁波东南仪器', '0–65 ℃', false, [['calibration', -400, 365, true]]],
  ['scqi', '数显卡尺', '0–150 mm', '1108-150-0042', '桂林广陆', '0–150 mm', true, [['verification', -380, 365, true], ['verification', -20, 365, false]]],
  ['scqi', '静水压测试仪', 'YG812D', 'YG812D-0716', '温州方圆', '0–300 kPa', false, [['calibration', -90, 365, true]]],
  ['scqi', '电子万能试验机', 'WDW-5', 'WDW5-1808', '济南试金', '0–5 kN', false, [['calibration', -150, 365, true]]],
  ['fjmi', '黑体辐射源（红外体温计检定装置）', 'HFY-205', 'HT-2020-01', '北京康斯特', '35–42 ℃', false, [['calibration', -60, 365, true]]],
  ['fjmi', '标准铂电阻温度计', 'WZPB-2', 'PT25-3302', '云南大方', '0–419.527 ℃', false, [['verification', -300, 365, true]]],
  ['ent:成都康宁医疗用品有限公司', '电子台秤', 'TCS-150', 'TCS150-88321', '上海友声', '0–150 kg', true, [['verification', -370, 365, true]]],
  ['ent:成都康宁医疗用品有限公司', '红外体温计', 'HW-F7', 'HWF7-2020-1163', '深圳华盛昌', '32–42.9 ℃', true, [['verification', -100, 365, true]]],
];

/** One account for every role, each in a real org of the demo world. */
export const DEMO_ACCOUNTS: Account[] = [
  { username: 'admin', displayName: '平台管理员', roles: ['platform_admin'], org: 'platform' },
  { username: 'samr.admin', displayName: '总局系统管理员', roles: ['regulator_admin'], org: 'samr' },
  { username: 'samr.leader', displayName: '总局分管领导 赵明', roles: ['leader'], org: 'samr' },
  { username: 'samr.stat', displayName: '总局统计员 钱敏', roles: ['statistician'], org: 'samr' },
  { username: 'samr.officer', displayName: '总局执法人员 孙伟', roles: ['officer'], org: 'samr' },
  { username: 'sc.admin', displayName: '四川省局管理员 李娜', roles: ['regulator_admin'], org: 'sc' },
  { username: 'sc.stat', displayName: '四川省局统计员 周洁', roles: ['statistician'], org: 'sc' },
  { username: 'sc.leader', displayName: '四川省局分管领导 杨帆', roles: ['leader'], org: 'sc' },
  { username: 'cd.officer', displayName: '成都市局执法人员 吴昊', roles: ['officer'], org: 'cd' },
  { username: 'wh.officer', displayName: '武侯区局执法人员 郑凯', roles: ['officer'], org: 'wh' },
  { username: 'jj.officer', displayName: '锦江区局执法人员 冯蕾', roles: ['officer'], org: 'jj' },
  { username: 'fj.admin', displayName: '福建省局管理员 林芳', roles: ['regulator_admin'], org: 'fj' },
  { username: 'fj.stat', displayName: '福建省局统计员 陈静', roles: ['statistician'], org: 'fj' },
  { username: 'fz.officer', displayName: '福州市局执法人员 黄磊', roles: ['officer'], org: 'fz' },
  { username: 'sn.admin', displayName: '陕西省局管理员 马骏', roles: ['regulator_admin'], org: 'sn' },
  { username: 'sn.stat', displayName: '陕西省局统计员 白雪', roles: ['statistician'], org: 'sn' },
  { username: 'yt.officer', displayName: '雁塔区局执法人员 高远', roles: ['officer'], org: 'yt' },
  { username: 'scqi.admin', displayName: '川质检院管理员 何平', roles: ['institution_admin'], org: 'scqi' },
  { username: 'scqi.receptionist', displayName: '川质检院收样员 唐丽', roles: ['receptionist'], org: 'scqi' },
  { username: 'scqi.tester', displayName: '川质检院检验员 邓超', roles: ['tester'], org: 'scqi' },
  { username: 'scqi.reviewer', displayName: '川质检院审核员 罗敏', roles: ['reviewer'], org: 'scqi' },
  { username: 'scqi.signatory', displayName: '川质检院授权签字人 蒋卫东', roles: ['signatory'], org: 'scqi' },
  { username: 'fjmi.admin', displayName: '闽计量院管理员 郭静', roles: ['institution_admin'], org: 'fjmi' },
  { username: 'fjmi.tester', displayName: '闽计量院检定员 谢宇', roles: ['tester'], org: 'fjmi' },
  { username: 'scmi.admin', displayName: '川计量院管理员 孙悦', roles: ['institution_admin'], org: 'scmi' },
  { username: 'scmi.receptionist', displayName: '川计量院受理员 田甜', roles: ['receptionist'], org: 'scmi' },
  { username: 'scmi.verifier', displayName: '川计量院检定员 曾伟', roles: ['tester'], org: 'scmi' },
  { username: 'scmi.checker', displayName: '川计量院核验员 冯涛', roles: ['reviewer'], org: 'scmi' },
  { username: 'snse.admin', displayName: '陕特检院管理员 雷鸣', roles: ['institution_admin'], org: 'snse' },
  { username: 'kangning', displayName: '成都康宁医疗 质量负责人 王芳', roles: ['enterprise_user'], org: 'ent:成都康宁医疗用品有限公司' },
  { username: 'minkang', displayName: '福建闽康卫材 质量负责人 林涛', roles: ['enterprise_user'], org: 'ent:福建闽康卫材有限公司' },
];

export async function hasAnyUser(services: Services): Promise<boolean> {
  const [row] = await services.deps.db.select({ n: count() }).from(users);
  return Number(row?.n ?? 0) > 0;
}

/**
 * The demo world of the README: the national bureau, three provinces with some
 * cities and counties, four institutions, two dozen enterprises across the
 * eight epidemic categories, and an account for every role. Written through the
 * services, so every record is validated and audited like any other.
 */
export async function seedDemo(services: Services, options: { log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  if (await hasAnyUser(services)) {
    log('已有用户，跳过演示数据（demo world already present）');
    return { created: false };
  }
  const actor = systemActor('seed-demo');
  const { db, clock, audit } = services.deps;
  const orgIds = new Map<string, string>();

  // The platform org and the national bureau have no parent, so they are created here directly.
  const { orgEntity } = await import('../modules/identity/entities.js');
  await db.transaction(async (tx) => {
    const [platform] = await tx.insert(orgs).values({ name: 'Shijian 平台运营中心', kind: 'platform', createdAt: clock.now() }).returning();
    const [samr] = await tx
      .insert(orgs)
      .values({ name: BUREAUS[0][1], kind: 'regulator', level: 'national', createdAt: clock.now() })
      .returning();
    orgIds.set('platform', platform!.id).set('samr', samr!.id);
    await audit.append(tx, actor, [
      { action: 'org.created', entity: orgEntity, id: platform!.id },
      { action: 'org.created', entity: orgEntity, id: samr!.id },
    ]);
  });
  for (const [key, name, level, region, parent] of BUREAUS.slice(1)) {
    const org = await services.orgs.create(actor, { name, level: level as 'province', regionCode: region!, parentId: orgIds.get(parent!)! });
    orgIds.set(key, org.id);
  }
  log(`监管部门 ${BUREAUS.length} 个`);

  for (const inst of INSTITUTIONS) {
    const created = await services.institutions.create(actor, {
      name: inst.name,
      kind: inst.kind,
      regionCode: inst.region,
      address: inst.address,
      parentOrgId: orgIds.get(inst.parent)!,
      cmaNumber: inst.cmaNumber,
      cmaValidUntil: inst.cmaValidUntil,
      domains: inst.domains,
    });
    orgIds.set(inst.key, created.orgId);
    for (const [domain, parameter, standard, categoryCode] of inst.scopes) {
      await services.institutions.addScope(actor, created.id, { domain, parameter, standard, categoryCode });
    }
  }
  log(`技术机构 ${INSTITUTIONS.length} 个`);

  const rows = ENTERPRISES.map(([name, regionCode, size, categories, legalRepresentative, address, individual], i) => ({
    uscc: syntheticUscc(regionCode, 20_200_000 + i * 7919, individual ? '2' : '1'),
    name,
    regionCode,
    size,
    categories,
    legalRepresentative,
    address,
  }));
  const imported = await services.enterprises.importMany(actor, rows);
  if (imported.errors.length) throw new Error(`demo enterprises rejected: ${JSON.stringify(imported.errors)}`);
  log(`企业 ${imported.inserted} 家`);

  const list = await services.enterprises.list(actor, { page: 1, pageSize: 100, sort: 'name', order: 'asc' });
  for (const account of DEMO_ACCOUNTS.filter((a) => a.org.startsWith('ent:'))) {
    const enterprise = list.items.find((e) => e.name === account.org.slice(4))!;
    orgIds.set(account.org, await services.enterprises.openAccount(actor, enterprise.id));
  }

  const today = services.deps.calendar.today();
  for (const [owner, name, model, serialNumber, manufacturer, measuringRange, compulsory, verifications] of INSTRUMENTS) {
    const instrument = await services.instruments.create(actor, {
      ownerOrgId: orgIds.get(owner)!,
      name,
      model,
      serialNumber,
      manufacturer,
      measuringRange,
      compulsory,
    });
    for (const [kind, performed, validDays, passed] of verifications) {
      await services.instruments.addVerification(actor, instrument.id, {
        kind,
        performedOn: addDays(today, performed),
        validUntil: addDays(today, performed + validDays - 1),
        certificateNo: `${kind === 'verification' ? 'JD' : 'JZ'}${addDays(today, performed).replaceAll('-', '')}-${serialNumber.slice(-4)}`,
        performedBy: owner === 'fjmi' ? '中国计量科学研究院' : '四川省计量检测研究院',
        passed,
      });
    }
  }
  log(`计量器具 ${INSTRUMENTS.length} 台`);

  for (const account of DEMO_ACCOUNTS) {
    await services.users.create(
      actor,
      { username: account.username, displayName: account.displayName, roles: account.roles, orgId: orgIds.get(account.org)!, password: DEMO_PASSWORD },
      { mustChangePassword: false },
    );
  }
  log(`用户 ${DEMO_ACCOUNTS.length} 个（密码均为 ${DEMO_PASSWORD}）`);

  await seedLab(services, log);
  await seedCampaigns(services, log);
  await seedSupervision(services, log);
  await seedInspections(services, log);
  await seedReporting(services, DEMO_PASSWORD, log);
  await seedServices(services, log);
  await seedComplaints(services, log);
  await seedRecalls(services, log);
  await seedPublicity(services, log);
  return { created: true };
}
