/** Request and response schemas of supervision sampling (抽查): plans, tasks, batches, disposal. */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, RegionCode, Uscc, text } from './api.js';
import { Yuan } from './enforcement.js';
import { BatchConclusion, DisposalStatus, ObjectionOutcome, SamplingClock, SamplingPlace, SamplingStatus } from './supervision.js';

export const SamplingQuota = z.object({
  areaCode: RegionCode,
  category: z.string().trim().min(1, { message: '请选择产品类别' }).max(40),
  batches: z.number().int().min(1, { message: '批次数至少为1' }).max(100_000),
});
export const SamplingPlanBody = z
  .object({
    name: text(200, '计划名称'),
    campaignId: Id.optional(),
    startsOn: IsoDate,
    endsOn: IsoDate,
    quotas: z.array(SamplingQuota).min(1, { message: '请至少填写一项抽查任务量' }).max(500),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: '结束日期不能早于开始日期' });
    const seen = new Set<string>();
    v.quotas.forEach((q, i) => {
      const key = `${q.areaCode}/${q.category}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: ['quotas', i, 'category'], message: '同一地区和类别只能填写一次' });
      seen.add(key);
    });
  });
export const SamplingTaskBody = z.object({
  institutionId: Id,
  areaCode: RegionCode,
  category: z.string().trim().min(1, { message: '请选择产品类别' }).max(40),
  batches: z.number().int().min(1, { message: '批次数至少为1' }).max(100_000),
});
export const SamplingTaskView = z.object({
  id: Id,
  planId: Id,
  planName: z.string(),
  institutionId: Id,
  institutionName: z.string(),
  areaCode: z.string(),
  category: z.string(),
  batches: z.number().int(),
  sampled: z.number().int(),
});
export const SamplingPlanView = z.object({
  id: Id,
  name: z.string(),
  orgId: Id,
  orgName: z.string(),
  regionCode: z.string(),
  campaignId: z.string().nullable(),
  startsOn: IsoDate,
  endsOn: IsoDate,
  quotaBatches: z.number().int(),
  sampledBatches: z.number().int(),
  nonconformingBatches: z.number().int(),
  createdAt: IsoDateTime,
});
export const SamplingPlanDetailView = SamplingPlanView.extend({
  quotas: z.array(SamplingQuota.extend({ sampled: z.number().int() })),
  tasks: z.array(SamplingTaskView),
});
export const SamplingPlanListQuery = PageQuery.extend({ order: z.enum(['asc', 'desc']).default('desc'), q: z.string().trim().max(100).optional() });

export const SamplingRecordBody = z.object({
  taskId: Id,
  enterpriseUscc: Uscc,
  productName: text(200, '产品名称'),
  specification: z.string().trim().max(100).default(''),
  batchNo: text(60, '批号'),
  quantity: text(40, '抽样数量'),
  place: SamplingPlace,
  samplers: z.array(text(40, '抽样人员')).min(2, { message: '抽样人员不得少于2人' }).max(10),
  sampledOn: IsoDate,
});
export const SamplingReceiveBody = z.object({
  testItemIds: z.array(Id).min(1, { message: '请至少选择一个检测项目' }).max(100),
  conditionOnArrival: text(200, '到样状态'),
  storage: text(100, '存放条件'),
  retentionUntil: IsoDate,
});
export const ObjectionBody = z.object({ filedOn: IsoDate, reason: text(2000, '异议理由') });
export const ObjectionDecisionBody = z.object({ outcome: ObjectionOutcome, decidedOn: IsoDate, note: text(2000, '处理意见') });

export const SamplingRecordView = z.object({
  id: Id,
  recordNo: z.string(),
  planId: Id,
  planName: z.string(),
  taskId: Id,
  institutionName: z.string(),
  enterpriseId: Id,
  enterpriseName: z.string(),
  enterpriseUscc: z.string(),
  regionCode: z.string(),
  category: z.string(),
  productName: z.string(),
  specification: z.string(),
  batchNo: z.string(),
  quantity: z.string(),
  place: SamplingPlace,
  samplers: z.array(z.string()),
  sampledOn: IsoDate,
  status: SamplingStatus,
  deliveryDueOn: IsoDate,
  sampleId: z.string().nullable(),
  receivedOn: IsoDate.nullable(),
  reportDueOn: IsoDate.nullable(),
  reportId: z.string().nullable(),
  reportedOn: IsoDate.nullable(),
  conclusion: BatchConclusion.nullable(),
  objectionDueOn: IsoDate.nullable(),
  objectionFiledOn: IsoDate.nullable(),
  objectionReason: z.string().nullable(),
  objectionOutcome: ObjectionOutcome.nullable(),
  nextClock: SamplingClock.nullable(),
  nextDueOn: IsoDate.nullable(),
  /** The running duty clock is past its limit (delivery or report). */
  overdue: z.boolean(),
  disposalId: z.string().nullable(),
  caseId: z.string().nullable(),
});
export type SamplingRecordView = z.infer<typeof SamplingRecordView>;
export const SamplingRecordListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  status: SamplingStatus.optional(),
  conclusion: BatchConclusion.optional(),
  planId: Id.optional(),
  enterpriseId: Id.optional(),
  /** Batches whose delivery or report limit has passed. */
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});

export const DisposalFlowBody = z.object({
  buyerName: text(200, '购买方'),
  buyerUscc: Uscc.optional(),
  buyerRegionCode: RegionCode.optional(),
  quantity: Yuan.describe('units, two decimals at most'),
  quantityRecovered: Yuan.default('0'),
  shippedOn: IsoDate.optional(),
});
export const DisposalUpdateBody = z
  .object({
    enterpriseNotifiedOn: IsoDate.optional(),
    measures: z.string().trim().max(2000).optional(),
    quantitySealed: Yuan.optional(),
    quantityRemoved: Yuan.optional(),
    unit: z.string().trim().max(20).optional(),
    recallReference: z.string().trim().max(200).optional(),
  })
  // An update of nothing would reach the database as an UPDATE without a SET (a 500).
  .refine((body) => Object.values(body).some((v) => v !== undefined), { message: '请至少填写一项处置信息' });
export const DisposalView = z.object({
  id: Id,
  samplingRecordId: Id,
  recordNo: z.string(),
  productName: z.string(),
  batchNo: z.string(),
  enterpriseId: Id,
  enterpriseName: z.string(),
  regionCode: z.string(),
  status: DisposalStatus,
  openedOn: IsoDate,
  enterpriseNotifiedOn: IsoDate.nullable(),
  measures: z.string(),
  quantitySealed: z.string().nullable(),
  quantityRemoved: z.string().nullable(),
  unit: z.string(),
  recallReference: z.string().nullable(),
  closedOn: IsoDate.nullable(),
  flows: z.array(
    z.object({
      id: Id,
      buyerName: z.string(),
      buyerUscc: z.string().nullable(),
      buyerRegionCode: z.string().nullable(),
      quantity: z.string(),
      quantityRecovered: z.string(),
      shippedOn: IsoDate.nullable(),
    }),
  ),
  /** Shipped downstream, and recovered of it. */
  totalShipped: z.string(),
  totalRecovered: z.string(),
});
export const DisposalListQuery = PageQuery.extend({ order: z.enum(['asc', 'desc']).default('desc'), status: DisposalStatus.optional() });
