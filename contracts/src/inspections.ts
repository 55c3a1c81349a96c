/**
 * Request and response schemas of the inspections module: double random, one
 * public (双随机、一公开). Vocabulary (risk tiers, default ratios, outcomes) is in
 * supervision.ts.
 */
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime, PageQuery, RegionCode, paged, text } from './api.js';
import { DEFAULT_TIER_RATIOS, InspectionOutcome, RiskTier } from './supervision.js';
import type { Label } from './domain.js';

/** The name and version of the draw algorithm; a published draw names the one it ran. */
export const DRAW_ALGORITHM = 'shijian-draw-v1';

export const DRAW_MODES = ['ratio', 'count'] as const;
export const DrawMode = z.enum(DRAW_MODES);
export type DrawMode = (typeof DRAW_MODES)[number];
export const DRAW_MODE_LABELS: Record<DrawMode, Label> = {
  ratio: { zh: '按风险等级比例抽取', en: 'By ratio per risk tier' },
  count: { zh: '按数量抽取', en: 'By count' },
};

const Ratio = z
  .number({ error: '比例应为0到1之间的数' })
  .min(0, { message: '比例不能小于0' })
  .max(1, { message: '比例不能大于100%' })
  // Whole basis points, so every re-implementation computes the same quota whatever its rounding rule.
  .refine((r) => Math.abs(r * 10_000 - Math.round(r * 10_000)) < 1e-6, { message: '比例最多精确到0.01%' });
/** The share of each tier drawn, 0–1; applied in basis points (0.01 %), rounded up per tier. */
export const TierRatios = z.object({ high: Ratio, elevated: Ratio, general: Ratio, low: Ratio });
export type TierRatios = z.infer<typeof TierRatios>;

// ---------- directory and risk tiers ----------

export const DirectoryListQuery = PageQuery.extend({
  sort: z.enum(['name', 'uscc', 'regionCode']).default('name'),
  q: z.string().trim().max(100).optional().describe('name prefix, or a USCC prefix'),
  regionCode: RegionCode.optional(),
  category: z.string().max(40).optional(),
  tier: RiskTier.optional().describe("'general' includes enterprises never assessed"),
});
export const DirectoryItemView = z.object({
  id: Id,
  uscc: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  address: z.string(),
  categories: z.array(z.string()),
  tier: RiskTier,
  /** False when the enterprise has no assessment and counts as 'general'. */
  assessed: z.boolean(),
  tierBasis: z.string().nullable(),
  assessedOn: IsoDate.nullable(),
});
export type DirectoryItemView = z.infer<typeof DirectoryItemView>;
export const DirectoryPage = paged(DirectoryItemView).extend({ totalCapped: z.boolean() });

export const EnterpriseIdParams = z.object({ enterpriseId: Id });
export const RiskTierBody = z.object({
  tier: RiskTier,
  basis: text(200, '评定依据'),
  assessedOn: IsoDate,
});

// ---------- roster and conflicts ----------

export const ConflictView = z.object({
  id: Id,
  enterpriseId: Id,
  enterpriseName: z.string(),
  reason: z.string(),
  declaredOn: IsoDate,
});
export const InspectorView = z.object({
  userId: Id,
  name: z.string(),
  orgId: Id,
  orgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  enforcementId: z.string(),
  fields: z.array(z.string()),
  active: z.boolean(),
  /** Declared conflicts with enterprises the caller can see. */
  conflicts: z.array(ConflictView),
  /** Targets assigned and still awaiting a result. */
  openTargets: z.number().int(),
});
export type InspectorView = z.infer<typeof InspectorView>;
export const InspectorListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe('name or enforcement ID'),
  active: z.enum(['true', 'false']).optional(),
  field: z.string().trim().max(40).optional(),
});
export const UserIdParams = z.object({ userId: Id });
export const InspectorBody = z.object({
  enforcementId: z
    .string({ error: '请填写执法证号' })
    .trim()
    .regex(/^[0-9A-Za-z-]{4,30}$/, { message: '执法证号应为4-30位字母、数字或连字符' }),
  fields: z.array(z.string().trim().min(1).max(40)).min(1, { message: '请至少填写一个执法领域' }).max(10),
  active: z.boolean().default(true),
});
export const ConflictBody = z.object({
  inspectorUserId: Id,
  enterpriseId: Id,
  reason: text(200, '回避事由'),
});

