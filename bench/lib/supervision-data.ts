import { performance } from 'node:perf_hooks';
import { CASE_SOURCES, SAMPLING_PLACES, VIOLATION_CATEGORIES } from '@shijian/contracts';
import { syntheticEnterprises } from '../../server/src/demo/generate.js';
import { systemActor } from '../../server/src/platform/actor.js';
import type { BenchDb } from './backend.js';
import { TooSlow } from './load.js';
import { thousands } from './stats.js';

/**
 * National supervision data for the bench, written in SQL (`insert … select from
 * generate_series`), not through the services: the bench measures reads, so the
 * generated rows have no audit entries and no case events. Every foreign key is
 * valid by construction (checked afterwards): one bureau and one enterprise per
 * leaf region of GB/T 2260, a handful of synthetic sampling plans and tasks.
 */

/** `enterprises`: besides one per county, this many in all, dealt evenly to the counties; `complaints`: complaints and reports. */
export type Scale = { cases: number; sampling: number; screenings?: number; enterprises?: number; complaints?: number };

/**
 * For the statistics bench: half the plans, half the cases and 70 % of the screenings
 * belong to `campaignId` (which began `campaignStart`), over the eight epidemic kinds.
 */
export type CampaignOptions = { campaignId: string; campaignStart: string; categories: string[] };

export type GenerateResult = {
  counties: number;
  /** Milliseconds per step: parents, sampling records (+ disposals), cases, index rebuilds, vacuum analyze. */
  steps: { label: string; ms: number }[];
  rows: Record<string, number>;
  /** Bytes, table with its indexes; `database` is the whole database, `wal` the write-ahead log kept beside it. */
  sizes: Record<string, number>;
  /** How the running clocks came out: per clock, open / overdue today. */
  clocks: { table: string; clock: string; open: number; overdue: number }[];
};

const COUNTIES = 'bench_counties';
const TASKS = 'bench_tasks';
/** Leaf regions per province: a province's plan samples producers in that province only, as the service enforces. */
const PROVINCES = 'bench_provinces';
/** The enterprises of each county, numbered `k` = 0 … perCounty − 1 (k = 0 is the county's registry enterprise). */
const FIRMS = 'bench_firms';

/** A SQL text literal; the values here are the bench's own constants. */
const lit = (value: string) => `'${value.replace(/'/g, "''")}'`;
const textArray = (values: readonly string[]) => `array[${values.map(lit).join(', ')}]::text[]`;
/** A stable pseudo-random integer in [0, m) for row `i`, one stream per `seed`. */
const roll = (i: string, seed: number, m: number) => `abs(hashint8extended(${i}::bigint, ${seed}) % ${m})::int`;

/**
 * Runs several statements in one round trip and one session (PGlite has one
 * session; on PostgreSQL a multi-statement simple query stays on one pooled client).
 */
async function script(b: BenchDb, text: string): Promise<void> {
  if (b.database.pglite) await b.database.pglite.exec(text);
  else await b.database.pool!.query(text);
}

/**
 * Inserts with foreign-key triggers off for the transaction: every reference is
 * to a parent created above, checked once at the end rather than 50 million times.
 */
const bulk = (statement: string) => `begin; set local session_replication_role = replica; ${statement}; commit;`;

