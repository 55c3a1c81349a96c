/** Schemas of the lab module: catalogue, samples, tests, results and the review workflow. */
import { z } from 'zod';
import type { Label } from './domain.js';
import { Id, IsoDate, IsoDateTime, PageQuery, Uscc, text } from './api.js';

/** Decimal numbers travel as strings, so no float ever touches a limit or a result. */
export const Decimal = z.string().trim().regex(/^-?\d{1,12}(\.\d{1,8})?$/, { message: '应为数字' });

export const LIMIT_KINDS = ['min', 'max', 'range', 'text', 'none'] as const;
export const LimitKind = z.enum(LIMIT_KINDS);
export type LimitKind = (typeof LIMIT_KINDS)[number];
export const LIMIT_KIND_LABELS: Record<LimitKind, Label> = {
  min: { zh: '不小于', en: 'At least' },
  max: { zh: '不大于', en: 'At most' },
  range: { zh: '范围', en: 'Range' },
  text: { zh: '文字要求', en: 'Text requirement' },
  none: { zh: '不判定', en: 'Not judged' },
};

export const JUDGEMENTS = ['pass', 'fail', 'none'] as const;
export const Judgement = z.enum(JUDGEMENTS);
export type Judgement = (typeof JUDGEMENTS)[number];
export const JUDGEMENT_LABELS: Record<Judgement, Label> = {
  pass: { zh: '合格', en: 'Conforming' },
  fail: { zh: '不合格', en: 'Nonconforming' },
  none: { zh: '不判定', en: 'Not judged' },
};

export const SAMPLE_SOURCES = ['client_request', 'sampling_task', 'regulator_commission'] as const;
export const SampleSource = z.enum(SAMPLE_SOURCES);
export type SampleSource = (typeof SAMPLE_SOURCES)[number];
export const SAMPLE_SOURCE_LABELS: Record<SampleSource, Label> = {
  client_request: { zh: '委托检验', en: 'Client request' },
  sampling_task: { zh: '监督抽查', en: 'Supervision sampling' },
  regulator_commission: { zh: '监管委托', en: 'Regulator commission' },
};

/** received → testing → in_review → in_approval → approved → issued; a return goes back to testing. */
export const SAMPLE_STATUSES = ['received', 'testing', 'in_review', 'in_approval', 'approved', 'issued'] as const;
export const SampleStatus = z.enum(SAMPLE_STATUSES);
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];
export const SAMPLE_STATUS_LABELS: Record<SampleStatus, Label> = {
  received: { zh: '已收样', en: 'Received' },
  testing: { zh: '检验中', en: 'Testing' },
  in_review: { zh: '待审核', en: 'Awaiting review' },
  in_approval: { zh: '待批准', en: 'Awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  issued: { zh: '已出具报告', en: 'Report issued' },
};

// ---------- catalogue ----------

export const TestItemView = z.object({
  id: Id,
  institutionId: Id,
  parameter: z.string(),
  standard: z.string(),
  unit: z.string(),
  limitKind: LimitKind,
  limitMin: z.string().nullable(),
  limitMax: z.string().nullable(),
  limitText: z.string().nullable(),
  /** Required by the standard: a report citing the standard without it is incomplete. */
  required: z.boolean(),
  categories: z.array(z.string()),
  active: z.boolean(),
});
export type TestItemView = z.infer<typeof TestItemView>;
export const TestItemBody = z
  .object({
    parameter: text(100, '检测参数'),
    standard: text(60, '方法标准'),
    unit: z.string().trim().max(20).default(''),
    limitKind: LimitKind,
    limitMin: Decimal.nullable().optional(),
    limitMax: Decimal.nullable().optional(),
    limitText: z.string().trim().max(200).nullable().optional(),
    required: z.boolean().default(true),
    categories: z.array(z.string().max(40)).max(20).default([]),
  })
  .superRefine((v, ctx) => {
    const need = (field: 'limitMin' | 'limitMax' | 'limitText', message: string) => {
      if (v[field] === undefined || v[field] === null || v[field] === '') ctx.addIssue({ code: 'custom', path: [field], message });
    };
    if (v.limitKind === 'min' || v.limitKind === 'range') need('limitMin', '请填写下限');
    if (v.limitKind === 'max' || v.limitKind === 'range') need('limitMax', '请填写上限');
    if (v.limitKind === 'text') need('limitText', '请填写文字要求');
    if (v.limitKind === 'range' && v.limitMin && v.limitMax && Number(v.limitMin) > Number(v.limitMax)) {
      ctx.addIssue({ code: 'custom', path: ['limitMax'], message: '上限不能小于下限' });
    }
  });
export const TestItemListQuery = PageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
  institutionId: Id.optional(),
  standard: z.string().max(60).optional(),
  category: z.string().max(40).optional(),
  q: z.string().trim().max(100).optional(),
});

