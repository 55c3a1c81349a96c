import type { Label } from '@shijian/contracts';
import type { Permission, Who } from './permissions';
import { can } from './permissions';

/**
 * The pages of the signed-in app: one table drives both the router's guards and
 * the side menu, so a page the user may not open is never offered.
 */
export type PageKey =
  | 'home'
  | 'labQueue'
  | 'samples'
  | 'reports'
  | 'catalogue'
  | 'campaigns'
  | 'screenings'
  | 'problems'
  | 'sampling'
  | 'inspections'
  | 'oversight'
  | 'cases'
  | 'caseDeadlines'
  | 'credit'
  | 'complaints'
  | 'recalls'
  | 'riskDashboard'
  | 'riskWarnings'
  | 'publicity'
  | 'statReports'
  | 'reportTemplates'
  | 'enterprises'
  | 'institutions'
  | 'instruments'
  | 'categories'
  | 'orgs'
  | 'users'
  | 'calendar'
  | 'audit';

export const PAGE_GROUPS = ['main', 'supervision', 'enforcement', 'risk', 'statistics', 'lab', 'registry', 'admin'] as const;
export type PageGroup = (typeof PAGE_GROUPS)[number];

export type PageDef = {
  key: PageKey;
  path: string;
  label: Label;
  group: PageGroup;
  /** Any one of these is enough; none means every signed-in user. */
  anyOf?: Permission[];
};

export const PAGES: PageDef[] = [
  // Institution staff land on their work queue instead (App.tsx redirects '/').
  { key: 'home', path: '/', label: { zh: '工作台', en: 'Overview' }, group: 'main', anyOf: ['overview'] },
  { key: 'labQueue', path: '/lab/queue', label: { zh: '我的待办', en: 'My work queue' }, group: 'main', anyOf: ['lab.staff'] },
  { key: 'samples', path: '/lab/samples', label: { zh: '样品', en: 'Samples 样品' }, group: 'lab', anyOf: ['lab.sample.read'] },
  { key: 'reports', path: '/lab/reports', label: { zh: '检验报告', en: 'Test reports 报告' }, group: 'lab', anyOf: ['lab.sample.read'] },
  { key: 'catalogue', path: '/lab/catalogue', label: { zh: '检测项目目录', en: 'Test catalogue' }, group: 'lab', anyOf: ['lab.staff'] },
  { key: 'campaigns', path: '/supervision/campaigns', label: { zh: '专项整治行动', en: 'Campaigns 专项整治' }, group: 'supervision', anyOf: ['campaign.read'] },
  { key: 'screenings', path: '/supervision/campaigns/screenings', label: { zh: '生产企业排查', en: 'Screening 排查' }, group: 'supervision', anyOf: ['campaign.read'] },
  { key: 'problems', path: '/supervision/campaigns/problems', label: { zh: '问题清单台账', en: 'Problem ledger 问题清单' }, group: 'supervision', anyOf: ['campaign.read'] },
  { key: 'sampling', path: '/supervision/sampling', label: { zh: '监督抽查', en: 'Supervision sampling 抽查' }, group: 'supervision', anyOf: ['sampling.read'] },
  { key: 'inspections', path: '/supervision/inspections', label: { zh: '双随机抽查', en: 'Double-random inspections 双随机' }, group: 'supervision', anyOf: ['inspection.read'] },
  { key: 'oversight', path: '/supervision/oversight', label: { zh: '检验检测机构检查', en: 'Checks of testing institutions 机构检查' }, group: 'supervision', anyOf: ['oversight.read'] },
  { key: 'cases', path: '/enforcement/cases', label: { zh: '案件', en: 'Cases 案件' }, group: 'enforcement', anyOf: ['case.read'] },
  { key: 'caseDeadlines', path: '/enforcement/deadlines', label: { zh: '办案期限', en: 'Case deadlines 期限' }, group: 'enforcement', anyOf: ['case.read'] },
  { key: 'credit', path: '/enforcement/credit', label: { zh: '严重违法失信名单', en: 'Dishonesty list 失信名单' }, group: 'enforcement', anyOf: ['credit.read'] },
  { key: 'complaints', path: '/complaints', label: { zh: '投诉举报', en: 'Complaints and reports 投诉举报' }, group: 'risk', anyOf: ['complaint.read'] },
  { key: 'recalls', path: '/recalls', label: { zh: '缺陷召回', en: 'Defect recall 召回' }, group: 'risk', anyOf: ['recall.read'] },
  { key: 'riskDashboard', path: '/risk', label: { zh: '风险监测', en: 'Risk monitoring 风险监测' }, group: 'risk', anyOf: ['risk.read'] },
  { key: 'riskWarnings', path: '/risk/warnings', label: { zh: '风险预警', en: 'Risk warnings 预警' }, group: 'risk', anyOf: ['risk.read'] },
  { key: 'publicity', path: '/publicity', label: { zh: '门户发布', en: 'Portal publishing 门户发布' }, group: 'risk', anyOf: ['publicity.write'] },
  { key: 'statReports', path: '/reports', label: { zh: '报表', en: 'Reports 报表' }, group: 'statistics', anyOf: ['report.read'] },
  { key: 'reportTemplates', path: '/reports/templates', label: { zh: '模板管理', en: 'Templates 模板管理' }, group: 'statistics', anyOf: ['report.template'] },
  { key: 'enterprises', path: '/enterprises', label: { zh: '企业名录', en: 'Enterprises 企业' }, group: 'registry', anyOf: ['enterprise.read'] },
  { key: 'institutions', path: '/institutions', label: { zh: '技术机构', en: 'Institutions 技术机构' }, group: 'registry', anyOf: ['institution.read'] },
  { key: 'instruments', path: '/instruments', label: { zh: '计量器具台账', en: 'Instrument ledger' }, group: 'registry', anyOf: ['instrument.read'] },
  { key: 'categories', path: '/categories', label: { zh: '产品类别', en: 'Product categories' }, group: 'registry', anyOf: ['enterprise.read', 'category.write'] },
  { key: 'calendar', path: '/calendar', label: { zh: '工作日历', en: 'Working calendar' }, group: 'registry' },
  { key: 'orgs', path: '/orgs', label: { zh: '机构管理', en: 'Organisations 机构' }, group: 'admin', anyOf: ['org.write', 'user.read'] },
  { key: 'users', path: '/users', label: { zh: '用户管理', en: 'Users' }, group: 'admin', anyOf: ['user.read'] },
  { key: 'audit', path: '/audit', label: { zh: '审计日志', en: 'Audit log' }, group: 'admin', anyOf: ['audit.read'] },
];

