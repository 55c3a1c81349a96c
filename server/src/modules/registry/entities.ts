import { rowEntity, rowWithChildrenEntity } from '../../platform/audit/entity.js';
import { enterpriseCategories, enterprises, institutions, instrumentVerifications, instruments, productCategories, qualificationScopes } from './tables.js';

export const categoryEntity = rowEntity('product_category', productCategories, productCategories.code);
export const qualificationScopeEntity = rowEntity('qualification_scope', qualificationScopes, qualificationScopes.id);
export const institutionEntity = rowEntity('institution', institutions, institutions.id);

/** An enterprise's after-image includes the product kinds it makes. */
export const enterpriseEntity = rowWithChildrenEntity('enterprise', enterprises, enterprises.id, {
  table: enterpriseCategories,
  parentColumn: enterpriseCategories.enterpriseId,
  orderBy: enterpriseCategories.categoryCode,
  key: 'categories',
  pick: (row) => row.categoryCode,
});

export const instrumentEntity = rowEntity('instrument', instruments, instruments.id);
export const instrumentVerificationEntity = rowEntity('instrument_verification', instrumentVerifications, instrumentVerifications.id);
