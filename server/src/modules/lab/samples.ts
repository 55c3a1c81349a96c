import { and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AssignBody, ResultBody, ResultView, SampleListQuery, SampleReceiveBody, SampleView } from '@shijian/contracts';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';
import type { AuditAction } from '../../platform/audit/actions.js';
import { addDays, shanghaiDate } from '../../platform/calendar/working-days.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import type { Orgs } from '../identity/orgs.js';
import { orgs, users } from '../identity/tables.js';
import type { Enterprises } from '../registry/enterprises.js';
import type { Instruments } from '../registry/instruments.js';
import { coversDate } from '../registry/instruments.js';
import { instruments } from '../registry/tables.js';
import type { Catalogue } from './catalogue.js';
import { sampleDisclosureEntity, sampleEntity, sampleEventEntity, testResultEntity } from './entities.js';
import { conclusionOf, judge } from './judgement.js';
import { renderSampleLabel } from './label-pdf.js';
import { sampleScope } from './scope.js';
import { labCounters, labSettings, sampleDisclosures, sampleEvents, sampleTests, samples, signatoryAuthorizations, testItems, testResults } from './tables.js';

type SampleRow = typeof samples.$inferSelect;

/** Original records and reports are kept at least six years (检验检测机构资质认定管理办法). */
export const RETENTION_YEARS = 6;

const SORT = { receivedAt: samples.receivedAt, sampleNo: samples.sampleNo, productName: samples.productName };

/** The next number of a per-institution yearly sequence; the upsert takes a row lock, so numbers never repeat. */
export async function nextNumber(tx: Db, institutionId: string, kind: 'sample' | 'report', year: number): Promise<number> {
  const [row] = await tx
    .insert(labCounters)
    .values({ institutionId, kind, year, value: 1 })
    .onConflictDoUpdate({ target: [labCounters.institutionId, labCounters.kind, labCounters.year], set: { value: sql`${labCounters.value} + 1` } })
    .returning({ value: labCounters.value });
  return row!.value;
}

