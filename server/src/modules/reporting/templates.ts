import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  ReportSchedule,
  ReportTemplateDefinition,
  TESTING_DOMAINS,
  regionPrefix,
  type OncePeriodBody,
  type RegulatorLevel,
  type ReportPeriodView,
  type ReportTemplateBody,
  type ReportTemplateListQuery,
  type ReportTemplateView,
  type UnitLevel,
} from '@shijian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import { shanghaiDate } from '../../platform/calendar/working-days.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import type { Campaigns } from '../campaigns/service.js';
import { campaigns } from '../campaigns/tables.js';
import { visibleCampaign } from '../enforcement/cases.js';
import { orgs } from '../identity/tables.js';
import type { Categories } from '../registry/categories.js';
import { reportTemplateEntity, reportOncePeriodEntity } from './entities.js';
import { TEMPLATE_LIBRARY } from './library.js';
import { currentPeriod, periodByKey, periodsBefore, type Period } from './periods.js';
import { reportOncePeriods, reportSubmissions, reportTemplates } from './tables.js';

export type TemplateRow = typeof reportTemplates.$inferSelect;
export type OrgRow = typeof orgs.$inferSelect;

export const DEPTH: Record<RegulatorLevel, number> = { national: 0, province: 1, city: 2, county: 3 };
export const UNIT_DIGITS: Record<UnitLevel, number> = { province: 2, city: 4, county: 6 };

/** The GB/T 2260 prefix of an org's area: '' for the national bureau. */
export const orgPrefix = (o: { level: RegulatorLevel | null; regionCode: string | null }) => (o.level === 'national' || !o.regionCode ? '' : regionPrefix(o.regionCode));
const actorPrefix = (a: Actor) => (a.scope.kind === 'region' ? a.scope.prefix : '');

/**
 * Who sees a template: the bureaus at or above its owner, and the bureaus inside the
 * owner's area down to the reporting units' level (the units themselves fill it).
 */
export function templateScope(actor: Actor): SQL {
  if (actor.scope.kind === 'all') return sql`true`;
  if (actor.scope.kind !== 'region' || actor.orgKind !== 'regulator' || !actor.orgLevel) return sql`false`;
  const prefix = actor.scope.prefix;
  const depth = DEPTH[actor.orgLevel];
  const levels = (['province', 'city', 'county'] as const).filter((l) => DEPTH[l] >= depth);
  return sql`(${reportTemplates.ownerPrefix} like ${`${prefix}%`} or (${prefix} like ${reportTemplates.ownerPrefix} || '%' and ${reportTemplates.unitLevel} in (${sql.join(
    levels.map((l) => sql`${l}`),
    sql`, `,
  )})))`;
}

export type Subject =
  | { kind: 'unit'; unit: OrgRow; prefix: string }
  | { kind: 'above'; org: { id: string; name: string; regionCode: string }; prefix: string; units: OrgRow[] };

