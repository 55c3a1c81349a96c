import { and, asc, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { BookingBody, BookingListQuery, BookingView, SlotBody, SlotListQuery, SlotView } from '@shijian/contracts';
import { withinRegion, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import type { Notice, Notifications } from '../notifications/service.js';
import { institutions } from '../registry/tables.js';
import { institutionOfActor } from './catalogue.js';
import { serviceBookingEntity, serviceSlotEntity } from './entities.js';
import type { ServiceRequests } from './requests.js';
import { serviceBookings, serviceRequests, serviceSlots } from './tables.js';

const HOUR_MS = 3_600_000;
/** Beijing midnight of a date, as an instant: windows of days are Beijing days. */
const beijingMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);
const nextDay = (date: string) => new Date(beijingMidnight(date).getTime() + 24 * HOUR_MS);

/**
 * Appointments (预约): institutions open time slots; requesters book them online, staff enter
 * phone bookings; capacity is held under a row lock, and the requester is reminded the day before.
 */
export function createAppointments(deps: Deps, services: { notifications: Notifications; requests: ServiceRequests }) {
  const { db, clock, audit } = deps;

  const booked = sql<number>`(select count(*)::int from ${serviceBookings} where ${serviceBookings.slotId} = ${serviceSlots.id} and ${serviceBookings.status} <> 'cancelled')`;
  const slotQuery = () =>
    db.select({ s: serviceSlots, institutionName: institutions.name, booked }).from(serviceSlots).innerJoin(institutions, eq(institutions.id, serviceSlots.institutionId));
  type SlotRow = Awaited<ReturnType<ReturnType<typeof slotQuery>['execute']>>[number];
  const slotView = ({ s, institutionName, booked: n }: SlotRow): SlotView => ({
    id: s.id,
    institutionId: s.institutionId,
    institutionName,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    capacity: s.capacity,
    booked: Number(n),
    onSite: s.onSite,
    note: s.note,
    cancelled: s.cancelled,
  });

  async function slot(id: string): Promise<SlotView> {
    const [row] = await slotQuery().where(eq(serviceSlots.id, id));
    if (!row) throw notFound('service_slot', id);
    return slotView(row);
  }

  /** The requester, the institution, and the bureaus over the institution (without contact details). */
  function bookingScope(actor: Actor): SQL {
    const { scope } = actor;
    if (scope.kind === 'all') return sql`true`;
    if (scope.kind === 'region') return withinRegion(institutions.regionCode, scope.prefix);
    if (scope.kind === 'org') return or(eq(serviceBookings.requesterOrgId, scope.orgId), eq(institutions.orgId, scope.orgId))!;
    return sql`false`;
  }

  const bookingQuery = () =>
    db
      .select({ b: serviceBookings, s: serviceSlots, institutionName: institutions.name, institutionOrgId: institutions.orgId, requestNo: serviceRequests.requestNo })
      .from(serviceBookings)
      .innerJoin(serviceSlots, eq(serviceSlots.id, serviceBookings.slotId))
      .innerJoin(institutions, eq(institutions.id, serviceBookings.institutionId))
      .leftJoin(serviceRequests, eq(serviceRequests.id, serviceBookings.requestId));
  type BookingRow = Awaited<ReturnType<ReturnType<typeof bookingQuery>['execute']>>[number];
  const bookingView = (actor: Actor, { b, s, institutionName, institutionOrgId, requestNo }: BookingRow): BookingView => {
    const seesContact = actor.kind === 'system' || (actor.orgId !== null && (actor.orgId === b.requesterOrgId || actor.orgId === institutionOrgId));
    return {
      id: b.id,
      slotId: b.slotId,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      onSite: s.onSite,
      institutionId: b.institutionId,
      institutionName,
      requestId: b.requestId,
      requestNo,
      requesterOrgId: b.requesterOrgId,
      requesterName: b.requesterName,
      contactName: seesContact ? b.contactName : null,
      contactPhone: seesContact ? b.contactPhone : null,
      channel: b.channel,
      status: b.status,
      note: b.note,
      createdAt: b.createdAt.toISOString(),
    };
  };

  async function booking(actor: Actor, id: string): Promise<BookingView> {
    authorize(actor, 'service.request.read');
    const [row] = await bookingQuery().where(and(eq(serviceBookings.id, id), bookingScope(actor)));
    if (!row) throw notFound('service_booking', id);
    return bookingView(actor, row);
  }

  // The day before: the requester is reminded of its booking.
  services.notifications.register(async (now) => {
    const soon = await db
      .select({ b: serviceBookings, startsAt: serviceSlots.startsAt, institutionName: institutions.name })
      .from(serviceBookings)
      .innerJoin(serviceSlots, eq(serviceSlots.id, serviceBookings.slotId))
      .innerJoin(institutions, eq(institutions.id, serviceBookings.institutionId))
      .where(and(eq(serviceBookings.status, 'booked'), gte(serviceSlots.startsAt, now), lt(serviceSlots.startsAt, new Date(now.getTime() + 24 * HOUR_MS))))
      .limit(500);
    const notices: Notice[] = soon
      .filter((x) => x.b.requesterOrgId)
      .map((x) => {
        const at = new Date(x.startsAt.getTime() + 8 * HOUR_MS).toISOString().slice(0, 16).replace('T', ' ');
        return {
          orgId: x.b.requesterOrgId!,
          kind: 'booking_reminder',
          title: `预约提醒：${at} ${x.institutionName}`,
          body: `您预约的服务将于 ${at}（北京时间）开始，请按时到场或做好上门服务准备。`,
          link: x.b.requestId ? `/services/requests/${x.b.requestId}` : '/services/bookings',
          dedupeKey: `booking-reminder:${x.b.id}`,
        };
      });
    if (notices.length) await db.transaction((tx) => services.notifications.send(tx, notices));
  });

  return {
    slot,
    booking,

    async openSlot(actor: Actor, body: SlotBody): Promise<SlotView> {
      authorize(actor, 'service.request.handle');
      const inst = await institutionOfActor(db, actor);
      if (!inst) throw invalid('institutionId', '只有技术机构可以开放预约时段');
      if (Date.parse(body.startsAt) < clock.now().getTime()) throw invalid('startsAt', '开始时间不能早于现在');
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(serviceSlots)
          .values({
            institutionId: inst.id,
            regionCode: inst.regionCode,
            startsAt: new Date(body.startsAt),
            endsAt: new Date(body.endsAt),
            capacity: body.capacity,
            onSite: body.onSite,
            note: body.note,
            cancelled: false,
            createdBy: actor.userId,
            createdAt: clock.now(),
          })
          .returning({ id: serviceSlots.id });
        await audit.append(tx, actor, { action: 'service.slot_opened', entity: serviceSlotEntity, id: row!.id });
        return row!.id;
      });
      return slot(id);
    },

    async cancelSlot(actor: Actor, id: string): Promise<SlotView> {
      authorize(actor, 'service.request.handle');
      const inst = await institutionOfActor(db, actor);
      const current = await slot(id);
      if (!inst || current.institutionId !== inst.id) throw notFound('service_slot', id);
      if (current.booked > 0) throw conflict('SLOT_BOOKED', `该时段已有 ${current.booked} 个预约，请先联系预约人取消`);
      await db.transaction(async (tx) => {
        await tx.update(serviceSlots).set({ cancelled: true }).where(eq(serviceSlots.id, id));
        await audit.append(tx, actor, { action: 'service.slot_cancelled', entity: serviceSlotEntity, id });
      });
      return slot(id);
    },

    /** An institution's slots: anyone signed in sees them (when and how many places, nothing personal). */
    async slots(actor: Actor, q: z.infer<typeof SlotListQuery>) {
      authorize(actor, 'service.request.read');
      const own = await institutionOfActor(db, actor);
      const institutionId = q.institutionId ?? own?.id;
      if (!institutionId) throw invalid('institutionId', '请选择机构');
      const conditions: (SQL | undefined)[] = [eq(serviceSlots.institutionId, institutionId)];
      if (own?.id !== institutionId) conditions.push(eq(serviceSlots.cancelled, false));
      conditions.push(gte(serviceSlots.startsAt, q.from ? beijingMidnight(q.from) : clock.now()));
      if (q.to) conditions.push(lt(serviceSlots.startsAt, nextDay(q.to)));
      if (q.available === 'true') conditions.push(sql`${booked} < ${serviceSlots.capacity}`, eq(serviceSlots.cancelled, false));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        slotQuery()
          .where(where)
          .orderBy(q.order === 'desc' ? desc(serviceSlots.startsAt) : asc(serviceSlots.startsAt), asc(serviceSlots.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(serviceSlots).where(where),
      ]);
      return paged(rows.map(slotView), total?.n, q);
    },

    /**
     * Books a place: online by a requester (enterprise or regulator), or by phone, entered by
     * the institution's staff. The slot row is locked so two bookings never take its last place.
     */
    async book(actor: Actor, body: BookingBody): Promise<BookingView> {
      const staff = actor.orgKind === 'institution';
      authorize(actor, staff ? 'service.request.handle' : 'service.request.create');
      const current = await slot(body.slotId);
      const own = staff ? await institutionOfActor(db, actor) : null;
      if (staff && own?.id !== current.institutionId) throw invalid('slotId', '只能为本机构的时段登记电话预约');
      if (staff && !body.requesterName) throw invalid('requesterName', '请填写来电单位或个人');
      if (current.cancelled) throw conflict('SLOT_CANCELLED', '该时段已取消');
      if (Date.parse(current.startsAt) < clock.now().getTime()) throw conflict('SLOT_PAST', '该时段已开始，不能预约');
      let requesterOrgId: string | null = staff ? null : actor.orgId;
      let requesterName = staff ? body.requesterName! : (actor.orgName ?? '');
      if (body.requestId) {
        const request = await services.requests.get(actor, body.requestId).catch(() => {
          throw invalid('requestId', '服务申请不存在');
        });
        if (request.institutionId !== current.institutionId) throw invalid('requestId', '服务申请不是向该机构提出的');
        requesterOrgId = request.requesterOrgId;
        requesterName = request.requesterName;
      }
      const id = await db.transaction(async (tx) => {
        const [locked] = await tx.select({ capacity: serviceSlots.capacity }).from(serviceSlots).where(eq(serviceSlots.id, body.slotId)).for('update');
        const [taken] = await tx
          .select({ n: count() })
          .from(serviceBookings)
          .where(and(eq(serviceBookings.slotId, body.slotId), sql`${serviceBookings.status} <> 'cancelled'`));
        if (Number(taken?.n ?? 0) >= locked!.capacity) throw conflict('SLOT_FULL', '该时段已约满，请选择其他时段');
        const now = clock.now();
        const [row] = await tx
          .insert(serviceBookings)
          .values({
            slotId: body.slotId,
            institutionId: current.institutionId,
            requestId: body.requestId ?? null,
            requesterOrgId,
            requesterName,
            contactName: body.contactName,
            contactPhone: body.contactPhone,
            channel: staff ? 'phone' : 'online',
            status: 'booked',
            note: body.note,
            bookedBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: serviceBookings.id });
        await audit.append(tx, actor, { action: 'service.booked', entity: serviceBookingEntity, id: row!.id });
        return row!.id;
      });
      return booking(actor, id);
    },

    async bookings(actor: Actor, q: z.infer<typeof BookingListQuery>) {
      authorize(actor, 'service.request.read');
      const conditions: (SQL | undefined)[] = [bookingScope(actor)];
      if (q.status) conditions.push(eq(serviceBookings.status, q.status));
      if (q.from) conditions.push(gte(serviceSlots.startsAt, beijingMidnight(q.from)));
      if (q.to) conditions.push(lt(serviceSlots.startsAt, nextDay(q.to)));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        bookingQuery()
          .where(where)
          .orderBy(q.order === 'desc' ? desc(serviceSlots.startsAt) : asc(serviceSlots.startsAt), asc(serviceBookings.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db
          .select({ n: count() })
          .from(serviceBookings)
          .innerJoin(serviceSlots, eq(serviceSlots.id, serviceBookings.slotId))
          .innerJoin(institutions, eq(institutions.id, serviceBookings.institutionId))
          .where(where),
      ]);
      return paged(
        rows.map((r) => bookingView(actor, r)),
        total?.n,
        q,
      );
    },

    /** The requester or the institution cancels a booking that has not happened yet. */
    async cancel(actor: Actor, id: string): Promise<BookingView> {
      const current = await booking(actor, id);
      const inst = await institutionOfActor(db, actor);
      const mayCancel = (actor.orgId !== null && actor.orgId === current.requesterOrgId) || inst?.id === current.institutionId;
      if (!mayCancel) throw notFound('service_booking', id);
      if (current.status !== 'booked') throw conflict('NOT_BOOKED', '只能取消尚未发生的预约');
      await db.transaction(async (tx) => {
        await tx.update(serviceBookings).set({ status: 'cancelled', updatedAt: clock.now() }).where(eq(serviceBookings.id, id));
        await audit.append(tx, actor, { action: 'service.booking_cancelled', entity: serviceBookingEntity, id });
      });
      return booking(actor, id);
    },

    /** The institution records whether the booked party came. */
    async outcome(actor: Actor, id: string, status: 'attended' | 'no_show'): Promise<BookingView> {
      authorize(actor, 'service.request.handle');
      const current = await booking(actor, id);
      const inst = await institutionOfActor(db, actor);
      if (inst?.id !== current.institutionId) throw notFound('service_booking', id);
      if (current.status !== 'booked') throw conflict('NOT_BOOKED', '该预约已处理');
      await db.transaction(async (tx) => {
        await tx.update(serviceBookings).set({ status, updatedAt: clock.now() }).where(eq(serviceBookings.id, id));
        await audit.append(tx, actor, { action: 'service.booking_outcome', entity: serviceBookingEntity, id });
      });
      return booking(actor, id);
    },
  };
}

export type Appointments = ReturnType<typeof createAppointments>;
