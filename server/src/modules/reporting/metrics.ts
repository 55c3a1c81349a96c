import { sql, type SQL } from 'drizzle-orm';
import { METRICS, type MetricKey, type MetricSource, type RowDimension, type ViolationCategory } from '@shijian/contracts';
import { regionRange } from '../../platform/actor.js';
import { campaigns, screenings } from '../campaigns/tables.js';
import { cases, dishonestyListings } from '../enforcement/tables.js';
import { orgs } from '../identity/tables.js';
import { institutionChecks } from '../oversight/tables.js';
import { enterprises, institutions, instrumentVerifications, instruments, productCategories } from '../registry/tables.js';
import { verificationCertificates } from '../metrology/tables.js';
import { samplingPlans, samplingRecords } from '../sampling/tables.js';
import { onsiteDispatches, serviceItems, serviceRequestLines, serviceRequests } from '../services/tables.js';

/**
 * The SQL behind the metric catalogue. Statistics are the one place that reads
 * across modules' tables directly: every cell is a query over the operational
 * records (never a copy of them), and reporting never writes to them.
 *
 * Each source is one table (with what it joins) and each metric one aggregate
 * over it with a condition, so a whole template is one GROUP BY per source, and
 * the same condition lists the records behind a cell.
 */
export type Window = { from: string; to: string };
export type CellFilter = { violation?: ViolationCategory };

/** Distinct counts count the source's `entity` (an enterprise, an institution) once per row of the table. */
type Aggregate = { kind: 'count' } | { kind: 'distinct' } | { kind: 'sum'; expr: SQL; divideBy?: number };
type Measure = { when: (w: Window, f: CellFilter) => SQL; aggregate: Aggregate };

type Source = {
  /** What the aggregates read: the table and only the joins a measure needs. */
  from: SQL;
  /** What the drill-down reads: `from` and the names it shows. */
  drillFrom: SQL;
  region: SQL;
  dimensions: Partial<Record<Exclude<RowDimension, 'none'>, SQL>>;
  /** What a distinct count counts. */
  entity?: SQL;
  campaign: ((campaignId: string) => SQL) | null;
  /** A superset of the rows any metric of the source counts in the window, for the indexes. */
  within: (w: Window) => SQL;
  drill: { kind: 'screening' | 'sampling' | 'case' | 'check' | 'verification' | 'dispatch' | 'certificate' | 'service_request'; id: SQL; date: SQL; title: SQL; detail: SQL; link: SQL };
};

/** A request's day is its Beijing date: a request at 07:00 Beijing time belongs to that day, not the UTC day before. */
const submittedDay = sql`(${serviceRequests.submittedAt} at time zone 'Asia/Shanghai')::date`;
const categoryName = (code: unknown) => sql`coalesce((select ${productCategories.name} from ${productCategories} where ${productCategories.code} = ${code}), ${code})`;
const between = (column: SQL | unknown, w: Window) => sql`${column} between ${w.from}::date and ${w.to}::date`;
const violation = (column: unknown, f: CellFilter) => (f.violation ? sql` and ${column} = ${f.violation}` : sql``);

