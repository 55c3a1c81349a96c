import { and, asc, count, eq, like, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { regionPrefix, type CatalogueQuery, type ServiceItemBody, type ServiceItemListQuery, type ServiceItemView } from '@shijian/contracts';
import type { Db } from '../../db/client.js';
import { withinRegion, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { likeEscape } from '../identity/orgs.js';
import { institutions, productCategories } from '../registry/tables.js';
import { serviceItemEntity } from './entities.js';
import { serviceItems } from './tables.js';

const likePattern = (q: string) => `%${likeEscape(q)}%`;

/** What the catalogue's words are matched against: name, parameters and standards, lower case. */
export const searchTextOf = (item: { name: string; parameters: string; standards: string[] }) => [item.name, item.parameters, ...item.standards].join(' ').toLowerCase();

/** Words typed into the catalogue's search box, matched against name, parameters and standards. */
export function itemMatches(q: string): SQL {
  return like(serviceItems.searchText, likePattern(q.toLowerCase()));
}

/** The institution an institution user works for, or null. */
export async function institutionOfActor(db: Db, actor: Actor): Promise<{ id: string; orgId: string; name: string; regionCode: string } | null> {
  if (actor.orgKind !== 'institution' || !actor.orgId) return null;
  const [row] = await db
    .select({ id: institutions.id, orgId: institutions.orgId, name: institutions.name, regionCode: institutions.regionCode })
    .from(institutions)
    .where(eq(institutions.orgId, actor.orgId));
  return row ?? null;
}

/**
 * The service catalogue (服务目录): each institution keeps its own items; the public searches
 * every active item across institutions by words, kind, product category and region.
 */
export function createServiceCatalogue(deps: Deps) {
  const { db, clock, audit } = deps;

  const query = () =>
    db.select({ i: serviceItems, institutionName: institutions.name }).from(serviceItems).innerJoin(institutions, eq(institutions.id, serviceItems.institutionId));
  type Row = Awaited<ReturnType<ReturnType<typeof query>['execute']>>[number];
  const toView = ({ i, institutionName }: Row): ServiceItemView => ({
    id: i.id,
    institutionId: i.institutionId,
    institutionName,
    regionCode: i.regionCode,
    kind: i.kind,
    name: i.name,
    parameters: i.parameters,
    standards: i.standards,
    categoryCodes: i.categoryCodes,
    feeYuan: i.feeYuan,
    turnaroundDays: i.turnaroundDays,
    onSite: i.onSite,
    epidemic: i.epidemic,
    compulsory: i.compulsory,
    active: i.active,
    updatedAt: i.updatedAt.toISOString(),
  });

  async function ownInstitution(actor: Actor) {
    authorize(actor, 'service.catalogue.write');
    const inst = await institutionOfActor(db, actor);
    if (!inst) throw invalid('institutionId', '只有检验检测、计量机构可以维护服务目录');
    return inst;
  }

  async function checkCategories(codes: string[]) {
    if (!codes.length) return;
    const known = await db.select({ code: productCategories.code }).from(productCategories);
    const unknown = codes.filter((c) => !known.some((k) => k.code === c));
    if (unknown.length) throw invalid('categoryCodes', `未知的产品类别：${unknown.join('、')}`);
  }

  async function get(actor: Actor | null, id: string): Promise<ServiceItemView> {
    const [row] = await query().where(eq(serviceItems.id, id));
    // Inactive items are the institution's own business.
    const own = actor ? await institutionOfActor(db, actor) : null;
    if (!row || (!row.i.active && row.i.institutionId !== own?.id)) throw notFound('service_item', id);
    return toView(row);
  }

  return {
    get,

    async create(actor: Actor, body: ServiceItemBody): Promise<ServiceItemView> {
      const inst = await ownInstitution(actor);
      await checkCategories(body.categoryCodes);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(serviceItems)
          .values({ ...body, searchText: searchTextOf(body), institutionId: inst.id, regionCode: inst.regionCode, active: true, createdAt: now, updatedAt: now })
          .returning({ id: serviceItems.id });
        await audit.append(tx, actor, { action: 'service.item_created', entity: serviceItemEntity, id: row!.id });
        return row!.id;
      });
      return get(actor, id);
    },

    async update(actor: Actor, id: string, body: ServiceItemBody): Promise<ServiceItemView> {
      const inst = await ownInstitution(actor);
      await checkCategories(body.categoryCodes);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(serviceItems)
          .set({ ...body, searchText: searchTextOf(body), updatedAt: clock.now() })
          .where(and(eq(serviceItems.id, id), eq(serviceItems.institutionId, inst.id)))
          .returning({ id: serviceItems.id });
        if (!row) throw notFound('service_item', id);
        await audit.append(tx, actor, { action: 'service.item_updated', entity: serviceItemEntity, id });
      });
      return get(actor, id);
    },

    async setActive(actor: Actor, id: string, active: boolean): Promise<ServiceItemView> {
      const inst = await ownInstitution(actor);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .update(serviceItems)
          .set({ active, updatedAt: clock.now() })
          .where(and(eq(serviceItems.id, id), eq(serviceItems.institutionId, inst.id)))
          .returning({ id: serviceItems.id });
        if (!row) throw notFound('service_item', id);
        await audit.append(tx, actor, { action: active ? 'service.item_published' : 'service.item_withdrawn', entity: serviceItemEntity, id });
      });
      return get(actor, id);
    },

    /** An institution's own items (active or not); anyone else sees an institution's active items. */
    async list(actor: Actor, q: z.infer<typeof ServiceItemListQuery>) {
      const own = await institutionOfActor(db, actor);
      const institutionId = q.institutionId ?? own?.id;
      if (!institutionId) throw invalid('institutionId', '请选择机构');
      const mine = own?.id === institutionId;
      const conditions: (SQL | undefined)[] = [eq(serviceItems.institutionId, institutionId)];
      if (!mine) conditions.push(eq(serviceItems.active, true));
      else if (q.active) conditions.push(eq(serviceItems.active, q.active === 'true'));
      if (q.kind) conditions.push(eq(serviceItems.kind, q.kind));
      if (q.q) conditions.push(itemMatches(q.q));
      const where = and(...conditions);
      const [rows, [total]] = await Promise.all([
        query()
          .where(where)
          .orderBy(q.order === 'desc' ? sql`${serviceItems.name} desc` : asc(serviceItems.name), asc(serviceItems.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(serviceItems).where(where),
      ]);
      return paged(rows.map(toView), total?.n, q);
    },

    /** The public catalogue: active items of every institution, no login needed. */
    async search(q: z.infer<typeof CatalogueQuery>) {
      const conditions: (SQL | undefined)[] = [eq(serviceItems.active, true)];
      if (q.q) conditions.push(itemMatches(q.q));
      if (q.kind) conditions.push(eq(serviceItems.kind, q.kind));
      if (q.category) conditions.push(sql`${q.category} = any(${serviceItems.categoryCodes})`);
      const prefix = q.region ? regionPrefix(q.region) : '';
      if (prefix) conditions.push(withinRegion(serviceItems.regionCode, prefix));
      if (q.epidemic) conditions.push(eq(serviceItems.epidemic, q.epidemic === 'true'));
      if (q.onSite) conditions.push(eq(serviceItems.onSite, q.onSite === 'true'));
      const where = and(...conditions);
      // One scan: the page and, beside each row, the number of matches (a second count only past the last page).
      const rows = await db
        .select({ i: serviceItems, institutionName: institutions.name, total: sql<number>`count(*) over ()`.mapWith(Number) })
        .from(serviceItems)
        .innerJoin(institutions, eq(institutions.id, serviceItems.institutionId))
        .where(where)
        .orderBy(q.order === 'desc' ? sql`${serviceItems.name} desc` : asc(serviceItems.name), asc(serviceItems.id))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      const total = rows.length ? rows[0]!.total : q.page === 1 ? 0 : ((await db.select({ n: count() }).from(serviceItems).where(where))[0]?.n ?? 0);
      return paged(rows.map(toView), total, q);
    },
  };
}

export type ServiceCatalogue = ReturnType<typeof createServiceCatalogue>;
