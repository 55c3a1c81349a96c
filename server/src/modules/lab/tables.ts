import { boolean, char, customType, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Binary column; both drivers hand back a Buffer or Uint8Array, normalised to Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
import { JUDGEMENTS, LIMIT_KINDS, SAMPLE_SOURCES, SAMPLE_STATUSES } from '@shijian/contracts';
import { orgs, users } from '../identity/tables.js';
import { enterprises, institutions, instruments } from '../registry/tables.js';

/** Per-institution, per-year sequences for sample and report numbers, incremented under a row lock. */
export const labCounters = pgTable(
  'lab_counters',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    kind: text('kind', { enum: ['sample', 'report'] }).notNull(),
    year: integer('year').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.kind, t.year] })],
);

/** What a test is and what it must meet: shared by the catalogue and by each sample's copy of it. */
const testSpecification = () => ({
  parameter: text('parameter').notNull(),
  standard: text('standard').notNull(),
  unit: text('unit').notNull(),
  limitKind: text('limit_kind', { enum: LIMIT_KINDS }).notNull(),
  limitMin: numeric('limit_min'),
  limitMax: numeric('limit_max'),
  limitText: text('limit_text'),
});

/** Per-institution lab settings; an institution without a row has the defaults. */
export const labSettings = pgTable('lab_settings', {
  institutionId: uuid('institution_id')
    .primaryKey()
    .references(() => institutions.id),
  /** Testers see the sample code and test items, not the client or producer. */
  blindTesting: boolean('blind_testing').notNull(),
});

/** The institution's catalogue of test items (检测项目) with their limits. */
export const testItems = pgTable(
  'test_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    ...testSpecification(),
    required: boolean('required').notNull(),
    categories: text('categories').array().notNull(),
    active: boolean('active').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('test_items_institution_item_idx').on(t.institutionId, t.standard, t.parameter)],
);

/** Who may sign reports, and for which qualification domains (授权签字人及其授权范围). */
export const signatoryAuthorizations = pgTable(
  'signatory_authorizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    domain: text('domain').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('signatory_authorizations_user_domain_idx').on(t.userId, t.domain)],
);

export const samples = pgTable(
  'samples',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** The institution's org, for scope. */
    institutionOrgId: uuid('institution_org_id')
      .notNull()
      .references(() => orgs.id),
    sampleNo: text('sample_no').notNull(),
    source: text('source', { enum: SAMPLE_SOURCES }).notNull(),
    status: text('status', { enum: SAMPLE_STATUSES }).notNull(),
    clientEnterpriseId: uuid('client_enterprise_id').references(() => enterprises.id),
    /** The client's org, when it has accounts, for scope. */
    clientOrgId: uuid('client_org_id').references(() => orgs.id),
    clientName: text('client_name'),
    commissioningOrgId: uuid('commissioning_org_id').references(() => orgs.id),
    /** The commissioning regulator's region ('000000' for the national bureau), for scope. */
    commissioningRegionCode: char('commissioning_region_code', { length: 6 }),
    productCategory: text('product_category').notNull(),
    productName: text('product_name').notNull(),
    specification: text('specification').notNull(),
    producerUscc: char('producer_uscc', { length: 18 }).notNull(),
    producerName: text('producer_name').notNull(),
    producerEnterpriseId: uuid('producer_enterprise_id').references(() => enterprises.id),
    batchNo: text('batch_no').notNull(),
    quantity: text('quantity').notNull(),
    conditionOnArrival: text('condition_on_arrival').notNull(),
    storage: text('storage').notNull(),
    retentionUntil: date('retention_until', { mode: 'string' }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    receivedBy: uuid('received_by')
      .notNull()
      .references(() => users.id),
    /** Original records are kept at least six years from receipt. */
    keepUntil: date('keep_until', { mode: 'string' }).notNull(),
  },
  (t) => [
    uniqueIndex('samples_institution_no_idx').on(t.institutionId, t.sampleNo),
    index('samples_institution_status_idx').on(t.institutionOrgId, t.status, t.receivedAt),
    index('samples_client_idx').on(t.clientOrgId),
    index('samples_commissioning_idx').on(t.commissioningRegionCode),
    index('samples_producer_idx').on(t.producerUscc),
  ],
);