const SOURCES: Record<MetricSource, Source> = {
  screenings: {
    from: sql`${screenings}`,
    drillFrom: sql`${screenings} join ${enterprises} on ${enterprises.id} = ${screenings.enterpriseId}`,
    region: sql`${screenings.regionCode}`,
    dimensions: { category: sql`${screenings.category}` },
    entity: sql`${screenings.enterpriseId}`,
    campaign: (id) => sql`${screenings.campaignId} = ${id}`,
    // Rectification comes after screening, so whatever is counted was screened by the window's end.
    within: (w) => sql`${screenings.screenedOn} <= ${w.to}::date`,
    drill: {
      kind: 'screening',
      id: sql`${screenings.id}`,
      date: sql`${screenings.screenedOn}`,
      title: sql`${enterprises.name}`,
      detail: sql`${categoryName(screenings.category)} || ' · ' || case ${screenings.result} when 'nonconforming' then '不合格' else '合格' end || case ${screenings.rectificationStatus} when 'completed' then ' · 已整改' when 'pending' then ' · 整改中' else '' end`,
      link: sql`'/enforcement/archive/' || ${screenings.enterpriseId}`,
    },
  },
  sampling: {
    from: sql`${samplingRecords}`,
    drillFrom: sql`${samplingRecords} join ${enterprises} on ${enterprises.id} = ${samplingRecords.enterpriseId}`,
    region: sql`${samplingRecords.regionCode}`,
    dimensions: { category: sql`${samplingRecords.category}` },
    entity: sql`${samplingRecords.enterpriseId}`,
    campaign: (id) => sql`${samplingRecords.planId} in (select ${samplingPlans.id} from ${samplingPlans} where ${samplingPlans.campaignId} = ${id})`,
    within: (w) => between(samplingRecords.sampledOn, w),
    drill: {
      kind: 'sampling',
      id: sql`${samplingRecords.id}`,
      date: sql`${samplingRecords.sampledOn}`,
      title: sql`${enterprises.name} || ' · ' || ${samplingRecords.productName}`,
      detail: sql`${samplingRecords.recordNo} || ' · ' || ${categoryName(samplingRecords.category)} || case ${samplingRecords.conclusion} when 'nonconforming' then ' · 不合格' when 'conforming' then ' · 合格' else ' · 待出结论' end`,
      link: sql`'/supervision/sampling/batches/' || ${samplingRecords.id}`,
    },
  },
  cases: {
    from: sql`${cases}`,
    drillFrom: sql`${cases}`,
    region: sql`${cases.regionCode}`,
    dimensions: { category: sql`${cases.productCategory}` },
    campaign: (id) => sql`${cases.campaignId} = ${id}`,
    // Every date of a case (filed, decided, transferred) comes after its lead.
    within: (w) => sql`${cases.leadOn} <= ${w.to}::date`,
    drill: {
      kind: 'case',
      id: sql`${cases.id}`,
      date: sql`${cases.leadOn}`,
      title: sql`${cases.caseNo} || ' · ' || ${cases.partyName}`,
      detail: sql`coalesce(${categoryName(cases.productCategory)} || ' · ', '') || ${cases.summary}`,
      link: sql`'/enforcement/cases/' || ${cases.id}`,
    },
  },
  checks: {
    from: sql`${institutionChecks} left join ${cases} on ${cases.id} = ${institutionChecks.caseId}
      left join ${dishonestyListings} on ${dishonestyListings.caseId} = ${cases.id}`,
    drillFrom: sql`${institutionChecks} join ${institutions} on ${institutions.id} = ${institutionChecks.institutionId}
      left join ${cases} on ${cases.id} = ${institutionChecks.caseId}
      left join ${dishonestyListings} on ${dishonestyListings.caseId} = ${cases.id}`,
    region: sql`${institutionChecks.regionCode}`,
    dimensions: { domain: sql`${institutionChecks.domain}` },
    entity: sql`${institutionChecks.institutionId}`,
    campaign: (id) => sql`${institutionChecks.campaignId} = ${id}`,
    within: (w) => sql`${institutionChecks.checkedOn} <= ${w.to}::date`,
    drill: {
      kind: 'check',
      id: sql`${institutionChecks.id}`,
      date: sql`${institutionChecks.checkedOn}`,
      title: sql`${institutions.name}`,
      detail: sql`'抽查报告 ' || ${institutionChecks.reportsChecked} || ' 份，不实 ' || ${institutionChecks.untrueReports} || ' 份，虚假 ' || ${institutionChecks.fakeReports} || ' 份' || coalesce(' · ' || ${cases.caseNo}, '')`,
      link: sql`'/supervision/oversight/' || ${institutionChecks.id}`,
    },
  },
  verifications: {
    from: sql`${instrumentVerifications} join ${instruments} on ${instruments.id} = ${instrumentVerifications.instrumentId}
      join ${orgs} on ${orgs.id} = ${instruments.ownerOrgId}`,
    drillFrom: sql`${instrumentVerifications} join ${instruments} on ${instruments.id} = ${instrumentVerifications.instrumentId}
      join ${orgs} on ${orgs.id} = ${instruments.ownerOrgId}`,
    region: sql`${instruments.regionCode}`,
    dimensions: {},
    campaign: null,
    within: (w) => between(instrumentVerifications.performedOn, w),
    drill: {
      kind: 'verification',
      id: sql`${instrumentVerifications.id}`,
      date: sql`${instrumentVerifications.performedOn}`,
      title: sql`${instruments.name} || ' · ' || ${orgs.name}`,
      detail: sql`${instrumentVerifications.certificateNo} || case when ${instrumentVerifications.passed} then ' · 合格' else ' · 不合格' end`,
      link: sql`'/instruments/' || ${instruments.id}`,
    },
  },
  dispatches: {
    from: sql`${onsiteDispatches}`,
    drillFrom: sql`${onsiteDispatches} join ${institutions} on ${institutions.id} = ${onsiteDispatches.institutionId}`,
    region: sql`${onsiteDispatches.regionCode}`,
    dimensions: {},
    // A place is the same place by its kind and name.
    entity: sql`${onsiteDispatches.placeType} || ':' || ${onsiteDispatches.placeName}`,
    campaign: null,
    within: (w) => between(onsiteDispatches.servedOn, w),
    drill: {
      kind: 'dispatch',
      id: sql`${onsiteDispatches.id}`,
      date: sql`${onsiteDispatches.servedOn}`,
      title: sql`${onsiteDispatches.placeName}`,
      detail: sql`${institutions.name} || ' · ' || ${onsiteDispatches.team} || ' · ' || cardinality(${onsiteDispatches.staff}) || ' 人'`,
      link: sql`'/services/onsite/' || ${onsiteDispatches.id}`,
    },
  },
  certificates: {
    from: sql`${verificationCertificates} join ${serviceRequestLines} on ${serviceRequestLines.id} = ${verificationCertificates.requestLineId}
      join ${serviceItems} on ${serviceItems.id} = ${serviceRequestLines.itemId}`,
    drillFrom: sql`${verificationCertificates} join ${serviceRequestLines} on ${serviceRequestLines.id} = ${verificationCertificates.requestLineId}
      join ${serviceItems} on ${serviceItems.id} = ${serviceRequestLines.itemId}`,
    region: sql`${verificationCertificates.regionCode}`,
    dimensions: {},
    campaign: null,
    within: (w) => between(verificationCertificates.performedOn, w),
    drill: {
      kind: 'certificate',
      id: sql`${verificationCertificates.id}`,
      date: sql`${verificationCertificates.performedOn}`,
      title: sql`${verificationCertificates.instrumentName} || ' · ' || ${verificationCertificates.clientName}`,
      detail: sql`${verificationCertificates.certificateNo} || case when ${verificationCertificates.passed} then ' · 合格' else ' · 不合格' end`,
      link: sql`'/services/requests/' || ${verificationCertificates.requestId}`,
    },
  },
  service_fees: {
    from: sql`${serviceRequestLines} join ${serviceRequests} on ${serviceRequests.id} = ${serviceRequestLines.requestId}
      join ${serviceItems} on ${serviceItems.id} = ${serviceRequestLines.itemId}`,
    drillFrom: sql`${serviceRequestLines} join ${serviceRequests} on ${serviceRequests.id} = ${serviceRequestLines.requestId}
      join ${serviceItems} on ${serviceItems.id} = ${serviceRequestLines.itemId}`,
    region: sql`${serviceRequests.regionCode}`,
    dimensions: {},
    campaign: null,
    within: (w) => between(submittedDay, w),
    drill: {
      kind: 'service_request',
      id: sql`${serviceRequests.id}`,
      date: submittedDay,
      title: sql`${serviceRequests.requestNo} || ' · ' || ${serviceRequests.requesterName}`,
      detail: sql`${serviceItems.name} || ' × ' || ${serviceRequestLines.quantity} || ' · 减免 ' || ${serviceRequestLines.waivedYuan} || ' 元'`,
      link: sql`'/services/requests/' || ${serviceRequests.id}`,
    },
  },
};

