import { and, asc, count, desc, eq, inArray, like, sql, type SQL } from 'drizzle-orm';
import { ENTERPRISE_COUNT_CAP, checkUscc, regionLevel, type EnterpriseSize, type EnterpriseView } from '@shijian/contracts';
import type { z } from 'zod';
import type { EnterpriseCreateBody, EnterpriseListQuery, EnterpriseUpdateBody } from '@shijian/contracts';
import type { Db } from '../../db/client.js';
import { regionInScope, scopeFilter, withinRegion, type Actor } from '../../platform/actor.js';
import type { Deps } from '../../platform/deps.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { pageOffset, paged } from '../../platform/paging.js';
import { authorize } from '../../platform/policy.js';
import { orgEntity } from '../identity/entities.js';
import { likeEscape } from '../identity/orgs.js';
import { orgs } from '../identity/tables.js';
import type { Categories } from './categories.js';
import { enterpriseEntity } from './entities.js';
import { enterpriseCategories, enterprises } from './tables.js';

type EnterpriseRow = typeof enterprises.$inferSelect;

/** How a caller sees enterprises: regulators by region subtree, an enterprise its own record. */
export const enterpriseScope = (actor: Actor) => scopeFilter(actor, { region: enterprises.regionCode, org: enterprises.orgId });

const SORT = { name: enterprises.name, uscc: enterprises.uscc, regionCode: enterprises.regionCode, createdAt: enterprises.createdAt };

/** The filters of the enterprise list as one condition; shared by the list, its count and the benchmarks. */
export function enterpriseListWhere(actor: Actor, q: Omit<z.infer<typeof EnterpriseListQuery>, 'page' | 'pageSize' | 'sort' | 'order'>): SQL {
  const conditions: (SQL | undefined)[] = [enterpriseScope(actor)];
  if (q.regionCode) conditions.push(withinRegion(enterprises.regionCode, q.regionCode.slice(0, regionLevel(q.regionCode) * 2)));
  if (q.q) {
    // A query that looks like the start of a credit code searches codes; anything else is a name prefix.
    const isCode = /^[0-9A-HJ-NPQRTUWXY]{6,18}$/.test(q.q);
    conditions.push(isCode ? like(enterprises.uscc, `${q.q}%`) : like(enterprises.name, `${likeEscape(q.q)}%`));
  }
  if (q.size) conditions.push(eq(enterprises.size, q.size));
  if (q.category) {
    conditions.push(
      sql`exists (select 1 from ${enterpriseCategories} where ${enterpriseCategories.enterpriseId} = ${enterprises.id} and ${enterpriseCategories.categoryCode} = ${q.category})`,
    );
  }
  return and(...conditions)!;
}

export type EnterpriseInput = z.infer<typeof EnterpriseCreateBody>;
export type ImportRowError = { row: number; field: string; code: string; message: string };