/** One regulator and one enterprise per leaf region (the demo's where they exist), then plans and tasks. */
async function parents(
  b: BenchDb,
  today: string,
  enterprises: number,
  campaign?: CampaignOptions,
): Promise<{ counties: number; perCounty: number; tasks: { other: number; campaign: number } }> {
  const { raw, services } = b;
  await raw.query(`
    insert into orgs (name, kind, level, region_code, parent_id, created_at)
    select r.name || '市场监督管理局', 'regulator', case when r.level = 2 then 'city' else 'county' end, r.code,
           (select id from orgs where kind = 'regulator' and level = 'national' limit 1), now()
    from regions r
    where r.level > 1 and not exists (select 1 from regions x where x.parent_code = r.code)
      and not exists (select 1 from orgs o where o.kind = 'regulator' and o.region_code = r.code)`);
  const [{ n: leafCount } = { n: 0 }] = await raw.query<{ n: number }>(
    `select count(*)::int as n from regions r where r.level > 1 and not exists (select 1 from regions x where x.parent_code = r.code)`,
  );
  const categories = (await services.categories.list()).map((c) => c.code);
  // The registry generator deals enterprises to counties in turn: one per leaf region.
  for await (const rows of syntheticEnterprises(services.deps.regions, categories, leafCount, { seed: 2260, batch: leafCount, serialOffset: 9_000_000 })) {
    const result = await services.enterprises.importMany(systemActor('bench'), rows);
    if (result.errors.length) throw new Error(`bench enterprises rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);
  }
  await raw.query(`drop table if exists ${COUNTIES}`);
  await raw.query(`
    create table ${COUNTIES} as
    select (row_number() over (order by r.code) - 1)::int as n, left(r.code, 2) as p, (row_number() over (partition by left(r.code, 2) order by r.code) - 1)::int as k,
           r.code, o.id as org_id, e.id as enterprise_id, e.name as enterprise_name, e.uscc
    from regions r
    left join lateral (select id from orgs where kind = 'regulator' and region_code = r.code order by created_at limit 1) o on true
    left join lateral (select id, name, uscc from enterprises where region_code = r.code order by created_at desc, id limit 1) e on true
    where r.level > 1 and not exists (select 1 from regions x where x.parent_code = r.code)`);
  await raw.query(`create unique index on ${COUNTIES} (n)`);
  await raw.query(`create unique index on ${COUNTIES} (p, k)`);
  await raw.query(`drop table if exists ${PROVINCES}`);
  await raw.query(`create table ${PROVINCES} as select p, count(*)::int as n from ${COUNTIES} group by p`);
  await raw.query(`create unique index on ${PROVINCES} (p)`);
  const [gaps] = await raw.query<{ n: number }>(`select count(*)::int as n from ${COUNTIES} where org_id is null or enterprise_id is null`);
  if (gaps!.n) throw new Error(`${gaps!.n} leaf regions without a bureau or an enterprise`);
  const perCounty = Math.max(1, Math.floor(enterprises / leafCount));
  await firms(b, perCounty);

  // A plan of every provincial bureau (and with a campaign, a second one under it), each given
  // to every institution for two product kinds (with a campaign: the campaign's kinds).
  await raw.query(
    `insert into sampling_plans (org_id, region_code, name, starts_on, ends_on, created_at)
     select id, region_code, '基准测试抽查计划 ' || region_code, $1::date - 365, $1::date + 60, now()
     from orgs where kind = 'regulator' and level = 'province'`,
    [today],
  );
  if (campaign) {
    await raw.query(
      `insert into sampling_plans (org_id, region_code, name, campaign_id, starts_on, ends_on, created_at)
       select id, region_code, '基准测试抽查计划（专项） ' || region_code, $2::uuid, $3::date, $1::date + 60, now()
       from orgs where kind = 'regulator' and level = 'province'`,
      [today, campaign.campaignId, campaign.campaignStart],
    );
  }
  const kinds = campaign ? `(select unnest(${textArray(campaign.categories)}) as code)` : '(select code from product_categories order by code limit 2)';
  await raw.query(`
    insert into sampling_tasks (plan_id, institution_id, institution_org_id, area_code, category, batches, created_at)
    select p.id, i.id, i.org_id, p.region_code, c.code, 100000000, now()
    from sampling_plans p
    cross join institutions i
    cross join ${kinds} c
    where p.name like '基准测试抽查计划%'`);
  await raw.query(`drop table if exists ${TASKS}`);
  await raw.query(`
    create table ${TASKS} as
    select (row_number() over (order by t.id) - 1)::int as n, t.id as task_id, t.plan_id, p.org_id as plan_org_id, t.institution_org_id, t.category, c.name as category_name,
           left(p.region_code, 2) as p, p.campaign_id is not null as in_campaign,
           (row_number() over (partition by p.campaign_id is not null order by t.id) - 1)::int as m
    from sampling_tasks t
    join sampling_plans p on p.id = t.plan_id
    join product_categories c on c.code = t.category
    where p.name like '基准测试抽查计划%'`);
  await raw.query(`create unique index on ${TASKS} (n)`);
  await raw.query(`create unique index on ${TASKS} (in_campaign, m)`);
  const [{ n: tasks, c: campaignTasks } = { n: 0, c: 0 }] = await raw.query<{ n: number; c: number }>(
    `select count(*)::int as n, (count(*) filter (where in_campaign))::int as c from ${TASKS}`,
  );
  if (!tasks) throw new Error('no sampling tasks: the demo world has no provincial bureau or no institution');
  return { counties: leafCount, perCounty, tasks: { other: tasks - campaignTasks, campaign: campaignTasks } };
}

/**
 * Besides each county's registry enterprise, `perCounty − 1` more in SQL (a synthetic credit
 * code `BB…B`, unique, which no registration authority issues and the services would refuse), numbered per county.
 */
async function firms(b: BenchDb, perCounty: number): Promise<void> {
  const { raw } = b;
  if (perCounty > 1) {
    const sizes = ['micro', 'small', 'medium', 'large'];
    await script(
      b,
      bulk(`insert into enterprises (uscc, name, region_code, address, legal_representative, size, created_at, updated_at)
        select 'BB' || c.code || lpad(g.i::text, 9, '0') || 'B', '基准企业' || c.code || '-' || g.i, c.code, c.code || ' 某路 ' || g.i || ' 号', '法定代表人' || (g.i % 97),
               (${textArray(sizes)})[1 + g.i % 4], now(), now()
        from ${COUNTIES} c cross join generate_series(1, ${perCounty - 1}) g(i)`),
    );
  }
  await raw.query(`drop table if exists ${FIRMS}`);
  await raw.query(`
    create table ${FIRMS} as
    select c.n, 0 as k, c.enterprise_id, c.enterprise_name, c.uscc from ${COUNTIES} c
    union all
    select c.n, substr(e.uscc, 9, 9)::int, e.id, e.name, e.uscc from ${COUNTIES} c join enterprises e on e.region_code = c.code and e.uscc like 'BB' || c.code || '%'
    where ${perCounty > 1 ? 'true' : 'false'}`);
  await raw.query(`create unique index on ${FIRMS} (n, k)`);
}

/** Sampling record `j`'s id, so that cases from sampling can point at real batches. */
const recordId = (j: string) => `md5('sr' || ${j})::uuid`;

/**
 * Batches `lo`…`hi`: 1.5 % waiting for delivery (limit −10…+7 days from today),
 * 4 % in the lab (report limit −5…+28), 2 % reported nonconforming in the
 * objection window, 0.5 % under objection, the rest closed (4 % of them
 * nonconforming). Nonconforming batches get their disposal in the same statement.
 */
/** One batch in ten goes to a campaign's plans, when there is a campaign. */
const CAMPAIGN_SHARE = 10;

function samplingChunk(lo: number, hi: number, tasks: { other: number; campaign: number }, perCounty: number, today: string, campaignStart?: string): string {
  const T = `${lit(today)}::date`;
  const inCampaign = tasks.campaign ? `j % ${CAMPAIGN_SHARE} = 0` : 'false';
  // Batches of a campaign's plans were sampled during the campaign; the others over five years.
  const closedOn = campaignStart
    ? `case when in_campaign then ${T} - 30 - (v % greatest(1, ${T} - ${lit(campaignStart)}::date - 30)) else ${T} - 60 - (v % 1800) end`
    : `${T} - 60 - (v % 1800)`;
  return `
    with g as (
      select j, ${roll('j', 11, 1000)} as u, ${roll('j', 12, 100000)} as v, c.code, f.enterprise_id,
             t.task_id, t.plan_id, t.plan_org_id, t.institution_org_id, t.category, t.category_name, t.in_campaign
      from generate_series(${lo}, ${hi}) j
      join ${TASKS} t on t.in_campaign = (${inCampaign})
        and t.m = case when ${inCampaign} then (j / ${CAMPAIGN_SHARE}) % ${Math.max(1, tasks.campaign)} else j % ${tasks.other} end
      join ${PROVINCES} pc on pc.p = t.p
      join ${COUNTIES} c on c.p = t.p and c.k = (j / ${tasks.other + tasks.campaign}) % pc.n
      join ${FIRMS} f on f.n = c.n and f.k = ${roll('j', 13, perCounty)}
    ), s as (
      select g.*,
        case when u < 15 then 'sampled' when u < 55 then 'in_lab' when u < 75 then 'reported' when u < 80 then 'objection' else 'closed' end as status,
        case when u < 15 then ${T} + (-10 + v % 18) - 7
             when u < 55 then ${T} + (-5 + v % 34) - 28 - 3
             when u < 75 then ${T} + (-30 + v % 46) - 15 - 20 - 3
             when u < 80 then ${T} - (v % 60) - 5 - 20 - 3
             else ${closedOn} end as sampled_on
      from g
    ), r as (
      select s.*, sampled_on + 3 as received_on, sampled_on + 3 + 20 as reported_on,
             status in ('reported', 'objection') or (status = 'closed' and v % 100 < 4) as bad
      from s
    ), ins as (
      insert into sampling_records (id, record_no, task_id, plan_id, plan_org_id, institution_org_id, enterprise_id, region_code, category,
        product_name, specification, batch_no, quantity, place, samplers, sampled_on, status, delivery_due_on, received_on, report_due_on,
        reported_on, conclusion, objection_due_on, objection_filed_on, objection_reason, next_clock, next_due_on, created_at)
      select ${recordId('j')}, 'CY' || extract(year from sampled_on) || '-B' || j, task_id, plan_id, plan_org_id, institution_org_id, enterprise_id, code, category,
        category_name, '规格 ' || (1 + v % 12), 'P' || to_char(sampled_on, 'YYYYMMDD') || '-' || (v % 97), (20 + v % 80) || '件',
        (${textArray(SAMPLING_PLACES)})[1 + v % ${SAMPLING_PLACES.length}], array['抽样人员 甲' || (v % 50), '抽样人员 乙' || (v % 37)],
        sampled_on, status, sampled_on + 7,
        case when status <> 'sampled' then received_on end,
        case when status <> 'sampled' then received_on + 28 end,
        case when status not in ('sampled', 'in_lab') then reported_on end,
        case when status not in ('sampled', 'in_lab') then case when bad then 'nonconforming' else 'conforming' end end,
        case when bad then reported_on + 15 end,
        case when status = 'objection' then reported_on + 5 end,
        case when status = 'objection' then '对检验结论有异议，申请复检' end,
        case status when 'sampled' then 'delivery' when 'in_lab' then 'report' when 'reported' then 'objection' end,
        case status when 'sampled' then sampled_on + 7 when 'in_lab' then received_on + 28 when 'reported' then reported_on + 15 end,
        sampled_on::timestamptz
      from r
      returning id, enterprise_id, region_code, status, conclusion, reported_on
    )
    insert into disposals (sampling_record_id, enterprise_id, region_code, status, opened_on, measures, unit, closed_on, created_at)
    select id, enterprise_id, region_code, case when status = 'closed' then 'closed' else 'open' end, reported_on, '责令停止销售，封存库存', '件',
           case when status = 'closed' then reported_on + 30 end, reported_on::timestamptz
    from ins where conclusion = 'nonconforming'`;
}

/**
 * Cases `lo`…`hi`: 4 % leads (filing limit −60…+21 days from today), 8 % filed or
 * investigating (decision limit −60…+90), 5 % decided or executed, 10 % not
 * filed, 3 % transferred, 70 % closed; leads of ended cases spread over five years.
 */
function casesChunk(lo: number, hi: number, counties: number, perCounty: number, sampling: number, today: string, campaign?: CampaignOptions): string {
  const T = `${lit(today)}::date`;
  const category = campaign
    ? `(${textArray(campaign.categories)})[1 + (v / 7) % ${campaign.categories.length}]`
    : `case when source = 'sampling' then 'mask' end`;
  const campaignId = campaign ? `case when u % 2 = 0 and lead_on >= ${lit(campaign.campaignStart)}::date then ${lit(campaign.campaignId)}::uuid end` : 'null::uuid';
  return `
    with g as (
      select i, ${roll('i', 21, 1000)} as u, ${roll('i', 22, 100000)} as v, ${roll('i', 23, 1000)} as w, c.code, c.org_id, f.enterprise_id, f.enterprise_name, f.uscc
      from generate_series(${lo}, ${hi}) i
      join ${COUNTIES} c on c.n = i % ${counties}
      join ${FIRMS} f on f.n = c.n and f.k = ${roll('i', 24, perCounty)}
    ), s as (
      select g.*,
        case when u < 40 then 'lead' when u < 80 then 'filed' when u < 120 then 'investigating' when u < 150 then 'decided'
             when u < 170 then 'executed' when u < 270 then 'not_filed' when u < 300 then 'transferred' else 'closed' end as stage,
        case when u < 40 then ${T} + (-60 + v % 82) - 21
             when u < 120 then ${T} + (-60 + v % 151) - 90 - 1 - (v % 10)
             when u < 170 then ${T} - 100 - (v % 60)
             else ${T} - 120 - (v % 1800) end as lead_on,
        (${textArray(CASE_SOURCES)})[1 + w % ${CASE_SOURCES.length}] as source
      from g
    ), d as (
      select s.*, lead_on + 21 as filing_due_on,
             case when stage not in ('lead', 'not_filed', 'transferred') then lead_on + 1 + (v % 10) end as filed_on
      from s
    )
    insert into cases (case_no, org_id, region_code, source, source_ref, campaign_id, party_enterprise_id, party_name, party_uscc, product_category,
      violation_category, summary, stage, lead_on, filing_due_on, filing_extended_days, filed_on, decision_due_on, decision_extended_days,
      decided_on, decision_no, decision, fine_yuan, confiscation_yuan, units_investigated, staff_dispatched, executed_on, closed_on,
      not_filed_reason, transfer_kind, transferred_to, transferred_on, clock, due_on, created_at, updated_at)
    select 'AJ' || code || '-' || extract(year from lead_on) || '-' || lpad((i / ${counties})::text, 6, '0'), org_id, code, source,
      case when source = 'sampling' then ${recordId(`1 + (i::bigint * 7919) % ${sampling}`)} end,
      ${campaignId},
      case when w % 5 > 0 then enterprise_id end,
      case when w % 5 > 0 then enterprise_name else '个体经营者 ' || i end,
      case when w % 5 > 0 then uscc end,
      ${category},
      (${textArray(VIOLATION_CATEGORIES)})[1 + v % ${VIOLATION_CATEGORIES.length}],
      '基准测试案件 ' || i, stage, lead_on, filing_due_on, 0, filed_on, filed_on + 90, 0,
      case when stage in ('decided', 'executed', 'closed') then filed_on + 40 end,
      case when stage in ('decided', 'executed', 'closed') then code || '市监处罚〔' || extract(year from filed_on) || '〕' || i || '号' end,
      case when stage in ('decided', 'executed', 'closed') then '罚款并没收违法所得' end,
      case when stage in ('decided', 'executed', 'closed') then (1000 * (1 + v % 200))::numeric else 0 end,
      case when stage in ('decided', 'executed', 'closed') then (100 * (v % 50))::numeric else 0 end,
      case when filed_on is not null then 1 else 0 end, case when filed_on is not null then 2 else 0 end,
      case when stage in ('executed', 'closed') then filed_on + 60 end,
      case when stage = 'closed' then filed_on + 70 when stage in ('not_filed', 'transferred') then lead_on + 10 end,
      case when stage = 'not_filed' then '违法事实不成立' end,
      case when stage = 'transferred' then case when v % 2 = 0 then 'police' else 'department' end end,
      case when stage = 'transferred' then '公安机关' end,
      case when stage = 'transferred' then lead_on + 10 end,
      case when stage = 'lead' then 'filing' when stage in ('filed', 'investigating') then 'decision' end,
      case when stage = 'lead' then filing_due_on when stage in ('filed', 'investigating') then filed_on + 90 end,
      lead_on::timestamptz, lead_on::timestamptz
    from d`;
}

/**
 * Screenings `lo`…`hi`: 70 % in the campaign, screened since it began; the rest routine,
 * over three years. 12 % nonconforming, of which 70 % rectified 10–40 days later.
 */
function screeningsChunk(lo: number, hi: number, counties: number, today: string, campaign: CampaignOptions): string {
  const T = `${lit(today)}::date`;
  const start = `${lit(campaign.campaignStart)}::date`;
  return `
    with g as (
      select q, ${roll('q', 31, 1000)} as u, ${roll('q', 32, 100000)} as v, c.code, c.org_id, c.enterprise_id
      from generate_series(${lo}, ${hi}) q
      join ${COUNTIES} c on c.n = q % ${counties}
    ), s as (
      select g.*, u < 700 as in_campaign,
        case when u < 700 then ${start} + (v % greatest(1, ${T} - ${start} + 1)) else ${T} - (v % 1095) end as screened_on,
        v % 100 < 12 as bad
      from g
    ), r as (
      select s.*, bad and v % 10 < 7 and screened_on + 10 + (v % 31) <= ${T} as rectified from s
    )
    insert into screenings (campaign_id, enterprise_id, region_code, category, screened_on, officers, result, problems,
      rectification_status, rectification_deadline, rectified_on, rectification_note, org_id, created_at)
    select case when in_campaign then ${lit(campaign.campaignId)}::uuid end, enterprise_id, code,
      (${textArray(campaign.categories)})[1 + (v / 3) % ${campaign.categories.length}], screened_on, array['排查人员 甲', '排查人员 乙'],
      case when bad then 'nonconforming' else 'conforming' end, case when bad then '产品标识不规范' else '' end,
      case when not bad then 'not_required' when rectified then 'completed' else 'pending' end,
      case when bad then screened_on + 30 end,
      case when rectified then screened_on + 10 + (v % 31) end,
      case when rectified then '已整改' end,
      org_id, screened_on::timestamptz
    from r`;
}

/**
 * Complaints and reports `lo`…`hi` over the last two years, one in five a report; nine in ten
 * name a registered enterprise, the rest only a shop in a county. Statuses: 5 % awaiting the
 * decision, 30 % accepted, 10 % not accepted, 35 % mediated, 10 % mediation failed, 5 % turned
 * into case leads, 5 % reports checked and not filed.
 */
function complaintsChunk(lo: number, hi: number, counties: number, perCounty: number, categories: readonly string[], today: string): string {
  const T = `${lit(today)}::date`;
  return `
    with g as (
      select q, ${roll('q', 41, 1000)} as u, ${roll('q', 42, 100000)} as v, c.code, c.org_id, f.enterprise_id, f.enterprise_name, f.uscc
      from generate_series(${lo}, ${hi}) q
      join ${COUNTIES} c on c.n = q % ${counties}
      join ${FIRMS} f on f.n = c.n and f.k = ${roll('q', 43, perCounty)}
    ), s as (
      select g.*, case when u % 5 = 0 then 'report' else 'complaint' end as kind, ${T} - (v % 730) as received_on,
        case when u < 50 then 'received' when u < 350 then 'accepted' when u < 450 then 'not_accepted' when u < 800 then 'mediated'
             when u < 900 then 'mediation_failed' when u < 950 then 'lead_opened' else 'not_filed' end as status
      from g
    )
    insert into complaints (complaint_no, kind, channel, status, complainant_name, complainant_phone, target_name, target_uscc, target_enterprise_id,
      target_region_code, product_category, subject, content, handling_org_id, region_code, received_on, decision_due_on, mediation_due_on,
      clock, due_on, decision_note, decided_on, created_at, updated_at)
    select 'TS' || code || '-' || q, kind, (array['web', 'phone', 'letter', 'visit'])[1 + v % 4], status, '投诉人' || (v % 997), '1390000' || lpad((v % 10000)::text, 4, '0'),
      case when u % 10 = 0 then code || ' 某门店' else enterprise_name end,
      case when u % 10 = 0 then null else uscc end,
      case when u % 10 = 0 then null else enterprise_id end,
      code, (${textArray(categories)})[1 + v % ${categories.length}], '基准测试投诉举报 ' || q, '反映产品质量问题。',
      org_id, code, received_on, received_on + 9, case when status <> 'received' then received_on + 63 end,
      case when status = 'received' then 'decision' when status = 'accepted' then 'mediation' end,
      case when status = 'received' then received_on + 9 when status = 'accepted' then received_on + 63 end,
      '', case when status <> 'received' then received_on + 3 end, received_on::timestamptz, received_on::timestamptz
    from s`;
}

/** The plain indexes of a table (not those of a constraint), to drop before a bulk load and build after. */
async function plainIndexes(b: BenchDb, table: string): Promise<{ name: string; ddl: string }[]> {
  const rows = await b.raw.query<{ indexname: string; indexdef: string }>(
    `select indexname, indexdef from pg_indexes i where schemaname = 'public' and tablename = $1
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [table],
  );
  return rows.map((r) => ({ name: r.indexname, ddl: r.indexdef }));
}

type Progress = { done: number; total: number; started: number; logged: number; judged: boolean };

async function chunked(
  b: BenchDb,
  label: string,
  count: number,
  chunk: number,
  statement: (lo: number, hi: number) => string,
  progress: Progress,
  options: { budgetMs?: number; log: (line: string) => void },
): Promise<void> {
  for (let lo = 1; lo <= count; lo += chunk) {
    const hi = Math.min(count, lo + chunk - 1);
    await script(b, bulk(statement(lo, hi)));
    progress.done += hi - lo + 1;
    const elapsed = performance.now() - progress.started;
    const projected = (elapsed / progress.done) * progress.total;
    if (hi === count || elapsed - progress.logged > 15_000) {
      progress.logged = elapsed;
      options.log(`  ${b.kind} ${label} ${thousands(hi)} / ${thousands(count)}: ${thousands((progress.done / elapsed) * 1000)} rows/s, ETA ${((projected - elapsed) / 1000).toFixed(0)} s`);
    }
    // Judged once, on the first chunk past 5 % of all rows, so a run is not thrown away near its end.
    if (options.budgetMs && !progress.judged && progress.done >= progress.total * 0.05) {
      progress.judged = true;
      if (projected > options.budgetMs) throw new TooSlow(progress.done, elapsed, projected, 'generation');
    }
  }
}

/**
 * Generates `scale` in the open bench database: parents, sampling records with
 * their disposals, cases; the plain indexes of the three big tables are dropped
 * first and built after (the same definitions, read from the catalogue), then
 * `vacuum analyze`.
 */
export async function generate(
  b: BenchDb,
  scale: Scale,
  options: { today: string; chunk: number; budgetMs?: number; log: (line: string) => void; campaign?: CampaignOptions },
): Promise<GenerateResult> {
  const steps: GenerateResult['steps'] = [];
  const step = async <T>(label: string, task: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const result = await task();
    steps.push({ label, ms: performance.now() - t0 });
    options.log(`  ${b.kind} ${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  const { counties, perCounty, tasks } = await step('parents (bureaus, enterprises, plans, tasks)', () => parents(b, options.today, scale.enterprises ?? 0, options.campaign));
  const screeningCount = options.campaign ? (scale.screenings ?? 0) : 0;
  const complaintCount = scale.complaints ?? 0;
  const tables = ['sampling_records', 'disposals', 'cases', ...(screeningCount ? ['screenings'] : []), ...(complaintCount ? ['complaints'] : [])];
  const deferred = (await Promise.all(tables.map((t) => plainIndexes(b, t)))).flat();
  for (const index of deferred) await b.raw.query(`drop index ${index.name}`);

  const progress: Progress = { done: 0, total: scale.sampling + scale.cases + screeningCount + complaintCount, started: performance.now(), logged: 0, judged: false };
  if (screeningCount) {
    await step(`screenings (${thousands(screeningCount)})`, () =>
      chunked(b, 'screenings', screeningCount, options.chunk, (lo, hi) => screeningsChunk(lo, hi, counties, options.today, options.campaign!), progress, options),
    );
  }
  await step(`sampling records + disposals (${thousands(scale.sampling)})`, () =>
    chunked(b, 'sampling records', scale.sampling, options.chunk, (lo, hi) => samplingChunk(lo, hi, tasks, perCounty, options.today, options.campaign?.campaignStart), progress, options),
  );
  await step(`cases (${thousands(scale.cases)})`, () =>
    chunked(b, 'cases', scale.cases, options.chunk, (lo, hi) => casesChunk(lo, hi, counties, perCounty, scale.sampling, options.today, options.campaign), progress, options),
  );
  if (complaintCount) {
    const categories = (await b.services.categories.list()).map((c) => c.code);
    await step(`complaints (${thousands(complaintCount)})`, () =>
      chunked(b, 'complaints', complaintCount, options.chunk, (lo, hi) => complaintsChunk(lo, hi, counties, perCounty, categories, options.today), progress, options),
    );
  }
  await step(`build ${deferred.length} indexes`, async () => {
    for (const index of deferred) await b.raw.query(index.ddl);
  });
  await step('check foreign keys', () => checkReferences(b));
  await step('vacuum analyze', async () => {
    for (const t of [...tables, 'orgs', 'enterprises', 'sampling_plans', 'sampling_tasks', 'institutions']) await b.raw.query(`vacuum analyze ${t}`);
  });
  await b.raw.query(`drop table ${COUNTIES}`);
  await b.raw.query(`drop table ${TASKS}`);
  await b.raw.query(`drop table ${PROVINCES}`);
  await b.raw.query(`drop table ${FIRMS}`);

  const rows: Record<string, number> = {};
  const sizes: Record<string, number> = {};
  for (const t of tables) {
    const [r] = await b.raw.query<{ n: string; bytes: string }>(`select (select count(*) from ${t}) as n, pg_total_relation_size('${t}') as bytes`);
    rows[t] = Number(r!.n);
    sizes[t] = Number(r!.bytes);
  }
  const [whole] = await b.raw.query<{ db: string; wal: string }>(`select pg_database_size(current_database()) as db, (select coalesce(sum(size), 0) from pg_ls_waldir()) as wal`);
  sizes.database = Number(whole!.db);
  sizes.wal = Number(whole!.wal);
  const clocks = await b.raw.query<{ table: string; clock: string; open: number; overdue: number }>(
    `select 'cases' as table, clock, count(*)::int as open, (count(*) filter (where due_on < $1))::int as overdue from cases where clock is not null group by clock
     union all
     select 'sampling_records', next_clock, count(*)::int, (count(*) filter (where next_due_on < $1))::int from sampling_records where next_clock is not null group by next_clock
     order by 1, 2`,
    [options.today],
  );
  return { counties, steps, rows, sizes, clocks };
}

/** The references the bulk insert did not check, checked once. */
async function checkReferences(b: BenchDb): Promise<void> {
  const [r] = await b.raw.query<{ cases: number; records: number; disposals: number }>(`
    select
      (select count(*)::int from cases c where not exists (select 1 from orgs o where o.id = c.org_id)
         or (c.party_enterprise_id is not null and not exists (select 1 from enterprises e where e.id = c.party_enterprise_id))) as cases,
      (select count(*)::int from sampling_records r where not exists (select 1 from sampling_tasks t where t.id = r.task_id and t.plan_id = r.plan_id and t.institution_org_id = r.institution_org_id)
         or not exists (select 1 from sampling_plans p where p.id = r.plan_id and p.org_id = r.plan_org_id)
         or not exists (select 1 from enterprises e where e.id = r.enterprise_id and e.region_code = r.region_code)) as records,
      (select count(*)::int from disposals d where not exists (select 1 from sampling_records r where r.id = d.sampling_record_id)) as disposals`);
  if (r!.cases || r!.records || r!.disposals) throw new Error(`broken references after generation: ${JSON.stringify(r)}`);
}
