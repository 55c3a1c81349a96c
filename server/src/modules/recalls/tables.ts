import { char, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { RECALL_MEASURES, RECALL_SOURCES, RECALL_STATUSES, RISK_LEVELS } from '@shijian/contracts';
import { orgs, users } from '../identity/tables.js';
import { enterprises } from '../registry/tables.js';

/**
 * A defect recall (缺陷召回) from the report to the last progress figure. Regulators of the
 * producer's region oversee it; the producer sees its own and files the plan and progress.
 */
export const recalls = pgTable(
  'recalls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recallNo: text('recall_no').notNull().unique(),
    status: text('status', { enum: RECALL_STATUSES }).notNull(),
    source: text('source', { enum: RECALL_SOURCES }).notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The producer's org when it has accounts: it sees the recall and files plan and progress. */
    enterpriseOrgId: uuid('enterprise_org_id').references(() => orgs.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    productName: text('product_name').notNull(),
    productCategory: text('product_category'),
    batches: text('batches').notNull(),
    defect: text('defect').notNull(),
    injuries: integer('injuries').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    riskLevel: text('risk_level', { enum: RISK_LEVELS }),
    conclusion: text('conclusion'),
    scope: text('scope'),
    measures: text('measures', { enum: RECALL_MEASURES }).array().notNull(),
    quantityTotal: integer('quantity_total'),
    quantityRecalled: integer('quantity_recalled').notNull(),
    startsOn: date('starts_on', { mode: 'string' }),
    endsOn: date('ends_on', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('recalls_region_idx').on(t.regionCode, t.reportedOn), index('recalls_enterprise_idx').on(t.enterpriseId), index('recalls_published_idx').on(t.publishedAt)],
);

/** Progress reports: the cumulative number recalled as of a day. Never edited. */
export const recallProgress = pgTable(
  'recall_progress',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recallId: uuid('recall_id')
      .notNull()
      .references(() => recalls.id),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    quantityRecalled: integer('quantity_recalled').notNull(),
    note: text('note').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('recall_progress_recall_idx').on(t.recallId, t.reportedOn)],
);

/** Recall numbers per year, incremented under a row lock. */
export const recallCounters = pgTable('recall_counters', {
  year: integer('year').primaryKey(),
  value: integer('value').notNull(),
});
