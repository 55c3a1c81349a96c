import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ComplaintEventAction,
  ComplaintDecisionBody,
  ComplaintIntakeBody,
  ComplaintLeadBody,
  ComplaintListQuery,
  ComplaintView,
  MediationBody,
  StaffComplaintBody,
} from '@shijian/contracts';
import { randomCode } from '../../platform/codes.js';
import type { AuditAction } from '../../platform/audit/actions.js';
import type { Db } from '../../db/client.js';
import { scopeFilter, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import type { Cases } from '../enforcement/cases.js';
import { cases } from '../enforcement/tables.js';
import { likeEscape, type Orgs } from '../identity/orgs.js';
import { orgs } from '../identity/tables.js';
import type { Enterprises } from '../registry/enterprises.js';
import { decisionDue, mediationDue, runningClock } from './clocks.js';
import { workingDaysBetween } from '../../platform/calendar/working-days.js';
import { users } from '../identity/tables.js';
import { complaintEntity, complaintEventEntity } from './entities.js';
import { complaintCounters, complaintEvents, complaints } from './tables.js';

type Row = typeof complaints.$inferSelect;
const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

/** Bureaus over the handling bureau see a complaint; the complainant's contact only the handling bureau itself. */
const complaintScope = (actor: Actor) => scopeFilter(actor, { region: complaints.regionCode });

/**
 * Complaints and reports (投诉举报): intake from the portal or by staff, routed to the most local
 * bureau of the target's region; the decision clock (7 / 15 working days), mediation (45
 * working days), the reply, and a case lead opened with one action, the link kept both ways.
 */
export function createComplaints(deps: Deps, services: { orgs: Orgs; enterprises: Enterprises; cases: Cases }) {
  const { db, clock, audit, calendar } = deps;

  const query = () =>
    db
      .select({ c: complaints, handlingOrgName: orgs.name, caseNo: cases.caseNo })
      .from(complaints)
      .innerJoin(orgs, eq(orgs.id, complaints.handlingOrgId))
      .leftJoin(cases, eq(cases.id, complaints.caseId));
  type Joined = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];

  type Events = Map<string, ComplaintView['events']>;

  /** The steps of these complaints, oldest first, with who took them. */
  async function eventsOf(ids: string[]): Promise<Events> {
    const byComplaint: Events = new Map(ids.map((id) => [id, []]));
    if (!ids.length) return byComplaint;
    const rows = await db
      .select({ e: complaintEvents, byName: users.displayName })
      .from(complaintEvents)
      .leftJoin(users, eq(users.id, complaintEvents.byUserId))
      .where(inArray(complaintEvents.complaintId, ids))
      .orderBy(asc(complaintEvents.at), asc(complaintEvents.id));
    for (const { e, byName } of rows) byComplaint.get(e.complaintId)!.push({ action: e.action, note: e.note, at: e.at.toISOString(), byName });
    return byComplaint;
  }

  async function views(actor: Actor | null, rows: Joined[]): Promise<ComplaintView[]> {
    const [events, overrides] = await Promise.all([eventsOf(rows.map((r) => r.c.id)), calendar.overrides()]);
    const today = calendar.today();
    return rows.map((r) => toView(actor, r, events.get(r.c.id) ?? [], r.c.dueOn ? workingDaysBetween(today, r.c.dueOn, overrides) : null));
  }

  /** A step of the complaint's history, audited with the write it belongs to. */
  async function recordEvent(tx: Db, actor: Actor, complaintId: string, action: ComplaintEventAction, note: string) {
    const [e] = await tx
      .insert(complaintEvents)
      .values({ complaintId, action, note, byUserId: actor.userId, at: clock.now() })
      .returning({ id: complaintEvents.id });
    return { action: `complaint.${action}` as AuditAction, entity: complaintEventEntity, id: e!.id };
  }

  const toView = (actor: Actor | null, { c, handlingOrgName, caseNo }: Joined, events: ComplaintView['events'], workingDaysLeft: number | null): ComplaintView => {
    const handling = actor === null || actor.kind === 'system' || actor.orgId === c.handlingOrgId;
    return {
      id: c.id,
      complaintNo: c.complaintNo,
      kind: c.kind,
      channel: c.channel,
      status: c.status,
      complainantName: handling ? c.complainantName : null,
      complainantPhone: handling ? c.complainantPhone : null,
      targetName: c.targetName,
      targetUscc: c.targetUscc,
      targetEnterpriseId: c.targetEnterpriseId,
      targetRegionCode: c.targetRegionCode,
      productCategory: c.productCategory,
      subject: c.subject,
      content: c.content,
      amountYuan: c.amountYuan,
      handlingOrgId: c.handlingOrgId,
      handlingOrgName,
      receivedOn: c.receivedOn,
      clock: c.clock,
      dueOn: c.dueOn,
      overdue: c.dueOn !== null && c.dueOn < calendar.today(),
      decisionNote: c.decisionNote,
      decidedOn: c.decidedOn,
      reply: c.reply,
      repliedAt: c.repliedAt?.toISOString() ?? null,
      caseId: c.caseId,
      caseNo,
      createdAt: c.createdAt.toISOString(),
      workingDaysLeft,
      events,
    };
  };

  async function rowFor(actor: Actor, id: string): Promise<Joined> {
    authorize(actor, 'complaint.read');
    const [row] = await query().where(and(eq(complaints.id, id), complaintScope(actor)));
    if (!row) throw notFound('complaint', id);
    return row;
  }

  /** Only the handling bureau moves a complaint on. */
  async function handled(actor: Actor, id: string): Promise<Row> {
    authorize(actor, 'complaint.handle');
    const { c } = await rowFor(actor, id);
    if (c.handlingOrgId !== actor.orgId && actor.kind !== 'system') throw conflict('NOT_HANDLING', '只有承办的市场监管部门可以处理该投诉举报');
    return c;
  }

  async function nextNumber(tx: Db, orgId: string, year: number): Promise<number> {
    const [row] = await tx
      .insert(complaintCounters)
      .values({ orgId, year, value: 1 })
      .onConflictDoUpdate({ target: [complaintCounters.orgId, complaintCounters.year], set: { value: sql`${complaintCounters.value} + 1` } })
      .returning({ value: complaintCounters.value });
    return row!.value;
  }

  async function receive(actor: Actor, body: ComplaintIntakeBody, channel: Row['channel'], receivedOn: string, accessCodeHash: string | null) {
    const target = body.targetUscc ? await services.enterprises.identify({ uscc: body.targetUscc }) : null;
    const regions = await deps.regions.index();
    // A region given beside a registered enterprise is not used (the register's region is), but a
    // code that does not exist is still the sender's mistake to be told of.
    if (body.targetRegionCode && !regions.has(body.targetRegionCode)) throw invalid('targetRegionCode', '行政区划代码不存在');
    const regionCode = target?.regionCode ?? body.targetRegionCode;
    if (!regionCode) throw invalid('targetRegionCode', '被投诉举报对象未登记，请选择其所在地区');
    if (!regions.has(regionCode)) throw invalid('targetRegionCode', '行政区划代码不存在');
    const bureau = await services.orgs.regulatorFor(regionCode);
    if (!bureau?.regionCode && bureau?.level !== 'national') throw conflict('NO_BUREAU', '找不到被投诉举报对象所在地的市场监管部门');
    const overrides = await calendar.overrides();
    const due = decisionDue(body.kind, receivedOn, overrides);
    const now = clock.now();
    return db.transaction(async (tx) => {
      const seq = await nextNumber(tx, bureau!.id, Number(receivedOn.slice(0, 4)));
      const complaintNo = `TS${bureau!.regionCode ?? '000000'}-${receivedOn.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
      const [row] = await tx
        .insert(complaints)
        .values({
          complaintNo,
          kind: body.kind,
          channel,
          status: 'received',
          complainantName: body.complainantName,
          complainantPhone: body.complainantPhone,
          accessCodeHash,
          targetName: target?.name ?? body.targetName,
          targetUscc: target?.uscc ?? body.targetUscc ?? null,
          targetEnterpriseId: target?.id ?? null,
          targetRegionCode: regionCode,
          productCategory: body.productCategory ?? null,
          subject: body.subject,
          content: body.content,
          amountYuan: body.amountYuan ?? null,
          handlingOrgId: bureau!.id,
          regionCode: bureau!.regionCode ?? '000000',
          receivedOn,
          decisionDueOn: due,
          clock: 'decision',
          dueOn: due,
          decisionNote: '',
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: complaints.id });
      const channelNote = { web: '网上提交', phone: '电话登记', letter: '信件登记', visit: '来访登记' }[channel];
      const event = await recordEvent(tx, actor, row!.id, 'received', `${channelNote}，由 ${bureau!.name} 承办`);
      await audit.append(tx, actor, [{ action: 'complaint.received', entity: complaintEntity, id: row!.id }, event]);
      return { id: row!.id, complaintNo, handlingOrgName: bureau!.name, dueOn: due };
    });
  }

  async function move(actor: Actor, c: Row, set: Partial<Row>, step: Exclude<ComplaintEventAction, 'received' | 'lead_opened'>, note: string) {
    const action = `complaint.${step}` as const;
    const next = { ...c, ...set };
    const running = runningClock(next.status, { decisionDueOn: next.decisionDueOn, mediationDueOn: next.mediationDueOn });
    await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(complaints)
        .set({ ...set, clock: running.clock, dueOn: running.dueOn, updatedAt: clock.now() })
        .where(and(eq(complaints.id, c.id), eq(complaints.status, c.status)))
        .returning({ id: complaints.id });
      if (!updated) throw conflict('STATE_CHANGED', '投诉举报状态已变化，请刷新后重试');
      const event = await recordEvent(tx, actor, c.id, step, note);
      await audit.append(tx, actor, [{ action, entity: complaintEntity, id: c.id }, event]);
    });
  }

  return {
    /** From the portal, without an account: tracked with the number and an access code. */
    async submitPublic(actor: Actor, body: ComplaintIntakeBody) {
      const accessCode = randomCode();
      const created = await receive(actor, body, 'web', calendar.today(), hashCode(accessCode));
      return { complaintNo: created.complaintNo, accessCode, handlingOrgName: created.handlingOrgName, dueOn: created.dueOn };
    },

    async publicStatus(no: string, code: string) {
      const [row] = await query().where(eq(complaints.complaintNo, no.trim().toUpperCase()));
      if (!row || !row.c.accessCodeHash || row.c.accessCodeHash !== hashCode(code.trim().toUpperCase())) throw notFound('complaint', no);
      const [v] = await views(null, [row]);
      return { complaintNo: v!.complaintNo, kind: v!.kind, status: v!.status, handlingOrgName: v!.handlingOrgName, receivedOn: v!.receivedOn, dueOn: v!.dueOn, decisionNote: v!.decisionNote, reply: v!.reply };
    },

    /** By phone, letter or visit, entered by an officer: routed like any other. */
    async intake(actor: Actor, body: z.infer<typeof StaffComplaintBody>): Promise<ComplaintView> {
      authorize(actor, 'complaint.intake');
      const receivedOn = body.receivedOn ?? calendar.today();
      if (receivedOn > calendar.today()) throw invalid('receivedOn', '收到日期不能晚于今天');
      const created = await receive(actor, body, body.channel, receivedOn, null);
      // The officer who took it sees it whatever bureau it went to.
      const [row] = await query().where(eq(complaints.id, created.id));
      return (await views(actor, [row!]))[0]!;
    },

    async get(actor: Actor, id: string): Promise<ComplaintView> {
      return (await views(actor, [await rowFor(actor, id)]))[0]!;
    },

    async list(actor: Actor, q: z.infer<typeof ComplaintListQuery>) {
      authorize(actor, 'complaint.read');
      const conditions: (SQL | undefined)[] = [complaintScope(actor)];
      if (q.kind) conditions.push(eq(complaints.kind, q.kind));
      if (q.status) conditions.push(eq(complaints.status, q.status));
      if (q.overdue === 'true') conditions.push(lt(complaints.dueOn, calendar.today()));
      if (q.enterpriseId) conditions.push(eq(complaints.targetEnterpriseId, q.enterpriseId));
      if (q.from) conditions.push(gte(complaints.receivedOn, q.from));
      if (q.to) conditions.push(lte(complaints.receivedOn, q.to));
      if (q.q) {
        const like = `%${likeEscape(q.q)}%`;
        conditions.push(or(ilike(complaints.complaintNo, like), ilike(complaints.targetName, like), ilike(complaints.subject, like)));
      }
      const where = and(...conditions);
      const order = q.order === 'asc' ? [asc(complaints.receivedOn), asc(complaints.id)] : [desc(complaints.receivedOn), desc(complaints.id)];
      const [rows, [total]] = await Promise.all([
        query()
          .where(where)
          .orderBy(...order)
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(complaints).where(where),
      ]);
      return paged(await views(actor, rows), total?.n, q);
    },

    /** 受理 a complaint: mediation begins, with its 45 working days. */
    async accept(actor: Actor, id: string, body: z.infer<typeof ComplaintDecisionBody>): Promise<ComplaintView> {
      const c = await handled(actor, id);
      if (c.kind !== 'complaint') throw conflict('NOT_A_COMPLAINT', '举报不受理调解：请核查后转案件线索或作出不予立案决定');
      if (c.status !== 'received') throw conflict('ALREADY_DECIDED', '该投诉已作出受理决定');
      const today = calendar.today();
      await move(actor, c, { status: 'accepted', decisionNote: body.note, decidedOn: today, mediationDueOn: mediationDue(today, await calendar.overrides()) }, 'accepted', body.note);
      return this.get(actor, id);
    },

    /** 不予受理 (a complaint) or 不予立案 after checking (a report), with the reason. */
    async reject(actor: Actor, id: string, body: z.infer<typeof ComplaintDecisionBody>): Promise<ComplaintView> {
      const c = await handled(actor, id);
      if (c.status !== 'received') throw conflict('ALREADY_DECIDED', '该投诉举报已作出决定');
      const status = c.kind === 'complaint' ? 'not_accepted' : 'not_filed';
      await move(actor, c, { status, decisionNote: body.note, decidedOn: calendar.today() }, c.kind === 'complaint' ? 'not_accepted' : 'not_filed', body.note);
      return this.get(actor, id);
    },

    /** The end of mediation: agreement, or none (also when its 45 working days have passed). */
    async mediation(actor: Actor, id: string, body: z.infer<typeof MediationBody>): Promise<ComplaintView> {
      const c = await handled(actor, id);
      if (c.status !== 'accepted') throw conflict('NOT_MEDIATING', '只能对已受理的投诉登记调解结果');
      await move(actor, c, { status: body.agreed ? 'mediated' : 'mediation_failed', decisionNote: body.note }, 'mediated', `${body.agreed ? '达成调解协议' : '未达成调解协议，终止调解'}：${body.note}`);
      return this.get(actor, id);
    },

    async reply(actor: Actor, id: string, body: { reply: string }): Promise<ComplaintView> {
      const c = await handled(actor, id);
      if (c.status === 'received') throw conflict('NOT_DECIDED', '请先作出受理或核查决定，再答复投诉举报人');
      if (c.reply) throw conflict('ALREADY_REPLIED', '已答复投诉举报人');
      await move(actor, c, { reply: body.reply, repliedAt: clock.now() }, 'replied', body.reply);
      return this.get(actor, id);
    },

    /** One action: the complaint or report becomes a case lead at the handling bureau, linked both ways. */
    async openLead(actor: Actor, id: string, body: z.infer<typeof ComplaintLeadBody>): Promise<ComplaintView> {
      authorize(actor, 'case.write');
      const c = await handled(actor, id);
      if (c.caseId) throw conflict('LEAD_EXISTS', '该投诉举报已转案件线索');
      if (c.status === 'not_accepted' || c.status === 'not_filed') throw conflict('REJECTED', '已作出不予受理或不予立案决定的投诉举报不能转案件线索');
      const [bureau] = await db.select({ id: orgs.id, regionCode: orgs.regionCode }).from(orgs).where(eq(orgs.id, c.handlingOrgId));
      const today = calendar.today();
      await db.transaction(async (tx) => {
        const caseId = await services.cases.openLead(tx, actor, bureau!, {
          source: 'complaint',
          sourceRef: c.id,
          party: { enterpriseId: c.targetEnterpriseId, name: c.targetName, uscc: c.targetUscc },
          productCategory: c.productCategory,
          violationCategory: body.violationCategory,
          summary: body.summary,
          leadOn: today,
        });
        // A report that becomes a lead is decided; a complaint keeps its mediation going.
        const set: Partial<Row> = c.kind === 'report' && c.status === 'received' ? { caseId, status: 'lead_opened', decidedOn: today, decisionNote: '核查后转为案件线索' } : { caseId };
        const next = { ...c, ...set };
        const running = runningClock(next.status, { decisionDueOn: next.decisionDueOn, mediationDueOn: next.mediationDueOn });
        await tx
          .update(complaints)
          .set({ ...set, clock: running.clock, dueOn: running.dueOn, updatedAt: clock.now() })
          .where(eq(complaints.id, c.id));
        const [opened] = await tx.select({ caseNo: cases.caseNo }).from(cases).where(eq(cases.id, caseId));
        const event = await recordEvent(tx, actor, c.id, 'lead_opened', `立案线索 ${opened?.caseNo ?? ''}：${body.summary}`);
        await audit.append(tx, actor, [{ action: 'complaint.lead_opened', entity: complaintEntity, id: c.id }, event]);
      });
      return this.get(actor, id);
    },
  };
}

export type Complaints = ReturnType<typeof createComplaints>;
