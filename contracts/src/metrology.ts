/**
 * Metrology (计量, notices 000 and 003): the compulsory-verification catalogue as data, the
 * instrument ledger's e-CQS fields, and verification done for a service request — a
 * certificate (检定证书) when the instrument passes, a result notice (检定结果通知书) when not.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, text } from './api.js';

/** P: pattern approval (型式批准); V: compulsory verification (强制检定). */
export const COMPULSORY_MODES = ['P', 'V', 'P+V'] as const;
export const CompulsoryMode = z.enum(COMPULSORY_MODES);

export const CompulsoryItemView = z.object({
  id: Id,
  item: z.string(),
  kinds: z.array(z.string()),
  mode: CompulsoryMode,
  scope: z.string(),
  periodMonths: z.number().int(),
  epidemic: z.boolean(),
});
export type CompulsoryItemView = z.infer<typeof CompulsoryItemView>;

export const INSTRUMENT_PURPOSES = ['trade_settlement', 'safety', 'medical', 'environment', 'other'] as const;
export const InstrumentPurpose = z.enum(INSTRUMENT_PURPOSES, { message: '用途应为贸易结算、安全防护、医疗卫生、环境监测或其他' });
export const INSTRUMENT_PURPOSE_LABELS: Record<(typeof INSTRUMENT_PURPOSES)[number], string> = {
  trade_settlement: '贸易结算',
  safety: '安全防护',
  medical: '医疗卫生',
  environment: '环境监测',
  other: '其他',
};

/** The e-CQS fields of a ledger entry beyond the instrument itself. */
export const LedgerDetailsBody = z.object({
  category: text(50, '器具类别'),
  accuracyClass: z.string().trim().max(50, { message: '准确度等级不能超过50个字符' }).default(''),
  location: z.string().trim().max(200, { message: '使用地点不能超过200个字符' }).default(''),
  purpose: InstrumentPurpose,
  quantity: z.number({ error: '请填写数量' }).int({ message: '数量应为整数' }).min(1, { message: '数量至少为1' }).max(100_000, { message: '数量过大' }),
  compulsoryItemId: Id.nullable().optional(),
});
export type LedgerDetailsBody = z.infer<typeof LedgerDetailsBody>;

export const LedgerDetailsView = LedgerDetailsBody.extend({
  instrumentId: Id,
  compulsoryItemId: Id.nullable(),
  compulsoryItem: z.string().nullable(),
  updatedAt: IsoDateTime,
});
export type LedgerDetailsView = z.infer<typeof LedgerDetailsView>;

export const CERTIFICATE_KINDS = ['certificate', 'failure_notice'] as const;
export const CertificateKind = z.enum(CERTIFICATE_KINDS);
export const CERTIFICATE_KIND_LABELS: Record<(typeof CERTIFICATE_KINDS)[number], string> = {
  certificate: '检定证书',
  failure_notice: '检定结果通知书',
};

const InstrumentSnapshot = z.object({
  name: text(100, '器具名称'),
  model: text(100, '型号规格'),
  serialNumber: text(100, '出厂编号'),
  manufacturer: text(100, '制造单位'),
  measuringRange: z.string().trim().max(100).default(''),
  accuracyClass: z.string().trim().max(50).default(''),
});

export const VerificationRecordBody = z
  .object({
    /** The request line (a verification item) the work was done for. */
    lineId: Id,
    /** Done on site by this dispatch (上门检定). */
    dispatchId: Id.optional(),
    /** An instrument of the requester's ledger … */
    instrumentId: Id.optional(),
    /** … or, for a requester without a ledger, the instrument as presented. */
    instrument: InstrumentSnapshot.optional(),
    performedOn: IsoDate,
    passed: z.boolean({ error: '请选择检定结论' }),
    regulation: text(100, '检定规程'),
    referenceStandard: text(200, '计量标准'),
    conclusion: text(500, '检定结论'),
    /** Required when passed and the item has no period in the compulsory catalogue. */
    validUntil: IsoDate.optional(),
    checkerId: Id,
    approverId: Id,
  })
  .superRefine((v, ctx) => {
    if (!v.instrumentId === !v.instrument) ctx.addIssue({ code: 'custom', path: ['instrumentId'], message: '请选择台账中的器具，或填写送检器具信息（二选一）' });
    if (v.validUntil && v.validUntil < v.performedOn) ctx.addIssue({ code: 'custom', path: ['validUntil'], message: '有效期至不能早于检定日期' });
  });
