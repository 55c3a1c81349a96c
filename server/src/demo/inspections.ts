import { eq, inArray } from 'drizzle-orm';
import type { RiskTier, Role } from '@shijian/contracts';
import type { Services } from '../modules/index.js';
import { orgs, users } from '../modules/identity/tables.js';
import { enterprises } from '../modules/registry/tables.js';
import { systemActor } from '../platform/actor.js';
import { DEMO_PASSWORD } from './seed.js';

/** More officers, so a city's draw has at least two eligible inspectors for every county. */
export const INSPECTION_ACCOUNTS: { username: string; displayName: string; roles: Role[]; org: string }[] = [
  { username: 'cd.admin', displayName: '成都市局管理员 刘洋', roles: ['regulator_admin'], org: '成都市市场监督管理局' },
  { username: 'cd.inspector', displayName: '成都市局执法人员 陈晨', roles: ['officer'], org: '成都市市场监督管理局' },
  { username: 'wh.inspector', displayName: '武侯区局执法人员 许可', roles: ['officer'], org: '成都市武侯区市场监督管理局' },
  { username: 'jj.inspector', displayName: '锦江区局执法人员 宋佳', roles: ['officer'], org: '成都市锦江区市场监督管理局' },
];

/** [username, enforcement ID, fields] */
const ROSTER: [string, string, string[]][] = [
  ['cd.officer', '51010021001', ['产品质量', '计量']],
  ['cd.inspector', '51010021002', ['产品质量', '认证检验检测']],
  ['wh.officer', '51010721001', ['产品质量']],
  ['wh.inspector', '51010721002', ['产品质量', '计量']],
  ['jj.officer', '51010421001', ['产品质量', '认证检验检测']],
  ['jj.inspector', '51010421002', ['产品质量']],
  ['fz.officer', '35010021001', ['产品质量']],
  ['yt.officer', '61011321001', ['产品质量', '特种设备']],
];

/** [enterprise, tier, basis] */
const TIERS: [string, RiskTier, string][] = [
  ['成都康宁医疗用品有限公司', 'high', '上年度监督抽查口罩过滤效率不合格'],
  ['成都蜀安防护科技有限公司', 'elevated', '熔喷布原料来源变更，投诉2起'],
  ['四川天府生物检测试剂有限公司', 'general', '信用风险分类：一般'],
  ['成都锦城建材有限公司', 'low', '连续三年抽查合格，无投诉'],
  ['福建闽康卫材有限公司', 'high', '出口转内销口罩，标签不规范'],
  ['福州鼓楼小林口罩加工店', 'elevated', '个体工商户，无检验能力'],
];

/** The inspector roster, risk tiers, a conflict and a published double-random draw of 成都市 with some results. */
export async function seedInspections(services: Services, log: (line: string) => void) {
  const actor = systemActor('seed-demo');
  const { db, calendar } = services.deps;
  const today = calendar.today();

  for (const account of INSPECTION_ACCOUNTS) {
    const [org] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.name, account.org));
    await services.users.create(
      actor,
      { username: account.username, displayName: account.displayName, roles: account.roles, orgId: org!.id, password: DEMO_PASSWORD },
      { mustChangePassword: false },
    );
  }

  const accounts = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ROSTER.map(([u]) => u)));
  const userId = new Map(accounts.map((a) => [a.username, a.id]));
  const usernameOf = new Map(accounts.map((a) => [a.id, a.username]));
  for (const [username, enforcementId, fields] of ROSTER) {
    await services.inspections.saveInspector(actor, userId.get(username)!, { enforcementId, fields, active: true });
  }

  const named = await db
    .select({ id: enterprises.id, name: enterprises.name })
    .from(enterprises)
    .where(inArray(enterprises.name, TIERS.map(([n]) => n)));
  const enterpriseId = new Map(named.map((e) => [e.name, e.id]));
  for (const [name, tier, basis] of TIERS) {
    await services.inspections.setTier(actor, enterpriseId.get(name)!, { tier, basis, assessedOn: today });
  }
  await services.inspections.declareConflict(actor, {
    inspectorUserId: userId.get('cd.inspector')!,
    enterpriseId: enterpriseId.get('成都康宁医疗用品有限公司')!,
    reason: '近亲属在该企业任职',
  });

  const client = { ip: null, userAgent: 'seed-demo' };
  const cdAdmin = await services.auth.actorFor('cd.admin', client);
  const drawn = await services.inspections.create(cdAdmin, {
    name: '2026年成都市防疫用品生产企业双随机抽查（第一批）',
    mode: 'ratio',
    ratios: { high: 0.3, elevated: 0.1, general: 0.02, low: 0.01 },
    inspectorsPerTarget: 2,
    excludeOwnCounty: true,
  });
  // The first two targets have their results in, the rest are still in officers' queues.
  for (const target of drawn.targets.slice(0, 2)) {
    const inspector = await services.auth.actorFor(usernameOf.get(target.inspectors[0]!.userId)!, client);
    await services.inspections.recordResult(inspector, target.id, {
      outcome: target.position === 0 ? 'problems_rectified' : 'no_problem',
      inspectedOn: today,
      note: target.position === 0 ? '产品标签未标注执行标准，已责令限期整改' : '',
    });
  }
  await services.inspections.publish(cdAdmin, drawn.id);
  log(`双随机：执法检查人员 ${ROSTER.length} 名，抽查对象 ${drawn.targets.length} 户（已公示）`);
}
