import {
  ReportSchedule,
  ReportTemplateDefinition,
  TESTING_DOMAINS,
  TESTING_DOMAIN_LABELS,
  VIOLATION_CATEGORIES,
  VIOLATION_CATEGORY_LABELS,
  type Accumulation,
  type ReportColumn,
  type ReportFrequency,
  type UnitLevel,
  type ViolationCategory,
} from '@shijian/contracts';

/**
 * The template library: the official forms of the notices, ready to be taken up by a
 * bureau (bound to its campaign, with its schedule). A template is data; these are
 * only its first versions.
 */
export type LibraryEntry = {
  code: string;
  name: string;
  source: string;
  frequency: ReportFrequency;
  accumulation: Accumulation;
  unitLevel: UnitLevel;
  schedule: ReportSchedule;
  /** The campaign the form belongs to, by the name the demo world uses for it. */
  campaign: 'epidemic' | 'testing' | null;
  definition: ReportTemplateDefinition;
};

const VIOLATION_PREFIX: Record<ViolationCategory, string> = {
  quality: 'q',
  certification_testing: 'c',
  drug_device_qualification: 'd',
  price: 'p',
  other: 'o',
};

/** The six enforcement columns of the weekly table, for one violation category (or all, as sums). */
const ENFORCEMENT = [
  ['filed', 'cases.filed', '立案（件）'],
  ['penalized', 'cases.penalized', '处罚案件（件）'],
  ['fines', 'cases.fines_wan', '罚没（万元）'],
  ['police', 'cases.transferred_police', '移送公安案件（件）'],
  ['units', 'cases.units_investigated', '被查处单位（家）'],
  ['staff', 'cases.staff_dispatched', '出动执法人员（人次）'],
] as const;

const enforcementColumns = (v: ViolationCategory): ReportColumn[] =>
  ENFORCEMENT.map(([suffix, metric, label]) => ({ kind: 'metric', key: `${VIOLATION_PREFIX[v]}_${suffix}`, label, metric, violation: v }));

const enforcementTotals: ReportColumn[] = ENFORCEMENT.map(([suffix, , label]) => ({
  kind: 'sum',
  key: `t_${suffix}`,
  label,
  of: VIOLATION_CATEGORIES.map((v) => `${VIOLATION_PREFIX[v]}_${suffix}`),
}));

/** Seed 002's attachment: 全国防疫物资产品质量和市场秩序专项整治行动情况表 (42 columns in 8 groups, 8 rows and 合计). */
export const EPIDEMIC_WEEKLY: LibraryEntry = {
  code: 'epidemic_weekly',
  name: '全国防疫物资产品质量和市场秩序专项整治行动情况表',
  source: '国市监竞争〔2020〕74号附件',
  frequency: 'weekly',
  accumulation: 'campaign',
  unitLevel: 'province',
  schedule: ReportSchedule.parse({ cutoffWeekday: 3, dueWeekday: 4, dueTime: '17:00', remindTime: '12:00' }),
  campaign: 'epidemic',
  definition: ReportTemplateDefinition.parse({
    title: '全国防疫物资产品质量和市场秩序专项整治行动情况表',
    rowDimension: 'category',
    rows: [
      { key: 'mask', label: '口罩', value: 'mask' },
      { key: 'ventilator', label: '呼吸机', value: 'ventilator' },
      { key: 'protective_suit', label: '防护服', value: 'protective_suit' },
      { key: 'ir_thermometer', label: '红外体温计 (额温枪)', value: 'ir_thermometer' },
      { key: 'covid_test_kit', label: '新型冠状病毒检测试剂', value: 'covid_test_kit' },
      { key: 'meltblown', label: '熔喷布', value: 'meltblown' },
      { key: 'nonwoven', label: '无纺布', value: 'nonwoven' },
      { key: 'ir_sensor', label: '红外传感器', value: 'ir_sensor' },
    ],
    totalRow: { label: '合计' },
    groups: [
      {
        key: 'screening',
        label: '生产企业排查情况',
        columns: [
          { kind: 'metric', key: 'screened', label: '排查企业数量', metric: 'screening.enterprises' },
          { kind: 'metric', key: 'screen_failed', label: '不合格企业数量', metric: 'screening.nonconforming_enterprises' },
          { kind: 'metric', key: 'rectified', label: '整改企业数量', metric: 'screening.rectified_enterprises' },
        ],
      },
      {
        key: 'sampling',
        label: '产品质量监督抽查情况',
        columns: [
          { kind: 'metric', key: 'sampled', label: '开展质量抽查企业数量', metric: 'sampling.enterprises' },
          { kind: 'metric', key: 'batches', label: '抽查产品批次', metric: 'sampling.batches' },
          { kind: 'ratio', key: 'fail_rate', label: '监督抽查批次不合格发现率', numerator: 'sampling.nonconforming_batches', denominator: 'sampling.judged_batches', decimals: 2 },
        ],
      },
      ...VIOLATION_CATEGORIES.map((v) => ({ key: `v_${VIOLATION_PREFIX[v]}`, label: VIOLATION_CATEGORY_LABELS[v].zh, columns: enforcementColumns(v) })),
      { key: 'v_total', label: '合计', columns: enforcementTotals },
    ],
    headerFields: ['填报单位', '填报人', '电话'],
    notes: [
      '本表所称“企业”包含个体工商户等各类防疫物资生产者。',
      '同一企业生产多类产品时，按照所生产产品种类分别统计企业数量。',
      '监督抽查批次不合格发现率＝不合格批次÷已出检验结论批次×100%，各级汇总时按分子、分母分别相加后重新计算。',
    ],
  }),
};

