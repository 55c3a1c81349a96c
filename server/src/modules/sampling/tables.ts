import { sql } from 'drizzle-orm';
import { char, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { BATCH_CONCLUSIONS, DISPOSAL_STATUSES, OBJECTION_OUTCOMES, SAMPLING_CLOCKS, SAMPLING_PLACES, SAMPLING_STATUSES } from '@shijian/contracts';
import { orgs, users } from '../identity/tables.js';
import { DUTY_CLOCKS } from './clocks.js';
import { enterprises, institutions } from '../registry/tables.js';
import { campaigns } from '../campaigns/tables.js';
import { reports, samples } from '../lab/tables.js';

/** The partial indexes' predicate; the overdue filter's `next_clock in (…)` with these values implies it. */
const dutyClockRunning = sql.raw(`next_clock in (${DUTY_CLOCKS.map((c) => `'${c}'`).join(', ')})`);

/** A supervision sampling plan (抽查计划) of a regulator, with quotas by area and category. */
export const samplingPlans = pgTable(
  'sampling_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    campaignId: uuid('campaign_id').references(() => campaigns.id),
    name: text('name').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sampling_plans_region_idx').on(t.regionCode, t.startsOn)],
);

export const samplingQuotas = pgTable(
  'sampling_quotas',
  {
    planId: uuid('plan_id')
      .notNull()
      .references(() => samplingPlans.id),
    areaCode: char('area_code', { length: 6 }).notNull(),
    category: text('category').notNull(),
    batches: integer('batches').notNull(),
  },
  (t) => [primaryKey({ columns: [t.planId, t.areaCode, t.category] })],
);

/** A task (抽查任务): a share of a plan given to a testing institution. */
export const samplingTasks = pgTable(
  'sampling_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => samplingPlans.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    institutionOrgId: uuid('institution_org_id')
      .notNull()
      .references(() => orgs.id),
    areaCode: char('area_code', { length: 6 }).notNull(),
    category: text('category').notNull(),
    batches: integer('batches').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sampling_tasks_plan_idx').on(t.planId), index('sampling_tasks_institution_idx').on(t.institutionOrgId)],
);

/**
 * One sampled batch (抽样单) and its three clocks. `nextClock`/`nextDueOn` hold the
 * clock running now, kept on every step, so the overdue list is one index range.
 */
export const samplingRecords = pgTable(
  'sampling_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordNo: text('record_no').notNull().unique(),
    taskId: uuid('task_id')
      .notNull()
      .references(() => samplingTasks.id),
    planId: uuid('plan_id')
      .notNull()
      .references(() => samplingPlans.id),
    /** The plan's bureau: the commissioning regulator of the lab sample. */
    planOrgId: uuid('plan_org_id')
      .notNull()
      .references(() => orgs.id),
    institutionOrgId: uuid('institution_org_id')
      .notNull()
      .references(() => orgs.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    /** Where the batch was sampled (the enterprise's region), for scope. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    category: text('category').notNull(),
    productName: text('product_name').notNull(),
    specification: text('specification').notNull(),
    batchNo: text('batch_no').notNull(),
    quantity: text('quantity').notNull(),
    place: text('place', { enum: SAMPLING_PLACES }).notNull(),
    samplers: text('samplers').array().notNull(),
    sampledOn: date('sampled_on').notNull(),
    status: text('status', { enum: SAMPLING_STATUSES }).notNull(),
    deliveryDueOn: date('delivery_due_on').notNull(),
    sampleId: uuid('sample_id').references(() => samples.id),
    receivedOn: date('received_on'),
    reportDueOn: date('report_due_on'),
    reportId: uuid('report_id').references(() => reports.id),
    reportedOn: date('reported_on'),
    conclusion: text('conclusion', { enum: BATCH_CONCLUSIONS }),
    objectionDueOn: date('objection_due_on'),
    objectionFiledOn: date('objection_filed_on'),
    objectionReason: text('objection_reason'),
    objectionOutcome: text('objection_outcome', { enum: OBJECTION_OUTCOMES }),
    objectionDecidedOn: date('objection_decided_on'),
    nextClock: text('next_clock', { enum: SAMPLING_CLOCKS }),
    nextDueOn: date('next_due_on'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('sampling_records_region_idx').on(t.regionCode, t.sampledOn, t.id),
    // A province or the nation pages through every batch in sampling order: without a
    // leading region code, only an index on the order itself avoids sorting millions.
    index('sampling_records_sampled_idx').on(t.sampledOn, t.id),
    // Overdue lists only ever ask for the duty clocks; closed batches (most of them) stay out.
    index('sampling_records_due_idx').on(t.regionCode, t.nextDueOn).where(dutyClockRunning),
    index('sampling_records_overdue_idx').on(t.nextDueOn, t.id).where(dutyClockRunning),
    index('sampling_records_task_idx').on(t.taskId),
    // Everything the statistics read of a batch: a plan's batches in an area from the index alone.
    index('sampling_records_report_idx').on(t.planId, t.regionCode, t.sampledOn, t.category, t.enterpriseId, t.conclusion, t.reportedOn),
    index('sampling_records_institution_idx').on(t.institutionOrgId, t.status),
    index('sampling_records_enterprise_idx').on(t.enterpriseId, t.sampledOn),
    index('sampling_records_sample_idx').on(t.sampleId),
  ],
);

/** What was done with a nonconforming batch: notice, sealing or removal, and where the goods went. */
export const disposals = pgTable(
  'disposals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    samplingRecordId: uuid('sampling_record_id')
      .notNull()
      .unique()
      .references(() => samplingRecords.id),
    enterpriseId: uuid('enterprise_id')
      .notNull()
      .references(() => enterprises.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    status: text('status', { enum: DISPOSAL_STATUSES }).notNull(),
    openedOn: date('opened_on').notNull(),
    enterpriseNotifiedOn: date('enterprise_notified_on'),
    measures: text('measures').notNull(),
    quantitySealed: numeric('quantity_sealed', { precision: 14, scale: 2 }),
    quantityRemoved: numeric('quantity_removed', { precision: 14, scale: 2 }),
    unit: text('unit').notNull(),
    /** A recall notice number or link, until the recall module holds recalls. */
    recallReference: text('recall_reference'),
    closedOn: date('closed_on'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('disposals_region_idx').on(t.regionCode, t.status)],
);

/** One downstream delivery of a nonconforming batch (流向): buyer, quantity, how much came back. */
export const disposalFlows = pgTable(
  'disposal_flows',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    disposalId: uuid('disposal_id')
      .notNull()
      .references(() => disposals.id),
    buyerName: text('buyer_name').notNull(),
    buyerUscc: char('buyer_uscc', { length: 18 }),
    buyerRegionCode: char('buyer_region_code', { length: 6 }),
    quantity: numeric('quantity', { precision: 14, scale: 2 }).notNull(),
    quantityRecovered: numeric('quantity_recovered', { precision: 14, scale: 2 }).notNull(),
    shippedOn: date('shipped_on'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('disposal_flows_disposal_idx').on(t.disposalId)],
);