const fines = sql`${cases.fineYuan} + ${cases.confiscationYuan}`;
const metrologyKinds = sql`${serviceItems.kind} in ('verification', 'calibration')`;

const MEASURES: Record<MetricKey, Measure> = {
  'screening.enterprises': { when: (w) => between(screenings.screenedOn, w), aggregate: { kind: 'distinct' } },
  'screening.nonconforming_enterprises': {
    when: (w) => sql`${screenings.result} = 'nonconforming' and ${between(screenings.screenedOn, w)}`,
    aggregate: { kind: 'distinct' },
  },
  'screening.rectified_enterprises': {
    when: (w) => sql`${screenings.rectificationStatus} = 'completed' and ${between(screenings.rectifiedOn, w)}`,
    aggregate: { kind: 'distinct' },
  },
  'sampling.enterprises': { when: (w) => between(samplingRecords.sampledOn, w), aggregate: { kind: 'distinct' } },
  'sampling.batches': { when: (w) => between(samplingRecords.sampledOn, w), aggregate: { kind: 'count' } },
  // A result counts as of the window's end: a batch judged after it is still waiting in that period.
  'sampling.judged_batches': {
    when: (w) => sql`${samplingRecords.conclusion} is not null and ${samplingRecords.reportedOn} <= ${w.to}::date and ${between(samplingRecords.sampledOn, w)}`,
    aggregate: { kind: 'count' },
  },
  'sampling.nonconforming_batches': {
    when: (w) => sql`${samplingRecords.conclusion} = 'nonconforming' and ${samplingRecords.reportedOn} <= ${w.to}::date and ${between(samplingRecords.sampledOn, w)}`,
    aggregate: { kind: 'count' },
  },
  'cases.filed': { when: (w, f) => sql`${between(cases.filedOn, w)}${violation(cases.violationCategory, f)}`, aggregate: { kind: 'count' } },
  'cases.penalized': { when: (w, f) => sql`${between(cases.decidedOn, w)}${violation(cases.violationCategory, f)}`, aggregate: { kind: 'count' } },
  'cases.fines_wan': {
    when: (w, f) => sql`${between(cases.decidedOn, w)}${violation(cases.violationCategory, f)}`,
    aggregate: { kind: 'sum', expr: fines, divideBy: 10_000 },
  },
  'cases.transferred_police': {
    when: (w, f) => sql`${cases.transferKind} = 'police' and ${between(cases.transferredOn, w)}${violation(cases.violationCategory, f)}`,
    aggregate: { kind: 'count' },
  },
  // Figures kept on the case count in the period its lead came in.
  'cases.units_investigated': {
    when: (w, f) => sql`${between(cases.leadOn, w)}${violation(cases.violationCategory, f)}`,
    aggregate: { kind: 'sum', expr: sql`${cases.unitsInvestigated}` },
  },
  'cases.staff_dispatched': {
    when: (w, f) => sql`${between(cases.leadOn, w)}${violation(cases.violationCategory, f)}`,
    aggregate: { kind: 'sum', expr: sql`${cases.staffDispatched}` },
  },
  'checks.institutions': { when: (w) => between(institutionChecks.checkedOn, w), aggregate: { kind: 'distinct' } },
  'checks.reports_checked': { when: (w) => between(institutionChecks.checkedOn, w), aggregate: { kind: 'sum', expr: sql`${institutionChecks.reportsChecked}` } },
  'checks.untrue_reports': { when: (w) => between(institutionChecks.checkedOn, w), aggregate: { kind: 'sum', expr: sql`${institutionChecks.untrueReports}` } },
  'checks.fake_reports': { when: (w) => between(institutionChecks.checkedOn, w), aggregate: { kind: 'sum', expr: sql`${institutionChecks.fakeReports}` } },
  'checks.cases_filed': { when: (w) => between(cases.filedOn, w), aggregate: { kind: 'count' } },
  'checks.cases_penalized': { when: (w) => between(cases.decidedOn, w), aggregate: { kind: 'count' } },
  'checks.fines_wan': { when: (w) => between(cases.decidedOn, w), aggregate: { kind: 'sum', expr: fines, divideBy: 10_000 } },
  'checks.listed': { when: (w) => between(dishonestyListings.listedOn, w), aggregate: { kind: 'count' } },
  'checks.transferred_police': { when: (w) => sql`${cases.transferKind} = 'police' and ${between(cases.transferredOn, w)}`, aggregate: { kind: 'count' } },
  'verifications.instruments': { when: (w) => between(instrumentVerifications.performedOn, w), aggregate: { kind: 'count' } },
  'verifications.enterprise_instruments': {
    when: (w) => sql`${orgs.kind} = 'enterprise' and ${between(instrumentVerifications.performedOn, w)}`,
    aggregate: { kind: 'count' },
  },
  'dispatches.staff_person_times': { when: (w) => between(onsiteDispatches.servedOn, w), aggregate: { kind: 'sum', expr: sql`cardinality(${onsiteDispatches.staff})` } },
  'dispatches.hospitals': { when: (w) => sql`${onsiteDispatches.placeType} = 'hospital' and ${between(onsiteDispatches.servedOn, w)}`, aggregate: { kind: 'distinct' } },
  'dispatches.checkpoints': { when: (w) => sql`${onsiteDispatches.placeType} = 'checkpoint' and ${between(onsiteDispatches.servedOn, w)}`, aggregate: { kind: 'distinct' } },
  'certificates.epidemic_instruments': { when: (w) => sql`${serviceItems.epidemic} and ${between(verificationCertificates.performedOn, w)}`, aggregate: { kind: 'count' } },
  'certificates.other_instruments': { when: (w) => sql`not ${serviceItems.epidemic} and ${between(verificationCertificates.performedOn, w)}`, aggregate: { kind: 'count' } },
  'certificates.enterprise_instruments': {
    when: (w) => sql`${verificationCertificates.requesterOrgId} in (select ${orgs.id} from ${orgs} where ${orgs.kind} = 'enterprise') and ${between(verificationCertificates.performedOn, w)}`,
    aggregate: { kind: 'count' },
  },
  'service_fees.metrology_waived_wan': {
    when: (w) => sql`${metrologyKinds} and ${between(submittedDay, w)}`,
    aggregate: { kind: 'sum', expr: sql`${serviceRequestLines.waivedYuan}`, divideBy: 10_000 },
  },
};

