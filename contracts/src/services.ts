/**
 * The technical-service window (技术服务窗口, notices 000, 001, 003): institutions publish
 * service items, enterprises and the public request them, epidemic work goes through the
 * green channel with a 24-hour response clock and first-ask responsibility, fees follow rules.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, RegionCode, Uscc, text } from './api.js';
import { Yuan } from './enforcement.js';

export const SERVICE_KINDS = ['verification', 'calibration', 'testing', 'standards', 'special_equipment'] as const;
export const ServiceKind = z.enum(SERVICE_KINDS, { message: '服务类型应为计量检定、校准、检验检测、标准咨询或特种设备检验' });
export type ServiceKind = (typeof SERVICE_KINDS)[number];
export const SERVICE_KIND_LABELS: Record<ServiceKind, { zh: string; en: string }> = {
  verification: { zh: '计量检定', en: 'Verification' },
  calibration: { zh: '校准', en: 'Calibration' },
  testing: { zh: '检验检测', en: 'Testing' },
  standards: { zh: '标准咨询', en: 'Standards advice' },
  special_equipment: { zh: '特种设备检验', en: 'Special equipment inspection' },
};

/** The green channel answers within this many hours (notice 000). */
export const GREEN_CHANNEL_HOURS = 24;

const Standards = z
  .array(text(100, '标准或规程'), { error: '标准或规程应为列表' })
  .max(20, { message: '标准或规程最多20项' })
  .default([]);

export const ServiceItemBody = z.object({
  kind: ServiceKind,
  name: text(100, '服务项目名称'),
  parameters: z.string().trim().max(500, { message: '参数不能超过500个字符' }).default(''),
  standards: Standards,
  categoryCodes: z.array(z.string().trim().min(1).max(40)).max(20, { message: '产品类别最多20项' }).default([]),
  feeYuan: Yuan,
  /** Working days from acceptance to the result. */
  turnaroundDays: z.number({ error: '请填写办理时限（工作日）' }).int({ message: '办理时限应为整数' }).min(1, { message: '办理时限至少1个工作日' }).max(365, { message: '办理时限不能超过365个工作日' }),
  onSite: z.boolean().default(false),
  epidemic: z.boolean().default(false),
  /** A compulsory verification (强制检定) item: free under the fee rules. */
  compulsory: z.boolean().default(false),
});
export type ServiceItemBody = z.infer<typeof ServiceItemBody>;

export const ServiceItemView = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  regionCode: z.string(),
  kind: ServiceKind,
  name: z.string(),
  parameters: z.string(),
  standards: z.array(z.string()),
  categoryCodes: z.array(z.string()),
  feeYuan: z.string(),
  turnaroundDays: z.number().int(),
  onSite: z.boolean(),
  epidemic: z.boolean(),
  compulsory: z.boolean(),
  active: z.boolean(),
  updatedAt: IsoDateTime,
});
export type ServiceItemView = z.infer<typeof ServiceItemView>;

export const ServiceItemListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  kind: ServiceKind.optional(),
  active: z.enum(['true', 'false']).optional(),
  institutionId: Id.optional(),
});

/** The public catalogue across every institution. */
export const CatalogueQuery = PageQuery.extend({
  /** Words of the item's name, parameters or a standard number. */
  q: z.string().trim().max(100).optional(),
  kind: ServiceKind.optional(),
  category: z.string().trim().max(40).optional(),
  /** Institutions in this region's subtree. */
  region: RegionCode.optional(),
  epidemic: z.enum(['true', 'false']).optional(),
  onSite: z.enum(['true', 'false']).optional(),
});

export const ServiceItemActiveBody = z.object({ active: z.boolean() });

// ---------- fee rules ----------

export const FEE_CONDITIONS = ['epidemic', 'compulsory_verification', 'regulator_commission', 'epidemic_producer', 'small_micro'] as const;
export const FeeCondition = z.enum(FEE_CONDITIONS, { message: '适用条件无效' });
export type FeeCondition = (typeof FEE_CONDITIONS)[number];
export const FEE_CONDITION_LABELS: Record<FeeCondition, { zh: string; en: string }> = {
  epidemic: { zh: '疫情防控相关', en: 'Epidemic-related work' },
  compulsory_verification: { zh: '强制检定', en: 'Compulsory verification' },
  regulator_commission: { zh: '监管部门委托', en: 'Regulator commission' },
  epidemic_producer: { zh: '防疫物资生产企业', en: 'Producer of epidemic goods' },
  small_micro: { zh: '小微企业', en: 'Micro or small enterprise' },
};

