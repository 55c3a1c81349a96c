import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, isNotNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  FINAL_CASE_STAGES,
  LIST_COUNT_CAP,
  type CaseClock,
  type CaseDetailView,
  type CaseExtensionBody,
  type CaseFiguresBody,
  type CaseLeadBody,
  type CaseListQuery,
  type CaseSource,
  type CaseStage,
  type CaseTransitionBody,
  type CaseView,
  type DeadlineDashboard,
  type DeadlineQuery,
  type ViolationCategory,
} from '@shijian/contracts';
import type { Db } from '../../db/client.js';
import { scopeFilter, type Actor } from '../../platform/actor.js';
import type { AuditAction } from '../../platform/audit/actions.js';
import { addDays, daysBetween } from '../../platform/calendar/working-days.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import type { Orgs } from '../identity/orgs.js';
import { orgs, users } from '../identity/tables.js';
import type { Campaigns } from '../campaigns/service.js';
import type { Categories } from '../registry/categories.js';
import type { Enterprises } from '../registry/enterprises.js';
import { decisionDue, filingDue, NEXT_STAGES, runningClock } from './clocks.js';
import { caseDocumentEntity, caseEntity, caseEventEntity } from './entities.js';
import { caseCounters, caseDocuments, caseEvents, cases, dishonestyListings } from './tables.js';

type CaseRow = typeof cases.$inferSelect;

/** What a lead needs when another module opens it (a nonconforming batch, a complaint …). */
export type LeadInput = {
  source: CaseSource;
  sourceRef?: string | null;
  campaignId?: string | null;
  party: { enterpriseId: string | null; name: string; uscc: string | null };
  productCategory?: string | null;
  violationCategory: ViolationCategory;
  summary: string;
  leadOn: string;
};

/** Cases are scoped by the handling bureau's region: a county sees its own, a province its subtree. */
export const caseScope = (actor: Actor) => scopeFilter(actor, { region: cases.regionCode });

const SORT = { leadOn: cases.leadOn, dueOn: cases.dueOn, caseNo: cases.caseNo } as const;

async function nextCaseNumber(tx: Db, orgId: string, year: number): Promise<number> {
  const [row] = await tx
    .insert(caseCounters)
    .values({ orgId, year, value: 1 })
    .onConflictDoUpdate({ target: [caseCounters.orgId, caseCounters.year], set: { value: sql`${caseCounters.value} + 1` } })
    .returning({ value: caseCounters.value });
  return row!.value;
}

