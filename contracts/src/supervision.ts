/**
 * Supervision and enforcement vocabulary: campaigns and screening, sampling,
 * double-random inspections, cases, the problem ledger and the dishonesty list.
 * Request and response schemas of each module follow its vocabulary in
 * campaigns.ts, sampling.ts, inspections.ts and enforcement.ts.
 */
import { z } from 'zod';
import type { Label } from './domain.js';


// Campaigns and screening (排查) -------------------------------------------------
export const SCREENING_RESULTS = ['conforming', 'nonconforming'] as const;
export const ScreeningResult = z.enum(SCREENING_RESULTS);
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];
export const SCREENING_RESULT_LABELS: Record<ScreeningResult, Label> = {
  conforming: { zh: '合格', en: 'Conforming' },
  nonconforming: { zh: '不合格', en: 'Nonconforming' },
};

export const RECTIFICATION_STATUSES = ['not_required', 'pending', 'completed'] as const;
export const RectificationStatus = z.enum(RECTIFICATION_STATUSES);
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];
export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, Label> = {
  not_required: { zh: '无需整改', en: 'Not required' },
  pending: { zh: '整改中', en: 'Rectifying' },
  completed: { zh: '已整改', en: 'Rectified' },
};

export const PROBLEM_STATUSES = ['open', 'in_progress', 'resolved'] as const;
export const ProblemStatus = z.enum(PROBLEM_STATUSES);
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, Label> = {
  open: { zh: '待整改', en: 'Open' },
  in_progress: { zh: '整改中', en: 'In progress' },
  resolved: { zh: '已销号', en: 'Resolved' },
};

// Supervision sampling (抽查) ------------------------------------------------------
export const SAMPLING_PLACES = ['production', 'distribution', 'ecommerce', 'export'] as const;
export const SamplingPlace = z.enum(SAMPLING_PLACES);
export type SamplingPlace = (typeof SAMPLING_PLACES)[number];
export const SAMPLING_PLACE_LABELS: Record<SamplingPlace, Label> = {
  production: { zh: '生产环节', en: 'Production' },
  distribution: { zh: '流通环节', en: 'Distribution' },
  ecommerce: { zh: '电子商务', en: 'E-commerce' },
  export: { zh: '出口', en: 'Export' },
};

/** Where a sampled batch is: sampled, in the lab, reported, then closed (objection window over or decided). */
export const SAMPLING_STATUSES = ['sampled', 'in_lab', 'reported', 'objection', 'closed'] as const;
export const SamplingStatus = z.enum(SAMPLING_STATUSES);
export type SamplingStatus = (typeof SAMPLING_STATUSES)[number];
export const SAMPLING_STATUS_LABELS: Record<SamplingStatus, Label> = {
  sampled: { zh: '已抽样待送检', en: 'Sampled, awaiting delivery' },
  in_lab: { zh: '检验中', en: 'In the lab' },
  reported: { zh: '已出报告', en: 'Reported' },
  objection: { zh: '异议处理中', en: 'Objection pending' },
  closed: { zh: '已结束', en: 'Closed' },
};

export const BATCH_CONCLUSIONS = ['conforming', 'nonconforming'] as const;
export const BatchConclusion = z.enum(BATCH_CONCLUSIONS);
export type BatchConclusion = (typeof BATCH_CONCLUSIONS)[number];
export const BATCH_CONCLUSION_LABELS: Record<BatchConclusion, Label> = SCREENING_RESULT_LABELS;

/** The three statutory clocks of supervision sampling. */
export const SAMPLING_CLOCKS = ['delivery', 'report', 'objection'] as const;
export const SamplingClock = z.enum(SAMPLING_CLOCKS);
export type SamplingClock = (typeof SAMPLING_CLOCKS)[number];
export const SAMPLING_CLOCK_LABELS: Record<SamplingClock, Label> = {
  delivery: { zh: '送检（5个工作日）', en: 'Delivery to the lab (5 working days)' },
  report: { zh: '出具报告（20个工作日）', en: 'Report (20 working days)' },
  objection: { zh: '异议期（15日）', en: 'Objection (15 days)' },
};

