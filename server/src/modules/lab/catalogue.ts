import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TestItemBody, TestItemListQuery, TestItemView } from '@shijian/contracts';
import type { Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { likeEscape } from '../identity/orgs.js';
import type { Institutions } from '../registry/institutions.js';
import { testItemEntity } from './entities.js';
import { testItems } from './tables.js';

type TestItemRow = typeof testItems.$inferSelect;

export const toTestItemView = (r: TestItemRow): TestItemView => ({
  id: r.id,
  institutionId: r.institutionId,
  parameter: r.parameter,
  standard: r.standard,
  unit: r.unit,
  limitKind: r.limitKind,
  limitMin: r.limitMin,
  limitMax: r.limitMax,
  limitText: r.limitText,
  required: r.required,
  categories: r.categories,
  active: r.active,
});

export type Qualified = Awaited<ReturnType<Institutions['qualifiedFor']>>[number];

/**
 * The refusal of a test outside the institution's qualification: names the test
 * and lists the institutions that could take it (first-ask responsibility: never
 * simply refuse, point to a capable institution).
 */
export function outsideQualification(standard: string, parameter: string, alternatives: Qualified[], reason = '不在本机构资质认定范围内'): AppError {
  const others = alternatives.map((a) => `${a.name}（${a.regionName}，CMA ${a.cmaNumber ?? '—'}）`);
  const message = others.length
    ? `${standard} ${parameter} ${reason}。具备该项能力的机构：${others.join('；')}`
    : `${standard} ${parameter} ${reason}，目前没有机构具备该项资质`;
  return new AppError(422, 'OUTSIDE_QUALIFICATION', message, {
    standard,
    parameter,
    alternatives: alternatives.map((a) => ({ institutionId: a.id, name: a.name, regionName: a.regionName, cmaNumber: a.cmaNumber, cmaValidUntil: a.cmaValidUntil })),
  });
}

export function createCatalogue(deps: Deps, institutions: Institutions) {
  const { db, clock, audit } = deps;

  /** The institution the caller works for; lab actions always act on one's own institution. */
  async function ownInstitution(actor: Actor) {
    const inst = actor.orgKind === 'institution' && actor.orgId ? await institutions.byOrg(actor.orgId) : null;
    if (!inst) throw new AppError(403, 'FORBIDDEN', '只有技术机构人员可以执行此操作');
    return inst;
  }

  /** Throws OUTSIDE_QUALIFICATION unless the institution is qualified for the test today. */
  async function assertQualified(institutionId: string, standard: string, parameter: string) {
    const qualified = await institutions.qualifiedFor(standard, parameter);
    if (qualified.some((q) => q.id === institutionId)) return qualified.find((q) => q.id === institutionId)!;
    throw outsideQualification(standard, parameter, qualified.filter((q) => q.id !== institutionId));
  }

  return {
    ownInstitution,
    assertQualified,
    async list(actor: Actor, q: z.infer<typeof TestItemListQuery>) {
      authorize(actor, 'lab.catalogue.read');
      // An institution reads its own catalogue; others may read any institution's (catalogues are published).
      const institutionId = actor.orgKind === 'institution' ? (await ownInstitution(actor)).id : q.institutionId;
      const where = and(
        institutionId ? eq(testItems.institutionId, institutionId) : undefined,
        q.standard ? eq(testItems.standard, q.standard) : undefined,
        q.category ? sql`${q.category} = any(${testItems.categories})` : undefined,
        q.q ? or(ilike(testItems.parameter, `%${likeEscape(q.q)}%`), ilike(testItems.standard, `%${likeEscape(q.q)}%`)) : undefined,
      );
      const [total] = await db.select({ n: count() }).from(testItems).where(where);
      const rows = await db
        .select()
        .from(testItems)
        .where(where)
        .orderBy(asc(testItems.standard), asc(testItems.parameter))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      return paged(rows.map(toTestItemView), total?.n, q);
    },
    async create(actor: Actor, body: z.infer<typeof TestItemBody>) {
      authorize(actor, 'lab.catalogue.write');
      const inst = await ownInstitution(actor);
      await assertQualified(inst.id, body.standard, body.parameter);
      const row = await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(testItems)
          .values({
            institutionId: inst.id,
            parameter: body.parameter,
            standard: body.standard,
            unit: body.unit,
            limitKind: body.limitKind,
            limitMin: body.limitKind === 'min' || body.limitKind === 'range' ? (body.limitMin ?? null) : null,
            limitMax: body.limitKind === 'max' || body.limitKind === 'range' ? (body.limitMax ?? null) : null,
            limitText: body.limitKind === 'text' ? (body.limitText ?? null) : null,
            required: body.required,
            categories: body.categories,
            active: true,
            createdAt: clock.now(),
          })
          .onConflictDoNothing()
          .returning();
        if (!inserted.length) throw conflict('TEST_ITEM_EXISTS', `目录中已有 ${body.standard} ${body.parameter}`);
        await audit.append(tx, actor, { action: 'lab.test_item_created', entity: testItemEntity, id: inserted[0]!.id });
        return inserted[0]!;
      });
      return toTestItemView(row);
    },
    async setActive(actor: Actor, id: string, active: boolean) {
      authorize(actor, 'lab.catalogue.write');
      const inst = await ownInstitution(actor);
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(testItems)
          .set({ active })
          .where(and(eq(testItems.id, id), eq(testItems.institutionId, inst.id)))
          .returning();
        if (!updated) throw notFound('test_item', id);
        await audit.append(tx, actor, { action: 'lab.test_item_updated', entity: testItemEntity, id });
        return updated;
      });
      return toTestItemView(row);
    },
  };
}

export type Catalogue = ReturnType<typeof createCatalogue>;
