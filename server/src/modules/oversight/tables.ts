import { char, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { TESTING_DOMAINS } from '@shijian/contracts';
import { campaigns } from '../campaigns/tables.js';
import { cases } from '../enforcement/tables.js';
import { orgs, users } from '../identity/tables.js';
import { institutions } from '../registry/tables.js';

/**
 * A check of a testing institution (检验检测机构监督检查, notice 004): reports spot-checked
 * on site and the untrue (不实) and fake (虚假) ones found, and the case it led to.
 */
export const institutionChecks = pgTable(
  'institution_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    /** The checking bureau. */
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** The institution's region: bureaus over it see the check. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    domain: text('domain', { enum: TESTING_DOMAINS }).notNull(),
    checkedOn: date('checked_on').notNull(),
    reportsChecked: integer('reports_checked').notNull(),
    untrueReports: integer('untrue_reports').notNull(),
    fakeReports: integer('fake_reports').notNull(),
    findings: text('findings').notNull(),
    /** The case lead opened from this check, if any. */
    caseId: uuid('case_id').references(() => cases.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('institution_checks_region_idx').on(t.regionCode, t.checkedOn), index('institution_checks_campaign_idx').on(t.campaignId)],
);
