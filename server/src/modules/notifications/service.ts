import { and, count, desc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { NotificationListQuery, NotificationView } from '@shijian/contracts';
import type { Db } from '../../db/client.js';
import { systemActor, type Actor } from '../../platform/actor.js';
import { coalesced } from '../../platform/coalesce.js';
import type { Deps } from '../../platform/deps.js';
import { notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { notificationEntity, notificationReadEntity } from './entities.js';
import { notificationReads, notifications } from './tables.js';

export type Notice = { orgId: string; kind: string; title: string; body: string; link: string | null; dedupeKey: string };

/**
 * In-app notices to the users of an org. Other modules register producers that
 * turn what is due into notices (a report not yet submitted at 12:00 on Thursday);
 * producers run before a list is read (lists read together share a run) and on a timer, and each notice is made once
 * (its dedupe key), so nothing depends on a job having run at the right minute.
 */
export function createNotifications(deps: Deps) {
  const { db, clock, audit } = deps;
  const producers: ((now: Date) => Promise<void>)[] = [];

  /** Sends the notices not sent before, in the caller's transaction. */
  async function send(tx: Db, notices: Notice[]) {
    if (!notices.length) return;
    const created = await tx
      .insert(notifications)
      .values(notices.map((n) => ({ ...n, createdAt: clock.now() })))
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id, orgId: notifications.orgId });
    // Each notice is audited on a chain of its recipient's notices, not on the one system chain:
    // otherwise every write that tells anyone anything would queue behind every other on that
    // chain's row lock. Callers append their own entries first, so notice chains are always locked
    // after the writer's chain, and in org order among themselves: no two writers wait on each other in a cycle.
    const byOrg = new Map<string, string[]>();
    for (const c of created) byOrg.set(c.orgId, [...(byOrg.get(c.orgId) ?? []), c.id]);
    for (const [orgId, ids] of [...byOrg].sort(([a], [b]) => a.localeCompare(b))) {
      await audit.append(tx, systemActor('notifications'), ids.map((id) => ({ action: 'notification.created' as const, entity: notificationEntity, id })), `notices:${orgId}`);
    }
  }

  // Lists read at the same moment share one production run instead of each running every producer.
  const produce = coalesced(async () => {
    const now = clock.now();
    for (const producer of producers) await producer(now);
  });

  const mine = (actor: Actor) => eq(notifications.orgId, actor.orgId ?? '00000000-0000-0000-0000-000000000000');
  const readBy = (actor: Actor) =>
    sql<boolean>`exists (select 1 from ${notificationReads} where ${notificationReads.notificationId} = ${notifications.id} and ${notificationReads.userId} = ${actor.userId})`;

  return {
    send,
    produce,
    register(producer: (now: Date) => Promise<void>) {
      producers.push(producer);
    },

    async list(actor: Actor, q: z.infer<typeof NotificationListQuery>) {
      authorize(actor, 'notification.read');
      await produce();
      const where = and(mine(actor), q.unread === 'true' ? sql`not ${readBy(actor)}` : undefined);
      const [rows, [total], [unread]] = await Promise.all([
        db
          .select({ n: notifications, read: readBy(actor) })
          .from(notifications)
          .where(where)
          .orderBy(q.order === 'asc' ? notifications.createdAt : desc(notifications.createdAt), notifications.id)
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(notifications).where(where),
        db.select({ n: count() }).from(notifications).where(and(mine(actor), sql`not ${readBy(actor)}`)),
      ]);
      const items: NotificationView[] = rows.map(({ n, read }) => ({ id: n.id, kind: n.kind, title: n.title, body: n.body, link: n.link, createdAt: n.createdAt.toISOString(), read: Boolean(read) }));
      return { ...paged(items, total?.n, q), unread: Number(unread?.n ?? 0) };
    },

    async markRead(actor: Actor, id: string) {
      authorize(actor, 'notification.read');
      const [found] = await db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.id, id), mine(actor)));
      if (!found) throw notFound('notification', id);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(notificationReads)
          .values({ notificationId: id, userId: actor.userId!, readAt: clock.now() })
          .onConflictDoNothing()
          .returning({ id: notificationReads.id });
        if (row) await audit.append(tx, actor, { action: 'notification.read', entity: notificationReadEntity, id: row.id });
      });
      return { ok: true as const };
    },

    /** Unread notices of the caller's org, for the bell in the header. */
    async unreadCount(actor: Actor) {
      authorize(actor, 'notification.read');
      await produce();
      const [row] = await db.select({ n: count() }).from(notifications).where(and(mine(actor), sql`not ${readBy(actor)}`));
      return Number(row?.n ?? 0);
    },
  };
}

export type Notifications = ReturnType<typeof createNotifications>;