export function createEnterprises(deps: Deps, categories: Categories) {
  const { db, clock, audit, regions } = deps;

  async function categoriesOf(ids: string[]): Promise<Map<string, string[]>> {
    const rows = ids.length
      ? await db
          .select()
          .from(enterpriseCategories)
          .where(inArray(enterpriseCategories.enterpriseId, ids))
          .orderBy(asc(enterpriseCategories.categoryCode))
      : [];
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.enterpriseId, [...(out.get(r.enterpriseId) ?? []), r.categoryCode]);
    return out;
  }

  async function toViews(rows: EnterpriseRow[]): Promise<EnterpriseView[]> {
    const cats = await categoriesOf(rows.map((r) => r.id));
    const idx = await regions.index();
    return rows.map((r) => ({
      id: r.id,
      uscc: r.uscc,
      name: r.name,
      regionCode: r.regionCode,
      regionName: idx.get(r.regionCode)?.name ?? r.regionCode,
      address: r.address,
      legalRepresentative: r.legalRepresentative,
      size: r.size,
      categories: cats.get(r.id) ?? [],
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }

  async function getRow(actor: Actor, id: string): Promise<EnterpriseRow> {
    const [row] = await db.select().from(enterprises).where(and(eq(enterprises.id, id), enterpriseScope(actor)));
    if (!row) throw notFound('enterprise', id);
    return row;
  }

  /** Region must be a known county-level (leaf) code inside the actor's scope. */
  async function checkRegion(actor: Actor, regionCode: string, field = 'regionCode') {
    if (!(await regions.exists(regionCode))) throw invalid(field, `行政区划代码 ${regionCode} 不存在`);
    if (!(await regions.isLeaf(regionCode))) throw invalid(field, '请选择到区县一级');
    if (!regionInScope(actor, regionCode)) throw invalid(field, '所选地区不在您的管辖范围内', 'REGION_OUT_OF_SCOPE');
  }

  async function checkCategories(codes: string[]) {
    const active = await categories.activeCodes();
    const unknown = codes.filter((c) => !active.has(c));
    if (unknown.length) throw invalid('categories', `未知或已停用的产品类别：${unknown.join('、')}`);
  }

  async function writeCategories(tx: Db, id: string, codes: string[]) {
    await tx.delete(enterpriseCategories).where(eq(enterpriseCategories.enterpriseId, id));
    const unique = [...new Set(codes)];
    if (unique.length) await tx.insert(enterpriseCategories).values(unique.map((categoryCode) => ({ enterpriseId: id, categoryCode })));
  }

  return {
    enterpriseScope,
    /** Identity of an enterprise for linking records (a lab sample's client or producer); unscoped. */
    async identify(by: { id: string } | { uscc: string }) {
      const [row] = await db
        .select({ id: enterprises.id, uscc: enterprises.uscc, name: enterprises.name, orgId: enterprises.orgId, regionCode: enterprises.regionCode })
        .from(enterprises)
        .where('id' in by ? eq(enterprises.id, by.id) : eq(enterprises.uscc, by.uscc));
      return row ?? null;
    },
    async list(actor: Actor, q: z.infer<typeof EnterpriseListQuery>) {
      authorize(actor, 'enterprise.read');
      const where = enterpriseListWhere(actor, q);
      const order = q.order === 'desc' ? desc(SORT[q.sort]) : asc(SORT[q.sort]);
      const capped = db.select({ one: sql`1` }).from(enterprises).where(where).limit(ENTERPRISE_COUNT_CAP + 1).as('capped');
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(enterprises)
          .where(where)
          .orderBy(order, asc(enterprises.id))
          .limit(q.pageSize)
          .offset(pageOffset(q)),
        db.select({ n: count() }).from(capped),
      ]);
      const n = Number(total?.n ?? 0);
      return { ...paged(await toViews(rows), Math.min(n, ENTERPRISE_COUNT_CAP), q), totalCapped: n > ENTERPRISE_COUNT_CAP };
    },
    async countByCategory(actor: Actor) {
      authorize(actor, 'enterprise.read');
      const rows = await db
        .select({ category: enterpriseCategories.categoryCode, count: count() })
        .from(enterpriseCategories)
        .innerJoin(enterprises, eq(enterprises.id, enterpriseCategories.enterpriseId))
        .where(enterpriseScope(actor))
        .groupBy(enterpriseCategories.categoryCode);
      return rows.map((r) => ({ category: r.category, count: Number(r.count) }));
    },
    async get(actor: Actor, id: string) {
      authorize(actor, 'enterprise.read');
      return (await toViews([await getRow(actor, id)]))[0]!;
    },
    async create(actor: Actor, body: EnterpriseInput) {
      authorize(actor, 'enterprise.write');
      await checkRegion(actor, body.regionCode);
      await checkCategories(body.categories);
      const now = clock.now();
      const id = await db.transaction(async (tx) => {
        const inserted = await tx
          .insert(enterprises)
          .values({
            uscc: body.uscc,
            name: body.name,
            regionCode: body.regionCode,
            address: body.address,
            legalRepresentative: body.legalRepresentative,
            size: body.size,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing({ target: enterprises.uscc })
          .returning({ id: enterprises.id });
        if (!inserted.length) {
          // Name the holder only when the caller may see it.
          const [holder] = await tx
            .select({ name: enterprises.name })
            .from(enterprises)
            .where(and(eq(enterprises.uscc, body.uscc), enterpriseScope(actor)));
          const message = holder ? `统一社会信用代码 ${body.uscc} 已登记为「${holder.name}」` : `统一社会信用代码 ${body.uscc} 已被登记`;
          throw conflict('USCC_DUPLICATE', message, { fields: [{ field: 'uscc', message }] });
        }
        const newId = inserted[0]!.id;
        await writeCategories(tx, newId, body.categories);
        await audit.append(tx, actor, { action: 'enterprise.created', entity: enterpriseEntity, id: newId });
        return newId;
      });
      return (await toViews([await getRow(actor, id)]))[0]!;
    },
    async update(actor: Actor, id: string, body: z.infer<typeof EnterpriseUpdateBody>) {
      authorize(actor, 'enterprise.write');
      await getRow(actor, id);
      if (body.regionCode) await checkRegion(actor, body.regionCode);
      if (body.categories) await checkCategories(body.categories);
      await db.transaction(async (tx) => {
        const { categories: cats, ...fields } = body;
        await tx.update(enterprises).set({ ...fields, updatedAt: clock.now() }).where(eq(enterprises.id, id));
        if (cats) await writeCategories(tx, id, cats);
        await audit.append(tx, actor, { action: 'enterprise.updated', entity: enterpriseEntity, id });
      });
      return (await toViews([await getRow(actor, id)]))[0]!;
    },

    /** Opens an enterprise account: an org of kind enterprise that its users belong to. */
    async openAccount(actor: Actor, id: string) {
      authorize(actor, 'enterprise.write');
      const row = await getRow(actor, id);
      if (row.orgId) return row.orgId;
      return db.transaction(async (tx) => {
        const [org] = await tx
          .insert(orgs)
          .values({ name: row.name, kind: 'enterprise', regionCode: row.regionCode, createdAt: clock.now() })
          .returning({ id: orgs.id });
        await tx.update(enterprises).set({ orgId: org!.id, updatedAt: clock.now() }).where(eq(enterprises.id, id));
        await audit.append(tx, actor, [
          { action: 'org.created', entity: orgEntity, id: org!.id },
          { action: 'enterprise.updated', entity: enterpriseEntity, id },
        ]);
        return org!.id;
      });
    },

    /**
     * Bulk registration (imports, synthetic data). Rows are checked one by one and
     * reported with their row numbers; valid rows are written in batches, each batch
     * in one transaction with one audit entry per enterprise.
     */
    async importMany(
      actor: Actor,
      rows: EnterpriseInput[],
      options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
    ): Promise<{ inserted: number; errors: ImportRowError[] }> {
      authorize(actor, 'enterprise.write');
      const errors: ImportRowError[] = [];
      const active = await categories.activeCodes();
      const idx = await regions.index();
      const seen = new Set<string>();
      const valid: { row: number; input: EnterpriseInput }[] = [];
      rows.forEach((input, i) => {
        const row = i + 1;
        const problem = checkUscc(input.uscc);
        if (problem) return void errors.push({ row, field: 'uscc', code: problem.code, message: problem.message });
        if (seen.has(input.uscc)) return void errors.push({ row, field: 'uscc', code: 'USCC_DUPLICATE', message: `统一社会信用代码 ${input.uscc} 在文件中重复` });
        const region = idx.get(input.regionCode);
        if (!region || region.hasChildren) return void errors.push({ row, field: 'regionCode', code: 'REGION_UNKNOWN', message: `行政区划代码 ${input.regionCode} 不是有效的区县代码` });
        if (!regionInScope(actor, input.regionCode)) return void errors.push({ row, field: 'regionCode', code: 'REGION_OUT_OF_SCOPE', message: '所选地区不在您的管辖范围内' });
        const badCat = input.categories.find((c) => !active.has(c));
        if (badCat) return void errors.push({ row, field: 'categories', code: 'CATEGORY_UNKNOWN', message: `未知的产品类别 ${badCat}` });
        seen.add(input.uscc);
        valid.push({ row, input });
      });

      const batchSize = options.batchSize ?? 1000;
      let inserted = 0;
      for (let i = 0; i < valid.length; i += batchSize) {
        const batch = valid.slice(i, i + batchSize);
        const now = clock.now();
        await db.transaction(async (tx) => {
          const created = await tx
            .insert(enterprises)
            .values(
              batch.map(({ input }) => ({
                uscc: input.uscc,
                name: input.name,
                regionCode: input.regionCode,
                address: input.address,
                legalRepresentative: input.legalRepresentative,
                size: input.size as EnterpriseSize,
                createdAt: now,
                updatedAt: now,
              })),
            )
            .onConflictDoNothing({ target: enterprises.uscc })
            .returning({ id: enterprises.id, uscc: enterprises.uscc });
          const idByUscc = new Map(created.map((c) => [c.uscc, c.id]));
          const links: { enterpriseId: string; categoryCode: string }[] = [];
          for (const { row, input } of batch) {
            const id = idByUscc.get(input.uscc);
            if (!id) {
              errors.push({ row, field: 'uscc', code: 'USCC_DUPLICATE', message: `统一社会信用代码 ${input.uscc} 已被登记` });
              continue;
            }
            for (const categoryCode of new Set(input.categories)) links.push({ enterpriseId: id, categoryCode });
          }
          for (let j = 0; j < links.length; j += 5000) await tx.insert(enterpriseCategories).values(links.slice(j, j + 5000));
          await audit.append(
            tx,
            actor,
            created.map((c) => ({ action: 'enterprise.imported' as const, entity: enterpriseEntity, id: c.id })),
          );
          inserted += created.length;
        });
        options.onProgress?.(Math.min(i + batchSize, valid.length), valid.length);
      }
      errors.sort((a, b) => a.row - b.row);
      return { inserted, errors };
    },
  };
}

export type Enterprises = ReturnType<typeof createEnterprises>;
