/**
 * Defect recall (缺陷召回, 《消费品召回管理暂行规定》): a defect or injury report, the risk
 * assessment, the recall plan (scope, measures, timeline), progress (units recalled of the total)
 * and the public notice on the portal.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, Uscc, text } from './api.js';

export const RECALL_SOURCES = ['enterprise_report', 'injury_report', 'investigation'] as const;
export const RecallSource = z.enum(RECALL_SOURCES, { message: '来源应为企业报告、伤害报告或监管调查' });
export const RECALL_SOURCE_LABELS: Record<(typeof RECALL_SOURCES)[number], { zh: string; en: string }> = {
  enterprise_report: { zh: '企业缺陷报告', en: "Producer's defect report" },
  injury_report: { zh: '伤害报告', en: 'Injury report' },
  investigation: { zh: '监管调查', en: 'Investigation' },
};

export const RECALL_STATUSES = ['reported', 'assessed', 'no_recall', 'planned', 'in_progress', 'completed'] as const;
export const RecallStatus = z.enum(RECALL_STATUSES);
export type RecallStatus = (typeof RECALL_STATUSES)[number];
export const RECALL_STATUS_LABELS: Record<RecallStatus, { zh: string; en: string }> = {
  reported: { zh: '待评估', en: 'Reported' },
  assessed: { zh: '已评估（需召回）', en: 'Assessed: recall needed' },
  no_recall: { zh: '无需召回', en: 'No recall needed' },
  planned: { zh: '召回计划已备案', en: 'Plan filed' },
  in_progress: { zh: '召回中', en: 'Recalling' },
  completed: { zh: '召回完成', en: 'Completed' },
};

export const RISK_LEVELS = ['high', 'medium', 'low'] as const;
export const RiskLevel = z.enum(RISK_LEVELS, { message: '风险等级应为高、中、低' });
export const RISK_LEVEL_LABELS: Record<(typeof RISK_LEVELS)[number], { zh: string; en: string }> = {
  high: { zh: '高风险', en: 'High' },
  medium: { zh: '中风险', en: 'Medium' },
  low: { zh: '低风险', en: 'Low' },
};

export const RECALL_MEASURES = ['repair', 'replace', 'refund', 'destroy'] as const;
export const RecallMeasure = z.enum(RECALL_MEASURES, { message: '召回措施应为修理、更换、退货或销毁' });
export const RECALL_MEASURE_LABELS: Record<(typeof RECALL_MEASURES)[number], string> = { repair: '修理', replace: '更换', refund: '退货', destroy: '销毁' };

const Count = (label: string) =>
  z
    .number({ error: `请填写${label}` })
    .int({ message: `${label}应为整数` })
    .min(0, { message: `${label}不能为负数` })
    .max(100_000_000, { message: `${label}过大` });

export const RecallReportBody = z.object({
  source: RecallSource,
  /** The producer, a registered enterprise. */
  enterpriseUscc: Uscc,
  productName: text(200, '产品名称'),
  productCategory: z.string().trim().max(40).optional(),
  batches: z.string().trim().max(500, { message: '批次不能超过500个字符' }).default(''),
  defect: text(2000, '缺陷描述'),
  injuries: Count('伤害人数').default(0),
  reportedOn: IsoDate.optional().describe('defaults to today'),
});
export type RecallReportBody = z.infer<typeof RecallReportBody>;

export const RecallAssessBody = z.object({ riskLevel: RiskLevel, recallRequired: z.boolean({ error: '请选择是否需要召回' }), conclusion: text(2000, '评估结论') });

export const RecallPlanBody = z
  .object({
    scope: text(1000, '召回范围'),
    measures: z.array(RecallMeasure).min(1, { message: '请至少选择一项召回措施' }).max(4),
    quantityTotal: Count('召回总数').refine((n) => n > 0, { message: '召回总数应大于0' }),
    startsOn: IsoDate,
    endsOn: IsoDate,
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '结束日期不能早于开始日期' });
  });

export const RecallProgressBody = z.object({ reportedOn: IsoDate, quantityRecalled: Count('累计召回数量'), note: z.string().trim().max(1000).default('') });

export const RecallProgressView = z.object({ reportedOn: IsoDate, quantityRecalled: z.number().int(), note: z.string(), createdAt: IsoDateTime });

export const RecallView = z.object({
  id: Id,
  recallNo: z.string(),
  status: RecallStatus,
  source: RecallSource,
  enterpriseId: Id,
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  regionCode: z.string(),
  productName: z.string(),
  productCategory: z.string().nullable(),
  batches: z.string(),
  defect: z.string(),
  injuries: z.number().int(),
  reportedOn: IsoDate,
  riskLevel: RiskLevel.nullable(),
  conclusion: z.string().nullable(),
  scope: z.string().nullable(),
  measures: z.array(RecallMeasure),
  quantityTotal: z.number().int().nullable(),
  quantityRecalled: z.number().int(),
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  publishedAt: IsoDateTime.nullable(),
  progress: z.array(RecallProgressView),
  createdAt: IsoDateTime,
});
export type RecallView = z.infer<typeof RecallView>;

export const RecallListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  status: RecallStatus.optional(),
  source: RecallSource.optional(),
  q: z.string().trim().max(100).optional(),
  /** The producer's recalls only: the enterprise archive (专门档案) reads them with this. */
  enterpriseId: Id.optional(),
});

/** What the portal shows of a published recall. */
export const PublicRecallView = z.object({
  recallNo: z.string(),
  enterpriseName: z.string(),
  productName: z.string(),
  batches: z.string(),
  defect: z.string(),
  riskLevel: RiskLevel.nullable(),
  scope: z.string().nullable(),
  measures: z.array(RecallMeasure),
  quantityTotal: z.number().int().nullable(),
  quantityRecalled: z.number().int(),
  startsOn: IsoDate.nullable(),
  endsOn: IsoDate.nullable(),
  status: RecallStatus,
  publishedAt: IsoDateTime,
});
export const PublicRecallQuery = PageQuery.extend({ q: z.string().trim().max(100).optional() });
