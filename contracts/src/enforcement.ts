/** Request and response schemas of the enforcement module: cases, deadlines, the dishonesty list. */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, Uscc, text } from './api.js';
import {
  CaseClock,
  CaseSource,
  CaseStage,
  DishonestyCriterion,
  DishonestyStatus,
  RemovalApplicationStatus,
  TransferKind,
  ViolationCategory,
} from './supervision.js';

/** Yuan as an exact decimal string with at most two decimals (never a float). */
export const Yuan = z
  .string({ error: '金额应为数字文本，如 "12000.00"' })
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, { message: '金额应为不超过两位小数的非负数，单位元' });

export const LIST_COUNT_CAP = 10_000;

export const CaseLeadBody = z
  .object({
    source: CaseSource,
    sourceRef: Id.optional(),
    campaignId: Id.optional(),
    /** The party by credit code when it is a registered enterprise … */
    partyUscc: Uscc.optional(),
    /** … or by name (an unregistered trader, a person). */
    partyName: z.string().trim().max(200).optional(),
    productCategory: z.string().trim().max(40).optional(),
    violationCategory: ViolationCategory,
    summary: text(2000, '案情摘要'),
    leadOn: IsoDate.optional().describe('defaults to today'),
  })
  .superRefine((v, ctx) => {
    if (!v.partyUscc && !v.partyName) ctx.addIssue({ code: 'custom', path: ['partyName'], message: '请填写当事人名称或统一社会信用代码' });
  });

/** One move along the case's path; which fields are needed depends on where it goes. */
export const CaseTransitionBody = z.discriminatedUnion('to', [
  z.object({ to: z.literal('filed'), on: IsoDate, note: z.string().trim().max(2000).default('') }),
  z.object({ to: z.literal('not_filed'), on: IsoDate, reason: text(2000, '不予立案理由') }),
  z.object({ to: z.literal('investigating'), on: IsoDate, note: z.string().trim().max(2000).default('') }),
  z.object({
    to: z.literal('decided'),
    on: IsoDate,
    decisionNo: text(100, '决定书文号'),
    decision: text(4000, '处理决定'),
    fineYuan: Yuan.default('0'),
    confiscationYuan: Yuan.default('0'),
  }),
  z.object({ to: z.literal('executed'), on: IsoDate, note: z.string().trim().max(2000).default('') }),
  z.object({ to: z.literal('closed'), on: IsoDate, note: z.string().trim().max(2000).default('') }),
  z.object({ to: z.literal('transferred'), on: IsoDate, kind: TransferKind, receivingUnit: text(200, '接收单位'), note: z.string().trim().max(2000).default('') }),
]);
export type CaseTransitionBody = z.infer<typeof CaseTransitionBody>;

/** The approver is the leader who records the extension: the policy lets only leaders extend. */
export const CaseExtensionBody = z.object({
  clock: CaseClock,
  days: z.number().int().min(1, { message: '延长天数至少为1天' }).max(90, { message: '单次延长不超过90天' }),
  reason: text(1000, '延长理由'),
});

export const CaseFiguresBody = z.object({
  unitsInvestigated: z.number().int().min(0).max(100_000).optional(),
  staffDispatched: z.number().int().min(0).max(1_000_000).optional(),
  fineYuan: Yuan.optional(),
  confiscationYuan: Yuan.optional(),
  note: text(1000, '说明'),
});

export const CaseListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  sort: z.enum(['leadOn', 'dueOn', 'caseNo']).default('leadOn'),
  stage: CaseStage.optional(),
  source: CaseSource.optional(),
  violationCategory: ViolationCategory.optional(),
  campaignId: Id.optional(),
  partyEnterpriseId: Id.optional(),
  q: z.string().trim().max(100).optional(),
});

export const CaseView = z.object({
  id: Id,
  caseNo: z.string(),
  orgId: Id,
  orgName: z.string(),
  regionCode: z.string(),
  source: CaseSource,
  sourceRef: z.string().nullable(),
  campaignId: z.string().nullable(),
  partyEnterpriseId: z.string().nullable(),
  partyName: z.string(),
  partyUscc: z.string().nullable(),
  productCategory: z.string().nullable(),
  violationCategory: ViolationCategory,
  summary: z.string(),
  stage: CaseStage,
  leadOn: IsoDate,
  filingDueOn: IsoDate,
  filedOn: IsoDate.nullable(),
  decisionDueOn: IsoDate.nullable(),
  decidedOn: IsoDate.nullable(),
  decisionNo: z.string().nullable(),
  decision: z.string().nullable(),
  fineYuan: z.string(),
  confiscationYuan: z.string(),
  unitsInvestigated: z.number().int(),
  staffDispatched: z.number().int(),
  executedOn: IsoDate.nullable(),
  closedOn: IsoDate.nullable(),
  notFiledReason: z.string().nullable(),
  transferKind: TransferKind.nullable(),
  transferredTo: z.string().nullable(),
  transferredOn: IsoDate.nullable(),
  clock: CaseClock.nullable(),
  dueOn: IsoDate.nullable(),
  /** Days until the running clock's limit (negative: overdue), from the server's today. */
  daysLeft: z.number().int().nullable(),
  createdAt: IsoDateTime,
});
export type CaseView = z.infer<typeof CaseView>;