// ---------- draws ----------

/** What a draw ran with, stored and published as given (with defaults filled in). */
export const DrawParameters = z.object({
  algorithm: z.literal(DRAW_ALGORITHM),
  filters: z.object({
    category: z.string().nullable(),
    regionCode: z.string().nullable(),
    tier: RiskTier.nullable(),
    inspectorField: z.string().nullable(),
  }),
  mode: DrawMode,
  ratios: TierRatios.nullable(),
  count: z.number().int().nullable(),
  inspectorsPerTarget: z.number().int(),
  excludeOwnCounty: z.boolean(),
});
export type DrawParameters = z.infer<typeof DrawParameters>;

/** The ordered inputs the draw ran on: candidates, inspectors and conflicts, each sorted by id. */
export const DrawInputs = z.object({
  candidates: z.array(z.object({ enterpriseId: z.string(), regionCode: z.string(), tier: RiskTier })),
  inspectors: z.array(z.object({ userId: z.string(), regionCode: z.string() })),
  conflicts: z.array(z.object({ inspectorUserId: z.string(), enterpriseId: z.string() })),
});
export type DrawInputs = z.infer<typeof DrawInputs>;

export const DrawnTarget = z.object({
  position: z.number().int(),
  enterpriseId: z.string(),
  regionCode: z.string(),
  tier: RiskTier,
  inspectorUserIds: z.array(z.string()),
});
export type DrawnTarget = z.infer<typeof DrawnTarget>;

export const DrawCreateBody = z
  .object({
    name: text(100, '抽查任务名称'),
    category: z.string().max(40).optional(),
    regionCode: RegionCode.optional(),
    tier: RiskTier.optional(),
    inspectorField: z.string().trim().max(40).optional(),
    mode: DrawMode.default('ratio'),
    ratios: TierRatios.default(DEFAULT_TIER_RATIOS),
    count: z.number().int().min(1, { message: '抽取数量至少为1' }).max(10_000, { message: '抽取数量不能超过10000' }).optional(),
    inspectorsPerTarget: z.number().int().min(2, { message: '每个检查对象至少配2名执法检查人员' }).max(5, { message: '每个检查对象最多配5名执法检查人员' }).default(2),
    excludeOwnCounty: z.boolean().default(true),
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'count' && v.count === undefined) ctx.addIssue({ code: 'custom', path: ['count'], message: '请填写抽取数量' });
    if (v.mode === 'ratio' && Object.values(v.ratios).every((r) => r === 0)) ctx.addIssue({ code: 'custom', path: ['ratios'], message: '至少一个风险等级的抽取比例应大于0' });
  });

export const DrawListQuery = PageQuery.extend({
  order: z.enum(['asc', 'desc']).default('desc'),
  q: z.string().trim().max(100).optional(),
  published: z.enum(['true', 'false']).optional(),
});

export const DrawPreviewQuery = z.object({
  category: z.string().max(40).optional(),
  regionCode: RegionCode.optional(),
  tier: RiskTier.optional(),
  inspectorField: z.string().trim().max(40).optional(),
});
export const DrawPreviewView = z.object({
  tiers: z.array(z.object({ tier: RiskTier, candidates: z.number().int() })),
  inspectors: z.number().int(),
});

export const InspectorRef = z.object({ userId: Id, name: z.string(), enforcementId: z.string() });
export const TargetView = z.object({
  id: Id,
  drawId: Id,
  position: z.number().int(),
  enterpriseId: Id,
  enterpriseName: z.string(),
  uscc: z.string(),
  address: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  tier: RiskTier,
  inspectors: z.array(InspectorRef),
  outcome: InspectionOutcome.nullable(),
  inspectedOn: IsoDate.nullable(),
  resultNote: z.string().nullable(),
  recordedAt: IsoDateTime.nullable(),
});
export type TargetView = z.infer<typeof TargetView>;

