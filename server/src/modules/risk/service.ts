import { and, asc, count, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  SIGNAL_KINDS,
  WARNING_STATUSES,
  type OpinionImportBody,
  type RiskDimension,
  type RiskModelBody,
  type RiskScoreQuery,
  type RiskScoreView,
  type RiskSignalQuery,
  type SignalKind,
  type WarningListQuery,
  type WarningView,
} from '@shijian/contracts';
import { rawRows, type Db } from '../../db/client.js';
import { regionRange, scopeFilter, systemActor, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { users } from '../identity/tables.js';
import type { Inspections } from '../inspections/service.js';
import { enterprises, productCategories } from '../registry/tables.js';
import { riskModelEntity, riskOpinionEntity, riskWarningEntity, riskWarningStepEntity } from './entities.js';
import { DEFAULT_RISK_MODEL, LEVEL_RANK, levelOf, type RiskModel } from './scoring.js';
import { riskModels, riskOpinions, riskWarningSteps, riskWarnings } from './tables.js';

/** A category or a region gathers many enterprises' signals: its thresholds are this many times an enterprise's. */
const GROUP_SCALE: Record<RiskDimension, number> = { enterprise: 1, category: 5, region: 5 };

/** The signals behind the scores, one row per record, from every source (read-only, like the statistics). */
function signalsSql(from: string): SQL {
  return sql`
    select 'sampling_nonconforming'::text as kind, s.id, s.reported_on as date, s.enterprise_id, s.category, s.region_code,
           s.record_no || ' · ' || s.product_name as title
      from sampling_records s where s.conclusion = 'nonconforming' and s.reported_on >= ${from}::date
    union all
    select c.kind, c.id, c.received_on, c.target_enterprise_id, c.product_category, c.target_region_code, c.complaint_no || ' · ' || c.subject
      from complaints c where c.received_on >= ${from}::date and c.status not in ('not_accepted', 'not_filed')
    union all
    select 'case', k.id, k.lead_on, k.party_enterprise_id, k.product_category, k.region_code, k.case_no || ' · ' || k.summary
      from cases k where k.lead_on >= ${from}::date and k.stage <> 'not_filed'
    union all
    select 'recall', r.id, r.reported_on, r.enterprise_id, r.product_category, r.region_code, r.recall_no || ' · ' || r.product_name
      from recalls r where r.reported_on >= ${from}::date and r.status <> 'no_recall'
    union all
    select 'opinion', o.id, o.published_on, o.enterprise_id, o.category, o.region_code, o.source || ' · ' || left(o.text, 60)
      from risk_opinions o where o.published_on >= ${from}::date`;
}

const weightSql = (model: RiskModel) => sql.raw(`case kind ${SIGNAL_KINDS.map((k) => `when '${k}' then ${Number(model.weights[k])}`).join(' ')} else 0 end`);
const decaySql = (model: RiskModel, today: string) => sql`power(0.5, greatest(0, ${today}::date - date)::numeric / ${model.halfLifeDays})`;

/**
 * Risk monitoring: scores computed from the records on every request (a new signal is in the
 * next score), warnings raised when a score crosses a threshold and moved by people through
 * 发现 → 研判 → 预警 → 处置, public-opinion items imported as signals, the model as data.
 */
export function createRisk(deps: Deps, services: { inspections: Inspections }) {
  const { db, clock, audit, calendar, regions } = deps;

  async function model(executor: Db = db): Promise<RiskModel> {
    const [row] = await executor.select().from(riskModels).where(eq(riskModels.id, 1));
    return row?.model ?? DEFAULT_RISK_MODEL;
  }

  /** The actor's area as a region condition on the signals' `region_code`. */
  function areaSql(actor: Actor): SQL {
    const { scope } = actor;
    if (scope.kind === 'all') return sql`true`;
    if (scope.kind === 'region') {
      if (scope.prefix.length === 6) return sql`region_code = ${scope.prefix}`;
      const [lo, hi] = regionRange(scope.prefix);
      return sql`region_code >= ${lo} and region_code < ${hi}`;
    }
    return sql`false`;
  }

  /** One level down from the actor's area: provinces for the nation, cities for a province, counties for a city. */
  const childDigits = (actor: Actor) => (actor.scope.kind === 'region' ? Math.min(6, actor.scope.prefix.length + 2) : 2);

  async function scores(actor: Actor, q: z.infer<typeof RiskScoreQuery>, executor: Db = db): Promise<RiskScoreView[]> {
    const m = await model(executor);
    const today = calendar.today();
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - m.windowDays * 86_400_000).toISOString().slice(0, 10);
    const key =
      q.dimension === 'enterprise' ? sql`enterprise_id::text` : q.dimension === 'category' ? sql`category` : sql`rpad(left(region_code, ${childDigits(actor)}), 6, '0')`;
    const rows = await rawRows<{ key: string; score: string; signals: number; by_kind: Record<string, number> }>(
      executor,
      sql`with signals as (${signalsSql(from)}),
        scored as (select kind, ${key} as key, ${weightSql(m)} * ${decaySql(m, today)} as value from signals
                   where ${areaSql(actor)} and ${q.category ? sql`category = ${q.category}` : sql`true`})
        select key, sum(value)::text as score, sum(n)::int as signals, jsonb_object_agg(kind, value) as by_kind
        from (select key, kind, sum(value) as value, count(*) as n from scored where key is not null group by key, kind) per_kind
        group by key order by sum(value) desc, key limit ${q.limit}`,
    );
    const labels = await labelsOf(q.dimension, rows.map((r) => r.key));
    return rows.map((r) => {
      const value = Math.round(Number(r.score) * 100) / 100;
      return {
        dimension: q.dimension,
        key: r.key,
        label: labels.get(r.key) ?? r.key,
        score: value,
        signals: r.signals,
        level: levelOf(value, m.thresholds, GROUP_SCALE[q.dimension]),
        byKind: Object.fromEntries(Object.entries(r.by_kind).map(([k, v]) => [k, Math.round(Number(v) * 100) / 100])),
      };
    });
  }

  async function labelsOf(dimension: RiskDimension, keys: string[]): Promise<Map<string, string>> {
    if (!keys.length) return new Map();
    if (dimension === 'enterprise') {
      const rows = await db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, keys));
      return new Map(rows.map((r) => [r.id, r.name]));
    }
    if (dimension === 'category') {
      const rows = await db.select({ code: productCategories.code, name: productCategories.name }).from(productCategories);
      return new Map(rows.map((r) => [r.code, r.name]));
    }
    const index = await regions.index();
    return new Map(keys.map((k) => [k, index.get(k)?.name ?? k]));
  }

  const warningScope = (actor: Actor) => scopeFilter(actor, { region: riskWarnings.regionCode });

  /**
   * Raises a warning for every enterprise whose score reached a level with no open warning at
   * that level or above (an open one is raised to the new level). Runs as the system, nationwide.
   */
  async function scan(): Promise<number> {
    const m = await model();
    const system = systemActor('risk');
    const top = await scores(system, { dimension: 'enterprise', limit: 200 });
    const due = top.filter((s) => s.level !== null);
    if (!due.length) return 0;
    const open = await db
      .select()
      .from(riskWarnings)
      .where(and(eq(riskWarnings.dimension, 'enterprise'), ne(riskWarnings.status, 'handled'), inArray(riskWarnings.subjectKey, due.map((d) => d.key))));
    const regionOf = new Map((await db.select({ id: enterprises.id, region: enterprises.regionCode }).from(enterprises).where(inArray(enterprises.id, due.map((d) => d.key)))).map((e) => [e.id, e.region]));
    let raised = 0;
    for (const s of due) {
      const existing = open.find((w) => w.subjectKey === s.key);
      if (existing && LEVEL_RANK[existing.level] >= LEVEL_RANK[s.level!]) continue;
      await db.transaction(async (tx) => {
        const now = clock.now();
        if (existing) {
          await tx.update(riskWarnings).set({ level: s.level!, score: String(s.score), updatedAt: now }).where(eq(riskWarnings.id, existing.id));
          const [step] = await tx
            .insert(riskWarningSteps)
            .values({ warningId: existing.id, status: existing.status, note: `风险分升至 ${s.score}，预警等级提高`, at: now })
            .returning({ id: riskWarningSteps.id });
          await audit.append(tx, system, [
            { action: 'risk.warning_raised', entity: riskWarningEntity, id: existing.id },
            { action: 'risk.warning_raised', entity: riskWarningStepEntity, id: step!.id },
          ]);
        } else {
          const [w] = await tx
            .insert(riskWarnings)
            .values({ dimension: 'enterprise', subjectKey: s.key, label: s.label, regionCode: regionOf.get(s.key) ?? '000000', level: s.level!, score: String(s.score), status: 'detected', createdAt: now, updatedAt: now })
            .returning({ id: riskWarnings.id });
          const [step] = await tx
            .insert(riskWarningSteps)
            .values({ warningId: w!.id, status: 'detected', note: `风险分 ${s.score} 达到${s.level}阈值（${m.thresholds[s.level!]}）`, at: now })
            .returning({ id: riskWarningSteps.id });
          await audit.append(tx, system, [
            { action: 'risk.warning_raised', entity: riskWarningEntity, id: w!.id },
            { action: 'risk.warning_raised', entity: riskWarningStepEntity, id: step!.id },
          ]);
        }
      });
      raised++;
    }
    return raised;
  }

  async function warning(actor: Actor, id: string): Promise<WarningView> {
    authorize(actor, 'risk.read');
    const [w] = await db.select().from(riskWarnings).where(and(eq(riskWarnings.id, id), warningScope(actor)));
    if (!w) throw notFound('risk_warning', id);
    return (await warningViews([w]))[0]!;
  }

  async function warningViews(rows: (typeof riskWarnings.$inferSelect)[]): Promise<WarningView[]> {
    if (!rows.length) return [];
    const steps = await db
      .select({ s: riskWarningSteps, byName: users.displayName })
      .from(riskWarningSteps)
      .leftJoin(users, eq(users.id, riskWarningSteps.byUserId))
      .where(inArray(riskWarningSteps.warningId, rows.map((r) => r.id)))
      .orderBy(asc(riskWarningSteps.at), asc(riskWarningSteps.id));
    const owners = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, rows.map((r) => r.ownerId).filter((x): x is string => Boolean(x)).concat(['00000000-0000-0000-0000-000000000000'])));
    return rows.map((w) => ({
      id: w.id,
      dimension: w.dimension,
      key: w.subjectKey,
      label: w.label,
      regionCode: w.regionCode,
      level: w.level,
      score: Number(w.score),
      status: w.status,
      ownerName: owners.find((o) => o.id === w.ownerId)?.name ?? null,
      steps: steps.filter((x) => x.s.warningId === w.id).map((x) => ({ status: x.s.status, note: x.s.note, at: x.s.at.toISOString(), byName: x.byName })),
      createdAt: w.createdAt.toISOString(),
    }));
  }

  return {
    scan,
    warning,

    async getModel(actor: Actor) {
      authorize(actor, 'risk.read');
      const [row] = await db.select().from(riskModels).where(eq(riskModels.id, 1));
      return { ...(row?.model ?? DEFAULT_RISK_MODEL), updatedAt: (row?.updatedAt ?? new Date(0)).toISOString() };
    },

    async setModel(actor: Actor, body: RiskModelBody) {
      authorize(actor, 'risk.model');
      await db.transaction(async (tx) => {
        await tx.insert(riskModels).values({ id: 1, model: body, updatedBy: actor.userId, updatedAt: clock.now() }).onConflictDoUpdate({ target: riskModels.id, set: { model: body, updatedBy: actor.userId, updatedAt: clock.now() } });
        await audit.append(tx, actor, { action: 'risk.model_set', entity: riskModelEntity, id: '1' });
      });
      return this.getModel(actor);
    },

    async scores(actor: Actor, q: z.infer<typeof RiskScoreQuery>) {
      authorize(actor, 'risk.read');
      return scores(actor, q);
    },

    /** The signals behind a score, newest first, with their weight and what they still count. */
    async signals(actor: Actor, q: z.infer<typeof RiskSignalQuery>) {
      authorize(actor, 'risk.read');
      const m = await model();
      const today = calendar.today();
      const from = new Date(Date.parse(`${today}T00:00:00Z`) - m.windowDays * 86_400_000).toISOString().slice(0, 10);
      const filters = sql.join(
        [
          areaSql(actor),
          q.enterpriseId ? sql`enterprise_id = ${q.enterpriseId}` : sql`true`,
          q.category ? sql`category = ${q.category}` : sql`true`,
          q.region ? sql`region_code like ${`${q.region.replace(/(00)+$/, '')}%`}` : sql`true`,
        ],
        sql` and `,
      );
      const rows = await rawRows<{ kind: SignalKind; id: string; date: string; enterprise_id: string | null; enterprise_name: string | null; category: string | null; region_code: string; title: string; weight: number; decayed: string; total: number }>(
        db,
        sql`with signals as (${signalsSql(from)})
          select kind, id, date::text, enterprise_id, (select name from enterprises e where e.id = enterprise_id) as enterprise_name, category, region_code, title,
                 ${weightSql(m)}::float8 as weight, (${weightSql(m)} * ${decaySql(m, today)})::text as decayed, count(*) over ()::int as total
          from signals where ${filters} order by date desc, id limit ${q.pageSize} offset ${pageOffset(q)}`,
      );
      return paged(
        rows.map((r) => ({
          kind: r.kind,
          id: r.id,
          date: r.date,
          enterpriseId: r.enterprise_id,
          enterpriseName: r.enterprise_name,
          category: r.category,
          regionCode: r.region_code,
          title: r.title,
          weight: Number(r.weight),
          decayed: Math.round(Number(r.decayed) * 100) / 100,
        })),
        rows[0]?.total ?? 0,
        q,
      );
    },

    /** Public-opinion items from monitoring (CSV or JSON turned into items by the client): signals like any other. */
    async importOpinions(actor: Actor, body: z.infer<typeof OpinionImportBody>) {
      authorize(actor, 'risk.import');
      const index = await regions.index();
      const usccs = [...new Set(body.items.map((i) => i.enterpriseUscc).filter((x): x is string => Boolean(x)))];
      const known = usccs.length ? await db.select({ id: enterprises.id, uscc: enterprises.uscc, region: enterprises.regionCode }).from(enterprises).where(inArray(enterprises.uscc, usccs)) : [];
      const rows = body.items.map((item, i) => {
        const ent = item.enterpriseUscc ? known.find((k) => k.uscc === item.enterpriseUscc) : undefined;
        const regionCode = ent?.region ?? item.regionCode ?? actor.orgRegionCode;
        if (!regionCode || !index.has(regionCode)) throw invalid(`items.${i}.regionCode`, `第 ${i + 1} 条：请填写有效的地区代码，或所涉企业的统一社会信用代码`);
        if (actor.scope.kind === 'region' && !regionCode.startsWith(actor.scope.prefix)) throw invalid(`items.${i}.regionCode`, `第 ${i + 1} 条：地区不在本单位管辖范围内`);
        if (item.date > calendar.today()) throw invalid(`items.${i}.date`, `第 ${i + 1} 条：日期不能晚于今天`);
        return { publishedOn: item.date, source: item.source, text: item.text, enterpriseId: ent?.id ?? null, category: item.category ?? null, regionCode, importedBy: actor.userId, createdAt: clock.now() };
      });
      await db.transaction(async (tx) => {
        const inserted = await tx.insert(riskOpinions).values(rows).returning({ id: riskOpinions.id });
        await audit.append(tx, actor, inserted.map((r) => ({ action: 'risk.opinion_imported' as const, entity: riskOpinionEntity, id: r.id })));
      });
      return { inserted: rows.length, matchedEnterprises: rows.filter((r) => r.enterpriseId).length };
    },

    async warnings(actor: Actor, q: z.infer<typeof WarningListQuery>) {
      authorize(actor, 'risk.read');
      await scan();
      const conditions: (SQL | undefined)[] = [warningScope(actor)];
      if (q.status) conditions.push(eq(riskWarnings.status, q.status));
      if (q.level) conditions.push(eq(riskWarnings.level, q.level));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(riskWarnings)
          .where(where)
          .orderBy(q.order === 'asc' ? asc(riskWarnings.createdAt) : desc(riskWarnings.createdAt), desc(riskWarnings.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(riskWarnings).where(where),
      ]);
      return paged(await warningViews(rows), total?.n, q);
    },

    /**
     * Risk tiers for the double-random draw from the scores: red and orange enterprises become
     * 高风险, yellow 较高风险, blue 一般; the draw's ratios per tier then sample them more often.
     * Only enterprises with a level in the actor's area change; each change is audited as a tier set by hand.
     */
    async applyTiers(actor: Actor): Promise<{ updated: number }> {
      authorize(actor, 'inspection.roster');
      const top = await scores(actor, { dimension: 'enterprise', limit: 200 });
      const tierOf = { red: 'high', orange: 'high', yellow: 'elevated', blue: 'general' } as const;
      let updated = 0;
      for (const s of top) {
        if (!s.level) continue;
        await services.inspections.setTier(actor, s.key, { tier: tierOf[s.level], basis: `风险评分 ${s.score}（${s.level}），${s.signals} 条信号`, assessedOn: calendar.today() });
        updated++;
      }
      return { updated };
    },

    /** The next step of a warning (研判, 预警, 处置), with a note; the one who takes it becomes its owner. */
    async advance(actor: Actor, id: string, note: string): Promise<WarningView> {
      authorize(actor, 'risk.handle');
      const w = await warning(actor, id);
      const next = WARNING_STATUSES[WARNING_STATUSES.indexOf(w.status) + 1];
      if (!next) throw conflict('WARNING_HANDLED', '该预警已处置完毕');
      await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(riskWarnings)
          .set({ status: next, ownerId: actor.userId, updatedAt: clock.now() })
          .where(and(eq(riskWarnings.id, id), eq(riskWarnings.status, w.status)))
          .returning({ id: riskWarnings.id });
        if (!updated) throw conflict('STATE_CHANGED', '预警状态已变化，请刷新后重试');
        const [step] = await tx.insert(riskWarningSteps).values({ warningId: id, status: next, note, byUserId: actor.userId, at: clock.now() }).returning({ id: riskWarningSteps.id });
        await audit.append(tx, actor, [
          { action: 'risk.warning_advanced', entity: riskWarningEntity, id },
          { action: 'risk.warning_advanced', entity: riskWarningStepEntity, id: step!.id },
        ]);
      });
      return warning(actor, id);
    },
  };
}

export type Risk = ReturnType<typeof createRisk>;
