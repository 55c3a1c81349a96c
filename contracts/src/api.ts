/**
 * Request and response schemas of the HTTP API. The server validates with them
 * (and generates OpenAPI from them); the web types its client and forms with them.
 */
import { z } from 'zod';
import { checkUscc } from './uscc.js';
import { REGION_CODE_PATTERN } from './regions.js';
import {
  CalendarDayKind,
  CategoryGroup,
  EnterpriseSize,
  InstitutionKind,
  InstrumentStatus,
  OrgKind,
  RegulatorLevel,
  Role,
  VerificationKind,
  passwordProblems,
} from './domain.js';

// ---------- building blocks ----------

export const Id = z.uuid({ message: '无效的编号' });
export const IdParams = z.object({ id: Id });
export const IsoDateTime = z.string().describe('ISO 8601 timestamp');
/** A timestamp the caller sends (a filter bound): ISO 8601 with a four-digit year, and a time that exists. */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
export const IsoDateTimeInput = z
  .string()
  .regex(ISO_DATE_TIME, { message: '时间格式应为 ISO 8601' })
  .refine((v) => !ISO_DATE_TIME.test(v) || !Number.isNaN(Date.parse(v)), { message: '时间不存在' })
  .describe('ISO 8601 timestamp');
/** A calendar date as YYYY-MM-DD that exists (2026-02-30 does not). */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD' })
  .refine(
    (v) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return true;
      // A month or day out of range (2026-13-01) is an Invalid Date, whose toISOString() throws.
      const date = new Date(`${v}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(v);
    },
    { message: '日期不存在' },
  );

export const RegionCode = z
  .string({ error: (issue) => (issue.input === undefined ? '请选择所在地区' : '行政区划代码应为6位数字') })
  .trim()
  .regex(REGION_CODE_PATTERN, { message: '行政区划代码应为6位数字' });

export const Uscc = z
  .string({ error: (issue) => (issue.input === undefined ? '请填写统一社会信用代码' : '统一社会信用代码应为文本') })
  .trim()
  .superRefine((value, ctx) => {
    const problem = checkUscc(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } });
  });

/** A required string with messages that name the field, including when it is missing altogether. */
export const text = (max: number, label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `请填写${label}` : `${label}应为文本`) })
    .trim()
    .min(1, { message: `请填写${label}` })
    .max(max, { message: `${label}不能超过${max}个字符` });
export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(['asc', 'desc']).default('asc'),
});

export function paged<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export type Paged<T> = { items: T[]; total: number; page: number; pageSize: number };

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
/** details of a VALIDATION_FAILED error: one entry per offending field. */
export type FieldError = { field: string; message: string; code?: string };

export const OkBody = z.object({ ok: z.literal(true) });


// ---------- auth ----------

export const LoginBody = z.object({
  username: z.string().trim().min(1, { message: '请输入用户名' }).max(64),
  password: z.string().min(1, { message: '请输入密码' }).max(128),
});

export const ScopeView = z.object({
  kind: z.enum(['all', 'region', 'org']),
  regionCode: z.string().nullable(),
  orgId: z.string().nullable(),
  label: z.string(),
});

export const SessionView = z.object({
  user: z.object({
    id: Id,
    username: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    mustChangePassword: z.boolean(),
  }),
  org: z.object({
    id: Id,
    name: z.string(),
    kind: OrgKind,
    level: RegulatorLevel.nullable(),
    regionCode: z.string().nullable(),
  }),
  scope: ScopeView,
  csrfToken: z.string(),
});
export type SessionView = z.infer<typeof SessionView>;

export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(128), newPassword: z.string().max(128) })
  .superRefine((v, ctx) => {
    for (const message of passwordProblems(v.newPassword)) ctx.addIssue({ code: 'custom', path: ['newPassword'], message });
    if (v.newPassword === v.currentPassword) ctx.addIssue({ code: 'custom', path: ['newPassword'], message: '新密码不能与当前密码相同' });
  });

// ---------- regions ----------

export const RegionView = z.object({
  code: z.string(),
  name: z.string(),
  level: z.number().int(),
  parentCode: z.string().nullable(),
  hasChildren: z.boolean(),
});
export type RegionView = z.infer<typeof RegionView>;
export const RegionListQuery = z.object({
  parent: RegionCode.optional().describe('omit for provinces'),
});
export const RegionCodeParams = z.object({ code: RegionCode });
export const RegionPathView = z.object({ path: z.array(RegionView) });

// ---------- orgs ----------

export const OrgView = z.object({
  id: Id,
  name: z.string(),
  kind: OrgKind,
  level: RegulatorLevel.nullable(),
  regionCode: z.string().nullable(),
  regionName: z.string().nullable(),
  parentId: Id.nullable(),
  userCount: z.number().int(),
  createdAt: IsoDateTime,
});
export type OrgView = z.infer<typeof OrgView>;
export const OrgListQuery = PageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(1000).default(1000),
  kind: OrgKind.optional(),
  q: z.string().trim().max(100).optional(),
});
/** Creates a regulator (bureau) below another; institutions are registered through /api/institutions. */
export const OrgCreateBody = z.object({
  name: text(100, '机构名称'),
  level: z.enum(['province', 'city', 'county']),
  regionCode: RegionCode,
  parentId: Id,
});
export const OrgUpdateBody = z.object({ name: text(100, '机构名称') });

// ---------- users ----------

export const UserView = z.object({
  id: Id,
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  roles: z.array(Role),
  orgId: Id,
  orgName: z.string(),
  orgKind: OrgKind,
  disabled: z.boolean(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});
export type UserView = z.infer<typeof UserView>;
export const UserListQuery = PageQuery.extend({
  sort: z.enum(['username', 'displayName', 'createdAt', 'lastLoginAt']).default('username'),
  q: z.string().trim().max(100).optional(),
  orgId: Id.optional(),
  role: Role.optional(),
});
export const UserCreateBody = z.object({
  username: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, { message: '用户名须为3-32位小写字母、数字、下划线、点或连字符，以字母开头' }),
  displayName: text(50, '姓名'),
  phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/, { message: '电话号码格式不正确' }).optional(),
  orgId: Id,
  roles: z.array(Role).min(1, { message: '请至少选择一个角色' }),
  password: z.string().max(128),
});
export const UserUpdateBody = z.object({
  displayName: text(50, '姓名').optional(),
  phone: z.string().trim().regex(/^[0-9+\-\s]{5,20}$/, { message: '电话号码格式不正确' }).nullable().optional(),
  roles: z.array(Role).min(1, { message: '请至少选择一个角色' }).optional(),
  disabled: z.boolean().optional(),
});
export const ResetPasswordBody = z.object({ newPassword: z.string().max(128) });

// ---------- product categories ----------

export const ProductCategoryView = z.object({
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  group: CategoryGroup,
  sortOrder: z.number().int(),
  active: z.boolean(),
  /** Enterprises producing it, nationwide; only when asked for (`counts=true`): it scans every enterprise's categories. */
  enterpriseCount: z.number().int().nullable(),
});
export type ProductCategoryView = z.infer<typeof ProductCategoryView>;
export const ProductCategoryListQuery = z.object({ counts: z.enum(['true', 'false'], { message: 'counts 应为 true 或 false' }).optional() });
export const CategoryCodeParams = z.object({ code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, { message: '类别代码须为小写字母、数字和下划线' }) });
export const ProductCategoryCreateBody = z.object({
  code: CategoryCodeParams.shape.code,
  name: text(50, '类别名称'),
  nameEn: text(80, '英文名称'),
  group: CategoryGroup,
  sortOrder: z.number().int().min(0).max(10_000).default(100),
});
export const ProductCategoryUpdateBody = z.object({
  name: text(50, '类别名称').optional(),
  nameEn: text(80, '英文名称').optional(),
  group: CategoryGroup.optional(),
  sortOrder: z.number().int().min(0).max(10_000).optional(),
  active: z.boolean().optional(),
});

// ---------- enterprises ----------

export const EnterpriseView = z.object({
  id: Id,
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  legalRepresentative: z.string(),
  size: EnterpriseSize,
  categories: z.array(z.string()),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type EnterpriseView = z.infer<typeof EnterpriseView>;
export const EnterpriseListQuery = PageQuery.extend({
  sort: z.enum(['name', 'uscc', 'regionCode', 'createdAt']).default('name'),
  q: z.string().trim().max(100).optional().describe('name prefix, or a USCC prefix'),
  regionCode: RegionCode.optional().describe('narrow to a region subtree inside the caller scope'),
  size: EnterpriseSize.optional(),
  category: z.string().max(40).optional(),
});
/** Counting a national registry exactly costs more than the page itself: beyond this the total says "at least". */
export const ENTERPRISE_COUNT_CAP = 10_000;
export const EnterprisePage = paged(EnterpriseView).extend({
  totalCapped: z.boolean().describe(`true when there are more than ${ENTERPRISE_COUNT_CAP} matches; total is then the cap`),
});

/** Enterprises in scope per product kind (one enterprise counts once per kind it makes). */
export const EnterpriseCategoryCounts = z.array(z.object({ category: z.string(), count: z.number().int() }));

export const EnterpriseCreateBody = z.object({
  uscc: Uscc,
  name: text(200, '企业名称'),
  regionCode: RegionCode,
  address: text(300, '地址'),
  legalRepresentative: text(50, '法定代表人'),
  size: EnterpriseSize,
  categories: z.array(z.string().max(40)).max(50).default([]),
});
export const EnterpriseUpdateBody = EnterpriseCreateBody.omit({ uscc: true }).partial();

// ---------- institutions ----------

export const QualificationScopeView = z.object({
  id: Id,
  domain: z.string(),
  parameter: z.string(),
  standard: z.string(),
  categoryCode: z.string().nullable(),
});
export const QualificationScopeBody = z.object({
  domain: text(100, '领域'),
  parameter: text(200, '参数'),
  standard: text(100, '标准'),
  categoryCode: z.string().max(40).nullable().optional(),
});
export const InstitutionView = z.object({
  id: Id,
  orgId: Id,
  name: z.string(),
  kind: InstitutionKind,
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  cmaNumber: z.string().nullable(),
  cmaValidUntil: IsoDate.nullable(),
  cmaValid: z.boolean(),
  domains: z.array(z.string()),
  scopeCount: z.number().int(),
  createdAt: IsoDateTime,
});
export type InstitutionView = z.infer<typeof InstitutionView>;
export const InstitutionDetailView = InstitutionView.extend({ scopes: z.array(QualificationScopeView) });
export const InstitutionListQuery = PageQuery.extend({
  sort: z.enum(['name', 'regionCode', 'cmaValidUntil', 'createdAt']).default('name'),
  q: z.string().trim().max(100).optional(),
  kind: InstitutionKind.optional(),
  regionCode: RegionCode.optional(),
});
export const InstitutionCreateBody = z.object({
  name: text(100, '机构名称'),
  kind: InstitutionKind,
  regionCode: RegionCode,
  address: text(300, '地址'),
  parentOrgId: Id.describe('the supervising regulator'),
  cmaNumber: z.string().trim().regex(/^\d{12}$/, { message: '资质认定证书编号应为12位数字' }).nullable().optional(),
  cmaValidUntil: IsoDate.nullable().optional(),
  domains: z.array(z.string().trim().min(1).max(50)).max(30).default([]),
});
export const InstitutionUpdateBody = InstitutionCreateBody.omit({ parentOrgId: true, regionCode: true }).partial();
export const ScopeIdParams = z.object({ id: Id, scopeId: Id });

// ---------- instruments (the metrology ledger) ----------

export const InstrumentVerificationView = z.object({
  id: Id,
  kind: VerificationKind,
  performedOn: IsoDate,
  validUntil: IsoDate,
  certificateNo: z.string(),
  performedBy: z.string(),
  passed: z.boolean(),
  createdAt: IsoDateTime,
});
export const InstrumentView = z.object({
  id: Id,
  ownerOrgId: Id,
  ownerName: z.string(),
  regionCode: z.string(),
  name: z.string(),
  model: z.string(),
  serialNumber: z.string(),
  manufacturer: z.string(),
  measuringRange: z.string(),
  compulsory: z.boolean(),
  status: InstrumentStatus,
  /** The latest passing verification's end date, and whether it covers today. */
  validUntil: IsoDate.nullable(),
  validToday: z.boolean(),
  /** The most recent verification, passed or not: a failed one takes the instrument out of use. */
  lastVerifiedOn: IsoDate.nullable(),
  lastVerificationPassed: z.boolean().nullable(),
  createdAt: IsoDateTime,
});
export type InstrumentView = z.infer<typeof InstrumentView>;
export const InstrumentDetailView = InstrumentView.extend({ verifications: z.array(InstrumentVerificationView) });
export const InstrumentListQuery = PageQuery.extend({
  sort: z.enum(['name', 'serialNumber', 'validUntil', 'createdAt']).default('name'),
  q: z.string().trim().max(100).optional(),
  ownerOrgId: Id.optional(),
  status: InstrumentStatus.optional(),
  /** Instruments whose verification runs out on or before this date (or never had one). */
  dueBy: IsoDate.optional(),
});
export const InstrumentCreateBody = z.object({
  ownerOrgId: Id.optional().describe('defaults to the caller’s org'),
  name: text(100, '器具名称'),
  model: text(100, '型号规格'),
  serialNumber: text(100, '出厂编号'),
  manufacturer: text(100, '制造单位'),
  measuringRange: z.string().trim().max(100).default(''),
  compulsory: z.boolean().default(false),
});
export const InstrumentUpdateBody = InstrumentCreateBody.omit({ ownerOrgId: true, serialNumber: true })
  .partial()
  .extend({ status: InstrumentStatus.optional() });
export const InstrumentVerificationBody = z
  .object({
    kind: VerificationKind,
    performedOn: IsoDate,
    validUntil: IsoDate,
    certificateNo: text(60, '证书编号'),
    performedBy: text(100, '检定/校准机构'),
    passed: z.boolean(),
  })
  .refine((v) => v.validUntil >= v.performedOn, { path: ['validUntil'], message: '有效期至不能早于检定日期' });

// ---------- calendar ----------

export const CalendarDayView = z.object({
  date: IsoDate,
  kind: CalendarDayKind,
  name: z.string(),
  source: z.enum(['official', 'admin']),
});
export const CalendarQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });
export const CalendarDateParams = z.object({ date: IsoDate });
export const CalendarDayBody = z.object({ kind: CalendarDayKind, name: text(50, '名称') });
export const WorkingDaysQuery = z.object({
  from: IsoDate,
  days: z.coerce.number().int().min(-366).max(366),
});
export const WorkingDaysView = z.object({ from: IsoDate, days: z.number().int(), result: IsoDate });

// ---------- audit ----------

export const AuditEntryView = z.object({
  id: z.string(),
  chainId: z.string(),
  seq: z.number().int(),
  at: IsoDateTime,
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorOrgId: z.string().nullable(),
  actorOrgName: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  afterHash: z.string(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;
export const AuditListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  action: z.string().max(64).optional(),
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  actorUserId: Id.optional(),
  from: IsoDateTimeInput.optional(),
  to: IsoDateTimeInput.optional(),
});
export const AuditVerifyView = z.object({
  ok: z.boolean(),
  chains: z.number().int(),
  entries: z.number().int(),
  problems: z.array(z.object({ kind: z.string(), chainId: z.string(), seq: z.number().int().nullable(), entityType: z.string().nullable(), entityId: z.string().nullable(), message: z.string() })),
});