// ---------- samples ----------

export const SampleReceiveBody = z
  .object({
    source: SampleSource,
    clientEnterpriseId: Id.nullable().optional(),
    /** The client by credit code instead of id: what the reception desk reads off the commission letter. */
    clientUscc: Uscc.optional(),
    clientName: z.string().trim().max(200).nullable().optional(),
    commissioningOrgId: Id.nullable().optional(),
    productCategory: z.string().min(1, { message: '请选择产品类别' }).max(40),
    productName: text(200, '样品名称'),
    specification: z.string().trim().max(100).default(''),
    producerUscc: Uscc,
    producerName: text(200, '生产单位'),
    batchNo: text(60, '批号'),
    quantity: text(40, '数量'),
    conditionOnArrival: text(200, '到样状态'),
    storage: text(100, '存放条件'),
    retentionUntil: IsoDate,
    testItemIds: z.array(Id).min(1, { message: '请至少选择一个检测项目' }).max(100),
  })
  .superRefine((v, ctx) => {
    if (v.source === 'client_request' && !v.clientEnterpriseId && !v.clientUscc && !v.clientName) {
      ctx.addIssue({ code: 'custom', path: ['clientName'], message: '委托检验须填写委托单位' });
    }
    if (v.source !== 'client_request' && !v.commissioningOrgId) {
      ctx.addIssue({ code: 'custom', path: ['commissioningOrgId'], message: '监督抽查和监管委托须选择委托的监管部门' });
    }
  });

export const ResultView = z.object({
  id: Id,
  version: z.number().int(),
  value: z.string(),
  unit: z.string(),
  judgement: Judgement,
  instrumentId: Id,
  instrumentName: z.string(),
  testedOn: IsoDate,
  enteredById: Id,
  enteredByName: z.string(),
  enteredAt: IsoDateTime,
  /** Why a later version replaced an earlier one; null for the first entry. */
  reason: z.string().nullable(),
});
export type ResultView = z.infer<typeof ResultView>;

export const SampleTestView = z.object({
  id: Id,
  testItemId: Id,
  parameter: z.string(),
  standard: z.string(),
  unit: z.string(),
  limitKind: LimitKind,
  limitMin: z.string().nullable(),
  limitMax: z.string().nullable(),
  limitText: z.string().nullable(),
  testerId: Id.nullable(),
  testerName: z.string().nullable(),
  result: ResultView.nullable(),
  /** Every version ever entered, newest first. */
  history: z.array(ResultView),
});

export const WorkflowEventView = z.object({
  step: z.string(),
  byName: z.string(),
  at: IsoDateTime,
  reason: z.string().nullable(),
});

export const SampleView = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  sampleNo: z.string(),
  source: SampleSource,
  status: SampleStatus,
  productCategory: z.string(),
  productName: z.string(),
  specification: z.string(),
  batchNo: z.string(),
  quantity: z.string(),
  conditionOnArrival: z.string(),
  storage: z.string(),
  retentionUntil: IsoDate,
  receivedAt: IsoDateTime,
  /** Hidden (null) from testers working blind. */
  clientName: z.string().nullable(),
  producerUscc: z.string().nullable(),
  producerName: z.string().nullable(),
  commissioningOrgName: z.string().nullable(),
  blind: z.boolean(),
  conclusion: Judgement.nullable(),
});
export type SampleView = z.infer<typeof SampleView>;
export const SampleDetailView = SampleView.extend({
  tests: z.array(SampleTestView),
  events: z.array(WorkflowEventView),
});
export const SampleListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  sort: z.enum(['receivedAt', 'sampleNo', 'productName']).default('receivedAt'),
  status: SampleStatus.optional(),
  source: SampleSource.optional(),
  /** Work waiting for me: tests to enter, samples to review or approve. */
  queue: z.enum(['mine']).optional(),
  q: z.string().trim().max(100).optional(),
});

