import { sql } from 'drizzle-orm';
import { rawRows, type Db } from '../../db/client.js';

/**
 * Proof that a request wrote nothing, cheap enough to take after every one of thousands of requests.
 *
 * PostgreSQL gives every transaction that writes (insert, update, delete) a transaction id, which
 * the snapshot's xmax passes when it commits, and stamps each row version it writes with it
 * (`xmin`). So:
 * - if xmax did not move across a request, no write was committed at all;
 * - if it moved (a write rolled back may move it too, and on a shared PostgreSQL server other
 *   databases' transactions do), every table is scanned once: its row count must equal the last
 *   one and no row may carry an xmin from the request's range. An insert or update leaves such a
 *   row; a delete lowers the count (a delete hidden behind an insert leaves the insert's row).
 * Row versions are per database, so other databases' transactions in the range never match.
 */
export type Fingerprint = {
  /** Rows per table, every table of every schema the app owns (audit_log among them). */
  counts: Map<string, number>;
};

export type WriteCheck = {
  /** False when the request provably changed no row of any table. */
  wrote: boolean;
  /** Tables whose count changed or which hold a row version written in the request's range. */
  tables: { table: string; before: number; after: number; fresh: number }[];
};

/** Transaction ids of one request: rows written by it carry an xmin in [from, to). */
type XidRange = { from: bigint; to: bigint };

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function writeWatcher(db: Db) {
  const tables = (
    await rawRows<{ schema: string; name: string }>(
      db,
      sql`select table_schema as schema, table_name as name from information_schema.tables
          where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1, 2`,
    )
  ).map((t) => ({ key: t.schema === 'public' ? t.name : `${t.schema}.${t.name}`, sql: `${quote(t.schema)}.${quote(t.name)}` }));

  const xmax = async () => BigInt((await rawRows<{ x: string }>(db, sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`))[0]!.x);

  /** Row counts, and rows whose xmin is in the range (xmin is the 32-bit form of the 64-bit ids). */
  async function scan(range: XidRange | null): Promise<{ table: string; count: number; fresh: number }[]> {
    let fresh = 'false';
    if (range) {
      const lo = range.from % 2n ** 32n;
      const hi = range.to % 2n ** 32n;
      const x = 'xmin::text::bigint';
      fresh = lo <= hi ? `${x} >= ${lo} and ${x} < ${hi}` : `(${x} >= ${lo} or ${x} < ${hi})`;
    }
    const columns = tables.map((t) => `(select count(*)::text || ':' || (count(*) filter (where ${fresh}))::text from ${t.sql})`);
    const row = (await rawRows<{ a: string[] | string }>(db, sql.raw(`select array[${columns.join(', ')}] as a`)))[0]!;
    // PGlite and node-postgres both parse text[]; keep a fallback for a literal.
    const values = Array.isArray(row.a) ? row.a : String(row.a).replace(/^\{|\}$/g, '').split(',');
    return tables.map((t, i) => {
      const [count, freshRows] = values[i]!.split(':').map(Number);
      return { table: t.key, count: count!, fresh: freshRows! };
    });
  }

  let baseline: Fingerprint = { counts: new Map((await scan(null)).map((t) => [t.table, t.count])) };
  let mark = await xmax();
  let slowChecks = 0;

  return {
    tableCount: tables.length,
    get slowChecks() {
      return slowChecks;
    },
    baseline: () => baseline,
    /** Starts a request's range anew (after anything else the suite did that may write). */
    async reset() {
      baseline = { counts: new Map((await scan(null)).map((t) => [t.table, t.count])) };
      mark = await xmax();
    },
    /**
     * What the requests since the last check wrote. `accept` makes their writes the new baseline
     * (an accepted request's writes are expected; a refused one's are a failure the caller reports).
     */
    async check(accept: boolean): Promise<WriteCheck & { range: XidRange }> {
      const now = await xmax();
      const range = { from: mark, to: now };
      if (now === mark) return { wrote: false, tables: [], range };
      slowChecks += 1;
      const rows = await scan(range);
      const changed = rows
        .filter((r) => r.fresh > 0 || r.count !== baseline.counts.get(r.table))
        .map((r) => ({ table: r.table, before: baseline.counts.get(r.table) ?? 0, after: r.count, fresh: r.fresh }));
      if (accept) baseline = { counts: new Map(rows.map((r) => [r.table, r.count])) };
      mark = now;
      return { wrote: changed.length > 0, tables: changed, range };
    },
    /**
     * The row versions written in `range` (as JSON text, one per row) in the given tables: where
     * an accepted value must be found as it was sent.
     */
    async freshRows(range: XidRange, names: string[]): Promise<{ table: string; json: string }[]> {
      const out: { table: string; json: string }[] = [];
      const lo = range.from % 2n ** 32n;
      const hi = range.to % 2n ** 32n;
      const x = 'xmin::text::bigint';
      const fresh = lo <= hi ? `${x} >= ${lo} and ${x} < ${hi}` : `(${x} >= ${lo} or ${x} < ${hi})`;
      for (const t of tables.filter((t) => names.includes(t.key))) {
        const rows = await rawRows<{ j: string }>(db, sql.raw(`select to_jsonb(t)::text as j from ${t.sql} t where ${fresh}`));
        for (const r of rows) out.push({ table: t.key, json: r.j });
      }
      return out;
    },
  };
}

export type WriteWatcher = Awaited<ReturnType<typeof writeWatcher>>;

const jsonEscaped = (s: string) => JSON.stringify(s).slice(1, -1);
const htmlEscaped = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/**
 * Whether written rows (as `freshRows` gives them) hold `value` exactly as it was sent, and the
 * altered forms of it they hold instead or as well: HTML-escaped, or with its quotes doubled as
 * hand-made SQL would.
 */
export function asSent(rows: { json: string }[], value: string): { kept: boolean; altered: string[] } {
  const holds = (s: string) => rows.some((r) => r.json.includes(jsonEscaped(s)));
  const altered = [htmlEscaped(value), value.replaceAll("'", "''")].filter((a) => a !== value && holds(a));
  return { kept: holds(value), altered };
}
