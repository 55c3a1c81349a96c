import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, like, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { regionLevel, type RectificationBody, type ScreeningCreateBody, type ScreeningListQuery, type ScreeningView } from '@shijian/contracts';
import { regionInScope, withinRegion, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, invalid } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { likeEscape } from '../identity/orgs.js';
import { orgs } from '../identity/tables.js';
import type { Categories } from '../registry/categories.js';
import type { Enterprises } from '../registry/enterprises.js';
import { enterprises as enterpriseTable } from '../registry/tables.js';
import { screeningEntity } from './entities.js';
import { screeningScope } from './scope.js';
import { actingOrg, inCampaignArea, missing, type CampaignRow } from './shared.js';
import { campaigns, screenings } from './tables.js';

type ScreeningRow = typeof screenings.$inferSelect;
export type ScreeningEnterprise = { id: string; uscc: string; name: string; regionCode: string };

const SORT = {
  screenedOn: screenings.screenedOn,
  rectificationDeadline: screenings.rectificationDeadline,
  enterpriseName: enterpriseTable.name,
  createdAt: screenings.createdAt,
};

/** Pending with the deadline passed: the deadline day itself still counts as in time. */
export const isOverdue = (row: Pick<ScreeningRow, 'rectificationStatus' | 'rectificationDeadline'>, today: string) =>
  row.rectificationStatus === 'pending' && !!row.rectificationDeadline && row.rectificationDeadline < today;

/** The campaign-level checks a screening must pass, shared by single records and imports; null when it passes. */
export function campaignProblem(
  campaign: CampaignRow,
  s: { category: string; screenedOn: string; regionCode: string },
  categoryName: (code: string) => string,
): { field: 'category' | 'screenedOn' | 'enterpriseId'; message: string } | null {
  if (campaign.categories.length && !campaign.categories.includes(s.category)) {
    return { field: 'category', message: `「${categoryName(s.category)}」不在本专项行动的产品类别内（${campaign.categories.map(categoryName).join('、')}）` };
  }
  if (s.screenedOn < campaign.startsOn || s.screenedOn > campaign.endsOn) {
    return { field: 'screenedOn', message: `排查日期应在专项行动期间（${campaign.startsOn} 至 ${campaign.endsOn}）内` };
  }
  if (!inCampaignArea(campaign, s.regionCode)) return { field: 'enterpriseId', message: '该企业所在地区不在本专项行动的整治范围内' };
  return null;
}

const notFoundAsNull = (e: unknown) => {
  if (e instanceof AppError && e.status === 404) return null;
  throw e;
};