export const AssignBody = z.object({
  assignments: z.array(z.object({ sampleTestId: Id, testerId: Id })).min(1).max(100),
});
export const ResultBody = z.object({
  value: text(60, '检测结果'),
  instrumentId: Id,
  testedOn: IsoDate,
  reason: z.string().trim().max(300).optional().describe('required when correcting an earlier entry'),
});
export const ReasonBody = z.object({ reason: text(300, '原因') });
export const OptionalReasonBody = z.object({ reason: z.string().trim().max(300).optional() });
export const SampleTestParams = z.object({ id: Id, testId: Id });

// ---------- reports ----------

export const ReportView = z.object({
  id: Id,
  sampleId: Id,
  sampleNo: z.string(),
  reportNo: z.string(),
  version: z.number().int(),
  status: z.enum(['issued', 'superseded']),
  conclusion: Judgement,
  productName: z.string(),
  institutionName: z.string(),
  issuedAt: IsoDateTime,
  signatoryName: z.string(),
  amendmentReason: z.string().nullable(),
  verificationCode: z.string(),
  pdfSha256: z.string(),
  contentSha256: z.string(),
  chainId: z.string(),
  chainSeq: z.number().int(),
  chainHeadHash: z.string(),
});
export type ReportView = z.infer<typeof ReportView>;
export const ReportListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  sampleId: Id.optional().describe("a sample's reports: every version"),
  status: z.enum(['issued', 'superseded']).optional(),
  q: z.string().trim().max(100).optional(),
});

/** What anyone may learn about a report: never the results. */
export const PublicVerification = z.object({
  status: z.enum(['authentic', 'superseded', 'not_found']),
  message: z.string(),
  report: z
    .object({
      institutionName: z.string(),
      reportNo: z.string(),
      version: z.number().int(),
      productName: z.string(),
      conclusion: Judgement,
      issuedOn: IsoDate,
      pdfSha256: z.string(),
      supersededBy: z.object({ version: z.number().int(), issuedOn: IsoDate }).nullable(),
    })
    .nullable(),
});
export type PublicVerification = z.infer<typeof PublicVerification>;
export const PublicVerifyQuery = z.object({
  no: text(40, '报告编号'),
  code: text(20, '验证码'),
});

export const INTEGRITY_CHECKS = [
  'results_behind_conclusion',
  'results_after_signing',
  'signatory_authorized',
  'instruments_verified',
  'required_items_tested',
  'tested_after_receipt',
] as const;
export type IntegrityCheck = (typeof INTEGRITY_CHECKS)[number];
export const INTEGRITY_CHECK_LABELS: Record<IntegrityCheck, Label> = {
  results_behind_conclusion: { zh: '结论有检测结果支撑', en: 'Every conclusion has results behind it' },
  results_after_signing: { zh: '签发后未改动检测结果', en: 'No results entered after signing' },
  signatory_authorized: { zh: '授权签字人在授权范围内签发', en: 'Signatory authorised for the scope' },
  instruments_verified: { zh: '仪器在检测日处于有效检定/校准状态', en: 'Instruments verified on the test date' },
  required_items_tested: { zh: '标准要求的项目均已检测', en: 'All items the standard requires were tested' },
  tested_after_receipt: { zh: '检测日期不早于收样日期', en: 'No test before the sample was received' },
};
export const IntegrityReport = z.object({
  reportId: Id,
  ok: z.boolean(),
  checks: z.array(z.object({ check: z.enum(INTEGRITY_CHECKS), label: z.string(), ok: z.boolean(), findings: z.array(z.string()) })),
});
