/**
 * Request and response schemas of the campaigns module (vocabulary in supervision.ts):
 * special campaigns (专项整治行动), producer screening (排查) with rectification,
 * bulk import of screenings from .xlsx, and the problem ledger (问题清单台账).
 */
import { z } from 'zod';
import type { Label } from './domain.js';
import { Id, IsoDateTime, PageQuery, RegionCode, Uscc, text } from './api.js';
import { ProblemStatus, RectificationStatus, ScreeningResult } from './supervision.js';

/** A calendar date that exists ('2020-02-30' does not). */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** A required date with a message naming the field. */
export const dateOf = (label: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? `请填写${label}` : `${label}应为日期`) })
    .refine(isRealDate, { message: `${label}不是有效日期（格式 YYYY-MM-DD）` });

/** The national lead department has no region: its campaigns carry this code and are seen by every regulator. */
export const NATIONAL_REGION_CODE = '000000';

/** Where a campaign stands on a given day. */
export const CAMPAIGN_PHASES = ['upcoming', 'ongoing', 'ended'] as const;
export const CampaignPhase = z.enum(CAMPAIGN_PHASES);
export type CampaignPhase = (typeof CAMPAIGN_PHASES)[number];
export const CAMPAIGN_PHASE_LABELS: Record<CampaignPhase, Label> = {
  upcoming: { zh: '未开始', en: 'Upcoming' },
  ongoing: { zh: '进行中', en: 'Ongoing' },
  ended: { zh: '已结束', en: 'Ended' },
};

// ---------- campaigns ----------

export const CampaignCounts = z.object({
  screenings: z.number().int(),
  nonconforming: z.number().int(),
  pendingRectification: z.number().int(),
  overdueRectification: z.number().int(),
  problems: z.number().int(),
  openProblems: z.number().int(),
  overdueProblems: z.number().int(),
});
export type CampaignCounts = z.infer<typeof CampaignCounts>;

export const CampaignView = z.object({
  id: Id,
  name: z.string(),
  leadOrgId: Id,
  leadOrgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  phase: CampaignPhase,
  categories: z.array(z.string()),
  areaCodes: z.array(z.string()),
  areaNames: z.array(z.string()),
  memberDepartments: z.array(z.string()),
  description: z.string(),
  /** Whether the caller may edit it: the lead department or a bureau above it, with the campaign.write role. */
  editable: z.boolean(),
  /** Counts over the screenings and problems in the caller's scope. */
  counts: CampaignCounts,
  createdAt: IsoDateTime,
});
export type CampaignView = z.infer<typeof CampaignView>;

/**
 * Per product category, the three producer-screening columns of the weekly table
 * (seed 002): enterprises screened, nonconforming, rectified. An enterprise
 * making several kinds counts once per kind.
 */
export const CampaignCategoryRow = z.object({
  category: z.string(),
  enterprises: z.number().int(),
  nonconformingEnterprises: z.number().int(),
  rectifiedEnterprises: z.number().int(),
});
export const CampaignDetailView = CampaignView.extend({ byCategory: z.array(CampaignCategoryRow) });
export type CampaignDetailView = z.infer<typeof CampaignDetailView>;

export const CampaignListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  sort: z.enum(['startsOn', 'name', 'createdAt']).default('startsOn'),
  q: z.string().trim().max(100).optional().describe('part of the name'),
  phase: CampaignPhase.optional(),
  category: z.string().max(40).optional(),
});

const MemberDepartments = z
  .array(z.string().trim().min(1, { message: '成员单位名称不能为空' }).max(100, { message: '成员单位名称不能超过100个字符' }))
  .max(30, { message: '成员单位最多30个' });

const campaignFields = {
  name: text(200, '行动名称'),
  /** Defaults to the caller's own bureau. */
  leadOrgId: Id.optional(),
  startsOn: dateOf('开始日期'),
  endsOn: dateOf('结束日期'),
  categories: z.array(z.string().max(40)).min(1, { message: '请至少选择一个产品类别' }).max(50),
  areaCodes: z.array(RegionCode).max(100).default([]),
  memberDepartments: MemberDepartments.default([]),
  description: z.string().trim().max(2000, { message: '行动说明不能超过2000个字符' }).default(''),
};
const periodInOrder = (v: { startsOn?: string; endsOn?: string }) => !v.startsOn || !v.endsOn || v.endsOn >= v.startsOn;
const periodIssue = { path: ['endsOn'], message: '结束日期不能早于开始日期' };