export const sourceOf = (metric: MetricKey): MetricSource => METRICS[metric].source;

function aggregateSql(m: Measure, w: Window, f: CellFilter, entity: SQL | undefined): SQL {
  const cond = m.when(w, f);
  const a = m.aggregate;
  if (a.kind === 'count') return sql`(count(*) filter (where ${cond}))::text`;
  if (a.kind === 'distinct') return sql`(count(distinct ${entity}) filter (where ${cond}))::text`;
  const sum = sql`coalesce(sum(${a.expr}) filter (where ${cond}), 0)`;
  return a.divideBy ? sql`(${sum} / ${sql.raw(String(a.divideBy))}::numeric)::text` : sql`${sum}::text`;
}

/**
 * The same aggregates in two steps, for a source with distinct counts: first per row,
 * unit and entity (a hash aggregate, no sort), whether it qualifies and its partial
 * counts and sums; then per row and unit. count(distinct …) would sort every record.
 */
function twoStepAggregates(m: Measure, w: Window, f: CellFilter, alias: string): { inner: SQL; outer: SQL } {
  const cond = m.when(w, f);
  const a = m.aggregate;
  const id = sql.identifier(alias);
  if (a.kind === 'distinct') return { inner: sql`bool_or(${cond}) as ${id}`, outer: sql`(count(*) filter (where ${id}))::text` };
  const inner = a.kind === 'count' ? sql`count(*) filter (where ${cond}) as ${id}` : sql`sum(${a.expr}) filter (where ${cond}) as ${id}`;
  const sum = sql`coalesce(sum(${id}), 0)`;
  const outer = a.kind === 'sum' && a.divideBy ? sql`(${sum} / ${sql.raw(String(a.divideBy))}::numeric)::text` : sql`${sum}::text`;
  return { inner, outer };
}

