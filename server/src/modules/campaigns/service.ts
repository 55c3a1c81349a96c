import { and, asc, count, desc, eq, gt, gte, ilike, inArray, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  NATIONAL_REGION_CODE,
  regionWithin,
  type CampaignCounts,
  type CampaignCreateBody,
  type CampaignDetailView,
  type CampaignListQuery,
  type CampaignUpdateBody,
  type CampaignView,
} from '@shijian/contracts';
import { regionInScope, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, forbidden, invalid } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize, can } from '../../platform/policy.js';
import { likeEscape, type Orgs } from '../identity/orgs.js';
import { orgs } from '../identity/tables.js';
import { createCategories } from '../registry/categories.js';
import type { Enterprises } from '../registry/enterprises.js';
import { campaignEntity } from './entities.js';
import { createImports } from './imports.js';
import { createProblems } from './problems.js';
import { campaignScope, problemScope, screeningScope } from './scope.js';
import { createScreenings } from './screenings.js';
import { actingOrg, missing, phaseOf, type CampaignRow } from './shared.js';
import { campaigns, problems, screenings } from './tables.js';

const SORT = { startsOn: campaigns.startsOn, name: campaigns.name, createdAt: campaigns.createdAt };

/** Campaigns (专项整治行动), producer screening (排查) with rectification, and the problem ledger. */
export function createCampaigns(deps: Deps, enterprises: Enterprises, orgService: Orgs) {
  const { db, clock, audit, calendar, regions } = deps;
  const categories = createCategories(deps);

  async function getVisible(actor: Actor, id: string): Promise<CampaignRow> {
    const [row] = await db.select().from(campaigns).where(and(eq(campaigns.id, id), campaignScope(actor)));
    if (!row) throw missing('campaign', id);
    return row;
  }

  /** The lead department or a bureau above it may edit; a county sees a national campaign but does not own it. */
  function mayEdit(actor: Actor, row: Pick<CampaignRow, 'regionCode'>): boolean {
    if (!can['campaign.write'](actor)) return false;
    if (actor.scope.kind === 'all') return true;
    return row.regionCode !== NATIONAL_REGION_CODE && regionInScope(actor, row.regionCode);
  }

  async function countsOf(actor: Actor, ids: string[]): Promise<Map<string, CampaignCounts>> {
    const out = new Map<string, CampaignCounts>();
    if (!ids.length) return out;
    const today = calendar.today();
    const filtered = (cond: SQL) => sql<number>`count(*) filter (where ${cond})`.mapWith(Number);
    const [s, p] = await Promise.all([
      db
        .select({
          id: screenings.campaignId,
          screenings: count(),
          nonconforming: filtered(eq(screenings.result, 'nonconforming')),
          pending: filtered(eq(screenings.rectificationStatus, 'pending')),
          overdue: filtered(and(eq(screenings.rectificationStatus, 'pending'), lt(screenings.rectificationDeadline, today))!),
        })
        .from(screenings)
        .where(and(inArray(screenings.campaignId, ids), screeningScope(actor)))
        .groupBy(screenings.campaignId),
      db
        .select({
          id: problems.campaignId,
          problems: count(),
          open: filtered(ne(problems.status, 'resolved')),
          overdue: filtered(and(ne(problems.status, 'resolved'), lt(problems.deadline, today))!),
        })
        .from(problems)
        .where(and(inArray(problems.campaignId, ids), problemScope(actor)))
        .groupBy(problems.campaignId),
    ]);
    for (const id of ids) {
      const a = s.find((r) => r.id === id);
      const b = p.find((r) => r.id === id);
      out.set(id, {
        screenings: Number(a?.screenings ?? 0),
        nonconforming: a?.nonconforming ?? 0,
        pendingRectification: a?.pending ?? 0,
        overdueRectification: a?.overdue ?? 0,
        problems: Number(b?.problems ?? 0),
        openProblems: b?.open ?? 0,
        overdueProblems: b?.overdue ?? 0,
      });
    }
    return out;
  }

  async function toViews(actor: Actor, rows: CampaignRow[]): Promise<CampaignView[]> {
    const leadIds = [...new Set(rows.map((r) => r.leadOrgId))];
    const leads = leadIds.length ? await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, leadIds)) : [];
    const leadName = new Map(leads.map((o) => [o.id, o.name]));
    const idx = await regions.index();
    const counts = await countsOf(actor, rows.map((r) => r.id));
    const today = calendar.today();
    const regionName = (code: string) => (code === NATIONAL_REGION_CODE ? '全国' : (idx.get(code)?.name ?? code));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      leadOrgId: r.leadOrgId,
      leadOrgName: leadName.get(r.leadOrgId) ?? '',
      regionCode: r.regionCode,
      regionName: regionName(r.regionCode),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      phase: phaseOf(r, today),
      categories: r.categories,
      areaCodes: r.areaCodes,
      areaNames: r.areaCodes.map(regionName),
      memberDepartments: r.memberDepartments,
      description: r.description,
      editable: mayEdit(actor, r),
      counts: counts.get(r.id)!,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /**
   * Per category of the campaign, the producer-screening columns of the weekly
   * table over the screenings in the caller's scope, up to a date if given.
   */
  async function categoryStats(actor: Actor, campaignId: string, until?: string): Promise<CampaignDetailView['byCategory']> {
    authorize(actor, 'campaign.read');
    const campaign = await getVisible(actor, campaignId);
    const distinct = (cond?: SQL) =>
      (cond ? sql<number>`count(distinct ${screenings.enterpriseId}) filter (where ${cond})` : sql<number>`count(distinct ${screenings.enterpriseId})`).mapWith(Number);
    const rows = await db
      .select({
        category: screenings.category,
        enterprises: distinct(),
        nonconforming: distinct(eq(screenings.result, 'nonconforming')),
        rectified: distinct(and(eq(screenings.rectificationStatus, 'completed'), until ? lte(screenings.rectifiedOn, until) : undefined)!),
      })
      .from(screenings)
      .where(and(eq(screenings.campaignId, campaignId), screeningScope(actor), until ? lte(screenings.screenedOn, until) : undefined))
      .groupBy(screenings.category);
    const order = [...campaign.categories, ...rows.map((r) => r.category).filter((c) => !campaign.categories.includes(c))];
    return order.map((category) => {
      const r = rows.find((x) => x.category === category);
      return { category, enterprises: r?.enterprises ?? 0, nonconformingEnterprises: r?.nonconforming ?? 0, rectifiedEnterprises: r?.rectified ?? 0 };
    });
  }

  async function leadOf(actor: Actor, leadOrgId: string | undefined) {
    const id = leadOrgId ?? actingOrg(actor);
    const org = leadOrgId
      ? await orgService.getVisible(actor, id).catch(() => {
          throw invalid('leadOrgId', '牵头部门不存在或不在您的管辖范围内');
        })
      : await orgService.getById(id);
    if (!org || org.kind !== 'regulator') throw invalid('leadOrgId', '牵头部门须为市场监管部门');
    return { id: org.id, regionCode: org.level === 'national' || !org.regionCode ? NATIONAL_REGION_CODE : org.regionCode };
  }

  async function checkCategories(codes: string[]) {
    const active = await categories.activeCodes();
    const unknown = codes.filter((c) => !active.has(c));
    if (unknown.length) throw invalid('categories', `未知或已停用的产品类别：${unknown.join('、')}`);
  }

  async function checkAreas(codes: string[], leadRegion: string) {
    for (const code of codes) {
      if (!(await regions.exists(code))) throw invalid('areaCodes', `行政区划代码 ${code} 不存在`);
      if (leadRegion !== NATIONAL_REGION_CODE && !regionWithin(code, leadRegion)) throw invalid('areaCodes', '整治地区应在牵头部门的辖区内');
    }
  }

  async function checkNameFree(name: string, leadOrgId: string, except?: string) {
    const [same] = await db
      .select({ id: campaigns.id })
      .from(campaigns)
      .where(and(eq(campaigns.name, name), eq(campaigns.leadOrgId, leadOrgId), except ? ne(campaigns.id, except) : undefined));
    if (same) {
      const message = '该牵头部门已有同名的专项整治行动';
      throw conflict('CAMPAIGN_EXISTS', message, { fields: [{ field: 'name', message }] });
    }
  }

  async function view(actor: Actor, id: string): Promise<CampaignDetailView> {
    const row = await getVisible(actor, id);
    const [v] = await toViews(actor, [row]);
    return { ...v!, byCategory: await categoryStats(actor, id) };
  }

  const screeningService = createScreenings(deps, enterprises, { getVisible, categories });
  const problemService = createProblems(deps, enterprises, orgService, { getVisible });
  const importService = createImports(deps, { getVisible, categories, screenings: screeningService });

  return {
    campaignScope,
    /** A campaign the caller may see, for linking records to it (sampling plans, cases); 404 otherwise. */
    getVisible,
    /** A campaign by its exact name, unscoped: for seeding and linking by name. */
    async byName(name: string): Promise<CampaignRow | null> {
      const [row] = await db.select().from(campaigns).where(eq(campaigns.name, name)).orderBy(asc(campaigns.createdAt)).limit(1);
      return row ?? null;
    },
    categoryStats,
    async list(actor: Actor, q: z.infer<typeof CampaignListQuery>) {
      authorize(actor, 'campaign.read');
      const today = calendar.today();
      const where = and(
        campaignScope(actor),
        q.q ? ilike(campaigns.name, `%${likeEscape(q.q)}%`) : undefined,
        q.phase === 'upcoming' ? gt(campaigns.startsOn, today) : undefined,
        q.phase === 'ongoing' ? and(lte(campaigns.startsOn, today), gte(campaigns.endsOn, today)) : undefined,
        q.phase === 'ended' ? lt(campaigns.endsOn, today) : undefined,
        q.category ? sql`${q.category} = any(${campaigns.categories})` : undefined,
      );
      const order = q.order === 'desc' ? desc(SORT[q.sort]) : asc(SORT[q.sort]);
      const [rows, [total]] = await Promise.all([
        db.select().from(campaigns).where(where).orderBy(order, asc(campaigns.id)).limit(q.pageSize).offset(pageOffset(q)),
        db.select({ n: count() }).from(campaigns).where(where),
      ]);
      return paged(await toViews(actor, rows), total?.n, q);
    },
    async get(actor: Actor, id: string) {
      authorize(actor, 'campaign.read');
      return view(actor, id);
    },
    async create(actor: Actor, body: z.infer<typeof CampaignCreateBody>) {
      authorize(actor, 'campaign.write');
      const lead = await leadOf(actor, body.leadOrgId);
      await checkCategories(body.categories);
      const areaCodes = [...new Set(body.areaCodes)];
      await checkAreas(areaCodes, lead.regionCode);
      await checkNameFree(body.name, lead.id);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(campaigns)
          .values({
            name: body.name,
            leadOrgId: lead.id,
            regionCode: lead.regionCode,
            startsOn: body.startsOn,
            endsOn: body.endsOn,
            categories: [...new Set(body.categories)],
            areaCodes,
            memberDepartments: [...new Set(body.memberDepartments)],
            description: body.description,
            createdAt: clock.now(),
          })
          .returning({ id: campaigns.id });
        await audit.append(tx, actor, { action: 'campaign.created', entity: campaignEntity, id: row!.id });
        return row!.id;
      });
      return view(actor, id);
    },
    async update(actor: Actor, id: string, body: z.infer<typeof CampaignUpdateBody>) {
      authorize(actor, 'campaign.write');
      const row = await getVisible(actor, id);
      if (!mayEdit(actor, row)) throw forbidden('只有牵头部门或其上级部门可以修改该专项整治行动');
      const lead = body.leadOrgId && body.leadOrgId !== row.leadOrgId ? await leadOf(actor, body.leadOrgId) : { id: row.leadOrgId, regionCode: row.regionCode };
      const startsOn = body.startsOn ?? row.startsOn;
      const endsOn = body.endsOn ?? row.endsOn;
      if (endsOn < startsOn) throw invalid('endsOn', '结束日期不能早于开始日期');
      if (body.categories) await checkCategories(body.categories);
      const areaCodes = body.areaCodes ? [...new Set(body.areaCodes)] : row.areaCodes;
      if (body.areaCodes || lead.id !== row.leadOrgId) await checkAreas(areaCodes, lead.regionCode);
      if (body.name || lead.id !== row.leadOrgId) await checkNameFree(body.name ?? row.name, lead.id, id);

      // Records already made under the campaign keep it coherent: no screening falls outside the period or the categories.
      const cats = body.categories ? [...new Set(body.categories)] : row.categories;
      const [outside] = await db
        .select({ n: count() })
        .from(screenings)
        .where(and(eq(screenings.campaignId, id), sql`(${screenings.screenedOn} < ${startsOn} or ${screenings.screenedOn} > ${endsOn})`));
      if (Number(outside?.n ?? 0) > 0) throw invalid('startsOn', `已有 ${outside!.n} 条排查记录的排查日期在新的行动期间之外`);
      const used = await db.selectDistinct({ category: screenings.category }).from(screenings).where(eq(screenings.campaignId, id));
      const dropped = used.map((u) => u.category).filter((c) => !cats.includes(c));
      if (dropped.length) throw invalid('categories', `已有排查记录使用了产品类别 ${dropped.join('、')}，不能移除`);

      await db.transaction(async (tx) => {
        await tx
          .update(campaigns)
          .set({
            name: body.name ?? row.name,
            leadOrgId: lead.id,
            regionCode: lead.regionCode,
            startsOn,
            endsOn,
            categories: cats,
            areaCodes,
            memberDepartments: body.memberDepartments ? [...new Set(body.memberDepartments)] : row.memberDepartments,
            description: body.description ?? row.description,
          })
          .where(eq(campaigns.id, id));
        await audit.append(tx, actor, { action: 'campaign.updated', entity: campaignEntity, id });
      });
      return view(actor, id);
    },
    screenings: screeningService,
    problems: problemService,
    imports: importService,
  };
}
export type Campaigns = ReturnType<typeof createCampaigns>;

