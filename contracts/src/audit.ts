/**
 * The catalogue of audited actions and of audited record types, with labels.
 * An action's meaning never changes; a new meaning gets a new name, so old
 * entries stay readable. The server appends only these; the web names them.
 */
import type { Label } from './domain.js';

export const AUDIT_ACTIONS = {
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
  'lab.test_item_created': { zh: '新增检测项目', en: 'Test item created' },
  'lab.test_item_updated': { zh: '修改检测项目', en: 'Test item updated' },
  'lab.sample_received': { zh: '收样', en: 'Sample received' },
  'lab.tests_assigned': { zh: '分配检验任务', en: 'Tests assigned' },
  'lab.result_entered': { zh: '录入检测结果', en: 'Result entered' },
  'lab.result_corrected': { zh: '更正检测结果', en: 'Result corrected' },
  'lab.sample_submitted': { zh: '提交审核', en: 'Submitted for review' },
  'lab.sample_reviewed': { zh: '审核通过', en: 'Reviewed' },
  'lab.sample_returned': { zh: '退回重检', en: 'Returned for rework' },
  'lab.sample_approved': { zh: '批准签发', en: 'Approved' },
  'lab.report_issued': { zh: '签发报告', en: 'Report issued' },
  'lab.report_amended': { zh: '签发更正报告', en: 'Amended report issued' },
  'lab.report_superseded': { zh: '报告被新版本替代', en: 'Report superseded' },
  'lab.report_reopened': { zh: '报告更正：样品重新开启', en: 'Reopened for amendment' },
  'lab.signatory_authorized': { zh: '授权签字人授权', en: 'Signatory authorised' },
  'lab.settings_updated': { zh: '修改实验室设置', en: 'Lab settings updated' },
  'calendar.day_set': { zh: '设置日历日期', en: 'Calendar day set' },
  'calendar.day_removed': { zh: '删除日历日期', en: 'Calendar day removed' },
} as const satisfies Record<string, Label>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ENTITY_TYPES = {
  region_table: { zh: '行政区划表', en: 'Region table' },
  calendar_day: { zh: '日历日期', en: 'Calendar day' },
  org: { zh: '机构', en: 'Organisation' },
  user: { zh: '用户', en: 'User' },
  product_category: { zh: '产品类别', en: 'Product category' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  institution: { zh: '技术机构', en: 'Institution' },
  qualification_scope: { zh: '资质范围', en: 'Qualification scope' },
  instrument: { zh: '计量器具', en: 'Instrument' },
  instrument_verification: { zh: '检定/校准记录', en: 'Verification record' },
  test_item: { zh: '检测项目', en: 'Test item' },
  sample: { zh: '样品', en: 'Sample' },
  test_result: { zh: '检测结果', en: 'Test result' },
  sample_event: { zh: '样品流转记录', en: 'Sample workflow step' },
  signatory_authorization: { zh: '签字授权', en: 'Signatory authorisation' },
  lab_settings: { zh: '实验室设置', en: 'Lab settings' },
  report: { zh: '检验检测报告', en: 'Test report' },
} as const satisfies Record<string, Label>;

export type AuditEntityType = keyof typeof AUDIT_ENTITY_TYPES;
