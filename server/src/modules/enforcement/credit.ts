import { and, asc, count, desc, eq, gt, ilike, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  DISHONESTY_CRITERION_LABELS,
  DISHONESTY_EARLY_REMOVAL_YEARS,
  DISHONESTY_LISTING_YEARS,
  type DishonestyCriterion,
  type DishonestyStatus,
  type ListingCreateBody,
  type ListingListQuery,
  type ListingView,
  type PublicListingQuery,
  type RemovalApplicationBody,
  type RemovalDecisionBody,
} from '@shijian/contracts';
import { scopeFilter, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { orgs } from '../identity/tables.js';
import { enterprises } from '../registry/tables.js';
import type { Cases } from './cases.js';
import { dishonestyListingEntity, removalApplicationEntity } from './entities.js';
import { cases, dishonestyListings, removalApplications } from './tables.js';

type ListingRow = typeof dishonestyListings.$inferSelect;

/** The same date N years on (29 February falls back to 28 February). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** As of a day: listed, removed early, or out of the list because its three years ran out. */
export function listingStatus(row: Pick<ListingRow, 'status' | 'expiresOn'>, today: string): DishonestyStatus {
  if (row.status === 'removed_early') return 'removed_early';
  return today >= row.expiresOn ? 'expired' : 'listed';
}

/**
 * A regulator sees listings made in its region subtree; an enterprise sees its own
 * (through the enterprise's org), so it can apply for early removal.
 */
const listingScope = (actor: Actor) =>
  scopeFilter(actor, {
    region: dishonestyListings.regionCode,
    org: sql`(select ${enterprises.orgId} from ${enterprises} where ${enterprises.id} = ${dishonestyListings.enterpriseId})` as never,
  });

export function createCredit(deps: Deps, caseService: Cases) {
  const { db, clock, audit, calendar } = deps;

  const pendingApplication = sql`exists (select 1 from ${removalApplications} a where a.listing_id = ${dishonestyListings.id} and a.status = 'pending')`;
  const selection = {
    row: dishonestyListings,
    caseNo: cases.caseNo,
    orgName: orgs.name,
    pendingApplicationOn: sql<string | null>`(select a.applied_on::text from ${removalApplications} a where a.listing_id = ${dishonestyListings.id} and a.status = 'pending' limit 1)`,
  };

  function toView(r: { row: ListingRow; caseNo: string; orgName: string; pendingApplicationOn: string | null }, today: string): ListingView {
    const { row } = r;
    return {
      id: row.id,
      caseId: row.caseId,
      caseNo: r.caseNo,
      orgName: r.orgName,
      regionCode: row.regionCode,
      enterpriseId: row.enterpriseId,
      partyName: row.partyName,
      partyUscc: row.partyUscc,
      criteria: row.criteria as DishonestyCriterion[],
      facts: row.facts,
      decisionNo: row.decisionNo,
      listedOn: row.listedOn,
      publishedOn: row.publishedOn,
      expiresOn: row.expiresOn,
      earliestRemovalOn: row.earliestRemovalOn,
      status: listingStatus(row, today),
      removedOn: row.status === 'removed_early' ? row.removedOn : today >= row.expiresOn ? row.expiresOn : null,
      pendingApplicationOn: r.pendingApplicationOn,
    };
  }

  async function getRow(actor: Actor, id: string) {
    const [found] = await db
      .select(selection)
      .from(dishonestyListings)
      .innerJoin(cases, eq(cases.id, dishonestyListings.caseId))
      .innerJoin(orgs, eq(orgs.id, dishonestyListings.orgId))
      .where(and(eq(dishonestyListings.id, id), listingScope(actor)));
    if (!found) throw notFound('dishonesty_listing', id);
    return found;
  }

  async function detail(actor: Actor, id: string) {
    const found = await getRow(actor, id);
    const applications = await db.select().from(removalApplications).where(eq(removalApplications.listingId, id)).orderBy(asc(removalApplications.createdAt));
    return {
      ...toView(found, calendar.today()),
      applications: applications.map((a) => ({
        id: a.id,
        listingId: a.listingId,
        appliedOn: a.appliedOn,
        reason: a.reason,
        commitments: a.commitments,
        status: a.status,
        reviewNote: a.reviewNote,
        decidedOn: a.decidedOn,
      })),
    };
  }

  /** Currently on the list as of today: listed and not yet expired. */
  const inForce = (today: string) => and(eq(dishonestyListings.status, 'listed'), gt(dishonestyListings.expiresOn, today))!;

  return {
    detail,

    /** Lists a party from a decided case: three years, early removal possible after one. */
    async list(actor: Actor, body: z.infer<typeof ListingCreateBody>) {
      authorize(actor, 'credit.list');
      const view = await caseService.detail(actor, body.caseId); // scoped: 404 outside the actor's region
      if (!view.decidedOn || !['decided', 'executed', 'closed'].includes(view.stage)) {
        throw conflict('CASE_NOT_DECIDED', '只有已作出行政处罚决定的案件才能列入严重违法失信名单');
      }
      if (view.listingId) throw conflict('ALREADY_LISTED', `案件 ${view.caseNo} 的当事人已列入名单`);
      const today = calendar.today();
      const listedOn = body.listedOn ?? today;
      if (listedOn > today) throw invalid('listedOn', '列入日期不能晚于今天');
      if (listedOn < view.decidedOn) throw invalid('listedOn', `列入日期不能早于处罚决定日期 ${view.decidedOn}`);
      const id = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(dishonestyListings)
          .values({
            caseId: view.id,
            orgId: view.orgId,
            regionCode: view.regionCode,
            enterpriseId: view.partyEnterpriseId,
            partyName: view.partyName,
            partyUscc: view.partyUscc,
            criteria: body.criteria,
            facts: body.facts,
            decisionNo: view.decisionNo!,
            listedOn,
            publishedOn: listedOn,
            expiresOn: addYears(listedOn, DISHONESTY_LISTING_YEARS),
            earliestRemovalOn: addYears(listedOn, DISHONESTY_EARLY_REMOVAL_YEARS),
            status: 'listed',
            createdAt: clock.now(),
          })
          .returning({ id: dishonestyListings.id });
        await audit.append(tx, actor, { action: 'credit.listed', entity: dishonestyListingEntity, id: created!.id });
        return created!.id;
      });
      return detail(actor, id);
    },

    async listings(actor: Actor, q: z.infer<typeof ListingListQuery>) {
      authorize(actor, 'credit.read');
      const today = calendar.today();
      const conditions: (SQL | undefined)[] = [listingScope(actor)];
      if (q.status === 'listed') conditions.push(inForce(today));
      if (q.status === 'removed_early') conditions.push(eq(dishonestyListings.status, 'removed_early'));
      if (q.status === 'expired') conditions.push(and(eq(dishonestyListings.status, 'listed'), lte(dishonestyListings.expiresOn, today)));
      // An application on a listing whose three years have run out has nothing left to decide.
      if (q.removal === 'pending') conditions.push(pendingApplication, inForce(today));
      if (q.q) conditions.push(or(ilike(dishonestyListings.partyName, `%${q.q}%`), eq(dishonestyListings.partyUscc, q.q.toUpperCase())));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select(selection)
          .from(dishonestyListings)
          .innerJoin(cases, eq(cases.id, dishonestyListings.caseId))
          .innerJoin(orgs, eq(orgs.id, dishonestyListings.orgId))
          .where(where)
          .orderBy(q.order === 'desc' ? desc(dishonestyListings.listedOn) : asc(dishonestyListings.listedOn), asc(dishonestyListings.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(dishonestyListings).where(where),
      ]);
      return paged(rows.map((r) => toView(r, today)), total?.n, q);
    },

    /** The enterprise applies; allowed from a year after publication, one pending application at a time. */
    async applyForRemoval(actor: Actor, id: string, body: z.infer<typeof RemovalApplicationBody>) {
      authorize(actor, 'credit.apply');
      const found = await getRow(actor, id);
      const today = calendar.today();
      const status = listingStatus(found.row, today);
      if (status !== 'listed') throw conflict('NOT_LISTED', '该名单已移出，无需申请');
      if (today < found.row.earliestRemovalOn) {
        throw conflict('TOO_EARLY', `列入名单满一年后方可申请提前移出（${found.row.earliestRemovalOn} 起可申请）`);
      }
      const [pending] = await db
        .select({ id: removalApplications.id })
        .from(removalApplications)
        .where(and(eq(removalApplications.listingId, id), eq(removalApplications.status, 'pending')));
      if (pending) throw conflict('APPLICATION_PENDING', '已有待审核的申请，请等待审核结果');
      await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(removalApplications)
          .values({ listingId: id, appliedOn: today, reason: body.reason, commitments: body.commitments, status: 'pending', appliedBy: actor.userId, createdAt: clock.now() })
          .returning({ id: removalApplications.id });
        await audit.append(tx, actor, { action: 'credit.removal_applied', entity: removalApplicationEntity, id: created!.id });
      });
      return detail(actor, id);
    },

    async decideRemoval(actor: Actor, applicationId: string, body: z.infer<typeof RemovalDecisionBody>) {
      authorize(actor, 'credit.review');
      const [application] = await db.select().from(removalApplications).where(eq(removalApplications.id, applicationId));
      if (!application) throw notFound('removal_application', applicationId);
      if (application.status !== 'pending') throw conflict('ALREADY_DECIDED', '该申请已审核');
      const today = calendar.today();
      const { row: listing } = await getRow(actor, application.listingId);
      const standing = listingStatus(listing, today);
      if (standing !== 'listed') {
        throw conflict('LISTING_NOT_IN_FORCE', standing === 'expired' ? `名单已于 ${listing.expiresOn} 届满三年移出，无需再审核提前移出` : '该名单已提前移出');
      }
      await db.transaction(async (tx) => {
        await tx
          .update(removalApplications)
          .set({ status: body.approve ? 'approved' : 'rejected', reviewNote: body.note, decidedOn: today, decidedBy: actor.userId })
          .where(eq(removalApplications.id, applicationId));
        const records = [{ action: 'credit.removal_decided' as const, entity: removalApplicationEntity, id: applicationId }];
        if (body.approve) {
          await tx.update(dishonestyListings).set({ status: 'removed_early', removedOn: today }).where(eq(dishonestyListings.id, application.listingId));
          records.push({ action: 'credit.removal_decided', entity: dishonestyListingEntity, id: application.listingId });
        }
        await audit.append(tx, actor, records);
      });
      return detail(actor, application.listingId);
    },

    /** The public list: parties on the list today, newest first; criteria named in words. */
    async publicList(q: z.infer<typeof PublicListingQuery>) {
      const today = calendar.today();
      const conditions: (SQL | undefined)[] = [inForce(today)];
      if (q.q) conditions.push(or(ilike(dishonestyListings.partyName, `%${q.q}%`), eq(dishonestyListings.partyUscc, q.q.toUpperCase())));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        db
          .select({ row: dishonestyListings, orgName: orgs.name })
          .from(dishonestyListings)
          .innerJoin(orgs, eq(orgs.id, dishonestyListings.orgId))
          .where(where)
          .orderBy(desc(dishonestyListings.publishedOn), asc(dishonestyListings.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(dishonestyListings).where(where),
      ]);
      return paged(
        rows.map(({ row, orgName }) => ({
          partyName: row.partyName,
          partyUscc: row.partyUscc,
          orgName,
          criteria: (row.criteria as DishonestyCriterion[]).map((c) => DISHONESTY_CRITERION_LABELS[c]?.zh ?? c),
          facts: row.facts,
          decisionNo: row.decisionNo,
          publishedOn: row.publishedOn,
          expiresOn: row.expiresOn,
        })),
        total?.n,
        q,
      );
    },

    /** An enterprise's listing status today, for its archive. */
    async statusOf(enterpriseId: string) {
      const today = calendar.today();
      const rows = await db.select().from(dishonestyListings).where(eq(dishonestyListings.enterpriseId, enterpriseId)).orderBy(desc(dishonestyListings.listedOn));
      return rows.map((r) => ({ id: r.id, listedOn: r.listedOn, expiresOn: r.expiresOn, status: listingStatus(r, today), decisionNo: r.decisionNo }));
    },
  };
}

export type Credit = ReturnType<typeof createCredit>;
