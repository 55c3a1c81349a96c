import { eq } from 'drizzle-orm';
import type { ServiceItemBody } from '@shijian/contracts';
import { createServices, type Services } from '../modules/index.js';
import { validUntilAfter } from '../modules/metrology/service.js';
import { instruments } from '../modules/registry/tables.js';
import { publicActor, type Actor } from '../platform/actor.js';
import { addDays } from '../platform/calendar/working-days.js';
import { institutions } from '../modules/registry/tables.js';

/** [institution name, item]: what each demo institution publishes in the service window. */
const ITEMS: [string, ServiceItemBody][] = [
  ['四川省产品质量监督检验检测院', { kind: 'testing', name: '医用口罩细菌过滤效率（BFE）检测', parameters: '细菌过滤效率', standards: ['YY 0469-2011'], categoryCodes: ['mask'], feeYuan: '600.00', turnaroundDays: 3, onSite: false, epidemic: true, compulsory: false }],
  ['四川省产品质量监督检验检测院', { kind: 'testing', name: '医用防护口罩过滤效率检测', parameters: '过滤效率、吸气阻力', standards: ['GB 19083-2010'], categoryCodes: ['mask'], feeYuan: '800.00', turnaroundDays: 3, onSite: false, epidemic: true, compulsory: false }],
  ['四川省产品质量监督检验检测院', { kind: 'testing', name: '自吸过滤式防颗粒物呼吸器检测', parameters: '过滤效率、吸气阻力', standards: ['GB 2626-2019'], categoryCodes: ['mask'], feeYuan: '900.00', turnaroundDays: 5, onSite: false, epidemic: true, compulsory: false }],
  ['四川省产品质量监督检验检测院', { kind: 'testing', name: '医用防护服抗渗水性和断裂强力检测', parameters: '抗渗水性、断裂强力', standards: ['GB 19082-2009'], categoryCodes: ['protective_suit'], feeYuan: '1200.00', turnaroundDays: 5, onSite: false, epidemic: true, compulsory: false }],
  ['四川省产品质量监督检验检测院', { kind: 'testing', name: '水泥胶砂强度检验', parameters: '抗压强度、抗折强度', standards: ['GB/T 17671-2021'], categoryCodes: ['building_material'], feeYuan: '350.00', turnaroundDays: 30, onSite: false, epidemic: false, compulsory: false }],
  ['四川省计量测试研究院', { kind: 'verification', name: '医用电子体温计检定', parameters: '示值误差', standards: ['JJG 1162-2019'], categoryCodes: ['medical_device'], feeYuan: '20.00', turnaroundDays: 3, onSite: true, epidemic: true, compulsory: true }],
  ['四川省计量测试研究院', { kind: 'verification', name: '无创自动测量血压计检定', parameters: '静态压力示值误差、气密性', standards: ['JJG 692-2010'], categoryCodes: ['medical_device'], feeYuan: '60.00', turnaroundDays: 5, onSite: true, epidemic: false, compulsory: true }],
  ['四川省计量测试研究院', { kind: 'calibration', name: '红外人体测温仪校准', parameters: '示值误差、重复性', standards: ['JJF 1107-2003'], categoryCodes: ['ir_thermometer'], feeYuan: '80.00', turnaroundDays: 2, onSite: true, epidemic: true, compulsory: false }],
  ['福建省计量科学研究院', { kind: 'verification', name: '医用电子体温计检定', parameters: '示值误差', standards: ['JJG 1162-2019'], categoryCodes: ['medical_device'], feeYuan: '20.00', turnaroundDays: 3, onSite: true, epidemic: true, compulsory: true }],
  ['福建省计量科学研究院', { kind: 'calibration', name: '红外人体测温仪校准', parameters: '示值误差、重复性', standards: ['JJF 1107-2003'], categoryCodes: ['ir_thermometer'], feeYuan: '80.00', turnaroundDays: 2, onSite: true, epidemic: true, compulsory: false }],
  ['福建省计量科学研究院', { kind: 'calibration', name: '呼吸机潮气量校准', parameters: '潮气量、通气频率', standards: ['JJF 1234-2018'], categoryCodes: ['ventilator'], feeYuan: '500.00', turnaroundDays: 5, onSite: true, epidemic: true, compulsory: false }],
  ['福建省计量科学研究院', { kind: 'calibration', name: '电子天平校准', parameters: '示值误差、重复性、偏载', standards: ['JJF 1847-2020'], categoryCodes: [], feeYuan: '120.00', turnaroundDays: 5, onSite: false, epidemic: false, compulsory: false }],
  ['陕西省特种设备检验检测研究院', { kind: 'special_equipment', name: '电梯定期检验', parameters: '安全保护装置、曳引系统', standards: ['TSG T7001-2023'], categoryCodes: ['special_equipment'], feeYuan: '1500.00', turnaroundDays: 10, onSite: true, epidemic: false, compulsory: false }],
  ['陕西省特种设备检验检测研究院', { kind: 'special_equipment', name: '医用氧舱定期检验', parameters: '压力容器、供氧系统', standards: ['TSG 24-2015'], categoryCodes: ['special_equipment'], feeYuan: '3000.00', turnaroundDays: 10, onSite: true, epidemic: true, compulsory: false }],
];

