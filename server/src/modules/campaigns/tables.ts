import { char, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { PROBLEM_STATUSES, RECTIFICATION_STATUSES, SCREENING_RESULTS } from '@shijian/contracts';
import { orgs, users } from '../identity/tables.js';
import { enterprises } from '../registry/tables.js';

/** A special campaign (专项整治行动) run by a regulator for a period, over categories and areas. */
export const campaigns = pgTable(
  'campaigns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** The lead department; its region bounds who sees the campaign below the national level. */
    leadOrgId: uuid('lead_org_id')
      .notNull()
      .references(() => orgs.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    categories: text('categories').array().notNull(),
    /** GB/T 2260 codes of the areas covered; empty means the lead department's whole area. */
    areaCodes: text('area_codes').array().notNull(),
    /** Member departments by name (公安, 卫生健康, 药监 …): they are not all on the platform. */
    memberDepartments: text('member_departments').array().notNull(),
    description: text('description').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('campaigns_region_idx').on(t.regionCode, t.startsOn)],
);

/** One screening (排查) of an enterprise for one product category, with its rectification. */
export const screenings = pgTable(
  'screenings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** The enterprise's region, copied so scope filters need no join. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    category: text('category').notNull(),
    screenedOn: date('screened_on').notNull(),
    officers: text('officers').array().notNull(),
    result: text('result', { enum: SCREENING_RESULTS }).notNull(),
    problems: text('problems').notNull(),
    rectificationStatus: text('rectification_status', { enum: RECTIFICATION_STATUSES }).notNull(),
    rectificationDeadline: date('rectification_deadline'),
    rectifiedOn: date('rectified_on'),
    rectificationNote: text('rectification_note'),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('screenings_region_idx').on(t.regionCode, t.screenedOn),
    index('screenings_enterprise_idx').on(t.enterpriseId, t.screenedOn),
    // Everything the statistics read of a screening, so a campaign's rows in an area come from
    // the index alone (reporting/metrics.ts); it also serves the campaign filter.
    index('screenings_report_idx').on(t.campaignId, t.regionCode, t.screenedOn, t.category, t.enterpriseId, t.result, t.rectificationStatus, t.rectifiedOn),
  ],
);

/** The problem ledger (问题清单台账) of a campaign: each problem, who fixes it, by when. */
export const problems = pgTable(
  'problems',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id')
      .notNull()
      .references(() => campaigns.id),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    problem: text('problem').notNull(),
    responsibleUnit: text('responsible_unit').notNull(),
    deadline: date('deadline').notNull(),
    status: text('status', { enum: PROBLEM_STATUSES }).notNull(),
    measures: text('measures').notNull(),
    resolvedOn: date('resolved_on'),
    enterpriseId: uuid('enterprise_id').references(() => enterprises.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('problems_campaign_idx').on(t.campaignId, t.regionCode), index('problems_region_idx').on(t.regionCode, t.deadline)],
);
