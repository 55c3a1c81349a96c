import { sql } from 'drizzle-orm';
import { rawRows, type Db } from '../../db/client.js';
import { regionRange } from '../../platform/actor.js';
import type { Aggregates } from './cells.js';
import { statChanges, statHorizon } from './tables.js';

/**
 * A reporting unit's aggregates, kept until a record in its area changes. The triggers of
 * migration 0012 append every region a write touches to `stat_changes` with the writer's
 * transaction id. An entry remembers the oldest transaction its computation might not have
 * seen (the snapshot's xmin, read before computing); any change row of its unit from that
 * transaction on makes it stale — including a transaction that was still running and
 * commits later. So the next request after a write recomputes only the units it touched,
 * and a national table is the sum of 31 provinces mostly already known.
 */
type Entry = { since: bigint; aggregates: Aggregates };

export type Computation = {
  /** Every unit of the area in one pass (grouped by unit). */
  all(): Promise<Map<string, Aggregates>>;
  /** One unit alone. */
  one(unit: string): Promise<Aggregates>;
};

const MAX_ENTRIES = 20_000;
const COMPACT_EVERY_MS = 10 * 60_000;
/** Change rows are kept an hour: figures computed within it stay valid across a compaction. */
const KEEP_CHANGES = sql`interval '1 hour'`;

export function createAggregateCache() {
  const entries = new Map<string, Entry>();
  let lastCompaction = 0;
  const stats = { computedUnits: 0, passes: 0 };

  const remember = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  };

  async function compact(executor: Db) {
    if (Date.now() - lastCompaction < COMPACT_EVERY_MS) return;
    lastCompaction = Date.now();
    await executor.transaction(async (tx) => {
      const [old] = await rawRows<{ xid: string }>(
        tx,
        sql`select ${statChanges.xid}::text as xid from ${statChanges} where ${statChanges.at} < now() - ${KEEP_CHANGES} order by ${statChanges.xid} desc limit 1`,
      );
      if (!old) return;
      await tx.execute(sql`update ${statHorizon} set xid = ${old.xid}::xid8 where id = 1 and xid < ${old.xid}::xid8`);
      await tx.execute(sql`delete from ${statChanges} where ${statChanges.xid} <= (select xid from ${statHorizon} where id = 1)`);
    });
  }

  return {
    stats,
    clear() {
      entries.clear();
    },

    /**
     * The aggregates of `units` (region prefixes of `digits` digits inside `area`), from the
     * cache where nothing changed, else computed: all stale units in one pass when many are,
     * one by one when few are.
     */
    async get(executor: Db, key: string, area: string, digits: number, units: string[], compute: Computation): Promise<Map<string, Aggregates>> {
      await compact(executor);
      const [snap] = await rawRows<{ xmin: string; horizon: string | null }>(
        executor,
        sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin, (select xid::text from ${statHorizon} where id = 1) as horizon`,
      );
      const xmin = BigInt(snap!.xmin);
      const horizon = BigInt(snap!.horizon ?? '0');
      const keyOf = (unit: string) => `${key}|${unit}`;
      const known = units.map((u) => ({ unit: u, entry: entries.get(keyOf(u)) })).filter((x) => x.entry && x.entry.since > horizon);
      const changed = new Map<string, bigint>();
      if (known.length) {
        const since = known.reduce((m, x) => (x.entry!.since < m ? x.entry!.since : m), known[0]!.entry!.since);
        const [lo, hi] = area ? regionRange(area) : ['000000', '999999'];
        const rows = await rawRows<{ unit: string; xid: string }>(
          executor,
          sql`select left(${statChanges.regionCode}, ${sql.raw(String(digits))}) as unit, max(${statChanges.xid}::text::numeric)::text as xid
              from ${statChanges} where ${statChanges.xid} >= ${since.toString()}::xid8 and ${statChanges.regionCode} >= ${lo} and ${statChanges.regionCode} < ${hi}
              group by 1`,
        );
        for (const r of rows) changed.set(r.unit, BigInt(r.xid));
      }
      const out = new Map<string, Aggregates>();
      const stale: string[] = [];
      for (const u of units) {
        const entry = entries.get(keyOf(u));
        const fresh = entry && entry.since > horizon && !((changed.get(u) ?? -1n) >= entry.since);
        if (fresh) out.set(u, entry.aggregates);
        else stale.push(u);
      }
      if (!stale.length) return out;
      stats.passes++;
      stats.computedUnits += stale.length;
      if (stale.length > 2 && stale.length > units.length / 8) {
        const all = await compute.all();
        for (const u of units) {
          const aggregates = all.get(u) ?? new Map();
          remember(keyOf(u), { since: xmin, aggregates });
          out.set(u, aggregates);
        }
        return out;
      }
      for (const u of stale) {
        const aggregates = await compute.one(u);
        remember(keyOf(u), { since: xmin, aggregates });
        out.set(u, aggregates);
      }
      return out;
    },
  };
}

export type AggregateCache = ReturnType<typeof createAggregateCache>;