export type VerificationRecordBody = z.infer<typeof VerificationRecordBody>;

export const CertificateView = z.object({
  id: Id,
  certificateNo: z.string(),
  kind: CertificateKind,
  requestId: Id,
  requestNo: z.string(),
  institutionId: Id,
  institutionName: z.string(),
  regionCode: z.string(),
  clientName: z.string(),
  instrumentId: Id.nullable(),
  dispatchId: Id.nullable(),
  instrumentName: z.string(),
  model: z.string(),
  serialNumber: z.string(),
  manufacturer: z.string(),
  measuringRange: z.string(),
  accuracyClass: z.string(),
  regulation: z.string(),
  referenceStandard: z.string(),
  conclusion: z.string(),
  passed: z.boolean(),
  performedOn: IsoDate,
  validUntil: IsoDate.nullable(),
  verifierName: z.string(),
  checkerName: z.string(),
  approverName: z.string(),
  createdAt: IsoDateTime,
  /** Printed on the certificate with a QR code: anyone holding the paper can verify it on the portal. */
  verificationCode: z.string(),
  verifyUrl: z.string(),
});
export type CertificateView = z.infer<typeof CertificateView>;

export const PublicCertificateVerifyQuery = z.object({
  no: text(40, '证书编号'),
  code: text(20, '验证码'),
});

/** Validity on the day asked: a result notice has none. */
export const CERTIFICATE_VALIDITIES = ['valid', 'expired', 'none'] as const;

/** What the portal shows of a certificate: enough to match it to the instrument in front of you. */
export const PublicCertificateVerification = z.object({
  status: z.enum(['authentic', 'not_found']),
  message: z.string(),
  certificate: z
    .object({
      certificateNo: z.string(),
      kind: CertificateKind,
      institutionName: z.string(),
      clientName: z.string(),
      instrumentName: z.string(),
      model: z.string(),
      serialNumber: z.string(),
      conclusion: z.string(),
      performedOn: IsoDate,
      validUntil: IsoDate.nullable(),
      /** On the day asked (Beijing time). */
      validity: z.enum(CERTIFICATE_VALIDITIES),
      checkedOn: IsoDate,
    })
    .nullable(),
});
export type PublicCertificateVerification = z.infer<typeof PublicCertificateVerification>;

export const CertificateListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  requestId: Id.optional(),
  kind: CertificateKind.optional(),
  q: z.string().trim().max(100).optional(),
});

// ---------- ledger import ----------

/** The e-CQS ledger's columns, as the import template names them. */
export const LEDGER_IMPORT_COLUMNS = ['器具名称', '器具类别', '型号规格', '出厂编号', '制造单位', '测量范围', '准确度等级', '使用地点', '用途', '数量', '强制检定', '强检目录项目'] as const;
export type LedgerImportColumn = (typeof LEDGER_IMPORT_COLUMNS)[number];
export const LEDGER_IMPORT_REQUIRED_COLUMNS: readonly LedgerImportColumn[] = ['器具名称', '器具类别', '型号规格', '出厂编号', '制造单位', '用途'];
export const LEDGER_IMPORT_MAX_ROWS = 5_000;
export const LEDGER_IMPORT_MAX_BYTES = 5 * 1024 * 1024;

export const LedgerImportResult = z.object({ inserted: z.number().int(), compulsory: z.number().int() });

/** An instrument of a requester's ledger, as the institution holding the request sees it. */
export const RequesterInstrumentView = z.object({
  id: Id,
  name: z.string(),
  model: z.string(),
  serialNumber: z.string(),
  manufacturer: z.string(),
  measuringRange: z.string(),
  status: z.string(),
  accuracyClass: z.string().nullable(),
  compulsoryItem: z.string().nullable(),
  periodMonths: z.number().int().nullable(),
});
