import type { Label } from '@shijian/contracts';

/**
 * Names of audited actions and entity types. The server's catalogue
 * (server/src/platform/audit/actions.ts) is the source; an action missing here
 * is shown by its code, so a new server action never breaks this page.
 */
export const ACTION_LABELS: Record<string, Label> = {
  'reference.regions_loaded': { zh: 'GB/T 2260 行政区划载入', en: 'Regions loaded (GB/T 2260)' },
  'reference.calendar_loaded': { zh: '官方节假日载入', en: 'Official holidays loaded' },
  'auth.login': { zh: '登录成功', en: 'Signed in' },
  'auth.login_failed': { zh: '登录失败', en: 'Sign-in failed' },
  'auth.logout': { zh: '退出登录', en: 'Signed out' },
  'auth.password_changed': { zh: '修改密码', en: 'Password changed' },
  'org.created': { zh: '创建机构', en: 'Organisation created' },
  'org.updated': { zh: '修改机构', en: 'Organisation updated' },
  'user.created': { zh: '创建用户', en: 'User created' },
  'user.updated': { zh: '修改用户', en: 'User updated' },
  'user.password_reset': { zh: '重置密码', en: 'Password reset' },
  'enterprise.created': { zh: '登记企业', en: 'Enterprise registered' },
  'enterprise.updated': { zh: '修改企业', en: 'Enterprise updated' },
  'enterprise.imported': { zh: '批量导入企业', en: 'Enterprises imported' },
  'category.created': { zh: '新增产品类别', en: 'Category created' },
  'category.updated': { zh: '修改产品类别', en: 'Category updated' },
  'institution.created': { zh: '登记技术机构', en: 'Institution registered' },
  'institution.updated': { zh: '修改技术机构', en: 'Institution updated' },
  'institution.scope_added': { zh: '新增资质范围', en: 'Scope added' },
  'institution.scope_removed': { zh: '删除资质范围', en: 'Scope removed' },
  'instrument.registered': { zh: '登记计量器具', en: 'Instrument registered' },
  'instrument.updated': { zh: '修改计量器具', en: 'Instrument updated' },
  'instrument.verified': { zh: '登记检定/校准记录', en: 'Verification recorded' },
  'calendar.day_set': { zh: '设置日历日期', en: 'Calendar day set' },
  'calendar.day_removed': { zh: '删除日历日期', en: 'Calendar day removed' },
};

export const ENTITY_LABELS: Record<string, Label> = {
  org: { zh: '机构', en: 'Organisation' },
  user: { zh: '用户', en: 'User' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  institution: { zh: '技术机构', en: 'Institution' },
  qualification_scope: { zh: '资质范围', en: 'Qualification scope' },
  product_category: { zh: '产品类别', en: 'Product category' },
  calendar_day: { zh: '日历日期', en: 'Calendar day' },
  instrument: { zh: '计量器具', en: 'Instrument' },
  instrument_verification: { zh: '检定/校准记录', en: 'Verification record' },
  region_table: { zh: '行政区划表', en: 'Region table' },
};
