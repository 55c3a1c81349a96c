import ExcelJS from 'exceljs';
import type { Role } from '@shijian/contracts';
import { XLSX_TYPE } from '../../app.js';
import { ABSENT_ID } from './bodies.js';
import { PDF } from './fixtures.js';
import type { FamilyName, Row } from './resources.js';

/**
 * One demo account per role. The regulators are in 四川 (a province, and a county of 成都 so
 * that a neighbouring county's records are out of scope too); the institution roles share
 * 四川省产品质量监督检验检测院 and the enterprise user is 成都康宁, so another institution's or
 * enterprise's records are out of theirs.
 */
export const ACTORS: Record<Role, string> = {
  platform_admin: 'admin',
  regulator_admin: 'sc.admin',
  officer: 'wh.officer',
  statistician: 'sc.stat',
  leader: 'sc.leader',
  institution_admin: 'scqi.admin',
  receptionist: 'scqi.receptionist',
  tester: 'scqi.tester',
  reviewer: 'scqi.reviewer',
  signatory: 'scqi.signatory',
  enterprise_user: 'kangning',
};

type Params = Record<string, string>;

/**
 * What the matrix expects of each route of the OpenAPI description:
 *
 * - `record`: the path names a record of `family`. Out of scope, every role gets what an absent
 *   id gets: 404, or 403 when the role may not use the route at all (whatever the record), and
 *   nothing in the answer names the record; in scope, a role the route does not refuse finds it.
 * - `list`: a list or search; its answer carries no marker of a record out of the caller's scope.
 * - `shared`: a read whose answer is the same for every user by design (reference data,
 *   published directories); the reason says why. Still called by every role.
 * - `write`: a write that names no record; every role sends it with an empty body.
 * - `ref`: a create naming a record in its body (`field`): an out-of-scope record there gets what
 *   an absent one gets, and nothing is written.
 * - `reference`: reference data addressed by a code (calendar days, product categories), the same for everyone.
 * - `session`: the caller's own session (logout, password): not swept, it would end the sweep's sessions.
 * - `public`: the portal; answers without a session.
 */
export type Rule =
  | {
      kind: 'record';
      family: FamilyName;
      query?: (params: Params) => string;
      /** Fields set over the body generated from the schema, where the contracts check more than it says. */
      body?: Record<string, unknown>;
      /** A raw body instead of JSON generated from the schema. */
      raw?: { contentType: string; payload: () => Promise<Buffer> };
      /** Placeholders naming something the demo world has none of (filled with an absent id). */
      absent?: string[];
    }
  | {
      kind: 'list';
      query?: string | ((rows: Row[]) => string);
      /**
       * The audit log names the records the people of the caller's scope acted on, whatever
       * those records' scope (a signatory's report opens a case lead); it must name nothing
       * that only people outside the caller's scope touched.
       */
      audit?: boolean;
    }
  | { kind: 'shared'; reason: string; query?: string }
  | { kind: 'write' }
  | { kind: 'ref'; field: string; family: FamilyName }
  | { kind: 'reference'; params: Params; reason: string }
  | { kind: 'session'; reason: string }
  | { kind: 'public'; query?: string; params?: Params; family?: FamilyName };

const record = (family: FamilyName, extra: Omit<Extract<Rule, { kind: 'record' }>, 'kind' | 'family'> = {}): Rule => ({ kind: 'record', family, ...extra });
const list = (query?: string | ((rows: Row[]) => string)): Rule => ({ kind: 'list', query });
const shared = (reason: string, query?: string): Rule => ({ kind: 'shared', reason, query });
const write: Rule = { kind: 'write' };
const ref = (field: string, family: FamilyName): Rule => ({ kind: 'ref', field, family });
const pub = (extra: Omit<Extract<Rule, { kind: 'public' }>, 'kind'> = {}): Rule => ({ kind: 'public', ...extra });


let workbook: Promise<Buffer> | undefined;
/** A workbook with one empty sheet: imports must look the campaign up before they read the file. */
const emptyWorkbook = () =>
  (workbook ??= (async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Sheet1');
    return Buffer.from(await book.xlsx.writeBuffer());
  })());

