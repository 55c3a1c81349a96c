import { sql } from 'drizzle-orm';
import { NATIONAL_REGION_CODE, type RegulatorLevel } from '@shijian/contracts';
import { rawRows } from '../../db/client.js';
import type { Db } from '../../db/client.js';
import type { Actor } from '../../platform/actor.js';

/**
 * The records of the demo database, family by family, each with what decides who sees it.
 * A family is the record type behind a path (`/api/cases/{id}/…` → case); its query gives
 * every row the values of the path's placeholders, the region and orgs that put it in an
 * actor's scope, and its markers: the numbers and names that must never reach an actor
 * outside that scope.
 *
 * The scope rules are written here from the specification (who sees what), not read from the
 * server's code: where they disagree the matrix fails and one of the two is wrong.
 */

export type Row = {
  family: string;
  /** Values for the route's placeholders. */
  params: Record<string, string>;
  id: string;
  /** The region whose regulators (and those above) see the row. */
  region: string | null;
  /** Orgs that see the row (owner, requester, handling institution …). */
  orgs: string[];
  /** Distinctive text of the row: numbers and names. */
  markers: string[];
  /** The row as JSON, with what a view of it joins in. */
  text: string;
  /** What a family's own rule needs beyond region and orgs. */
  extra: Record<string, unknown>;
};

export type Family = {
  /** A query returning params (json), id, region, orgs (text[]), markers (text[]), text, extra (json). */
  query: string;
  /** Who sees a row; by default regulators by region (prefix), institutions and enterprises by org. */
  inScope?: (actor: Actor, row: Row) => boolean;
  /**
   * Who may see the row named in an answer, when that is wider than who may act on it by id:
   * a bureau reads the inspection results in its enterprises' files, though only the drawing
   * bureau and the inspectors record them. By default, `inScope`.
   */
  visible?: (actor: Actor, row: Row) => boolean;
  /**
   * Whether the rows' markers count as secret. Rows published to everyone (the service catalogue,
   * fee rules, published QA) are no leak in any list; the reason is given where it is false.
   */
  secret?: boolean;
};

const DEPTH: Record<RegulatorLevel, number> = { national: 0, province: 1, city: 2, county: 3 };

/** 510107 → 510000, 510100, 510107. */
const withAncestors = (code: string) => [`${code.slice(0, 2)}0000`, `${code.slice(0, 4)}00`, code];

export function standardScope(actor: Actor, row: Row): boolean {
  const { scope } = actor;
  if (scope.kind === 'all') return true;
  if (scope.kind === 'region') return (row.region !== null && row.region.startsWith(scope.prefix)) || (actor.orgId !== null && row.orgs.includes(actor.orgId));
  if (scope.kind === 'org') return row.orgs.includes(scope.orgId);
  return false;
}

/** Test data is confidential: the testing institution, the client, and the commissioning bureau with those above it (or a bureau it was disclosed to). */
function sampleVisible(actor: Actor, row: Row): boolean {
  const e = row.extra as { institutionOrg: string; clientOrg: string | null; commissioningOrg: string | null; commissioningRegion: string | null; disclosedTo: string[] };
  if (actor.orgKind === 'institution') return e.institutionOrg === actor.orgId;
  if (actor.orgKind === 'enterprise') return e.clientOrg === actor.orgId;
  if (actor.orgKind !== 'regulator' || !e.commissioningOrg) return false;
  const { scope } = actor;
  if (scope.kind === 'all') return true;
  if (scope.kind !== 'region') return false;
  return e.commissioningOrg === actor.orgId || (e.commissioningRegion ?? '').startsWith(scope.prefix) || e.disclosedTo.some((r) => r.startsWith(scope.prefix));
}

