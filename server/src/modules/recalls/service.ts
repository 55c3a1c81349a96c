import { and, asc, count, desc, eq, ilike, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { PublicRecallQuery, RecallAssessBody, RecallListQuery, RecallPlanBody, RecallProgressBody, RecallReportBody, RecallView } from '@shijian/contracts';
import { scopeFilter, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { likeEscape } from '../identity/orgs.js';
import { enterprises } from '../registry/tables.js';
import { recallEntity, recallProgressEntity } from './entities.js';
import { recallCounters, recallProgress, recalls } from './tables.js';

type Row = typeof recalls.$inferSelect;

/** Regulators of the producer's region, and the producer itself. */
const recallScope = (actor: Actor) => scopeFilter(actor, { region: recalls.regionCode, org: recalls.enterpriseOrgId });
const isProducer = (actor: Actor, r: Row) => actor.orgKind === 'enterprise' && actor.orgId !== null && actor.orgId === r.enterpriseOrgId;

/**
 * Defect recall (缺陷召回): a report (by the producer, from an injury, or from an investigation),
 * the regulator's risk assessment, the producer's plan, the public notice, and progress —
 * cumulative figures that may only grow and never pass the plan's total.
 */
export function createRecalls(deps: Deps) {
  const { db, clock, audit, calendar } = deps;

  const query = () =>
    db.select({ r: recalls, enterpriseName: enterprises.name, enterpriseUscc: enterprises.uscc }).from(recalls).innerJoin(enterprises, eq(enterprises.id, recalls.enterpriseId));
  type Joined = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

  async function toView({ r, enterpriseName, enterpriseUscc }: Joined): Promise<RecallView> {
    const progress = await db.select().from(recallProgress).where(eq(recallProgress.recallId, r.id)).orderBy(asc(recallProgress.reportedOn), asc(recallProgress.createdAt));
    return {
      id: r.id,
      recallNo: r.recallNo,
      status: r.status,
      source: r.source,
      enterpriseId: r.enterpriseId,
      enterpriseName,
      enterpriseUscc,
      regionCode: r.regionCode,
      productName: r.productName,
      productCategory: r.productCategory,
      batches: r.batches,
      defect: r.defect,
      injuries: r.injuries,
      reportedOn: r.reportedOn,
      riskLevel: r.riskLevel,
      conclusion: r.conclusion,
      scope: r.scope,
      measures: r.measures,
      quantityTotal: r.quantityTotal,
      quantityRecalled: r.quantityRecalled,
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      progress: progress.map((p) => ({ reportedOn: p.reportedOn, quantityRecalled: p.quantityRecalled, note: p.note, createdAt: p.createdAt.toISOString() })),
      createdAt: r.createdAt.toISOString(),
    };
  }

  async function rowFor(actor: Actor, id: string): Promise<Joined> {
    authorize(actor, 'recall.read');
    const [row] = await query().where(and(eq(recalls.id, id), recallScope(actor)));
    if (!row) throw notFound('recall', id);
    return row;
  }

  async function update(actor: Actor, r: Row, set: Partial<Row>, action: 'recall.assessed' | 'recall.planned' | 'recall.published') {
    await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(recalls)
        .set({ ...set, updatedAt: clock.now() })
        .where(and(eq(recalls.id, r.id), eq(recalls.status, r.status)))
        .returning({ id: recalls.id });
      if (!updated) throw conflict('STATE_CHANGED', '召回状态已变化，请刷新后重试');
      await audit.append(tx, actor, { action, entity: recallEntity, id: r.id });
    });
  }

  return {
    async get(actor: Actor, id: string): Promise<RecallView> {
      return toView(await rowFor(actor, id));
    },

    async report(actor: Actor, body: z.infer<typeof RecallReportBody>): Promise<RecallView> {
      authorize(actor, 'recall.report');
      const [ent] = await db.select().from(enterprises).where(eq(enterprises.uscc, body.enterpriseUscc));
      if (!ent) throw invalid('enterpriseUscc', '生产者未在企业名录中登记');
      if (actor.orgKind === 'enterprise' && ent.orgId !== actor.orgId) throw invalid('enterpriseUscc', '企业只能报告本企业产品的缺陷');
      if (actor.orgKind === 'enterprise' && body.source !== 'enterprise_report') throw invalid('source', '企业报告的来源应为企业缺陷报告');
      if (actor.orgKind === 'regulator' && actor.scope.kind === 'region' && !ent.regionCode.startsWith(actor.scope.prefix)) throw invalid('enterpriseUscc', '生产者不在本单位管辖范围内');
      const reportedOn = body.reportedOn ?? calendar.today();
      if (reportedOn > calendar.today()) throw invalid('reportedOn', '报告日期不能晚于今天');
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const year = Number(reportedOn.slice(0, 4));
        const [counter] = await tx
          .insert(recallCounters)
          .values({ year, value: 1 })
          .onConflictDoUpdate({ target: recallCounters.year, set: { value: sql`${recallCounters.value} + 1` } })
          .returning({ value: recallCounters.value });
        const [row] = await tx
          .insert(recalls)
          .values({
            recallNo: `ZH${year}-${String(counter!.value).padStart(5, '0')}`,
            status: 'reported',
            source: body.source,
            enterpriseId: ent.id,
            enterpriseOrgId: ent.orgId,
            regionCode: ent.regionCode,
            productName: body.productName,
            productCategory: body.productCategory ?? null,
            batches: body.batches,
            defect: body.defect,
            injuries: body.injuries,
            reportedOn,
            measures: [],
            quantityRecalled: 0,
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: recalls.id });
        await audit.append(tx, actor, { action: 'recall.reported', entity: recallEntity, id: row!.id });
        return row!.id;
      });
      return this.get(actor, id);
    },

    async list(actor: Actor, q: z.infer<typeof RecallListQuery>) {
      authorize(actor, 'recall.read');
      const conditions: (SQL | undefined)[] = [recallScope(actor)];
      if (q.status) conditions.push(eq(recalls.status, q.status));
      if (q.enterpriseId) conditions.push(eq(recalls.enterpriseId, q.enterpriseId));
      if (q.source) conditions.push(eq(recalls.source, q.source));
      if (q.q) {
        const like = `%${likeEscape(q.q)}%`;
        conditions.push(or(ilike(recalls.productName, like), ilike(enterprises.name, like), ilike(recalls.recallNo, like)));
      }
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        query()
          .where(where)
          .orderBy(q.order === 'asc' ? asc(recalls.reportedOn) : desc(recalls.reportedOn), desc(recalls.recallNo))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(recalls).innerJoin(enterprises, eq(enterprises.id, recalls.enterpriseId)).where(where),
      ]);
      const items = [];
      for (const r of rows) items.push(await toView(r));
      return paged(items, total?.n, q);
    },

    /** The regulator's risk assessment: a recall is needed, or not (and then nothing follows). */
    async assess(actor: Actor, id: string, body: z.infer<typeof RecallAssessBody>): Promise<RecallView> {
      authorize(actor, 'recall.assess');
      const { r } = await rowFor(actor, id);
      if (r.status !== 'reported') throw conflict('ALREADY_ASSESSED', '已完成风险评估');
      await update(actor, r, { status: body.recallRequired ? 'assessed' : 'no_recall', riskLevel: body.riskLevel, conclusion: body.conclusion }, 'recall.assessed');
      return this.get(actor, id);
    },

    /** The recall plan, filed by the producer (or by a regulator on its behalf). */
    async plan(actor: Actor, id: string, body: z.infer<typeof RecallPlanBody>): Promise<RecallView> {
      authorize(actor, 'recall.plan');
      const { r } = await rowFor(actor, id);
      if (actor.orgKind === 'enterprise' && !isProducer(actor, r)) throw notFound('recall', id);
      if (r.status !== 'assessed') throw conflict('NOT_ASSESSED', r.status === 'reported' ? '请等待风险评估结论后再备案召回计划' : '该召回已备案计划或无需召回');
      await update(actor, r, { status: 'planned', scope: body.scope, measures: body.measures, quantityTotal: body.quantityTotal, startsOn: body.startsOn, endsOn: body.endsOn }, 'recall.planned');
      return this.get(actor, id);
    },

    /** The public notice (召回公告): on the portal from now on. */
    async publish(actor: Actor, id: string): Promise<RecallView> {
      authorize(actor, 'recall.assess');
      const { r } = await rowFor(actor, id);
      if (r.publishedAt) throw conflict('ALREADY_PUBLISHED', '召回公告已发布');
      if (r.status !== 'planned' && r.status !== 'in_progress') throw conflict('NO_PLAN', '召回计划备案后才能发布召回公告');
      await update(actor, r, { publishedAt: clock.now() }, 'recall.published');
      return this.get(actor, id);
    },

    /** A progress report: the cumulative number recalled; the recall completes when it reaches the total. */
    async progress(actor: Actor, id: string, body: z.infer<typeof RecallProgressBody>): Promise<RecallView> {
      authorize(actor, 'recall.plan');
      const { r } = await rowFor(actor, id);
      if (actor.orgKind === 'enterprise' && !isProducer(actor, r)) throw notFound('recall', id);
      if (r.status !== 'planned' && r.status !== 'in_progress') throw conflict('NOT_RECALLING', '召回计划备案后才能报告进展');
      if (body.reportedOn > calendar.today()) throw invalid('reportedOn', '报告日期不能晚于今天');
      if (body.quantityRecalled < r.quantityRecalled) throw invalid('quantityRecalled', `累计召回数量不能少于上次报告的 ${r.quantityRecalled}`);
      if (r.quantityTotal !== null && body.quantityRecalled > r.quantityTotal) throw invalid('quantityRecalled', `累计召回数量不能超过召回总数 ${r.quantityTotal}`);
      const done = r.quantityTotal !== null && body.quantityRecalled === r.quantityTotal;
      await db.transaction(async (tx) => {
        const [p] = await tx
          .insert(recallProgress)
          .values({ recallId: r.id, reportedOn: body.reportedOn, quantityRecalled: body.quantityRecalled, note: body.note, createdBy: actor.userId, createdAt: clock.now() })
          .returning({ id: recallProgress.id });
        await tx
          .update(recalls)
          .set({ quantityRecalled: body.quantityRecalled, status: done ? 'completed' : 'in_progress', updatedAt: clock.now() })
          .where(eq(recalls.id, r.id));
        await audit.append(tx, actor, [
          { action: 'recall.progress', entity: recallProgressEntity, id: p!.id },
          { action: 'recall.progress', entity: recallEntity, id: r.id },
        ]);
      });
      return this.get(actor, id);
    },

    /** Published recall notices, newest first: the portal's 召回公告. */
    async publicList(q: z.infer<typeof PublicRecallQuery>) {
      const conditions: (SQL | undefined)[] = [isNotNull(recalls.publishedAt)];
      if (q.q) {
        const like = `%${likeEscape(q.q)}%`;
        conditions.push(or(ilike(recalls.productName, like), ilike(enterprises.name, like)));
      }
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        query()
          .where(where)
          .orderBy(desc(recalls.publishedAt), desc(recalls.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(recalls).innerJoin(enterprises, eq(enterprises.id, recalls.enterpriseId)).where(where),
      ]);
      return paged(
        rows.map(({ r, enterpriseName }) => ({
          recallNo: r.recallNo,
          enterpriseName,
          productName: r.productName,
          batches: r.batches,
          defect: r.defect,
          riskLevel: r.riskLevel,
          scope: r.scope,
          measures: r.measures,
          quantityTotal: r.quantityTotal,
          quantityRecalled: r.quantityRecalled,
          startsOn: r.startsOn,
          endsOn: r.endsOn,
          status: r.status,
          publishedAt: r.publishedAt!.toISOString(),
        })),
        total?.n,
        q,
      );
    },
  };
}

export type Recalls = ReturnType<typeof createRecalls>;