export const CaseEventView = z.object({
  id: Id,
  kind: z.string(),
  fromStage: CaseStage.nullable(),
  toStage: CaseStage.nullable(),
  clock: CaseClock.nullable(),
  extensionDays: z.number().int().nullable(),
  approvedBy: z.string().nullable(),
  note: z.string(),
  byName: z.string().nullable(),
  at: IsoDateTime,
});
export const CaseDocumentView = z.object({
  id: Id,
  title: z.string(),
  documentNo: z.string().nullable(),
  fileName: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: IsoDateTime,
});
export const CaseDetailView = CaseView.extend({
  events: z.array(CaseEventView),
  documents: z.array(CaseDocumentView),
  /** The stages this case may move to next. */
  next: z.array(CaseStage),
  listingId: z.string().nullable(),
});
export type CaseDetailView = z.infer<typeof CaseDetailView>;

export const CaseDocumentQuery = z.object({
  title: text(200, '文书名称'),
  documentNo: z.string().trim().max(100).optional(),
  fileName: text(200, '文件名'),
});

export const DEADLINE_WINDOW_DAYS = 5;
export const DeadlineQuery = z.object({
  clock: CaseClock.optional(),
  /** Cases whose limit is within this many days, or past. */
  withinDays: z.coerce.number().int().min(0).max(90).default(DEADLINE_WINDOW_DAYS),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const DeadlineDashboard = z.object({
  today: IsoDate,
  counts: z.array(z.object({ clock: CaseClock, overdue: z.number().int(), dueSoon: z.number().int() })),
  items: z.array(CaseView),
});
export type DeadlineDashboard = z.infer<typeof DeadlineDashboard>;

// ---------- the dishonesty list ----------

export const ListingCreateBody = z.object({
  caseId: Id,
  criteria: z.array(DishonestyCriterion).min(1, { message: '请至少选择一项列入情形' }).max(6),
  facts: text(4000, '主要违法事实'),
  listedOn: IsoDate.optional().describe('defaults to today'),
});
export const ListingListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  status: DishonestyStatus.optional(),
  /** 'pending': listings whose early-removal application waits for review — the reviewer's queue. */
  removal: z.enum(['pending']).optional(),
  q: z.string().trim().max(100).optional(),
});
export const ListingView = z.object({
  id: Id,
  caseId: Id,
  caseNo: z.string(),
  orgName: z.string(),
  regionCode: z.string(),
  enterpriseId: z.string().nullable(),
  partyName: z.string(),
  partyUscc: z.string().nullable(),
  criteria: z.array(DishonestyCriterion),
  facts: z.string(),
  decisionNo: z.string(),
  listedOn: IsoDate,
  publishedOn: IsoDate,
  expiresOn: IsoDate,
  earliestRemovalOn: IsoDate,
  /** As of today: a listing past its three years reads 'expired'. */
  status: DishonestyStatus,
  removedOn: IsoDate.nullable(),
  /** The day a still-undecided early-removal application was made. */
  pendingApplicationOn: IsoDate.nullable(),
});
export type ListingView = z.infer<typeof ListingView>;
export const RemovalApplicationView = z.object({
  id: Id,
  listingId: Id,
  appliedOn: IsoDate,
  reason: z.string(),
  commitments: z.string(),
  status: RemovalApplicationStatus,
  reviewNote: z.string().nullable(),
  decidedOn: IsoDate.nullable(),
});
export const ListingDetailView = ListingView.extend({ applications: z.array(RemovalApplicationView) });
export const RemovalApplicationBody = z.object({ reason: text(2000, '申请理由'), commitments: text(2000, '信用修复情况及承诺') });
export const RemovalDecisionBody = z.object({ approve: z.boolean(), note: text(2000, '审核意见') });

/** What anyone may see of a listing on the portal. */
export const PublicListing = z.object({
  partyName: z.string(),
  partyUscc: z.string().nullable(),
  orgName: z.string(),
  criteria: z.array(z.string()),
  facts: z.string(),
  decisionNo: z.string(),
  publishedOn: IsoDate,
  expiresOn: IsoDate,
});
export const PublicListingQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  q: z.string().trim().max(100).optional(),
});