/** A template: the bureaus at or above its owner, and those inside the owner's area down to the units' level. */
function templateVisible(actor: Actor, row: Row): boolean {
  const e = row.extra as { ownerPrefix: string; unitLevel: RegulatorLevel };
  if (actor.scope.kind === 'all') return true;
  if (actor.scope.kind !== 'region' || actor.orgKind !== 'regulator' || !actor.orgLevel) return false;
  const prefix = actor.scope.prefix;
  return e.ownerPrefix.startsWith(prefix) || (prefix.startsWith(e.ownerPrefix) && DEPTH[e.unitLevel] >= DEPTH[actor.orgLevel]);
}

/** Units' submissions are reviewed (and their lateness excused) by the level above them, inside its own area. */
function aboveUnit(actor: Actor, row: Row): boolean {
  const e = row.extra as { unitLevel: RegulatorLevel; unitRegion: string };
  if (!templateVisible(actor, row)) return false;
  if (actor.scope.kind === 'all') return actor.orgKind === 'regulator' || actor.orgKind === 'platform';
  if (actor.scope.kind !== 'region' || !actor.orgLevel) return false;
  return DEPTH[actor.orgLevel] < DEPTH[e.unitLevel] && e.unitRegion.startsWith(actor.scope.prefix);
}

const J = (pairs: Record<string, string>) => `json_build_object(${Object.entries(pairs).map(([k, v]) => `'${k}', ${v}`).join(', ')})`;
const orgsOf = (...columns: string[]) => `array_remove(array[${columns.map((c) => `${c}::text`).join(', ')}], null)`;
const markersOf = (...columns: string[]) => (columns.length ? `array_remove(array[${columns.map((c) => `${c}::text`).join(', ')}], null)` : `'{}'::text[]`);
/** Only when `condition` holds, e.g. markers of what is not published. */
const markersIf = (condition: string, ...columns: string[]) => `case when ${condition} then ${markersOf(...columns)} else '{}'::text[] end`;

function family(table: string, alias: string, parts: { params: Record<string, string>; region: string; orgs?: string[]; markers?: string; joins?: string; text?: string; extra?: Record<string, string>; where?: string }): string {
  return `select ${J(parts.params)} as params, ${alias}.id::text as id, ${parts.region}::text as region,
    ${parts.orgs?.length ? orgsOf(...parts.orgs) : `'{}'::text[]`} as orgs, ${parts.markers ?? markersOf()} as markers,
    ${parts.text ?? `row_to_json(${alias})::text`} as text, ${parts.extra ? J(parts.extra) : `'{}'::json`} as extra
    from ${table} ${alias} ${parts.joins ?? ''} ${parts.where ? `where ${parts.where}` : ''}`;
}

/** The accounts the suite signs in with: read as records, never written to (a reset password would end their session). */
export const ACTOR_PLACEHOLDER = '$actors';