export const FeeRuleBody = z
  .object({
    name: text(100, '规则名称'),
    condition: FeeCondition,
    /** Share of the fee waived, in percent: 100 is free, 50 halves it. */
    reductionPercent: z.number({ error: '请填写减免比例' }).int({ message: '减免比例应为整数' }).min(1, { message: '减免比例至少1%' }).max(100, { message: '减免比例不能超过100%' }),
    /** '' for the whole country, else a region code whose subtree the rule covers. */
    regionCode: RegionCode.optional(),
    effectiveFrom: IsoDate,
    effectiveTo: IsoDate.nullable().optional(),
    basis: z.string().trim().max(200, { message: '依据不能超过200个字符' }).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.effectiveTo && v.effectiveTo < v.effectiveFrom) ctx.addIssue({ code: 'custom', path: ['effectiveTo'], message: '失效日期不能早于生效日期' });
  });
export type FeeRuleBody = z.infer<typeof FeeRuleBody>;

export const FeeRuleView = z.object({
  id: Id,
  name: z.string(),
  condition: FeeCondition,
  reductionPercent: z.number().int(),
  regionCode: z.string().nullable(),
  effectiveFrom: IsoDate,
  effectiveTo: IsoDate.nullable(),
  basis: z.string(),
  active: z.boolean(),
  createdAt: IsoDateTime,
});
export type FeeRuleView = z.infer<typeof FeeRuleView>;

export const FeeRuleListQuery = PageQuery.extend({ active: z.enum(['true', 'false']).optional(), on: IsoDate.optional() });

// ---------- requests ----------

export const SERVICE_REQUEST_STATUSES = ['submitted', 'accepted', 'referred', 'escalated', 'declined', 'completed'] as const;
export const ServiceRequestStatus = z.enum(SERVICE_REQUEST_STATUSES);
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];
export const SERVICE_REQUEST_STATUS_LABELS: Record<ServiceRequestStatus, string> = {
  submitted: '待响应',
  accepted: '已受理',
  referred: '已转介',
  escalated: '已上报监管部门',
  declined: '不予受理',
  completed: '已办结',
};

const Phone = z
  .string({ error: '请填写联系电话' })
  .trim()
  .regex(/^[0-9+\-\s]{5,20}$/, { message: '电话号码格式不正确' });

export const ServiceRequestLine = z.object({
  itemId: Id,
  quantity: z.number({ error: '请填写数量' }).int({ message: '数量应为整数' }).min(1, { message: '数量至少为1' }).max(100_000, { message: '数量过大' }),
});

export const ServiceRequestBody = z.object({
  institutionId: Id,
  lines: z.array(ServiceRequestLine, { error: '请选择服务项目' }).min(1, { message: '请至少选择一个服务项目' }).max(20, { message: '一次最多申请20个服务项目' }),
  /** The requester says the work serves epidemic prevention (防疫); an epidemic item implies it. */
  epidemicRelated: z.boolean().default(false),
  description: z.string().trim().max(2000, { message: '需求说明不能超过2000个字符' }).default(''),
  contactName: text(50, '联系人'),
  contactPhone: Phone,
});
export type ServiceRequestBody = z.infer<typeof ServiceRequestBody>;

/** A request from someone without an account: the organization's name stands in for the org. */
export const PublicServiceRequestBody = ServiceRequestBody.extend({
  requesterName: text(100, '申请单位或个人'),
});
export type PublicServiceRequestBody = z.infer<typeof PublicServiceRequestBody>;

export const ServiceRequestLineView = z.object({
  id: Id,
  itemId: Id,
  itemName: z.string(),
  kind: ServiceKind,
  quantity: z.number().int(),
  unitFeeYuan: z.string(),
  grossYuan: z.string(),
  waivedYuan: z.string(),
  payableYuan: z.string(),
  feeRuleId: Id.nullable(),
  feeRuleName: z.string().nullable(),
  /** Where this line was referred to, if it was. */
  referredToRequestId: Id.nullable(),
});

export const ServiceReferralView = z.object({
  fromRequestId: Id,
  fromRequestNo: z.string(),
  fromInstitutionName: z.string(),
  toRequestId: Id,
  toRequestNo: z.string(),
  toInstitutionName: z.string(),
  reason: z.string(),
  referredAt: IsoDateTime,
  referredByName: z.string().nullable(),
});