/** The records' region within a GB/T 2260 prefix, as an index range (null prefix: the nation). */
function withinPrefix(column: SQL, prefix: string | null): SQL {
  if (!prefix) return sql`true`;
  if (prefix.length === 6) return sql`${column} = ${prefix}`;
  const [lower, upper] = regionRange(prefix);
  return sql`${column} >= ${lower} and ${column} < ${upper}`;
}

export type Scope = { regionPrefix: string | null; campaignId: string | null; window: Window };

/** One aggregate the engine needs: a metric with its column filter, named by `alias`. */
export type Wanted = { alias: string; metric: MetricKey; filter: CellFilter };

/**
 * One source's aggregates for a scope, grouped by the row dimension and, when asked,
 * by the first `unitDigits` digits of the region code (the reporting unit).
 */
export function sourceQuery(source: MetricSource, wanted: Wanted[], rowDimension: RowDimension, scope: Scope, unitDigits: number | null): SQL {
  const s = SOURCES[source];
  const dim = rowDimension === 'none' ? sql`null::text` : (s.dimensions[rowDimension] ?? sql`null::text`);
  const unit = unitDigits ? sql`left(${s.region}, ${sql.raw(String(unitDigits))})` : sql`null::text`;
  const campaign = scope.campaignId && s.campaign ? s.campaign(scope.campaignId) : sql`true`;
  const where = sql`${withinPrefix(s.region, scope.regionPrefix)} and ${campaign} and ${s.within(scope.window)}`;
  if (s.entity && wanted.some((w) => MEASURES[w.metric].aggregate.kind === 'distinct')) {
    const parts = wanted.map((w) => ({ alias: w.alias, ...twoStepAggregates(MEASURES[w.metric], scope.window, w.filter, w.alias) }));
    return sql`select row_value, unit, ${sql.join(
      parts.map((p) => sql`${p.outer} as ${sql.identifier(p.alias)}`),
      sql`, `,
    )}
      from (select ${dim} as row_value, ${unit} as unit, ${s.entity} as entity, ${sql.join(
        parts.map((p) => p.inner),
        sql`, `,
      )}
        from ${s.from} where ${where} group by 1, 2, 3) per_entity
      group by 1, 2`;
  }
  const aggregates = sql.join(
    wanted.map((w) => sql`${aggregateSql(MEASURES[w.metric], scope.window, w.filter, s.entity)} as ${sql.identifier(w.alias)}`),
    sql`, `,
  );
  return sql`select ${dim} as row_value, ${unit} as unit, ${aggregates} from ${s.from} where ${where} group by 1, 2`;
}

