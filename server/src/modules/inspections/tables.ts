import { boolean, char, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INSPECTION_OUTCOMES, RISK_TIERS } from '@shijian/contracts';
import { orgs, users } from '../identity/tables.js';
import { enterprises } from '../registry/tables.js';
import { campaigns } from '../campaigns/tables.js';

/** An enterprise's risk tier for inspection ratios; enterprises without a row are 'general'. */
export const enterpriseRiskTiers = pgTable('enterprise_risk_tiers', {
  enterpriseId: uuid('enterprise_id')
    .primaryKey()
    .references(() => enterprises.id),
  tier: text('tier', { enum: RISK_TIERS }).notNull(),
  basis: text('basis').notNull(),
  assessedOn: date('assessed_on').notNull(),
});

/** The inspector roster (执法检查人员名录): officers with an enforcement ID and their fields. */
export const inspectors = pgTable(
  'inspectors',
  {
    userId: uuid('user_id')
      .primaryKey()
      .references(() => users.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    enforcementId: text('enforcement_id').notNull().unique(),
    fields: text('fields').array().notNull(),
    active: boolean('active').notNull(),
  },
  (t) => [index('inspectors_region_idx').on(t.regionCode)],
);

/** A declared conflict of interest: the inspector is never drawn for this enterprise. */
export const inspectorConflicts = pgTable(
  'inspector_conflicts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inspectorUserId: uuid('inspector_user_id')
      .notNull()
      .references(() => inspectors.userId),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    reason: text('reason').notNull(),
    declaredOn: date('declared_on').notNull(),
  },
  (t) => [uniqueIndex('inspector_conflicts_pair_idx').on(t.inspectorUserId, t.enterpriseId)],
);

/**
 * A draw (抽取): its filters, ratios, the seed and a digest of the ordered inputs.
 * Anyone holding the published inputs and seed re-runs it and gets the same targets.
 */
export const inspectionDraws = pgTable(
  'inspection_draws',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    name: text('name').notNull(),
    /** Filters, ratios or count, inspectors per target, exclusions — as given. */
    parameters: jsonb('parameters').notNull(),
    /** The ordered candidate and inspector ids the draw ran on (published with the seed). */
    inputs: jsonb('inputs').notNull(),
    inputsSha256: text('inputs_sha256').notNull(),
    seed: text('seed').notNull(),
    drawnAt: timestamp('drawn_at', { withTimezone: true, mode: 'date' }).notNull(),
    drawnBy: uuid('drawn_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('inspection_draws_region_idx').on(t.regionCode, t.drawnAt)],
);

export const inspectionTargets = pgTable(
  'inspection_targets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    drawId: uuid('draw_id')
      .notNull()
      .references(() => inspectionDraws.id),
    position: integer('position').notNull(),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    tier: text('tier', { enum: RISK_TIERS }).notNull(),
    inspectorUserIds: uuid('inspector_user_ids').array().notNull(),
    outcome: text('outcome', { enum: INSPECTION_OUTCOMES }),
    inspectedOn: date('inspected_on'),
    resultNote: text('result_note'),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('inspection_targets_draw_idx').on(t.drawId, t.position), index('inspection_targets_enterprise_idx').on(t.enterpriseId)],
);
