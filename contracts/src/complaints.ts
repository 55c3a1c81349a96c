/**
 * Complaints and reports (投诉举报, 《市场监督管理投诉举报处理暂行办法》): public and staff
 * intake, routing to the bureau of the target's region, the acceptance clock (complaints: 7
 * working days; reports: checked within 15), mediation (ends after 45 working days without
 * agreement), reply, and a case lead with one action.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, RegionCode, Uscc, text } from './api.js';
import { ViolationCategory } from './supervision.js';

export const COMPLAINT_KINDS = ['complaint', 'report'] as const;
export const ComplaintKind = z.enum(COMPLAINT_KINDS, { message: '类型应为投诉或举报' });
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, { zh: string; en: string }> = {
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
};

export const COMPLAINT_CHANNELS = ['web', 'phone', 'letter', 'visit'] as const;
export const ComplaintChannel = z.enum(COMPLAINT_CHANNELS, { message: '来源渠道无效' });
export const COMPLAINT_CHANNEL_LABELS: Record<(typeof COMPLAINT_CHANNELS)[number], { zh: string; en: string }> = {
  web: { zh: '网上', en: 'Web' },
  phone: { zh: '电话', en: 'Phone' },
  letter: { zh: '信件', en: 'Letter' },
  visit: { zh: '来访', en: 'Visit' },
};

export const COMPLAINT_STATUSES = ['received', 'accepted', 'not_accepted', 'mediated', 'mediation_failed', 'lead_opened', 'not_filed'] as const;
export const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, { zh: string; en: string }> = {
  received: { zh: '待处理', en: 'Received' },
  accepted: { zh: '已受理（调解中）', en: 'Accepted (mediating)' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  mediated: { zh: '调解成功', en: 'Mediated' },
  mediation_failed: { zh: '终止调解', en: 'Mediation ended' },
  lead_opened: { zh: '已转案件线索', en: 'Case lead opened' },
  not_filed: { zh: '核查不予立案', en: 'Checked, not filed' },
};

const Phone = z
  .string({ error: '请填写联系电话' })
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, { message: '电话号码格式不正确' });

export const ComplaintIntakeBody = z.object({
  kind: ComplaintKind,
  complainantName: text(50, '投诉举报人姓名'),
  complainantPhone: Phone,
  /** The party complained about: by credit code when registered, always by name. */
  targetName: text(200, '被投诉举报对象'),
  targetUscc: Uscc.optional(),
  /** Where the party is: required when it is not a registered enterprise. */
  targetRegionCode: RegionCode.optional(),
  productCategory: z.string().trim().max(40).optional(),
  subject: text(100, '标题'),
  content: text(5000, '投诉举报内容'),
  /** A complaint's amount in dispute, in yuan. */
  amountYuan: z
    .string()
    .trim()
    .regex(/^\d{1,13}(\.\d{1,2})?$/, { message: '金额应为不超过两位小数的非负数，单位元' })
    .optional(),
});
export type ComplaintIntakeBody = z.infer<typeof ComplaintIntakeBody>;

/** Staff intake adds the channel and the day it came in. */
export const StaffComplaintBody = ComplaintIntakeBody.extend({
  channel: ComplaintChannel,
  receivedOn: IsoDate.optional().describe('defaults to today'),
});

/** The steps of a complaint's history, named like their audit actions. */
export const COMPLAINT_EVENT_ACTIONS = ['received', 'accepted', 'not_accepted', 'mediated', 'not_filed', 'replied', 'lead_opened'] as const;
export const ComplaintEventAction = z.enum(COMPLAINT_EVENT_ACTIONS);
export type ComplaintEventAction = (typeof COMPLAINT_EVENT_ACTIONS)[number];
export const COMPLAINT_EVENT_LABELS: Record<(typeof COMPLAINT_EVENT_ACTIONS)[number], { zh: string; en: string }> = {
  received: { zh: '收到', en: 'Received' },
  accepted: { zh: '受理，开始调解', en: 'Accepted; mediation began' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  mediated: { zh: '调解结束', en: 'Mediation ended' },
  not_filed: { zh: '核查后不予立案', en: 'Checked; not filed' },
  replied: { zh: '答复投诉举报人', en: 'Complainant answered' },
  lead_opened: { zh: '转为案件线索', en: 'Became a case lead' },
};

export const ComplaintView = z.object({
  id: Id,
  complaintNo: z.string(),
  kind: ComplaintKind,
  channel: ComplaintChannel,
  status: ComplaintStatus,
  /** The complainant's name and phone: only the handling bureau's staff see them (null for others). */
  complainantName: z.string().nullable(),
  complainantPhone: z.string().nullable(),
  targetName: z.string(),
  targetUscc: z.string().nullable(),
  targetEnterpriseId: Id.nullable(),
  targetRegionCode: z.string(),
  productCategory: z.string().nullable(),
  subject: z.string(),
  content: z.string(),
  amountYuan: z.string().nullable(),
  handlingOrgId: Id,
  handlingOrgName: z.string(),
  receivedOn: IsoDate,
  /** The clock running now: the decision (7 / 15 working days) or the mediation (45 working days). */
  clock: z.enum(['decision', 'mediation']).nullable(),
  dueOn: IsoDate.nullable(),
  overdue: z.boolean(),
  decisionNote: z.string(),
  decidedOn: IsoDate.nullable(),
  reply: z.string().nullable(),
  repliedAt: IsoDateTime.nullable(),
  caseId: Id.nullable(),
  caseNo: z.string().nullable(),
  createdAt: IsoDateTime,
  /** Working days from today to the running clock's end (negative when overdue), by the working-day calendar. */
  workingDaysLeft: z.number().int().nullable(),
  /** Every step with its note, oldest first. */
  events: z.array(z.object({ action: ComplaintEventAction, note: z.string(), at: IsoDateTime, byName: z.string().nullable() })),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

export const ComplaintListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  kind: ComplaintKind.optional(),
  status: ComplaintStatus.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  /** Received on or after / on or before (收到日期). */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** Those about one registered enterprise only: the enterprise archive (专门档案) reads them with this. */
  enterpriseId: Id.optional(),
});

export const ComplaintDecisionBody = z.object({ note: text(1000, '处理意见') });
export const MediationBody = z.object({ agreed: z.boolean({ error: '请选择是否达成调解协议' }), note: text(1000, '调解情况') });
export const ComplaintReplyBody = z.object({ reply: text(2000, '答复内容') });
export const ComplaintLeadBody = z.object({
  violationCategory: ViolationCategory.default('quality'),
  summary: text(2000, '案情摘要'),
});

export const PublicComplaintCreated = z.object({ complaintNo: z.string(), accessCode: z.string(), handlingOrgName: z.string(), dueOn: IsoDate });
export const PublicComplaintStatus = z.object({
  complaintNo: z.string(),
  kind: ComplaintKind,
  status: ComplaintStatus,
  handlingOrgName: z.string(),
  receivedOn: IsoDate,
  dueOn: IsoDate.nullable(),
  decisionNote: z.string(),
  reply: z.string().nullable(),
});
export const PublicComplaintQuery = z.object({ no: text(40, '编号'), code: text(20, '查询码') });