export function createScreenings(
  deps: Deps,
  enterprises: Enterprises,
  campaignService: { getVisible(actor: Actor, id: string): Promise<CampaignRow>; categories: Categories },
) {
  const { db, clock, audit, calendar, regions } = deps;

  const select = () =>
    db
      .select({ s: screenings, enterpriseName: enterpriseTable.name, uscc: enterpriseTable.uscc, campaignName: campaigns.name, orgName: orgs.name })
      .from(screenings)
      .innerJoin(enterpriseTable, eq(enterpriseTable.id, screenings.enterpriseId))
      .innerJoin(orgs, eq(orgs.id, screenings.orgId))
      .leftJoin(campaigns, eq(campaigns.id, screenings.campaignId));
  type Joined = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];

  async function toViews(rows: Joined[]): Promise<ScreeningView[]> {
    const idx = await regions.index();
    const today = calendar.today();
    return rows.map(({ s, enterpriseName, uscc, campaignName, orgName }) => ({
      id: s.id,
      campaignId: s.campaignId,
      campaignName: campaignName ?? null,
      enterpriseId: s.enterpriseId,
      enterpriseName,
      uscc,
      regionCode: s.regionCode,
      regionName: idx.get(s.regionCode)?.name ?? s.regionCode,
      category: s.category,
      screenedOn: s.screenedOn,
      officers: s.officers,
      result: s.result,
      problems: s.problems,
      rectificationStatus: s.rectificationStatus,
      rectificationDeadline: s.rectificationDeadline,
      rectifiedOn: s.rectifiedOn,
      rectificationNote: s.rectificationNote,
      overdue: isOverdue(s, today),
      orgId: s.orgId,
      orgName,
      createdAt: s.createdAt.toISOString(),
    }));
  }

  async function getRow(actor: Actor, id: string): Promise<ScreeningRow> {
    const [row] = await db.select().from(screenings).where(and(eq(screenings.id, id), screeningScope(actor)));
    if (!row) throw missing('screening', id);
    return row;
  }

  async function view(actor: Actor, id: string): Promise<ScreeningView> {
    const rows = await select().where(and(eq(screenings.id, id), screeningScope(actor)));
    if (!rows.length) throw missing('screening', id);
    return (await toViews(rows))[0]!;
  }

  /** The enterprise named by id or credit code, if registered and in the caller's scope. */
  async function enterpriseFor(actor: Actor, by: { enterpriseId?: string; uscc?: string }): Promise<ScreeningEnterprise> {
    if (by.enterpriseId) {
      const e = await enterprises.get(actor, by.enterpriseId).catch(notFoundAsNull);
      if (!e) throw invalid('enterpriseId', '企业不存在或不在您的管辖范围内');
      if (by.uscc && by.uscc !== e.uscc) throw invalid('uscc', `统一社会信用代码与所选企业「${e.name}」不一致`);
      return { id: e.id, uscc: e.uscc, name: e.name, regionCode: e.regionCode };
    }
    const e = await enterprises.identify({ uscc: by.uscc! });
    if (!e || !regionInScope(actor, e.regionCode)) throw invalid('uscc', `统一社会信用代码 ${by.uscc} 未在您的管辖范围内登记`);
    return { id: e.id, uscc: e.uscc, name: e.name, regionCode: e.regionCode };
  }

  /** Category names for messages, from the registry. */
  async function categoryNames(): Promise<(code: string) => string> {
    const list = await campaignService.categories.catalogue();
    const byCode = new Map(list.map((c) => [c.code, c.name]));
    return (code) => byCode.get(code) ?? code;
  }

  /** Screenings already on record with the same campaign, enterprise, category and date. */
  async function existingKeys(campaignId: string | null, enterpriseIds: string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < enterpriseIds.length; i += 1000) {
      const rows = await db
        .select({ enterpriseId: screenings.enterpriseId, category: screenings.category, screenedOn: screenings.screenedOn })
        .from(screenings)
        .where(and(campaignId ? eq(screenings.campaignId, campaignId) : isNull(screenings.campaignId), inArray(screenings.enterpriseId, enterpriseIds.slice(i, i + 1000))));
      for (const r of rows) out.add(screeningKey(r));
    }
    return out;
  }

  function listWhere(actor: Actor, q: z.infer<typeof ScreeningListQuery>): SQL {
    const today = calendar.today();
    const conditions: (SQL | undefined)[] = [screeningScope(actor)];
    if (q.campaignId) conditions.push(eq(screenings.campaignId, q.campaignId));
    if (q.enterpriseId) conditions.push(eq(screenings.enterpriseId, q.enterpriseId));
    if (q.category) conditions.push(eq(screenings.category, q.category));
    if (q.result) conditions.push(eq(screenings.result, q.result));
    if (q.rectificationStatus) conditions.push(eq(screenings.rectificationStatus, q.rectificationStatus));
    if (q.overdue === true) conditions.push(and(eq(screenings.rectificationStatus, 'pending'), lt(screenings.rectificationDeadline, today)));
    if (q.overdue === false) conditions.push(or(ne(screenings.rectificationStatus, 'pending'), gte(screenings.rectificationDeadline, today)));
    if (q.regionCode) conditions.push(withinRegion(screenings.regionCode, q.regionCode.slice(0, regionLevel(q.regionCode) * 2)));
    if (q.q) {
      const isCode = /^[0-9A-HJ-NPQRTUWXY]{6,18}$/.test(q.q);
      conditions.push(isCode ? like(enterpriseTable.uscc, `${q.q}%`) : ilike(enterpriseTable.name, `%${likeEscape(q.q)}%`));
    }
    return and(...conditions)!;
  }

  return {
    getRow,
    enterpriseFor,
    categoryNames,
    existingKeys,
    async list(actor: Actor, q: z.infer<typeof ScreeningListQuery>) {
      authorize(actor, 'campaign.read');
      const where = listWhere(actor, q);
      const dir = q.order === 'desc' ? 'desc' : 'asc';
      const column = SORT[q.sort];
      // Screenings without a deadline (conforming ones) go last whichever way the list is sorted.
      const order = q.sort === 'rectificationDeadline' ? sql`${column} ${sql.raw(dir)} nulls last` : dir === 'desc' ? desc(column) : asc(column);
      const [rows, [total]] = await Promise.all([
        select().where(where).orderBy(order, desc(screenings.createdAt), asc(screenings.id)).limit(q.pageSize).offset(pageOffset(q)),
        db
          .select({ n: count() })
          .from(screenings)
          .innerJoin(enterpriseTable, eq(enterpriseTable.id, screenings.enterpriseId))
          .where(where),
      ]);
      return paged(await toViews(rows), total?.n, q);
    },
    async get(actor: Actor, id: string) {
      authorize(actor, 'campaign.read');
      return view(actor, id);
    },
    /** Names of officers who screened for the caller's bureau before, for the form's suggestions. */
    async officers(actor: Actor): Promise<string[]> {
      authorize(actor, 'campaign.read');
      if (!actor.orgId) return [];
      const name = sql<string>`unnest(${screenings.officers})`;
      const rows = await db
        .selectDistinct({ name })
        .from(screenings)
        .where(and(eq(screenings.orgId, actor.orgId), screeningScope(actor)))
        .orderBy(sql`1`)
        .limit(200);
      return rows.map((r) => r.name);
    },
    async record(actor: Actor, body: z.infer<typeof ScreeningCreateBody>) {
      authorize(actor, 'screening.write');
      const orgId = actingOrg(actor);
      const enterprise = await enterpriseFor(actor, body);
      const active = await campaignService.categories.activeCodes();
      if (!active.has(body.category)) throw invalid('category', `未知或已停用的产品类别：${body.category}`);
      const today = calendar.today();
      if (body.screenedOn > today) throw invalid('screenedOn', '排查日期不能晚于今天');
      const campaignId = body.campaignId ?? null;
      if (campaignId) {
        const campaign = await campaignService.getVisible(actor, campaignId).catch((e: unknown) => {
          if (e instanceof AppError && e.status === 404) throw invalid('campaignId', '专项整治行动不存在或不在您的管辖范围内');
          throw e;
        });
        const problem = campaignProblem(campaign, { ...body, regionCode: enterprise.regionCode }, await categoryNames());
        if (problem) throw invalid(problem.field === 'enterpriseId' && !body.enterpriseId ? 'uscc' : problem.field, problem.message);
      }
      const key = screeningKey({ enterpriseId: enterprise.id, category: body.category, screenedOn: body.screenedOn });
      if ((await existingKeys(campaignId, [enterprise.id])).has(key)) {
        const message = `该企业该产品类别在 ${body.screenedOn} 已有排查记录`;
        throw conflict('SCREENING_DUPLICATE', message, { fields: [{ field: 'screenedOn', message }] });
      }
      const nonconforming = body.result === 'nonconforming';
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(screenings)
          .values({
            campaignId,
            enterpriseId: enterprise.id,
            regionCode: enterprise.regionCode,
            category: body.category,
            screenedOn: body.screenedOn,
            officers: [...new Set(body.officers)],
            result: body.result,
            problems: body.problems,
            rectificationStatus: nonconforming ? 'pending' : 'not_required',
            rectificationDeadline: nonconforming ? (body.rectificationDeadline ?? null) : null,
            orgId,
            createdBy: actor.userId,
            createdAt: clock.now(),
          })
          .returning({ id: screenings.id });
        await audit.append(tx, actor, { action: 'screening.recorded', entity: screeningEntity, id: row!.id });
        return row!.id;
      });
      return view(actor, id);
    },
    /** Records that a pending rectification is done; the one way a rectification completes. */
    async rectify(actor: Actor, id: string, body: z.infer<typeof RectificationBody>) {
      authorize(actor, 'screening.write');
      const row = await getRow(actor, id);
      const notPending = () =>
        conflict(
          'RECTIFICATION_NOT_PENDING',
          row.rectificationStatus === 'not_required' ? '该排查结果为合格，无需整改' : '该排查的整改已登记完成',
        );
      if (row.rectificationStatus !== 'pending') throw notPending();
      if (body.rectifiedOn < row.screenedOn) throw invalid('rectifiedOn', '整改完成日期不能早于排查日期');
      if (body.rectifiedOn > calendar.today()) throw invalid('rectifiedOn', '整改完成日期不能晚于今天');
      await db.transaction(async (tx) => {
        const updated = await tx
          .update(screenings)
          .set({ rectificationStatus: 'completed', rectifiedOn: body.rectifiedOn, rectificationNote: body.note })
          .where(and(eq(screenings.id, id), eq(screenings.rectificationStatus, 'pending')))
          .returning({ id: screenings.id });
        // Someone else completed it between the read and this write.
        if (!updated.length) throw notPending();
        await audit.append(tx, actor, { action: 'screening.rectified', entity: screeningEntity, id });
      });
      return view(actor, id);
    },
  };
}

export type Screenings = ReturnType<typeof createScreenings>;

export const screeningKey = (s: { enterpriseId: string; category: string; screenedOn: string }) => `${s.enterpriseId}|${s.category}|${s.screenedOn}`;
