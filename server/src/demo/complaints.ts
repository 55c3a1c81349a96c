import type { Services } from '../modules/index.js';
import { publicActor } from '../platform/actor.js';

/**
 * Complaints and reports (投诉举报): one from the portal about 康宁's masks, waiting at 武侯区局;
 * one taken by phone ten working days ago and still undecided (on the overdue list); one accepted
 * and in mediation; a report turned into a case lead; and one at 福州鼓楼区局.
 */
export async function seedComplaints(services: Services, log: (line: string) => void) {
  const { calendar } = services.deps;
  const actor = (username: string) => services.auth.actorFor(username, { ip: '127.0.0.1', userAgent: 'seed-demo' });
  const [kangning] = (await services.enterprises.list(await actor('sc.admin'), { page: 1, pageSize: 5, sort: 'name', order: 'asc', q: '成都康宁' })).items;
  const base = { complainantName: '刘女士', complainantPhone: '13800000001', targetName: kangning!.name, targetUscc: kangning!.uscc, productCategory: 'mask' };

  await services.complaints.submitPublic(publicActor('127.0.0.1', 'seed-demo'), {
    kind: 'complaint',
    ...base,
    subject: '医用口罩包装无执行标准，佩戴有异味',
    content: '在武侯区一家药店购买的一次性医用口罩（康宁牌），包装上没有执行标准编号，佩戴有刺鼻异味，要求退货。',
    amountYuan: '59.90',
  });

  const wh = await actor('wh.officer');
  const tenDaysAgo = await calendar.addWorkingDays(calendar.today(), -10);
  await services.complaints.intake(wh, {
    kind: 'complaint',
    channel: 'phone',
    complainantName: '张先生',
    complainantPhone: '13900000002',
    targetName: '武侯区某药房',
    targetRegionCode: '510107',
    productCategory: 'ir_thermometer',
    subject: '额温枪读数偏低',
    content: '购买的额温枪读数比医院测量低1℃以上，商家拒绝退换。',
    amountYuan: '129.00',
    receivedOn: tenDaysAgo,
  });

  const mediating = await services.complaints.intake(wh, {
    kind: 'complaint',
    channel: 'visit',
    complainantName: '王女士',
    complainantPhone: '13700000003',
    targetName: kangning!.name,
    targetUscc: kangning!.uscc,
    productCategory: 'protective_suit',
    subject: '防护服接缝开裂',
    content: '单位采购的一次性防护服多件接缝开裂，要求更换。',
    amountYuan: '2400.00',
  });
  await services.complaints.accept(wh, mediating.id, { note: '符合受理条件，约双方于下周调解' });

  const report = await services.complaints.intake(wh, {
    kind: 'report',
    channel: 'letter',
    ...base,
    complainantName: '匿名职工',
    complainantPhone: '02800000000',
    subject: '举报使用不合格熔喷布生产口罩',
    content: '举报人称该公司近期采购无合格证明的熔喷布用于生产医用口罩。',
  });
  await services.complaints.openLead(wh, report.id, { violationCategory: 'quality', summary: '举报康宁公司使用无合格证明熔喷布生产医用口罩，需现场核查原料进货记录' });

  await services.complaints.intake(await actor('fz.officer'), {
    kind: 'complaint',
    channel: 'phone',
    complainantName: '林先生',
    complainantPhone: '13600000004',
    targetName: '福州鼓楼小林口罩加工店',
    targetRegionCode: '350102',
    productCategory: 'mask',
    subject: '口罩标注KN95但无检测报告',
    content: '购买的口罩标注KN95，商家无法出示检测报告。',
  });
  log('投诉举报 5 件（1 件超过受理期限，1 件调解中，1 件举报已转案件线索）');
}