/** Notice 004's summary: the inspection-testing clean-up by its six domains. */
export const TESTING_CLEANUP: LibraryEntry = {
  code: 'testing_cleanup_2022',
  name: '检验检测市场专项整治行动检查信息汇总表',
  source: '市监检测发〔2022〕26号附件',
  frequency: 'once',
  accumulation: 'campaign',
  unitLevel: 'province',
  schedule: ReportSchedule.parse({}),
  campaign: 'testing',
  definition: ReportTemplateDefinition.parse({
    title: '检验检测市场专项整治行动检查信息汇总表',
    rowDimension: 'domain',
    rows: TESTING_DOMAINS.map((d) => ({ key: d, label: TESTING_DOMAIN_LABELS[d].zh, value: d })),
    totalRow: { label: '合计' },
    groups: [
      {
        key: 'checks',
        label: '监督检查情况',
        columns: [
          { kind: 'metric', key: 'institutions', label: '检查机构（家）', metric: 'checks.institutions' },
          { kind: 'metric', key: 'reports', label: '抽查报告（份）', metric: 'checks.reports_checked' },
          { kind: 'metric', key: 'untrue', label: '不实报告（份）', metric: 'checks.untrue_reports' },
          { kind: 'metric', key: 'fake', label: '虚假报告（份）', metric: 'checks.fake_reports' },
        ],
      },
      {
        key: 'cases',
        label: '查处情况',
        columns: [
          { kind: 'metric', key: 'filed', label: '立案（件）', metric: 'checks.cases_filed' },
          { kind: 'metric', key: 'penalized', label: '行政处罚（件）', metric: 'checks.cases_penalized' },
          { kind: 'metric', key: 'fines', label: '罚没金额（万元）', metric: 'checks.fines_wan' },
          { kind: 'metric', key: 'listed', label: '列入严重违法失信名单（家）', metric: 'checks.listed' },
          { kind: 'metric', key: 'police', label: '移送公安机关（件）', metric: 'checks.transferred_police' },
        ],
      },
    ],
    headerFields: ['填报单位', '填报人', '电话'],
    notes: ['查处情况统计由专项整治检查发现问题而立案的案件；罚没金额为罚款与没收违法所得之和。'],
  }),
};

/**
 * Notice 003's metrology-service figures, from the records of the service window: staff
 * person-times and places served from the on-site dispatches, instruments verified from the
 * certificates (epidemic items apart), enterprise instruments from the ledgers' verification
 * records, fees waived from the request lines. Only the measurement standards are typed in.
 */
export const METROLOGY_SERVICE: LibraryEntry = {
  code: 'metrology_service',
  name: '计量服务保障企业复工复产情况统计表',
  source: '陕西省市场监管局计量服务情况（2020）',
  frequency: 'weekly',
  accumulation: 'period',
  unitLevel: 'province',
  schedule: ReportSchedule.parse({ cutoffWeekday: 3, dueWeekday: 4, dueTime: '17:00', remindTime: '12:00' }),
  campaign: null,
  definition: ReportTemplateDefinition.parse({
    title: '计量服务保障企业复工复产情况统计表',
    rowDimension: 'none',
    rows: [{ key: 'all', label: '本辖区', value: null }],
    totalRow: null,
    groups: [
      {
        key: 'service',
        label: '计量服务',
        columns: [
          { kind: 'metric', key: 'staff', label: '出动计量技术人员（人次）', metric: 'dispatches.staff_person_times' },
          { kind: 'metric', key: 'hospitals', label: '服务医疗机构（家）', metric: 'dispatches.hospitals' },
          { kind: 'metric', key: 'checkpoints', label: '服务疫情防控监测点（个）', metric: 'dispatches.checkpoints' },
        ],
      },
      {
        key: 'instruments',
        label: '检定校准计量器具（台件）',
        columns: [
          { kind: 'metric', key: 'epidemic', label: '防疫用计量器具', metric: 'certificates.epidemic_instruments' },
          { kind: 'metric', key: 'other', label: '其他计量器具', metric: 'certificates.other_instruments' },
          { kind: 'manual', key: 'standards', label: '量传计量标准器具', unit: '台件' },
          { kind: 'metric', key: 'enterprise', label: '企业复工复产计量器具', metric: 'verifications.enterprise_instruments' },
          { kind: 'metric', key: 'all', label: '检定校准记录合计', metric: 'verifications.instruments' },
        ],
      },
      { key: 'fees', label: '收费减免', columns: [{ kind: 'metric', key: 'waived', label: '减免检定校准费用（万元）', metric: 'service_fees.metrology_waived_wan' }] },
    ],
    headerFields: ['填报单位', '填报人', '电话'],
    notes: [
      '出动人次、服务医疗机构和监测点按上门服务记录统计（同一场所期内多次服务计一处）；防疫用和其他计量器具按出具的检定证书、检定结果通知书统计。',
      '企业复工复产计量器具和检定校准记录合计按计量器具台账中的检定、校准记录统计；减免费用按服务申请的收费减免记录统计。量传计量标准器具由填报单位据实填写。',
    ],
  }),
};

export const TEMPLATE_LIBRARY: LibraryEntry[] = [EPIDEMIC_WEEKLY, TESTING_CLEANUP, METROLOGY_SERVICE];