export const FAMILIES = {
  org: {
    // Bureaus and institutions are public directories (/api/lab/commissioning-orgs, /api/public/institutions); an enterprise's account is not.
    query: family('orgs', 'o', { params: { id: 'o.id' }, region: 'o.region_code', orgs: ['o.id'], markers: markersIf(`o.kind = 'enterprise'`, 'o.name') }),
  },
  user: {
    query: family('users', 'u', {
      params: { id: 'u.id', userId: 'u.id' },
      region: 'o.region_code',
      orgs: ['u.org_id'],
      markers: markersOf('u.display_name'),
      joins: 'join orgs o on o.id = u.org_id',
      text: `json_build_object('id', u.id, 'username', u.username, 'display_name', u.display_name, 'org_id', u.org_id)::text`,
      extra: { signedIn: `u.username in (${ACTOR_PLACEHOLDER})` },
    }),
  },
  enterprise: {
    query: family('enterprises', 'e', { params: { id: 'e.id', enterpriseId: 'e.id' }, region: 'e.region_code', orgs: ['e.org_id'], markers: markersOf('e.name', 'e.uscc') }),
  },
  institution: {
    query: family('institutions', 'i', { params: { id: 'i.id' }, region: 'i.region_code', orgs: ['i.org_id'], markers: markersOf('i.name', 'i.cma_number') }),
    // The directory of institutions, with their qualification, is published on the portal (/api/public/institutions).
    secret: false,
  },
  qualificationScope: {
    query: family('qualification_scopes', 'q', {
      params: { id: 'i.id', scopeId: 'q.id' },
      region: 'i.region_code',
      orgs: ['i.org_id'],
      joins: 'join institutions i on i.id = q.institution_id',
    }),
  },
  instrument: {
    query: family('instruments', 'n', {
      params: { id: 'n.id' },
      region: 'n.region_code',
      orgs: ['n.owner_org_id'],
      markers: markersOf('n.serial_number'),
      extra: { servedBy: 'array(select distinct r.institution_org_id::text from service_requests r where r.requester_org_id = n.owner_org_id)' },
    }),
    // An institution handling a request reads the requester's ledger, to choose what to verify.
    visible: (actor, row) => standardScope(actor, row) || (actor.orgKind === 'institution' && (row.extra.servedBy as string[]).includes(actor.orgId ?? '')),
  },
  testItem: {
    query: family('test_items', 't', { params: { id: 't.id' }, region: 'i.region_code', orgs: ['i.org_id'], joins: 'join institutions i on i.id = t.institution_id' }),
    // The catalogue of test items is published for the service window.
    secret: false,
  },
  sample: {
    query: family('samples', 's', {
      params: { id: 's.id' },
      region: 's.commissioning_region_code',
      orgs: ['s.institution_org_id', 's.client_org_id', 's.commissioning_org_id'],
      markers: markersOf('s.sample_no'),
      text: `json_build_object('sample', s, 'tests', (select json_agg(json_build_object('test', t, 'results', (select json_agg(x) from test_results x where x.sample_test_id = t.id)))
        from sample_tests t where t.sample_id = s.id), 'events', (select json_agg(e) from sample_events e where e.sample_id = s.id))::text`,
      extra: {
        institutionOrg: 's.institution_org_id',
        clientOrg: 's.client_org_id',
        commissioningOrg: 's.commissioning_org_id',
        commissioningRegion: 's.commissioning_region_code',
        disclosedTo: `array(select d.region_code::text from sample_disclosures d where d.sample_id = s.id)`,
      },
    }),
    inScope: sampleVisible,
  },
  sampleTest: {
    query: family('sample_tests', 't', {
      params: { id: 's.id', testId: 't.id' },
      region: 's.commissioning_region_code',
      orgs: ['s.institution_org_id', 's.client_org_id'],
      joins: 'join samples s on s.id = t.sample_id',
      extra: {
        institutionOrg: 's.institution_org_id',
        clientOrg: 's.client_org_id',
        commissioningOrg: 's.commissioning_org_id',
        commissioningRegion: 's.commissioning_region_code',
        disclosedTo: `array(select d.region_code::text from sample_disclosures d where d.sample_id = s.id)`,
      },
    }),
    inScope: sampleVisible,
  },
  report: {
    query: family('reports', 'r', {
      params: { id: 'r.id' },
      region: 's.commissioning_region_code',
      orgs: ['s.institution_org_id', 's.client_org_id'],
      markers: markersOf('r.report_no', 'r.verification_code'),
      joins: 'join samples s on s.id = r.sample_id',
      text: `json_build_object('id', r.id, 'sample_id', r.sample_id, 'report_no', r.report_no, 'institution_id', r.institution_id, 'signatory_id', r.signatory_id)::text`,
      extra: {
        institutionOrg: 's.institution_org_id',
        clientOrg: 's.client_org_id',
        commissioningOrg: 's.commissioning_org_id',
        commissioningRegion: 's.commissioning_region_code',
        disclosedTo: `array(select d.region_code::text from sample_disclosures d where d.sample_id = s.id)`,
      },
    }),
    inScope: sampleVisible,
  },
  campaign: {
    query: family('campaigns', 'c', { params: { id: 'c.id' }, region: 'c.region_code', markers: markersOf('c.name') }),
    // A campaign reaches the bureaus inside its lead's area and those above the lead (a national one every regulator).
    inScope: (actor, row) => {
      if (actor.scope.kind === 'all') return true;
      if (actor.scope.kind !== 'region') return false;
      return row.region!.startsWith(actor.scope.prefix) || [NATIONAL_REGION_CODE, ...withAncestors(actor.scope.regionCode)].includes(row.region!);
    },
  },
  case: {
    query: family('cases', 'c', {
      params: { id: 'c.id' },
      region: 'c.region_code',
      markers: markersOf('c.case_no', 'c.decision_no'),
      text: `json_build_object('case', c, 'events', (select json_agg(e) from case_events e where e.case_id = c.id))::text`,
    }),
  },
  caseDocument: {
    query: family('case_documents', 'd', {
      params: { id: 'd.case_id', documentId: 'd.id' },
      region: 'c.region_code',
      markers: markersOf('d.document_no'),
      joins: 'join cases c on c.id = d.case_id',
      text: `json_build_object('id', d.id, 'case_id', d.case_id, 'title', d.title, 'document_no', d.document_no, 'uploaded_by', d.uploaded_by)::text`,
    }),
  },
  complaint: {
    query: family('complaints', 'c', {
      params: { id: 'c.id' },
      region: 'c.region_code',
      markers: markersOf('c.complaint_no', 'c.complainant_phone'),
      text: `json_build_object('complaint', c, 'events', (select json_agg(e) from complaint_events e where e.complaint_id = c.id))::text`,
    }),
  },
  listing: {
    query: family('dishonesty_listings', 'l', { params: { id: 'l.id' }, region: 'l.region_code', orgs: ['e.org_id'], joins: 'left join enterprises e on e.id = l.enterprise_id' }),
    // The dishonesty list is published on the portal.
    secret: false,
  },
  removalApplication: {
    query: family('removal_applications', 'a', {
      params: { id: 'a.id' },
      region: 'l.region_code',
      orgs: ['e.org_id'],
      joins: 'join dishonesty_listings l on l.id = a.listing_id left join enterprises e on e.id = l.enterprise_id',
    }),
  },
  epidemicQa: {
    query: family('epidemic_qa', 'q', { params: { id: 'q.id' }, region: 'q.region_code', markers: markersIf('not q.published', 'q.question') }),
  },
  feeRule: {
    query: family('fee_rules', 'f', { params: { id: 'f.id' }, region: `coalesce(f.region_code, '${NATIONAL_REGION_CODE}')` }),
    // Rules are made by a province for its own province, or nationwide by the national bureau.
    inScope: (actor, row) => actor.scope.kind === 'all' || (actor.scope.kind === 'region' && row.region !== NATIONAL_REGION_CODE && row.region!.startsWith(actor.scope.prefix)),
    // Every user may read the fee rules (fees are computed from them for any requester).
    secret: false,
  },
  draw: {
    query: family('inspection_draws', 'd', {
      params: { id: 'd.id' },
      region: 'd.region_code',
      markers: markersIf('d.published_at is null', 'd.name'),
      text: `json_build_object('draw', json_build_object('id', d.id, 'org_id', d.org_id, 'name', d.name, 'drawn_by', d.drawn_by), 'targets', (select json_agg(t) from inspection_targets t where t.draw_id = d.id))::text`,
    }),
  },
  target: {
    query: family('inspection_targets', 't', {
      params: { id: 't.id' },
      region: 'd.region_code',
      joins: 'join inspection_draws d on d.id = t.draw_id',
      extra: { inspectors: 'array(select x::text from unnest(t.inspector_user_ids) x)', enterpriseRegion: 't.region_code' },
    }),
    // Results are recorded in the draw's scope, or by the inspectors assigned.
    inScope: (actor, row) => standardScope(actor, row) || (row.extra.inspectors as string[]).includes(actor.userId ?? ''),
    // The enterprise's own bureaus read them in its file (一户一档).
    visible: (actor, row) => standardScope(actor, row) || standardScope(actor, { ...row, region: row.extra.enterpriseRegion as string }) || (row.extra.inspectors as string[]).includes(actor.userId ?? ''),
  },
  institutionCheck: {
    query: family('institution_checks', 'k', { params: { id: 'k.id' }, region: 'k.region_code' }),
  },
  notification: {
    query: family('notifications', 'n', { params: { id: 'n.id' }, region: 'null', orgs: ['n.org_id'], markers: markersOf('n.title') }),
    // Notices go to the users of one org, whatever its scope.
    inScope: (actor, row) => actor.orgId !== null && row.orgs.includes(actor.orgId),
  },
  dispatch: {
    query: family('onsite_dispatches', 'd', { params: { id: 'd.id' }, region: 'd.region_code', orgs: ['i.org_id'], markers: markersOf('d.place_name'), joins: 'join institutions i on i.id = d.institution_id' }),
  },
  problem: {
    query: family('problems', 'p', { params: { id: 'p.id' }, region: 'p.region_code' }),
  },
  recall: {
    query: family('recalls', 'r', {
      params: { id: 'r.id' },
      region: 'r.region_code',
      orgs: ['r.enterprise_org_id'],
      markers: markersIf('r.published_at is null', 'r.recall_no'),
      text: `json_build_object('recall', r, 'progress', (select json_agg(p) from recall_progress p where p.recall_id = r.id))::text`,
    }),
  },
  template: {
    query: family('report_templates', 't', {
      params: { templateId: 't.id' },
      region: 't.region_code',
      extra: { ownerPrefix: 't.owner_prefix', unitLevel: 't.unit_level' },
      text: `json_build_object('id', t.id, 'owner_org_id', t.owner_org_id, 'campaign_id', t.campaign_id)::text`,
    }),
    inScope: templateVisible,
    // Templates are the official forms of notices; what is secret is the figures, not the form.
    secret: false,
  },
  period: {
    query: `select distinct on (t.id, s.period_key) ${J({ templateId: 't.id', key: 's.period_key' })} as params, t.id::text as id, t.region_code::text as region,
      '{}'::text[] as orgs, '{}'::text[] as markers, json_build_object('id', t.id)::text as text,
      ${J({ ownerPrefix: 't.owner_prefix', unitLevel: 't.unit_level' })} as extra
      from report_submissions s join report_templates t on t.id = s.template_id order by t.id, s.period_key desc`,
    inScope: templateVisible,
    secret: false,
  },
  cell: {
    // A cell that takes a hand-entered value where one exists, else the first cell of the form.
    query: `select distinct on (t.id, s.period_key) ${J({
      templateId: 't.id',
      key: 's.period_key',
      cell: `coalesce(m.cell_key, (t.definition->'rows'->0->>'key') || ':' || (t.definition->'groups'->0->'columns'->0->>'key'))`,
    })} as params,
      t.id::text as id, t.region_code::text as region, '{}'::text[] as orgs, '{}'::text[] as markers, json_build_object('id', t.id)::text as text,
      ${J({ ownerPrefix: 't.owner_prefix', unitLevel: 't.unit_level' })} as extra
      from report_submissions s join report_templates t on t.id = s.template_id left join report_manual_values m on m.submission_id = s.id
      order by t.id, s.period_key desc, m.cell_key nulls last`,
    inScope: templateVisible,
    secret: false,
  },
  unit: {
    query: family('report_submissions', 's', {
      params: { templateId: 's.template_id', key: 's.period_key', unitId: 's.unit_org_id' },
      region: 's.region_code',
      orgs: ['s.unit_org_id'],
      joins: 'join report_templates t on t.id = s.template_id',
      extra: { ownerPrefix: 't.owner_prefix', unitLevel: 't.unit_level', unitRegion: 's.region_code' },
      text: `json_build_object('id', s.id, 'template_id', s.template_id, 'unit_org_id', s.unit_org_id)::text`,
    }),
    inScope: aboveUnit,
    // A unit knows its own submissions.
    visible: (actor, row) => standardScope(actor, row) || aboveUnit(actor, row),
  },
  submission: {
    query: family('report_submissions', 's', {
      params: { id: 's.id' },
      region: 's.region_code',
      orgs: ['s.unit_org_id'],
      joins: 'join report_templates t on t.id = s.template_id',
      extra: { ownerPrefix: 't.owner_prefix', unitLevel: 't.unit_level', unitRegion: 's.region_code' },
      text: `json_build_object('id', s.id, 'template_id', s.template_id, 'unit_org_id', s.unit_org_id, 'status', s.status)::text`,
    }),
    inScope: aboveUnit,
    visible: (actor, row) => standardScope(actor, row) || aboveUnit(actor, row),
  },
  riskWarning: {
    query: family('risk_warnings', 'w', { params: { id: 'w.id' }, region: 'w.region_code', markers: markersOf('w.label') }),
  },
  disposal: {
    query: family('disposals', 'd', {
      params: { id: 'd.id' },
      region: 'd.region_code',
      text: `json_build_object('disposal', d, 'flows', (select json_agg(f) from disposal_flows f where f.disposal_id = d.id))::text`,
    }),
  },
  plan: {
    query: family('sampling_plans', 'p', {
      params: { id: 'p.id' },
      region: 'p.region_code',
      markers: markersOf('p.name'),
      extra: { taskOrgs: 'array(select t.institution_org_id::text from sampling_tasks t where t.plan_id = p.id)' },
      text: `json_build_object('plan', p, 'tasks', (select json_agg(t) from sampling_tasks t where t.plan_id = p.id))::text`,
    }),
    // Bureaus by region; an institution sees the plans that gave it a task.
    inScope: (actor, row) => (actor.orgKind === 'institution' ? (row.extra.taskOrgs as string[]).includes(actor.orgId ?? '') : standardScope(actor, row)),
  },
  record: {
    query: family('sampling_records', 'r', { params: { id: 'r.id' }, region: 'r.region_code', orgs: ['r.institution_org_id'], markers: markersOf('r.record_no') }),
  },
  screening: {
    query: family('screenings', 's', { params: { id: 's.id' }, region: 's.region_code' }),
  },
  booking: {
    query: family('service_bookings', 'b', {
      params: { id: 'b.id' },
      region: 'i.region_code',
      orgs: ['b.requester_org_id', 'i.org_id'],
      markers: markersOf('b.contact_phone'),
      joins: 'join institutions i on i.id = b.institution_id',
    }),
  },
  serviceItem: {
    query: family('service_items', 'x', { params: { id: 'x.id' }, region: 'i.region_code', orgs: ['i.org_id'], joins: 'join institutions i on i.id = x.institution_id' }),
    // Only the institution edits its items.
    inScope: (actor, row) => actor.orgKind === 'institution' && row.orgs.includes(actor.orgId ?? ''),
    // The catalogue is published on the portal.
    secret: false,
  },
  slot: {
    query: family('service_slots', 'x', {
      params: { id: 'x.id' },
      region: 'i.region_code',
      orgs: ['i.org_id'],
      joins: 'join institutions i on i.id = x.institution_id',
      extra: { institution: 'x.institution_id' },
    }),
    // Only the institution cancels its slots.
    inScope: (actor, row) => actor.orgKind === 'institution' && row.orgs.includes(actor.orgId ?? ''),
    // Open slots are offered to every requester.
    secret: false,
  },
  request: {
    query: family('service_requests', 'r', {
      params: { id: 'r.id' },
      region: 'r.region_code',
      orgs: ['r.institution_org_id', 'r.requester_org_id'],
      markers: markersOf('r.request_no', 'r.contact_phone'),
      text: `json_build_object('request', r, 'lines', (select json_agg(l) from service_request_lines l where l.request_id = r.id),
        'referrals', (select json_agg(json_build_object('referral', f, 'to', t.institution_id, 'toOrg', t.institution_org_id, 'from', o.institution_id, 'fromOrg', o.institution_org_id)) from service_referrals f
          join service_requests t on t.id = f.to_request_id join service_requests o on o.id = f.from_request_id
          where f.from_request_id = r.id or f.to_request_id = r.id))::text`,
    }),
  },
  typicalCase: {
    query: family('typical_cases', 'c', { params: { id: 'c.id' }, region: 'c.region_code', markers: markersIf('c.withdrawn_at is not null', 'c.title') }),
  },
  certificate: {
    query: family('verification_certificates', 'c', {
      params: { id: 'c.id' },
      region: 'c.region_code',
      orgs: ['c.requester_org_id', 'i.org_id'],
      markers: markersOf('c.certificate_no'),
      joins: 'join institutions i on i.id = c.institution_id',
    }),
  },
} satisfies Record<string, Family>;

