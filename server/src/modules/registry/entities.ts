import { asc, inArray } from 'drizzle-orm';
import type { AuditedEntity } from '../../platform/audit/entity.js';
import { rowEntity } from '../../platform/audit/entity.js';
import { enterpriseCategories, enterprises, institutions, instrumentVerifications, instruments, productCategories, qualificationScopes } from './tables.js';

export const categoryEntity = rowEntity('product_category', productCategories, productCategories.code);
export const qualificationScopeEntity = rowEntity('qualification_scope', qualificationScopes, qualificationScopes.id);
export const institutionEntity = rowEntity('institution', institutions, institutions.id);

/** An enterprise's after-image includes the product kinds it makes. */
export const enterpriseEntity: AuditedEntity = {
  type: 'enterprise',
  table: enterprises,
  idColumn: enterprises.id,
  async load(db, ids) {
    const rows = await db.select().from(enterprises).where(inArray(enterprises.id, ids));
    const cats = await db
      .select()
      .from(enterpriseCategories)
      .where(inArray(enterpriseCategories.enterpriseId, ids))
      .orderBy(asc(enterpriseCategories.categoryCode));
    const byEnterprise = new Map<string, string[]>();
    for (const c of cats) byEnterprise.set(c.enterpriseId, [...(byEnterprise.get(c.enterpriseId) ?? []), c.categoryCode]);
    return new Map(rows.map((r) => [r.id, { ...r, categories: byEnterprise.get(r.id) ?? [] }]));
  },
};

export const instrumentEntity = rowEntity('instrument', instruments, instruments.id);
export const instrumentVerificationEntity = rowEntity('instrument_verification', instrumentVerifications, instrumentVerifications.id);
