import { boolean, char, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { CERTIFICATE_KINDS, COMPULSORY_MODES, INSTRUMENT_PURPOSES } from '@shijian/contracts';
import { users } from '../identity/tables.js';
import { institutions, instrumentVerifications, instruments } from '../registry/tables.js';
import { onsiteDispatches, serviceRequestLines, serviceRequests } from '../services/tables.js';

/**
 * The catalogue of instruments under compulsory control (实施强制管理的计量器具目录):
 * item, the kinds it covers, P (pattern approval) / V (compulsory verification) / P+V,
 * the scope of use, and the verification period.
 */
export const compulsoryItems = pgTable('compulsory_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  item: text('item').notNull(),
  kinds: text('kinds').array().notNull(),
  mode: text('mode', { enum: COMPULSORY_MODES }).notNull(),
  scope: text('scope').notNull(),
  periodMonths: integer('period_months').notNull(),
  epidemic: boolean('epidemic').notNull(),
  sortOrder: integer('sort_order').notNull(),
});

/**
 * The e-CQS fields of a ledger entry, kept beside the instrument (an audited table of the
 * registry) rather than as new columns on it.
 */
export const ledgerDetails = pgTable(
  'instrument_ledger_details',
  {
    instrumentId: uuid('instrument_id')
      .primaryKey()
      .references(() => instruments.id),
    category: text('category').notNull(),
    accuracyClass: text('accuracy_class').notNull(),
    location: text('location').notNull(),
    purpose: text('purpose', { enum: INSTRUMENT_PURPOSES }).notNull(),
    quantity: integer('quantity').notNull(),
    compulsoryItemId: uuid('compulsory_item_id').references(() => compulsoryItems.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('instrument_ledger_details_item_idx').on(t.compulsoryItemId)],
);

/** Per-institution, per-year, per-kind certificate numbers. */
export const certificateCounters = pgTable(
  'certificate_counters',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    year: integer('year').notNull(),
    kind: text('kind', { enum: CERTIFICATE_KINDS }).notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.year, t.kind] })],
);

/**
 * A verification done for a service request: 检定证书 (pass, with 有效期至) or 检定结果通知书
 * (fail). Never edited. When the instrument is in the requester's ledger, the matching
 * verification record there is written in the same transaction.
 */
export const verificationCertificates = pgTable(
  'verification_certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    certificateNo: text('certificate_no').notNull().unique(),
    kind: text('kind', { enum: CERTIFICATE_KINDS }).notNull(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    requestLineId: uuid('request_line_id')
      .notNull()
      .references(() => serviceRequestLines.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** The institution's region: bureaus over it see its certificates. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    requesterOrgId: uuid('requester_org_id'),
    clientName: text('client_name').notNull(),
    instrumentId: uuid('instrument_id').references(() => instruments.id),
    verificationId: uuid('verification_id').references(() => instrumentVerifications.id),
    /** Done on site by this dispatch, if it was. */
    dispatchId: uuid('dispatch_id').references(() => onsiteDispatches.id),
    instrumentName: text('instrument_name').notNull(),
    model: text('model').notNull(),
    serialNumber: text('serial_number').notNull(),
    manufacturer: text('manufacturer').notNull(),
    measuringRange: text('measuring_range').notNull(),
    accuracyClass: text('accuracy_class').notNull(),
    regulation: text('regulation').notNull(),
    referenceStandard: text('reference_standard').notNull(),
    conclusion: text('conclusion').notNull(),
    passed: boolean('passed').notNull(),
    performedOn: date('performed_on', { mode: 'string' }).notNull(),
    validUntil: date('valid_until', { mode: 'string' }),
    verifierId: uuid('verifier_id')
      .notNull()
      .references(() => users.id),
    checkerId: uuid('checker_id')
      .notNull()
      .references(() => users.id),
    approverId: uuid('approver_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('verification_certificates_request_idx').on(t.requestId),
    index('verification_certificates_requester_idx').on(t.requesterOrgId, t.createdAt),
    index('verification_certificates_region_idx').on(t.regionCode, t.createdAt),
    index('verification_certificates_institution_idx').on(t.institutionId, t.createdAt),
  ],
);