export const ServiceRequestView = z.object({
  id: Id,
  requestNo: z.string(),
  status: ServiceRequestStatus,
  green: z.boolean(),
  epidemicRelated: z.boolean(),
  institutionId: Id,
  institutionName: z.string(),
  regionCode: z.string(),
  requesterOrgId: Id.nullable(),
  requesterName: z.string(),
  requesterKind: z.enum(['enterprise', 'regulator', 'institution', 'public']),
  /** Visible to the requester and the handling institution only (null for others). */
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  description: z.string(),
  submittedAt: IsoDateTime,
  /** The 24-hour clock of the green channel (null outside it). */
  respondBy: IsoDateTime.nullable(),
  respondedAt: IsoDateTime.nullable(),
  overdue: z.boolean(),
  firstResponderName: z.string().nullable(),
  statusNote: z.string(),
  escalatedToOrgName: z.string().nullable(),
  grossYuan: z.string(),
  waivedYuan: z.string(),
  payableYuan: z.string(),
  lines: z.array(ServiceRequestLineView),
  /** The request this one was referred from, if any (the chain is in `referrals`). */
  referredFromId: Id.nullable(),
  referrals: z.array(ServiceReferralView),
});
export type ServiceRequestView = z.infer<typeof ServiceRequestView>;

export const ServiceRequestListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  status: ServiceRequestStatus.optional(),
  green: z.enum(['true', 'false']).optional(),
  /** Green-channel requests past their 24 hours without a response. */
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
});

export const ServiceRequestCreated = z.object({
  id: Id,
  requestNo: z.string(),
  /** For a public request: the code that, with the number, shows its progress. */
  accessCode: z.string().nullable(),
  view: ServiceRequestView,
});

export const ReferBody = z.object({
  toInstitutionId: Id,
  /** The lines referred (default: all that are still here). */
  lineIds: z.array(Id).min(1, { message: '请选择要转介的项目' }).max(20).optional(),
  reason: text(500, '转介原因'),
});
export const AcceptBody = z.object({ note: z.string().trim().max(500).default('') });

export const ReferralOption = z.object({
  institutionId: Id,
  institutionName: z.string(),
  regionCode: z.string(),
  /** 0 same county, 1 same city, 2 same province, 3 elsewhere. */
  distance: z.number().int(),
  /** How many of the request's lines its catalogue covers. */
  covers: z.number().int(),
  items: z.array(z.object({ id: Id, name: z.string(), feeYuan: z.string() })),
});

export const PublicRequestQuery = z.object({ no: text(40, '申请编号'), code: text(20, '查询码') });

// ---------- appointments ----------

export const BOOKING_CHANNELS = ['online', 'phone'] as const;
export const BOOKING_STATUSES = ['booked', 'cancelled', 'attended', 'no_show'] as const;
export const BookingStatus = z.enum(BOOKING_STATUSES);
export const BOOKING_STATUS_LABELS: Record<(typeof BOOKING_STATUSES)[number], string> = {
  booked: '已预约',
  cancelled: '已取消',
  attended: '已到场',
  no_show: '未到场',
};
export const BOOKING_CHANNEL_LABELS: Record<(typeof BOOKING_CHANNELS)[number], string> = { online: '网上预约', phone: '电话预约' };

export const SlotBody = z
  .object({
    startsAt: z.iso.datetime({ offset: true, message: '开始时间格式不正确' }),
    endsAt: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }),
    capacity: z.number({ error: '请填写可预约数' }).int({ message: '可预约数应为整数' }).min(1, { message: '可预约数至少为1' }).max(500, { message: '可预约数不能超过500' }),
    onSite: z.boolean().default(false),
    note: z.string().trim().max(200, { message: '说明不能超过200个字符' }).default(''),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) <= Date.parse(v.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间应晚于开始时间' });
    if (Date.parse(v.endsAt) - Date.parse(v.startsAt) > 24 * 3_600_000) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '一个时段不能超过24小时' });
  });
export type SlotBody = z.infer<typeof SlotBody>;

export const SlotView = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  capacity: z.number().int(),
  booked: z.number().int(),
  onSite: z.boolean(),
  note: z.string(),
  cancelled: z.boolean(),
});
export type SlotView = z.infer<typeof SlotView>;

