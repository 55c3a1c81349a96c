import { sql } from 'drizzle-orm';
import { char, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { RISK_DIMENSIONS, WARNING_LEVELS, WARNING_STATUSES } from '@shijian/contracts';
import { users } from '../identity/tables.js';
import { enterprises } from '../registry/tables.js';
import type { RiskModel } from './scoring.js';

/** The scoring model in force (one row): weights per signal, half-life, window, thresholds. */
export const riskModels = pgTable('risk_models', {
  id: integer('id').primaryKey(),
  model: jsonb('model').$type<RiskModel>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Public-opinion items (舆情) imported from monitoring: a signal like any other. */
export const riskOpinions = pgTable(
  'risk_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    text: text('text').notNull(),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    category: text('category'),
    regionCode: char('region_code', { length: 6 }).notNull(),
    importedBy: uuid('imported_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('risk_opinions_region_idx').on(t.regionCode, t.publishedOn), index('risk_opinions_enterprise_idx').on(t.enterpriseId)],
);

/** A warning raised when a subject's score crosses a threshold, moving 发现 → 研判 → 预警 → 处置. */
export const riskWarnings = pgTable(
  'risk_warnings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    dimension: text('dimension', { enum: RISK_DIMENSIONS }).notNull(),
    subjectKey: text('subject_key').notNull(),
    label: text('label').notNull(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    level: text('level', { enum: WARNING_LEVELS }).notNull(),
    score: numeric('score', { precision: 14, scale: 2 }).notNull(),
    status: text('status', { enum: WARNING_STATUSES }).notNull(),
    ownerId: uuid('owner_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('risk_warnings_region_idx').on(t.regionCode, t.createdAt),
    index('risk_warnings_open_idx').on(t.dimension, t.subjectKey).where(sql`status <> 'handled'`),
  ],
);

/** The steps of a warning, with who took them and why. Never edited. */
export const riskWarningSteps = pgTable(
  'risk_warning_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    warningId: uuid('warning_id')
      .notNull()
      .references(() => riskWarnings.id),
    status: text('status', { enum: WARNING_STATUSES }).notNull(),
    note: text('note').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('risk_warning_steps_warning_idx').on(t.warningId, t.at)],
);
