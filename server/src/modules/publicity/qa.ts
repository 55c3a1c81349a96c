import { and, asc, count, desc, eq, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { EpidemicQaBody, EpidemicQaListQuery, EpidemicQaView, PublicEpidemicQaQuery, PublicEpidemicQaView, QaTopic } from '@shijian/contracts';
import { scopeFilter, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, forbidden, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { orgs, users } from '../identity/tables.js';
import { epidemicQaEntity } from './entities.js';
import { epidemicQa } from './tables.js';
import { wordsMatch } from './typical-cases.js';

type Row = typeof epidemicQa.$inferSelect;

/**
 * A bureau edits the entries of its region subtree; the national bureau's entries (no region)
 * only the national bureau. Out of scope is not found.
 */
const qaScope = (actor: Actor) => scopeFilter(actor, { region: epidemicQa.regionCode });
const NATIONWIDE = '全国';

/**
 * The epidemic-goods Q&A (防疫用品问答): answers a bureau writes for the public about masks,
 * protective clothing, thermometers, disinfectants and prices. Drafts stay off the portal until
 * published; only an unpublished entry may be deleted.
 */
export function createEpidemicQa(deps: Deps) {
  const { db, clock, audit, regions } = deps;

  const query = () =>
    db
      .select({ r: epidemicQa, orgName: orgs.name, authorName: users.displayName })
      .from(epidemicQa)
      .innerJoin(orgs, eq(orgs.id, epidemicQa.orgId))
      .leftJoin(users, eq(users.id, epidemicQa.authorId));
  type Joined = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

  const regionName = async (code: string | null) => (code ? ((await regions.fullName(code)) ?? code) : NATIONWIDE);

  async function toView({ r, orgName, authorName }: Joined): Promise<EpidemicQaView> {
    return {
      id: r.id,
      question: r.question,
      answer: r.answer,
      topic: r.topic,
      regionCode: r.regionCode,
      regionName: await regionName(r.regionCode),
      orgId: r.orgId,
      orgName,
      sortOrder: r.sortOrder,
      published: r.published,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      authorName,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  }

  async function rowFor(actor: Actor, id: string): Promise<Row> {
    authorize(actor, 'publicity.write');
    const [row] = await db.select().from(epidemicQa).where(and(eq(epidemicQa.id, id), qaScope(actor)));
    if (!row) throw notFound('epidemic_qa', id);
    return row;
  }

  async function view(id: string): Promise<EpidemicQaView> {
    const [row] = await query().where(eq(epidemicQa.id, id));
    if (!row) throw notFound('epidemic_qa', id);
    return toView(row);
  }

  function publicWhere(q: { q?: string; topic?: QaTopic }): SQL {
    return and(eq(epidemicQa.published, true), q.q ? wordsMatch(q.q, [epidemicQa.question, epidemicQa.answer]) : undefined, q.topic ? eq(epidemicQa.topic, q.topic) : undefined)!;
  }

  return {
    async get(actor: Actor, id: string): Promise<EpidemicQaView> {
      await rowFor(actor, id);
      return view(id);
    },

    async list(actor: Actor, q: z.infer<typeof EpidemicQaListQuery>) {
      authorize(actor, 'publicity.write');
      const where = and(
        qaScope(actor),
        q.q ? wordsMatch(q.q, [epidemicQa.question, epidemicQa.answer]) : undefined,
        q.topic ? eq(epidemicQa.topic, q.topic) : undefined,
        q.published ? eq(epidemicQa.published, q.published === 'true') : undefined,
      );
      const dir = q.order === 'desc' ? desc : asc;
      const [rows, [total]] = await Promise.all([
        query()
          .where(where)
          .orderBy(dir(epidemicQa.sortOrder), dir(epidemicQa.createdAt), asc(epidemicQa.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(epidemicQa).where(where),
      ]);
      return paged(await Promise.all(rows.map(toView)), total?.n, q);
    },

    /** A draft in the name of the author's bureau and its region. */
    async create(actor: Actor, body: z.infer<typeof EpidemicQaBody>): Promise<EpidemicQaView> {
      authorize(actor, 'publicity.write');
      if (!actor.orgId || actor.orgKind !== 'regulator') throw forbidden('只有监管部门可以编写防疫用品问答');
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(epidemicQa)
          .values({
            question: body.question,
            answer: body.answer,
            topic: body.topic,
            regionCode: actor.orgRegionCode,
            orgId: actor.orgId!,
            sortOrder: body.sortOrder,
            published: false,
            authorId: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: epidemicQa.id });
        await audit.append(tx, actor, { action: 'publicity.qa_created', entity: epidemicQaEntity, id: row!.id });
        return row!.id;
      });
      return view(id);
    },

    /** Edits the text; a published entry stays published and the portal shows the new text. */
    async update(actor: Actor, id: string, body: z.infer<typeof EpidemicQaBody>): Promise<EpidemicQaView> {
      await rowFor(actor, id);
      await db.transaction(async (tx) => {
        await tx
          .update(epidemicQa)
          .set({ question: body.question, answer: body.answer, topic: body.topic, sortOrder: body.sortOrder, updatedAt: clock.now() })
          .where(eq(epidemicQa.id, id));
        await audit.append(tx, actor, { action: 'publicity.qa_updated', entity: epidemicQaEntity, id });
      });
      return view(id);
    },

    async setPublished(actor: Actor, id: string, published: boolean): Promise<EpidemicQaView> {
      const row = await rowFor(actor, id);
      if (row.published === published) throw conflict(published ? 'ALREADY_PUBLISHED' : 'NOT_PUBLISHED', published ? '该问答已发布' : '该问答尚未发布');
      await db.transaction(async (tx) => {
        const now = clock.now();
        const [updated] = await tx
          .update(epidemicQa)
          .set({ published, publishedAt: published ? now : null, updatedAt: now })
          .where(and(eq(epidemicQa.id, id), eq(epidemicQa.published, !published)))
          .returning({ id: epidemicQa.id });
        if (!updated) throw conflict('STATE_CHANGED', '问答状态已变化，请刷新后重试');
        await audit.append(tx, actor, { action: published ? 'publicity.qa_published' : 'publicity.qa_unpublished', entity: epidemicQaEntity, id });
      });
      return view(id);
    },

    /** Deletes a draft; a published entry must be taken off the portal first. */
    async remove(actor: Actor, id: string): Promise<{ ok: true }> {
      const row = await rowFor(actor, id);
      if (row.published) throw conflict('QA_PUBLISHED', '已发布的问答不能删除，请先撤下');
      await db.transaction(async (tx) => {
        // The entry's last entry records its removal (an empty after-image), so the verifier expects no row.
        const [deleted] = await tx
          .delete(epidemicQa)
          .where(and(eq(epidemicQa.id, id), eq(epidemicQa.published, false)))
          .returning({ id: epidemicQa.id });
        if (!deleted) throw conflict('QA_PUBLISHED', '已发布的问答不能删除，请先撤下');
        await audit.append(tx, actor, { action: 'publicity.qa_deleted', entity: epidemicQaEntity, id });
      });
      return { ok: true };
    },

    // ---------- public ----------

    /** Published entries in their sort order. */
    async publicList(q: z.infer<typeof PublicEpidemicQaQuery>) {
      const where = publicWhere(q);
      const [rows, [total]] = await Promise.all([
        db
          .select({ r: epidemicQa, orgName: orgs.name })
          .from(epidemicQa)
          .innerJoin(orgs, eq(orgs.id, epidemicQa.orgId))
          .where(where)
          .orderBy(asc(epidemicQa.sortOrder), desc(epidemicQa.publishedAt), asc(epidemicQa.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(epidemicQa).where(where),
      ]);
      const items: PublicEpidemicQaView[] = await Promise.all(
        rows.map(async ({ r, orgName }) => ({
          id: r.id,
          question: r.question,
          answer: r.answer,
          topic: r.topic,
          regionName: await regionName(r.regionCode),
          orgName,
          publishedAt: (r.publishedAt ?? r.updatedAt).toISOString(),
        })),
      );
      return paged(items, total?.n, q);
    },

    /** Published entries per topic matching the words, for the portal's topic choice. */
    async publicTopicCounts(words?: string): Promise<Map<QaTopic, number>> {
      const rows = await db.select({ topic: epidemicQa.topic, n: count() }).from(epidemicQa).where(publicWhere({ q: words })).groupBy(epidemicQa.topic);
      return new Map(rows.map((r) => [r.topic, Number(r.n)]));
    },
  };
}

export type EpidemicQa = ReturnType<typeof createEpidemicQa>;
