import { sql } from 'drizzle-orm';
import { boolean, char, date, index, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { BOOKING_CHANNELS, BOOKING_STATUSES, FEE_CONDITIONS, PLACE_TYPES, SERVICE_KINDS, SERVICE_REQUEST_STATUSES } from '@shijian/contracts';
import { orgs, users } from '../identity/tables.js';
import { samples } from '../lab/tables.js';
import { institutions } from '../registry/tables.js';

const yuan = (name: string) => numeric(name, { precision: 16, scale: 2 });

/** What an institution offers (服务项目): the public catalogue is every active item. */
export const serviceItems = pgTable(
  'service_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** The institution's region, so the catalogue filters by region without a join. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    kind: text('kind', { enum: SERVICE_KINDS }).notNull(),
    name: text('name').notNull(),
    parameters: text('parameters').notNull(),
    standards: text('standards').array().notNull(),
    categoryCodes: text('category_codes').array().notNull(),
    feeYuan: yuan('fee_yuan').notNull(),
    turnaroundDays: integer('turnaround_days').notNull(),
    onSite: boolean('on_site').notNull(),
    epidemic: boolean('epidemic').notNull(),
    compulsory: boolean('compulsory').notNull(),
    active: boolean('active').notNull(),
    /** Name, parameters and standards in lower case: what the catalogue's words are matched against (one LIKE, no per-row lowercasing). */
    searchText: text('search_text').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('service_items_institution_idx').on(t.institutionId, t.name), index('service_items_region_idx').on(t.regionCode, t.kind)],
);