/** The records behind one metric cell, newest first. */
export function drillQuery(
  metric: MetricKey,
  filter: CellFilter,
  rowDimension: RowDimension,
  rowValue: string | null,
  rowValues: string[],
  scope: Scope,
  page: { limit: number; offset: number },
): { rows: SQL; count: SQL } {
  const source = sourceOf(metric);
  const s = SOURCES[source];
  const dim = rowDimension === 'none' ? null : (s.dimensions[rowDimension] ?? null);
  // The 合计 row stands for all the table's rows, not for everything.
  const row = !dim ? sql`true` : rowValue === null ? sql`${dim} in (${sql.join(rowValues.map((v) => sql`${v}`), sql`, `)})` : sql`${dim} = ${rowValue}`;
  const campaign = scope.campaignId && s.campaign ? s.campaign(scope.campaignId) : sql`true`;
  const where = sql`${withinPrefix(s.region, scope.regionPrefix)} and ${campaign} and ${s.within(scope.window)} and ${row} and ${MEASURES[metric].when(scope.window, filter)}`;
  const d = s.drill;
  return {
    rows: sql`select ${sql.raw(`'${d.kind}'`)} as kind, ${d.id} as id, ${d.date}::text as date, ${d.title} as title, ${d.detail} as detail,
        ${s.region} as region_code, ${d.link} as link
      from ${s.drillFrom} where ${where} order by ${d.date} desc nulls last, ${d.id} limit ${page.limit} offset ${page.offset}`,
    count: sql`select count(*)::int as n from ${s.from} where ${where}`,
  };
}

/** The campaign's first day, when a cumulative template counts from it. */
export const campaignStart = (id: string) => sql`select ${campaigns.startsOn}::text as starts_on from ${campaigns} where ${campaigns.id} = ${id}`;