export const CampaignCreateBody = z.object(campaignFields).refine(periodInOrder, periodIssue);
export const CampaignUpdateBody = z
  .object({
    name: campaignFields.name.optional(),
    leadOrgId: Id.optional(),
    startsOn: campaignFields.startsOn.optional(),
    endsOn: campaignFields.endsOn.optional(),
    categories: campaignFields.categories.optional(),
    areaCodes: z.array(RegionCode).max(100).optional(),
    memberDepartments: MemberDepartments.optional(),
    description: z.string().trim().max(2000, { message: '行动说明不能超过2000个字符' }).optional(),
  })
  .refine(periodInOrder, periodIssue);

// ---------- screenings ----------

export const ScreeningView = z.object({
  id: Id,
  campaignId: Id.nullable(),
  campaignName: z.string().nullable(),
  enterpriseId: Id,
  enterpriseName: z.string(),
  uscc: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  category: z.string(),
  screenedOn: z.string(),
  officers: z.array(z.string()),
  result: ScreeningResult,
  problems: z.string(),
  rectificationStatus: RectificationStatus,
  rectificationDeadline: z.string().nullable(),
  rectifiedOn: z.string().nullable(),
  rectificationNote: z.string().nullable(),
  /** Pending with its deadline passed, on the working calendar's today. */
  overdue: z.boolean(),
  orgId: Id,
  orgName: z.string(),
  createdAt: IsoDateTime,
});
export type ScreeningView = z.infer<typeof ScreeningView>;

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');

export const ScreeningListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  sort: z.enum(['screenedOn', 'rectificationDeadline', 'enterpriseName', 'createdAt']).default('screenedOn'),
  campaignId: Id.optional(),
  enterpriseId: Id.optional(),
  category: z.string().max(40).optional(),
  result: ScreeningResult.optional(),
  rectificationStatus: RectificationStatus.optional(),
  overdue: booleanQuery.optional().describe('true: pending rectifications past their deadline'),
  q: z.string().trim().max(100).optional().describe('enterprise name prefix, or a USCC prefix'),
  regionCode: RegionCode.optional().describe('narrow to a region subtree inside the caller scope'),
});

/** Officers' names: one to ten people. */
export const OfficerNames = z
  .array(z.string().trim().min(1, { message: '检查人员姓名不能为空' }).max(20, { message: '检查人员姓名不能超过20个字符' }), {
    error: '请填写检查人员',
  })
  .min(1, { message: '请至少填写一名检查人员' })
  .max(10, { message: '检查人员最多10人' });

export const ScreeningCreateBody = z
  .object({
    campaignId: Id.nullable().optional(),
    enterpriseId: Id.optional(),
    /** The enterprise by credit code instead of id. */
    uscc: Uscc.optional(),
    category: z.string({ error: '请选择产品类别' }).min(1, { message: '请选择产品类别' }).max(40),
    screenedOn: dateOf('排查日期'),
    officers: OfficerNames,
    result: ScreeningResult,
    problems: z.string().trim().max(2000, { message: '发现问题不能超过2000个字符' }).default(''),
    rectificationDeadline: dateOf('整改期限').nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.enterpriseId && !v.uscc) ctx.addIssue({ code: 'custom', path: ['enterpriseId'], message: '请选择企业或填写统一社会信用代码' });
    if (v.result === 'nonconforming') {
      if (!v.problems) ctx.addIssue({ code: 'custom', path: ['problems'], message: '排查结果为不合格时，请填写发现的问题' });
      if (!v.rectificationDeadline) ctx.addIssue({ code: 'custom', path: ['rectificationDeadline'], message: '排查结果为不合格时，请填写整改期限' });
      else if (v.rectificationDeadline < v.screenedOn) ctx.addIssue({ code: 'custom', path: ['rectificationDeadline'], message: '整改期限不能早于排查日期' });
    } else if (v.rectificationDeadline) {
      ctx.addIssue({ code: 'custom', path: ['rectificationDeadline'], message: '排查结果为合格时无需填写整改期限' });
    }
  });

export const RectificationBody = z.object({
  rectifiedOn: dateOf('整改完成日期'),
  note: text(2000, '整改情况'),
});

// ---------- bulk import ----------

