import { randomBytes } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, inArray, isNotNull, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import {
  DRAW_ALGORITHM,
  ENTERPRISE_COUNT_CAP,
  RISK_TIERS,
  type ConflictBody,
  type DirectoryItemView,
  type DirectoryListQuery,
  type DrawCreateBody,
  type DrawDetailView,
  type DrawInputs,
  type DrawListQuery,
  type DrawParameters,
  type DrawPreviewQuery,
  type DrawRecordView,
  type DrawSummaryView,
  type InspectorBody,
  type InspectorListQuery,
  type InspectorView,
  type PublicDrawListQuery,
  type PublicDrawSummary,
  type PublicDrawView,
  type QueueItemView,
  type QueueQuery,
  type RiskTier,
  type RiskTierBody,
  type TargetResultBody,
  type TargetView,
} from '@shijian/contracts';
import type { z } from 'zod';
import { regionInScope, scopeFilter, type Actor } from '../../platform/actor.js';
import { shanghaiDate } from '../../platform/calendar/working-days.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { sha256Hex } from '../../platform/audit/canonical.js';
import { likeEscape, orgScope, type Orgs } from '../identity/orgs.js';
import { orgs, users } from '../identity/tables.js';
import { enterpriseListWhere, enterpriseScope, type Enterprises } from '../registry/enterprises.js';
import { enterpriseCategories, enterprises } from '../registry/tables.js';
import { DrawRefused, canonicalInputs, draw, drawDigest, type DrawnTarget } from './draw.js';
import { inspectionDrawEntity, inspectionTargetEntity, inspectorConflictEntity, inspectorEntity, riskTierEntity } from './entities.js';
import { enterpriseRiskTiers, inspectionDraws, inspectionTargets, inspectorConflicts, inspectors } from './tables.js';

/** Draws belong to the drawing bureau's region: a regulator sees those of its subtree. */
export const drawScope = (actor: Actor) => scopeFilter(actor, { region: inspectionDraws.regionCode });
/** The roster by the region of each officer's bureau. */
export const inspectorScope = (actor: Actor) => scopeFilter(actor, { region: inspectors.regionCode });
/** Targets the caller is one of the inspectors of, whatever bureau drew them. */
const assignedTo = (actor: Actor): SQL => (actor.userId ? sql`${actor.userId}::uuid = any(${inspectionTargets.inspectorUserIds})` : sql`false`);

/**
 * A draw stores and publishes every candidate it ran on; beyond this many the
 * record gets unwieldy, so the bureau is asked to narrow the filters instead.
 */
export const MAX_CANDIDATES = 200_000;

/** The region code a national bureau's draws carry (it has no region of its own). */
const NATIONAL_REGION = '000000';

const tierOf = sql<RiskTier>`coalesce(${enterpriseRiskTiers.tier}, 'general')`;
function tierCondition(tier: RiskTier | undefined): SQL | undefined {
  if (!tier) return undefined;
  return tier === 'general' ? or(isNull(enterpriseRiskTiers.tier), eq(enterpriseRiskTiers.tier, 'general')) : eq(enterpriseRiskTiers.tier, tier);
}

const DIRECTORY_SORT = { name: enterprises.name, uscc: enterprises.uscc, regionCode: enterprises.regionCode };

function missing(entity: string, id: string, label: string): AppError {
  return new AppError(404, 'NOT_FOUND', `未找到该${label}`, { entity, id });
}

/** A scalar subquery's count. */
const countOf = (n: unknown) => Number(n ?? 0);

