/**
 * The reporting module's vocabulary and schemas: statistical report templates as
 * data (rows, column groups, each cell a metric over operational records or a
 * manual entry), periods with deadlines, submissions up the hierarchy.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, text } from './api.js';
import type { Label } from './domain.js';
import { ViolationCategory } from './supervision.js';

// Domains of the 2022 inspection-testing clean-up (notice 004) ------------------------
export const TESTING_DOMAINS = ['medical_ppe', 'food', 'ppe', 'building', 'hazmat_tank', 'carbon'] as const;
export const TestingDomain = z.enum(TESTING_DOMAINS);
export type TestingDomain = (typeof TESTING_DOMAINS)[number];
export const TESTING_DOMAIN_LABELS: Record<TestingDomain, Label> = {
  medical_ppe: { zh: '医疗器械防护用品', en: 'Medical protective equipment' },
  food: { zh: '食品', en: 'Food' },
  ppe: { zh: '个体防护装备', en: 'Personal protective equipment' },
  building: { zh: '建筑材料', en: 'Building materials' },
  hazmat_tank: { zh: '常压液体危险货物罐体', en: 'Atmospheric dangerous-liquid tanks' },
  carbon: { zh: '碳排放核查', en: 'Carbon-emission verification' },
};

// Dimensions and metrics ---------------------------------------------------------------
/** What a template's rows run over: product categories, testing domains, or a single row. */
export const ROW_DIMENSIONS = ['category', 'domain', 'none'] as const;
export const RowDimension = z.enum(ROW_DIMENSIONS);
export type RowDimension = (typeof ROW_DIMENSIONS)[number];
export const ROW_DIMENSION_LABELS: Record<RowDimension, Label> = {
  category: { zh: '产品类别', en: 'Product category' },
  domain: { zh: '检验检测领域', en: 'Testing domain' },
  none: { zh: '单行（不分类）', en: 'A single row' },
};

export const METRIC_SOURCES = ['screenings', 'sampling', 'cases', 'checks', 'verifications', 'dispatches', 'certificates', 'service_fees'] as const;
export type MetricSource = (typeof METRIC_SOURCES)[number];
export const METRIC_SOURCE_LABELS: Record<MetricSource, Label> = {
  screenings: { zh: '生产企业排查', en: 'Producer screening' },
  sampling: { zh: '监督抽查', en: 'Supervision sampling' },
  cases: { zh: '案件', en: 'Cases' },
  checks: { zh: '检验检测机构检查', en: 'Checks of testing institutions' },
  verifications: { zh: '计量检定校准', en: 'Verification and calibration' },
  dispatches: { zh: '上门服务', en: 'On-site service' },
  certificates: { zh: '检定证书', en: 'Verification certificates' },
  service_fees: { zh: '服务收费减免', en: 'Service fees waived' },
};

export type MetricInfo = {
  label: Label;
  source: MetricSource;
  unit: string;
  /** Digits shown; values are kept exact and rounded only for display. */
  decimals: number;
  /** Row dimensions the metric can be split by ('none' always works). */
  dimensions: RowDimension[];
  /** Column filters it takes (a case's violation category). */
  filters: 'violation'[];
  /** Counted once per enterprise and kind: adds up across rows and regions only because each record has one kind and one region. */
  note?: Label;
};

/**
 * The metric catalogue: every figure a template can ask for. The server holds the
 * SQL of each (modules/reporting/metrics.ts); this is what the designer offers.
 */