export function createSamples(deps: Deps, catalogue: Catalogue, enterprises: Enterprises, instrumentService: Instruments, orgService: Orgs) {
  const { db, clock, audit, calendar } = deps;

  async function getRow(actor: Actor, id: string): Promise<SampleRow> {
    const [row] = await db.select().from(samples).where(and(eq(samples.id, id), sampleScope(actor)));
    if (!row) throw notFound('sample', id);
    return row;
  }

  /** Testers work blind unless their institution turns it off: no client, no producer. */
  async function isBlind(actor: Actor, institutionId: string): Promise<boolean> {
    const onlyTester = actor.roles.includes('tester') && !actor.roles.some((r) => ['receptionist', 'institution_admin', 'reviewer', 'signatory'].includes(r));
    if (!onlyTester) return false;
    const [settings] = await db.select().from(labSettings).where(eq(labSettings.institutionId, institutionId));
    return settings?.blindTesting ?? true;
  }

  async function conclusionsOf(sampleIds: string[]) {
    if (!sampleIds.length) return new Map<string, SampleView['conclusion']>();
    const latest = await db
      .selectDistinctOn([testResults.sampleTestId], { sampleId: sampleTests.sampleId, judgement: testResults.judgement })
      .from(testResults)
      .innerJoin(sampleTests, eq(sampleTests.id, testResults.sampleTestId))
      .where(inArray(sampleTests.sampleId, sampleIds))
      .orderBy(asc(testResults.sampleTestId), desc(testResults.version));
    const testsPerSample = await db
      .select({ sampleId: sampleTests.sampleId, n: count() })
      .from(sampleTests)
      .where(inArray(sampleTests.sampleId, sampleIds))
      .groupBy(sampleTests.sampleId);
    const out = new Map<string, SampleView['conclusion']>();
    for (const { sampleId, n } of testsPerSample) {
      const judgements = latest.filter((l) => l.sampleId === sampleId).map((l) => l.judgement);
      out.set(sampleId, judgements.length === Number(n) ? conclusionOf(judgements) : null);
    }
    return out;
  }

  async function toViews(actor: Actor, rows: SampleRow[]): Promise<SampleView[]> {
    const instIds = [...new Set(rows.map((r) => r.institutionOrgId))];
    const orgIds = [...new Set([...instIds, ...rows.map((r) => r.commissioningOrgId).filter((x): x is string => !!x)])];
    const names = orgIds.length ? await db.select({ id: orgs.id, name: orgs.name }).from(orgs).where(inArray(orgs.id, orgIds)) : [];
    const nameOf = new Map(names.map((n) => [n.id, n.name]));
    const conclusions = await conclusionsOf(rows.map((r) => r.id));
    const blindByInstitution = new Map<string, boolean>();
    for (const r of rows) if (!blindByInstitution.has(r.institutionId)) blindByInstitution.set(r.institutionId, await isBlind(actor, r.institutionId));
    return rows.map((r) => {
      const blind = blindByInstitution.get(r.institutionId)!;
      return {
        id: r.id,
        institutionId: r.institutionId,
        institutionName: nameOf.get(r.institutionOrgId) ?? '',
        sampleNo: r.sampleNo,
        source: r.source,
        status: r.status,
        productCategory: r.productCategory,
        productName: r.productName,
        specification: r.specification,
        batchNo: r.batchNo,
        quantity: r.quantity,
        conditionOnArrival: r.conditionOnArrival,
        storage: r.storage,
        retentionUntil: r.retentionUntil,
        receivedAt: r.receivedAt.toISOString(),
        clientName: blind ? null : r.clientName,
        producerUscc: blind ? null : r.producerUscc,
        producerName: blind ? null : r.producerName,
        commissioningOrgName: blind || !r.commissioningOrgId ? null : (nameOf.get(r.commissioningOrgId) ?? null),
        blind,
        conclusion: conclusions.get(r.id) ?? null,
      };
    });
  }

  async function detail(actor: Actor, id: string) {
    const row = await getRow(actor, id);
    const [view] = await toViews(actor, [row]);
    const tests = await db
      .select({ test: sampleTests, testerName: users.displayName })
      .from(sampleTests)
      .leftJoin(users, eq(users.id, sampleTests.testerId))
      .where(eq(sampleTests.sampleId, id))
      .orderBy(asc(sampleTests.standard), asc(sampleTests.parameter));
    const results = tests.length
      ? await db
          .select({ result: testResults, enteredByName: users.displayName, instrumentName: instruments.name })
          .from(testResults)
          .innerJoin(users, eq(users.id, testResults.enteredBy))
          .innerJoin(instruments, eq(instruments.id, testResults.instrumentId))
          .where(inArray(testResults.sampleTestId, tests.map((t) => t.test.id)))
          .orderBy(desc(testResults.version))
      : [];
    const events = await db
      .select({ event: sampleEvents, byName: users.displayName })
      .from(sampleEvents)
      .innerJoin(users, eq(users.id, sampleEvents.byUser))
      .where(eq(sampleEvents.sampleId, id))
      .orderBy(asc(sampleEvents.at), asc(sampleEvents.id));
    const resultView = (r: (typeof results)[number]): ResultView => ({
      id: r.result.id,
      version: r.result.version,
      value: r.result.value,
      unit: r.result.unit,
      judgement: r.result.judgement,
      instrumentId: r.result.instrumentId,
      instrumentName: r.instrumentName,
      testedOn: r.result.testedOn,
      enteredById: r.result.enteredBy,
      enteredByName: r.enteredByName,
      enteredAt: r.result.enteredAt.toISOString(),
      reason: r.result.reason,
    });
    return {
      ...view!,
      tests: tests.map(({ test, testerName }) => {
        const history = results.filter((r) => r.result.sampleTestId === test.id).map(resultView);
        return {
          id: test.id,
          testItemId: test.testItemId,
          parameter: test.parameter,
          standard: test.standard,
          unit: test.unit,
          limitKind: test.limitKind,
          limitMin: test.limitMin,
          limitMax: test.limitMax,
          limitText: test.limitText,
          testerId: test.testerId,
          testerName,
          result: history[0] ?? null,
          history,
        };
      }),
      events: events.map(({ event, byName }) => ({ step: event.step, byName, at: event.at.toISOString(), reason: event.reason })),
    };
  }

  /** Appends a workflow event and the audit entries of the sample and the event, inside `tx`. */
  async function recordStep(tx: Db, actor: Actor, sampleId: string, step: string, action: AuditAction, reason: string | null = null) {
    const [event] = await tx.insert(sampleEvents).values({ sampleId, step, byUser: actor.userId!, at: clock.now(), reason }).returning({ id: sampleEvents.id });
    await audit.append(tx, actor, [
      { action, entity: sampleEntity, id: sampleId },
      { action, entity: sampleEventEntity, id: event!.id },
    ]);
  }

  /** Moves a sample between workflow states, refusing when it is not in the expected one (two people acting at once). */
  async function transition(tx: Db, id: string, from: SampleRow['status'][], to: SampleRow['status']) {
    const updated = await tx
      .update(samples)
      .set({ status: to })
      .where(and(eq(samples.id, id), inArray(samples.status, from)))
      .returning({ id: samples.id });
    if (!updated.length) throw conflict('SAMPLE_STATE', '样品状态已变化，请刷新后重试');
  }

  async function testsOf(sampleId: string) {
    return db.select().from(sampleTests).where(eq(sampleTests.sampleId, sampleId));
  }

  async function latestResults(sampleId: string) {
    return db
      .selectDistinctOn([testResults.sampleTestId], { result: testResults })
      .from(testResults)
      .innerJoin(sampleTests, eq(sampleTests.id, testResults.sampleTestId))
      .where(eq(sampleTests.sampleId, sampleId))
      .orderBy(asc(testResults.sampleTestId), desc(testResults.version));
  }

  async function everyoneWhoEntered(sampleId: string): Promise<Set<string>> {
    const rows = await db
      .selectDistinct({ userId: testResults.enteredBy })
      .from(testResults)
      .innerJoin(sampleTests, eq(sampleTests.id, testResults.sampleTestId))
      .where(eq(sampleTests.sampleId, sampleId));
    return new Set(rows.map((r) => r.userId));
  }

  async function lastStepBy(sampleId: string, step: string): Promise<string | null> {
    const [row] = await db
      .select({ byUser: sampleEvents.byUser })
      .from(sampleEvents)
      .where(and(eq(sampleEvents.sampleId, sampleId), eq(sampleEvents.step, step)))
      .orderBy(desc(sampleEvents.at), desc(sampleEvents.id))
      .limit(1);
    return row?.byUser ?? null;
  }

  return {
    getRow,
    detail,
    latestResults,
    /**
     * Shows a commissioned sample's results to another bureau (and those above it), inside
     * the caller's transaction: the bureau handling a nonconforming batch needs the report.
     */
    async disclose(tx: Db, actor: Actor, sampleId: string, bureau: { id: string; regionCode: string | null }, reason: string) {
      if (!bureau.regionCode) return;
      const [row] = await tx
        .insert(sampleDisclosures)
        .values({ sampleId, orgId: bureau.id, regionCode: bureau.regionCode, reason, createdAt: clock.now() })
        .onConflictDoNothing()
        .returning({ id: sampleDisclosures.id });
      if (row) await audit.append(tx, actor, { action: 'lab.result_disclosed', entity: sampleDisclosureEntity, id: row.id });
    },
    /** `inTransaction` lets the caller link its own record to the new sample atomically (a sampled batch). */
    async receive(actor: Actor, body: z.infer<typeof SampleReceiveBody>, inTransaction?: (tx: Db, sampleId: string) => Promise<void>) {
      authorize(actor, 'lab.sample.receive');
      const inst = await catalogue.ownInstitution(actor);
      if (!inst.cmaValidUntil || inst.cmaValidUntil < calendar.today()) {
        throw new AppError(422, 'CMA_EXPIRED', `本机构资质认定证书已于 ${inst.cmaValidUntil ?? '—'} 到期，不能受理检验`);
      }
      const items = await db
        .select()
        .from(testItems)
        .where(and(eq(testItems.institutionId, inst.id), inArray(testItems.id, body.testItemIds)));
      const missing = body.testItemIds.filter((id) => !items.some((i) => i.id === id));
      if (missing.length) throw invalid('testItemIds', '所选检测项目不在本机构目录中');
      const inactive = items.find((i) => !i.active);
      if (inactive) throw invalid('testItemIds', `检测项目 ${inactive.standard} ${inactive.parameter} 已停用`);
      for (const item of items) await catalogue.assertQualified(inst.id, item.standard, item.parameter);

      const client = body.clientEnterpriseId
        ? await enterprises.identify({ id: body.clientEnterpriseId })
        : body.clientUscc
          ? await enterprises.identify({ uscc: body.clientUscc })
          : null;
      if (body.clientEnterpriseId && !client) throw invalid('clientEnterpriseId', '委托企业不存在');
      if (body.clientUscc && !client) {
        throw invalid('clientUscc', `统一社会信用代码 ${body.clientUscc} 的企业未登记；未登记的委托单位请直接填写委托单位名称`);
      }
      let commissioning: { id: string; regionCode: string } | null = null;
      if (body.commissioningOrgId) {
        const org = await orgService.getById(body.commissioningOrgId);
        if (!org || org.kind !== 'regulator') throw invalid('commissioningOrgId', '委托部门必须是监管部门');
        commissioning = { id: org.id, regionCode: org.regionCode ?? '000000' };
      }
      const producer = await enterprises.identify({ uscc: body.producerUscc });
      const now = clock.now();
      const today = shanghaiDate(now);
      if (body.retentionUntil < today) throw invalid('retentionUntil', '样品保存期限不能早于今天');

      const id = await db.transaction(async (tx) => {
        const year = Number(today.slice(0, 4));
        const seq = await nextNumber(tx, inst.id, 'sample', year);
        const [sample] = await tx
          .insert(samples)
          .values({
            institutionId: inst.id,
            institutionOrgId: inst.orgId,
            sampleNo: `YP${year}-${String(seq).padStart(6, '0')}`,
            source: body.source,
            status: 'received',
            clientEnterpriseId: client?.id ?? null,
            clientOrgId: client?.orgId ?? null,
            clientName: client?.name ?? body.clientName ?? null,
            commissioningOrgId: commissioning?.id ?? null,
            commissioningRegionCode: commissioning?.regionCode ?? null,
            productCategory: body.productCategory,
            productName: body.productName,
            specification: body.specification,
            producerUscc: body.producerUscc,
            producerName: producer?.name ?? body.producerName,
            producerEnterpriseId: producer?.id ?? null,
            batchNo: body.batchNo,
            quantity: body.quantity,
            conditionOnArrival: body.conditionOnArrival,
            storage: body.storage,
            retentionUntil: body.retentionUntil,
            receivedAt: now,
            receivedBy: actor.userId!,
            keepUntil: addDays(today, Math.round(RETENTION_YEARS * 365.25)),
          })
          .returning({ id: samples.id });
        await tx.insert(sampleTests).values(
          items.map((i) => ({
            sampleId: sample!.id,
            testItemId: i.id,
            parameter: i.parameter,
            standard: i.standard,
            unit: i.unit,
            limitKind: i.limitKind,
            limitMin: i.limitMin,
            limitMax: i.limitMax,
            limitText: i.limitText,
          })),
        );
        await recordStep(tx, actor, sample!.id, 'received', 'lab.sample_received');
        if (inTransaction) await inTransaction(tx, sample!.id);
        return sample!.id;
      });
      return detail(actor, id);
    },

    async list(actor: Actor, q: z.infer<typeof SampleListQuery>) {
      authorize(actor, 'lab.sample.read');
      let queue;
      if (q.queue === 'mine') {
        const waiting = [];
        if (actor.roles.includes('receptionist') || actor.roles.includes('institution_admin')) waiting.push(eq(samples.status, 'received'));
        if (actor.roles.includes('tester')) {
          waiting.push(
            and(
              eq(samples.status, 'testing'),
              sql`exists (select 1 from ${sampleTests} where ${sampleTests.sampleId} = ${samples.id} and ${sampleTests.testerId} = ${actor.userId})`,
            ),
          );
        }
        if (actor.roles.includes('reviewer')) waiting.push(eq(samples.status, 'in_review'));
        if (actor.roles.includes('signatory')) waiting.push(eq(samples.status, 'in_approval'));
        queue = waiting.length ? or(...waiting) : sql`false`;
      }
      const where = and(
        sampleScope(actor),
        queue,
        q.status ? eq(samples.status, q.status) : undefined,
        q.source ? eq(samples.source, q.source) : undefined,
        q.q ? or(ilike(samples.sampleNo, `%${q.q.replace(/[\\%_]/g, '')}%`), ilike(samples.productName, `%${q.q.replace(/[\\%_]/g, '')}%`)) : undefined,
      );
      const [total] = await db.select({ n: count() }).from(samples).where(where);
      const rows = await db
        .select()
        .from(samples)
        .where(where)
        .orderBy(q.order === 'desc' ? desc(SORT[q.sort]) : asc(SORT[q.sort]), asc(samples.id))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      return paged(await toViews(actor, rows), total?.n, q);
    },

    async get(actor: Actor, id: string) {
      authorize(actor, 'lab.sample.read');
      return detail(actor, id);
    },

    async assign(actor: Actor, id: string, body: z.infer<typeof AssignBody>) {
      authorize(actor, 'lab.sample.assign');
      const sample = await getRow(actor, id);
      if (sample.status !== 'received' && sample.status !== 'testing') throw conflict('SAMPLE_STATE', '样品已提交审核，不能再分配');
      const tests = await testsOf(id);
      const testerIds = [...new Set(body.assignments.map((a) => a.testerId))];
      const testers = await db
        .select({ id: users.id, roles: users.roles, orgId: users.orgId, disabled: users.disabled })
        .from(users)
        .where(inArray(users.id, testerIds));
      for (const testerId of testerIds) {
        const t = testers.find((x) => x.id === testerId);
        if (!t || t.orgId !== sample.institutionOrgId || !t.roles.includes('tester') || t.disabled) {
          throw invalid('assignments', '只能分配给本机构在岗的检验员');
        }
      }
      for (const a of body.assignments) if (!tests.some((t) => t.id === a.sampleTestId)) throw invalid('assignments', '检测任务不属于该样品');
      await db.transaction(async (tx) => {
        for (const a of body.assignments) await tx.update(sampleTests).set({ testerId: a.testerId }).where(eq(sampleTests.id, a.sampleTestId));
        await tx.update(samples).set({ status: 'testing' }).where(eq(samples.id, id));
        await recordStep(tx, actor, id, 'assigned', 'lab.tests_assigned');
      });
      return detail(actor, id);
    },

    /**
     * Enters a result, or a correction as a new version with a reason. The instrument
     * must belong to the institution and be verified on the test date (art. 13(2)).
     */
    async enterResult(actor: Actor, id: string, testId: string, body: z.infer<typeof ResultBody>) {
      authorize(actor, 'lab.result.enter');
      const sample = await getRow(actor, id);
      if (sample.status !== 'testing') {
        throw conflict('SAMPLE_STATE', sample.status === 'received' ? '检验任务尚未分配' : '样品已提交审核，结果不能再更改；如需更正请由审核员退回');
      }
      const [test] = await db.select().from(sampleTests).where(and(eq(sampleTests.id, testId), eq(sampleTests.sampleId, id)));
      if (!test) throw notFound('sample_test', testId);
      if (test.testerId !== actor.userId) throw new AppError(403, 'NOT_ASSIGNED', '该检测项目未分配给您');
      const today = calendar.today();
      const receivedOn = shanghaiDate(sample.receivedAt);
      if (body.testedOn < receivedOn) throw invalid('testedOn', `检测日期不能早于收样日期 ${receivedOn}`);
      if (body.testedOn > today) throw invalid('testedOn', '检测日期不能晚于今天');

      const [instrument] = await db.select().from(instruments).where(eq(instruments.id, body.instrumentId));
      if (!instrument || instrument.ownerOrgId !== sample.institutionOrgId) throw invalid('instrumentId', '仪器不在本机构计量器具台账中');
      if (instrument.status !== 'in_use') throw invalid('instrumentId', `仪器“${instrument.name}”已停用或报废`);
      const verification = await instrumentService.verificationOn(instrument.id, body.testedOn);
      if (!coversDate(verification, body.testedOn)) {
        const why = !verification
          ? '没有检定/校准记录'
          : !verification.passed
            ? `最近一次${verification.kind === 'verification' ? '检定' : '校准'}（${verification.performedOn}）结论为不合格`
            : `检定/校准有效期至 ${verification.validUntil}`;
        throw new AppError(422, 'INSTRUMENT_NOT_VERIFIED', `仪器“${instrument.name}”（${instrument.serialNumber}）在检测日期 ${body.testedOn} 未处于有效检定/校准状态：${why}。不得使用未经检定或校准的仪器出具数据`, {
          fields: [{ field: 'instrumentId', message: `仪器在 ${body.testedOn} 未经有效检定/校准` }],
        });
      }
      const outcome = judge({ kind: test.limitKind, min: test.limitMin, max: test.limitMax, text: test.limitText }, body.value);
      if (!outcome.ok) throw invalid('value', outcome.message);

      await db.transaction(async (tx) => {
        const [last] = await tx
          .select({ version: testResults.version })
          .from(testResults)
          .where(eq(testResults.sampleTestId, testId))
          .orderBy(desc(testResults.version))
          .limit(1)
          .for('update');
        const version = (last?.version ?? 0) + 1;
        if (version > 1 && !body.reason?.trim()) throw invalid('reason', '更正已录入的结果须说明原因');
        const [row] = await tx
          .insert(testResults)
          .values({
            sampleTestId: testId,
            version,
            value: body.value.trim(),
            unit: test.unit,
            judgement: outcome.judgement,
            instrumentId: instrument.id,
            testedOn: body.testedOn,
            enteredBy: actor.userId!,
            enteredAt: clock.now(),
            reason: version > 1 ? body.reason!.trim() : null,
          })
          .returning({ id: testResults.id });
        await audit.append(tx, actor, { action: version > 1 ? 'lab.result_corrected' : 'lab.result_entered', entity: testResultEntity, id: row!.id });
      });
      return detail(actor, id);
    },

    /** All results in: the sample goes to review. */
    async submit(actor: Actor, id: string) {
      authorize(actor, 'lab.result.enter');
      const sample = await getRow(actor, id);
      const tests = await testsOf(id);
      if (!tests.some((t) => t.testerId === actor.userId)) throw new AppError(403, 'NOT_ASSIGNED', '您不是该样品的检验员');
      const entered = new Set((await latestResults(id)).map((r) => r.result.sampleTestId));
      const open = tests.filter((t) => !entered.has(t.id));
      if (open.length) throw conflict('RESULTS_MISSING', `还有${open.length}个检测项目没有结果：${open.map((t) => t.parameter).join('、')}`);
      await db.transaction(async (tx) => {
        await transition(tx, sample.id, ['testing'], 'in_review');
        await recordStep(tx, actor, id, 'submitted', 'lab.sample_submitted');
      });
      return detail(actor, id);
    },

    /** Review by someone who entered none of the results. */
    async review(actor: Actor, id: string) {
      authorize(actor, 'lab.sample.review');
      await getRow(actor, id);
      if ((await everyoneWhoEntered(id)).has(actor.userId!)) throw new AppError(403, 'SEPARATION_OF_DUTIES', '审核人不能是该样品的检验员');
      await db.transaction(async (tx) => {
        await transition(tx, id, ['in_review'], 'in_approval');
        await recordStep(tx, actor, id, 'reviewed', 'lab.sample_reviewed');
      });
      return detail(actor, id);
    },

    /** Back to the testers, with the reason, from review or approval. */
    async returnForRework(actor: Actor, id: string, reason: string) {
      if (!actor.roles.includes('reviewer') && !actor.roles.includes('signatory')) authorize(actor, 'lab.sample.review');
      await getRow(actor, id);
      await db.transaction(async (tx) => {
        await transition(tx, id, actor.roles.includes('signatory') ? ['in_review', 'in_approval'] : ['in_review'], 'testing');
        await recordStep(tx, actor, id, 'returned', 'lab.sample_returned', reason);
      });
      return detail(actor, id);
    },

    /**
     * Approval by an authorised signatory: authorised for every qualification domain
     * the sample's tests fall in, and neither a tester nor the reviewer of this sample.
     */
    async approve(actor: Actor, id: string) {
      authorize(actor, 'lab.sample.approve');
      const sample = await getRow(actor, id);
      if ((await everyoneWhoEntered(id)).has(actor.userId!)) throw new AppError(403, 'SEPARATION_OF_DUTIES', '授权签字人不能是该样品的检验员');
      if ((await lastStepBy(id, 'reviewed')) === actor.userId) throw new AppError(403, 'SEPARATION_OF_DUTIES', '授权签字人不能是该样品的审核员');
      const domains = await this.domainsOf(sample);
      const granted = new Set(
        (await db.select({ domain: signatoryAuthorizations.domain }).from(signatoryAuthorizations).where(eq(signatoryAuthorizations.userId, actor.userId!))).map(
          (r) => r.domain,
        ),
      );
      const outside = domains.filter((d) => !granted.has(d));
      if (outside.length) throw new AppError(403, 'SIGNATORY_NOT_AUTHORIZED', `您未被授权签发以下领域的报告：${outside.join('、')}`);
      await db.transaction(async (tx) => {
        await transition(tx, id, ['in_approval'], 'approved');
        await recordStep(tx, actor, id, 'approved', 'lab.sample_approved');
      });
      return detail(actor, id);
    },

    /** The qualification domains of a sample's tests, from the institution's scope. */
    async domainsOf(sample: SampleRow): Promise<string[]> {
      const tests = await testsOf(sample.id);
      const domains = new Set<string>();
      for (const t of tests) {
        const qualified = await catalogue.assertQualified(sample.institutionId, t.standard, t.parameter);
        domains.add(qualified.domain);
      }
      return [...domains].sort();
    },

    /** The printable label: number, QR code of the number, category and date of receipt. */
    async label(actor: Actor, id: string) {
      authorize(actor, 'lab.sample.read');
      const sample = await getRow(actor, id);
      const [view] = await toViews(actor, [sample]);
      const bytes = await renderSampleLabel({
        sampleNo: sample.sampleNo,
        institution: view!.institutionName,
        receivedOn: shanghaiDate(sample.receivedAt),
        category: sample.productCategory,
      });
      return { fileName: `${sample.sampleNo}-label.pdf`, bytes };
    },

    /** Records are kept six years: deletion is refused with the date it becomes possible. */
    async remove(actor: Actor, id: string) {
      authorize(actor, 'lab.sample.read');
      const sample = await getRow(actor, id);
      if (sample.keepUntil <= calendar.today()) {
        throw new AppError(409, 'DISPOSAL_BY_ARCHIVE', `样品 ${sample.sampleNo} 的记录已过保存期，须按档案销毁程序处理，系统内不直接删除`);
      }
      throw new AppError(409, 'RETENTION_PERIOD', `原始记录须保存${RETENTION_YEARS}年，样品 ${sample.sampleNo} 的记录在 ${sample.keepUntil} 之前不得删除`, {
        keepUntil: sample.keepUntil,
      });
    },
  };
}

export type Samples = ReturnType<typeof createSamples>;