export function createCases(deps: Deps, enterprises: Enterprises, orgService: Orgs, categories: Categories, campaignService: Campaigns) {
  const { db, clock, audit, calendar } = deps;

  function toView(row: CaseRow, orgName: string, today: string): CaseView {
    return {
      id: row.id,
      caseNo: row.caseNo,
      orgId: row.orgId,
      orgName,
      regionCode: row.regionCode,
      source: row.source,
      sourceRef: row.sourceRef,
      campaignId: row.campaignId,
      partyEnterpriseId: row.partyEnterpriseId,
      partyName: row.partyName,
      partyUscc: row.partyUscc,
      productCategory: row.productCategory,
      violationCategory: row.violationCategory,
      summary: row.summary,
      stage: row.stage,
      leadOn: row.leadOn,
      filingDueOn: row.filingDueOn,
      filedOn: row.filedOn,
      decisionDueOn: row.decisionDueOn,
      decidedOn: row.decidedOn,
      decisionNo: row.decisionNo,
      decision: row.decision,
      fineYuan: row.fineYuan,
      confiscationYuan: row.confiscationYuan,
      unitsInvestigated: row.unitsInvestigated,
      staffDispatched: row.staffDispatched,
      executedOn: row.executedOn,
      closedOn: row.closedOn,
      notFiledReason: row.notFiledReason,
      transferKind: row.transferKind,
      transferredTo: row.transferredTo,
      transferredOn: row.transferredOn,
      clock: row.clock,
      dueOn: row.dueOn,
      daysLeft: row.dueOn ? daysBetween(today, row.dueOn) : null,
      createdAt: row.createdAt.toISOString(),
    };
  }

  const selection = { row: cases, orgName: orgs.name };

  async function getRow(actor: Actor, id: string) {
    const [found] = await db
      .select(selection)
      .from(cases)
      .innerJoin(orgs, eq(orgs.id, cases.orgId))
      .where(and(eq(cases.id, id), caseScope(actor)));
    if (!found) throw notFound('case', id);
    return found;
  }

  async function appendEvent(
    tx: Db,
    actor: Actor,
    caseId: string,
    event: Omit<typeof caseEvents.$inferInsert, 'caseId' | 'byUser' | 'at' | 'id'>,
    action: AuditAction,
  ) {
    const [created] = await tx
      .insert(caseEvents)
      .values({ ...event, caseId, byUser: actor.userId, at: clock.now() })
      .returning({ id: caseEvents.id });
    await audit.append(tx, actor, [
      { action, entity: caseEntity, id: caseId },
      { action, entity: caseEventEntity, id: created!.id },
    ]);
  }

  /**
   * Opens a lead in a transaction the caller holds, for the handling bureau given.
   * Used by this module's route and by modules that raise leads automatically.
   */
  async function openLead(tx: Db, actor: Actor, handling: { id: string; regionCode: string | null }, input: LeadInput): Promise<string> {
    if (!handling.regionCode) throw invalid('orgId', '办案单位没有行政区划');
    const overrides = await calendar.overrides(tx);
    const year = Number(input.leadOn.slice(0, 4));
    const seq = await nextCaseNumber(tx, handling.id, year);
    const filingDueOn = filingDue(input.leadOn, 0, overrides);
    const now = clock.now();
    const [created] = await tx
      .insert(cases)
      .values({
        caseNo: `AJ${handling.regionCode}-${year}-${String(seq).padStart(5, '0')}`,
        orgId: handling.id,
        regionCode: handling.regionCode,
        source: input.source,
        sourceRef: input.sourceRef ?? null,
        campaignId: input.campaignId ?? null,
        partyEnterpriseId: input.party.enterpriseId,
        partyName: input.party.name,
        partyUscc: input.party.uscc,
        productCategory: input.productCategory ?? null,
        violationCategory: input.violationCategory,
        summary: input.summary,
        stage: 'lead',
        leadOn: input.leadOn,
        filingDueOn,
        filingExtendedDays: 0,
        decisionExtendedDays: 0,
        fineYuan: '0',
        confiscationYuan: '0',
        unitsInvestigated: 0,
        staffDispatched: 0,
        clock: 'filing',
        dueOn: filingDueOn,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: cases.id });
    await appendEvent(tx, actor, created!.id, { kind: 'created', toStage: 'lead', note: input.summary }, 'case.lead_registered');
    return created!.id;
  }

  async function detail(actor: Actor, id: string): Promise<CaseDetailView> {
    authorize(actor, 'case.read');
    const { row, orgName } = await getRow(actor, id);
    const [events, documents, [listing]] = await Promise.all([
      db
        .select({ event: caseEvents, byName: users.displayName })
        .from(caseEvents)
        .leftJoin(users, eq(users.id, caseEvents.byUser))
        .where(eq(caseEvents.caseId, id))
        .orderBy(asc(caseEvents.at), asc(caseEvents.id)),
      db
        .select({
          id: caseDocuments.id,
          title: caseDocuments.title,
          documentNo: caseDocuments.documentNo,
          fileName: caseDocuments.fileName,
          mimeType: caseDocuments.mimeType,
          size: sql<number>`octet_length(${caseDocuments.bytes})`.mapWith(Number),
          sha256: caseDocuments.sha256,
          uploadedAt: caseDocuments.uploadedAt,
        })
        .from(caseDocuments)
        .where(eq(caseDocuments.caseId, id))
        .orderBy(asc(caseDocuments.uploadedAt)),
      db.select({ id: dishonestyListings.id }).from(dishonestyListings).where(eq(dishonestyListings.caseId, id)),
    ]);
    return {
      ...toView(row, orgName, calendar.today()),
      events: events.map(({ event: e, byName }) => ({
        id: e.id,
        kind: e.kind,
        fromStage: e.fromStage,
        toStage: e.toStage,
        clock: e.clock,
        extensionDays: e.extensionDays,
        approvedBy: e.approvedBy,
        note: e.note,
        byName,
        at: e.at.toISOString(),
      })),
      documents: documents.map((d) => ({ ...d, uploadedAt: d.uploadedAt.toISOString() })),
      next: NEXT_STAGES[row.stage],
      listingId: listing?.id ?? null,
    };
  }

  function listWhere(actor: Actor, q: z.infer<typeof CaseListQuery>): SQL {
    const conditions: (SQL | undefined)[] = [caseScope(actor)];
    if (q.stage) conditions.push(eq(cases.stage, q.stage));
    if (q.source) conditions.push(eq(cases.source, q.source));
    if (q.violationCategory) conditions.push(eq(cases.violationCategory, q.violationCategory));
    if (q.campaignId) conditions.push(eq(cases.campaignId, q.campaignId));
    if (q.partyEnterpriseId) conditions.push(eq(cases.partyEnterpriseId, q.partyEnterpriseId));
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      conditions.push(or(ilike(cases.partyName, like), ilike(cases.caseNo, like), eq(cases.partyUscc, q.q.toUpperCase())));
    }
    return and(...conditions)!;
  }

  /** Checks a date given for a step: not in the future, not before the step it follows. */
  function checkDate(on: string, notBefore: string | null, what: string) {
    if (on > calendar.today()) throw invalid('on', `${what}日期不能晚于今天`);
    if (notBefore && on < notBefore) throw invalid('on', `${what}日期不能早于 ${notBefore}`);
  }

  return {
    openLead,
    detail,

    async register(actor: Actor, body: z.infer<typeof CaseLeadBody>): Promise<CaseDetailView> {
      authorize(actor, 'case.write');
      const handling = actor.orgId ? await orgService.getById(actor.orgId) : null;
      if (!handling || handling.kind !== 'regulator') throw new AppError(403, 'FORBIDDEN', '只有监管部门可以登记案件线索');
      if (body.productCategory && !(await categories.activeCodes()).has(body.productCategory)) {
        throw invalid('productCategory', `产品类别 ${body.productCategory} 不存在或已停用`);
      }
      if (body.campaignId) await visibleCampaign(campaignService, actor, body.campaignId);
      const leadOn = body.leadOn ?? calendar.today();
      if (leadOn > calendar.today()) throw invalid('leadOn', '线索日期不能晚于今天');
      let party: LeadInput['party'] = { enterpriseId: null, name: body.partyName ?? '', uscc: null };
      if (body.partyUscc) {
        const found = await enterprises.identify({ uscc: body.partyUscc });
        party = found ? { enterpriseId: found.id, name: found.name, uscc: found.uscc } : { enterpriseId: null, name: body.partyName ?? '', uscc: body.partyUscc };
        if (!party.name) throw invalid('partyName', `统一社会信用代码 ${body.partyUscc} 的企业未登记，请填写当事人名称`);
      }
      const id = await db.transaction((tx) =>
        openLead(tx, actor, handling, {
          source: body.source,
          sourceRef: body.sourceRef,
          campaignId: body.campaignId,
          party,
          productCategory: body.productCategory,
          violationCategory: body.violationCategory,
          summary: body.summary,
          leadOn,
        }),
      );
      return detail(actor, id);
    },

    async list(actor: Actor, q: z.infer<typeof CaseListQuery>) {
      authorize(actor, 'case.read');
      const where = listWhere(actor, q);
      const column = SORT[q.sort];
      // `nulls last` only where a column can be null: on a not-null column it would stop
      // an ascending index from serving the descending order.
      const nullsLast = q.sort === 'dueOn' ? sql` nulls last` : sql``;
      const order = q.order === 'desc' ? sql`${column} desc${nullsLast}` : sql`${column} asc${nullsLast}`;
      const capped = db.select({ one: sql`1` }).from(cases).where(where).limit(LIST_COUNT_CAP + 1).as('capped');
      const [rows, [total]] = await Promise.all([
        db
          .select(selection)
          .from(cases)
          .innerJoin(orgs, eq(orgs.id, cases.orgId))
          .where(where)
          .orderBy(order, q.order === 'desc' ? desc(cases.id) : asc(cases.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(capped),
      ]);
      const today = calendar.today();
      const n = Number(total?.n ?? 0);
      return { ...paged(rows.map((r) => toView(r.row, r.orgName, today)), Math.min(n, LIST_COUNT_CAP), q), totalCapped: n > LIST_COUNT_CAP };
    },

    /** Cases whose running clock is past or within `withinDays` of its limit, soonest first. */
    async deadlines(actor: Actor, q: z.infer<typeof DeadlineQuery>): Promise<DeadlineDashboard> {
      authorize(actor, 'case.read');
      const today = calendar.today();
      const horizon = addDays(today, q.withinDays);
      const due = and(caseScope(actor), isNotNull(cases.dueOn), lte(cases.dueOn, horizon), q.clock ? eq(cases.clock, q.clock) : undefined)!;
      const [counts, rows] = await Promise.all([
        db
          .select({
            clock: cases.clock,
            overdue: sql<number>`count(*) filter (where ${cases.dueOn} < ${today})`.mapWith(Number),
            dueSoon: sql<number>`count(*) filter (where ${cases.dueOn} >= ${today})`.mapWith(Number),
          })
          .from(cases)
          .where(due)
          .groupBy(cases.clock),
        db
          .select(selection)
          .from(cases)
          .innerJoin(orgs, eq(orgs.id, cases.orgId))
          .where(due)
          .orderBy(asc(cases.dueOn), asc(cases.id))
          .limit(q.limit),
      ]);
      const clocks: CaseClock[] = q.clock ? [q.clock] : ['filing', 'decision'];
      return {
        today,
        counts: clocks.map((c) => {
          const found = counts.find((x) => x.clock === c);
          return { clock: c, overdue: found?.overdue ?? 0, dueSoon: found?.dueSoon ?? 0 };
        }),
        items: rows.map((r) => toView(r.row, r.orgName, today)),
      };
    },

    async transition(actor: Actor, id: string, body: CaseTransitionBody): Promise<CaseDetailView> {
      authorize(actor, 'case.write');
      const { row } = await getRow(actor, id);
      if (!NEXT_STAGES[row.stage].includes(body.to)) {
        const allowed = NEXT_STAGES[row.stage];
        throw conflict(
          'CASE_STAGE',
          FINAL_CASE_STAGES.includes(row.stage) ? `案件已${stageWord(row.stage)}，不能再变更` : `案件当前为「${stageWord(row.stage)}」，下一步只能是：${allowed.map(stageWord).join('、')}`,
        );
      }
      const overrides = await calendar.overrides();
      const set: Partial<typeof cases.$inferInsert> = { stage: body.to, updatedAt: clock.now() };
      let note = '';
      switch (body.to) {
        case 'filed':
          checkDate(body.on, row.leadOn, '立案');
          set.filedOn = body.on;
          set.decisionDueOn = decisionDue(body.on, row.decisionExtendedDays, overrides);
          note = body.note;
          break;
        case 'not_filed':
          checkDate(body.on, row.leadOn, '不予立案');
          set.notFiledReason = body.reason;
          set.closedOn = body.on;
          note = body.reason;
          break;
        case 'investigating':
          checkDate(body.on, row.filedOn, '调查');
          note = body.note;
          break;
        case 'decided':
          checkDate(body.on, row.filedOn, '决定');
          Object.assign(set, { decidedOn: body.on, decisionNo: body.decisionNo, decision: body.decision, fineYuan: body.fineYuan, confiscationYuan: body.confiscationYuan });
          note = `${body.decisionNo}：${body.decision}`;
          break;
        case 'executed':
          checkDate(body.on, row.decidedOn, '执行');
          set.executedOn = body.on;
          note = body.note;
          break;
        case 'closed':
          checkDate(body.on, row.executedOn ?? row.decidedOn, '结案');
          set.closedOn = body.on;
          note = body.note;
          break;
        case 'transferred':
          checkDate(body.on, row.leadOn, '移送');
          Object.assign(set, { transferKind: body.kind, transferredTo: body.receivingUnit, transferredOn: body.on });
          note = `${body.receivingUnit}${body.note ? `：${body.note}` : ''}`;
          break;
      }
      const limits = { filingDueOn: row.filingDueOn, decisionDueOn: set.decisionDueOn ?? row.decisionDueOn };
      Object.assign(set, runningClock(body.to, limits));
      await db.transaction(async (tx) => {
        await tx.update(cases).set(set).where(eq(cases.id, id));
        await appendEvent(tx, actor, id, { kind: 'stage', fromStage: row.stage, toStage: body.to, note }, 'case.stage_changed');
      });
      return detail(actor, id);
    },

    /** An approved extension of the running clock: recorded with approver and reason, never silent. */
    async extend(actor: Actor, id: string, body: z.infer<typeof CaseExtensionBody>): Promise<CaseDetailView> {
      authorize(actor, 'case.extend');
      const { row } = await getRow(actor, id);
      if (row.clock !== body.clock) {
        throw conflict('CLOCK_NOT_RUNNING', body.clock === 'filing' ? '案件已不在立案审查阶段，不能延长立案期限' : '案件不在办理阶段，不能延长作出决定的期限');
      }
      // An extension is approved before the limit: once it has passed, the case is overdue and stays on the board.
      if (row.dueOn && row.dueOn < calendar.today()) {
        throw conflict('CLOCK_EXPIRED', `${body.clock === 'filing' ? '立案' : '作出决定的'}期限已于 ${row.dueOn} 届满，届满后不能再延长`);
      }
      const overrides = await calendar.overrides();
      const set: Partial<typeof cases.$inferInsert> = { updatedAt: clock.now() };
      if (body.clock === 'filing') {
        if (row.filingExtendedDays + body.days > 15) throw invalid('days', `立案期限最多延长15个工作日（已延长 ${row.filingExtendedDays} 个工作日）`);
        set.filingExtendedDays = row.filingExtendedDays + body.days;
        set.filingDueOn = filingDue(row.leadOn, set.filingExtendedDays, overrides);
        set.dueOn = set.filingDueOn;
      } else {
        set.decisionExtendedDays = row.decisionExtendedDays + body.days;
        set.decisionDueOn = decisionDue(row.filedOn!, set.decisionExtendedDays, overrides);
        set.dueOn = set.decisionDueOn;
      }
      await db.transaction(async (tx) => {
        await tx.update(cases).set(set).where(eq(cases.id, id));
        await appendEvent(
          tx,
          actor,
          id,
          { kind: 'extension', clock: body.clock, extensionDays: body.days, approvedBy: actor.displayName, note: `${body.reason}（新期限 ${set.dueOn}）` },
          'case.extended',
        );
      });
      return detail(actor, id);
    },

    /** Units investigated, staff dispatched and amounts: the figures the statistics count. */
    async figures(actor: Actor, id: string, body: z.infer<typeof CaseFiguresBody>): Promise<CaseDetailView> {
      authorize(actor, 'case.write');
      const { row } = await getRow(actor, id);
      if (FINAL_CASE_STAGES.includes(row.stage) && row.stage !== 'closed') throw conflict('CASE_STAGE', `案件已${stageWord(row.stage)}，不能再修改`);
      const set: Partial<typeof cases.$inferInsert> = { updatedAt: clock.now() };
      if (body.unitsInvestigated !== undefined) set.unitsInvestigated = body.unitsInvestigated;
      if (body.staffDispatched !== undefined) set.staffDispatched = body.staffDispatched;
      if (body.fineYuan !== undefined || body.confiscationYuan !== undefined) {
        if (!row.decidedOn) throw invalid('fineYuan', '作出处理决定后才能登记罚没款');
        if (body.fineYuan !== undefined) set.fineYuan = body.fineYuan;
        if (body.confiscationYuan !== undefined) set.confiscationYuan = body.confiscationYuan;
      }
      await db.transaction(async (tx) => {
        await tx.update(cases).set(set).where(eq(cases.id, id));
        await appendEvent(tx, actor, id, { kind: 'amounts', note: body.note }, 'case.amounts_recorded');
      });
      return detail(actor, id);
    },

    async addDocument(actor: Actor, id: string, meta: { title: string; documentNo?: string; fileName: string }, mimeType: string, bytes: Buffer) {
      authorize(actor, 'case.write');
      await getRow(actor, id);
      if (!bytes.length) throw invalid('file', '文件为空');
      await db.transaction(async (tx) => {
        const [doc] = await tx
          .insert(caseDocuments)
          .values({
            caseId: id,
            title: meta.title,
            documentNo: meta.documentNo ?? null,
            fileName: meta.fileName,
            mimeType,
            bytes,
            sha256: createHash('sha256').update(bytes).digest('hex'),
            uploadedBy: actor.userId,
            uploadedAt: clock.now(),
          })
          .returning({ id: caseDocuments.id });
        await audit.append(tx, actor, { action: 'case.document_added', entity: caseDocumentEntity, id: doc!.id });
      });
      return detail(actor, id);
    },

    async document(actor: Actor, id: string, documentId: string) {
      authorize(actor, 'case.read');
      await getRow(actor, id);
      const [doc] = await db
        .select()
        .from(caseDocuments)
        .where(and(eq(caseDocuments.id, documentId), eq(caseDocuments.caseId, id)));
      if (!doc) throw notFound('case_document', documentId);
      return doc;
    },
  };
}

/** A campaign named in a request must exist and be one the caller sees. */
export async function visibleCampaign(campaigns: Campaigns, actor: Actor, id: string) {
  return campaigns.getVisible(actor, id).catch(() => {
    throw invalid('campaignId', '专项整治行动不存在或不在管辖范围内');
  });
}

const STAGE_WORDS: Record<CaseStage, string> = {
  lead: '线索',
  filed: '立案',
  investigating: '调查',
  decided: '作出决定',
  executed: '执行',
  closed: '结案',
  not_filed: '不予立案',
  transferred: '移送',
};
const stageWord = (s: CaseStage) => STAGE_WORDS[s];

export type Cases = ReturnType<typeof createCases>;