export const METRICS = {
  'screening.enterprises': {
    label: { zh: '排查企业数量', en: 'Enterprises screened' },
    source: 'screenings',
    unit: '家',
    decimals: 0,
    dimensions: ['category', 'none'],
    filters: [],
    note: { zh: '同一企业生产多类产品时按产品种类分别计数', en: 'An enterprise making several kinds counts once per kind' },
  },
  'screening.nonconforming_enterprises': {
    label: { zh: '不合格企业数量', en: 'Enterprises found nonconforming' },
    source: 'screenings',
    unit: '家',
    decimals: 0,
    dimensions: ['category', 'none'],
    filters: [],
  },
  'screening.rectified_enterprises': {
    label: { zh: '整改企业数量', en: 'Enterprises rectified' },
    source: 'screenings',
    unit: '家',
    decimals: 0,
    dimensions: ['category', 'none'],
    filters: [],
  },
  'sampling.enterprises': {
    label: { zh: '开展质量抽查企业数量', en: 'Enterprises sampled' },
    source: 'sampling',
    unit: '家',
    decimals: 0,
    dimensions: ['category', 'none'],
    filters: [],
  },
  'sampling.batches': { label: { zh: '抽查产品批次', en: 'Batches sampled' }, source: 'sampling', unit: '批次', decimals: 0, dimensions: ['category', 'none'], filters: [] },
  'sampling.judged_batches': {
    label: { zh: '已出检验结论批次', en: 'Batches with a result' },
    source: 'sampling',
    unit: '批次',
    decimals: 0,
    dimensions: ['category', 'none'],
    filters: [],
  },
  'sampling.nonconforming_batches': {
    label: { zh: '不合格批次', en: 'Nonconforming batches' },
    source: 'sampling',
    unit: '批次',
    decimals: 0,
    dimensions: ['category', 'none'],
    filters: [],
  },
  'cases.filed': { label: { zh: '立案（件）', en: 'Cases filed' }, source: 'cases', unit: '件', decimals: 0, dimensions: ['category', 'none'], filters: ['violation'] },
  'cases.penalized': {
    label: { zh: '处罚案件（件）', en: 'Cases decided with a penalty' },
    source: 'cases',
    unit: '件',
    decimals: 0,
    dimensions: ['category', 'none'],
    filters: ['violation'],
  },
  'cases.fines_wan': {
    label: { zh: '罚没（万元）', en: 'Fines and confiscations (10,000 yuan)' },
    source: 'cases',
    unit: '万元',
    decimals: 2,
    dimensions: ['category', 'none'],
    filters: ['violation'],
  },
  'cases.transferred_police': {
    label: { zh: '移送公安案件（件）', en: 'Cases transferred to the police' },
    source: 'cases',
    unit: '件',
    decimals: 0,
    dimensions: ['category', 'none'],
    filters: ['violation'],
  },
  'cases.units_investigated': {
    label: { zh: '被查处单位（家）', en: 'Units investigated' },
    source: 'cases',
    unit: '家',
    decimals: 0,
    dimensions: ['category', 'none'],
    filters: ['violation'],
  },
  'cases.staff_dispatched': {
    label: { zh: '出动执法人员（人次）', en: 'Enforcement staff dispatched (person-times)' },
    source: 'cases',
    unit: '人次',
    decimals: 0,
    dimensions: ['category', 'none'],
    filters: ['violation'],
  },
  'checks.institutions': {
    label: { zh: '检查检验检测机构（家）', en: 'Institutions checked' },
    source: 'checks',
    unit: '家',
    decimals: 0,
    dimensions: ['domain', 'none'],
    filters: [],
  },
  'checks.reports_checked': {
    label: { zh: '抽查检验检测报告（份）', en: 'Reports spot-checked' },
    source: 'checks',
    unit: '份',
    decimals: 0,
    dimensions: ['domain', 'none'],
    filters: [],
  },
  'checks.untrue_reports': {
    label: { zh: '发现不实报告（份）', en: 'Untrue reports found' },
    source: 'checks',
    unit: '份',
    decimals: 0,
    dimensions: ['domain', 'none'],
    filters: [],
  },
  'checks.fake_reports': {
    label: { zh: '发现虚假报告（份）', en: 'Fake reports found' },
    source: 'checks',
    unit: '份',
    decimals: 0,
    dimensions: ['domain', 'none'],
    filters: [],
  },
  'checks.cases_filed': { label: { zh: '立案（件）', en: 'Cases filed' }, source: 'checks', unit: '件', decimals: 0, dimensions: ['domain', 'none'], filters: [] },
  'checks.cases_penalized': {
    label: { zh: '行政处罚（件）', en: 'Penalties decided' },
    source: 'checks',
    unit: '件',
    decimals: 0,
    dimensions: ['domain', 'none'],
    filters: [],
  },
  'checks.fines_wan': {
    label: { zh: '罚没金额（万元）', en: 'Fines and confiscations (10,000 yuan)' },
    source: 'checks',
    unit: '万元',
    decimals: 2,
    dimensions: ['domain', 'none'],
    filters: [],
  },
  'checks.listed': {
    label: { zh: '列入严重违法失信名单（家）', en: 'Listed as seriously dishonest' },
    source: 'checks',
    unit: '家',
    decimals: 0,
    dimensions: ['domain', 'none'],
    filters: [],
  },
  'checks.transferred_police': {
    label: { zh: '移送公安机关（件）', en: 'Transferred to the police' },
    source: 'checks',
    unit: '件',
    decimals: 0,
    dimensions: ['domain', 'none'],
    filters: [],
  },
  'verifications.instruments': {
    label: { zh: '检定校准计量器具（台件）', en: 'Instruments verified or calibrated' },
    source: 'verifications',
    unit: '台件',
    decimals: 0,
    dimensions: ['none'],
    filters: [],
  },
  'verifications.enterprise_instruments': {
    label: { zh: '检校企业计量器具（台件）', en: 'Enterprise instruments verified or calibrated' },
    source: 'verifications',
    unit: '台件',
    decimals: 0,
    dimensions: ['none'],
    filters: [],
  },
  'dispatches.staff_person_times': {
    label: { zh: '出动计量技术人员（人次）', en: 'Staff dispatched (person-times)' },
    source: 'dispatches',
    unit: '人次',
    decimals: 0,
    dimensions: ['none'],
    filters: [],
  },
  'dispatches.hospitals': {
    label: { zh: '服务医疗机构（家）', en: 'Medical institutions served' },
    source: 'dispatches',
    unit: '家',
    decimals: 0,
    dimensions: ['none'],
    filters: [],
    note: { zh: '同一医疗机构在期内多次上门计一家', en: 'A place served several times counts once' },
  },
  'dispatches.checkpoints': {
    label: { zh: '服务疫情防控监测点（个）', en: 'Checkpoints served' },
    source: 'dispatches',
    unit: '个',
    decimals: 0,
    dimensions: ['none'],
    filters: [],
    note: { zh: '同一监测点在期内多次上门计一个', en: 'A place served several times counts once' },
  },
  'certificates.epidemic_instruments': {
    label: { zh: '检定防疫用计量器具（台件）', en: 'Epidemic instruments verified' },
    source: 'certificates',
    unit: '台件',
    decimals: 0,
    dimensions: ['none'],
    filters: [],
  },
  'certificates.other_instruments': {
    label: { zh: '检定其他计量器具（台件）', en: 'Other instruments verified' },
    source: 'certificates',
    unit: '台件',
    decimals: 0,
    dimensions: ['none'],
    filters: [],
  },
  'certificates.enterprise_instruments': {
    label: { zh: '检定企业计量器具（台件）', en: 'Enterprise instruments verified' },
    source: 'certificates',
    unit: '台件',
    decimals: 0,
    dimensions: ['none'],
    filters: [],
  },
  'service_fees.metrology_waived_wan': {
    label: { zh: '减免检定校准费用（万元）', en: 'Verification and calibration fees waived (10,000 yuan)' },
    source: 'service_fees',
    unit: '万元',
    decimals: 2,
    dimensions: ['none'],
    filters: [],
  },
} as const satisfies Record<string, MetricInfo>;
export type MetricKey = keyof typeof METRICS;
export const METRIC_KEYS = Object.keys(METRICS) as MetricKey[];
export const MetricKeySchema = z.enum(METRIC_KEYS as [MetricKey, ...MetricKey[]], { message: '未知的统计指标' });

