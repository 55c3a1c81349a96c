import { VIOLATION_CATEGORIES, type ViolationCategory } from '@shijian/contracts';
import { assemble, type Aggregates, type Cells } from '../../server/src/modules/reporting/cells.js';
import { EPIDEMIC_WEEKLY } from '../../server/src/modules/reporting/library.js';
import type { BenchDb } from './backend.js';

/**
 * The weekly table of seed 002 as a person would compute it by hand: one GROUP BY per
 * table (screenings, sampling records, cases), the same conditions the metric catalogue
 * states in words. Its aggregates go through the same pure cell assembly as the
 * service's, so the two can be compared cell by cell.
 */
const PREFIX: Record<ViolationCategory, string> = { quality: 'q', certification_testing: 'c', drug_device_qualification: 'd', price: 'p', other: 'o' };

export type TableScope = { regionFrom: string | null; regionTo: string | null; campaignId: string; from: string; to: string };

function region(s: TableScope): { cond: string; params: unknown[] } {
  return s.regionFrom ? { cond: 'region_code >= $4 and region_code < $5', params: [s.regionFrom, s.regionTo] } : { cond: 'true', params: [] };
}

export function rawStatements(s: TableScope): { name: string; text: string; params: unknown[] }[] {
  const r = region(s);
  const params = [s.from, s.to, s.campaignId, ...r.params];
  const inWindow = (column: string) => `${column} between $1::date and $2::date`;
  const caseColumns = VIOLATION_CATEGORIES.flatMap((v) => {
    const p = PREFIX[v];
    const of = `violation_category = '${v}'`;
    return [
      `(count(*) filter (where ${inWindow('filed_on')} and ${of}))::text as ${p}_filed`,
      `(count(*) filter (where ${inWindow('decided_on')} and ${of}))::text as ${p}_penalized`,
      `(coalesce(sum(fine_yuan + confiscation_yuan) filter (where ${inWindow('decided_on')} and ${of}), 0) / 10000)::text as ${p}_fines`,
      `(count(*) filter (where transfer_kind = 'police' and ${inWindow('transferred_on')} and ${of}))::text as ${p}_police`,
      `(coalesce(sum(units_investigated) filter (where ${inWindow('lead_on')} and ${of}), 0))::text as ${p}_units`,
      `(coalesce(sum(staff_dispatched) filter (where ${inWindow('lead_on')} and ${of}), 0))::text as ${p}_staff`,
    ];
  });
  return [
    {
      name: 'screenings',
      text: `select category as row_value,
          (count(distinct enterprise_id) filter (where ${inWindow('screened_on')}))::text as screened,
          (count(distinct enterprise_id) filter (where result = 'nonconforming' and ${inWindow('screened_on')}))::text as screen_failed,
          (count(distinct enterprise_id) filter (where rectification_status = 'completed' and ${inWindow('rectified_on')}))::text as rectified
        from screenings where ${r.cond} and campaign_id = $3 and screened_on <= $2::date group by 1`,
      params,
    },
    {
      name: 'sampling',
      text: `select category as row_value,
          (count(distinct enterprise_id) filter (where ${inWindow('sampled_on')}))::text as sampled,
          (count(*) filter (where ${inWindow('sampled_on')}))::text as batches,
          (count(*) filter (where conclusion = 'nonconforming' and reported_on <= $2::date and ${inWindow('sampled_on')}))::text as fail_rate__num,
          (count(*) filter (where conclusion is not null and reported_on <= $2::date and ${inWindow('sampled_on')}))::text as fail_rate__den
        from sampling_records where ${r.cond} and plan_id in (select id from sampling_plans where campaign_id = $3) and ${inWindow('sampled_on')} group by 1`,
      params,
    },
    {
      name: 'cases',
      text: `select product_category as row_value, ${caseColumns.join(',\n          ')}
        from cases where ${r.cond} and campaign_id = $3 and lead_on <= $2::date group by 1`,
      params,
    },
  ];
}

/** Runs the three statements (in parallel, as the service does) and assembles the cells. */
export async function rawTable(b: BenchDb, s: TableScope): Promise<Cells> {
  const results = await Promise.all(rawStatements(s).map((st) => b.raw.query<Record<string, string | null>>(st.text, st.params)));
  const aggregates: Aggregates = new Map();
  for (const rows of results) {
    for (const { row_value, ...values } of rows) aggregates.set(row_value ?? null, { ...aggregates.get(row_value ?? null), ...(values as Record<string, string>) });
  }
  return assemble(EPIDEMIC_WEEKLY.definition, aggregates, {});
}