/** Double random, one public (双随机、一公开): directory, roster, conflicts, seeded draws, results. */
export function createInspections(deps: Deps, enterpriseService: Enterprises, orgService: Orgs) {
  const { db, clock, audit, regions, calendar } = deps;
  void enterpriseService;
  void orgService;

  async function regionName(code: string): Promise<string> {
    if (code === NATIONAL_REGION) return '全国';
    return (await regions.index()).get(code)?.name ?? code;
  }

  /** Names and enforcement IDs of officers, by user id. */
  async function inspectorRefs(ids: string[]) {
    const unique = [...new Set(ids)];
    const rows = unique.length
      ? await db
          .select({ userId: users.id, name: users.displayName, enforcementId: inspectors.enforcementId })
          .from(users)
          .leftJoin(inspectors, eq(inspectors.userId, users.id))
          .where(inArray(users.id, unique))
      : [];
    return new Map(rows.map((r) => [r.userId, { userId: r.userId, name: r.name, enforcementId: r.enforcementId ?? '' }]));
  }

  type TargetRow = typeof inspectionTargets.$inferSelect;
  async function targetViews(rows: TargetRow[]): Promise<TargetView[]> {
    const enterpriseIds = [...new Set(rows.map((r) => r.enterpriseId))];
    const named = enterpriseIds.length
      ? await db
          .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, address: enterprises.address })
          .from(enterprises)
          .where(inArray(enterprises.id, enterpriseIds))
      : [];
    const byId = new Map(named.map((e) => [e.id, e]));
    const refs = await inspectorRefs(rows.flatMap((r) => r.inspectorUserIds));
    const idx = await regions.index();
    return rows.map((r) => {
      const e = byId.get(r.enterpriseId);
      return {
        id: r.id,
        drawId: r.drawId,
        position: r.position,
        enterpriseId: r.enterpriseId,
        enterpriseName: e?.name ?? '',
        uscc: e?.uscc ?? '',
        address: e?.address ?? '',
        regionCode: r.regionCode,
        regionName: idx.get(r.regionCode)?.name ?? r.regionCode,
        tier: r.tier,
        inspectors: r.inspectorUserIds.map((id) => refs.get(id) ?? { userId: id, name: '', enforcementId: '' }),
        outcome: r.outcome,
        inspectedOn: r.inspectedOn,
        resultNote: r.resultNote,
        recordedAt: r.recordedAt?.toISOString() ?? null,
      };
    });
  }

  // The list columns of a draw: its inputs only as sizes, never the whole candidate list.
  const summaryColumns = {
    id: inspectionDraws.id,
    name: inspectionDraws.name,
    orgId: inspectionDraws.orgId,
    orgName: orgs.name,
    regionCode: inspectionDraws.regionCode,
    parameters: inspectionDraws.parameters,
    drawnAt: inspectionDraws.drawnAt,
    drawnByName: users.displayName,
    publishedAt: inspectionDraws.publishedAt,
    inputsSha256: inspectionDraws.inputsSha256,
    /** Hashed for the public log only; the seed itself is never in a summary. */
    seed: inspectionDraws.seed,
    candidateCount: sql<number>`jsonb_array_length(${inspectionDraws.inputs}->'candidates')`,
    inspectorCount: sql<number>`jsonb_array_length(${inspectionDraws.inputs}->'inspectors')`,
    targetCount: sql<number>`(select count(*) from ${inspectionTargets} where ${inspectionTargets.drawId} = ${inspectionDraws.id})`,
    recordedCount: sql<number>`(select count(*) from ${inspectionTargets} where ${inspectionTargets.drawId} = ${inspectionDraws.id} and ${inspectionTargets.outcome} is not null)`,
  };
  type SummaryRow = {
    id: string;
    name: string;
    orgId: string;
    orgName: string;
    regionCode: string;
    parameters: unknown;
    drawnAt: Date;
    drawnByName: string | null;
    publishedAt: Date | null;
    inputsSha256: string;
    candidateCount: unknown;
    inspectorCount: unknown;
    targetCount: unknown;
    recordedCount: unknown;
  };
  const summaries = () =>
    db.select(summaryColumns).from(inspectionDraws).innerJoin(orgs, eq(orgs.id, inspectionDraws.orgId)).leftJoin(users, eq(users.id, inspectionDraws.drawnBy));

  async function toSummary(r: SummaryRow): Promise<DrawSummaryView> {
    return {
      id: r.id,
      name: r.name,
      orgId: r.orgId,
      orgName: r.orgName,
      regionCode: r.regionCode,
      regionName: await regionName(r.regionCode),
      mode: (r.parameters as DrawParameters).mode,
      drawnAt: r.drawnAt.toISOString(),
      drawnByName: r.drawnByName,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      candidateCount: countOf(r.candidateCount),
      inspectorCount: countOf(r.inspectorCount),
      targetCount: countOf(r.targetCount),
      recordedCount: countOf(r.recordedCount),
    };
  }

  async function getDrawRow(actor: Actor, id: string) {
    const [row] = await db.select().from(inspectionDraws).where(and(eq(inspectionDraws.id, id), drawScope(actor)));
    if (!row) throw missing('inspection_draw', id, '抽取记录');
    return row;
  }

  async function targetsOf(drawId: string) {
    return db.select().from(inspectionTargets).where(eq(inspectionTargets.drawId, drawId)).orderBy(asc(inspectionTargets.position));
  }

  const drawnOf = (rows: TargetRow[]): DrawnTarget[] =>
    rows.map((t) => ({ position: t.position, enterpriseId: t.enterpriseId, regionCode: t.regionCode, tier: t.tier, inspectorUserIds: t.inspectorUserIds }));

  /** Whether the stored inputs still hash to the digest and re-running them gives the stored targets. */
  function reproduces(row: typeof inspectionDraws.$inferSelect, stored: DrawnTarget[]): boolean {
    const parameters = row.parameters as DrawParameters;
    const inputs = row.inputs as DrawInputs;
    if (drawDigest(parameters, inputs) !== row.inputsSha256) return false;
    try {
      return JSON.stringify(draw(row.seed, parameters, inputs)) === JSON.stringify(stored);
    } catch {
      return false;
    }
  }

  async function detail(actor: Actor, id: string): Promise<DrawDetailView> {
    const row = await getDrawRow(actor, id);
    const [summary] = await summaries().where(eq(inspectionDraws.id, id));
    const targets = await targetsOf(id);
    const inputs = row.inputs as DrawInputs;
    return {
      ...(await toSummary(summary!)),
      seed: row.seed,
      inputsSha256: row.inputsSha256,
      parameters: row.parameters as DrawParameters,
      tierCounts: RISK_TIERS.map((tier) => ({
        tier,
        candidates: inputs.candidates.filter((c) => c.tier === tier).length,
        drawn: targets.filter((t) => t.tier === tier).length,
      })),
      conflictCount: inputs.conflicts.length,
      reproducible: reproduces(row, drawnOf(targets)),
      targets: await targetViews(targets),
    };
  }

  /** Candidates and inspectors of a draw in the caller's subtree with the given filters, in canonical order. */
  async function gatherInputs(actor: Actor, filters: z.infer<typeof DrawPreviewQuery>): Promise<DrawInputs> {
    const candidates = await db
      .select({ enterpriseId: enterprises.id, regionCode: enterprises.regionCode, tier: tierOf })
      .from(enterprises)
      .leftJoin(enterpriseRiskTiers, eq(enterpriseRiskTiers.enterpriseId, enterprises.id))
      .where(and(enterpriseListWhere(actor, { regionCode: filters.regionCode, category: filters.category }), tierCondition(filters.tier)))
      .orderBy(asc(enterprises.id))
      .limit(MAX_CANDIDATES + 1);
    if (candidates.length > MAX_CANDIDATES) {
      throw new AppError(422, 'TOO_MANY_CANDIDATES', `符合条件的检查对象超过 ${MAX_CANDIDATES} 户，请按地区、产品类别或风险等级缩小抽取范围`);
    }
    const roster = await db
      .select({ userId: inspectors.userId, regionCode: inspectors.regionCode })
      .from(inspectors)
      .innerJoin(users, eq(users.id, inspectors.userId))
      .where(
        and(
          inspectorScope(actor),
          eq(inspectors.active, true),
          eq(users.disabled, false),
          filters.inspectorField ? sql`${filters.inspectorField} = any(${inspectors.fields})` : undefined,
        ),
      )
      .orderBy(asc(inspectors.userId));
    const declared = roster.length
      ? await db
          .select({ inspectorUserId: inspectorConflicts.inspectorUserId, enterpriseId: inspectorConflicts.enterpriseId })
          .from(inspectorConflicts)
          .where(inArray(inspectorConflicts.inspectorUserId, roster.map((i) => i.userId)))
      : [];
    // Only conflicts that can matter in this draw are part of its (published) inputs.
    const candidateIds = new Set(candidates.map((c) => c.enterpriseId));
    const conflicts = declared.filter((c) => candidateIds.has(c.enterpriseId));
    return canonicalInputs({ candidates, inspectors: roster, conflicts });
  }

  async function refusal(error: DrawRefused, excludeOwnCounty: boolean): Promise<AppError> {
    const r = error.refusal;
    switch (r.kind) {
      case 'no_candidates':
        return new AppError(422, 'NO_CANDIDATES', '没有符合条件的检查对象，请调整筛选条件或抽取比例');
      case 'count_exceeds': {
        const message = `抽取数量（${r.count}）超过符合条件的检查对象数量（${r.available}）`;
        return new AppError(422, 'COUNT_EXCEEDS', message, { fields: [{ field: 'count', message }] });
      }
      case 'too_few_inspectors': {
        const [e] = await db.select({ name: enterprises.name, uscc: enterprises.uscc }).from(enterprises).where(eq(enterprises.id, r.enterpriseId));
        const excluded = excludeOwnCounty ? '排除回避人员和企业所在县（区）局人员后' : '排除回避人员后';
        return new AppError(
          422,
          'TOO_FEW_INSPECTORS',
          `检查对象「${e?.name ?? r.enterpriseId}」（${e?.uscc ?? ''}）可选执法检查人员不足：每个对象需要 ${r.needed} 名，${excluded}仅有 ${r.eligible} 名。请补充执法检查人员名录或调整抽取参数后重新抽取。`,
          { enterpriseId: r.enterpriseId, enterpriseName: e?.name ?? null, eligible: r.eligible, needed: r.needed },
        );
      }
      case 'bad_parameters':
        return new AppError(400, 'VALIDATION_FAILED', r.message);
      case 'bad_seed':
        throw error;
    }
  }

  async function inspectorViews(actor: Actor, rows: { inspector: typeof inspectors.$inferSelect; name: string; orgName: string }[]): Promise<InspectorView[]> {
    const ids = rows.map((r) => r.inspector.userId);
    const declared = ids.length
      ? await db
          .select({ c: inspectorConflicts, enterpriseName: enterprises.name })
          .from(inspectorConflicts)
          .innerJoin(enterprises, eq(enterprises.id, inspectorConflicts.enterpriseId))
          .where(and(inArray(inspectorConflicts.inspectorUserId, ids), enterpriseScope(actor)))
          .orderBy(asc(inspectorConflicts.declaredOn), asc(enterprises.name))
      : [];
    const open = ids.length
      ? await db
          .select({ ids: inspectionTargets.inspectorUserIds })
          .from(inspectionTargets)
          .where(and(isNull(inspectionTargets.outcome), sql`${inspectionTargets.inspectorUserIds} && array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]`))
      : [];
    const openBy = new Map<string, number>();
    for (const t of open) for (const id of t.ids) openBy.set(id, (openBy.get(id) ?? 0) + 1);
    const idx = await regions.index();
    return rows.map(({ inspector: i, name, orgName }) => ({
      userId: i.userId,
      name,
      orgId: i.orgId,
      orgName,
      regionCode: i.regionCode,
      regionName: i.regionCode === NATIONAL_REGION ? '全国' : (idx.get(i.regionCode)?.name ?? i.regionCode),
      enforcementId: i.enforcementId,
      fields: i.fields,
      active: i.active,
      conflicts: declared
        .filter((d) => d.c.inspectorUserId === i.userId)
        .map((d) => ({ id: d.c.id, enterpriseId: d.c.enterpriseId, enterpriseName: d.enterpriseName, reason: d.c.reason, declaredOn: d.c.declaredOn })),
      openTargets: openBy.get(i.userId) ?? 0,
    }));
  }

  const rosterSelection = { inspector: inspectors, name: users.displayName, orgName: orgs.name };
  const rosterQuery = () => db.select(rosterSelection).from(inspectors).innerJoin(users, eq(users.id, inspectors.userId)).innerJoin(orgs, eq(orgs.id, inspectors.orgId));

  function directoryWhere(actor: Actor, q: Omit<z.infer<typeof DirectoryListQuery>, 'page' | 'pageSize' | 'sort' | 'order'>) {
    return and(enterpriseListWhere(actor, { q: q.q, regionCode: q.regionCode, category: q.category }), tierCondition(q.tier))!;
  }

  async function directoryItems(rows: { e: typeof enterprises.$inferSelect; tier: RiskTier | null; basis: string | null; assessedOn: string | null }[]): Promise<DirectoryItemView[]> {
    const ids = rows.map((r) => r.e.id);
    const cats = ids.length
      ? await db.select().from(enterpriseCategories).where(inArray(enterpriseCategories.enterpriseId, ids)).orderBy(asc(enterpriseCategories.categoryCode))
      : [];
    const idx = await regions.index();
    return rows.map(({ e, tier, basis, assessedOn }) => ({
      id: e.id,
      uscc: e.uscc,
      name: e.name,
      regionCode: e.regionCode,
      regionName: idx.get(e.regionCode)?.name ?? e.regionCode,
      address: e.address,
      categories: cats.filter((c) => c.enterpriseId === e.id).map((c) => c.categoryCode),
      tier: tier ?? 'general',
      assessed: tier !== null,
      tierBasis: basis,
      assessedOn,
    }));
  }
  const directorySelection = { e: enterprises, tier: enterpriseRiskTiers.tier, basis: enterpriseRiskTiers.basis, assessedOn: enterpriseRiskTiers.assessedOn };

  async function visibleEnterprise(actor: Actor, id: string) {
    const [row] = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(and(eq(enterprises.id, id), enterpriseScope(actor)));
    if (!row) throw notFound('enterprise', id);
    return row;
  }

  async function queueItems(where: SQL, q: { page: number; pageSize: number }) {
    const [rows, [total]] = await Promise.all([
      db
        .select({ t: inspectionTargets, drawName: inspectionDraws.name, drawOrgName: orgs.name, drawnAt: inspectionDraws.drawnAt })
        .from(inspectionTargets)
        .innerJoin(inspectionDraws, eq(inspectionDraws.id, inspectionTargets.drawId))
        .innerJoin(orgs, eq(orgs.id, inspectionDraws.orgId))
        .where(where)
        .orderBy(asc(inspectionDraws.drawnAt), asc(inspectionTargets.drawId), asc(inspectionTargets.position))
        .limit(q.pageSize)
        .offset(pageOffset(q)),
      db.select({ n: count() }).from(inspectionTargets).where(where),
    ]);
    const views = await targetViews(rows.map((r) => r.t));
    const items: QueueItemView[] = views.map((v, i) => ({ ...v, drawName: rows[i]!.drawName, drawOrgName: rows[i]!.drawOrgName, drawnAt: rows[i]!.drawnAt.toISOString() }));
    return paged(items, total?.n, q);
  }

  return {
    drawScope,

    // ---------- directory and risk tiers ----------

    /** Enterprises in scope with their risk tier ('general' when never assessed), as GET /api/enterprises scopes them. */
    async directory(actor: Actor, q: z.infer<typeof DirectoryListQuery>) {
      authorize(actor, 'inspection.read');
      const where = directoryWhere(actor, q);
      const column = DIRECTORY_SORT[q.sort];
      const capped = db
        .select({ one: sql`1` })
        .from(enterprises)
        .leftJoin(enterpriseRiskTiers, eq(enterpriseRiskTiers.enterpriseId, enterprises.id))
        .where(where)
        .limit(ENTERPRISE_COUNT_CAP + 1)
        .as('capped');
      const [rows, [total]] = await Promise.all([
        db
          .select(directorySelection)
          .from(enterprises)
          .leftJoin(enterpriseRiskTiers, eq(enterpriseRiskTiers.enterpriseId, enterprises.id))
          .where(where)
          .orderBy(q.order === 'desc' ? desc(column) : asc(column), asc(enterprises.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(capped),
      ]);
      const n = Number(total?.n ?? 0);
      return { ...paged(await directoryItems(rows), Math.min(n, ENTERPRISE_COUNT_CAP), q), totalCapped: n > ENTERPRISE_COUNT_CAP };
    },

    async setTier(actor: Actor, enterpriseId: string, body: z.infer<typeof RiskTierBody>): Promise<DirectoryItemView> {
      authorize(actor, 'inspection.roster');
      await visibleEnterprise(actor, enterpriseId);
      if (body.assessedOn > calendar.today()) throw invalid('assessedOn', '评定日期不能晚于今天');
      await db.transaction(async (tx) => {
        await tx
          .insert(enterpriseRiskTiers)
          .values({ enterpriseId, tier: body.tier, basis: body.basis, assessedOn: body.assessedOn })
          .onConflictDoUpdate({ target: enterpriseRiskTiers.enterpriseId, set: { tier: body.tier, basis: body.basis, assessedOn: body.assessedOn } });
        await audit.append(tx, actor, { action: 'inspection.tier_set', entity: riskTierEntity, id: enterpriseId });
      });
      const rows = await db
        .select(directorySelection)
        .from(enterprises)
        .leftJoin(enterpriseRiskTiers, eq(enterpriseRiskTiers.enterpriseId, enterprises.id))
        .where(eq(enterprises.id, enterpriseId));
      return (await directoryItems(rows))[0]!;
    },

    // ---------- roster and conflicts ----------

    /** Officers on the roster whose bureau lies in the caller's subtree. */
    async roster(actor: Actor, q: z.infer<typeof InspectorListQuery>) {
      authorize(actor, 'inspection.read');
      const where = and(
        inspectorScope(actor),
        q.q ? or(ilike(users.displayName, `%${likeEscape(q.q)}%`), ilike(inspectors.enforcementId, `${likeEscape(q.q)}%`)) : undefined,
        q.active ? eq(inspectors.active, q.active === 'true') : undefined,
        q.field ? sql`${q.field} = any(${inspectors.fields})` : undefined,
      );
      const [rows, [total]] = await Promise.all([
        rosterQuery()
          .where(where)
          .orderBy(q.order === 'desc' ? desc(inspectors.regionCode) : asc(inspectors.regionCode), asc(users.displayName), asc(inspectors.userId))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(inspectors).innerJoin(users, eq(users.id, inspectors.userId)).where(where),
      ]);
      return paged(await inspectorViews(actor, rows), total?.n, q);
    },

    /** Puts a regulator's officer on the roster, or updates their entry. */
    async saveInspector(actor: Actor, userId: string, body: z.infer<typeof InspectorBody>): Promise<InspectorView> {
      authorize(actor, 'inspection.roster');
      const [user] = await db
        .select({ id: users.id, orgId: orgs.id, kind: orgs.kind, regionCode: orgs.regionCode })
        .from(users)
        .innerJoin(orgs, eq(orgs.id, users.orgId))
        .where(and(eq(users.id, userId), orgScope(actor)));
      if (!user) throw notFound('user', userId);
      if (user.kind !== 'regulator') throw invalid('userId', '只有监管部门的工作人员可以列入执法检查人员名录');
      const [taken] = await db
        .select({ userId: inspectors.userId })
        .from(inspectors)
        .where(and(eq(inspectors.enforcementId, body.enforcementId), ne(inspectors.userId, userId)));
      if (taken) {
        const message = `执法证号 ${body.enforcementId} 已被其他执法检查人员使用`;
        throw conflict('ENFORCEMENT_ID_TAKEN', message, { fields: [{ field: 'enforcementId', message }] });
      }
      const values = { orgId: user.orgId, regionCode: user.regionCode ?? NATIONAL_REGION, enforcementId: body.enforcementId, fields: [...new Set(body.fields)], active: body.active };
      await db.transaction(async (tx) => {
        await tx.insert(inspectors).values({ userId, ...values }).onConflictDoUpdate({ target: inspectors.userId, set: values });
        await audit.append(tx, actor, { action: 'inspection.inspector_saved', entity: inspectorEntity, id: userId });
      });
      const rows = await rosterQuery().where(eq(inspectors.userId, userId));
      return (await inspectorViews(actor, rows))[0]!;
    },

    /**
     * Declares a conflict of interest: the officer is never drawn for the enterprise.
     * Officers declare their own; the roster's administrators declare anyone's.
     */
    async declareConflict(actor: Actor, body: z.infer<typeof ConflictBody>): Promise<InspectorView> {
      authorize(actor, body.inspectorUserId === actor.userId ? 'inspection.record' : 'inspection.roster');
      const [inspector] = await db
        .select({ userId: inspectors.userId })
        .from(inspectors)
        .where(and(eq(inspectors.userId, body.inspectorUserId), actor.userId ? or(inspectorScope(actor), eq(inspectors.userId, actor.userId)) : inspectorScope(actor)));
      if (!inspector) throw missing('inspector', body.inspectorUserId, '执法检查人员');
      const enterprise = await visibleEnterprise(actor, body.enterpriseId);
      await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(inspectorConflicts)
          .values({ inspectorUserId: body.inspectorUserId, enterpriseId: body.enterpriseId, reason: body.reason, declaredOn: calendar.today() })
          .onConflictDoNothing()
          .returning({ id: inspectorConflicts.id });
        if (!inserted.length) {
          const message = `已申报过与「${enterprise.name}」的回避`;
          throw conflict('CONFLICT_EXISTS', message, { fields: [{ field: 'enterpriseId', message }] });
        }
        await audit.append(tx, actor, { action: 'inspection.conflict_declared', entity: inspectorConflictEntity, id: inserted[0]!.id });
      });
      const rows = await rosterQuery().where(eq(inspectors.userId, body.inspectorUserId));
      return (await inspectorViews(actor, rows))[0]!;
    },

    // ---------- draws ----------

    /** How many candidates per tier and eligible inspectors a draw with these filters would run on. */
    async preview(actor: Actor, q: z.infer<typeof DrawPreviewQuery>) {
      authorize(actor, 'inspection.draw');
      if (q.regionCode && !regionInScope(actor, q.regionCode)) throw invalid('regionCode', '所选地区不在您的管辖范围内', 'REGION_OUT_OF_SCOPE');
      const tiers = await db
        .select({ tier: tierOf, n: count() })
        .from(enterprises)
        .leftJoin(enterpriseRiskTiers, eq(enterpriseRiskTiers.enterpriseId, enterprises.id))
        .where(and(enterpriseListWhere(actor, { regionCode: q.regionCode, category: q.category }), tierCondition(q.tier)))
        .groupBy(tierOf);
      const [roster] = await db
        .select({ n: count() })
        .from(inspectors)
        .innerJoin(users, eq(users.id, inspectors.userId))
        .where(and(inspectorScope(actor), eq(inspectors.active, true), eq(users.disabled, false), q.inspectorField ? sql`${q.inspectorField} = any(${inspectors.fields})` : undefined));
      return {
        tiers: RISK_TIERS.map((tier) => ({ tier, candidates: countOf(tiers.find((t) => t.tier === tier)?.n) })),
        inspectors: countOf(roster?.n),
      };
    },

    /**
     * Draws targets and inspectors from the caller's subtree with a fresh seed,
     * and records the seed, parameters, ordered inputs and their digest with the result.
     */
    async create(actor: Actor, body: z.infer<typeof DrawCreateBody>): Promise<DrawDetailView> {
      authorize(actor, 'inspection.draw');
      if (!actor.orgId || actor.orgKind !== 'regulator') throw forbidden('只有监管部门可以组织双随机抽取');
      if (body.regionCode && !regionInScope(actor, body.regionCode)) throw invalid('regionCode', '所选地区不在您的管辖范围内', 'REGION_OUT_OF_SCOPE');
      const parameters: DrawParameters = {
        algorithm: DRAW_ALGORITHM,
        filters: { category: body.category ?? null, regionCode: body.regionCode ?? null, tier: body.tier ?? null, inspectorField: body.inspectorField ?? null },
        mode: body.mode,
        ratios: body.mode === 'ratio' ? body.ratios : null,
        count: body.mode === 'count' ? (body.count ?? null) : null,
        inspectorsPerTarget: body.inspectorsPerTarget,
        excludeOwnCounty: body.excludeOwnCounty,
      };
      const inputs = await gatherInputs(actor, { regionCode: body.regionCode, category: body.category, tier: body.tier, inspectorField: body.inspectorField });
      const seed = randomBytes(32).toString('hex');
      let targets: DrawnTarget[];
      try {
        targets = draw(seed, parameters, inputs);
      } catch (error) {
        if (error instanceof DrawRefused) throw await refusal(error, parameters.excludeOwnCounty);
        throw error;
      }
      const id = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(inspectionDraws)
          .values({
            orgId: actor.orgId!,
            regionCode: actor.orgRegionCode ?? NATIONAL_REGION,
            name: body.name,
            parameters,
            inputs,
            inputsSha256: drawDigest(parameters, inputs),
            seed,
            drawnAt: clock.now(),
            drawnBy: actor.userId,
          })
          .returning({ id: inspectionDraws.id });
        const drawId = created!.id;
        const targetIds: string[] = [];
        for (let i = 0; i < targets.length; i += 1000) {
          const rows = await tx
            .insert(inspectionTargets)
            .values(targets.slice(i, i + 1000).map((t) => ({ drawId, ...t })))
            .returning({ id: inspectionTargets.id });
          targetIds.push(...rows.map((r) => r.id));
        }
        await audit.append(tx, actor, [
          { action: 'inspection.drawn', entity: inspectionDrawEntity, id: drawId },
          ...targetIds.map((tid) => ({ action: 'inspection.drawn' as const, entity: inspectionTargetEntity, id: tid })),
        ]);
        return drawId;
      });
      return detail(actor, id);
    },

    async list(actor: Actor, q: z.infer<typeof DrawListQuery>) {
      authorize(actor, 'inspection.read');
      const where = and(
        drawScope(actor),
        q.q ? ilike(inspectionDraws.name, `%${likeEscape(q.q)}%`) : undefined,
        q.published ? (q.published === 'true' ? isNotNull(inspectionDraws.publishedAt) : isNull(inspectionDraws.publishedAt)) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        summaries()
          .where(where)
          .orderBy(q.order === 'asc' ? asc(inspectionDraws.drawnAt) : desc(inspectionDraws.drawnAt), asc(inspectionDraws.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(inspectionDraws).where(where),
      ]);
      const items = await Promise.all(rows.map((r) => toSummary(r)));
      return paged(items, total?.n, q);
    },

    async get(actor: Actor, id: string): Promise<DrawDetailView> {
      authorize(actor, 'inspection.read');
      return detail(actor, id);
    },

    /** The draw's seed, parameters, inputs and targets by id: enough to re-run it anywhere. */
    async record(actor: Actor, id: string): Promise<DrawRecordView> {
      authorize(actor, 'inspection.read');
      const row = await getDrawRow(actor, id);
      const parameters = row.parameters as DrawParameters;
      return { algorithm: parameters.algorithm, seed: row.seed, inputsSha256: row.inputsSha256, parameters, inputs: row.inputs as DrawInputs, targets: drawnOf(await targetsOf(id)) };
    },

    /** Publishes the draw on the portal: its seed and inputs, its targets and, as they come in, their results. */
    async publish(actor: Actor, id: string): Promise<DrawDetailView> {
      authorize(actor, 'inspection.draw');
      const row = await getDrawRow(actor, id);
      if (row.publishedAt) throw conflict('ALREADY_PUBLISHED', `该抽取结果已于 ${shanghaiDate(row.publishedAt)} 公示`);
      await db.transaction(async (tx) => {
        await tx.update(inspectionDraws).set({ publishedAt: clock.now() }).where(and(eq(inspectionDraws.id, id), isNull(inspectionDraws.publishedAt)));
        await audit.append(tx, actor, { action: 'inspection.published', entity: inspectionDrawEntity, id });
      });
      return detail(actor, id);
    },

    // ---------- inspection results ----------

    /** Targets the caller inspects: awaiting a result (pending) or done (recorded). */
    async queue(actor: Actor, q: z.infer<typeof QueueQuery>) {
      authorize(actor, 'inspection.read');
      const status = q.status === 'pending' ? isNull(inspectionTargets.outcome) : isNotNull(inspectionTargets.outcome);
      return queueItems(and(assignedTo(actor), status)!, q);
    },

    /** Records (or corrects) a target's result: by one of its inspectors, or by the drawing bureau and those above it. */
    async recordResult(actor: Actor, targetId: string, body: z.infer<typeof TargetResultBody>): Promise<QueueItemView> {
      authorize(actor, 'inspection.record');
      const [row] = await db
        .select({ id: inspectionTargets.id, drawnAt: inspectionDraws.drawnAt })
        .from(inspectionTargets)
        .innerJoin(inspectionDraws, eq(inspectionDraws.id, inspectionTargets.drawId))
        .where(and(eq(inspectionTargets.id, targetId), or(assignedTo(actor), drawScope(actor))));
      if (!row) throw missing('inspection_target', targetId, '抽查对象');
      const drawnOn = shanghaiDate(row.drawnAt);
      if (body.inspectedOn > calendar.today()) throw invalid('inspectedOn', '检查日期不能晚于今天');
      if (body.inspectedOn < drawnOn) throw invalid('inspectedOn', `检查日期不能早于抽取日期（${drawnOn}）`);
      await db.transaction(async (tx) => {
        await tx
          .update(inspectionTargets)
          .set({ outcome: body.outcome, inspectedOn: body.inspectedOn, resultNote: body.note || null, recordedAt: clock.now() })
          .where(eq(inspectionTargets.id, targetId));
        await audit.append(tx, actor, { action: 'inspection.result_recorded', entity: inspectionTargetEntity, id: targetId });
      });
      const page = await queueItems(eq(inspectionTargets.id, targetId), { page: 1, pageSize: 1 });
      return page.items[0]!;
    },

    // ---------- public (一公开) ----------

    /** Every draw, newest first: published ones with their results, the others as a commitment to their seed. */
    async publicList(q: z.infer<typeof PublicDrawListQuery>) {
      const [rows, [total]] = await Promise.all([
        summaries().orderBy(desc(inspectionDraws.drawnAt), asc(inspectionDraws.id)).limit(q.pageSize).offset(pageOffset(q)),
        db.select({ n: count() }).from(inspectionDraws),
      ]);
      const items: PublicDrawSummary[] = await Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          name: r.name,
          orgName: r.orgName,
          regionName: await regionName(r.regionCode),
          drawnAt: r.drawnAt.toISOString(),
          publishedAt: r.publishedAt?.toISOString() ?? null,
          targetCount: countOf(r.targetCount),
          recordedCount: r.publishedAt ? countOf(r.recordedCount) : 0,
          inputsSha256: r.inputsSha256,
          seedSha256: sha256Hex(r.seed),
        })),
      );
      return paged(items, total?.n, q);
    },

    /** A published draw for anyone: seed, parameters and inputs to re-run it, targets and results. Unpublished is absent. */
    async publicGet(id: string): Promise<PublicDrawView> {
      const [row] = await db
        .select()
        .from(inspectionDraws)
        .where(and(eq(inspectionDraws.id, id), isNotNull(inspectionDraws.publishedAt)));
      if (!row) throw missing('inspection_draw', id, '已公示的抽查结果');
      const [summary] = await summaries().where(eq(inspectionDraws.id, id));
      const targets = await targetsOf(id);
      const views = await targetViews(targets);
      const inputs = row.inputs as DrawInputs;
      const parameters = row.parameters as DrawParameters;
      const refs = await inspectorRefs(inputs.inspectors.map((i) => i.userId));
      return {
        id: row.id,
        name: row.name,
        orgName: summary!.orgName,
        regionName: await regionName(row.regionCode),
        drawnAt: row.drawnAt.toISOString(),
        publishedAt: row.publishedAt!.toISOString(),
        targetCount: targets.length,
        recordedCount: targets.filter((t) => t.outcome).length,
        inputsSha256: row.inputsSha256,
        seedSha256: sha256Hex(row.seed),
        algorithm: parameters.algorithm,
        seed: row.seed,
        parameters,
        inputs,
        inspectors: inputs.inspectors.map((i) => refs.get(i.userId) ?? { userId: i.userId, name: '', enforcementId: '' }),
        // The result note stays internal: it may name people or details that are not for publication.
        targets: targets.map((t, n) => ({
          position: t.position,
          enterpriseId: t.enterpriseId,
          regionCode: t.regionCode,
          tier: t.tier,
          inspectorUserIds: t.inspectorUserIds,
          enterpriseName: views[n]!.enterpriseName,
          uscc: views[n]!.uscc,
          regionName: views[n]!.regionName,
          inspectors: views[n]!.inspectors,
          outcome: t.outcome,
          inspectedOn: t.inspectedOn,
        })),
      };
    },
  };
}
export type Inspections = ReturnType<typeof createInspections>;
