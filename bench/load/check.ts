import { sql } from 'drizzle-orm';
import { rawRows } from '../../server/src/db/client.js';
import { auditedEntities } from '../../server/src/modules/index.js';
import { verifyAudit } from '../../server/src/platform/audit/verify.js';
import type { Written } from './protocol.js';
import type { Store } from './server.js';

/** The audit entry each counted success must have left: [action, entity type]. */
const EXPECTED: Record<string, [string, string]> = {
  'auth.login': ['auth.login', 'user'],
  'auth.logout': ['auth.logout', 'user'],
  'complaint.received': ['complaint.received', 'complaint'],
  'complaint.accepted': ['complaint.accepted', 'complaint'],
  'complaint.replied': ['complaint.replied', 'complaint'],
  'enterprise.created': ['enterprise.created', 'enterprise'],
  'service.request_submitted': ['service.request_submitted', 'service_request'],
};

export type DatabaseCheck = {
  audit: { ok: boolean; chains: number; entries: number; records: number; seconds: number; problems: string[] };
  /** Per audited action: requests answered 2xx, requests that timed out, and entries the run left in audit_log. */
  writes: { action: string; answered: number; timedOut: number; audited: number; ok: boolean }[];
  /** Entries of the run of other actions: the server's own consequences of the writes (notices, risk warnings). */
  other: { action: string; entityType: string; n: number }[];
  ok: boolean;
};

/**
 * After the server has stopped: every audit chain must verify (linear, unbroken, every record
 * matching its last entry), every write the clients saw succeed must be in the log, and nothing
 * more than those and the ones that timed out (which the server may have completed after the client left).
 */
export async function checkDatabase(store: Store, windowStart: number, written: Written): Promise<DatabaseCheck> {
  const database = await store.open();
  try {
    const started = Date.now();
    const verification = await verifyAudit(database.db, auditedEntities);
    const seconds = (Date.now() - started) / 1000;
    const rows = await rawRows<{ action: string; entity_type: string; n: number }>(
      database.db,
      sql`select action, entity_type, count(*)::int as n from audit_log where at >= ${new Date(windowStart).toISOString()} group by 1, 2 order by 1, 2`,
    );
    const found = (action: string, type: string) => Number(rows.find((r) => r.action === action && r.entity_type === type)?.n ?? 0);
    const writes = Object.entries(EXPECTED).map(([key, [action, type]]) => {
      const answered = written.answered[key] ?? 0;
      const timedOut = written.timedOut[key] ?? 0;
      const audited = found(action, type);
      // Nothing answered may be missing, nothing may be there twice; a request the client gave up on may or may not have completed.
      return { action, answered, timedOut, audited, ok: audited >= answered && audited <= answered + timedOut };
    });
    const known = new Set(Object.values(EXPECTED).map(([a, t]) => `${a}\n${t}`));
    // A complaint's steps are audited twice, for the complaint and for the step's own record; service requests per line too.
    const companions = new Set(['complaint_event', 'service_request_line']);
    const other = rows
      .filter((r) => !known.has(`${r.action}\n${r.entity_type}`) && !companions.has(r.entity_type))
      .map((r) => ({ action: r.action, entityType: r.entity_type, n: Number(r.n) }));
    const audit = {
      ok: verification.ok,
      chains: verification.chains,
      entries: verification.entries,
      records: verification.records,
      seconds,
      problems: verification.problems.slice(0, 20).map((p) => `[${p.kind}] ${p.message}`),
    };
    return { audit, writes, other, ok: audit.ok && writes.every((w) => w.ok) };
  } finally {
    await database.close();
  }
}