export type FamilyName = keyof typeof FAMILIES;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** Every row of every family, read once. */
export async function loadRows(db: Db, actorUsernames: string[]): Promise<Row[]> {
  const names = actorUsernames.map((u) => `'${u.replaceAll("'", "''")}'`).join(', ');
  const all: Row[] = [];
  for (const [name, fam] of Object.entries(FAMILIES) as [FamilyName, Family][]) {
    type Raw = { params: Record<string, string>; id: string; region: string | null; orgs: string[]; markers: string[]; text: string; extra: Record<string, unknown> };
    const rows = await rawRows<Raw>(db, sql.raw(fam.query.replace(ACTOR_PLACEHOLDER, names)));
    for (const r of rows) all.push({ family: name, ...r, region: r.region?.trim() ?? null, orgs: r.orgs ?? [], markers: r.markers ?? [] });
  }
  return all;
}

export const inScopeOf = (family: FamilyName) => (FAMILIES[family] as Family).inScope ?? standardScope;
export const visibleTo = (family: FamilyName) => (FAMILIES[family] as Family).visible ?? inScopeOf(family);
export const isSecret = (family: FamilyName) => (FAMILIES[family] as Family).secret !== false;
export const uuidsIn = (text: string) => text.match(UUID) ?? [];

/** How close a row is to the actor: the length of the region prefix they share (nearest out-of-scope rows are the sharpest test). */
function nearness(actor: Actor, row: Row): number {
  const mine = actor.orgRegionCode ?? '';
  const theirs = row.region ?? '';
  let n = 0;
  while (n < 6 && mine[n] !== undefined && mine[n] === theirs[n]) n++;
  return n;
}

