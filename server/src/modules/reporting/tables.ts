import { sql } from 'drizzle-orm';
import { boolean, char, customType, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ACCUMULATIONS, REPORT_FREQUENCIES, SUBMISSION_STATUSES, UNIT_LEVELS } from '@shijian/contracts';
import { campaigns } from '../campaigns/tables.js';
import { orgs, users } from '../identity/tables.js';

/**
 * A statistical report template: its layout and the metric of every cell as data
 * (`definition`, a ReportTemplateDefinition), who collects it (`ownerOrgId`) from
 * which level of bureaus below (`unitLevel`), and its schedule.
 */
export const reportTemplates = pgTable(
  'report_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    ownerOrgId: uuid('owner_org_id')
      .notNull()
      .references(() => orgs.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    /** The owner's GB/T 2260 prefix ('' for the national bureau): units and viewers are matched against it. */
    ownerPrefix: text('owner_prefix').notNull(),
    frequency: text('frequency', { enum: REPORT_FREQUENCIES }).notNull(),
    accumulation: text('accumulation', { enum: ACCUMULATIONS }).notNull(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    unitLevel: text('unit_level', { enum: UNIT_LEVELS }).notNull(),
    schedule: jsonb('schedule').notNull(),
    definition: jsonb('definition').notNull(),
    active: boolean('active').notNull(),
    builtIn: boolean('built_in').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('report_templates_owner_idx').on(t.ownerOrgId)],
);

/** A one-off period of a template (weekly and monthly ones follow from the schedule). */
export const reportOncePeriods = pgTable(
  'report_once_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    key: text('key').notNull(),
    label: text('label').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    remindAt: timestamp('remind_at', { withTimezone: true, mode: 'date' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('report_once_periods_key_idx').on(t.templateId, t.key)],
);

/**
 * One reporting unit's report for one period. A draft holds only the manual cells
 * (the computed ones are live); submitting freezes every cell into `cells`.
 */
export const reportSubmissions = pgTable(
  'report_submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id')
      .notNull()
      .references(() => reportTemplates.id),
    periodKey: text('period_key').notNull(),
    unitOrgId: uuid('unit_org_id')
      .notNull()
      .references(() => orgs.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    status: text('status', { enum: SUBMISSION_STATUSES }).notNull(),
    filledBy: text('filled_by'),
    phone: text('phone'),
    /** The period's last day and deadline as they were when submitted. */
    dataThrough: date('data_through'),
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    /** Every cell at submission: { [cellKey]: { value, numerator?, denominator?, note? } }. */
    cells: jsonb('cells'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    returnReason: text('return_reason'),
    /** A late unit excused by the level above, with the reason. */
    exceptionReason: text('exception_reason'),
    exceptionBy: uuid('exception_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('report_submissions_unit_idx').on(t.templateId, t.periodKey, t.unitOrgId), index('report_submissions_region_idx').on(t.regionCode)],
);

/** A figure the records cannot know, entered by the unit with the note that explains it. */
export const reportManualValues = pgTable(
  'report_manual_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => reportSubmissions.id),
    cellKey: text('cell_key').notNull(),
    value: numeric('value', { precision: 20, scale: 4 }).notNull(),
    note: text('note').notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('report_manual_values_cell_idx').on(t.submissionId, t.cellKey)],
);

/** PostgreSQL's 64-bit transaction id, as text. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => 'xid8' });

/**
 * Where the records behind the statistics changed: a row per region and writing statement,
 * appended by triggers on the source tables (migration 0012) with the writer's transaction id,
 * whoever writes — the services, an import or SQL by hand. The aggregate cache asks it what
 * changed since it computed a unit's figures. Not audited: it is derived, like an index.
 */
export const statChanges = pgTable(
  'stat_changes',
  {
    xid: xid8('xid')
      .notNull()
      .default(sql`pg_current_xact_id()`),
    regionCode: char('region_code', { length: 6 }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('stat_changes_xid_idx').on(t.xid, t.regionCode)],
);

/** Change rows up to `xid` have been cleared away: figures computed before it are recomputed. */
export const statHorizon = pgTable('stat_horizon', {
  id: integer('id').primaryKey(),
  xid: xid8('xid').notNull(),
});
