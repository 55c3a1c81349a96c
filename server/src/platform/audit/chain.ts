import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Clock } from '../clock.js';
import type { AuditAction } from './actions.js';
import { GENESIS_HASH, entryHash, imageHash } from './canonical.js';
import type { AuditedEntity } from './entity.js';
import { auditChains, auditLog } from './tables.js';

export type AuditRecord = {
  action: AuditAction;
  entity: AuditedEntity;
  id: string;
};

/** The chain an actor writes to: its org's, or the system's, or the public's. */
export function chainOf(actor: Actor): string {
  if (actor.kind === 'system') return 'system';
  return actor.orgId ?? 'public';
}

export type Audit = {
  /**
   * Appends entries for records already written in `tx`. Must be called with the
   * transaction handle of that write, so the record and its entry commit together.
   */
  append(tx: Db, actor: Actor, records: AuditRecord | AuditRecord[], chainId?: string): Promise<void>;
};

export function createAudit(clock: Clock): Audit {
  return {
    async append(tx, actor, input, chainOverride) {
      const records = Array.isArray(input) ? input : [input];
      if (records.length === 0) return;
      const chainId = chainOverride ?? chainOf(actor);

      // After-images are read back inside the transaction, through the same loader the verifier uses.
      const images = new Map<AuditedEntity, Map<string, unknown>>();
      for (const entity of new Set(records.map((r) => r.entity))) {
        const ids = [...new Set(records.filter((r) => r.entity === entity).map((r) => r.id))];
        images.set(entity, await loadInBatches(tx, entity, ids));
      }

      // The row lock on the chain head serialises writers of one chain, so it stays linear.
      await tx.insert(auditChains).values({ chainId, seq: 0, headHash: GENESIS_HASH }).onConflictDoNothing();
      const [head] = await tx.select().from(auditChains).where(eq(auditChains.chainId, chainId)).for('update');
      if (!head) throw new Error(`audit chain ${chainId} vanished`);

      const at = clock.now();
      let prevHash = head.headHash;
      let seq = head.seq;
      const rows: (typeof auditLog.$inferInsert)[] = [];
      for (const record of records) {
        seq += 1;
        const fields = {
          chainId,
          seq,
          at,
          actorUserId: actor.userId,
          actorOrgId: actor.orgId,
          ip: actor.ip,
          userAgent: actor.userAgent,
          action: record.action,
          entityType: record.entity.type,
          entityId: record.id,
          afterHash: imageHash(images.get(record.entity)!.get(record.id) ?? null),
        };
        const hash = entryHash(prevHash, fields);
        rows.push({ ...fields, prevHash, hash });
        prevHash = hash;
      }
      for (let i = 0; i < rows.length; i += INSERT_BATCH) {
        await tx.insert(auditLog).values(rows.slice(i, i + INSERT_BATCH));
      }
      await tx.update(auditChains).set({ seq, headHash: prevHash }).where(eq(auditChains.chainId, chainId));
    },
  };
}

const INSERT_BATCH = 2000;
const LOAD_BATCH = 5000;

export async function loadInBatches(db: Db, entity: AuditedEntity, ids: string[]): Promise<Map<string, unknown>> {
  if (ids.length <= LOAD_BATCH) return entity.load(db, ids);
  const all = new Map<string, unknown>();
  for (let i = 0; i < ids.length; i += LOAD_BATCH) {
    for (const [k, v] of await entity.load(db, ids.slice(i, i + LOAD_BATCH))) all.set(k, v);
  }
  return all;
}

/** The current head of a chain, printed on issued documents so history can't be rewritten unseen. */
export async function chainHead(db: Db, chainId: string): Promise<{ seq: number; headHash: string } | null> {
  const [head] = await db.select().from(auditChains).where(eq(auditChains.chainId, chainId));
  return head ? { seq: head.seq, headHash: head.headHash } : null;
}