// Templates ------------------------------------------------------------------------------
const Key = z
  .string({ error: '请填写编码' })
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, { message: '编码应为小写字母开头的字母、数字或下划线，最多40个字符' });

/** A column: a metric over the records, a ratio of two, the sum of other columns of the row, or an entry by hand. */
export const ReportColumn = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('metric'), key: Key, label: text(60, '列名称'), metric: MetricKeySchema, violation: ViolationCategory.optional() }),
  z.object({
    kind: z.literal('ratio'),
    key: Key,
    label: text(60, '列名称'),
    numerator: MetricKeySchema,
    denominator: MetricKeySchema,
    /** Shown as a percentage with this many decimals. */
    decimals: z.number().int().min(0).max(4).default(2),
  }),
  z.object({ kind: z.literal('sum'), key: Key, label: text(60, '列名称'), of: z.array(Key).min(2, { message: '合计列至少由两列相加' }) }),
  z.object({ kind: z.literal('manual'), key: Key, label: text(60, '列名称'), unit: z.string().trim().max(10).default(''), decimals: z.number().int().min(0).max(4).default(0) }),
]);
export type ReportColumn = z.infer<typeof ReportColumn>;

export const ReportColumnGroup = z.object({ key: Key, label: text(60, '列组名称'), columns: z.array(ReportColumn).min(1, { message: '每个列组至少一列' }).max(12) });
export type ReportColumnGroup = z.infer<typeof ReportColumnGroup>;

