/**
 * Risk monitoring and early warning (风险监测预警, notice 001: 早发现、早研判、早预警、早处置):
 * signals from the records, a scoring model as data (weights, time decay, thresholds), scores per
 * enterprise, product category and region, and warnings that move through 发现 → 研判 → 预警 → 处置.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, Uscc, text } from './api.js';

export const SIGNAL_KINDS = ['sampling_nonconforming', 'complaint', 'report', 'case', 'recall', 'opinion'] as const;
export const SignalKind = z.enum(SIGNAL_KINDS);
export type SignalKind = (typeof SIGNAL_KINDS)[number];
export const SIGNAL_KIND_LABELS: Record<SignalKind, { zh: string; en: string }> = {
  sampling_nonconforming: { zh: '抽查不合格', en: 'Nonconforming sample' },
  complaint: { zh: '投诉', en: 'Complaint' },
  report: { zh: '举报', en: 'Report' },
  case: { zh: '案件', en: 'Case' },
  recall: { zh: '缺陷召回', en: 'Recall' },
  opinion: { zh: '舆情', en: 'Public opinion' },
};

export const WARNING_LEVELS = ['blue', 'yellow', 'orange', 'red'] as const;
export const WarningLevel = z.enum(WARNING_LEVELS);
export type WarningLevel = (typeof WARNING_LEVELS)[number];
export const WARNING_LEVEL_LABELS: Record<WarningLevel, { zh: string; en: string }> = {
  blue: { zh: '蓝色', en: 'Blue' },
  yellow: { zh: '黄色', en: 'Yellow' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色', en: 'Red' },
};

export const RISK_DIMENSIONS = ['enterprise', 'category', 'region'] as const;
export const RiskDimension = z.enum(RISK_DIMENSIONS);
export type RiskDimension = (typeof RISK_DIMENSIONS)[number];

const Weight = z.number({ error: '请填写权重' }).min(0, { message: '权重不能为负数' }).max(1000, { message: '权重不能超过1000' });

const Threshold = z.number({ error: '请填写阈值' }).min(0, { message: '阈值不能为负数' }).max(100000, { message: '阈值不能超过100000' });

export const RiskModelBody = z
  .object({
    weights: z.object({
      sampling_nonconforming: Weight,
      complaint: Weight,
      report: Weight,
      case: Weight,
      recall: Weight,
      opinion: Weight,
    }),
    /** A signal counts half after this many days, a quarter after twice as many. */
    halfLifeDays: z.number({ error: '请填写半衰期' }).int({ message: '半衰期应为整数天' }).min(1, { message: '半衰期至少1天' }).max(3650, { message: '半衰期不能超过3650天' }),
    /** Signals older than this are not counted at all. */
    windowDays: z.number({ error: '请填写统计窗口' }).int({ message: '统计窗口应为整数天' }).min(1, { message: '统计窗口至少1天' }).max(3650, { message: '统计窗口不能超过3650天' }),
    /** The score from which each level is raised, for an enterprise (categories and regions scale by their own factor). */
    thresholds: z.object({ blue: Threshold, yellow: Threshold, orange: Threshold, red: Threshold }),
  })
  .superRefine((v, ctx) => {
    const t = v.thresholds;
    if (!(t.blue < t.yellow && t.yellow < t.orange && t.orange < t.red)) ctx.addIssue({ code: 'custom', path: ['thresholds'], message: '阈值应满足 蓝 < 黄 < 橙 < 红' });
    if (v.windowDays < v.halfLifeDays) ctx.addIssue({ code: 'custom', path: ['windowDays'], message: '统计窗口不能短于半衰期' });
  });
export type RiskModelBody = z.infer<typeof RiskModelBody>;
export const RiskModelView = RiskModelBody.and(z.object({ updatedAt: IsoDateTime }));

export const RiskScoreQuery = z.object({
  dimension: RiskDimension.default('enterprise'),
  limit: z.coerce.number().int().min(1).max(200).default(20),
  category: z.string().trim().max(40).optional(),
  /** One enterprise's score (with `dimension=enterprise`), e.g. on its archive page. */
  enterpriseId: Id.optional(),
});