export const DrawSummaryView = z.object({
  id: Id,
  name: z.string(),
  orgId: Id,
  orgName: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  mode: DrawMode,
  drawnAt: IsoDateTime,
  drawnByName: z.string().nullable(),
  publishedAt: IsoDateTime.nullable(),
  candidateCount: z.number().int(),
  inspectorCount: z.number().int(),
  targetCount: z.number().int(),
  recordedCount: z.number().int(),
});
export type DrawSummaryView = z.infer<typeof DrawSummaryView>;

export const DrawDetailView = DrawSummaryView.extend({
  seed: z.string(),
  inputsSha256: z.string(),
  parameters: DrawParameters,
  tierCounts: z.array(z.object({ tier: RiskTier, candidates: z.number().int(), drawn: z.number().int() })),
  conflictCount: z.number().int(),
  /** Re-running the draw from its stored seed and inputs gives the stored targets, and the inputs still hash to the digest. */
  reproducible: z.boolean(),
  targets: z.array(TargetView),
});
export type DrawDetailView = z.infer<typeof DrawDetailView>;

/** Everything needed to re-run a draw: what the public gets, by ids. */
export const DrawRecordView = z.object({
  algorithm: z.string(),
  seed: z.string(),
  inputsSha256: z.string(),
  parameters: DrawParameters,
  inputs: DrawInputs,
  targets: z.array(DrawnTarget),
});
export type DrawRecordView = z.infer<typeof DrawRecordView>;

export const TargetResultBody = z.object({
  outcome: InspectionOutcome,
  inspectedOn: IsoDate,
  note: z.string().trim().max(500, { message: '检查情况说明不能超过500个字符' }).default(''),
});

export const QueueQuery = PageQuery.extend({
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
  status: z.enum(['pending', 'recorded']).default('pending'),
});
export const QueueItemView = TargetView.extend({ drawName: z.string(), drawOrgName: z.string(), drawnAt: IsoDateTime });
export type QueueItemView = z.infer<typeof QueueItemView>;

// ---------- public (一公开) ----------

export const PublicDrawListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
/**
 * Every draw is listed from the moment it is made, published or not, with the SHA-256 of its
 * seed: the seed itself and the targets appear only on publication, and anyone can then check
 * that the seed is the one committed to — a bureau cannot redraw quietly until it likes the result.
 */
export const PublicDrawSummary = z.object({
  id: Id,
  name: z.string(),
  orgName: z.string(),
  regionName: z.string(),
  drawnAt: IsoDateTime,
  /** Null while the draw's targets are not yet published. */
  publishedAt: IsoDateTime.nullable(),
  targetCount: z.number().int(),
  recordedCount: z.number().int(),
  inputsSha256: z.string(),
  seedSha256: z.string(),
});
export type PublicDrawSummary = z.infer<typeof PublicDrawSummary>;
export const PublicInspector = z.object({ userId: z.string(), name: z.string(), enforcementId: z.string() });
export const PublicTarget = DrawnTarget.extend({
  enterpriseName: z.string(),
  uscc: z.string(),
  regionName: z.string(),
  inspectors: z.array(PublicInspector),
  outcome: InspectionOutcome.nullable(),
  inspectedOn: IsoDate.nullable(),
});
export type PublicTarget = z.infer<typeof PublicTarget>;
/** A published draw: the seed, parameters and inputs to re-run it, and its targets with their recorded results. */
export const PublicDrawView = PublicDrawSummary.extend({
  publishedAt: IsoDateTime,
  algorithm: z.string(),
  seed: z.string(),
  parameters: DrawParameters,
  inputs: DrawInputs,
  /** Officers on the roster the draw ran on: names and enforcement IDs only. */
  inspectors: z.array(PublicInspector),
  targets: z.array(PublicTarget),
});
export type PublicDrawView = z.infer<typeof PublicDrawView>;