export const ReportRow = z.object({
  key: Key,
  label: text(60, '行名称'),
  /** The dimension value the row stands for (a category code, a domain); null for a single-row table. */
  value: z.string().trim().max(40).nullable(),
});
export type ReportRow = z.infer<typeof ReportRow>;

export const ReportTemplateDefinition = z
  .object({
    title: text(120, '表名'),
    rowDimension: RowDimension,
    rows: z.array(ReportRow).min(1, { message: '至少一行' }).max(40),
    /** A 合计 row: additive cells are the sum of the rows, ratios recomputed from their parts. */
    totalRow: z.object({ label: text(20, '合计行名称') }).nullable(),
    groups: z.array(ReportColumnGroup).min(1, { message: '至少一个列组' }).max(12),
    headerFields: z.array(z.string().trim().min(1).max(20)).max(6).default(['填报单位', '填报人', '电话']),
    notes: z.array(z.string().trim().min(1).max(300)).max(10).default([]),
  })
  .superRefine((d, ctx) => {
    const keys = new Set<string>();
    d.groups.forEach((g, gi) =>
      g.columns.forEach((c, ci) => {
        if (keys.has(c.key)) ctx.addIssue({ code: 'custom', path: ['groups', gi, 'columns', ci, 'key'], message: `列编码 ${c.key} 重复` });
        keys.add(c.key);
      }),
    );
    const rowKeys = new Set<string>();
    d.rows.forEach((r, ri) => {
      if (rowKeys.has(r.key) || r.key === 'total') ctx.addIssue({ code: 'custom', path: ['rows', ri, 'key'], message: `行编码 ${r.key} 重复或为保留字` });
      rowKeys.add(r.key);
      if (d.rowDimension === 'none' ? r.value !== null : !r.value) {
        ctx.addIssue({ code: 'custom', path: ['rows', ri, 'value'], message: d.rowDimension === 'none' ? '单行表的行不对应分类' : '请为每行选择对应的分类' });
      }
    });
    if (d.rowDimension === 'none' && d.rows.length !== 1) ctx.addIssue({ code: 'custom', path: ['rows'], message: '单行（不分类）的表只能有一行' });
    d.groups.forEach((g, gi) =>
      g.columns.forEach((c, ci) => {
        const at = ['groups', gi, 'columns', ci];
        const metrics: [MetricKey, string][] =
          c.kind === 'metric' ? [[c.metric, 'metric']] : c.kind === 'ratio' ? [[c.numerator, 'numerator'], [c.denominator, 'denominator']] : [];
        for (const [m, field] of metrics) {
          const info: MetricInfo = METRICS[m];
          if (!info.dimensions.includes(d.rowDimension)) {
            ctx.addIssue({ code: 'custom', path: [...at, field], message: `指标「${info.label.zh}」不能按${ROW_DIMENSION_LABELS[d.rowDimension].zh}分行` });
          }
        }
        if (c.kind === 'metric' && c.violation && !(METRICS[c.metric] as MetricInfo).filters.includes('violation')) {
          ctx.addIssue({ code: 'custom', path: [...at, 'violation'], message: `指标「${METRICS[c.metric].label.zh}」不能按违法类型筛选` });
        }
        if (c.kind === 'sum') {
          for (const k of c.of) if (!keys.has(k) || k === c.key) ctx.addIssue({ code: 'custom', path: [...at, 'of'], message: `合计列引用的列 ${k} 不存在` });
        }
      }),
    );
  });
