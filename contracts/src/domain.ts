import { z } from 'zod';

/** Domain enums with their Chinese and English labels: one list used by server, web and docs. */

export type Label = { zh: string; en: string };

export const ORG_KINDS = ['platform', 'regulator', 'institution', 'enterprise'] as const;
export const OrgKind = z.enum(ORG_KINDS);
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABELS: Record<OrgKind, Label> = {
  platform: { zh: '平台运营', en: 'Platform' },
  regulator: { zh: '监管部门', en: 'Regulator' },
  institution: { zh: '技术机构', en: 'Institution' },
  enterprise: { zh: '企业', en: 'Enterprise' },
};

export const REGULATOR_LEVELS = ['national', 'province', 'city', 'county'] as const;
export const RegulatorLevel = z.enum(REGULATOR_LEVELS);
export type RegulatorLevel = (typeof REGULATOR_LEVELS)[number];
export const REGULATOR_LEVEL_LABELS: Record<RegulatorLevel, Label> = {
  national: { zh: '总局', en: 'National' },
  province: { zh: '省局', en: 'Province' },
  city: { zh: '市局', en: 'City' },
  county: { zh: '县局', en: 'County' },
};

export const ROLES = [
  'platform_admin',
  'regulator_admin',
  'officer',
  'statistician',
  'leader',
  'institution_admin',
  'receptionist',
  'tester',
  'reviewer',
  'signatory',
  'enterprise_user',
] as const;
export const Role = z.enum(ROLES);
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, Label> = {
  platform_admin: { zh: '平台管理员', en: 'Platform admin' },
  regulator_admin: { zh: '监管部门管理员', en: 'Regulator admin' },
  officer: { zh: '执法人员', en: 'Officer' },
  statistician: { zh: '统计人员', en: 'Statistician' },
  leader: { zh: '分管领导', en: 'Leader' },
  institution_admin: { zh: '机构管理员', en: 'Institution admin' },
  receptionist: { zh: '收样员', en: 'Receptionist' },
  tester: { zh: '检验员', en: 'Tester' },
  reviewer: { zh: '审核员', en: 'Reviewer' },
  signatory: { zh: '授权签字人', en: 'Authorised signatory' },
  enterprise_user: { zh: '企业用户', en: 'Enterprise user' },
};
/** Which roles a user of each kind of org may hold. */
export const ROLES_BY_ORG_KIND: Record<OrgKind, readonly Role[]> = {
  platform: ['platform_admin'],
  regulator: ['regulator_admin', 'officer', 'statistician', 'leader'],
  institution: ['institution_admin', 'receptionist', 'tester', 'reviewer', 'signatory'],
  enterprise: ['enterprise_user'],
};

export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export const EnterpriseSize = z.enum(ENTERPRISE_SIZES);
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
export const ENTERPRISE_SIZE_LABELS: Record<EnterpriseSize, Label> = {
  micro: { zh: '微型', en: 'Micro' },
  small: { zh: '小型', en: 'Small' },
  medium: { zh: '中型', en: 'Medium' },
  large: { zh: '大型', en: 'Large' },
};

export const INSTITUTION_KINDS = ['testing', 'metrology', 'special_equipment', 'standards'] as const;
export const InstitutionKind = z.enum(INSTITUTION_KINDS);
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const INSTITUTION_KIND_LABELS: Record<InstitutionKind, Label> = {
  testing: { zh: '检验检测', en: 'Inspection & testing' },
  metrology: { zh: '计量检定校准', en: 'Metrology' },
  special_equipment: { zh: '特种设备检验', en: 'Special equipment' },
  standards: { zh: '标准咨询', en: 'Standards consulting' },
};

export const CATEGORY_GROUPS = ['epidemic', 'general'] as const;
export const CategoryGroup = z.enum(CATEGORY_GROUPS);
export type CategoryGroup = (typeof CATEGORY_GROUPS)[number];
export const CATEGORY_GROUP_LABELS: Record<CategoryGroup, Label> = {
  epidemic: { zh: '防疫物资', en: 'Epidemic materials' },
  general: { zh: '一般产品', en: 'General products' },
};

export const CALENDAR_DAY_KINDS = ['holiday', 'workday'] as const;
export const CalendarDayKind = z.enum(CALENDAR_DAY_KINDS);
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];
export const CALENDAR_DAY_KIND_LABELS: Record<CalendarDayKind, Label> = {
  holiday: { zh: '法定节假日', en: 'Public holiday' },
  workday: { zh: '调休上班日', en: 'Make-up workday' },
};

/** Password policy, shared so the form and the server say the same thing. */
export const PASSWORD_MIN_LENGTH = 10;
export function passwordProblems(password: string, username?: string): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`密码至少${PASSWORD_MIN_LENGTH}位`);
  if (password.length > 128) problems.push('密码不能超过128位');
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) problems.push('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    problems.push('密码不能包含用户名');
  }
  return problems;
}

export const INSTRUMENT_STATUSES = ['in_use', 'suspended', 'retired'] as const;
export const InstrumentStatus = z.enum(INSTRUMENT_STATUSES);
export type InstrumentStatus = (typeof INSTRUMENT_STATUSES)[number];
export const INSTRUMENT_STATUS_LABELS: Record<InstrumentStatus, Label> = {
  in_use: { zh: '在用', en: 'In use' },
  suspended: { zh: '停用', en: 'Suspended' },
  retired: { zh: '报废', en: 'Retired' },
};

export const VERIFICATION_KINDS = ['verification', 'calibration'] as const;
export const VerificationKind = z.enum(VERIFICATION_KINDS);
export type VerificationKind = (typeof VERIFICATION_KINDS)[number];
export const VERIFICATION_KIND_LABELS: Record<VerificationKind, Label> = {
  verification: { zh: '检定', en: 'Verification' },
  calibration: { zh: '校准', en: 'Calibration' },
};
