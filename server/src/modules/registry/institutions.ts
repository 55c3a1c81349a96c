import { and, asc, count, desc, eq, gte, ilike, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  InstitutionCreateBody,
  InstitutionListQuery,
  InstitutionUpdateBody,
  InstitutionView,
  QualificationScopeBody,
} from '@shijian/contracts';
import { regionLevel } from '@shijian/contracts';
import { regionInScope, scopeFilter, withinRegion, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { orgEntity } from '../identity/entities.js';
import { likeEscape, type Orgs } from '../identity/orgs.js';
import { orgs } from '../identity/tables.js';
import { institutionEntity, qualificationScopeEntity } from './entities.js';
import { institutions, productCategories, qualificationScopes } from './tables.js';

type InstitutionRow = typeof institutions.$inferSelect;

/** Regulators see institutions seated in their subtree; an institution sees itself. */
export const institutionScope = (actor: Actor) => scopeFilter(actor, { region: institutions.regionCode, org: institutions.orgId });

const SORT = {
  name: institutions.name,
  regionCode: institutions.regionCode,
  cmaValidUntil: institutions.cmaValidUntil,
  createdAt: institutions.createdAt,
};

export function createInstitutions(deps: Deps, orgService: Orgs) {
  const { db, clock, audit, regions, calendar } = deps;

  async function toViews(rows: InstitutionRow[]): Promise<InstitutionView[]> {
    const ids = rows.map((r) => r.id);
    const counts = ids.length
      ? await db
          .select({ id: qualificationScopes.institutionId, n: count() })
          .from(qualificationScopes)
          .where(inArray(qualificationScopes.institutionId, ids))
          .groupBy(qualificationScopes.institutionId)
      : [];
    const byId = new Map(counts.map((c) => [c.id, Number(c.n)]));
    const idx = await regions.index();
    const today = calendar.today();
    return rows.map((r) => ({
      id: r.id,
      orgId: r.orgId,
      name: r.name,
      kind: r.kind,
      regionCode: r.regionCode,
      regionName: idx.get(r.regionCode)?.name ?? r.regionCode,
      address: r.address,
      cmaNumber: r.cmaNumber,
      cmaValidUntil: r.cmaValidUntil,
      cmaValid: !!r.cmaValidUntil && r.cmaValidUntil >= today,
      domains: r.domains,
      scopeCount: byId.get(r.id) ?? 0,
      createdAt: r.createdAt.toISOString(),
    }));
  }

  async function getRow(actor: Actor, id: string): Promise<InstitutionRow> {
    const [row] = await db.select().from(institutions).where(and(eq(institutions.id, id), institutionScope(actor)));
    if (!row) throw notFound('institution', id);
    return row;
  }

  async function detail(actor: Actor, id: string) {
    const row = await getRow(actor, id);
    const scopes = await db
      .select()
      .from(qualificationScopes)
      .where(eq(qualificationScopes.institutionId, id))
      .orderBy(asc(qualificationScopes.domain), asc(qualificationScopes.standard), asc(qualificationScopes.parameter));
    const [view] = await toViews([row]);
    return {
      ...view!,
      scopes: scopes.map((s) => ({ id: s.id, domain: s.domain, parameter: s.parameter, standard: s.standard, categoryCode: s.categoryCode })),
    };
  }

  async function checkCategory(code: string | null | undefined) {
    if (!code) return;
    const [row] = await db.select().from(productCategories).where(eq(productCategories.code, code));
    if (!row) throw invalid('categoryCode', `未知的产品类别 ${code}`);
  }

  /**
   * Institutions qualified for a test: a qualification scope with the standard and
   * parameter, and a CMA certificate valid today. Qualification is public
   * information (institutions are published with their scope), so no actor scope applies.
   */
  async function qualifiedFor(standard: string, parameter: string) {
    const rows = await db
      .selectDistinct({ institution: institutions, domain: qualificationScopes.domain })
      .from(qualificationScopes)
      .innerJoin(institutions, eq(institutions.id, qualificationScopes.institutionId))
      .where(
        and(
          eq(qualificationScopes.standard, standard),
          eq(qualificationScopes.parameter, parameter),
          gte(institutions.cmaValidUntil, calendar.today()),
        ),
      )
      .orderBy(asc(institutions.regionCode), asc(institutions.name));
    const idx = await regions.index();
    return rows.map(({ institution: i, domain }) => ({
      id: i.id,
      orgId: i.orgId,
      name: i.name,
      regionCode: i.regionCode,
      regionName: idx.get(i.regionCode)?.name ?? i.regionCode,
      cmaNumber: i.cmaNumber,
      cmaValidUntil: i.cmaValidUntil,
      domain,
    }));
  }

  return {
    qualifiedFor,
    /** Whether the institution's qualification scope names at least one parameter for products of `category`. */
    async qualifiedForCategory(institutionId: string, category: string): Promise<boolean> {
      const [row] = await db
        .select({ id: qualificationScopes.id })
        .from(qualificationScopes)
        .where(and(eq(qualificationScopes.institutionId, institutionId), eq(qualificationScopes.categoryCode, category)))
        .limit(1);
      return Boolean(row);
    },
    /** The institution behind an org, unscoped: for modules acting on the caller's own institution. */
    async byOrg(orgId: string) {
      const [row] = await db.select().from(institutions).where(eq(institutions.orgId, orgId));
      return row ?? null;
    },
    async list(actor: Actor, q: z.infer<typeof InstitutionListQuery>) {
      authorize(actor, 'institution.read');
      const where = and(
        institutionScope(actor),
        q.kind ? eq(institutions.kind, q.kind) : undefined,
        q.regionCode ? withinRegion(institutions.regionCode, q.regionCode.slice(0, regionLevel(q.regionCode) * 2)) : undefined,
        q.q ? ilike(institutions.name, `%${likeEscape(q.q)}%`) : undefined,
      );
      const [total] = await db.select({ n: count() }).from(institutions).where(where);
      const rows = await db
        .select()
        .from(institutions)
        .where(where)
        .orderBy(q.order === 'desc' ? desc(SORT[q.sort]) : asc(SORT[q.sort]), asc(institutions.id))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      return paged(await toViews(rows), total?.n, q);
    },
    async get(actor: Actor, id: string) {
      authorize(actor, 'institution.read');
      return detail(actor, id);
    },
    /** Registers an institution and creates its org, below the supervising regulator. */
    async create(actor: Actor, body: z.infer<typeof InstitutionCreateBody>) {
      authorize(actor, 'institution.write');
      const parent = await orgService.getVisible(actor, body.parentOrgId).catch(() => {
        throw invalid('parentOrgId', '主管部门不存在或不在您的管辖范围内');
      });
      if (parent.kind !== 'regulator') throw invalid('parentOrgId', '主管部门必须是监管部门');
      if (!(await regions.exists(body.regionCode))) throw invalid('regionCode', `行政区划代码 ${body.regionCode} 不存在`);
      if (!regionInScope(actor, body.regionCode)) throw invalid('regionCode', '所选地区不在您的管辖范围内', 'REGION_OUT_OF_SCOPE');
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const [org] = await tx
          .insert(orgs)
          .values({ name: body.name, kind: 'institution', regionCode: body.regionCode, parentId: parent.id, createdAt: now })
          .returning();
        const [row] = await tx
          .insert(institutions)
          .values({
            orgId: org!.id,
            name: body.name,
            kind: body.kind,
            regionCode: body.regionCode,
            address: body.address,
            cmaNumber: body.cmaNumber ?? null,
            cmaValidUntil: body.cmaValidUntil ?? null,
            domains: body.domains,
            createdAt: now,
            updatedAt: now,
          })
          .returning();
        await audit.append(tx, actor, [
          { action: 'org.created', entity: orgEntity, id: org!.id },
          { action: 'institution.created', entity: institutionEntity, id: row!.id },
        ]);
        return row!.id;
      });
      return detail(actor, id);
    },
    async update(actor: Actor, id: string, body: z.infer<typeof InstitutionUpdateBody>) {
      authorize(actor, 'institution.write');
      const current = await getRow(actor, id);
      await db.transaction(async (tx) => {
        await tx.update(institutions).set({ ...body, updatedAt: clock.now() }).where(eq(institutions.id, id));
        const records = [{ action: 'institution.updated' as const, entity: institutionEntity, id }];
        if (body.name && body.name !== current.name) {
          await tx.update(orgs).set({ name: body.name }).where(eq(orgs.id, current.orgId));
          await audit.append(tx, actor, { action: 'org.updated', entity: orgEntity, id: current.orgId });
        }
        await audit.append(tx, actor, records);
      });
      return detail(actor, id);
    },
    async addScope(actor: Actor, id: string, body: z.infer<typeof QualificationScopeBody>) {
      authorize(actor, 'institution.write');
      await getRow(actor, id);
      await checkCategory(body.categoryCode);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(qualificationScopes)
          .values({ institutionId: id, domain: body.domain, parameter: body.parameter, standard: body.standard, categoryCode: body.categoryCode ?? null })
          .returning();
        await audit.append(tx, actor, { action: 'institution.scope_added', entity: qualificationScopeEntity, id: row!.id });
      });
      return detail(actor, id);
    },
    async removeScope(actor: Actor, id: string, scopeId: string) {
      authorize(actor, 'institution.write');
      await getRow(actor, id);
      await db.transaction(async (tx) => {
        const deleted = await tx
          .delete(qualificationScopes)
          .where(and(eq(qualificationScopes.id, scopeId), eq(qualificationScopes.institutionId, id)))
          .returning();
        if (!deleted.length) throw notFound('qualification_scope', scopeId);
        await audit.append(tx, actor, { action: 'institution.scope_removed', entity: qualificationScopeEntity, id: scopeId });
      });
      return detail(actor, id);
    },
  };
}

export type Institutions = ReturnType<typeof createInstitutions>;