export type ReportTemplateDefinition = z.infer<typeof ReportTemplateDefinition>;

export const REPORT_FREQUENCIES = ['weekly', 'monthly', 'once'] as const;
export const ReportFrequency = z.enum(REPORT_FREQUENCIES);
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];
export const REPORT_FREQUENCY_LABELS: Record<ReportFrequency, Label> = {
  weekly: { zh: '每周', en: 'Weekly' },
  monthly: { zh: '每月', en: 'Monthly' },
  once: { zh: '一次性', en: 'Once' },
};

/** Since when a period's figures count: the campaign's start (cumulative, 截至) or the period's own start. */
export const ACCUMULATIONS = ['campaign', 'period'] as const;
export const Accumulation = z.enum(ACCUMULATIONS);
export type Accumulation = (typeof ACCUMULATIONS)[number];
export const ACCUMULATION_LABELS: Record<Accumulation, Label> = {
  campaign: { zh: '自行动开始累计', en: 'Cumulative since the campaign began' },
  period: { zh: '本期数', en: 'This period only' },
};

export const UNIT_LEVELS = ['province', 'city', 'county'] as const;
export const UnitLevel = z.enum(UNIT_LEVELS);
export type UnitLevel = (typeof UNIT_LEVELS)[number];

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:MM' });

/**
 * When a period's data ends and when it is due, in Asia/Shanghai. Weekly: data through
 * `cutoffWeekday` (1 Monday … 7 Sunday), due on `dueWeekday` at `dueTime` of the week after
 * the cut-off day (the same day when it is later in the week), reminders at `remindTime` that day.
 * Monthly: data through the month's last day, due on day `dueDay` of the next month.
 */
export const ReportSchedule = z.object({
  cutoffWeekday: z.number().int().min(1).max(7).default(3),
  dueWeekday: z.number().int().min(1).max(7).default(4),
  dueTime: Clock.default('17:00'),
  remindTime: Clock.default('12:00'),
  dueDay: z.number().int().min(1).max(28).default(5),
});
export type ReportSchedule = z.infer<typeof ReportSchedule>;

export const ReportTemplateBody = z.object({
  code: Key,
  name: text(120, '模板名称'),
  frequency: ReportFrequency,
  accumulation: Accumulation,
  campaignId: Id.nullable().optional(),
  unitLevel: UnitLevel.default('province'),
  schedule: ReportSchedule.default(ReportSchedule.parse({})),
  definition: ReportTemplateDefinition,
});
export type ReportTemplateBody = z.infer<typeof ReportTemplateBody>;
export const ReportTemplateUpdateBody = ReportTemplateBody.omit({ code: true });

export const ReportTemplateView = z.object({
  id: Id,
  code: z.string(),
  name: z.string(),
  ownerOrgId: Id,
  ownerName: z.string(),
  regionCode: z.string(),
  frequency: ReportFrequency,
  accumulation: Accumulation,
  campaignId: Id.nullable(),
  campaignName: z.string().nullable(),
  unitLevel: UnitLevel,
  schedule: ReportSchedule,
  definition: ReportTemplateDefinition,
  active: z.boolean(),
  /** Submissions exist: the definition is frozen (copy it to change it). */
  inUse: z.boolean(),
  /** The caller fills it in (a reporting unit) or receives it (above the units). */
  callerRole: z.enum(['unit', 'above']),
  builtIn: z.boolean(),
});
export type ReportTemplateView = z.infer<typeof ReportTemplateView>;
export const ReportTemplateListQuery = PageQuery.extend({ q: z.string().trim().max(60).optional(), active: z.enum(['true', 'false']).optional() });

// Periods ----------------------------------------------------------------------------------
/**
 * A period is named by a key: weekly by its cut-off day ('2026-11-25'), monthly by its month
 * ('2026-11'), a one-off by the code given when it was set up ('once-2022-summary').
 */
