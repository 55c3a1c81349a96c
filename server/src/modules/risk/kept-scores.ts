import { sql, type SQL } from 'drizzle-orm';
import { SIGNAL_KINDS } from '@shijian/contracts';
import { rawRows, type Db } from '../../db/client.js';
import type { RiskModel } from './scoring.js';

/**
 * The kept risk scores (`risk_score_parts`, and per enterprise `risk_enterprise_scores`): every signal's weight decayed to one reference day
 * and summed per enterprise, category, region and kind. Because decay is exponential, a part
 * read on a later day is its value times 0.5^(days since / half-life): one factor for all parts,
 * so a nation's top enterprises are a sum over kept rows, not a pass over ten million records.
 *
 * Three operations, each serialised by one advisory lock:
 * - `rebuild`: all parts from the records, decayed to today (the full rescoring);
 * - `patch`: the parts of the enterprises (and, for signals without one, the regions) that the
 *   triggers of migration 0021 wrote to `risk_changes`, recomputed from their records;
 * - reading, which needs neither.
 * Signals that leave the window stay in the parts until the next rebuild (daily): the factor
 * has made them small by then (a quarter of their weight at the default model's 180 days).
 */

/** `pg_advisory_xact_lock` key for rebuilding and patching the parts. */
const LOCK = 7_202_611;

/** More changed subjects than this and a patch costs more than a rebuild. */
export const PATCH_LIMIT = 20_000;

/** Every signal from every source, one row per record, from `from` on (read-only, like the statistics). */
export function signalsSql(from: string): SQL {
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

export const weightSql = (model: RiskModel) =>
  sql.raw(`case kind ${SIGNAL_KINDS.map((k) => `when '${k}' then ${Number(model.weights[k])}`).join(' ')} else 0 end`);

/** What a signal still counts on `day`; a signal dated after it (a typing error) counts in full. */
export const decaySql = (model: RiskModel, day: string) => sql`power(0.5, greatest(0, ${day}::date - date)::numeric / ${model.halfLifeDays})`;

export const windowStart = (model: RiskModel, day: string) => new Date(Date.parse(`${day}T00:00:00Z`) - model.windowDays * 86_400_000).toISOString().slice(0, 10);

/** The factor that carries parts decayed to `scoredOn` to `today`. */
export const carry = (model: RiskModel, scoredOn: string, today: string) =>
  Math.pow(0.5, Math.max(0, (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${scoredOn}T00:00:00Z`)) / 86_400_000) / model.halfLifeDays);

const partsFrom = (model: RiskModel, day: string, where: SQL) => sql`
  insert into risk_score_parts (enterprise_id, category, region_code, kind, value, signals)
  select enterprise_id, category, region_code, kind, sum(${weightSql(model)} * ${decaySql(model, day)})::float8, count(*)::int
  from (${signalsSql(windowStart(model, day))}) s where ${where}
  group by enterprise_id, category, region_code, kind`;

/** Enterprise totals from the parts (of the enterprises `where` picks), at the enterprise's registered region. */
const totalsFrom = (where: SQL) => sql`
  insert into risk_enterprise_scores (enterprise_id, region_code, value, signals, by_kind)
  select p.enterprise_id, e.region_code, sum(p.v), sum(p.n)::int, jsonb_object_agg(p.kind, p.v)
  from (select enterprise_id, kind, sum(value) as v, sum(signals) as n from risk_score_parts where enterprise_id is not null and ${where} group by 1, 2) p
  join enterprises e on e.id = p.enterprise_id
  group by p.enterprise_id, e.region_code`;

const list = (values: string[], cast: 'uuid' | 'bpchar') => sql.join(values.map((v) => sql`${v}::${sql.raw(cast)}`), sql`, `);

export type Patched = { enterprises: string[]; regions: number; tooMany: boolean };

/** All parts from the records, decayed to `day`; changes seen before it began are consumed. */
export async function rebuild(db: Db, model: RiskModel, modelAt: Date, day: string): Promise<number> {
  const started = Date.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK})`);
    // Consumed first, so a change committed from now on is either in the rebuild or left for a patch.
    await tx.execute(sql`delete from risk_changes`);
    await tx.execute(sql`delete from risk_score_parts`);
    await tx.execute(partsFrom(model, day, sql`true`));
    await tx.execute(sql`delete from risk_enterprise_scores`);
    await tx.execute(totalsFrom(sql`true`));
    const ms = Date.now() - started;
    await tx.execute(sql`
      insert into risk_state (id, scored_on, model_at, last_full_at, last_full_ms) values (1, ${day}, ${modelAt.toISOString()}, now(), ${ms})
      on conflict (id) do update set scored_on = excluded.scored_on, model_at = excluded.model_at, last_full_at = excluded.last_full_at, last_full_ms = excluded.last_full_ms`);
  });
  return Date.now() - started;
}

/**
 * Recomputes the parts the waiting changes touch, decayed to `scoredOn` like the rest. Skips (and
 * leaves the changes waiting) while a rebuild holds the lock; with more than PATCH_LIMIT subjects,
 * leaves them for a rebuild (`tooMany`).
 */
export async function patch(db: Db, model: RiskModel, scoredOn: string): Promise<Patched> {
  return db.transaction(async (tx) => {
    const [locked] = await rawRows<{ ok: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${LOCK}) as ok`);
    if (!locked?.ok) return { enterprises: [], regions: 0, tooMany: false };
    const [waiting] = await rawRows<{ n: number }>(tx, sql`select count(distinct coalesce(enterprise_id::text, region_code))::int as n from risk_changes`);
    if (!waiting?.n) return { enterprises: [], regions: 0, tooMany: false };
    if (waiting.n > PATCH_LIMIT) return { enterprises: [], regions: 0, tooMany: true };
    const claimed = await rawRows<{ enterprise_id: string | null; region_code: string | null }>(tx, sql`delete from risk_changes returning enterprise_id, region_code`);
    const enterprises = [...new Set(claimed.map((c) => c.enterprise_id).filter((x): x is string => Boolean(x)))];
    const regions = [...new Set(claimed.filter((c) => !c.enterprise_id && c.region_code).map((c) => c.region_code!))];
    for (let i = 0; i < enterprises.length; i += 1000) {
      const ids = list(enterprises.slice(i, i + 1000), 'uuid');
      await tx.execute(sql`delete from risk_score_parts where enterprise_id in (${ids})`);
      await tx.execute(partsFrom(model, scoredOn, sql`enterprise_id in (${ids})`));
      await tx.execute(sql`delete from risk_enterprise_scores where enterprise_id in (${ids})`);
      await tx.execute(totalsFrom(sql`enterprise_id in (${ids})`));
    }
    if (regions.length) {
      const codes = list(regions, 'bpchar');
      await tx.execute(sql`delete from risk_score_parts where enterprise_id is null and region_code in (${codes})`);
      await tx.execute(partsFrom(model, scoredOn, sql`enterprise_id is null and region_code in (${codes})`));
    }
    return { enterprises, regions: regions.length, tooMany: false };
  });
}
