/**
 * What regulators publish on the public portal (一窗口) beyond the other modules' own notices:
 * typical cases (典型案例, notice 004: 集中公布一批典型案例) written for the public from decided
 * cases, and the epidemic-goods Q&A (防疫用品问答) of notices 001/002; plus the published
 * directory of qualified testing institutions (检验检测机构名录) read from the registry.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, RegionCode, text } from './api.js';
import type { Label } from './domain.js';
import { InstitutionKind } from './domain.js';
import { ViolationCategory, type CaseStage } from './supervision.js';

// ---------- typical cases (典型案例) ----------

/**
 * A case may be published once a penalty decision has been made: decided, executed or closed.
 * A lead, a case under investigation, one not filed or one transferred elsewhere has no decision
 * of this bureau to show.
 */
export const PUBLISHABLE_CASE_STAGES = ['decided', 'executed', 'closed'] as const satisfies readonly CaseStage[];

export const TYPICAL_CASE_STATUSES = ['active', 'withdrawn'] as const;
export const TypicalCaseStatus = z.enum(TYPICAL_CASE_STATUSES, { message: '状态应为公开中或已撤回' });
export type TypicalCaseStatus = (typeof TYPICAL_CASE_STATUSES)[number];
export const TYPICAL_CASE_STATUS_LABELS: Record<TypicalCaseStatus, Label> = {
  active: { zh: '公开中', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const TypicalCaseCreateBody = z.object({
  caseId: Id.describe('a decided, executed or closed case in the publisher’s scope'),
  title: text(100, '标题'),
  /** Written for the public: no personal data of individuals, no trade secrets (脱敏). */
  summary: text(3000, '案情简介'),
  violation: text(1000, '违法行为'),
  legalBasis: text(1000, '处罚依据'),
  penalty: text(1000, '处罚结果'),
  publishedOn: IsoDate.optional().describe('defaults to today; not in the future'),
});
export type TypicalCaseCreateBody = z.infer<typeof TypicalCaseCreateBody>;

export const TypicalCaseWithdrawBody = z.object({ reason: text(500, '撤回原因') });

export const TypicalCaseView = z.object({
  id: Id,
  caseId: Id,
  caseNo: z.string(),
  title: z.string(),
  summary: z.string(),
  violation: z.string(),
  legalBasis: z.string(),
  penalty: z.string(),
  violationCategory: ViolationCategory,
  regionCode: z.string(),
  regionName: z.string(),
  publishedOn: IsoDate,
  orgId: Id,
  orgName: z.string(),
  publishedByName: z.string().nullable(),
  status: TypicalCaseStatus,
  withdrawnAt: IsoDateTime.nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawReason: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type TypicalCaseView = z.infer<typeof TypicalCaseView>;

export const TypicalCaseListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  /** Words of the title, the summary or the case number. */
  q: z.string().trim().max(100).optional(),
  /** Cases of this region's subtree (within the caller's scope). */
  regionCode: RegionCode.optional(),
  status: TypicalCaseStatus.optional(),
  violationCategory: ViolationCategory.optional(),
  caseId: Id.optional(),
});

/** What the portal shows of a typical case: the publisher's text, where and when, by whom. */
export const PublicTypicalCaseView = z.object({
  id: Id,
  title: z.string(),
  summary: z.string(),
  violation: z.string(),
  legalBasis: z.string(),
  penalty: z.string(),
  violationCategory: ViolationCategory,
  regionCode: z.string(),
  regionName: z.string(),
  orgName: z.string(),
  publishedOn: IsoDate,
});
export type PublicTypicalCaseView = z.infer<typeof PublicTypicalCaseView>;

export const PublicTypicalCaseQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  /** Words of the title, the summary, the violation or the penalty. */
  q: z.string().trim().max(100).optional(),
  /** Cases of this region's subtree: 510000 (a province), 510100 (a city), 510107 (a county). */
  region: RegionCode.optional(),
});

