import { sql } from 'drizzle-orm';
import { boolean, char, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { QA_TOPICS, VIOLATION_CATEGORIES } from '@shijian/contracts';
import { orgs, users } from '../identity/tables.js';
import { cases } from '../enforcement/tables.js';

/**
 * A typical case (典型案例) as published on the portal: the publisher's text for the public,
 * written from a decided case of its region. Withdrawing keeps the row (with who, when and why)
 * and takes it off the portal; the case may then be published again with a new text.
 */
export const typicalCases = pgTable(
  'typical_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    /** The publishing bureau. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    /** The case's region (its handling bureau's): the scope of the publication and the portal's region filter. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    violation: text('violation').notNull(),
    legalBasis: text('legal_basis').notNull(),
    penalty: text('penalty').notNull(),
    /** Copied from the case when published, so the portal filters without reading cases. */
    violationCategory: text('violation_category', { enum: VIOLATION_CATEGORIES }).notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [
    // One active publication per case; the insert relies on it (on conflict do nothing) so two publishers can't both win.
    uniqueIndex('typical_cases_active_case_idx').on(t.caseId).where(sql`withdrawn_at is null`),
    index('typical_cases_region_idx').on(t.regionCode, t.publishedOn),
    index('typical_cases_public_idx').on(t.publishedOn, t.id).where(sql`withdrawn_at is null`),
  ],
);

/**
 * The epidemic-goods Q&A (防疫用品问答): a bureau's answers to what the public asks about masks,
 * protective clothing, thermometers, disinfectants and prices. Only published entries reach the
 * portal; an entry may be deleted only while unpublished.
 */
export const epidemicQa = pgTable(
  'epidemic_qa',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    topic: text('topic', { enum: QA_TOPICS }).notNull(),
    /** The publishing bureau's region; null for the national bureau. A bureau edits the entries of its subtree. */
    regionCode: char('region_code', { length: 6 }),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    sortOrder: integer('sort_order').notNull(),
    published: boolean('published').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('epidemic_qa_public_idx').on(t.published, t.sortOrder), index('epidemic_qa_region_idx').on(t.regionCode)],
);
