import { boolean, char, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CATEGORY_GROUPS, ENTERPRISE_SIZES, INSTITUTION_KINDS, INSTRUMENT_STATUSES, VERIFICATION_KINDS } from '@shijian/contracts';
import { orgs } from '../identity/tables.js';

export const productCategories = pgTable('product_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en').notNull(),
  group: text('group', { enum: CATEGORY_GROUPS }).notNull(),
  sortOrder: integer('sort_order').notNull(),
  active: boolean('active').notNull().default(true),
});

export const enterprises = pgTable(
  'enterprises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 统一社会信用代码, validated per GB 32100-2015 before it gets here. */
    uscc: char('uscc', { length: 18 }).notNull().unique(),
    name: text('name').notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    address: text('address').notNull(),
    legalRepresentative: text('legal_representative').notNull(),
    size: text('size', { enum: ENTERPRISE_SIZES }).notNull(),
    /** The enterprise's own org when it has user accounts. */
    orgId: uuid('org_id').references(() => orgs.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    // Scoped lists filter by a region-code range and sort by name: this index serves both.
    index('enterprises_region_name_idx').on(t.regionCode, t.name),
    index('enterprises_name_idx').on(t.name.op('text_pattern_ops')),
    // The pattern index serves name-prefix filters but not ORDER BY name: this one serves the sorted pages.
    index('enterprises_name_id_idx').on(t.name, t.id),
    index('enterprises_org_idx').on(t.orgId),
  ],
);

/** Product kinds an enterprise produces; the weekly table counts an enterprise once per kind. */
export const enterpriseCategories = pgTable(
  'enterprise_categories',
  {
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id, { onDelete: 'cascade' }),
    categoryCode: text('category_code')
      .notNull()
      .references(() => productCategories.code),
  },
  (t) => [primaryKey({ columns: [t.enterpriseId, t.categoryCode] }), index('enterprise_categories_category_idx').on(t.categoryCode)],
);

export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .unique()
      .references(() => orgs.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: INSTITUTION_KINDS }).notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    address: text('address').notNull(),
    /** 资质认定 (CMA) certificate number and validity. */
    cmaNumber: text('cma_number'),
    cmaValidUntil: date('cma_valid_until', { mode: 'string' }),
    domains: text('domains').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('institutions_region_idx').on(t.regionCode)],
);

/** The parameters and standards an institution is qualified (资质认定) to test. */
export const qualificationScopes = pgTable(
  'qualification_scopes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    domain: text('domain').notNull(),
    parameter: text('parameter').notNull(),
    standard: text('standard').notNull(),
    categoryCode: text('category_code').references(() => productCategories.code),
  },
  (t) => [index('qualification_scopes_institution_idx').on(t.institutionId)],
);

/**
 * Measuring instruments (计量器具) of institutions and enterprises: the ledger of
 * compulsory verification (like e-CQS). A test result may only cite an instrument
 * whose verification covers the test date.
 */
export const instruments = pgTable(
  'instruments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => orgs.id),
    /** The owner's region, so regulators see the instruments of their subtree. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    name: text('name').notNull(),
    model: text('model').notNull(),
    serialNumber: text('serial_number').notNull(),
    manufacturer: text('manufacturer').notNull(),
    measuringRange: text('measuring_range').notNull(),
    /** Subject to compulsory verification (强制检定). */
    compulsory: boolean('compulsory').notNull(),
    status: text('status', { enum: INSTRUMENT_STATUSES }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('instruments_owner_serial_idx').on(t.ownerOrgId, t.serialNumber), index('instruments_region_idx').on(t.regionCode)],
);

/** Verification (检定) and calibration (校准) records; never edited, a new one is added. */
export const instrumentVerifications = pgTable(
  'instrument_verifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instruments.id),
    kind: text('kind', { enum: VERIFICATION_KINDS }).notNull(),
    performedOn: date('performed_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }).notNull(),
    certificateNo: text('certificate_no').notNull(),
    performedBy: text('performed_by').notNull(),
    passed: boolean('passed').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('instrument_verifications_instrument_idx').on(t.instrumentId, t.validUntil)],
);
