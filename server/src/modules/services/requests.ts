import { createHash } from 'node:crypto';
import { and, asc, count, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import {
  GREEN_CHANNEL_HOURS,
  type PublicServiceRequestBody,
  type ReferBody,
  type ReferralOption,
  type ServiceRequestBody,
  type ServiceRequestListQuery,
  type ServiceRequestView,
} from '@shijian/contracts';
import { rawRows, type Db } from '../../db/client.js';
import { randomCode } from '../../platform/codes.js';
import { systemActor, withinRegion, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { likeEscape, type Orgs } from '../identity/orgs.js';
import { orgs, users } from '../identity/tables.js';
import type { Notice, Notifications } from '../notifications/service.js';
import { enterpriseCategories, enterprises, institutions, productCategories } from '../registry/tables.js';
import { institutionOfActor } from './catalogue.js';
import { serviceReferralEntity, serviceRequestEntity, serviceRequestLineEntity } from './entities.js';
import type { FeeRules } from './fee-rules.js';
import { fromFen, lineFee, toFen } from './fees.js';
import { isOverdue, respondBy } from './green-channel.js';
import { serviceCounters, serviceItems, serviceReferrals, serviceRequestLines, serviceRequests } from './tables.js';

type RequestRow = typeof serviceRequests.$inferSelect;
type ItemRow = typeof serviceItems.$inferSelect;
type Institution = { id: string; orgId: string; name: string; regionCode: string };
type Requester = {
  orgId: string | null;
  kind: 'enterprise' | 'regulator' | 'institution' | 'public';
  name: string;
  /** The enterprise's size and product kinds decide fee reductions. */
  smallMicro: boolean;
  epidemicProducer: boolean;
};

const OPEN = ['submitted', 'accepted'] as const;
const hashCode = (code: string) => createHash('sha256').update(code).digest('hex');

/** 0 same county, 1 same city, 2 same province, 3 elsewhere: "nearest region first". */
export function regionDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.slice(0, 4) === b.slice(0, 4)) return 1;
  if (a.slice(0, 2) === b.slice(0, 2)) return 2;
  return 3;
}

/** Whether `candidate` (another institution's item) can do the work of `item`: same kind, and the same name or a shared standard. */
export function itemCovers(candidate: Pick<ItemRow, 'kind' | 'name' | 'standards'>, item: Pick<ItemRow, 'kind' | 'name' | 'standards'>): boolean {
  if (candidate.kind !== item.kind) return false;
  return candidate.name === item.name || candidate.standards.some((s) => item.standards.includes(s));
}

/**
 * Requests to the service window (服务申请). Epidemic work goes through the green channel: a
 * response within 24 hours, recorded with its first responder (首问负责人), and no refusal —
 * the institution accepts, refers to an institution whose catalogue covers the items (the
 * chain is kept and shown to the requester), or escalates to its supervising bureau.
 */
