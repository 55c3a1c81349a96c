import { and, asc, count, eq, ilike, inArray, sql } from 'drizzle-orm';
import { regionLevel, type OrgView } from '@shijian/contracts';
import type { z } from 'zod';
import type { OrgCreateBody, OrgListQuery, OrgUpdateBody } from '@shijian/contracts';
import { regionInScope, scopeFilter, type Actor } from '../../platform/actor.js';
import type { Db } from '../../db/client.js';
import type { Deps } from '../../platform/deps.js';
import { AppError, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { orgEntity } from './entities.js';
import { orgs, users } from './tables.js';

type Org = typeof orgs.$inferSelect;

export const orgScope = (actor: Actor) => scopeFilter(actor, { region: orgs.regionCode, org: orgs.id });

const LEVEL_ORDER = { national: 0, province: 1, city: 2, county: 3 } as const;

/** Escapes LIKE wildcards in user input. */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function createOrgs(deps: Deps) {
  const { db, clock, audit, regions } = deps;

  async function toView(rows: Org[]): Promise<OrgView[]> {
    const ids = rows.map((r) => r.id);
    const counts = ids.length
      ? await db.select({ orgId: users.orgId, n: count() }).from(users).where(inArray(users.orgId, ids)).groupBy(users.orgId)
      : [];
    const byOrg = new Map(counts.map((c) => [c.orgId, Number(c.n)]));
    const idx = await regions.index();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      kind: r.kind,
      level: r.level,
      regionCode: r.regionCode,
      regionName: r.regionCode ? (idx.get(r.regionCode)?.name ?? null) : null,
      parentId: r.parentId,
      userCount: byOrg.get(r.id) ?? 0,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  /** A scoped read: an org outside the actor's scope is "not found". */
  async function getVisible(actor: Actor, id: string): Promise<Org> {
    const [row] = await db.select().from(orgs).where(and(eq(orgs.id, id), orgScope(actor)));
    if (!row) throw notFound('org', id);
    return row;
  }

  return {
    getVisible,
    /** An org by id without scope: for linking records to an org the caller names (a commissioning bureau). */
    async getById(id: string): Promise<Org | null> {
      const [row] = await db.select().from(orgs).where(eq(orgs.id, id));
      return row ?? null;
    },
    /**
     * The regulator nearest above a region: the county bureau of a county code, else
     * its city's, its province's, or the national bureau. For work routed by place
     * (a nonconforming batch's case lead goes to the producer's bureau).
     */
    async regulatorFor(regionCode: string, executor: Db = db): Promise<Org | null> {
      const candidates = [...new Set([regionCode, `${regionCode.slice(0, 4)}00`, `${regionCode.slice(0, 2)}0000`])];
      const rows = await executor
        .select()
        .from(orgs)
        .where(and(eq(orgs.kind, 'regulator'), inArray(orgs.regionCode, candidates)));
      for (const code of candidates) {
        const found = rows.find((r) => r.regionCode === code);
        if (found) return found;
      }
      const [national] = await executor.select().from(orgs).where(and(eq(orgs.kind, 'regulator'), eq(orgs.level, 'national'))).limit(1);
      return national ?? null;
    },
    toView,
    async list(actor: Actor, q: z.infer<typeof OrgListQuery>) {
      authorize(actor, 'org.read');
      const where = and(
        orgScope(actor),
        q.kind ? eq(orgs.kind, q.kind) : undefined,
        q.q ? ilike(orgs.name, `%${likeEscape(q.q)}%`) : undefined,
      );
      const [total] = await db.select({ n: count() }).from(orgs).where(where);
      const rows = await db
        .select()
        .from(orgs)
        .where(where)
        .orderBy(sql`${orgs.level} nulls first`, asc(orgs.regionCode), asc(orgs.name))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      return paged(await toView(rows), total?.n, q);
    },
    async get(actor: Actor, id: string) {
      authorize(actor, 'org.read');
      return (await toView([await getVisible(actor, id)]))[0]!;
    },
    async create(actor: Actor, body: z.infer<typeof OrgCreateBody>) {
      authorize(actor, 'org.write');
      const parent = await getVisible(actor, body.parentId).catch(() => {
        throw invalid('parentId', '上级机构不存在或不在您的管辖范围内');
      });
      if (parent.kind !== 'regulator' || !parent.level) throw invalid('parentId', '上级机构必须是监管部门');
      if (LEVEL_ORDER[body.level] !== LEVEL_ORDER[parent.level] + 1) {
        throw invalid('level', '机构层级必须比上级机构低一级');
      }
      if (!(await regions.exists(body.regionCode))) throw invalid('regionCode', '行政区划代码不存在');
      const expectedLevel = LEVEL_ORDER[body.level];
      if (regionLevel(body.regionCode) !== expectedLevel) throw invalid('regionCode', '所选地区与机构层级不符');
      if (parent.regionCode && !body.regionCode.startsWith(parent.regionCode.slice(0, LEVEL_ORDER[parent.level] * 2))) {
        throw invalid('regionCode', '所选地区不在上级机构的辖区内');
      }
      if (!regionInScope(actor, body.regionCode)) throw invalid('regionCode', '所选地区不在您的管辖范围内');
      const row = await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(orgs)
          .values({ name: body.name, kind: 'regulator', level: body.level, regionCode: body.regionCode, parentId: parent.id, createdAt: clock.now() })
          .returning();
        await audit.append(tx, actor, { action: 'org.created', entity: orgEntity, id: created!.id });
        return created!;
      });
      return (await toView([row]))[0]!;
    },
    async update(actor: Actor, id: string, body: z.infer<typeof OrgUpdateBody>) {
      authorize(actor, 'org.write');
      await getVisible(actor, id);
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx.update(orgs).set({ name: body.name }).where(eq(orgs.id, id)).returning();
        await audit.append(tx, actor, { action: 'org.updated', entity: orgEntity, id });
        return updated!;
      });
      return (await toView([row]))[0]!;
    },
  };
}

export type Orgs = ReturnType<typeof createOrgs>;

export function assertOrgKind(org: Org, kind: Org['kind'], field: string, message: string) {
  if (org.kind !== kind) throw new AppError(400, 'VALIDATION_FAILED', message, { fields: [{ field, message }] });
}
