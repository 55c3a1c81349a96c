import { sql } from 'drizzle-orm';
import { char, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { COMPLAINT_CHANNELS, COMPLAINT_EVENT_ACTIONS, COMPLAINT_KINDS, COMPLAINT_STATUSES } from '@shijian/contracts';
import { cases } from '../enforcement/tables.js';
import { orgs, users } from '../identity/tables.js';
import { enterprises } from '../registry/tables.js';

/** Per-bureau, per-year complaint numbers, incremented under a row lock. */
export const complaintCounters = pgTable(
  'complaint_counters',
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
 * A complaint (投诉) or report (举报), handled by the bureau of the target's region. The clock
 * running now is kept on the row (`dueOn`), so the overdue list is one index range per scope.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintNo: text('complaint_no').notNull().unique(),
    kind: text('kind', { enum: COMPLAINT_KINDS }).notNull(),
    channel: text('channel', { enum: COMPLAINT_CHANNELS }).notNull(),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull(),
    complainantName: text('complainant_name').notNull(),
    complainantPhone: text('complainant_phone').notNull(),
    /** SHA-256 of the code a complainant tracks the complaint with. */
    accessCodeHash: text('access_code_hash'),
    targetName: text('target_name').notNull(),
    targetUscc: char('target_uscc', { length: 18 }),
    targetEnterpriseId: uuid('target_enterprise_id').references(() => enterprises.id),
    targetRegionCode: char('target_region_code', { length: 6 }).notNull(),
    productCategory: text('product_category'),
    subject: text('subject').notNull(),
    content: text('content').notNull(),
    amountYuan: numeric('amount_yuan', { precision: 16, scale: 2 }),
    handlingOrgId: uuid('handling_org_id')
      .notNull()
      .references(() => orgs.id),
    /** The handling bureau's region: the bureaus over it see the complaint. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    decisionDueOn: date('decision_due_on', { mode: 'string' }).notNull(),
    mediationDueOn: date('mediation_due_on', { mode: 'string' }),
    clock: text('clock', { enum: ['decision', 'mediation'] }),
    dueOn: date('due_on', { mode: 'string' }),
    decisionNote: text('decision_note').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }),
    reply: text('reply'),
    repliedAt: timestamp('replied_at', { withTimezone: true, mode: 'date' }),
    caseId: uuid('case_id').references(() => cases.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('complaints_region_idx').on(t.regionCode, t.receivedOn),
    index('complaints_due_idx').on(t.dueOn, t.id).where(sql`due_on is not null`),
    index('complaints_target_idx').on(t.targetEnterpriseId),
    // Risk signals without a known enterprise are recomputed per target region.
    index('complaints_untargeted_idx').on(t.targetRegionCode).where(sql`target_enterprise_id is null`),
  ],
);

/**
 * What happened to a complaint, one row per step (received, accepted, mediation, reply, lead…),
 * with the note of that step: the complaint row keeps only its latest decision note. Never edited.
 */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    action: text('action', { enum: COMPLAINT_EVENT_ACTIONS }).notNull(),
    note: text('note').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('complaint_events_complaint_idx').on(t.complaintId, t.at)],
);
