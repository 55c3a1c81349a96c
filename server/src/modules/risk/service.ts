import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  WARNING_STATUSES,
  type OpinionImportBody,
  type RiskDimension,
  type RiskModelBody,
  WARNING_LEVEL_LABELS,
  WARNING_STATUS_LABELS,
  type RiskFreshnessView,
  type RiskScoreQuery,
  type RiskTrendQuery,
  type RiskTrendWeek,
  type RiskScoreView,
  type RiskSignalQuery,
  type SignalKind,
  type WarningListQuery,
  type WarningView,
} from '@shijian/contracts';
import { rawRows, type Db } from '../../db/client.js';
import { regionRange, scopeFilter, systemActor, type Actor } from '../../platform/actor.js';
import type { AuditRecord } from '../../platform/audit/chain.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { users } from '../identity/tables.js';
import type { Inspections } from '../inspections/service.js';
import { enterprises, productCategories } from '../registry/tables.js';
import { riskModelEntity, riskOpinionEntity, riskWarningEntity, riskWarningStepEntity } from './entities.js';
import { carry, decaySql, patch, rebuild, signalsSql, weightSql, windowStart } from './kept-scores.js';
import { DEFAULT_RISK_MODEL, levelOf, type RiskModel } from './scoring.js';
import { riskChanges, riskModels, riskOpinions, riskState, riskWarningSteps, riskWarnings } from './tables.js';

/** A category or a region gathers many enterprises' signals: its thresholds are this many times an enterprise's. */
const GROUP_SCALE: Record<RiskDimension, number> = { enterprise: 1, category: 5, region: 5 };

/**
 * Risk monitoring: scores kept per enterprise, category, region and kind (`kept-scores.ts`),
 * patched from the records a reader's request finds changed (a new signal is in the next score)
 * and rebuilt daily or when the model changes; warnings raised when a score crosses a threshold
 * and moved by people through 发现 → 研判 → 预警 → 处置; public-opinion items imported as
 * signals; the model as data.
 */