/** A test item ordered for a sample, with the limit as it stood at receipt. */
export const sampleTests = pgTable(
  'sample_tests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    testItemId: uuid('test_item_id')
      .notNull()
      .references(() => testItems.id),
    ...testSpecification(),
    testerId: uuid('tester_id').references(() => users.id),
  },
  (t) => [index('sample_tests_sample_idx').on(t.sampleId), index('sample_tests_tester_idx').on(t.testerId)],
);

/** Original records: append-only. A correction is a new version with a reason. */
export const testResults = pgTable(
  'test_results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleTestId: uuid('sample_test_id')
      .notNull()
      .references(() => sampleTests.id),
    version: integer('version').notNull(),
    value: text('value').notNull(),
    unit: text('unit').notNull(),
    judgement: text('judgement', { enum: JUDGEMENTS }).notNull(),
    instrumentId: uuid('instrument_id')
      .notNull()
      .references(() => instruments.id),
    testedOn: date('tested_on', { mode: 'string' }).notNull(),
    enteredBy: uuid('entered_by')
      .notNull()
      .references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true, mode: 'date' }).notNull(),
    reason: text('reason'),
  },
  (t) => [uniqueIndex('test_results_test_version_idx').on(t.sampleTestId, t.version)],
);

/** The workflow history of a sample: received, assigned, submitted, reviewed, returned, approved, issued. */
export const sampleEvents = pgTable(
  'sample_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    step: text('step').notNull(),
    byUser: uuid('by_user')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    reason: text('reason'),
  },
  (t) => [index('sample_events_sample_idx').on(t.sampleId, t.at)],
);

/**
 * A sample's results made visible to a bureau beyond the commissioning one and those above
 * it: the bureau over the producer that handles a nonconforming batch's disposal and case
 * needs the report as evidence. Bureaus above the receiving one see it too.
 */
export const sampleDisclosures = pgTable(
  'sample_disclosures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The receiving bureau's region, for scope. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    reason: text('reason').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('sample_disclosures_sample_org_idx').on(t.sampleId, t.orgId), index('sample_disclosures_region_idx').on(t.regionCode)],
);

/**
 * Issued reports. Never updated except to mark one superseded by its amendment;
 * the PDF bytes are kept with their SHA-256 and the audit chain head at issuance.
 */
export const reports = pgTable(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    sampleId: uuid('sample_id')
      .notNull()
      .references(() => samples.id),
    reportNo: text('report_no').notNull(),
    version: integer('version').notNull(),
    status: text('status', { enum: ['issued', 'superseded'] }).notNull(),
    supersedesId: uuid('supersedes_id'),
    amendmentReason: text('amendment_reason'),
    conclusion: text('conclusion', { enum: JUDGEMENTS }).notNull(),
    productName: text('product_name').notNull(),
    institutionName: text('institution_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true, mode: 'date' }).notNull(),
    signatoryId: uuid('signatory_id')
      .notNull()
      .references(() => users.id),
    /** Printed beside the QR code; needed with the report number for public verification. */
    verificationCode: text('verification_code').notNull(),
    contentSha256: char('content_sha256', { length: 64 }).notNull(),
    pdf: bytea('pdf').notNull(),
    pdfSha256: char('pdf_sha256', { length: 64 }).notNull(),
    chainId: text('chain_id').notNull(),
    chainSeq: integer('chain_seq').notNull(),
    chainHeadHash: char('chain_head_hash', { length: 64 }).notNull(),
  },
  (t) => [
    uniqueIndex('reports_institution_no_version_idx').on(t.institutionId, t.reportNo, t.version),
    index('reports_no_idx').on(t.reportNo),
    index('reports_pdf_sha_idx').on(t.pdfSha256),
    index('reports_sample_idx').on(t.sampleId),
  ],
);