export const PeriodKey = z
  .string({ error: '请选择报送期次' })
  .trim()
  .regex(/^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|once-[a-z0-9-]{1,40})$/, { message: '无效的报送期次' });

export const ReportPeriodView = z.object({
  templateId: Id,
  key: PeriodKey,
  label: z.string(),
  /** The period's own days: [fromDate, toDate]; toDate is 数据截至. */
  fromDate: IsoDate,
  toDate: IsoDate,
  /** The first day counted: the campaign's start when the template is cumulative, else fromDate. */
  windowFrom: IsoDate,
  dueAt: IsoDateTime,
  remindAt: IsoDateTime,
  /** The deadline has passed. */
  closed: z.boolean(),
});
export type ReportPeriodView = z.infer<typeof ReportPeriodView>;
export const ReportPeriodListQuery = z.object({ count: z.coerce.number().int().min(1).max(52).default(12) });
export const OncePeriodBody = z
  .object({
    key: z.string().trim().regex(/^once-[a-z0-9-]{1,40}$/, { message: '期次编码应以 once- 开头，由小写字母、数字和连字符组成' }),
    label: text(60, '期次名称'),
    fromDate: IsoDate,
    toDate: IsoDate,
    dueDate: IsoDate,
    dueTime: Clock.default('17:00'),
  })
  .superRefine((v, ctx) => {
    if (v.toDate < v.fromDate) ctx.addIssue({ code: 'custom', path: ['toDate'], message: '统计截止日期不能早于开始日期' });
    if (v.dueDate < v.toDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: '报送期限不能早于统计截止日期' });
  });
export const TemplateParams = z.object({ templateId: Id });
export const PeriodParams = z.object({ templateId: Id, key: PeriodKey });
export const CellParams = PeriodParams.extend({ cell: z.string().regex(/^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/, { message: '无效的单元格' }) });

// Submissions ------------------------------------------------------------------------------
export const SUBMISSION_STATUSES = ['draft', 'submitted', 'accepted', 'returned'] as const;
export const SubmissionStatus = z.enum(SUBMISSION_STATUSES);
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SUBMISSION_STATUS_LABELS: Record<SubmissionStatus | 'missing', Label> = {
  missing: { zh: '未报送', en: 'Not submitted' },
  draft: { zh: '填报中', en: 'Draft' },
  submitted: { zh: '已报送待审核', en: 'Submitted' },
  accepted: { zh: '已审核通过', en: 'Accepted' },
  returned: { zh: '已退回', en: 'Returned' },
};

export const SubmissionView = z.object({
  id: Id,
  templateId: Id,
  periodKey: z.string(),
  unitOrgId: Id,
  unitName: z.string(),
  regionCode: z.string(),
  status: SubmissionStatus,
  filledBy: z.string().nullable(),
  phone: z.string().nullable(),
  submittedAt: IsoDateTime.nullable(),
  submittedByName: z.string().nullable(),
  onTime: z.boolean().nullable(),
  exceptionReason: z.string().nullable(),
  reviewedAt: IsoDateTime.nullable(),
  reviewedByName: z.string().nullable(),
  returnReason: z.string().nullable(),
});
export type SubmissionView = z.infer<typeof SubmissionView>;

/** A cell's value as exact decimal text; a ratio carries its parts so upper levels recompute it. */
export const CellValue = z.object({
  value: z.string().nullable(),
  numerator: z.string().optional(),
  denominator: z.string().optional(),
  /** Manual cells: the note that must go with the figure. */
  note: z.string().optional(),
});
export type CellValue = z.infer<typeof CellValue>;

export const TABLE_MODES = ['unit', 'rollup', 'live'] as const;
export const TableMode = z.enum(TABLE_MODES);
export type TableMode = (typeof TABLE_MODES)[number];

export const ReportTableQuery = z.object({
  /** A reporting unit's org; omitted: the caller's own table (a unit) or its roll-up (above the units). */
  unit: Id.optional(),
  /** Above the units: 'rollup' sums what the units submitted, 'live' computes from the records now. */
  mode: z.enum(['rollup', 'live']).optional(),
});