// ---------- epidemic-goods Q&A (防疫用品问答) ----------

export const QA_TOPICS = ['mask', 'protective_suit', 'thermometer', 'disinfectant', 'price', 'other'] as const;
export const QaTopic = z.enum(QA_TOPICS, { message: '主题应为口罩、防护服、体温计、消毒用品、价格或其他' });
export type QaTopic = (typeof QA_TOPICS)[number];
export const QA_TOPIC_LABELS: Record<QaTopic, Label> = {
  mask: { zh: '口罩', en: 'Masks' },
  protective_suit: { zh: '防护服', en: 'Protective clothing' },
  thermometer: { zh: '体温计', en: 'Thermometers' },
  disinfectant: { zh: '消毒用品', en: 'Disinfectants' },
  price: { zh: '价格', en: 'Prices' },
  other: { zh: '其他', en: 'Other' },
};

export const EpidemicQaBody = z.object({
  question: text(300, '问题'),
  answer: text(5000, '解答'),
  topic: QaTopic,
  /** Smaller first; entries with the same number by question. */
  sortOrder: z
    .number({ error: '排序号应为整数' })
    .int({ message: '排序号应为整数' })
    .min(0, { message: '排序号不能为负数' })
    .max(9999, { message: '排序号不能超过9999' })
    .default(100),
});
export type EpidemicQaBody = z.infer<typeof EpidemicQaBody>;

export const EpidemicQaPublishBody = z.object({ published: z.boolean({ error: '请说明发布还是撤下' }) });

export const EpidemicQaView = z.object({
  id: Id,
  question: z.string(),
  answer: z.string(),
  topic: QaTopic,
  /** The publishing bureau's region; null for the national bureau (nationwide). */
  regionCode: z.string().nullable(),
  regionName: z.string(),
  orgId: Id,
  orgName: z.string(),
  sortOrder: z.number().int(),
  published: z.boolean(),
  publishedAt: IsoDateTime.nullable(),
  authorName: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type EpidemicQaView = z.infer<typeof EpidemicQaView>;

export const EpidemicQaListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  topic: QaTopic.optional(),
  published: z.enum(['true', 'false']).optional(),
});

export const PublicEpidemicQaView = z.object({
  id: Id,
  question: z.string(),
  answer: z.string(),
  topic: QaTopic,
  regionName: z.string(),
  orgName: z.string(),
  publishedAt: IsoDateTime,
});
export type PublicEpidemicQaView = z.infer<typeof PublicEpidemicQaView>;

export const PublicEpidemicQaQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  /** Words of the question or the answer, e.g. 医用防护口罩 GB 19083. */
  q: z.string().trim().max(100).optional(),
  topic: QaTopic.optional(),
});

// ---------- the directory of qualified institutions (检验检测机构名录) ----------

export const PublicInstitutionQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  /** Words of the institution's name. */
  q: z.string().trim().max(100).optional(),
  /** Institutions seated in this region's subtree. */
  region: RegionCode.optional(),
  kind: InstitutionKind.optional(),
  /** What it can test: words of a qualified parameter or standard, e.g. 过滤效率 or GB 2626. */
  test: z.string().trim().max(100).optional(),
  /** Qualified for products of this category (product category code). */
  category: z.string().trim().max(40).optional(),
});

export const PublicInstitutionView = z.object({
  id: Id,
  name: z.string(),
  kind: InstitutionKind,
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  /** 资质认定 (CMA) certificate number and its last day of validity. */
  cmaNumber: z.string(),
  cmaValidUntil: IsoDate,
  domains: z.array(z.string()),
  /** Distinct standards of its qualification scope (at most 30). */
  standards: z.array(z.string()),
  scopeCount: z.number().int(),
  /** The scope lines matching `test`, when it is given (at most 10). */
  matches: z.array(z.object({ domain: z.string(), parameter: z.string(), standard: z.string() })),
});
export type PublicInstitutionView = z.infer<typeof PublicInstitutionView>;
