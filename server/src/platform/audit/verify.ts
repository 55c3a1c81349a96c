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
 * Recomputes every chain (every chain with a head row or an entry), then compares
 * each audited record's current row with the after-image hash of its latest entry.
 * Finds edited, deleted, moved or reordered entries, a truncated chain, a rewritten or
 * deleted head, and records changed, deleted or inserted in SQL — every one of them
 * named, however many. Reads only.
 */
export async function verifyAudit(db: Db, entities: AuditedEntity[]): Promise<AuditVerification> {
  const problems: AuditProblem[] = [];
  let entries = 0;
  let records = 0;

  // A chain is known by its head row and by its entries: deleting the head row must not hide a chain.
  const heads = new Map((await db.select().from(auditChains)).map((c) => [c.chainId, c]));
  const chainIds = [...new Set([...heads.keys(), ...(await chainIdsInLog(db))])].sort();
  for (const chainId of chainIds) {
    const chain = { chainId, head: heads.get(chainId) };
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
    if (!chain.head) {
      problems.push({
        kind: 'head_mismatch',
        chainId: chain.chainId,
        seq: lastSeq,
        entityType: null,
        entityId: null,
        message: `链 ${chain.chainId} 有记录（至第 ${lastSeq} 条）却没有链头：链头被删除，或整条链是伪造的`,
      });
    } else if (chain.head.seq !== lastSeq || chain.head.headHash !== lastHash) {
      problems.push({
        kind: 'head_mismatch',
        chainId: chain.chainId,
        seq: lastSeq,
        entityType: null,
        entityId: null,
        message: `链 ${chain.chainId} 的链头（第 ${chain.head.seq} 条）与最后一条记录（第 ${lastSeq} 条）不符：记录被删除或链头被改动`,
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
      const images = await loadImages(db, entity, latest.map((l) => l.entityId));
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
    // Every row without an entry is named, a page at a time (the text of the key orders the pages).
    let after: string | undefined;
    for (;;) {
      const unaudited = await rawRows<{ id: string }>(
        db,
        sql`select ${entity.idColumn}::text as id from ${entity.table}
            where ${after === undefined ? sql`true` : sql`${entity.idColumn}::text > ${after}`}
              and not exists (select 1 from audit_log a where a.entity_type = ${entity.type} and a.entity_id = ${entity.idColumn}::text)
            order by 1 limit ${PAGE}`,
      );
      for (const { id } of unaudited) {
        problems.push({ kind: 'record_unaudited', chainId: '', seq: null, entityType: entity.type, entityId: id, message: `${entity.type} ${id} 没有任何审计记录：被绕过系统直接写入` });
      }
      if (unaudited.length < PAGE) break;
      after = unaudited[unaudited.length - 1]!.id;
    }
  }

  return { ok: problems.length === 0, chains: chainIds.length, entries, records, problems };
}

/** The chain ids present in the log, one index probe each (a loose index scan rather than a scan of every entry). */
async function chainIdsInLog(db: Db): Promise<string[]> {
  const rows = await rawRows<{ chain_id: string }>(
    db,
    sql`with recursive c as (
          (select chain_id from audit_log order by chain_id limit 1)
          union all
          select (select a.chain_id from audit_log a where a.chain_id > c.chain_id order by a.chain_id limit 1) from c where c.chain_id is not null
        ) select chain_id from c where chain_id is not null`,
  );
  return rows.map((r) => r.chain_id);
}

/**
 * Loads current images, tolerating ids the entity's key cannot hold (an entry whose
 * entity id or type was rewritten to, say, a uuid for a date key): a batch that fails
 * is split in halves until the ids no row can have stand alone, and those records do
 * not exist. One forged entry must not stop the verification of everything else.
 */
async function loadImages(db: Db, entity: AuditedEntity, ids: string[]): Promise<Map<string, unknown>> {
  try {
    return await entity.load(db, ids);
  } catch (err) {
    // Only a value the key's type refuses (SQLSTATE class 22, data exception); anything else is a real failure.
    const code = (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
    if (!code?.startsWith('22')) throw err;
    if (ids.length <= 1) return new Map();
    const half = Math.ceil(ids.length / 2);
    const [first, second] = [await loadImages(db, entity, ids.slice(0, half)), await loadImages(db, entity, ids.slice(half))];
    return new Map([...first, ...second]);
  }
}