export type Chosen = { inScope?: Row; outOfScope?: Row };

/**
 * For one actor and family: a row in its scope and one out of it (the nearest, so a county
 * sees its neighbour's records refused, not only another province's). Actors take turns over
 * the rows in their scope (by `turn`), so that the sweep reaches more records than the first
 * of each kind. Cached per actor and family.
 */
export function picker(rows: Row[], turn: (actor: Actor) => number) {
  const byFamily = new Map<string, Row[]>();
  for (const r of rows) byFamily.set(r.family, [...(byFamily.get(r.family) ?? []), r]);
  for (const list of byFamily.values()) list.sort((a, b) => a.id.localeCompare(b.id));
  const cache = new Map<string, Chosen>();
  return (actor: Actor, family: FamilyName): Chosen => {
    const key = `${actor.username}:${family}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const visible = inScopeOf(family);
    const list = byFamily.get(family) ?? [];
    // Accounts the suite signs in with are read, not written to (a reset password would end a session of the sweep).
    const inside = list.filter((r) => visible(actor, r));
    const outside = list.filter((r) => !visible(actor, r)).sort((a, b) => nearness(actor, b) - nearness(actor, a));
    const usable = inside.filter((r) => !r.extra.signedIn);
    const pick = { inScope: usable.length ? usable[turn(actor) % usable.length] : inside[0], outOfScope: outside[0] };
    cache.set(key, pick);
    return pick;
  };
}