const HOUR_MS = 3_600_000;

/**
 * The service window's demo: four institutions' catalogues, the fee rules of notice 000
 * (川市监办函〔2020〕15号: free for epidemic work, compulsory verification, commissions and
 * producers of epidemic goods) and of Xianyang (notice 003: half for small firms), and
 * requests at every step — one waiting on its 24-hour clock, one past it, one accepted,
 * one referred in part to another institution, one completed at the full fee.
 */
export async function seedServices(services: Services, log: (line: string) => void) {
  const { db } = services.deps;
  const insts = await db.select({ id: institutions.id, name: institutions.name }).from(institutions);
  const idOf = (name: string) => insts.find((i) => i.name === name)!.id;
  const admins: Record<string, string> = {
    四川省产品质量监督检验检测院: 'scqi.admin',
    四川省计量测试研究院: 'scmi.admin',
    福建省计量科学研究院: 'fjmi.admin',
    陕西省特种设备检验检测研究院: 'snse.admin',
  };
  const actor = (username: string) => services.auth.actorFor(username, { ip: '127.0.0.1', userAgent: 'seed-demo' });
  const items = new Map<string, string>();
  for (const [inst, body] of ITEMS) {
    const created = await services.serviceCatalogue.create(await actor(admins[inst]!), body);
    items.set(`${inst}|${body.name}`, created.id);
  }
  const item = (inst: string, name: string) => items.get(`${inst}|${name}`)!;

  const samr = await actor('samr.admin');
  const sc = await actor('sc.admin');
  const sn = await actor('sn.admin');
  const basis = '川市监办函〔2020〕15号 三、迅速响应，积极开展技术服务工作';
  await services.feeRules.create(samr, { name: '强制检定免费', condition: 'compulsory_verification', reductionPercent: 100, effectiveFrom: '2017-04-01', basis: '计量器具强制检定不收取费用' });
  await services.feeRules.create(sc, { name: '涉疫检验检测、检定校准免费', condition: 'epidemic', reductionPercent: 100, regionCode: '510000', effectiveFrom: '2020-02-01', basis });
  await services.feeRules.create(sc, { name: '监管部门执法委托免费', condition: 'regulator_commission', reductionPercent: 100, regionCode: '510000', effectiveFrom: '2020-02-01', basis });
  await services.feeRules.create(sc, { name: '防疫物资生产企业免费', condition: 'epidemic_producer', reductionPercent: 100, regionCode: '510000', effectiveFrom: '2020-02-01', basis });
  await services.feeRules.create(sn, {
    name: '咸阳市中小微企业计量检定收费减半',
    condition: 'small_micro',
    reductionPercent: 50,
    regionCode: '610400',
    effectiveFrom: '2020-02-20',
    effectiveTo: '2020-12-31',
    basis: '咸阳市计量助力企业复工复产8项措施',
  });
  await services.feeRules.create(await actor('fj.admin'), { name: '小微企业检定校准收费减半', condition: 'small_micro', reductionPercent: 50, regionCode: '350000', effectiveFrom: '2026-01-01', basis: '福建省助企纾困计量服务措施' });

  const SCQI = '四川省产品质量监督检验检测院';
  const SCMI = '四川省计量测试研究院';
  const FJMI = '福建省计量科学研究院';
  const kangning = await actor('kangning');
  const minkang = await actor('minkang');
  const kangningContact = { contactName: '王芳', contactPhone: '028-85551234' };
  const minkangContact = { contactName: '林涛', contactPhone: '0591-87654321' };

  // 1. Waiting: a green-channel verification of thermometers, its 24 hours running (free: epidemic work).
  const waiting = await services.serviceRequests.submit(kangning, {
    institutionId: idOf(SCMI),
    lines: [
      { itemId: item(SCMI, '医用电子体温计检定'), quantity: 40 },
      { itemId: item(SCMI, '红外人体测温仪校准'), quantity: 12 },
    ],
    epidemicRelated: true,
    description: '复工复产前对厂区入口及车间使用的体温计、红外测温仪进行检定校准，请安排上门服务。',
    ...kangningContact,
  });

  // 2. Past its 24 hours: made 30 hours ago on the portal by a community health centre, unanswered.
  const earlier = createServices({ ...services.deps, clock: { now: () => new Date(Date.now() - 30 * HOUR_MS) } });
  await earlier.serviceRequests.submitPublic(publicActor('127.0.0.1', 'seed-demo'), {
    institutionId: idOf(SCMI),
    lines: [{ itemId: item(SCMI, '红外人体测温仪校准'), quantity: 6 }],
    epidemicRelated: true,
    description: '社区卡口使用的额温枪读数偏差较大，请尽快校准。',
    requesterName: '成都市武侯区玉林社区卫生服务中心',
    contactName: '周医生',
    contactPhone: '028-85009876',
  });

  // 3. Referred in part: 闽康's thermometers go from the Fujian institute (its bench away for traceability) to Sichuan's.
  const fjmiAdmin = await actor('fjmi.admin');
  const mixed = await services.serviceRequests.submit(minkang, {
    institutionId: idOf(FJMI),
    lines: [
      { itemId: item(FJMI, '医用电子体温计检定'), quantity: 30 },
      { itemId: item(FJMI, '呼吸机潮气量校准'), quantity: 2 },
    ],
    epidemicRelated: true,
    description: '出厂检验用体温计检定，及两台呼吸机潮气量校准。',
    ...minkangContact,
  });
  const thermometers = mixed.lines.find((l) => l.itemName === '医用电子体温计检定')!;
  await services.serviceRequests.refer(fjmiAdmin, mixed.id, { toInstitutionId: idOf(SCMI), lineIds: [thermometers.id], reason: '本院体温计检定装置送上级计量机构溯源，本周内无法开展' });
  await services.serviceRequests.accept(fjmiAdmin, mixed.id, '呼吸机请于周三前送达，或预约上门');
  // 川计量院 takes the referred thermometers and verifies them: a certificate, and a result notice for one that failed.
  const referredId = (await services.serviceRequests.get(minkang, mixed.id)).lines.find((l) => l.id === thermometers.id)!.referredToRequestId!;
  const scmiAdmin = await actor('scmi.admin');
  await services.serviceRequests.accept(await actor('scmi.receptionist'), referredId, '体温计请送至本院温度室');
  const referred = await services.serviceRequests.get(scmiAdmin, referredId);
  const verifier = await actor('scmi.verifier');
  const signers = { checkerId: (await actor('scmi.checker')).userId!, approverId: scmiAdmin.userId! };
  const today = services.deps.calendar.today();
  const thermometer = { name: '医用电子体温计', model: 'MT-101', manufacturer: '福建闽康卫材有限公司', measuringRange: '32.0–42.9 ℃', accuracyClass: '±0.1 ℃' };
  await services.metrology.recordVerification(verifier, referredId, {
    lineId: referred.lines[0]!.id,
    instrument: { ...thermometer, serialNumber: 'MK-T-2026-0018' },
    performedOn: today,
    passed: true,
    regulation: 'JJG 1162-2019 医用电子体温计',
    referenceStandard: '恒温槽 / 标准铂电阻温度计（二等）',
    conclusion: '符合 JJG 1162-2019 要求，准予作医用电子体温计使用',
    validUntil: validUntilAfter(today, 12),
    ...signers,
  });
  await services.metrology.recordVerification(verifier, referredId, {
    lineId: referred.lines[0]!.id,
    instrument: { ...thermometer, serialNumber: 'MK-T-2026-0023' },
    performedOn: today,
    passed: false,
    regulation: 'JJG 1162-2019 医用电子体温计',
    referenceStandard: '恒温槽 / 标准铂电阻温度计（二等）',
    conclusion: '37.0 ℃ 点示值误差 +0.3 ℃，超出最大允许误差 ±0.1 ℃，不合格',
    ...signers,
  });

  // 4. Outside the green channel, at the full fee: a large enterprise's balances, calibrated and done.
  const balances = await services.serviceRequests.submit(minkang, {
    institutionId: idOf(FJMI),
    lines: [{ itemId: item(FJMI, '电子天平校准'), quantity: 4 }],
    epidemicRelated: false,
    description: '质检室电子天平年度校准。',
    ...minkangContact,
  });
  await services.serviceRequests.accept(fjmiAdmin, balances.id, '');
  await services.serviceRequests.complete(fjmiAdmin, balances.id, '校准证书已出具');

  // 5. Accepted, free: 康宁's protective clothing and respirators for registration testing.
  const scqiAdmin = await actor('scqi.admin');
  const garments = await services.serviceRequests.submit(kangning, {
    institutionId: idOf(SCQI),
    lines: [
      { itemId: item(SCQI, '医用防护服抗渗水性和断裂强力检测'), quantity: 2 },
      { itemId: item(SCQI, '医用防护口罩过滤效率检测'), quantity: 2 },
    ],
    epidemicRelated: true,
    description: '防护服和防护口罩送检，用于申请医疗器械注册。',
    ...kangningContact,
  });
  await services.serviceRequests.accept(scqiAdmin, garments.id, '样品请于明日上午送至收样室');

  // 6. A bureau's commission (free): 武侯区局 has respirators tested after a complaint.
  await services.serviceRequests.submit(await actor('wh.officer'), {
    institutionId: idOf(SCQI),
    lines: [{ itemId: item(SCQI, '自吸过滤式防颗粒物呼吸器检测'), quantity: 2 }],
    epidemicRelated: false,
    description: '投诉举报涉及的KN95口罩，执法检查委托检验。',
    contactName: '郑凯',
    contactPhone: '028-85000110',
  });
  // On-site service this week: 川计量院 to a hospital and two checkpoints, 闽计量院 to a hospital and the airport.
  const hoursAgo = (h: number) => new Date(Date.now() - h * HOUR_MS).toISOString();
  const scmiReceptionist = await actor('scmi.receptionist');
  const dispatches: [Actor, Parameters<Services['onsite']['record']>[1]][] = [
    [scmiReceptionist, { placeType: 'hospital', placeName: '四川大学华西医院', regionCode: '510107', team: '体温计检定服务队', staff: ['曾伟', '冯涛', '李强'], startsAt: hoursAgo(8), endsAt: hoursAgo(5), note: '发热门诊、预检分诊处体温计现场检定' }],
    [scmiReceptionist, { placeType: 'checkpoint', placeName: '成都双流国际机场T2航站楼测温点', regionCode: '510116', team: '红外测温仪校准小组', staff: ['曾伟', '王丽'], startsAt: hoursAgo(30), endsAt: hoursAgo(27), note: '红外人体测温仪现场校准' }],
    [scmiReceptionist, { placeType: 'checkpoint', placeName: '成都东站进站口测温点', regionCode: '510108', team: '红外测温仪校准小组', staff: ['王丽', '赵军'], startsAt: hoursAgo(26), endsAt: hoursAgo(24), note: '' }],
    [fjmiAdmin, { placeType: 'hospital', placeName: '福建省立医院', regionCode: '350102', team: '医用计量服务队', staff: ['谢宇', '陈晨'], startsAt: hoursAgo(20), endsAt: hoursAgo(17), note: '监护仪、血压计、体温计现场检定' }],
    [fjmiAdmin, { placeType: 'checkpoint', placeName: '福州长乐国际机场测温点', regionCode: '350112', team: '红外测温仪校准小组', staff: ['谢宇'], startsAt: hoursAgo(6), endsAt: hoursAgo(4), note: '' }],
  ];
  for (const [who, body] of dispatches) await services.onsite.record(who, body);

  // Appointments: 川计量院 opens tomorrow morning and an on-site day; 康宁 books online for its waiting request, a hospital by phone.
  const tomorrow = addDays(today, 1);
  const morning = await services.appointments.openSlot(scmiReceptionist, { startsAt: `${tomorrow}T09:00:00+08:00`, endsAt: `${tomorrow}T12:00:00+08:00`, capacity: 10, onSite: false, note: '送检窗口：体温计、血压计' });
  await services.appointments.openSlot(scmiReceptionist, { startsAt: `${addDays(today, 3)}T09:00:00+08:00`, endsAt: `${addDays(today, 3)}T17:00:00+08:00`, capacity: 3, onSite: true, note: '上门检定（成都市区）' });
  await services.appointments.book(kangning, { slotId: morning.id, requestId: waiting.id, contactName: '王芳', contactPhone: '028-85551234', note: '送检体温计40支、红外测温仪12台' });
  await services.appointments.book(scmiReceptionist, { slotId: morning.id, requesterName: '成都市第三人民医院', contactName: '李护士长', contactPhone: '028-61318888', note: '电话预约：监护仪2台' });

  // 康宁's ledger: the e-CQS fields of its infrared thermometer, under the compulsory catalogue.
  const [ir] = await db.select({ id: instruments.id }).from(instruments).where(eq(instruments.serialNumber, 'HWF7-2020-1163'));
  const [thermometerItem] = (await services.metrology.compulsoryCatalogue()).filter((c) => c.item === '体温计');
  await services.metrology.setLedgerDetails(kangning, ir!.id, { category: '体温计', accuracyClass: '±0.2 ℃', location: '厂区南门测温点', purpose: 'medical', quantity: 1, compulsoryItemId: thermometerItem!.id });
  log(`服务目录 ${ITEMS.length} 项，收费减免规则 6 条，服务申请 7 件（1 件超过24小时未响应，1 件部分转介），检定证书 1 份、检定结果通知书 1 份，上门服务 5 次，预约 2 个`);
}
