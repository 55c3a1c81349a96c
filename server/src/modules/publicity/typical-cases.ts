import { and, count, desc, asc, eq, ilike, isNotNull, isNull, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import {
  CASE_STAGE_LABELS,
  PUBLISHABLE_CASE_STAGES,
  regionPrefix,
  type PublicTypicalCaseQuery,
  type PublicTypicalCaseView,
  type TypicalCaseCreateBody,
  type TypicalCaseListQuery,
  type TypicalCaseView,
  type TypicalCaseWithdrawBody,
} from '@shijian/contracts';
import { scopeFilter, withinRegion, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import type { Cases } from '../enforcement/cases.js';
import { cases } from '../enforcement/tables.js';
import { likeEscape } from '../identity/orgs.js';
import { orgs, users } from '../identity/tables.js';
import { typicalCaseEntity } from './entities.js';
import { typicalCases } from './tables.js';

type Row = typeof typicalCases.$inferSelect;

/** Regulators see the publications of their region subtree (the case's region). */
const publicationScope = (actor: Actor) => scopeFilter(actor, { region: typicalCases.regionCode });
const active = isNull(typicalCases.withdrawnAt);

/** Every word must appear in one of the columns: 口罩 哄抬 finds a price case about masks. */
export function wordsMatch(text: string, columns: Parameters<typeof ilike>[0][]): SQL | undefined {
  const words = text.split(/\s+/).filter(Boolean).slice(0, 8);
  return and(...words.map((w) => or(...columns.map((c) => ilike(c, `%${likeEscape(w)}%`)))));
}

/**
 * Typical cases (典型案例): a bureau writes a decided case of its region up for the public
 * (notice 004: 集中公布一批典型案例), and may withdraw it with a reason. The case is read through
 * the enforcement module, so a case outside the publisher's scope is simply not found.
 */
export function createTypicalCases(deps: Deps, caseService: Cases) {
  const { db, clock, audit, calendar, regions } = deps;
  const publisher = alias(users, 'publisher');
  const withdrawer = alias(users, 'withdrawer');

  const query = () =>
    db
      .select({ t: typicalCases, caseNo: cases.caseNo, orgName: orgs.name, publishedByName: publisher.displayName, withdrawnByName: withdrawer.displayName })
      .from(typicalCases)
      .innerJoin(cases, eq(cases.id, typicalCases.caseId))
      .innerJoin(orgs, eq(orgs.id, typicalCases.orgId))
      .leftJoin(publisher, eq(publisher.id, typicalCases.publishedBy))
      .leftJoin(withdrawer, eq(withdrawer.id, typicalCases.withdrawnBy));
  type Joined = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

  const regionName = async (code: string) => (await regions.fullName(code)) ?? code;

  async function toView({ t, caseNo, orgName, publishedByName, withdrawnByName }: Joined): Promise<TypicalCaseView> {
    return {
      id: t.id,
      caseId: t.caseId,
      caseNo,
      title: t.title,
      summary: t.summary,
      violation: t.violation,
      legalBasis: t.legalBasis,
      penalty: t.penalty,
      violationCategory: t.violationCategory,
      regionCode: t.regionCode,
      regionName: await regionName(t.regionCode),
      publishedOn: t.publishedOn,
      orgId: t.orgId,
      orgName,
      publishedByName,
      status: t.withdrawnAt ? 'withdrawn' : 'active',
      withdrawnAt: t.withdrawnAt?.toISOString() ?? null,
      withdrawnByName,
      withdrawReason: t.withdrawReason,
      createdAt: t.createdAt.toISOString(),
    };
  }

  async function toPublic(t: Row, orgName: string): Promise<PublicTypicalCaseView> {
    return {
      id: t.id,
      title: t.title,
      summary: t.summary,
      violation: t.violation,
      legalBasis: t.legalBasis,
      penalty: t.penalty,
      violationCategory: t.violationCategory,
      regionCode: t.regionCode,
      regionName: await regionName(t.regionCode),
      orgName,
      publishedOn: t.publishedOn,
    };
  }

  async function rowFor(actor: Actor, id: string): Promise<Joined> {
    const [row] = await query().where(and(eq(typicalCases.id, id), publicationScope(actor)));
    if (!row) throw notFound('typical_case', id);
    return row;
  }

  function publicWhere(q: { q?: string; region?: string }): SQL {
    return and(
      active,
      q.q ? wordsMatch(q.q, [typicalCases.title, typicalCases.summary, typicalCases.violation, typicalCases.penalty]) : undefined,
      q.region ? withinRegion(typicalCases.regionCode, regionPrefix(q.region)) : undefined,
    )!;
  }

  return {
    async get(actor: Actor, id: string): Promise<TypicalCaseView> {
      authorize(actor, 'case.read');
      return toView(await rowFor(actor, id));
    },

    async list(actor: Actor, q: z.infer<typeof TypicalCaseListQuery>) {
      authorize(actor, 'case.read');
      const where = and(
        publicationScope(actor),
        q.q ? or(wordsMatch(q.q, [typicalCases.title, typicalCases.summary]), eq(cases.caseNo, q.q)) : undefined,
        q.regionCode ? withinRegion(typicalCases.regionCode, regionPrefix(q.regionCode)) : undefined,
        q.status === 'active' ? active : q.status === 'withdrawn' ? isNotNull(typicalCases.withdrawnAt) : undefined,
        q.violationCategory ? eq(typicalCases.violationCategory, q.violationCategory) : undefined,
        q.caseId ? eq(typicalCases.caseId, q.caseId) : undefined,
      );
      const order = q.order === 'asc' ? [asc(typicalCases.publishedOn), asc(typicalCases.createdAt)] : [desc(typicalCases.publishedOn), desc(typicalCases.createdAt)];
      const [rows, [total]] = await Promise.all([
        query()
          .where(where)
          .orderBy(...order, asc(typicalCases.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(typicalCases).innerJoin(cases, eq(cases.id, typicalCases.caseId)).where(where),
      ]);
      return paged(await Promise.all(rows.map(toView)), total?.n, q);
    },

    /** Publishes a decided case of the publisher's scope; one active publication per case. */
    async publish(actor: Actor, body: z.infer<typeof TypicalCaseCreateBody>): Promise<TypicalCaseView> {
      authorize(actor, 'publicity.write');
      if (!actor.orgId) throw forbidden('只有监管部门可以发布典型案例');
      // Not found when the case lies outside the publisher's scope.
      const theCase = await caseService.detail(actor, body.caseId);
      if (!(PUBLISHABLE_CASE_STAGES as readonly string[]).includes(theCase.stage)) {
        throw conflict(
          'CASE_NOT_DECIDED',
          `案件当前为「${CASE_STAGE_LABELS[theCase.stage].zh}」：只有已作出处罚决定、已执行或已结案的案件才能发布为典型案例`,
          { stage: theCase.stage },
        );
      }
      const today = calendar.today();
      const publishedOn = body.publishedOn ?? today;
      if (publishedOn > today) throw invalid('publishedOn', '发布日期不能晚于今天');
      if (theCase.decidedOn && publishedOn < theCase.decidedOn) throw invalid('publishedOn', `发布日期不能早于处罚决定日期 ${theCase.decidedOn}`);
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(typicalCases)
          .values({
            caseId: theCase.id,
            orgId: actor.orgId!,
            regionCode: theCase.regionCode,
            title: body.title,
            summary: body.summary,
            violation: body.violation,
            legalBasis: body.legalBasis,
            penalty: body.penalty,
            violationCategory: theCase.violationCategory,
            publishedOn,
            publishedBy: actor.userId,
            createdAt: clock.now(),
          })
          .onConflictDoNothing({ target: typicalCases.caseId, where: isNull(typicalCases.withdrawnAt) })
          .returning({ id: typicalCases.id });
        if (!row) {
          const [existing] = await tx.select({ id: typicalCases.id }).from(typicalCases).where(and(eq(typicalCases.caseId, theCase.id), active));
          throw conflict('ALREADY_PUBLISHED', '该案件已有公开中的典型案例，如需修改请先撤回再重新发布', { typicalCaseId: existing?.id ?? null });
        }
        await audit.append(tx, actor, { action: 'publicity.case_published', entity: typicalCaseEntity, id: row.id });
        return row.id;
      });
      return toView(await rowFor(actor, id));
    },

    /** Takes a publication off the portal; the row stays with who withdrew it, when and why. */
    async withdraw(actor: Actor, id: string, body: z.infer<typeof TypicalCaseWithdrawBody>): Promise<TypicalCaseView> {
      authorize(actor, 'publicity.write');
      const { t } = await rowFor(actor, id);
      if (t.withdrawnAt) throw conflict('ALREADY_WITHDRAWN', '该典型案例已撤回');
      await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(typicalCases)
          .set({ withdrawnAt: clock.now(), withdrawnBy: actor.userId, withdrawReason: body.reason })
          .where(and(eq(typicalCases.id, id), active))
          .returning({ id: typicalCases.id });
        if (!updated) throw conflict('ALREADY_WITHDRAWN', '该典型案例已撤回');
        await audit.append(tx, actor, { action: 'publicity.case_withdrawn', entity: typicalCaseEntity, id });
      });
      return toView(await rowFor(actor, id));
    },

    // ---------- public ----------

    /** Active publications, newest first. */
    async publicList(q: z.infer<typeof PublicTypicalCaseQuery>) {
      const where = publicWhere(q);
      const [rows, [total]] = await Promise.all([
        db
          .select({ t: typicalCases, orgName: orgs.name })
          .from(typicalCases)
          .innerJoin(orgs, eq(orgs.id, typicalCases.orgId))
          .where(where)
          .orderBy(desc(typicalCases.publishedOn), desc(typicalCases.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(typicalCases).where(where),
      ]);
      return paged(await Promise.all(rows.map(({ t, orgName }) => toPublic(t, orgName))), total?.n, q);
    },

    /** One active publication; a withdrawn or unknown one is not found. */
    async publicGet(id: string): Promise<PublicTypicalCaseView> {
      const [row] = await db
        .select({ t: typicalCases, orgName: orgs.name })
        .from(typicalCases)
        .innerJoin(orgs, eq(orgs.id, typicalCases.orgId))
        .where(and(eq(typicalCases.id, id), active));
      if (!row) throw notFound('typical_case', id);
      return toPublic(row.t, row.orgName);
    },

    /** The regions that have active publications, for the portal's region choice. */
    async publicRegions(): Promise<string[]> {
      const rows = await db.selectDistinct({ code: typicalCases.regionCode }).from(typicalCases).where(active);
      return rows.map((r) => r.code);
    },

    async publicCount(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(typicalCases).where(active);
      return Number(row?.n ?? 0);
    },
  };
}

export type TypicalCases = ReturnType<typeof createTypicalCases>;