export const RiskScoreView = z.object({
  dimension: RiskDimension,
  key: z.string(),
  label: z.string(),
  score: z.number(),
  signals: z.number().int(),
  level: WarningLevel.nullable(),
  byKind: z.record(z.string(), z.number()),
});
export type RiskScoreView = z.infer<typeof RiskScoreView>;

export const RiskSignalView = z.object({
  kind: SignalKind,
  id: Id,
  date: IsoDate,
  enterpriseId: Id.nullable(),
  enterpriseName: z.string().nullable(),
  category: z.string().nullable(),
  regionCode: z.string(),
  title: z.string(),
  weight: z.number(),
  decayed: z.number(),
});

export const RiskSignalQuery = PageQuery.extend({
  enterpriseId: Id.optional(),
  category: z.string().trim().max(40).optional(),
  region: z.string().regex(/^\d{6}$/, { message: '行政区划代码应为6位数字' }).optional(),
});

export const OpinionItem = z.object({
  date: IsoDate,
  source: text(100, '来源'),
  text: text(2000, '内容'),
  enterpriseUscc: Uscc.optional(),
  category: z.string().trim().max(40).optional(),
  regionCode: z.string().regex(/^\d{6}$/, { message: '行政区划代码应为6位数字' }).optional(),
});
export const OpinionImportBody = z.object({ items: z.array(OpinionItem).min(1, { message: '请至少导入一条舆情' }).max(5000, { message: '一次最多导入5000条' }) });
export const OpinionImportResult = z.object({ inserted: z.number().int(), matchedEnterprises: z.number().int() });

export const WARNING_STATUSES = ['detected', 'assessed', 'warned', 'handled'] as const;
export const WarningStatus = z.enum(WARNING_STATUSES);
export type WarningStatus = (typeof WARNING_STATUSES)[number];
export const WARNING_STATUS_LABELS: Record<WarningStatus, { zh: string; en: string }> = {
  detected: { zh: '发现', en: 'Detected' },
  assessed: { zh: '研判', en: 'Assessed' },
  warned: { zh: '预警', en: 'Warned' },
  handled: { zh: '处置', en: 'Handled' },
};

export const WarningView = z.object({
  id: Id,
  dimension: RiskDimension,
  key: z.string(),
  label: z.string(),
  regionCode: z.string(),
  level: WarningLevel,
  score: z.number(),
  status: WarningStatus,
  ownerName: z.string().nullable(),
  steps: z.array(z.object({ status: WarningStatus, note: z.string(), at: IsoDateTime, byName: z.string().nullable() })),
  createdAt: IsoDateTime,
});
export type WarningView = z.infer<typeof WarningView>;

export const WarningListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  status: WarningStatus.optional(),
  level: WarningLevel.optional(),
});
export const WarningAdvanceBody = z.object({
  note: text(1000, '处理意见'),
  /** The status the user saw: if someone moved the warning meanwhile, the step is refused (409), not taken twice. */
  from: WarningStatus.optional(),
});

/** Signals per week (Monday to Sunday, oldest first) in the reader's area, by kind, with what they weigh in the model. */
export const RiskTrendQuery = z.object({
  weeks: z.coerce.number().int().min(4, { message: '至少4周' }).max(52, { message: '最多52周' }).default(12),
  category: z.string().trim().max(40).optional(),
  enterpriseId: Id.optional(),
});
export const RiskTrendWeek = z.object({
  weekStart: IsoDate,
  counts: z.record(z.string(), z.number().int()),
  total: z.number().int(),
  /** The week's signals weighted by the model, undecayed: what the week added to the scores. */
  weight: z.number(),
});

/** How current the kept scores are: when the last full rescoring ran, how long it took, and changes waiting. */
export const RiskFreshnessView = z.object({
  scoredOn: IsoDate.nullable(),
  lastFullAt: IsoDateTime.nullable(),
  lastFullMs: z.number().int().nullable(),
  pending: z.number().int(),
});