export function createRisk(deps: Deps, services: { inspections: Inspections }) {
  const { db, clock, audit, calendar, regions } = deps;

  async function modelRow(executor: Db = db): Promise<{ model: RiskModel; at: Date }> {
    const [row] = await executor.select().from(riskModels).where(eq(riskModels.id, 1));
    return { model: row?.model ?? DEFAULT_RISK_MODEL, at: row?.updatedAt ?? new Date(0) };
  }

  let rebuilding: Promise<number> | null = null;

  /** The full rescoring, with the warnings it raises; one at a time, callers share the running one. */
  function rescore(): Promise<number> {
    rebuilding ??= (async () => {
      try {
        const { model, at } = await modelRow();
        const today = calendar.today();
        const ms = await rebuild(db, model, at, today);
        await raiseWarnings(model, 1, null);
        return ms;
      } finally {
        rebuilding = null;
      }
    })();
    return rebuilding;
  }

  /**
   * The model and the day the kept parts are decayed to, after bringing them up to date: rebuilt
   * first if there are none or the model changed since; patched from the waiting changes (and the
   * warnings of the patched enterprises checked). A new day rebuilds in the background while the
   * parts of yesterday, carried by the decay factor, answer.
   */
  async function fresh(): Promise<{ model: RiskModel; scoredOn: string }> {
    const { model, at } = await modelRow();
    const today = calendar.today();
    let [state] = await db.select().from(riskState).where(eq(riskState.id, 1));
    if (!state || state.modelAt.getTime() !== at.getTime()) {
      await rescore();
      [state] = await db.select().from(riskState).where(eq(riskState.id, 1));
    } else if (state.scoredOn < today && !rebuilding) {
      rescore().catch((err: unknown) => console.error(`risk: rescoring failed: ${err instanceof Error ? err.message : String(err)}`));
    }
    const scoredOn = state!.scoredOn;
    const patched = await patch(db, model, scoredOn);
    if (patched.tooMany && !rebuilding) rescore().catch((err: unknown) => console.error(`risk: rescoring failed: ${err instanceof Error ? err.message : String(err)}`));
    if (patched.enterprises.length) await raiseWarnings(model, carry(model, scoredOn, today), patched.enterprises);
    return { model, scoredOn };
  }

  /** The actor's area as a region condition on `region_code` (of the signals or of the kept parts). */
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

  async function scores(actor: Actor, q: z.infer<typeof RiskScoreQuery>): Promise<RiskScoreView[]> {
    const { model, scoredOn } = await fresh();
    const factor = carry(model, scoredOn, calendar.today());
    const key =
      q.dimension === 'enterprise' ? sql`enterprise_id::text` : q.dimension === 'category' ? sql`category` : sql`rpad(left(region_code, ${childDigits(actor)}), 6, '0')`;
    type Row = { key: string; score: number; signals: number; by_kind: Record<string, number> };
    // An enterprise ranking reads the kept totals in index order; a category's share of it, and the other dimensions, sum the parts.
    const rows =
      q.dimension === 'enterprise' && !q.category
        ? await rawRows<Row>(
            db,
            sql`select enterprise_id::text as key, value as score, signals, by_kind from risk_enterprise_scores
                where ${areaSql(actor)} and ${q.enterpriseId ? sql`enterprise_id = ${q.enterpriseId}` : sql`true`}
                order by value desc, enterprise_id limit ${q.limit}`,
          )
        : await rawRows<Row>(
            db,
            sql`select key, sum(value) as score, sum(n)::int as signals, jsonb_object_agg(kind, value) as by_kind
              from (select ${key} as key, kind, sum(value) as value, sum(signals) as n from risk_score_parts
                    where ${areaSql(actor)} and ${q.category ? sql`category = ${q.category}` : sql`true`}
                      and ${q.enterpriseId ? sql`enterprise_id = ${q.enterpriseId}` : sql`true`} group by 1, 2) per_kind
              where key is not null
              group by key order by sum(value) desc, key limit ${q.limit}`,
          );
    const labels = await labelsOf(q.dimension, rows.map((r) => r.key));
    const round = (v: number) => Math.round(v * factor * 100) / 100;
    return rows.map((r) => {
      const value = round(Number(r.score));
      return {
        dimension: q.dimension,
        key: r.key,
        label: labels.get(r.key) ?? r.key,
        score: value,
        signals: r.signals,
        level: levelOf(value, model.thresholds, GROUP_SCALE[q.dimension]),
        byKind: Object.fromEntries(Object.entries(r.by_kind).map(([k, v]) => [k, round(Number(v))])),
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
   * Raises a warning for every enterprise (of `only`, or all) whose kept score reached a level
   * with no open warning at that level or above; an open one is raised to the new level. Runs as
   * the system, nationwide, in transactions of a few hundred warnings.
   */
  async function raiseWarnings(model: RiskModel, factor: number, only: string[] | null): Promise<number> {
    const system = systemActor('risk');
    const t = model.thresholds;
    const rank = (level: string) => sql.raw(`case ${level} when 'blue' then 1 when 'yellow' then 2 when 'orange' then 3 when 'red' then 4 else 0 end`);
    const score = sql`round((s.value * ${factor})::numeric, 2)`;
    // A warning handled lately stands for its level: the same score is not raised again until a higher level, or a half-life on.
    const since = new Date(clock.now().getTime() - model.halfLifeDays * 86_400_000).toISOString();
    const chunks = only ? Array.from({ length: Math.ceil(only.length / 1000) }, (_, i) => only.slice(i * 1000, i * 1000 + 1000)) : [null];
    let raised = 0;
    for (const ids of chunks) {
      // Only the enterprises whose level is above what their open (or lately handled) warning stands for.
      const due = await rawRows<{ key: string; label: string; region_code: string; score: string; open_id: string | null; open_status: WarningView['status'] | null }>(
        db,
        sql`select s.enterprise_id::text as key, e.name as label, s.region_code, ${score}::text as score, o.id as open_id, o.status as open_status
            from risk_enterprise_scores s
            join enterprises e on e.id = s.enterprise_id
            left join lateral (select w.id, w.status, ${rank('w.level')} as rank from risk_warnings w
                               where w.dimension = 'enterprise' and w.subject_key = s.enterprise_id::text and w.status <> 'handled' limit 1) o on true
            left join lateral (select max(${rank('w.level')}) as rank from risk_warnings w
                               where w.dimension = 'enterprise' and w.subject_key = s.enterprise_id::text and w.status = 'handled' and w.updated_at >= ${since}::timestamptz) h on true
            where s.value * ${factor} >= ${t.blue * 0.999} ${ids ? sql`and s.enterprise_id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
              and (case when ${score} >= ${t.red} then 4 when ${score} >= ${t.orange} then 3 when ${score} >= ${t.yellow} then 2 when ${score} >= ${t.blue} then 1 else 0 end)
                  > greatest(coalesce(o.rank, 0), coalesce(h.rank, 0))`,
      );
      for (let i = 0; i < due.length; i += 2000) {
        const todo = due.slice(i, i + 2000).map((d) => {
          const value = Number(d.score);
          return { ...d, score: value, level: levelOf(value, t)! };
        });
        const openOf = new Map(todo.filter((d) => d.open_id).map((d) => [d.key, { id: d.open_id!, status: d.open_status! }]));
        await db.transaction(async (tx) => {
          const now = clock.now();
          const raisedLevel = todo.filter((d) => openOf.has(d.key));
          for (const d of raisedLevel) {
            await tx.update(riskWarnings).set({ level: d.level, score: String(d.score), updatedAt: now }).where(eq(riskWarnings.id, openOf.get(d.key)!.id));
          }
          const fresh = todo.filter((d) => !openOf.has(d.key));
          const inserted = fresh.length
            ? await tx
                .insert(riskWarnings)
                .values(fresh.map((d) => ({ dimension: 'enterprise' as const, subjectKey: d.key, label: d.label, regionCode: d.region_code, level: d.level, score: String(d.score), status: 'detected' as const, createdAt: now, updatedAt: now })))
                .returning({ id: riskWarnings.id, key: riskWarnings.subjectKey })
            : [];
          const idOf = new Map(inserted.map((w) => [w.key, w.id]));
          const steps = await tx
            .insert(riskWarningSteps)
            .values(
              todo.map((d) => {
                const existing = openOf.get(d.key);
                return existing
                  ? { warningId: existing.id, status: existing.status, note: `风险分升至 ${d.score}，预警等级提高`, at: now }
                  : { warningId: idOf.get(d.key)!, status: 'detected' as const, note: `风险分 ${d.score} 达到${WARNING_LEVEL_LABELS[d.level].zh}阈值（${model.thresholds[d.level]}）`, at: now };
              }),
            )
            .returning({ id: riskWarningSteps.id, warningId: riskWarningSteps.warningId });
          await audit.append(tx, system, [
            ...todo.map((d): AuditRecord => ({ action: 'risk.warning_raised', entity: riskWarningEntity, id: openOf.get(d.key)?.id ?? idOf.get(d.key)! })),
            ...steps.map((st): AuditRecord => ({ action: 'risk.warning_raised', entity: riskWarningStepEntity, id: st.id })),
          ]);
        });
        raised += todo.length;
      }
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
    /** The full rescoring now (the server runs it at start; a new day or model runs it too). */
    rescore,
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
      // The scores follow the new weights and thresholds before anyone reads them.
      await rescore();
      return this.getModel(actor);
    },

    async scores(actor: Actor, q: z.infer<typeof RiskScoreQuery>) {
      authorize(actor, 'risk.read');
      return scores(actor, q);
    },

    /** The signals behind a score, newest first, with their weight and what they still count. */
    async signals(actor: Actor, q: z.infer<typeof RiskSignalQuery>) {
      authorize(actor, 'risk.read');
      const m = (await modelRow()).model;
      const today = calendar.today();
      const from = windowStart(m, today);
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

    /**
     * Signals per week (Monday first) in the reader's area, oldest week first, every week present:
     * the counts by kind and what the week's signals weigh in the model, undecayed.
     */
    async trend(actor: Actor, q: z.infer<typeof RiskTrendQuery>): Promise<z.infer<typeof RiskTrendWeek>[]> {
      authorize(actor, 'risk.read');
      const m = (await modelRow()).model;
      const today = calendar.today();
      const dow = (new Date(`${today}T00:00:00Z`).getUTCDay() + 6) % 7;
      const first = new Date(Date.parse(`${today}T00:00:00Z`) - (dow + 7 * (q.weeks - 1)) * 86_400_000).toISOString().slice(0, 10);
      const filters = sql.join(
        [areaSql(actor), q.enterpriseId ? sql`enterprise_id = ${q.enterpriseId}` : sql`true`, q.category ? sql`category = ${q.category}` : sql`true`, sql`date <= ${today}::date`],
        sql` and `,
      );
      const rows = await rawRows<{ week: string; kind: string; n: number; weight: number }>(
        db,
        sql`select to_char(date_trunc('week', date), 'YYYY-MM-DD') as week, kind, count(*)::int as n, sum(${weightSql(m)})::float8 as weight
            from (${signalsSql(first)}) s where ${filters} group by 1, 2`,
      );
      return Array.from({ length: q.weeks }, (_, i) => {
        const weekStart = new Date(Date.parse(`${first}T00:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10);
        const of = rows.filter((r) => r.week === weekStart);
        return {
          weekStart,
          counts: Object.fromEntries(of.map((r) => [r.kind, r.n])),
          total: of.reduce((a, r) => a + r.n, 0),
          weight: Math.round(of.reduce((a, r) => a + Number(r.weight), 0) * 100) / 100,
        };
      });
    },

    /** How current the kept scores are. */
    async freshness(actor: Actor): Promise<z.infer<typeof RiskFreshnessView>> {
      authorize(actor, 'risk.read');
      const [state] = await db.select().from(riskState).where(eq(riskState.id, 1));
      const [pending] = await db.select({ n: count() }).from(riskChanges);
      return { scoredOn: state?.scoredOn ?? null, lastFullAt: state?.lastFullAt.toISOString() ?? null, lastFullMs: state?.lastFullMs ?? null, pending: pending?.n ?? 0 };
    },

    /** Public-opinion items from monitoring (CSV or JSON turned into items by the client): signals like any other. */
    async importOpinions(actor: Actor, body: z.infer<typeof OpinionImportBody>) {
      authorize(actor, 'risk.import');
      const index = await regions.index();
      const categories = new Set((await db.select({ code: productCategories.code }).from(productCategories)).map((c) => c.code));
      const usccs = [...new Set(body.items.map((i) => i.enterpriseUscc).filter((x): x is string => Boolean(x)))];
      const known = usccs.length ? await db.select({ id: enterprises.id, uscc: enterprises.uscc, region: enterprises.regionCode }).from(enterprises).where(inArray(enterprises.uscc, usccs)) : [];
      const rows = body.items.map((item, i) => {
        const ent = item.enterpriseUscc ? known.find((k) => k.uscc === item.enterpriseUscc) : undefined;
        const regionCode = ent?.region ?? item.regionCode ?? actor.orgRegionCode;
        if (!regionCode || !index.has(regionCode)) throw invalid(`items.${i}.regionCode`, `第 ${i + 1} 条：请填写有效的地区代码，或所涉企业的统一社会信用代码`);
        if (actor.scope.kind === 'region' && !regionCode.startsWith(actor.scope.prefix)) throw invalid(`items.${i}.regionCode`, `第 ${i + 1} 条：地区不在本单位管辖范围内`);
        if (item.date > calendar.today()) throw invalid(`items.${i}.date`, `第 ${i + 1} 条：日期不能晚于今天`);
        if (item.category && !categories.has(item.category)) throw invalid(`items.${i}.category`, `第 ${i + 1} 条：产品类别「${item.category}」不在产品类别目录中`);
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
      await fresh();
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
    async advance(actor: Actor, id: string, note: string, from?: WarningView['status']): Promise<WarningView> {
      authorize(actor, 'risk.handle');
      const w = await warning(actor, id);
      if (from && w.status !== from) throw conflict('STATE_CHANGED', `预警已由他人推进至「${WARNING_STATUS_LABELS[w.status].zh}」，请刷新后查看`);
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