/** Fee waivers and reductions as data (收费减免), with the period and area they apply to. */
export const feeRules = pgTable('fee_rules', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  condition: text('condition', { enum: FEE_CONDITIONS }).notNull(),
  reductionPercent: integer('reduction_percent').notNull(),
  /** null: the whole country; else the rule covers this region's subtree. */
  regionCode: char('region_code', { length: 6 }),
  effectiveFrom: date('effective_from', { mode: 'string' }).notNull(),
  effectiveTo: date('effective_to', { mode: 'string' }),
  basis: text('basis').notNull(),
  active: boolean('active').notNull(),
  ownerOrgId: uuid('owner_org_id').references(() => orgs.id),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** Per-institution, per-year request numbers, incremented under a row lock. */
export const serviceCounters = pgTable(
  'service_counters',
  {
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    year: integer('year').notNull(),
    value: integer('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.institutionId, t.year] })],
);

/**
 * A request for service items of one institution. Green-channel requests (epidemic work)
 * carry a 24-hour response clock and can only be accepted, referred or escalated.
 */
export const serviceRequests = pgTable(
  'service_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestNo: text('request_no').notNull().unique(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    institutionOrgId: uuid('institution_org_id')
      .notNull()
      .references(() => orgs.id),
    /** The handling institution's region: the bureaus over it oversee the request. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    /** null for a member of the public without an account. */
    requesterOrgId: uuid('requester_org_id').references(() => orgs.id),
    requesterKind: text('requester_kind', { enum: ['enterprise', 'regulator', 'institution', 'public'] }).notNull(),
    requesterName: text('requester_name').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    /** SHA-256 of the code a public requester tracks the request with. */
    accessCodeHash: text('access_code_hash'),
    description: text('description').notNull(),
    epidemicRelated: boolean('epidemic_related').notNull(),
    green: boolean('green').notNull(),
    status: text('status', { enum: SERVICE_REQUEST_STATUSES }).notNull(),
    statusNote: text('status_note').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull(),
    respondBy: timestamp('respond_by', { withTimezone: true, mode: 'date' }),
    respondedAt: timestamp('responded_at', { withTimezone: true, mode: 'date' }),
    /** 首问负责人: the staff member who first answered the request. */
    firstResponderId: uuid('first_responder_id').references(() => users.id),
    escalatedToOrgId: uuid('escalated_to_org_id').references(() => orgs.id),
    referredFromId: uuid('referred_from_id'),
    createdBy: uuid('created_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('service_requests_institution_idx').on(t.institutionOrgId, t.submittedAt),
    index('service_requests_requester_idx').on(t.requesterOrgId, t.submittedAt),
    index('service_requests_region_idx').on(t.regionCode, t.submittedAt),
    index('service_requests_waiting_idx').on(t.respondBy).where(sql`status = 'submitted' and green`),
  ],
);

/** The items of a request with the fee each came to and the rule that reduced it. */
export const serviceRequestLines = pgTable(
  'service_request_lines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    itemId: uuid('item_id')
      .notNull()
      .references(() => serviceItems.id),
    quantity: integer('quantity').notNull(),
    unitFeeYuan: yuan('unit_fee_yuan').notNull(),
    grossYuan: yuan('gross_yuan').notNull(),
    waivedYuan: yuan('waived_yuan').notNull(),
    feeRuleId: uuid('fee_rule_id').references(() => feeRules.id),
    referredToRequestId: uuid('referred_to_request_id'),
  },
  (t) => [index('service_request_lines_request_idx').on(t.requestId)],
);

/** One step of a referral chain (转介): from one institution's request to another's. */
export const serviceReferrals = pgTable(
  'service_referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromRequestId: uuid('from_request_id')
      .notNull()
      .references(() => serviceRequests.id),
    toRequestId: uuid('to_request_id')
      .notNull()
      .references(() => serviceRequests.id),
    reason: text('reason').notNull(),
    referredBy: uuid('referred_by').references(() => users.id),
    referredAt: timestamp('referred_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('service_referrals_from_idx').on(t.fromRequestId), index('service_referrals_to_idx').on(t.toRequestId)],
);

/** Appointment slots an institution opens (at the institution, or a team's on-site day). */
export const serviceSlots = pgTable(
  'service_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    regionCode: char('region_code', { length: 6 }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    capacity: integer('capacity').notNull(),
    onSite: boolean('on_site').notNull(),
    note: text('note').notNull(),
    cancelled: boolean('cancelled').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('service_slots_institution_idx').on(t.institutionId, t.startsAt)],
);

/** A booking of a slot: online by the requester, or a phone booking entered by the institution's staff. */
export const serviceBookings = pgTable(
  'service_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => serviceSlots.id),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    requestId: uuid('request_id').references(() => serviceRequests.id),
    requesterOrgId: uuid('requester_org_id').references(() => orgs.id),
    requesterName: text('requester_name').notNull(),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    channel: text('channel', { enum: BOOKING_CHANNELS }).notNull(),
    status: text('status', { enum: BOOKING_STATUSES }).notNull(),
    note: text('note').notNull(),
    bookedBy: uuid('booked_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('service_bookings_slot_idx').on(t.slotId), index('service_bookings_requester_idx').on(t.requesterOrgId, t.createdAt), index('service_bookings_institution_idx').on(t.institutionId, t.createdAt)],
);

/**
 * On-site service (上门服务): a team sent to a hospital, a checkpoint, an enterprise or a
 * crowded place. Notice 003's staff person-times and places served come from these rows.
 */
export const onsiteDispatches = pgTable(
  'onsite_dispatches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    /** Where the team went: bureaus over that place see the dispatch and count it. */
    regionCode: char('region_code', { length: 6 }).notNull(),
    requestId: uuid('request_id').references(() => serviceRequests.id),
    placeType: text('place_type', { enum: PLACE_TYPES }).notNull(),
    placeName: text('place_name').notNull(),
    team: text('team').notNull(),
    staff: text('staff').array().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The Beijing date of the visit, for the statistics' windows. */
    servedOn: date('served_on', { mode: 'string' }).notNull(),
    note: text('note').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('onsite_dispatches_region_idx').on(t.regionCode, t.servedOn), index('onsite_dispatches_institution_idx').on(t.institutionId, t.servedOn)],
);

/** A lab sample received for a testing line of a request: the request's result is that sample's report. */
export const serviceRequestSamples = pgTable(
  'service_request_samples',
  {
    sampleId: uuid('sample_id')
      .primaryKey()
      .references(() => samples.id),
    requestId: uuid('request_id')
      .notNull()
      .references(() => serviceRequests.id),
    requestLineId: uuid('request_line_id')
      .notNull()
      .references(() => serviceRequestLines.id),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('service_request_samples_request_idx').on(t.requestId)],
);
