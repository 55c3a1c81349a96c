import { aliasedTable, and, asc, count, desc, eq, gte, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEntryView, AuditListQuery } from '@shijian/contracts';
import { scopeFilter, type Actor } from '../../platform/actor.js';
import { auditLog } from '../../platform/audit/tables.js';
import type { AuditedEntity } from '../../platform/audit/entity.js';
import { verifyAudit } from '../../platform/audit/verify.js';
import type { Deps } from '../../platform/deps.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { orgs, users } from '../identity/tables.js';

const actorOrg = aliasedTable(orgs, 'actor_org');

export function createAuditLog(deps: Deps, entities: () => AuditedEntity[]) {
  const { db } = deps;
  return {
    /** Entries made by orgs in the caller's scope; the system and public chains only for full scope. */
    async list(actor: Actor, q: z.infer<typeof AuditListQuery>) {
      authorize(actor, 'audit.read');
      const where = and(
        scopeFilter(actor, { region: actorOrg.regionCode, org: auditLog.actorOrgId }),
        q.action ? eq(auditLog.action, q.action) : undefined,
        q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
        q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
        q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
        q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
      );
      const [total] = await db.select({ n: count() }).from(auditLog).leftJoin(actorOrg, eq(actorOrg.id, auditLog.actorOrgId)).where(where);
      const rows = await db
        .select({ entry: auditLog, actorName: users.displayName, actorOrgName: actorOrg.name })
        .from(auditLog)
        .leftJoin(actorOrg, eq(actorOrg.id, auditLog.actorOrgId))
        .leftJoin(users, eq(users.id, auditLog.actorUserId))
        .where(where)
        .orderBy(q.order === 'asc' ? asc(auditLog.id) : desc(auditLog.id))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      const items: AuditEntryView[] = rows.map(({ entry, actorName, actorOrgName }) => ({
        id: String(entry.id),
        chainId: entry.chainId,
        seq: entry.seq,
        at: entry.at.toISOString(),
        actorUserId: entry.actorUserId,
        actorName,
        actorOrgId: entry.actorOrgId,
        actorOrgName,
        ip: entry.ip,
        userAgent: entry.userAgent,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        afterHash: entry.afterHash,
        prevHash: entry.prevHash,
        hash: entry.hash,
      }));
      return paged(items, total?.n, q);
    },
    async verify(actor: Actor) {
      authorize(actor, 'audit.verify');
      const result = await verifyAudit(db, entities());
      return { ok: result.ok, chains: result.chains, entries: result.entries, problems: result.problems.slice(0, 200) };
    },
  };
}