export const OBJECTION_OUTCOMES = ['upheld', 'rejected'] as const;
export const ObjectionOutcome = z.enum(OBJECTION_OUTCOMES);
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];
export const OBJECTION_OUTCOME_LABELS: Record<ObjectionOutcome, Label> = {
  upheld: { zh: '异议成立', en: 'Upheld' },
  rejected: { zh: '异议不成立', en: 'Rejected' },
};

export const DISPOSAL_STATUSES = ['open', 'closed'] as const;
export const DisposalStatus = z.enum(DISPOSAL_STATUSES);
export type DisposalStatus = (typeof DISPOSAL_STATUSES)[number];
export const DISPOSAL_STATUS_LABELS: Record<DisposalStatus, Label> = {
  open: { zh: '处置中', en: 'Open' },
  closed: { zh: '已办结', en: 'Closed' },
};

// Double random, one public (双随机、一公开) ----------------------------------------
export const RISK_TIERS = ['high', 'elevated', 'general', 'low'] as const;
export const RiskTier = z.enum(RISK_TIERS);
export type RiskTier = (typeof RISK_TIERS)[number];
export const RISK_TIER_LABELS: Record<RiskTier, Label> = {
  high: { zh: '高风险', en: 'High risk' },
  elevated: { zh: '较高风险', en: 'Elevated risk' },
  general: { zh: '一般风险', en: 'General risk' },
  low: { zh: '低风险', en: 'Low risk' },
};
/** The default share of each tier drawn for inspection (notice practice: 30 % / 10 % / 2 % / 1 %). */
export const DEFAULT_TIER_RATIOS: Record<RiskTier, number> = { high: 0.3, elevated: 0.1, general: 0.02, low: 0.01 };

export const INSPECTION_OUTCOMES = ['no_problem', 'problems_rectified', 'case_opened', 'not_found', 'closed_down'] as const;
export const InspectionOutcome = z.enum(INSPECTION_OUTCOMES);
export type InspectionOutcome = (typeof INSPECTION_OUTCOMES)[number];
export const INSPECTION_OUTCOME_LABELS: Record<InspectionOutcome, Label> = {
  no_problem: { zh: '未发现问题', en: 'No problem found' },
  problems_rectified: { zh: '发现问题已责令整改', en: 'Problems found, rectification ordered' },
  case_opened: { zh: '发现问题已立案查处', en: 'Problems found, case opened' },
  not_found: { zh: '通过登记的住所（经营场所）无法联系', en: 'Not found at the registered address' },
  closed_down: { zh: '已关闭停业或迁出', en: 'Closed or moved away' },
};

// Cases (案件) ---------------------------------------------------------------------
export const CASE_SOURCES = ['sampling', 'complaint', 'inspection', 'screening', 'transfer', 'risk_warning'] as const;
export const CaseSource = z.enum(CASE_SOURCES);
export type CaseSource = (typeof CASE_SOURCES)[number];
export const CASE_SOURCE_LABELS: Record<CaseSource, Label> = {
  sampling: { zh: '监督抽查', en: 'Supervision sampling' },
  complaint: { zh: '投诉举报', en: 'Complaint or report' },
  inspection: { zh: '监督检查', en: 'Inspection' },
  screening: { zh: '排查', en: 'Screening' },
  transfer: { zh: '移送', en: 'Transferred in' },
  risk_warning: { zh: '风险预警', en: 'Risk warning' },
};

export const VIOLATION_CATEGORIES = ['quality', 'certification_testing', 'drug_device_qualification', 'price', 'other'] as const;
export const ViolationCategory = z.enum(VIOLATION_CATEGORIES);
export type ViolationCategory = (typeof VIOLATION_CATEGORIES)[number];
export const VIOLATION_CATEGORY_LABELS: Record<ViolationCategory, Label> = {
  quality: { zh: '质量违法类', en: 'Product quality' },
  certification_testing: { zh: '认证检验检测类', en: 'Certification and testing' },
  drug_device_qualification: { zh: '药械资质类', en: 'Drug and device qualification' },
  price: { zh: '价格违法类', en: 'Pricing' },
  other: { zh: '其他', en: 'Other' },
};