/** The columns of the producer-list spreadsheet, in template order. */
export const SCREENING_IMPORT_COLUMNS = ['统一社会信用代码', '企业名称', '产品类别', '排查日期', '检查人员', '排查结果', '发现问题', '整改期限'] as const;
export type ScreeningImportColumn = (typeof SCREENING_IMPORT_COLUMNS)[number];
/** Columns that must be present in the header row (企业名称 is a cross-check and may be left out). */
export const SCREENING_IMPORT_REQUIRED_COLUMNS: readonly ScreeningImportColumn[] = ['统一社会信用代码', '产品类别', '排查日期', '检查人员', '排查结果'];
export const SCREENING_IMPORT_MAX_ROWS = 10_000;
export const SCREENING_IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/** One problem in one cell (or row, with column null), by its spreadsheet row number. */
export const ImportRowError = z.object({ row: z.number().int(), column: z.string().nullable(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const IMPORT_JOB_STATUSES = ['running', 'done', 'failed'] as const;
export const ImportJobStatus = z.enum(IMPORT_JOB_STATUSES);
export type ImportJobStatus = (typeof IMPORT_JOB_STATUSES)[number];
export const IMPORT_JOB_STATUS_LABELS: Record<ImportJobStatus, Label> = {
  running: { zh: '导入中', en: 'Importing' },
  done: { zh: '已完成', en: 'Done' },
  failed: { zh: '导入失败', en: 'Failed' },
};

export const ImportJobView = z.object({
  id: z.string(),
  campaignId: Id,
  fileName: z.string(),
  status: ImportJobStatus,
  total: z.number().int(),
  processed: z.number().int(),
  inserted: z.number().int(),
  errors: z.array(ImportRowError),
  message: z.string().nullable(),
  startedAt: IsoDateTime,
  finishedAt: IsoDateTime.nullable(),
});
export type ImportJobView = z.infer<typeof ImportJobView>;
export const ImportJobParams = z.object({ id: Id, jobId: Id });
export const ImportQuery = z.object({ fileName: z.string().trim().max(200).optional() });

// ---------- the problem ledger ----------

export const ProblemView = z.object({
  id: Id,
  campaignId: Id,
  campaignName: z.string(),
  orgId: Id,
  orgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  problem: z.string(),
  responsibleUnit: z.string(),
  deadline: z.string(),
  status: ProblemStatus,
  measures: z.string(),
  resolvedOn: z.string().nullable(),
  enterpriseId: Id.nullable(),
  enterpriseName: z.string().nullable(),
  /** Not resolved and its deadline passed, on the working calendar's today. */
  overdue: z.boolean(),
  createdAt: IsoDateTime,
});
export type ProblemView = z.infer<typeof ProblemView>;

export const ProblemListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('asc'),
  sort: z.enum(['deadline', 'createdAt', 'status']).default('deadline'),
  campaignId: Id.optional(),
  status: ProblemStatus.optional(),
  /** 'true' lists only what is not yet resolved (open and in progress). */
  unresolved: booleanQuery.optional(),
  overdue: booleanQuery.optional(),
  q: z.string().trim().max(100).optional().describe('part of the problem or the responsible unit'),
  regionCode: RegionCode.optional(),
});

export const ProblemCreateBody = z.object({
  campaignId: Id,
  problem: text(2000, '问题描述'),
  responsibleUnit: text(200, '责任单位'),
  deadline: dateOf('整改时限'),
  /** The bureau that supervises it; defaults to the caller's own. */
  bureauId: Id.optional(),
  enterpriseId: Id.nullable().optional(),
  measures: z.string().trim().max(2000, { message: '整改措施不能超过2000个字符' }).default(''),
});

export const ProblemUpdateBody = z.object({
  problem: text(2000, '问题描述').optional(),
  responsibleUnit: text(200, '责任单位').optional(),
  deadline: dateOf('整改时限').optional(),
  measures: z.string().trim().max(2000, { message: '整改措施不能超过2000个字符' }).optional(),
});

/** open → in_progress → resolved (销号); resolving needs the date and the measures taken. */
export const ProblemStatusBody = z
  .object({
    status: ProblemStatus,
    resolvedOn: dateOf('销号日期').optional(),
    measures: z.string().trim().max(2000, { message: '整改措施不能超过2000个字符' }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.status !== 'resolved') return;
    if (!v.resolvedOn) ctx.addIssue({ code: 'custom', path: ['resolvedOn'], message: '销号时请填写销号日期' });
    if (!v.measures) ctx.addIssue({ code: 'custom', path: ['measures'], message: '销号时请填写已采取的整改措施' });
  });