export function createTemplates(deps: Deps, services: { campaigns: Campaigns; categories: Categories }) {
  const { db, clock, audit } = deps;

  const selection = {
    t: reportTemplates,
    ownerName: orgs.name,
    campaignName: campaigns.name,
    inUse: sql<boolean>`exists (select 1 from ${reportSubmissions} where ${reportSubmissions.templateId} = ${reportTemplates.id} and ${reportSubmissions.submittedAt} is not null)`,
  };
  const query = () => db.select(selection).from(reportTemplates).innerJoin(orgs, eq(orgs.id, reportTemplates.ownerOrgId)).leftJoin(campaigns, eq(campaigns.id, reportTemplates.campaignId));
  type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

  const toView = (actor: Actor, { t, ownerName, campaignName, inUse }: Row): ReportTemplateView => ({
    id: t.id,
    code: t.code,
    name: t.name,
    ownerOrgId: t.ownerOrgId,
    ownerName,
    regionCode: t.regionCode,
    frequency: t.frequency,
    accumulation: t.accumulation,
    campaignId: t.campaignId,
    campaignName,
    unitLevel: t.unitLevel,
    schedule: ReportSchedule.parse(t.schedule),
    definition: ReportTemplateDefinition.parse(t.definition),
    active: t.active,
    inUse: Boolean(inUse),
    callerRole: actor.orgLevel === t.unitLevel && (actor.orgRegionCode ?? '').startsWith(t.ownerPrefix) ? 'unit' : 'above',
    builtIn: t.builtIn,
  });

  async function get(actor: Actor, id: string): Promise<ReportTemplateView & { row: TemplateRow }> {
    authorize(actor, 'report.read');
    const [row] = await query().where(and(eq(reportTemplates.id, id), templateScope(actor)));
    if (!row) throw notFound('report_template', id);
    return { ...toView(actor, row), row: row.t };
  }

  /** The template's reporting units: its bureaus at the unit level inside the owner's area. */
  async function unitsOf(t: TemplateRow, within: string, executor: Db = db): Promise<OrgRow[]> {
    const prefix = within.length > t.ownerPrefix.length ? within : t.ownerPrefix;
    return executor
      .select()
      .from(orgs)
      .where(and(eq(orgs.kind, 'regulator'), eq(orgs.level, t.unitLevel), sql`${orgs.regionCode} like ${`${prefix}%`}`))
      .orderBy(asc(orgs.regionCode), asc(orgs.name));
  }

  /**
   * Whose table the caller is asking for: a unit's (its own, or one below it), or
   * above the units the roll-up of those in the caller's area. Anything else is absent.
   */
  async function subject(actor: Actor, t: TemplateRow, unitId: string | undefined): Promise<Subject> {
    const inOwnerArea = (o: OrgRow) => o.kind === 'regulator' && o.level === t.unitLevel && (o.regionCode ?? '').startsWith(t.ownerPrefix);
    const inActorScope = (o: OrgRow) => actor.scope.kind === 'all' || (actor.scope.kind === 'region' && (o.regionCode ?? '').startsWith(actor.scope.prefix));
    if (unitId) {
      const [unit] = await db.select().from(orgs).where(eq(orgs.id, unitId));
      if (!unit || !inOwnerArea(unit) || !inActorScope(unit)) throw notFound('report_unit', unitId);
      return { kind: 'unit', unit, prefix: orgPrefix(unit) };
    }
    if (actor.orgId && actor.orgLevel === t.unitLevel) {
      const [own] = await db.select().from(orgs).where(eq(orgs.id, actor.orgId));
      if (own && inOwnerArea(own)) return { kind: 'unit', unit: own, prefix: orgPrefix(own) };
    }
    const mine = actorPrefix(actor);
    const above = actor.scope.kind === 'all' || (actor.orgLevel !== null && DEPTH[actor.orgLevel] < DEPTH[t.unitLevel]);
    if (!above || !(mine.startsWith(t.ownerPrefix) || t.ownerPrefix.startsWith(mine))) throw notFound('report_template', t.id);
    const prefix = mine.length > t.ownerPrefix.length ? mine : t.ownerPrefix;
    // The system (the CLI) speaks for the owner.
    const [org] = await db.select().from(orgs).where(eq(orgs.id, actor.orgId ?? t.ownerOrgId));
    return {
      kind: 'above',
      org: { id: org?.id ?? t.ownerOrgId, name: org?.name ?? '', regionCode: org?.regionCode ?? '000000' },
      prefix,
      units: await unitsOf(t, prefix),
    };
  }

  async function validate(actor: Actor, body: Pick<ReportTemplateBody, 'definition' | 'campaignId'>) {
    const d = body.definition;
    if (d.rowDimension === 'category') {
      const active = await services.categories.activeCodes();
      d.rows.forEach((r, i) => {
        if (!active.has(r.value ?? '')) throw invalid(`definition.rows.${i}.value`, `产品类别 ${r.value} 不存在或已停用`);
      });
    }
    if (d.rowDimension === 'domain') {
      d.rows.forEach((r, i) => {
        if (!(TESTING_DOMAINS as readonly string[]).includes(r.value ?? '')) throw invalid(`definition.rows.${i}.value`, `检验检测领域 ${r.value} 不存在`);
      });
    }
    if (body.campaignId) await visibleCampaign(services.campaigns, actor, body.campaignId);
  }

  async function ownerOf(actor: Actor) {
    const [org] = actor.orgId ? await db.select().from(orgs).where(eq(orgs.id, actor.orgId)) : [];
    if (!org || org.kind !== 'regulator' || !org.level) throw new AppError(403, 'FORBIDDEN', '只有监管部门可以制定统计报表');
    return org;
  }

  /** The period a key names, with the days it counts and whether its deadline has passed. */
  async function period(t: TemplateRow, key: string, executor: Db = db): Promise<Period & { view: ReportPeriodView }> {
    let p: Period | null = null;
    if (t.frequency === 'once') {
      const [row] = await executor
        .select()
        .from(reportOncePeriods)
        .where(and(eq(reportOncePeriods.templateId, t.id), eq(reportOncePeriods.key, key)));
      if (row) p = { key: row.key, label: row.label, fromDate: row.fromDate, toDate: row.toDate, dueAt: row.dueAt, remindAt: row.remindAt };
    } else {
      p = periodByKey(t.frequency, ReportSchedule.parse(t.schedule), key);
    }
    if (!p) throw notFound('report_period', key);
    return { ...p, view: await periodView(t, p, executor) };
  }

  async function windowFrom(t: TemplateRow, p: Period, executor: Db = db): Promise<string> {
    if (t.accumulation !== 'campaign' || !t.campaignId) return p.fromDate;
    const [c] = await executor.select({ startsOn: campaigns.startsOn }).from(campaigns).where(eq(campaigns.id, t.campaignId));
    return c?.startsOn ?? p.fromDate;
  }

  async function periodView(t: TemplateRow, p: Period, executor: Db = db): Promise<ReportPeriodView> {
    return {
      templateId: t.id,
      key: p.key,
      label: p.label,
      fromDate: p.fromDate,
      toDate: p.toDate,
      windowFrom: await windowFrom(t, p, executor),
      dueAt: p.dueAt.toISOString(),
      remindAt: p.remindAt.toISOString(),
      closed: clock.now() > p.dueAt,
    };
  }

  /** The recent periods, newest first: computed for weekly and monthly templates, stored for one-off ones. */
  async function periods(t: TemplateRow, n: number): Promise<ReportPeriodView[]> {
    if (t.frequency === 'once') {
      const rows = await db.select().from(reportOncePeriods).where(eq(reportOncePeriods.templateId, t.id)).orderBy(sql`${reportOncePeriods.toDate} desc`).limit(n);
      return Promise.all(rows.map((r) => periodView(t, { key: r.key, label: r.label, fromDate: r.fromDate, toDate: r.toDate, dueAt: r.dueAt, remindAt: r.remindAt })));
    }
    const s = ReportSchedule.parse(t.schedule);
    const list = periodsBefore(t.frequency, s, currentPeriod(t.frequency, s, clock.now()), n);
    return Promise.all(list.map((p) => periodView(t, p)));
  }

  return {
    get,
    subject,
    unitsOf,
    period,
    periods,
    library(actor: Actor) {
      authorize(actor, 'report.read');
      return TEMPLATE_LIBRARY;
    },

    async list(actor: Actor, q: z.infer<typeof ReportTemplateListQuery>) {
      authorize(actor, 'report.read');
      const where = and(
        templateScope(actor),
        q.q ? ilike(reportTemplates.name, `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
        q.active ? eq(reportTemplates.active, q.active === 'true') : undefined,
      );
      const [rows, [total]] = await Promise.all([
        query().where(where).orderBy(asc(reportTemplates.createdAt), asc(reportTemplates.id)).limit(q.pageSize).offset(pageOffset(q)),
        db.select({ n: count() }).from(reportTemplates).where(where),
      ]);
      return paged(rows.map((r) => toView(actor, r)), total?.n, q);
    },

    async create(actor: Actor, body: ReportTemplateBody, options: { builtIn?: boolean } = {}): Promise<ReportTemplateView> {
      authorize(actor, 'report.template');
      const owner = await ownerOf(actor);
      if (DEPTH[owner.level!] >= DEPTH[body.unitLevel]) throw invalid('unitLevel', '填报单位应低于本单位的层级');
      await validate(actor, body);
      const [taken] = await db.select({ id: reportTemplates.id }).from(reportTemplates).where(eq(reportTemplates.code, body.code));
      if (taken) throw new AppError(409, 'CODE_TAKEN', `模板编码 ${body.code} 已被使用`, { fields: [{ field: 'code', message: `模板编码 ${body.code} 已被使用，请换一个` }] });
      const id = await db.transaction(async (tx) => {
        const now = clock.now();
        const [row] = await tx
          .insert(reportTemplates)
          .values({
            code: body.code,
            name: body.name,
            ownerOrgId: owner.id,
            regionCode: owner.regionCode ?? '000000',
            ownerPrefix: orgPrefix(owner),
            frequency: body.frequency,
            accumulation: body.accumulation,
            campaignId: body.campaignId ?? null,
            unitLevel: body.unitLevel,
            schedule: body.schedule,
            definition: body.definition,
            active: true,
            builtIn: options.builtIn ?? false,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: reportTemplates.id });
        await audit.append(tx, actor, { action: 'report.template_created', entity: reportTemplateEntity, id: row!.id });
        return row!.id;
      });
      return get(actor, id);
    },

    /** Changes a template nobody has reported on yet; one in use stays as it was (copy it to change it). */
    async update(actor: Actor, id: string, body: Omit<ReportTemplateBody, 'code'>): Promise<ReportTemplateView> {
      authorize(actor, 'report.template');
      const current = await get(actor, id);
      if (current.ownerOrgId !== actor.orgId) throw new AppError(403, 'FORBIDDEN', '只有制定模板的单位可以修改');
      if (current.inUse) throw conflict('TEMPLATE_IN_USE', '已有单位报送过该模板，不能再修改；请复制为新模板后修改');
      const [owner] = await db.select().from(orgs).where(eq(orgs.id, current.ownerOrgId));
      if (DEPTH[owner!.level!] >= DEPTH[body.unitLevel]) throw invalid('unitLevel', '填报单位应低于本单位的层级');
      await validate(actor, body);
      await db.transaction(async (tx) => {
        await tx
          .update(reportTemplates)
          .set({ ...body, campaignId: body.campaignId ?? null, updatedAt: clock.now() })
          .where(eq(reportTemplates.id, id));
        await audit.append(tx, actor, { action: 'report.template_updated', entity: reportTemplateEntity, id });
      });
      return get(actor, id);
    },

    async setActive(actor: Actor, id: string, active: boolean): Promise<ReportTemplateView> {
      authorize(actor, 'report.template');
      const current = await get(actor, id);
      if (current.ownerOrgId !== actor.orgId) throw new AppError(403, 'FORBIDDEN', '只有制定模板的单位可以停用或启用');
      await db.transaction(async (tx) => {
        await tx.update(reportTemplates).set({ active, updatedAt: clock.now() }).where(eq(reportTemplates.id, id));
        await audit.append(tx, actor, { action: 'report.template_updated', entity: reportTemplateEntity, id });
      });
      return get(actor, id);
    },

    async createOncePeriod(actor: Actor, templateId: string, body: z.infer<typeof OncePeriodBody>): Promise<ReportPeriodView> {
      authorize(actor, 'report.template');
      const { row: t, ownerOrgId } = await get(actor, templateId);
      if (ownerOrgId !== actor.orgId) throw new AppError(403, 'FORBIDDEN', '只有制定模板的单位可以设置报送期次');
      if (t.frequency !== 'once') throw conflict('NOT_ONCE', '每周、每月报送的期次由报送周期自动产生');
      const [taken] = await db
        .select({ id: reportOncePeriods.id })
        .from(reportOncePeriods)
        .where(and(eq(reportOncePeriods.templateId, templateId), eq(reportOncePeriods.key, body.key)));
      if (taken) throw conflict('PERIOD_EXISTS', `期次编码 ${body.key} 已存在`);
      const schedule = ReportSchedule.parse(t.schedule);
      const dueAt = new Date(`${body.dueDate}T${body.dueTime}:00+08:00`);
      const remindAt = new Date(`${body.dueDate}T${schedule.remindTime}:00+08:00`);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(reportOncePeriods)
          .values({ templateId, key: body.key, label: body.label, fromDate: body.fromDate, toDate: body.toDate, dueAt, remindAt, createdAt: clock.now() })
          .returning({ id: reportOncePeriods.id });
        await audit.append(tx, actor, { action: 'report.period_created', entity: reportOncePeriodEntity, id: row!.id });
      });
      return (await period(t, body.key)).view;
    },

    /** The day the records are counted through: the period's last day, or today while it runs. */
    dataThrough(p: Period): string {
      const today = shanghaiDate(clock.now());
      return p.toDate < today ? p.toDate : today;
    },
    windowFrom,
  };
}

export type Templates = ReturnType<typeof createTemplates>;
