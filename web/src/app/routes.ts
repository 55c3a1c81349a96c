import type { Label } from '@shijian/contracts';
import type { Permission, Who } from './permissions';
import { can } from './permissions';

/**
 * The pages of the signed-in app: one table drives both the router's guards and
 * the side menu, so a page the user may not open is never offered.
 */
export type PageKey = 'home' | 'enterprises' | 'institutions' | 'categories' | 'orgs' | 'users' | 'calendar' | 'audit';

export type PageDef = {
  key: PageKey;
  path: string;
  label: Label;
  group: 'main' | 'registry' | 'admin';
  /** Any one of these is enough; none means every signed-in user. */
  anyOf?: Permission[];
};

export const PAGES: PageDef[] = [
  { key: 'home', path: '/', label: { zh: '工作台', en: 'Overview' }, group: 'main' },
  { key: 'enterprises', path: '/enterprises', label: { zh: '企业名录', en: 'Enterprises 企业' }, group: 'registry', anyOf: ['enterprise.read'] },
  { key: 'institutions', path: '/institutions', label: { zh: '技术机构', en: 'Institutions 技术机构' }, group: 'registry', anyOf: ['institution.read'] },
  { key: 'categories', path: '/categories', label: { zh: '产品类别', en: 'Product categories' }, group: 'registry', anyOf: ['enterprise.read', 'category.write'] },
  { key: 'calendar', path: '/calendar', label: { zh: '工作日历', en: 'Working calendar' }, group: 'registry' },
  { key: 'orgs', path: '/orgs', label: { zh: '机构管理', en: 'Organisations 机构' }, group: 'admin', anyOf: ['org.write', 'user.read'] },
  { key: 'users', path: '/users', label: { zh: '用户管理', en: 'Users' }, group: 'admin', anyOf: ['user.read'] },
  { key: 'audit', path: '/audit', label: { zh: '审计日志', en: 'Audit log' }, group: 'admin', anyOf: ['audit.read'] },
];

export const GROUP_LABELS: Record<PageDef['group'], Label> = {
  main: { zh: '工作台', en: 'Overview' },
  registry: { zh: '基础数据', en: 'Reference data' },
  admin: { zh: '系统管理', en: 'Administration' },
};

export function mayOpen(who: Who, page: PageDef): boolean {
  return !page.anyOf || page.anyOf.some((p) => can(who, p));
}

export function pageByKey(key: PageKey): PageDef {
  const page = PAGES.find((p) => p.key === key);
  if (!page) throw new Error(`unknown page ${key}`);
  return page;
}
