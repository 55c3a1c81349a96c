import { and, asc, count, desc, eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { DispatchBody, DispatchListQuery, DispatchView } from '@shijian/contracts';
import { withinRegion, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { institutions } from '../registry/tables.js';
import { institutionOfActor } from './catalogue.js';
import { onsiteDispatchEntity } from './entities.js';
import { onsiteDispatches, serviceRequests } from './tables.js';

/** The Beijing calendar date of an instant. */
const beijingDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * On-site service (上门服务, notice 000: 组织技术人员深入医疗机构、防控一线): who went where and
 * when. The institution records its own; the bureaus over the place served see them, since
 * notice 003's staff person-times and places served are counted from these rows.
 */
export function createOnsite(deps: Deps) {
  const { db, clock, audit, regions } = deps;

  function dispatchScope(actor: Actor): SQL {
    const { scope } = actor;
    if (scope.kind === 'all') return sql`true`;
    if (scope.kind === 'region') return withinRegion(onsiteDispatches.regionCode, scope.prefix);
    if (scope.kind === 'org') return eq(institutions.orgId, scope.orgId);
    return sql`false`;
  }

  const query = () =>
    db
      .select({ d: onsiteDispatches, institutionName: institutions.name, requestNo: serviceRequests.requestNo })
      .from(onsiteDispatches)
      .innerJoin(institutions, eq(institutions.id, onsiteDispatches.institutionId))
      .leftJoin(serviceRequests, eq(serviceRequests.id, onsiteDispatches.requestId));
  type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];
  const toView = ({ d, institutionName, requestNo }: Row): DispatchView => ({
    id: d.id,
    institutionId: d.institutionId,
    institutionName,
    regionCode: d.regionCode,
    requestId: d.requestId,
    requestNo,
    placeType: d.placeType,
    placeName: d.placeName,
    team: d.team,
    staff: d.staff,
    startsAt: d.startsAt.toISOString(),
    endsAt: d.endsAt.toISOString(),
    servedOn: d.servedOn,
    note: d.note,
    createdAt: d.createdAt.toISOString(),
  });

  async function get(actor: Actor, id: string): Promise<DispatchView> {
    authorize(actor, 'service.request.read');
    const [row] = await query().where(and(eq(onsiteDispatches.id, id), dispatchScope(actor)));
    if (!row) throw notFound('onsite_dispatch', id);
    return toView(row);
  }

  return {
    get,

    async record(actor: Actor, body: DispatchBody): Promise<DispatchView> {
      authorize(actor, 'service.onsite.write');
      const inst = await institutionOfActor(db, actor);
      if (!inst) throw invalid('institutionId', '只有技术机构可以登记上门服务');
      if (!(await regions.index()).has(body.regionCode)) throw invalid('regionCode', '行政区划代码不存在');
      const startsAt = new Date(body.startsAt);
      if (startsAt.getTime() > clock.now().getTime()) throw invalid('startsAt', '上门服务登记在出发之后，出发时间不能晚于现在');
      if (body.requestId) {
        const [request] = await db
          .select({ id: serviceRequests.id })
          .from(serviceRequests)
          .where(and(eq(serviceRequests.id, body.requestId), eq(serviceRequests.institutionId, inst.id)));
        if (!request) throw invalid('requestId', '服务申请不存在或不属于本机构');
      }
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(onsiteDispatches)
          .values({
            institutionId: inst.id,
            regionCode: body.regionCode,
            requestId: body.requestId ?? null,
            placeType: body.placeType,
            placeName: body.placeName,
            team: body.team,
            staff: body.staff,
            startsAt,
            endsAt: new Date(body.endsAt),
            servedOn: beijingDate(startsAt),
            note: body.note,
            createdBy: actor.userId,
            createdAt: clock.now(),
          })
          .returning({ id: onsiteDispatches.id });
        await audit.append(tx, actor, { action: 'service.onsite_recorded', entity: onsiteDispatchEntity, id: row!.id });
        return row!.id;
      });
      return get(actor, id);
    },

    async list(actor: Actor, q: z.infer<typeof DispatchListQuery>) {
      authorize(actor, 'service.request.read');
      const conditions: (SQL | undefined)[] = [dispatchScope(actor)];
      if (q.placeType) conditions.push(eq(onsiteDispatches.placeType, q.placeType));
      if (q.from) conditions.push(gte(onsiteDispatches.servedOn, q.from));
      if (q.to) conditions.push(lte(onsiteDispatches.servedOn, q.to));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        query()
          .where(where)
          .orderBy(q.order === 'asc' ? asc(onsiteDispatches.startsAt) : desc(onsiteDispatches.startsAt), asc(onsiteDispatches.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(onsiteDispatches).innerJoin(institutions, eq(institutions.id, onsiteDispatches.institutionId)).where(where),
      ]);
      return paged(rows.map(toView), total?.n, q);
    },
  };
}

export type Onsite = ReturnType<typeof createOnsite>;