export const GROUP_LABELS: Record<PageGroup, Label> = {
  main: { zh: '工作台', en: 'Overview' },
  supervision: { zh: '监督检查', en: 'Supervision' },
  enforcement: { zh: '执法与信用', en: 'Enforcement and credit' },
  risk: { zh: '风险与公众', en: 'Risk and the public' },
  statistics: { zh: '统计报表', en: 'Statistics 统计报表' },
  lab: { zh: '检验检测', en: 'Laboratory' },
  registry: { zh: '基础数据', en: 'Reference data' },
  admin: { zh: '系统管理', en: 'Administration' },
};

export function mayOpen(who: Who, page: PageDef): boolean {
  return !page.anyOf || page.anyOf.some((p) => can(who, p));
}

/**
 * The page a path belongs to: /institutions/abc belongs to 技术机构. The most specific
 * path wins, so /reports/templates/new is 模板管理 (and guarded as such), not 报表.
 */
export function pageOfPath(pathname: string): PageDef | undefined {
  let best: PageDef | undefined;
  for (const p of PAGES) {
    const matches = p.path === '/' ? pathname === '/' : pathname === p.path || pathname.startsWith(`${p.path}/`);
    if (matches && (!best || p.path.length > best.path.length)) best = p;
  }
  return best;
}

export function pageByKey(key: PageKey): PageDef {
  const page = PAGES.find((p) => p.key === key);
  if (!page) throw new Error(`unknown page ${key}`);
  return page;
}