export const CASE_STAGES = ['lead', 'filed', 'investigating', 'decided', 'executed', 'closed', 'not_filed', 'transferred'] as const;
export const CaseStage = z.enum(CASE_STAGES);
export type CaseStage = (typeof CASE_STAGES)[number];
export const CASE_STAGE_LABELS: Record<CaseStage, Label> = {
  lead: { zh: '线索', en: 'Lead' },
  filed: { zh: '已立案', en: 'Filed' },
  investigating: { zh: '调查中', en: 'Investigating' },
  decided: { zh: '已作出决定', en: 'Decided' },
  executed: { zh: '已执行', en: 'Executed' },
  closed: { zh: '已结案', en: 'Closed' },
  not_filed: { zh: '不予立案', en: 'Not filed' },
  transferred: { zh: '已移送', en: 'Transferred' },
};
/** Stages from which no further move is possible. */
export const FINAL_CASE_STAGES: readonly CaseStage[] = ['closed', 'not_filed', 'transferred'];

export const TRANSFER_KINDS = ['police', 'department'] as const;
export const TransferKind = z.enum(TRANSFER_KINDS);
export type TransferKind = (typeof TRANSFER_KINDS)[number];
export const TRANSFER_KIND_LABELS: Record<TransferKind, Label> = {
  police: { zh: '移送公安机关', en: 'To the police' },
  department: { zh: '移送其他部门', en: 'To another department' },
};

/** The two statutory case clocks: filing decision and handling decision. */
export const CASE_CLOCKS = ['filing', 'decision'] as const;
export const CaseClock = z.enum(CASE_CLOCKS);
export type CaseClock = (typeof CASE_CLOCKS)[number];
export const CASE_CLOCK_LABELS: Record<CaseClock, Label> = {
  filing: { zh: '立案审查（15个工作日）', en: 'Filing decision (15 working days)' },
  decision: { zh: '作出处理决定（立案后90日）', en: 'Handling decision (90 days from filing)' },
};

// Credit: the serious-dishonesty list (严重违法失信名单) ---------------------------
export const DISHONESTY_CRITERIA = ['serious_quality', 'fake_report', 'price_gouging', 'heavy_penalty', 'license_revoked', 'other'] as const;
export const DishonestyCriterion = z.enum(DISHONESTY_CRITERIA);
export type DishonestyCriterion = (typeof DISHONESTY_CRITERIA)[number];
export const DISHONESTY_CRITERION_LABELS: Record<DishonestyCriterion, Label> = {
  serious_quality: { zh: '生产销售不合格产品，危害人身健康和生命安全', en: 'Nonconforming products endangering health and life' },
  fake_report: { zh: '出具虚假或者严重失实的检验检测报告', en: 'Fake or seriously untrue test reports' },
  price_gouging: { zh: '哄抬价格、牟取暴利，性质恶劣', en: 'Price gouging of a grave nature' },
  heavy_penalty: { zh: '受到较重行政处罚（较大数额罚没款）', en: 'Heavy administrative penalty (large fine or confiscation)' },
  license_revoked: { zh: '被吊销许可证件或责令停产停业', en: 'Licence revoked or production stopped' },
  other: { zh: '其他性质恶劣、情节严重、社会危害较大的情形', en: 'Other grave violations' },
};

export const DISHONESTY_STATUSES = ['listed', 'removed_early', 'expired'] as const;
export const DishonestyStatus = z.enum(DISHONESTY_STATUSES);
export type DishonestyStatus = (typeof DISHONESTY_STATUSES)[number];
export const DISHONESTY_STATUS_LABELS: Record<DishonestyStatus, Label> = {
  listed: { zh: '列入中', en: 'Listed' },
  removed_early: { zh: '已提前移出', en: 'Removed early' },
  expired: { zh: '期满移出', en: 'Removed at expiry' },
};
export const DISHONESTY_LISTING_YEARS = 3;
export const DISHONESTY_EARLY_REMOVAL_YEARS = 1;

export const REMOVAL_APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const RemovalApplicationStatus = z.enum(REMOVAL_APPLICATION_STATUSES);
export type RemovalApplicationStatus = (typeof REMOVAL_APPLICATION_STATUSES)[number];
export const REMOVAL_APPLICATION_STATUS_LABELS: Record<RemovalApplicationStatus, Label> = {
  pending: { zh: '待审核', en: 'Pending' },
  approved: { zh: '准予移出', en: 'Approved' },
  rejected: { zh: '不予移出', en: 'Rejected' },
};