export const ReportTableView = z.object({
  template: ReportTemplateView,
  period: ReportPeriodView,
  mode: TableMode,
  unit: z.object({ orgId: Id, name: z.string(), regionCode: z.string() }),
  /** 数据截至：the last day counted. */
  dataThrough: IsoDate,
  computedAt: IsoDateTime,
  submission: SubmissionView.nullable(),
  /** May the caller enter manual cells and submit (a unit's own open draft)? */
  editable: z.boolean(),
  /** `${rowKey}:${columnKey}`, with rowKey 'total' for the 合计 row. */
  cells: z.record(z.string(), CellValue),
  /** Roll-up only: units counted and units expected. */
  included: z.object({ counted: z.number().int(), expected: z.number().int() }).nullable(),
});
export type ReportTableView = z.infer<typeof ReportTableView>;


export const ManualValueBody = z.object({
  value: z
    .string({ error: '请填写数值' })
    .trim()
    .regex(/^\d{1,12}(\.\d{1,4})?$/, { message: '应为不超过四位小数的非负数' }),
  note: text(500, '填报说明'),
});
export const SubmitBody = z.object({
  filledBy: text(40, '填报人'),
  phone: z
    .string({ error: '请填写电话' })
    .trim()
    .regex(/^[0-9+()\- ]{7,20}$/, { message: '电话应为7至20位数字，可含区号连字符' }),
});
export const ReportReasonBody = z.object({ reason: text(500, '理由') });
export const SubmissionParams = z.object({ id: Id });

export const CompletenessUnit = z.object({
  orgId: Id,
  name: z.string(),
  regionCode: z.string(),
  status: z.enum(['missing', ...SUBMISSION_STATUSES]),
  submissionId: Id.nullable(),
  submittedAt: IsoDateTime.nullable(),
  onTime: z.boolean().nullable(),
  excused: z.boolean(),
});
export type CompletenessUnit = z.infer<typeof CompletenessUnit>;
export const CompletenessView = z.object({
  period: ReportPeriodView,
  expected: z.number().int(),
  submitted: z.number().int(),
  accepted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  /** On time (or excused) as a share of those submitted, 0–100; null before any submission. */
  timelinessPercent: z.number().nullable(),
  units: z.array(CompletenessUnit),
});
export type CompletenessView = z.infer<typeof CompletenessView>;

// Drill-down ------------------------------------------------------------------------------
export const DrillQuery = PageQuery.extend({ unit: Id.optional() });
export const DrillRecord = z.object({
  kind: z.enum(['screening', 'sampling', 'case', 'check', 'verification', 'dispatch', 'certificate', 'service_request']),
  id: Id,
  date: IsoDate.nullable(),
  title: z.string(),
  detail: z.string(),
  regionCode: z.string(),
  /** The page of the record in the web app. */
  link: z.string(),
});
export type DrillRecord = z.infer<typeof DrillRecord>;

// Exports and charts -----------------------------------------------------------------------
export const EXPORT_FORMATS = ['xlsx', 'csv', 'json'] as const;
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const ExportQuery = ReportTableQuery.extend({ format: ExportFormat.default('xlsx') });

export const TrendQuery = z.object({
  cell: z.string().regex(/^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/, { message: '无效的单元格' }),
  periods: z.coerce.number().int().min(2).max(26).default(8),
  unit: Id.optional(),
});
export const TrendView = z.object({ points: z.array(z.object({ key: z.string(), label: z.string(), toDate: IsoDate, value: z.string().nullable() })) });
export const CompareQuery = z.object({ cell: z.string().regex(/^[a-z][a-z0-9_]*:[a-z][a-z0-9_]*$/, { message: '无效的单元格' }) });
export const CompareView = z.object({ units: z.array(z.object({ orgId: Id, name: z.string(), regionCode: z.string(), value: z.string().nullable() })) });

// Notifications -----------------------------------------------------------------------------
export const NotificationView = z.object({
  id: Id,
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  createdAt: IsoDateTime,
  read: z.boolean(),
});
export type NotificationView = z.infer<typeof NotificationView>;
export const NotificationListQuery = PageQuery.extend({ unread: z.enum(['true', 'false']).optional(), order: z.enum(['asc', 'desc']).default('desc') });