export function createServiceRequests(deps: Deps, services: { orgs: Orgs; notifications: Notifications; feeRules: FeeRules }) {
  const { db, clock, audit, calendar } = deps;

  /** Who sees a request: the requester, the handling institution, and the bureaus over the institution. */
  function requestScope(actor: Actor): SQL {
    const { scope } = actor;
    if (scope.kind === 'all') return sql`true`;
    const own = actor.orgId ? eq(serviceRequests.requesterOrgId, actor.orgId) : undefined;
    if (scope.kind === 'region') return or(withinRegion(serviceRequests.regionCode, scope.prefix), own)!;
    if (scope.kind === 'org') return or(eq(serviceRequests.institutionOrgId, scope.orgId), eq(serviceRequests.requesterOrgId, scope.orgId))!;
    return sql`false`;
  }

  async function nextNumber(tx: Db, institutionId: string, year: number): Promise<number> {
    const [row] = await tx
      .insert(serviceCounters)
      .values({ institutionId, year, value: 1 })
      .onConflictDoUpdate({ target: [serviceCounters.institutionId, serviceCounters.year], set: { value: sql`${serviceCounters.value} + 1` } })
      .returning({ value: serviceCounters.value });
    return row!.value;
  }

  async function institutionById(id: string, executor: Db = db): Promise<Institution> {
    const [inst] = await executor
      .select({ id: institutions.id, orgId: institutions.orgId, name: institutions.name, regionCode: institutions.regionCode })
      .from(institutions)
      .where(eq(institutions.id, id));
    if (!inst) throw invalid('institutionId', '机构不存在');
    return inst;
  }

  async function requesterOf(actor: Actor): Promise<Requester> {
    const base = { orgId: actor.orgId, name: actor.orgName ?? '', smallMicro: false, epidemicProducer: false };
    if (actor.orgKind === 'regulator') return { ...base, kind: 'regulator' };
    if (actor.orgKind === 'institution') return { ...base, kind: 'institution' };
    const [enterprise] = await db
      .select({ id: enterprises.id, name: enterprises.name, size: enterprises.size })
      .from(enterprises)
      .where(eq(enterprises.orgId, actor.orgId!));
    if (!enterprise) return { ...base, kind: 'enterprise' };
    const [producer] = await db
      .select({ n: count() })
      .from(enterpriseCategories)
      .innerJoin(productCategories, eq(productCategories.code, enterpriseCategories.categoryCode))
      .where(and(eq(enterpriseCategories.enterpriseId, enterprise.id), eq(productCategories.group, 'epidemic')));
    return { ...base, kind: 'enterprise', name: enterprise.name, smallMicro: enterprise.size === 'micro' || enterprise.size === 'small', epidemicProducer: Number(producer?.n ?? 0) > 0 };
  }

  /** Writes a request with its lines and fees in `tx`; returns its id. */
  async function insertRequest(
    tx: Db,
    actor: Actor,
    input: {
      institution: Institution;
      requester: Requester;
      lines: { item: ItemRow; quantity: number }[];
      epidemicRelated: boolean;
      description: string;
      contactName: string;
      contactPhone: string;
      accessCodeHash: string | null;
      referredFromId: string | null;
    },
  ): Promise<{ id: string; requestNo: string }> {
    const now = clock.now();
    const today = calendar.today();
    const green = input.epidemicRelated;
    // Fees first: the number below takes the institution's counter lock, held until commit.
    const rules = await services.feeRules.inForce(tx, today);
    const fees = input.lines.map(({ item, quantity }) =>
      lineFee(
        item.feeYuan,
        quantity,
        {
          epidemic: input.epidemicRelated,
          compulsoryVerification: item.compulsory,
          regulatorCommission: input.requester.kind === 'regulator',
          epidemicProducer: input.requester.epidemicProducer,
          smallMicro: input.requester.smallMicro,
        },
        rules,
        today,
        input.institution.regionCode,
      ),
    );
    const seq = await nextNumber(tx, input.institution.id, Number(today.slice(0, 4)));
    const requestNo = `FW${input.institution.regionCode}-${today.slice(0, 4)}-${String(seq).padStart(5, '0')}`;
    const [row] = await tx
      .insert(serviceRequests)
      .values({
        requestNo,
        institutionId: input.institution.id,
        institutionOrgId: input.institution.orgId,
        regionCode: input.institution.regionCode,
        requesterOrgId: input.requester.orgId,
        requesterKind: input.requester.kind,
        requesterName: input.requester.name,
        contactName: input.contactName,
        contactPhone: input.contactPhone,
        accessCodeHash: input.accessCodeHash,
        description: input.description,
        epidemicRelated: input.epidemicRelated,
        green,
        status: 'submitted',
        statusNote: '',
        submittedAt: now,
        respondBy: green ? respondBy(now) : null,
        referredFromId: input.referredFromId,
        createdBy: actor.userId,
        updatedAt: now,
      })
      .returning({ id: serviceRequests.id });
    const lineRows = await tx
      .insert(serviceRequestLines)
      .values(
        input.lines.map(({ item, quantity }, i) => ({
          requestId: row!.id,
          itemId: item.id,
          quantity,
          unitFeeYuan: item.feeYuan,
          grossYuan: fromFen(fees[i]!.grossFen),
          waivedYuan: fromFen(fees[i]!.waivedFen),
          feeRuleId: fees[i]!.rule?.id ?? null,
        })),
      )
      .returning({ id: serviceRequestLines.id });
    await audit.append(tx, actor, [
      { action: 'service.request_submitted', entity: serviceRequestEntity, id: row!.id },
      ...lineRows.map((l) => ({ action: 'service.request_submitted' as const, entity: serviceRequestLineEntity, id: l.id })),
    ]);
    await services.notifications.send(tx, [
      {
        orgId: input.institution.orgId,
        kind: green ? 'service_green' : 'service_request',
        title: green ? `绿色通道申请 ${requestNo}，请于${GREEN_CHANNEL_HOURS}小时内响应` : `新的服务申请 ${requestNo}`,
        body: `${input.requester.name}申请：${input.lines.map((l) => l.item.name).join('、')}。`,
        link: `/services/requests/${row!.id}`,
        dedupeKey: `service-request:${row!.id}`,
      },
    ]);
    return { id: row!.id, requestNo };
  }

  async function itemsFor(institutionId: string, lines: { itemId: string; quantity: number }[]) {
    const ids = [...new Set(lines.map((l) => l.itemId))];
    if (ids.length !== lines.length) throw invalid('lines', '同一服务项目请只列一次');
    const rows = await db.select().from(serviceItems).where(inArray(serviceItems.id, ids));
    return lines.map((l, i) => {
      const item = rows.find((r) => r.id === l.itemId);
      if (!item || !item.active || item.institutionId !== institutionId) throw invalid(`lines.${i}.itemId`, '服务项目不存在、已下架或不属于所选机构');
      return { item, quantity: l.quantity };
    });
  }

  async function submitWith(actor: Actor, body: ServiceRequestBody, requester: Requester, accessCodeHash: string | null) {
    const institution = await institutionById(body.institutionId);
    const lines = await itemsFor(institution.id, body.lines);
    const epidemicRelated = body.epidemicRelated || lines.some((l) => l.item.epidemic);
    return db.transaction((tx) =>
      insertRequest(tx, actor, {
        institution,
        requester,
        lines,
        epidemicRelated,
        description: body.description,
        contactName: body.contactName,
        contactPhone: body.contactPhone,
        accessCodeHash,
        referredFromId: null,
      }),
    );
  }

  async function rowFor(actor: Actor, id: string): Promise<RequestRow> {
    const [row] = await db.select().from(serviceRequests).where(and(eq(serviceRequests.id, id), requestScope(actor)));
    if (!row) throw notFound('service_request', id);
    return row;
  }

  /** The request as `actor` sees it; contact details only for the requester and the handling institution. */
  async function view(row: RequestRow, actor: Actor | null): Promise<ServiceRequestView> {
    const [lines, [inst], [responder], chain] = await Promise.all([
      db
        .select({ l: serviceRequestLines, itemName: serviceItems.name, kind: serviceItems.kind, ruleName: sql<string | null>`(select name from fee_rules where id = ${serviceRequestLines.feeRuleId})` })
        .from(serviceRequestLines)
        .innerJoin(serviceItems, eq(serviceItems.id, serviceRequestLines.itemId))
        .where(eq(serviceRequestLines.requestId, row.id))
        .orderBy(asc(serviceItems.name), asc(serviceRequestLines.id)),
      db.select({ name: institutions.name }).from(institutions).where(eq(institutions.id, row.institutionId)),
      row.firstResponderId ? db.select({ name: users.displayName }).from(users).where(eq(users.id, row.firstResponderId)) : Promise.resolve([]),
      chainOf(row.id),
    ]);
    const [escalatedTo] = row.escalatedToOrgId ? await db.select({ name: orgs.name }).from(orgs).where(eq(orgs.id, row.escalatedToOrgId)) : [];
    const seesContact = !actor || (actor.orgId !== null && (actor.orgId === row.requesterOrgId || actor.orgId === row.institutionOrgId));
    const gross = lines.reduce((s, l) => s + toFen(l.l.grossYuan), 0n);
    const waived = lines.reduce((s, l) => s + toFen(l.l.waivedYuan), 0n);
    return {
      id: row.id,
      requestNo: row.requestNo,
      status: row.status,
      green: row.green,
      epidemicRelated: row.epidemicRelated,
      institutionId: row.institutionId,
      institutionName: inst?.name ?? '',
      regionCode: row.regionCode,
      requesterOrgId: row.requesterOrgId,
      requesterName: row.requesterName,
      requesterKind: row.requesterKind,
      contactName: seesContact ? row.contactName : null,
      contactPhone: seesContact ? row.contactPhone : null,
      description: row.description,
      submittedAt: row.submittedAt.toISOString(),
      respondBy: row.respondBy?.toISOString() ?? null,
      respondedAt: row.respondedAt?.toISOString() ?? null,
      overdue: isOverdue(row, clock.now()),
      firstResponderName: responder?.name ?? null,
      statusNote: row.statusNote,
      escalatedToOrgName: escalatedTo?.name ?? null,
      grossYuan: fromFen(gross),
      waivedYuan: fromFen(waived),
      payableYuan: fromFen(gross - waived),
      lines: lines.map(({ l, itemName, kind, ruleName }) => ({
        id: l.id,
        itemId: l.itemId,
        itemName,
        kind,
        quantity: l.quantity,
        unitFeeYuan: l.unitFeeYuan,
        grossYuan: l.grossYuan,
        waivedYuan: l.waivedYuan,
        payableYuan: fromFen(toFen(l.grossYuan) - toFen(l.waivedYuan)),
        feeRuleId: l.feeRuleId,
        feeRuleName: ruleName,
        referredToRequestId: l.referredToRequestId,
      })),
      referredFromId: row.referredFromId,
      referrals: chain,
    };
  }

  /** Every referral in the tree the request belongs to, oldest first: where the work went. */
  async function chainOf(id: string): Promise<ServiceRequestView['referrals']> {
    const rows = await rawRows<{
      from_request_id: string;
      from_no: string;
      from_inst: string;
      to_request_id: string;
      to_no: string;
      to_inst: string;
      reason: string;
      referred_at: Date | string;
      by_name: string | null;
    }>(
      db,
      sql`
      with recursive up(id, parent) as (
        select id, referred_from_id from service_requests where id = ${id}
        union select r.id, r.referred_from_id from service_requests r join up on r.id = up.parent
      ), root as (select id from up where parent is null),
      down(id) as (
        select id from root
        union select f.to_request_id from service_referrals f join down on f.from_request_id = down.id
      )
      select f.from_request_id, fr.request_no as from_no, fi.name as from_inst, f.to_request_id, tr.request_no as to_no, ti.name as to_inst,
             f.reason, f.referred_at, u.display_name as by_name
      from service_referrals f
      join down on down.id = f.from_request_id
      join service_requests fr on fr.id = f.from_request_id join institutions fi on fi.id = fr.institution_id
      join service_requests tr on tr.id = f.to_request_id join institutions ti on ti.id = tr.institution_id
      left join users u on u.id = f.referred_by
      order by f.referred_at, f.id`,
    );
    return rows.map((r) => ({
      fromRequestId: r.from_request_id,
      fromRequestNo: r.from_no,
      fromInstitutionName: r.from_inst,
      toRequestId: r.to_request_id,
      toRequestNo: r.to_no,
      toInstitutionName: r.to_inst,
      reason: r.reason,
      referredAt: new Date(r.referred_at).toISOString(),
      referredByName: r.by_name,
    }));
  }


  /** A handling step by the institution holding the request. */
  async function handled(actor: Actor, id: string): Promise<{ row: RequestRow; institution: Institution }> {
    authorize(actor, 'service.request.handle');
    const institution = await institutionOfActor(db, actor);
    const row = await rowFor(actor, id);
    if (!institution || row.institutionId !== institution.id) throw notFound('service_request', id);
    return { row, institution };
  }

  /** The first answer to a request stops its clock and names the first responder. */
  const firstAnswer = (row: RequestRow, actor: Actor) => (row.respondedAt ? {} : { respondedAt: clock.now(), firstResponderId: actor.userId });

  async function setStatus(actor: Actor, row: RequestRow, status: RequestRow['status'], note: string, action: 'service.request_accepted' | 'service.request_declined' | 'service.request_completed' | 'service.request_escalated', extra: Partial<RequestRow> = {}) {
    await db.transaction(async (tx) => {
      const [updated] = await tx
        .update(serviceRequests)
        .set({ status, statusNote: note, updatedAt: clock.now(), ...firstAnswer(row, actor), ...extra })
        .where(and(eq(serviceRequests.id, row.id), eq(serviceRequests.status, row.status)))
        .returning({ id: serviceRequests.id });
      if (!updated) throw conflict('STATE_CHANGED', '申请状态已变化，请刷新后重试');
      await audit.append(tx, actor, { action, entity: serviceRequestEntity, id: row.id });
      if (extra.escalatedToOrgId) {
        await services.notifications.send(tx, [
          {
            orgId: extra.escalatedToOrgId,
            kind: 'service_escalated',
            title: `服务申请 ${row.requestNo} 已上报，请协调`,
            body: `${row.requesterName}的申请无法由本机构完成：${note}`,
            link: `/services/requests/${row.id}`,
            dedupeKey: `service-escalated:${row.id}`,
          },
        ]);
      }
    });
  }

  /** The lines still with this request (not referred elsewhere). */
  async function remainingLines(requestId: string) {
    return db
      .select({ l: serviceRequestLines, item: serviceItems })
      .from(serviceRequestLines)
      .innerJoin(serviceItems, eq(serviceItems.id, serviceRequestLines.itemId))
      .where(and(eq(serviceRequestLines.requestId, requestId), isNull(serviceRequestLines.referredToRequestId)));
  }

  // Overdue green-channel requests: the institution and the bureau over it are told once each.
  services.notifications.register(async (now) => {
    const late = await db
      .select()
      .from(serviceRequests)
      .where(and(eq(serviceRequests.green, true), eq(serviceRequests.status, 'submitted'), lt(serviceRequests.respondBy, now)))
      .orderBy(asc(serviceRequests.respondBy))
      .limit(200);
    if (!late.length) return;
    const notices: Notice[] = [];
    for (const r of late) {
      const bureau = await services.orgs.regulatorFor(r.regionCode);
      const title = `绿色通道申请 ${r.requestNo} 已超过${GREEN_CHANNEL_HOURS}小时未响应`;
      const body = `${r.requesterName}于 ${r.submittedAt.toISOString().slice(0, 16).replace('T', ' ')}（UTC）提交，请立即受理、转介或上报。`;
      const link = `/services/requests/${r.id}`;
      notices.push({ orgId: r.institutionOrgId, kind: 'service_overdue', title, body, link, dedupeKey: `service-overdue:${r.id}` });
      if (bureau) notices.push({ orgId: bureau.id, kind: 'service_overdue', title, body, link, dedupeKey: `service-overdue-bureau:${r.id}` });
    }
    await db.transaction((tx) => services.notifications.send(tx, notices));
  });

  return {
    requestScope,

    async submit(actor: Actor, body: ServiceRequestBody): Promise<ServiceRequestView> {
      authorize(actor, 'service.request.create');
      const { id } = await submitWith(actor, body, await requesterOf(actor), null);
      return view(await rowFor(actor, id), actor);
    },

    /** A request from the portal without an account: tracked with its number and an access code. */
    async submitPublic(actor: Actor, body: PublicServiceRequestBody) {
      const accessCode = randomCode();
      const requester: Requester = { orgId: null, kind: 'public', name: body.requesterName, smallMicro: false, epidemicProducer: false };
      const { id, requestNo } = await submitWith(actor, body, requester, hashCode(accessCode));
      const [row] = await db.select().from(serviceRequests).where(eq(serviceRequests.id, id));
      return { id, requestNo, accessCode, view: await view(row!, null) };
    },

    async publicStatus(no: string, code: string): Promise<ServiceRequestView> {
      const [row] = await db.select().from(serviceRequests).where(eq(serviceRequests.requestNo, no.trim().toUpperCase()));
      if (!row || !row.accessCodeHash || row.accessCodeHash !== hashCode(code.trim().toUpperCase())) throw notFound('service_request', no);
      return view(row, null);
    },

    async get(actor: Actor, id: string): Promise<ServiceRequestView> {
      authorize(actor, 'service.request.read');
      return view(await rowFor(actor, id), actor);
    },

    async list(actor: Actor, q: z.infer<typeof ServiceRequestListQuery>) {
      authorize(actor, 'service.request.read');
      const now = clock.now();
      const conditions: (SQL | undefined)[] = [requestScope(actor)];
      if (q.status) conditions.push(eq(serviceRequests.status, q.status));
      if (q.green) conditions.push(eq(serviceRequests.green, q.green === 'true'));
      if (q.overdue === 'true') conditions.push(eq(serviceRequests.green, true), eq(serviceRequests.status, 'submitted'), lt(serviceRequests.respondBy, now));
      if (q.q) {
        const like = `%${likeEscape(q.q)}%`;
        conditions.push(or(ilike(serviceRequests.requestNo, like), ilike(serviceRequests.requesterName, like)));
      }
      const where = and(...conditions);
      const order = q.order === 'asc' ? [asc(serviceRequests.submittedAt), asc(serviceRequests.id)] : [desc(serviceRequests.submittedAt), desc(serviceRequests.id)];
      const [rows, [total]] = await Promise.all([
        db.select().from(serviceRequests).where(where).orderBy(...order).limit(q.pageSize).offset(pageOffset(q)),
        db.select({ n: count() }).from(serviceRequests).where(where),
      ]);
      return paged(await Promise.all(rows.map((r) => view(r, actor))), total?.n, q);
    },

    async accept(actor: Actor, id: string, note: string): Promise<ServiceRequestView> {
      const { row } = await handled(actor, id);
      if (row.status !== 'submitted') throw conflict('NOT_WAITING', '只能受理待响应的申请');
      await setStatus(actor, row, 'accepted', note, 'service.request_accepted');
      return view(await rowFor(actor, id), actor);
    },

    async complete(actor: Actor, id: string, note: string): Promise<ServiceRequestView> {
      const { row } = await handled(actor, id);
      if (row.status !== 'accepted') throw conflict('NOT_ACCEPTED', '只能办结已受理的申请');
      await setStatus(actor, row, 'completed', note, 'service.request_completed');
      return view(await rowFor(actor, id), actor);
    },

    /** Only outside the green channel: a green request is never simply refused (首问负责制). */
    async decline(actor: Actor, id: string, reason: string): Promise<ServiceRequestView> {
      const { row } = await handled(actor, id);
      if (row.green) throw conflict('GREEN_CHANNEL_NO_REFUSAL', '绿色通道申请不得拒绝：请受理、转介至有能力的机构或上报监管部门');
      if (row.status !== 'submitted') throw conflict('NOT_WAITING', '只能对待响应的申请作出不予受理决定');
      await setStatus(actor, row, 'declined', reason, 'service.request_declined');
      return view(await rowFor(actor, id), actor);
    },

    async escalate(actor: Actor, id: string, reason: string): Promise<ServiceRequestView> {
      const { row } = await handled(actor, id);
      if (!(OPEN as readonly string[]).includes(row.status)) throw conflict('NOT_OPEN', '申请已处理完毕');
      const bureau = await services.orgs.regulatorFor(row.regionCode);
      if (!bureau) throw conflict('NO_BUREAU', '找不到机构所在地的监管部门');
      await setStatus(actor, row, 'escalated', reason, 'service.request_escalated', { escalatedToOrgId: bureau.id });
      return view(await rowFor(actor, id), actor);
    },

    /** Institutions whose catalogue covers the request's remaining lines, nearest region first. */
    async referralOptions(actor: Actor, id: string): Promise<z.infer<typeof ReferralOption>[]> {
      const { row, institution } = await handled(actor, id);
      const lines = await remainingLines(row.id);
      if (!lines.length) return [];
      const candidates = await db
        .select({ item: serviceItems, institutionName: institutions.name })
        .from(serviceItems)
        .innerJoin(institutions, eq(institutions.id, serviceItems.institutionId))
        .where(
          and(
            eq(serviceItems.active, true),
            sql`${serviceItems.institutionId} <> ${institution.id}`,
            inArray(serviceItems.kind, [...new Set(lines.map((l) => l.item.kind))]),
          ),
        );
      const byInstitution = new Map<string, z.infer<typeof ReferralOption>>();
      for (const { item, institutionName } of candidates) {
        const covered = lines.filter((l) => itemCovers(item, l.item));
        if (!covered.length) continue;
        const option = byInstitution.get(item.institutionId) ?? {
          institutionId: item.institutionId,
          institutionName,
          regionCode: item.regionCode,
          distance: regionDistance(institution.regionCode, item.regionCode),
          covers: 0,
          items: [],
        };
        option.items.push({ id: item.id, name: item.name, feeYuan: item.feeYuan });
        byInstitution.set(item.institutionId, option);
      }
      for (const option of byInstitution.values()) {
        const items = candidates.filter((c) => c.item.institutionId === option.institutionId).map((c) => c.item);
        option.covers = lines.filter((l) => items.some((i) => itemCovers(i, l.item))).length;
      }
      return [...byInstitution.values()].sort((a, b) => b.covers - a.covers || a.distance - b.distance || a.institutionName.localeCompare(b.institutionName, 'zh-CN')).slice(0, 50);
    },

    /**
     * Refers some or all remaining lines to another institution: a new request there (its own
     * 24-hour clock), the lines marked with where they went, and a step of the chain.
     */
    async refer(actor: Actor, id: string, body: z.infer<typeof ReferBody>): Promise<ServiceRequestView> {
      const { row, institution } = await handled(actor, id);
      if (!(OPEN as readonly string[]).includes(row.status)) throw conflict('NOT_OPEN', '申请已处理完毕，不能转介');
      if (body.toInstitutionId === institution.id) throw invalid('toInstitutionId', '不能转介给本机构');
      const remaining = await remainingLines(row.id);
      const chosen = body.lineIds ? remaining.filter((l) => body.lineIds!.includes(l.l.id)) : remaining;
      if (!chosen.length || (body.lineIds && chosen.length !== new Set(body.lineIds).size)) throw invalid('lineIds', '所选项目不属于本申请或已转介');
      const target = await institutionById(body.toInstitutionId).catch(() => {
        throw invalid('toInstitutionId', '接收机构不存在');
      });
      const offered = await db.select().from(serviceItems).where(and(eq(serviceItems.institutionId, target.id), eq(serviceItems.active, true)));
      const mapped = chosen.map((c) => ({ from: c, item: offered.find((o) => o.name === c.item.name && o.kind === c.item.kind) ?? offered.find((o) => itemCovers(o, c.item)) }));
      const uncovered = mapped.filter((m) => !m.item);
      if (uncovered.length) throw invalid('toInstitutionId', `接收机构的服务目录不含：${uncovered.map((m) => m.from.item.name).join('、')}`);
      const requester: Requester = {
        orgId: row.requesterOrgId,
        kind: row.requesterKind,
        name: row.requesterName,
        ...(await feeFactsOfRequester(row.requesterOrgId)),
      };
      const allReferred = chosen.length === remaining.length;
      await db.transaction(async (tx) => {
        const created = await insertRequest(tx, actor, {
          institution: target,
          requester,
          lines: mapped.map((m) => ({ item: m.item!, quantity: m.from.l.quantity })),
          epidemicRelated: row.epidemicRelated,
          description: row.description,
          contactName: row.contactName,
          contactPhone: row.contactPhone,
          accessCodeHash: row.accessCodeHash,
          referredFromId: row.id,
        });
        const lineIds = chosen.map((c) => c.l.id);
        await tx.update(serviceRequestLines).set({ referredToRequestId: created.id }).where(inArray(serviceRequestLines.id, lineIds));
        const [referral] = await tx
          .insert(serviceReferrals)
          .values({ fromRequestId: row.id, toRequestId: created.id, reason: body.reason, referredBy: actor.userId, referredAt: clock.now() })
          .returning({ id: serviceReferrals.id });
        const [updated] = await tx
          .update(serviceRequests)
          .set({
            ...firstAnswer(row, actor),
            ...(allReferred ? { status: 'referred' as const, statusNote: `已转介至${target.name}：${body.reason}` } : {}),
            updatedAt: clock.now(),
          })
          .where(and(eq(serviceRequests.id, row.id), eq(serviceRequests.status, row.status)))
          .returning({ id: serviceRequests.id });
        if (!updated) throw conflict('STATE_CHANGED', '申请状态已变化，请刷新后重试');
        await audit.append(tx, actor, [
          { action: 'service.request_referred', entity: serviceRequestEntity, id: row.id },
          ...lineIds.map((lineId) => ({ action: 'service.request_referred' as const, entity: serviceRequestLineEntity, id: lineId })),
          { action: 'service.request_referred', entity: serviceReferralEntity, id: referral!.id },
        ]);
      });
      return view(await rowFor(actor, id), actor);
    },
  };

  /** What the fee rules need to know of an existing requester (for a referred request). */
  async function feeFactsOfRequester(orgId: string | null): Promise<Pick<Requester, 'smallMicro' | 'epidemicProducer'>> {
    if (!orgId) return { smallMicro: false, epidemicProducer: false };
    const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
    if (!org || org.kind !== 'enterprise') return { smallMicro: false, epidemicProducer: false };
    const facts = await requesterOf({ ...systemActor(), orgId, orgKind: 'enterprise', orgName: org.name });
    return { smallMicro: facts.smallMicro, epidemicProducer: facts.epidemicProducer };
  }
}

export type ServiceRequests = ReturnType<typeof createServiceRequests>;
