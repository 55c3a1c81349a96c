import { sql } from 'drizzle-orm';
import { char, customType, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import {
  CASE_CLOCKS,
  CASE_SOURCES,
  CASE_STAGES,
  DISHONESTY_STATUSES,
  REMOVAL_APPLICATION_STATUSES,
  TRANSFER_KINDS,
  VIOLATION_CATEGORIES,
} from '@shijian/contracts';
import { orgs, users } from '../identity/tables.js';
import { enterprises } from '../registry/tables.js';
import { campaigns } from '../campaigns/tables.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
const yuan = (name: string) => numeric(name, { precision: 16, scale: 2 });

/** Per-bureau, per-year case numbers, incremented under a row lock. */
export const caseCounters = pgTable(
  'case_counters',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.year] })],
);

/**
 * A case (案件) from lead to closure. `clock`/`dueOn` hold the statutory clock
 * running now (filing while a lead, decision once filed), kept on every step,
 * so the deadline dashboard is one index range per scope.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseNo: text('case_no').notNull().unique(),
    /** The handling bureau; its region is the case's scope. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    source: text('source', { enum: CASE_SOURCES }).notNull(),
    /** The record the lead came from (a sampling record, complaint, inspection target …). */
    sourceRef: uuid('source_ref'),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    partyEnterpriseId: uuid('party_enterprise_id').references(() => enterprises.id),
    partyName: text('party_name').notNull(),
    partyUscc: char('party_uscc', { length: 18 }),
    productCategory: text('product_category'),
    violationCategory: text('violation_category', { enum: VIOLATION_CATEGORIES }).notNull(),
    summary: text('summary').notNull(),
    stage: text('stage', { enum: CASE_STAGES }).notNull(),
    leadOn: date('lead_on').notNull(),
    filingDueOn: date('filing_due_on').notNull(),
    filingExtendedDays: integer('filing_extended_days').notNull(),
    filedOn: date('filed_on'),
    decisionDueOn: date('decision_due_on'),
    decisionExtendedDays: integer('decision_extended_days').notNull(),
    decidedOn: date('decided_on'),
    decisionNo: text('decision_no'),
    decision: text('decision'),
    fineYuan: yuan('fine_yuan').notNull(),
    confiscationYuan: yuan('confiscation_yuan').notNull(),
    unitsInvestigated: integer('units_investigated').notNull(),
    staffDispatched: integer('staff_dispatched').notNull(),
    executedOn: date('executed_on'),
    closedOn: date('closed_on'),
    notFiledReason: text('not_filed_reason'),
    transferKind: text('transfer_kind', { enum: TRANSFER_KINDS }),
    transferredTo: text('transferred_to'),
    transferredOn: date('transferred_on'),
    clock: text('clock', { enum: CASE_CLOCKS }),
    dueOn: date('due_on'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('cases_region_lead_idx').on(t.regionCode, t.leadOn, t.id),
    index('cases_region_due_idx').on(t.regionCode, t.dueOn),
    // The order of a province's or the nation's list and deadline board, read from the
    // index instead of sorting every case in scope (bench/supervision.ts measured both).
    index('cases_lead_idx').on(t.leadOn, t.id),
    index('cases_due_idx').on(t.dueOn, t.id, t.clock).where(sql`due_on is not null`),
    index('cases_party_idx').on(t.partyEnterpriseId),
    index('cases_source_ref_idx').on(t.sourceRef),
    // Everything the statistics read of a case: a campaign's cases in an area from the index alone.
    index('cases_report_idx').on(
      t.campaignId,
      t.regionCode,
      t.leadOn,
      t.productCategory,
      t.violationCategory,
      t.filedOn,
      t.decidedOn,
      t.transferKind,
      t.transferredOn,
      t.fineYuan,
      t.confiscationYuan,
      t.unitsInvestigated,
      t.staffDispatched,
    ),
  ],
);

/** The case's history: every stage move, extension and note, never edited. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind', { enum: ['created', 'stage', 'extension', 'note', 'document', 'amounts'] }).notNull(),
    fromStage: text('from_stage', { enum: CASE_STAGES }),
    toStage: text('to_stage', { enum: CASE_STAGES }),
    clock: text('clock', { enum: CASE_CLOCKS }),
    extensionDays: integer('extension_days'),
    approvedBy: text('approved_by'),
    note: text('note').notNull(),
    byUser: uuid('by_user').references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.at)],
);

/** Documents of a case (立案审批表, 处罚决定书 …), kept with their digest. */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    title: text('title').notNull(),
    documentNo: text('document_no'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    bytes: bytea('bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId)],
);

/** An entry on the serious-dishonesty list (严重违法失信名单), from a decided case. */
export const dishonestyListings = pgTable(
  'dishonesty_listings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .unique()
      .references(() => cases.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    partyName: text('party_name').notNull(),
    partyUscc: char('party_uscc', { length: 18 }),
    criteria: text('criteria').array().notNull(),
    facts: text('facts').notNull(),
    decisionNo: text('decision_no').notNull(),
    listedOn: date('listed_on').notNull(),
    publishedOn: date('published_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    earliestRemovalOn: date('earliest_removal_on').notNull(),
    status: text('status', { enum: DISHONESTY_STATUSES }).notNull(),
    removedOn: date('removed_on'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('dishonesty_region_idx').on(t.regionCode, t.listedOn), index('dishonesty_enterprise_idx').on(t.enterpriseId)],
);

/** An application for early removal (提前移出) and its review. */
export const removalApplications = pgTable(
  'removal_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    listingId: uuid('listing_id')
      .notNull()
      .references(() => dishonestyListings.id),
    appliedOn: date('applied_on').notNull(),
    reason: text('reason').notNull(),
    /** What the party did to put things right (履行处罚、主动消除危害 …). */
    commitments: text('commitments').notNull(),
    status: text('status', { enum: REMOVAL_APPLICATION_STATUSES }).notNull(),
    reviewNote: text('review_note'),
    decidedOn: date('decided_on'),
    decidedBy: uuid('decided_by').references(() => users.id),
    appliedBy: uuid('applied_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('removal_applications_listing_idx').on(t.listingId)],
);