export const SlotListQuery = PageQuery.extend({
  institutionId: Id.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** 'true': only slots with places left. */
  available: z.enum(['true', 'false']).optional(),
});

export const BookingBody = z.object({
  slotId: Id,
  requestId: Id.optional(),
  /** For a phone booking entered by the institution's staff: who called. */
  requesterName: z.string().trim().min(1).max(100).optional(),
  contactName: text(50, '联系人'),
  contactPhone: z
    .string({ error: '请填写联系电话' })
    .trim()
    .regex(/^[0-9+\-\s]{5,20}$/, { message: '电话号码格式不正确' }),
  note: z.string().trim().max(500, { message: '备注不能超过500个字符' }).default(''),
});
export type BookingBody = z.infer<typeof BookingBody>;

export const BookingView = z.object({
  id: Id,
  slotId: Id,
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  onSite: z.boolean(),
  institutionId: Id,
  institutionName: z.string(),
  requestId: Id.nullable(),
  requestNo: z.string().nullable(),
  requesterOrgId: Id.nullable(),
  requesterName: z.string(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  channel: z.enum(BOOKING_CHANNELS),
  status: BookingStatus,
  note: z.string(),
  createdAt: IsoDateTime,
});
export type BookingView = z.infer<typeof BookingView>;

export const BookingListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('asc'),
  status: BookingStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

export const BookingOutcomeBody = z.object({ status: z.enum(['attended', 'no_show'], { message: '请选择到场或未到场' }) });

// ---------- on-site service ----------

export const PLACE_TYPES = ['hospital', 'checkpoint', 'enterprise', 'crowded_place'] as const;
export const PlaceType = z.enum(PLACE_TYPES, { message: '服务场所应为医疗机构、防控监测点、企业或人员密集场所' });
export const PLACE_TYPE_LABELS: Record<(typeof PLACE_TYPES)[number], string> = {
  hospital: '医疗机构',
  checkpoint: '疫情防控监测点',
  enterprise: '企业',
  crowded_place: '人员密集场所',
};

export const DispatchBody = z
  .object({
    requestId: Id.optional(),
    placeType: PlaceType,
    placeName: text(100, '服务场所名称'),
    regionCode: RegionCode,
    team: text(100, '服务队'),
    staff: z.array(text(30, '人员姓名'), { error: '请填写出动人员' }).min(1, { message: '请至少填写一名出动人员' }).max(50, { message: '出动人员最多50人' }),
    startsAt: z.iso.datetime({ offset: true, message: '出发时间格式不正确' }),
    endsAt: z.iso.datetime({ offset: true, message: '结束时间格式不正确' }),
    note: z.string().trim().max(1000, { message: '备注不能超过1000个字符' }).default(''),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.endsAt) < Date.parse(v.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间不能早于出发时间' });
    if (new Set(v.staff).size !== v.staff.length) ctx.addIssue({ code: 'custom', path: ['staff'], message: '出动人员重复' });
  });
export type DispatchBody = z.infer<typeof DispatchBody>;

export const DispatchView = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  regionCode: z.string(),
  requestId: Id.nullable(),
  requestNo: z.string().nullable(),
  placeType: PlaceType,
  placeName: z.string(),
  team: z.string(),
  staff: z.array(z.string()),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime,
  servedOn: IsoDate,
  note: z.string(),
  createdAt: IsoDateTime,
});
export type DispatchView = z.infer<typeof DispatchView>;

export const DispatchListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  placeType: PlaceType.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});

// ---------- samples for testing requests ----------

/** What the reception desk adds to a testing line to receive its sample (the client and source come from the request). */
export const RequestSampleBody = z.object({
  lineId: Id,
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
});
export type RequestSampleBody = z.infer<typeof RequestSampleBody>;

export const RequestSampleView = z.object({
  sampleId: Id,
  sampleNo: z.string(),
  requestLineId: Id,
  itemName: z.string(),
  productName: z.string(),
  status: z.string(),
  /** The issued report, once there is one. */
  reportId: Id.nullable(),
  reportNo: z.string().nullable(),
});
export type RequestSampleView = z.infer<typeof RequestSampleView>;

/** A colleague of the caller's institution (who may check and approve a verification). */
export const StaffMemberView = z.object({ id: Id, displayName: z.string(), roles: z.array(z.string()) });
