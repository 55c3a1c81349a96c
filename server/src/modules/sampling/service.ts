import { and, asc, count, desc, eq, gte, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  LIST_COUNT_CAP,
  regionWithin,
  type DisposalFlowBody,
  type DisposalListQuery,
  type DisposalUpdateBody,
  type ObjectionBody,
  type ObjectionDecisionBody,
  type SamplingPlanBody,
  type SamplingPlanListQuery,
  type SamplingReceiveBody,
  type SamplingRecordBody,
  type SamplingRecordListQuery,
  type SamplingRecordView,
  type SamplingStatus,
  type SamplingTaskBody,
} from '@shijian/contracts';
import { rawRows, type Db } from '../../db/client.js';
import { regionInScope, scopeFilter, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import type { Campaigns } from '../campaigns/service.js';
import { visibleCampaign, type Cases } from '../enforcement/cases.js';
import { cases } from '../enforcement/tables.js';
import type { Orgs } from '../identity/orgs.js';
import { orgs } from '../identity/tables.js';
import type { Reports } from '../lab/reports.js';
import type { Samples } from '../lab/samples.js';
import type { Enterprises } from '../registry/enterprises.js';
import type { Categories } from '../registry/categories.js';
import type { Institutions } from '../registry/institutions.js';
import { enterprises, institutions } from '../registry/tables.js';
import { batchStatus, deliveryDue, DUTY_CLOCKS, objectionDue, reportDue } from './clocks.js';
import { disposalEntity, samplingPlanEntity, samplingRecordEntity, samplingTaskEntity } from './entities.js';
import { disposalFlows, disposals, samplingPlans, samplingQuotas, samplingRecords, samplingTasks } from './tables.js';

type RecordRow = typeof samplingRecords.$inferSelect;

/**
 * Regulators see batches sampled in their region subtree and plans of bureaus in it;
 * an institution sees the batches of tasks given to it.
 */
const recordScope = (actor: Actor) => scopeFilter(actor, { region: samplingRecords.regionCode, org: samplingRecords.institutionOrgId });
const planScope = (actor: Actor) =>
  actor.orgKind === 'institution'
    ? sql`exists (select 1 from ${samplingTasks} where ${samplingTasks.planId} = ${samplingPlans.id} and ${samplingTasks.institutionOrgId} = ${actor.orgId})`
    : scopeFilter(actor, { region: samplingPlans.regionCode });
/** `batchStatus` in SQL: a reported batch whose objection window has ended counts as closed. */
function statusIs(status: SamplingStatus, today: string): SQL {
  const windowEnded = lt(samplingRecords.objectionDueOn, today);
  if (status === 'closed') return or(eq(samplingRecords.status, 'closed'), and(eq(samplingRecords.status, 'reported'), windowEnded))!;
  if (status === 'reported') return and(eq(samplingRecords.status, 'reported'), or(isNull(samplingRecords.objectionDueOn), gte(samplingRecords.objectionDueOn, today)))!;
  return eq(samplingRecords.status, status);
}
const disposalScope = (actor: Actor) => scopeFilter(actor, { region: disposals.regionCode });

/** CY2026-00000123: the year sampled and a number from one sequence. */
async function nextRecordNo(tx: Db, today: string): Promise<string> {
  const [row] = await rawRows<{ n: string }>(tx, sql`select nextval('sampling_record_no_seq')::text as n`);
  return `CY${today.slice(0, 4)}-${row!.n.padStart(8, '0')}`;
}

const sum = (values: (string | null)[]) => values.reduce((acc, v) => acc + Math.round(Number(v ?? 0) * 100), 0);
const yuanText = (cents: number) => (cents / 100).toFixed(2);

export function createSampling(
  deps: Deps,
  services: { enterprises: Enterprises; institutions: Institutions; orgs: Orgs; samples: Samples; reports: Reports; cases: Cases; campaigns: Campaigns; categories: Categories },
) {
  const { db, clock, audit, calendar } = deps;

  async function planRow(actor: Actor, id: string) {
    const [found] = await db
      .select({ plan: samplingPlans, orgName: orgs.name })
      .from(samplingPlans)
      .innerJoin(orgs, eq(orgs.id, samplingPlans.orgId))
      .where(and(eq(samplingPlans.id, id), planScope(actor)));
    if (!found) throw notFound('sampling_plan', id);
    return found;
  }

  const recordSelection = {
    record: samplingRecords,
    planName: samplingPlans.name,
    institutionName: institutions.name,
    enterpriseName: enterprises.name,
    enterpriseUscc: enterprises.uscc,
    disposalId: disposals.id,
  };
  const recordQuery = () =>
    db
      .select(recordSelection)
      .from(samplingRecords)
      .innerJoin(samplingPlans, eq(samplingPlans.id, samplingRecords.planId))
      .innerJoin(samplingTasks, eq(samplingTasks.id, samplingRecords.taskId))
      .innerJoin(institutions, eq(institutions.id, samplingTasks.institutionId))
      .innerJoin(enterprises, eq(enterprises.id, samplingRecords.enterpriseId))
      .leftJoin(disposals, eq(disposals.samplingRecordId, samplingRecords.id));

  type Selected = Awaited<ReturnType<ReturnType<typeof recordQuery>['execute']>>[number];

  async function toViews(actor: Actor, rows: Selected[]): Promise<SamplingRecordView[]> {
    const today = calendar.today();
    const ids = rows.map((r) => r.record.id);
    // The case lead and the disposal are the bureau's: the testing institution is not told of them.
    const enforcer = actor.kind === 'system' || actor.orgKind === 'regulator';
    const leads = enforcer && ids.length
      ? await db.select({ id: cases.id, ref: cases.sourceRef }).from(cases).where(and(eq(cases.source, 'sampling'), inArray(cases.sourceRef, ids)))
      : [];
    return rows.map(({ record: r, ...joined }) => {
      const status = batchStatus(r, today);
      const final = status !== r.status;
      return {
        id: r.id,
        recordNo: r.recordNo,
        planId: r.planId,
        planName: joined.planName,
        taskId: r.taskId,
        institutionName: joined.institutionName,
        enterpriseId: r.enterpriseId,
        enterpriseName: joined.enterpriseName,
        enterpriseUscc: joined.enterpriseUscc,
        regionCode: r.regionCode,
        category: r.category,
        productName: r.productName,
        specification: r.specification,
        batchNo: r.batchNo,
        quantity: r.quantity,
        place: r.place,
        samplers: r.samplers,
        sampledOn: r.sampledOn,
        status,
        deliveryDueOn: r.deliveryDueOn,
        sampleId: r.sampleId,
        receivedOn: r.receivedOn,
        reportDueOn: r.reportDueOn,
        reportId: r.reportId,
        reportedOn: r.reportedOn,
        conclusion: r.conclusion,
        objectionDueOn: r.objectionDueOn,
        objectionFiledOn: r.objectionFiledOn,
        objectionReason: r.objectionReason,
        objectionOutcome: r.objectionOutcome,
        nextClock: final ? null : r.nextClock,
        nextDueOn: final ? null : r.nextDueOn,
        overdue: Boolean(r.nextClock && DUTY_CLOCKS.includes(r.nextClock) && r.nextDueOn && r.nextDueOn < today),
        disposalId: enforcer ? joined.disposalId : null,
        caseId: leads.find((l) => l.ref === r.id)?.id ?? null,
      };
    });
  }

  async function recordDetail(actor: Actor, id: string): Promise<SamplingRecordView> {
    authorize(actor, 'sampling.read');
    const rows = await recordQuery().where(and(eq(samplingRecords.id, id), recordScope(actor)));
    if (!rows.length) throw notFound('sampling_record', id);
    return (await toViews(actor, rows))[0]!;
  }

  async function recordRow(actor: Actor, id: string): Promise<RecordRow> {
    const [row] = await db.select().from(samplingRecords).where(and(eq(samplingRecords.id, id), recordScope(actor)));
    if (!row) throw notFound('sampling_record', id);
    return row;
  }

  /**
   * The lab issued a report for a sample: if the sample is a sampled batch, its result
   * comes back to the batch. A nonconforming batch opens a disposal and a case lead
   * with the producer's bureau, in the same transaction as the issue.
   */
  async function onReportIssued(tx: Db, actor: Actor, report: { id: string; sampleId: string; conclusion: string; version: number }) {
    const [record] = await tx.select().from(samplingRecords).where(eq(samplingRecords.sampleId, report.sampleId));
    if (!record) return;
    const overrides = await calendar.overrides(tx);
    const today = calendar.today();
    // A supervision report judges the batch; one without a verdict cannot close or open anything.
    if (report.conclusion === 'none') {
      throw conflict('SAMPLING_NO_CONCLUSION', `样品为监督抽查批次（抽样单 ${record.recordNo}）：检验报告必须对照标准给出合格或不合格结论，请为检验项目设定判定限值`);
    }
    const conclusion = report.conclusion === 'fail' ? ('nonconforming' as const) : ('conforming' as const);
    const objectionDueOn = objectionDue(today, overrides);
    await tx
      .update(samplingRecords)
      .set({
        reportId: report.id,
        reportedOn: today,
        conclusion,
        status: conclusion === 'nonconforming' ? 'reported' : 'closed',
        objectionDueOn: conclusion === 'nonconforming' ? objectionDueOn : null,
        nextClock: conclusion === 'nonconforming' ? 'objection' : null,
        nextDueOn: conclusion === 'nonconforming' ? objectionDueOn : null,
      })
      .where(eq(samplingRecords.id, record.id));
    await audit.append(tx, actor, { action: 'sampling.batch_reported', entity: samplingRecordEntity, id: record.id });
    // An amendment that turns a result to nonconforming opens what the first report would
    // have; one that turns it to conforming leaves an opened disposal and lead to the officers.
    if (conclusion !== 'nonconforming') return;
    const [existing] = await tx.select({ id: disposals.id }).from(disposals).where(eq(disposals.samplingRecordId, record.id));
    if (existing) return;

    const [disposal] = await tx
      .insert(disposals)
      .values({
        samplingRecordId: record.id,
        enterpriseId: record.enterpriseId,
        regionCode: record.regionCode,
        status: 'open',
        openedOn: today,
        measures: '',
        unit: '件',
        createdAt: clock.now(),
      })
      .returning({ id: disposals.id });
    await audit.append(tx, actor, { action: 'sampling.disposal_opened', entity: disposalEntity, id: disposal!.id });
    const [producer] = await tx.select().from(enterprises).where(eq(enterprises.id, record.enterpriseId));
    const bureau = await services.orgs.regulatorFor(record.regionCode, tx);
    if (!bureau || !producer) return;
    await services.samples.disclose(tx, actor, report.sampleId, bureau, `监督抽查不合格（抽样单 ${record.recordNo}），移交生产者所在地监管部门核查处置`);
    const [plan] = await tx.select({ campaignId: samplingPlans.campaignId }).from(samplingPlans).where(eq(samplingPlans.id, record.planId));
    await services.cases.openLead(tx, actor, bureau, {
      source: 'sampling',
      sourceRef: record.id,
      campaignId: plan?.campaignId ?? null,
      party: { enterpriseId: producer.id, name: producer.name, uscc: producer.uscc },
      productCategory: record.category,
      violationCategory: 'quality',
      summary: `监督抽查不合格：${record.productName}（批号 ${record.batchNo}，抽样单 ${record.recordNo}），检验报告判定不合格`,
      leadOn: today,
    });
  }
  services.reports.onIssued(onReportIssued);

  return {
    recordDetail,

    async createPlan(actor: Actor, body: z.infer<typeof SamplingPlanBody>) {
      authorize(actor, 'sampling.plan');
      const org = actor.orgId ? await services.orgs.getById(actor.orgId) : null;
      if (!org || org.kind !== 'regulator' || !org.regionCode) throw new AppError(403, 'FORBIDDEN', '只有监管部门可以制定抽查计划');
      if (body.campaignId) await visibleCampaign(services.campaigns, actor, body.campaignId);
      const active = await services.categories.activeCodes();
      for (const [i, q] of body.quotas.entries()) {
        if (!(await deps.regions.exists(q.areaCode))) throw invalid(`quotas.${i}.areaCode`, `行政区划代码 ${q.areaCode} 不存在`);
        if (!regionInScope(actor, q.areaCode)) throw invalid(`quotas.${i}.areaCode`, `地区 ${q.areaCode} 不在本单位管辖范围内`);
        if (!active.has(q.category)) throw invalid(`quotas.${i}.category`, `产品类别 ${q.category} 不存在或已停用`);
      }
      const id = await db.transaction(async (tx) => {
        const [plan] = await tx
          .insert(samplingPlans)
          .values({ orgId: org.id, regionCode: org.regionCode!, campaignId: body.campaignId ?? null, name: body.name, startsOn: body.startsOn, endsOn: body.endsOn, createdAt: clock.now() })
          .returning({ id: samplingPlans.id });
        await tx.insert(samplingQuotas).values(body.quotas.map((q) => ({ planId: plan!.id, ...q })));
        await audit.append(tx, actor, { action: 'sampling.plan_created', entity: samplingPlanEntity, id: plan!.id });
        return plan!.id;
      });
      return this.planDetail(actor, id);
    },

    async plans(actor: Actor, q: z.infer<typeof SamplingPlanListQuery>) {
      authorize(actor, 'sampling.read');
      const where = and(planScope(actor), q.q ? ilike(samplingPlans.name, `%${q.q}%`) : undefined);
      const [rows, [total]] = await Promise.all([
        db
          .select({
            plan: samplingPlans,
            orgName: orgs.name,
            quotaBatches: sql<number>`(select coalesce(sum(${samplingQuotas.batches}), 0) from ${samplingQuotas} where ${samplingQuotas.planId} = ${samplingPlans.id})`.mapWith(Number),
            sampledBatches: sql<number>`(select count(*) from ${samplingRecords} where ${samplingRecords.planId} = ${samplingPlans.id})`.mapWith(Number),
            nonconformingBatches: sql<number>`(select count(*) from ${samplingRecords} where ${samplingRecords.planId} = ${samplingPlans.id} and ${samplingRecords.conclusion} = 'nonconforming')`.mapWith(Number),
          })
          .from(samplingPlans)
          .innerJoin(orgs, eq(orgs.id, samplingPlans.orgId))
          .where(where)
          .orderBy(q.order === 'desc' ? desc(samplingPlans.startsOn) : asc(samplingPlans.startsOn), asc(samplingPlans.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(samplingPlans).where(where),
      ]);
      return paged(
        rows.map(({ plan: p, ...rest }) => ({
          id: p.id,
          name: p.name,
          orgId: p.orgId,
          regionCode: p.regionCode,
          campaignId: p.campaignId,
          startsOn: p.startsOn,
          endsOn: p.endsOn,
          createdAt: p.createdAt.toISOString(),
          ...rest,
        })),
        total?.n,
        q,
      );
    },

    async planDetail(actor: Actor, id: string) {
      authorize(actor, 'sampling.read');
      const { plan, orgName } = await planRow(actor, id);
      const [quotas, tasks, byQuota] = await Promise.all([
        db.select().from(samplingQuotas).where(eq(samplingQuotas.planId, id)).orderBy(asc(samplingQuotas.areaCode), asc(samplingQuotas.category)),
        db
          .select({
            task: samplingTasks,
            institutionName: institutions.name,
            sampled: sql<number>`(select count(*) from ${samplingRecords} where ${samplingRecords.taskId} = ${samplingTasks.id})`.mapWith(Number),
          })
          .from(samplingTasks)
          .innerJoin(institutions, eq(institutions.id, samplingTasks.institutionId))
          .where(
            and(eq(samplingTasks.planId, id), actor.orgKind === 'institution' ? eq(samplingTasks.institutionOrgId, actor.orgId!) : undefined),
          )
          .orderBy(asc(samplingTasks.areaCode), asc(samplingTasks.category), asc(samplingTasks.id)),
        db
          .select({ regionCode: samplingRecords.regionCode, category: samplingRecords.category, conclusion: samplingRecords.conclusion })
          .from(samplingRecords)
          .where(eq(samplingRecords.planId, id)),
      ]);
      const sampledIn = (areaCode: string, category: string) => byQuota.filter((r) => r.category === category && regionWithin(r.regionCode, areaCode)).length;
      return {
        id: plan.id,
        name: plan.name,
        orgId: plan.orgId,
        orgName,
        regionCode: plan.regionCode,
        campaignId: plan.campaignId,
        startsOn: plan.startsOn,
        endsOn: plan.endsOn,
        createdAt: plan.createdAt.toISOString(),
        quotaBatches: quotas.reduce((a, q) => a + q.batches, 0),
        sampledBatches: byQuota.length,
        nonconformingBatches: byQuota.filter((r) => r.conclusion === 'nonconforming').length,
        quotas: quotas.map((q) => ({ areaCode: q.areaCode, category: q.category, batches: q.batches, sampled: sampledIn(q.areaCode, q.category) })),
        tasks: tasks.map(({ task: t, institutionName, sampled }) => ({
          id: t.id,
          planId: t.planId,
          planName: plan.name,
          institutionId: t.institutionId,
          institutionName,
          areaCode: t.areaCode,
          category: t.category,
          batches: t.batches,
          sampled,
        })),
      };
    },

    /** Gives part of a plan to a testing institution, which must be qualified for the category. */
    async assignTask(actor: Actor, planId: string, body: z.infer<typeof SamplingTaskBody>) {
      authorize(actor, 'sampling.plan');
      const { plan } = await planRow(actor, planId);
      const [quota] = await db
        .select()
        .from(samplingQuotas)
        .where(and(eq(samplingQuotas.planId, planId), eq(samplingQuotas.category, body.category), eq(samplingQuotas.areaCode, body.areaCode)));
      if (!quota) throw invalid('areaCode', '计划中没有该地区和类别的任务量');
      const [{ given } = { given: 0 }] = await db
        .select({ given: sql<number>`coalesce(sum(${samplingTasks.batches}), 0)`.mapWith(Number) })
        .from(samplingTasks)
        .where(and(eq(samplingTasks.planId, planId), eq(samplingTasks.category, body.category), eq(samplingTasks.areaCode, body.areaCode)));
      if (given + body.batches > quota.batches) {
        throw invalid('batches', `该地区该类别计划 ${quota.batches} 批次，已下达 ${given} 批次，最多还能下达 ${quota.batches - given} 批次`);
      }
      const [inst] = await db.select().from(institutions).where(eq(institutions.id, body.institutionId));
      if (!inst || !inst.orgId) throw invalid('institutionId', '检验机构不存在');
      if (!inst.cmaValidUntil || inst.cmaValidUntil < calendar.today()) throw invalid('institutionId', `${inst.name} 的资质认定证书已过期，不能承担抽查任务`);
      if (!(await services.institutions.qualifiedForCategory(inst.id, body.category))) {
        const name = (await services.categories.catalogue()).find((c) => c.code === body.category)?.name ?? body.category;
        throw invalid('institutionId', `${inst.name} 的资质认定范围不含「${name}」的检验参数，不能承担该类别的抽查任务`);
      }
      const id = await db.transaction(async (tx) => {
        const [task] = await tx
          .insert(samplingTasks)
          .values({ planId: plan.id, institutionId: inst.id, institutionOrgId: inst.orgId!, areaCode: body.areaCode, category: body.category, batches: body.batches, createdAt: clock.now() })
          .returning({ id: samplingTasks.id });
        await audit.append(tx, actor, { action: 'sampling.task_assigned', entity: samplingTaskEntity, id: task!.id });
        return task!.id;
      });
      return (await this.planDetail(actor, planId)).tasks.find((t) => t.id === id)!;
    },

    /** The sampling record (抽样单) for one batch; the delivery clock starts. */
    async sample(actor: Actor, body: z.infer<typeof SamplingRecordBody>) {
      authorize(actor, 'sampling.record');
      const [task] = await db.select().from(samplingTasks).where(eq(samplingTasks.id, body.taskId));
      if (!task) throw notFound('sampling_task', body.taskId);
      const { plan } = await planRow(actor, task.planId).catch(() => {
        throw notFound('sampling_task', body.taskId);
      });
      if (actor.orgKind === 'institution' && task.institutionOrgId !== actor.orgId) throw notFound('sampling_task', body.taskId);
      const producer = await services.enterprises.identify({ uscc: body.enterpriseUscc });
      if (!producer) throw invalid('enterpriseUscc', `统一社会信用代码 ${body.enterpriseUscc} 的企业未登记，请先登记企业`);
      if (!regionWithin(producer.regionCode, task.areaCode)) throw invalid('enterpriseUscc', `${producer.name} 不在任务地区（${task.areaCode}）内`);
      const today = calendar.today();
      if (body.sampledOn > today) throw invalid('sampledOn', '抽样日期不能晚于今天');
      if (body.sampledOn < plan.startsOn || body.sampledOn > plan.endsOn) throw invalid('sampledOn', `抽样日期应在计划期间 ${plan.startsOn} 至 ${plan.endsOn} 内`);
      const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(samplingRecords).where(eq(samplingRecords.taskId, task.id));
      if (Number(n) >= task.batches) throw conflict('TASK_FULL', `该任务计划抽取 ${task.batches} 批次，已全部完成`);
      const deliveryDueOn = deliveryDue(body.sampledOn, await calendar.overrides());
      const id = await db.transaction(async (tx) => {
        const [record] = await tx
          .insert(samplingRecords)
          .values({
            recordNo: await nextRecordNo(tx, today),
            taskId: task.id,
            planId: task.planId,
            planOrgId: plan.orgId,
            institutionOrgId: task.institutionOrgId,
            enterpriseId: producer.id,
            regionCode: producer.regionCode,
            category: task.category,
            productName: body.productName,
            specification: body.specification,
            batchNo: body.batchNo,
            quantity: body.quantity,
            place: body.place,
            samplers: body.samplers,
            sampledOn: body.sampledOn,
            status: 'sampled',
            deliveryDueOn,
            nextClock: 'delivery',
            nextDueOn: deliveryDueOn,
            createdBy: actor.userId,
            createdAt: clock.now(),
          })
          .returning({ id: samplingRecords.id });
        await audit.append(tx, actor, { action: 'sampling.batch_sampled', entity: samplingRecordEntity, id: record!.id });
        return record!.id;
      });
      return recordDetail(actor, id);
    },

    /** The lab receives the batch: a lab sample with source 'sampling task' is created and the report clock starts. */
    async receive(actor: Actor, id: string, body: z.infer<typeof SamplingReceiveBody>) {
      authorize(actor, 'sampling.receive');
      const record = await recordRow(actor, id);
      if (record.status !== 'sampled') throw conflict('ALREADY_RECEIVED', '该批次样品已接收');
      const [producer] = await db.select().from(enterprises).where(eq(enterprises.id, record.enterpriseId));
      const overrides = await calendar.overrides();
      const today = calendar.today();
      const reportDueOn = reportDue(today, overrides);
      await services.samples.receive(
        actor,
        {
          source: 'sampling_task',
          commissioningOrgId: record.planOrgId,
          productCategory: record.category,
          productName: record.productName,
          specification: record.specification,
          producerUscc: producer!.uscc,
          producerName: producer!.name,
          batchNo: record.batchNo,
          quantity: record.quantity,
          conditionOnArrival: body.conditionOnArrival,
          storage: body.storage,
          retentionUntil: body.retentionUntil,
          testItemIds: body.testItemIds,
        },
        async (tx, sampleId) => {
          await tx
            .update(samplingRecords)
            .set({ sampleId, receivedOn: today, reportDueOn, status: 'in_lab', nextClock: 'report', nextDueOn: reportDueOn })
            .where(eq(samplingRecords.id, id));
          await audit.append(tx, actor, { action: 'sampling.batch_received', entity: samplingRecordEntity, id });
        },
      );
      return recordDetail(actor, id);
    },

    async records(actor: Actor, q: z.infer<typeof SamplingRecordListQuery>) {
      authorize(actor, 'sampling.read');
      const today = calendar.today();
      const conditions: (SQL | undefined)[] = [recordScope(actor)];
      if (q.status) conditions.push(statusIs(q.status, today));
      if (q.conclusion) conditions.push(eq(samplingRecords.conclusion, q.conclusion));
      if (q.planId) conditions.push(eq(samplingRecords.planId, q.planId));
      if (q.enterpriseId) conditions.push(eq(samplingRecords.enterpriseId, q.enterpriseId));
      if (q.overdue === 'true') conditions.push(and(inArray(samplingRecords.nextClock, [...DUTY_CLOCKS]), lt(samplingRecords.nextDueOn, today)));
      if (q.q) conditions.push(or(ilike(samplingRecords.productName, `%${q.q}%`), eq(samplingRecords.recordNo, q.q.toUpperCase()), ilike(samplingRecords.batchNo, `%${q.q}%`)));
      const where = and(...conditions)!;
      // Both keys in one direction, so (sampled_on, id) serves the order read either way.
      const order =
        q.overdue === 'true'
          ? [asc(samplingRecords.nextDueOn), asc(samplingRecords.id)]
          : q.order === 'desc'
            ? [desc(samplingRecords.sampledOn), desc(samplingRecords.id)]
            : [asc(samplingRecords.sampledOn), asc(samplingRecords.id)];
      const capped = db.select({ one: sql`1` }).from(samplingRecords).where(where).limit(LIST_COUNT_CAP + 1).as('capped');
      const [rows, [total]] = await Promise.all([
        recordQuery().where(where).orderBy(...order).limit(q.pageSize).offset(pageOffset(q)),
        db.select({ n: count() }).from(capped),
      ]);
      const n = Number(total?.n ?? 0);
      return { ...paged(await toViews(actor, rows), Math.min(n, LIST_COUNT_CAP), q), totalCapped: n > LIST_COUNT_CAP };
    },

    /** The enterprise objects to a nonconforming result within 15 days (recorded by the bureau). */
    async fileObjection(actor: Actor, id: string, body: z.infer<typeof ObjectionBody>) {
      authorize(actor, 'sampling.dispose');
      const record = await recordRow(actor, id);
      if (record.status !== 'reported' || record.conclusion !== 'nonconforming') throw conflict('NO_OBJECTION_POSSIBLE', '只有检验结论为不合格的批次可以提出异议');
      if (body.filedOn > calendar.today()) throw invalid('filedOn', '异议日期不能晚于今天');
      if (body.filedOn < record.reportedOn!) throw invalid('filedOn', `异议日期不能早于结果送达日期 ${record.reportedOn}`);
      if (body.filedOn > record.objectionDueOn!) throw conflict('OBJECTION_LATE', `异议期已于 ${record.objectionDueOn} 届满，逾期提出的异议不予受理`);
      await db.transaction(async (tx) => {
        await tx
          .update(samplingRecords)
          .set({ status: 'objection', objectionFiledOn: body.filedOn, objectionReason: body.reason, nextClock: null, nextDueOn: null })
          .where(eq(samplingRecords.id, id));
        await audit.append(tx, actor, { action: 'sampling.objection_filed', entity: samplingRecordEntity, id });
      });
      return recordDetail(actor, id);
    },

    async decideObjection(actor: Actor, id: string, body: z.infer<typeof ObjectionDecisionBody>) {
      authorize(actor, 'sampling.dispose');
      const record = await recordRow(actor, id);
      if (record.status !== 'objection') throw conflict('NO_OBJECTION', '该批次没有待处理的异议');
      if (body.decidedOn < record.objectionFiledOn! || body.decidedOn > calendar.today()) throw invalid('decidedOn', '处理日期应在异议提出之后、今天之前');
      await db.transaction(async (tx) => {
        await tx
          .update(samplingRecords)
          .set({
            status: 'closed',
            objectionOutcome: body.outcome,
            objectionDecidedOn: body.decidedOn,
            objectionReason: `${record.objectionReason}\n处理意见：${body.note}`,
            conclusion: body.outcome === 'upheld' ? 'conforming' : record.conclusion,
          })
          .where(eq(samplingRecords.id, id));
        await audit.append(tx, actor, { action: 'sampling.objection_decided', entity: samplingRecordEntity, id });
      });
      return recordDetail(actor, id);
    },

    async disposals(actor: Actor, q: z.infer<typeof DisposalListQuery>) {
      authorize(actor, 'sampling.read');
      const where = and(disposalScope(actor), q.status ? eq(disposals.status, q.status) : undefined);
      const [rows, [total]] = await Promise.all([
        db
          .select({ id: disposals.id })
          .from(disposals)
          .where(where)
          .orderBy(q.order === 'desc' ? desc(disposals.openedOn) : asc(disposals.openedOn), asc(disposals.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(disposals).where(where),
      ]);
      return paged(await this.disposalViews(rows.map((r) => r.id)), total?.n, q);
    },

    async disposalViews(ids: string[]) {
      if (!ids.length) return [];
      const [rows, flows] = await Promise.all([
        db
          .select({ d: disposals, recordNo: samplingRecords.recordNo, productName: samplingRecords.productName, batchNo: samplingRecords.batchNo, enterpriseName: enterprises.name })
          .from(disposals)
          .innerJoin(samplingRecords, eq(samplingRecords.id, disposals.samplingRecordId))
          .innerJoin(enterprises, eq(enterprises.id, disposals.enterpriseId))
          .where(inArray(disposals.id, ids)),
        db.select().from(disposalFlows).where(inArray(disposalFlows.disposalId, ids)).orderBy(asc(disposalFlows.createdAt), asc(disposalFlows.id)),
      ]);
      const byId = new Map(rows.map((r) => [r.d.id, r]));
      return ids.map((id) => {
        const { d, ...rest } = byId.get(id)!;
        const own = flows.filter((f) => f.disposalId === id);
        return {
          id: d.id,
          samplingRecordId: d.samplingRecordId,
          ...rest,
          enterpriseId: d.enterpriseId,
          regionCode: d.regionCode,
          status: d.status,
          openedOn: d.openedOn,
          enterpriseNotifiedOn: d.enterpriseNotifiedOn,
          measures: d.measures,
          quantitySealed: d.quantitySealed,
          quantityRemoved: d.quantityRemoved,
          unit: d.unit,
          recallReference: d.recallReference,
          closedOn: d.closedOn,
          flows: own.map((f) => ({
            id: f.id,
            buyerName: f.buyerName,
            buyerUscc: f.buyerUscc,
            buyerRegionCode: f.buyerRegionCode,
            quantity: f.quantity,
            quantityRecovered: f.quantityRecovered,
            shippedOn: f.shippedOn,
          })),
          totalShipped: yuanText(sum(own.map((f) => f.quantity))),
          totalRecovered: yuanText(sum(own.map((f) => f.quantityRecovered))),
        };
      });
    },

    async disposal(actor: Actor, id: string) {
      authorize(actor, 'sampling.read');
      const [row] = await db.select({ id: disposals.id }).from(disposals).where(and(eq(disposals.id, id), disposalScope(actor)));
      if (!row) throw notFound('disposal', id);
      return (await this.disposalViews([id]))[0]!;
    },

    async updateDisposal(actor: Actor, id: string, body: z.infer<typeof DisposalUpdateBody>) {
      authorize(actor, 'sampling.dispose');
      const current = await this.disposal(actor, id);
      if (current.status === 'closed') throw conflict('DISPOSAL_CLOSED', '处置已办结，不能修改');
      if (body.enterpriseNotifiedOn && (body.enterpriseNotifiedOn < current.openedOn || body.enterpriseNotifiedOn > calendar.today())) {
        throw invalid('enterpriseNotifiedOn', `告知日期应在 ${current.openedOn} 至今天之间`);
      }
      await db.transaction(async (tx) => {
        await tx.update(disposals).set(body).where(eq(disposals.id, id));
        await audit.append(tx, actor, { action: 'sampling.disposal_updated', entity: disposalEntity, id });
      });
      return this.disposal(actor, id);
    },

    /** One downstream delivery traced (流向): never more recovered than shipped. */
    async traceFlow(actor: Actor, id: string, body: z.infer<typeof DisposalFlowBody>) {
      authorize(actor, 'sampling.dispose');
      const current = await this.disposal(actor, id);
      if (current.status === 'closed') throw conflict('DISPOSAL_CLOSED', '处置已办结，不能修改');
      if (sum([body.quantityRecovered]) > sum([body.quantity])) throw invalid('quantityRecovered', '召回数量不能大于销售数量');
      if (body.buyerRegionCode && !(await deps.regions.exists(body.buyerRegionCode))) throw invalid('buyerRegionCode', `行政区划代码 ${body.buyerRegionCode} 不存在`);
      await db.transaction(async (tx) => {
        await tx.insert(disposalFlows).values({
          disposalId: id,
          buyerName: body.buyerName,
          buyerUscc: body.buyerUscc ?? null,
          buyerRegionCode: body.buyerRegionCode ?? null,
          quantity: body.quantity,
          quantityRecovered: body.quantityRecovered,
          shippedOn: body.shippedOn ?? null,
          createdAt: clock.now(),
        });
        await audit.append(tx, actor, { action: 'sampling.flow_traced', entity: disposalEntity, id });
      });
      return this.disposal(actor, id);
    },

    async closeDisposal(actor: Actor, id: string) {
      authorize(actor, 'sampling.dispose');
      const current = await this.disposal(actor, id);
      if (current.status === 'closed') throw conflict('DISPOSAL_CLOSED', '处置已办结');
      if (!current.enterpriseNotifiedOn) throw invalid('enterpriseNotifiedOn', '办结前须登记告知企业的日期');
      if (!current.measures) throw invalid('measures', '办结前须填写处置措施（查封、扣押、下架、召回等）');
      await db.transaction(async (tx) => {
        await tx.update(disposals).set({ status: 'closed', closedOn: calendar.today() }).where(eq(disposals.id, id));
        await audit.append(tx, actor, { action: 'sampling.disposal_updated', entity: disposalEntity, id });
      });
      return this.disposal(actor, id);
    },
  };
}

export type Sampling = ReturnType<typeof createSampling>;
