import { sql } from 'drizzle-orm';
import { bigserial, char, date, doublePrecision, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
    // A handled warning stands for its level a while: the scan looks up every subject's warnings.
    index('risk_warnings_subject_idx').on(t.dimension, t.subjectKey, t.updatedAt),
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

/**
 * The scores kept between requests: the signals summed per enterprise, category, region and kind,
 * each decayed to `risk_state.scored_on`. Decay is exponential, so a part read on a later day is
 * its value times one factor; categories and regions are sums of parts. Derived data: rebuilt by a
 * full rescoring, patched per enterprise (or, for signals without one, per region) from
 * `risk_changes`; not audited, like the statistics' kept figures.
 */
export const riskScoreParts = pgTable(
  'risk_score_parts',
  {
    enterpriseId: uuid('enterprise_id'),
    category: text('category'),
    regionCode: char('region_code', { length: 6 }).notNull(),
    kind: text('kind').notNull(),
    value: doublePrecision('value').notNull(),
    signals: integer('signals').notNull(),
  },
  (t) => [index('risk_score_parts_enterprise_idx').on(t.enterpriseId), index('risk_score_parts_region_idx').on(t.regionCode)],
);

/**
 * Each enterprise's kept score (its parts summed, decayed to the same day), placed at the
 * enterprise's registered region: the rankings of enterprises read an index, not a GROUP BY over
 * every part. Rebuilt and patched with the parts.
 */
export const riskEnterpriseScores = pgTable(
  'risk_enterprise_scores',
  {
    enterpriseId: uuid('enterprise_id').primaryKey(),
    regionCode: char('region_code', { length: 6 }).notNull(),
    value: doublePrecision('value').notNull(),
    signals: integer('signals').notNull(),
    byKind: jsonb('by_kind').$type<Record<string, number>>().notNull(),
  },
  (t) => [index('risk_enterprise_scores_value_idx').on(t.value.desc()), index('risk_enterprise_scores_region_idx').on(t.regionCode, t.value.desc())],
);

/** One row: the day the kept parts are decayed to, the model they were computed with, the last full rescoring. */
export const riskState = pgTable('risk_state', {
  id: integer('id').primaryKey(),
  scoredOn: date('scored_on', { mode: 'string' }).notNull(),
  modelAt: timestamp('model_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastFullAt: timestamp('last_full_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastFullMs: integer('last_full_ms').notNull(),
});

/**
 * Signals changed since the parts were computed, written by triggers on every source table
 * (migration 0021): the enterprise whose parts to recompute, or for a signal without an
 * enterprise, its region.
 */
export const riskChanges = pgTable('risk_changes', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  enterpriseId: uuid('enterprise_id'),
  regionCode: char('region_code', { length: 6 }),
});
