/**
 * The catalogue of audited actions. An action's meaning never changes; a new
 * meaning gets a new name (or a new version suffix), so old entries stay readable.
 */
export const AUDIT_ACTIONS = {
  'reference.regions_loaded': 'GB/T 2260 行政区划载入',
  'reference.calendar_loaded': '官方节假日载入',
  'auth.login': '登录成功',
  'auth.login_failed': '登录失败',
  'auth.logout': '退出登录',
  'auth.password_changed': '修改密码',
  'org.created': '创建机构',
  'org.updated': '修改机构',
  'user.created': '创建用户',
  'user.updated': '修改用户',
  'user.password_reset': '重置密码',
  'enterprise.created': '登记企业',
  'enterprise.updated': '修改企业',
  'enterprise.imported': '批量导入企业',
  'category.created': '新增产品类别',
  'category.updated': '修改产品类别',
  'institution.created': '登记技术机构',
  'institution.updated': '修改技术机构',
  'institution.scope_added': '新增资质范围',
  'institution.scope_removed': '删除资质范围',
  'instrument.registered': '登记计量器具',
  'instrument.updated': '修改计量器具',
  'instrument.verified': '登记检定/校准记录',
  'calendar.day_set': '设置日历日期',
  'calendar.day_removed': '删除日历日期',
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
