import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { rawRows, type Db } from '../../db/client.js';
import { GENESIS_HASH, entryHash, imageHash } from './canonical.js';
import type { AuditedEntity } from './entity.js';
import { auditChains, auditLog } from './tables.js';

export type AuditProblemKind =
  | 'entry_altered'
  | 'link_broken'
  | 'entries_missing'
  | 'head_mismatch'
  | 'record_altered'
  | 'record_deleted'
  | 'record_unaudited'
  | 'unknown_entity';

export type AuditProblem = {
  kind: AuditProblemKind;
  chainId: string;
  seq: number | null;
  entityType: string | null;
  entityId: string | null;
  message: string;
};

export type AuditVerification = { ok: boolean; chains: number; entries: number; records: number; problems: AuditProblem[] };

const PAGE = 5000;

/**
 * Recomputes every chain, then compares each audited record's current row with
 * the after-image hash of its latest entry. Finds edited, deleted or reordered
 * entries, a truncated chain, and records changed, deleted or inserted in SQL.
 */
export async function verifyAudit(db: Db, entities: AuditedEntity[]): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let entries = 0;
  let records = 0;

  const chains = await db.select().from(auditChains).orderBy(asc(auditChains.chainId));
  for (const chain of chains) {
    let expectedSeq = 1;
    let prevStoredHash = GENESIS_HASH;
    let lastSeq = 0;
    let lastHash = GENESIS_HASH;
    for (;;) {
      const page = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.chainId, chain.chainId), gt(auditLog.seq, lastSeq)))
        .orderBy(asc(auditLog.seq))
        .limit(PAGE);
      for (const e of page) {
        entries++;
        const at = { chainId: chain.chainId, seq: e.seq, entityType: e.entityType, entityId: e.entityId };
        if (e.seq !== expectedSeq) {
          problems.push({ ...at, kind: 'entries_missing', message: `链 ${chain.chainId} 缺少第 ${expectedSeq}–${e.seq - 1} 条记录` });
        } else if (e.prevHash !== prevStoredHash) {
          problems.push({ ...at, kind: 'link_broken', message: `链 ${chain.chainId} 第 ${e.seq} 条的前序哈希与上一条不符` });
        }
        const recomputed = entryHash(e.prevHash, {
          chainId: e.chainId,
          seq: e.seq,
          at: e.at,
          actorUserId: e.actorUserId,
          actorOrgId: e.actorOrgId,
          ip: e.ip,
          userAgent: e.userAgent,
          action: e.action,
          entityType: e.entityType,
          entityId: e.entityId,
          afterHash: e.afterHash,
        });
        if (recomputed !== e.hash) {
          problems.push({ ...at, kind: 'entry_altered', message: `链 ${chain.chainId} 第 ${e.seq} 条（${e.action} ${e.entityType} ${e.entityId}）内容被改动` });
        }
        expectedSeq = e.seq + 1;
        prevStoredHash = e.hash;
        lastSeq = e.seq;
        lastHash = e.hash;
      }
      if (page.length < PAGE) break;
    }
    if (chain.seq !== lastSeq || chain.headHash !== lastHash) {
      problems.push({
        kind: 'head_mismatch',
        chainId: chain.chainId,
        seq: lastSeq,
        entityType: null,
        entityId: null,
        message: `链 ${chain.chainId} 的链头（第 ${chain.seq} 条）与最后一条记录（第 ${lastSeq} 条）不符：记录被删除或链头被改动`,
      });
    }
  }

  const byType = new Map<string, AuditedEntity>(entities.map((e) => [e.type, e]));
  const types = await rawRows<{ entity_type: string }>(db, sql`select distinct entity_type from audit_log`);
  for (const { entity_type: type } of types) {
    const entity = byType.get(type);
    if (!entity) {
      problems.push({ kind: 'unknown_entity', chainId: '', seq: null, entityType: type, entityId: null, message: `审计记录中有未登记的对象类型 ${type}` });
      continue;
    }
    let lastId = '';
    for (;;) {
      const latest = await db
        .selectDistinctOn([auditLog.entityId], {
          entityId: auditLog.entityId,
          afterHash: auditLog.afterHash,
          chainId: auditLog.chainId,
          seq: auditLog.seq,
        })
        .from(auditLog)
        .where(and(eq(auditLog.entityType, type), gt(auditLog.entityId, lastId)))
        .orderBy(asc(auditLog.entityId), desc(auditLog.id))
        .limit(PAGE);
      if (latest.length === 0) break;
      const images = await entity.load(db, latest.map((l) => l.entityId));
      for (const l of latest) {
        records++;
        const image = images.get(l.entityId);
        if (imageHash(image ?? null) === l.afterHash) continue;
        const deleted = image === undefined;
        problems.push({
          kind: deleted ? 'record_deleted' : 'record_altered',
          chainId: l.chainId,
          seq: l.seq,
          entityType: type,
          entityId: l.entityId,
          message: deleted
            ? `${type} ${l.entityId} 已被删除，但审计链中没有删除记录（最后一条：链 ${l.chainId} 第 ${l.seq} 条）`
            : `${type} ${l.entityId} 的当前内容与审计链中最后一条记录（链 ${l.chainId} 第 ${l.seq} 条）不符：被绕过系统直接修改`,
        });
      }
      lastId = latest[latest.length - 1]!.entityId;
      if (latest.length < PAGE) break;
    }
  }

  for (const entity of entities) {
    if (!entity.table || !entity.idColumn) continue;
    const unaudited = await rawRows<{ id: string }>(
      db,
      sql`select ${entity.idColumn}::text as id from ${entity.table} where not exists (
            select 1 from audit_log a where a.entity_type = ${entity.type} and a.entity_id = ${entity.idColumn}::text)
          limit 100`,
    );
    for (const { id } of unaudited) {
      problems.push({ kind: 'record_unaudited', chainId: '', seq: null, entityType: entity.type, entityId: id, message: `${entity.type} ${id} 没有任何审计记录：被绕过系统直接写入` });
    }
  }

  return { ok: problems.length === 0, chains: chains.length, entries, records, problems };
}