/** The institution whose catalogue and slots the demo world fills (lists by institution need one named). */
const slotInstitution = (rows: Row[]) => `institutionId=${rows.find((r) => r.family === 'slot')!.extra.institution as string}`;

/** The cell of the template's row; a probe with an absent template has none, and asks for a well-formed one. */
const cellQuery = (p: Params) => `cell=${encodeURIComponent(p.cell ?? 'a:b')}`;

export const RULES: Record<string, Rule> = {
  'GET /api/audit': { kind: 'list', audit: true },
  'POST /api/audit/verify': write,
  'POST /api/auth/login': { kind: 'session', reason: 'signs in; security.test.ts covers it' },
  'POST /api/auth/logout': { kind: 'session', reason: 'would end the session the sweep uses' },
  'GET /api/auth/me': shared('the caller’s own account'),
  'POST /api/auth/password': { kind: 'session', reason: 'would rotate the session the sweep uses' },
  'GET /api/calendar': shared('the public-holiday calendar', 'year=2026'),
  'DELETE /api/calendar/{date}': { kind: 'reference', params: { date: '2031-01-02' }, reason: 'the national holiday calendar' },
  'PUT /api/calendar/{date}': { kind: 'reference', params: { date: '2031-01-02' }, reason: 'the national holiday calendar' },
  'GET /api/calendar/working-days': shared('working-day arithmetic over the calendar', 'from=2026-12-01&days=5'),

  'GET /api/campaigns': list(),
  'POST /api/campaigns': write,
  'GET /api/campaigns/{id}': record('campaign'),
  'PATCH /api/campaigns/{id}': record('campaign'),
  'POST /api/campaigns/{id}/screenings/import': record('campaign', { query: () => 'fileName=am.xlsx', raw: { contentType: XLSX_TYPE, payload: emptyWorkbook } }),
  'GET /api/campaigns/{id}/screenings/import-template': record('campaign'),
  'GET /api/campaigns/{id}/screenings/imports/{jobId}': record('campaign', { absent: ['jobId'] }),

  'GET /api/cases': list(),
  'POST /api/cases': write,
  'GET /api/cases/{id}': record('case'),
  'POST /api/cases/{id}/documents': record('case', { query: () => 'title=am&fileName=am.pdf', raw: { contentType: 'application/pdf', payload: async () => PDF } }),
  'GET /api/cases/{id}/documents/{documentId}': record('caseDocument'),
  'POST /api/cases/{id}/extensions': record('case'),
  'POST /api/cases/{id}/figures': record('case'),
  'POST /api/cases/{id}/transition': record('case'),
  'GET /api/cases/deadlines': list(),

  'GET /api/complaints': list(),
  'POST /api/complaints': write,
  'GET /api/complaints/{id}': record('complaint'),
  'POST /api/complaints/{id}/accept': record('complaint'),
  'POST /api/complaints/{id}/lead': record('complaint'),
  'POST /api/complaints/{id}/mediation': record('complaint'),
  'POST /api/complaints/{id}/reject': record('complaint'),
  'POST /api/complaints/{id}/reply': record('complaint'),

  'GET /api/credit/listings': list(),
  'POST /api/credit/listings': ref('caseId', 'case'),
  'GET /api/credit/listings/{id}': record('listing'),
  'POST /api/credit/listings/{id}/removal-applications': record('listing'),
  'POST /api/credit/removal-applications/{id}/decision': record('removalApplication'),

  'GET /api/enterprises': list(),
  'POST /api/enterprises': write,
  'GET /api/enterprises/{id}': record('enterprise'),
  'PATCH /api/enterprises/{id}': record('enterprise'),
  'GET /api/enterprises/{id}/archive': record('enterprise'),
  'GET /api/enterprises/by-category': list(),

  'GET /api/epidemic-qa': list(),
  'POST /api/epidemic-qa': write,
  'DELETE /api/epidemic-qa/{id}': record('epidemicQa'),
  'GET /api/epidemic-qa/{id}': record('epidemicQa'),
  'PUT /api/epidemic-qa/{id}': record('epidemicQa'),
  'POST /api/epidemic-qa/{id}/publish': record('epidemicQa'),

  'GET /api/fee-rules': list(),
  'POST /api/fee-rules': write,
  'POST /api/fee-rules/{id}/active': record('feeRule'),

  'GET /api/health': pub(),

  'POST /api/inspections/conflicts': write,
  'GET /api/inspections/directory': list(),
  'GET /api/inspections/draw-preview': list(),
  'GET /api/inspections/draws': list(),
  'POST /api/inspections/draws': write,
  'GET /api/inspections/draws/{id}': record('draw'),
  'POST /api/inspections/draws/{id}/publish': record('draw'),
  'GET /api/inspections/draws/{id}/record': record('draw'),
  'GET /api/inspections/inspectors': list(),
  'PUT /api/inspections/inspectors/{userId}': record('user'),
  'GET /api/inspections/queue': list(),
  'POST /api/inspections/targets/{id}/result': record('target'),
  'PUT /api/inspections/tiers/{enterpriseId}': record('enterprise'),

  'GET /api/institution-checks': list(),
  'POST /api/institution-checks': ref('institutionId', 'institution'),
  'GET /api/institution-checks/{id}': record('institutionCheck'),
  'POST /api/institution-checks/{id}/lead': record('institutionCheck'),
  'GET /api/institution-staff': list(),

  'GET /api/institutions': list(),
  'POST /api/institutions': ref('parentOrgId', 'org'),
  'GET /api/institutions/{id}': record('institution'),
  'PATCH /api/institutions/{id}': record('institution'),
  'POST /api/institutions/{id}/scopes': record('institution'),
  'DELETE /api/institutions/{id}/scopes/{scopeId}': record('qualificationScope'),

  'GET /api/instruments': list(),
  'POST /api/instruments': write,
  'GET /api/instruments/{id}': record('instrument'),
  'PATCH /api/instruments/{id}': record('instrument'),
  'GET /api/instruments/{id}/ledger': record('instrument'),
  'PUT /api/instruments/{id}/ledger': record('instrument'),
  'POST /api/instruments/{id}/verifications': record('instrument'),
  'POST /api/instruments/import': write,
  'GET /api/instruments/import-template': shared('a blank workbook'),

  'GET /api/lab/commissioning-orgs': shared('the directory of bureaus that may commission a test is public information'),
  'GET /api/lab/reports': list(),
  'DELETE /api/lab/reports/{id}': record('report'),
  'GET /api/lab/reports/{id}': record('report'),
  'GET /api/lab/reports/{id}/integrity': record('report'),
  'GET /api/lab/reports/{id}/pdf': record('report'),
  'POST /api/lab/reports/{id}/reopen': record('report'),
  'GET /api/lab/samples': list(),
  'POST /api/lab/samples': write,
  'DELETE /api/lab/samples/{id}': record('sample'),
  'GET /api/lab/samples/{id}': record('sample'),
  'POST /api/lab/samples/{id}/approve': record('sample'),
  'POST /api/lab/samples/{id}/assign': record('sample'),
  'POST /api/lab/samples/{id}/issue': record('sample'),
  'GET /api/lab/samples/{id}/label': record('sample'),
  'POST /api/lab/samples/{id}/return': record('sample'),
  'POST /api/lab/samples/{id}/review': record('sample'),
  'POST /api/lab/samples/{id}/submit': record('sample'),
  'POST /api/lab/samples/{id}/tests/{testId}/results': record('sampleTest'),
  'GET /api/lab/settings': list(),
  'PUT /api/lab/settings': write,
  'GET /api/lab/signatories': list(),
  'POST /api/lab/signatories': ref('userId', 'user'),
  'GET /api/lab/test-items': shared('the catalogue of test items is published for the service window'),
  'POST /api/lab/test-items': write,
  'PATCH /api/lab/test-items/{id}': record('testItem'),
  'GET /api/lab/testers': list(),

  'GET /api/notifications': list(),
  'POST /api/notifications/{id}/read': record('notification'),
  'GET /api/notifications/unread': list(),

  'GET /api/onsite-dispatches': list(),
  'POST /api/onsite-dispatches': write,
  'GET /api/onsite-dispatches/{id}': record('dispatch'),

  'GET /api/orgs': list(),
  'POST /api/orgs': ref('parentId', 'org'),
  'GET /api/orgs/{id}': record('org'),
  'PATCH /api/orgs/{id}': record('org'),

  'GET /api/problems': list(),
  'POST /api/problems': ref('campaignId', 'campaign'),
  'GET /api/problems/{id}': record('problem'),
  'PATCH /api/problems/{id}': record('problem'),
  'POST /api/problems/{id}/status': record('problem'),

  'GET /api/product-categories': pub(),
  'POST /api/product-categories': write,
  'PATCH /api/product-categories/{code}': { kind: 'reference', params: { code: 'mask' }, reason: 'the national product catalogue' },

  'GET /api/public/certificates/verify': pub({ query: 'no=JD510107-2026-00001&code=AAAAAAAA' }),
  'POST /api/public/complaints': pub(),
  'GET /api/public/complaints/status': pub({ query: 'no=TS510107-2026-000001&code=000000' }),
  'GET /api/public/compulsory-catalogue': pub(),
  'GET /api/public/dishonesty': pub(),
  'GET /api/public/epidemic-qa': pub(),
  'GET /api/public/inspections/draws': pub(),
  'GET /api/public/inspections/draws/{id}': pub({ family: 'draw' }),
  'GET /api/public/institutions': pub(),
  'GET /api/public/recalls': pub(),
  'GET /api/public/reports/verify': pub({ query: 'no=BG2026-000001&code=000000' }),
  'POST /api/public/reports/verify-file': pub(),
  'GET /api/public/service-catalogue': pub(),
  'GET /api/public/service-items/{id}': pub({ family: 'serviceItem' }),
  'POST /api/public/service-requests': pub(),
  'GET /api/public/service-requests/status': pub({ query: 'no=FW510107-2026-00001&code=000000' }),
  'GET /api/public/typical-cases': pub(),
  'GET /api/public/typical-cases/{id}': pub({ family: 'typicalCase' }),

  'GET /api/recalls': list(),
  'POST /api/recalls': write,
  'GET /api/recalls/{id}': record('recall'),
  'POST /api/recalls/{id}/assess': record('recall'),
  'POST /api/recalls/{id}/plan': record('recall', { body: { quantityTotal: 1 } }),
  'POST /api/recalls/{id}/progress': record('recall'),
  'POST /api/recalls/{id}/publish': record('recall'),

  'GET /api/regions': pub(),
  'GET /api/regions/{code}/path': pub({ params: { code: '510107' } }),

  'GET /api/reports/library': shared('the official forms attached to the notices'),
  'POST /api/reports/submissions/{id}/accept': record('submission'),
  'POST /api/reports/submissions/{id}/return': record('submission'),
  'GET /api/reports/templates': list(),
  'POST /api/reports/templates': write,
  'GET /api/reports/templates/{templateId}': record('template'),
  'PUT /api/reports/templates/{templateId}': record('template'),
  'POST /api/reports/templates/{templateId}/active': record('template'),
  'GET /api/reports/templates/{templateId}/periods': record('template'),
  'POST /api/reports/templates/{templateId}/periods': record('template'),
  'PUT /api/reports/templates/{templateId}/periods/{key}/cells/{cell}': record('cell'),
  'GET /api/reports/templates/{templateId}/periods/{key}/cells/{cell}/records': record('cell'),
  'GET /api/reports/templates/{templateId}/periods/{key}/compare': record('cell', { query: cellQuery }),
  'GET /api/reports/templates/{templateId}/periods/{key}/completeness': record('period'),
  'GET /api/reports/templates/{templateId}/periods/{key}/export': record('period'),
  'POST /api/reports/templates/{templateId}/periods/{key}/submit': record('period'),
  'GET /api/reports/templates/{templateId}/periods/{key}/table': record('period'),
  'POST /api/reports/templates/{templateId}/periods/{key}/units/{unitId}/exception': record('unit'),
  'GET /api/reports/templates/{templateId}/trend': record('cell', { query: cellQuery }),

  'GET /api/risk/freshness': list(),
  'GET /api/risk/model': list(),
  'PUT /api/risk/model': write,
  'POST /api/risk/opinions': write,
  'GET /api/risk/scores': list(),
  'GET /api/risk/signals': list(),
  'POST /api/risk/tiers': write,
  'GET /api/risk/trend': list(),
  'GET /api/risk/warnings': list(),
  'GET /api/risk/warnings/{id}': record('riskWarning'),
  'POST /api/risk/warnings/{id}/advance': record('riskWarning'),

  'GET /api/sampling/disposals': list(),
  'GET /api/sampling/disposals/{id}': record('disposal'),
  'PATCH /api/sampling/disposals/{id}': record('disposal', { body: { measures: '封存' } }),
  'POST /api/sampling/disposals/{id}/close': record('disposal'),
  'POST /api/sampling/disposals/{id}/flows': record('disposal'),
  'GET /api/sampling/plans': list(),
  'POST /api/sampling/plans': write,
  'GET /api/sampling/plans/{id}': record('plan'),
  'POST /api/sampling/plans/{id}/tasks': record('plan'),
  'GET /api/sampling/records': list(),
  'POST /api/sampling/records': write,
  'GET /api/sampling/records/{id}': record('record'),
  'POST /api/sampling/records/{id}/objection': record('record'),
  'POST /api/sampling/records/{id}/objection/decision': record('record'),
  'POST /api/sampling/records/{id}/receive': record('record'),

  'GET /api/screenings': list(),
  'POST /api/screenings': write,
  'GET /api/screenings/{id}': record('screening'),
  'POST /api/screenings/{id}/rectification': record('screening'),
  'GET /api/screenings/officers': list(),

  'GET /api/service-bookings': list(),
  'POST /api/service-bookings': write,
  'GET /api/service-bookings/{id}': record('booking'),
  'POST /api/service-bookings/{id}/cancel': record('booking'),
  'POST /api/service-bookings/{id}/outcome': record('booking'),
  'GET /api/service-items': list(slotInstitution),
  'POST /api/service-items': write,
  'PUT /api/service-items/{id}': record('serviceItem'),
  'POST /api/service-items/{id}/active': record('serviceItem'),
  'GET /api/service-requests': list(),
  'POST /api/service-requests': write,
  'GET /api/service-requests/{id}': record('request'),
  'POST /api/service-requests/{id}/accept': record('request'),
  'POST /api/service-requests/{id}/complete': record('request'),
  'POST /api/service-requests/{id}/decline': record('request'),
  'POST /api/service-requests/{id}/escalate': record('request'),
  'POST /api/service-requests/{id}/refer': record('request'),
  'GET /api/service-requests/{id}/referral-options': record('request'),
  'GET /api/service-requests/{id}/requester-instruments': record('request'),
  'GET /api/service-requests/{id}/samples': record('request'),
  'POST /api/service-requests/{id}/samples': record('request'),
  'POST /api/service-requests/{id}/verifications': record('request', { body: { instrumentId: ABSENT_ID } }),
  'GET /api/service-slots': list(slotInstitution),
  'POST /api/service-slots': write,
  'POST /api/service-slots/{id}/cancel': record('slot'),

  'GET /api/typical-cases': list(),
  'POST /api/typical-cases': ref('caseId', 'case'),
  'GET /api/typical-cases/{id}': record('typicalCase'),
  'POST /api/typical-cases/{id}/withdraw': record('typicalCase'),

  'GET /api/users': list(),
  'POST /api/users': ref('orgId', 'org'),
  'GET /api/users/{id}': record('user'),
  'PATCH /api/users/{id}': record('user'),
  'POST /api/users/{id}/reset-password': record('user'),

  'GET /api/verification-certificates': list(),
  'GET /api/verification-certificates/{id}': record('certificate'),
  'GET /api/verification-certificates/{id}/pdf': record('certificate'),
};
