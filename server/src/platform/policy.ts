import type { Actor } from './actor.js';
import { forbidden } from './errors.js';

/**
 * Who may do what, as data. Every action has an entry (the Record type makes a
 * missing one a compile error) and nothing is allowed by default. Scope — which
 * records — is applied separately, in the queries.
 */
export type Action =
  | 'org.read'
  | 'org.write'
  | 'user.read'
  | 'user.write'
  | 'enterprise.read'
  | 'enterprise.write'
  | 'institution.read'
  | 'institution.write'
  | 'instrument.read'
  | 'instrument.write'
  | 'lab.catalogue.read'
  | 'lab.catalogue.write'
  | 'lab.sample.read'
  | 'lab.sample.receive'
  | 'lab.sample.assign'
  | 'lab.result.enter'
  | 'lab.sample.review'
  | 'lab.sample.approve'
  | 'lab.signatory.write'
  | 'campaign.read'
  | 'campaign.write'
  | 'screening.write'
  | 'problem.write'
  | 'sampling.read'
  | 'sampling.plan'
  | 'sampling.record'
  | 'sampling.receive'
  | 'sampling.dispose'
  | 'inspection.read'
  | 'inspection.roster'
  | 'inspection.draw'
  | 'inspection.record'
  | 'case.read'
  | 'case.write'
  | 'case.extend'
  | 'credit.read'
  | 'credit.list'
  | 'credit.apply'
  | 'credit.review'
  | 'oversight.read'
  | 'oversight.write'
  | 'report.read'
  | 'report.fill'
  | 'report.review'
  | 'report.template'
  | 'service.catalogue.write'
  | 'service.request.create'
  | 'service.request.read'
  | 'service.request.handle'
  | 'service.onsite.write'
  | 'service.fee.read'
  | 'service.fee.write'
  | 'metrology.read'
  | 'metrology.verify'
  | 'complaint.read'
  | 'complaint.intake'
  | 'complaint.handle'
  | 'recall.read'
  | 'recall.report'
  | 'recall.assess'
  | 'recall.plan'
  | 'risk.read'
  | 'risk.import'
  | 'risk.model'
  | 'risk.handle'
  | 'publicity.write'
  | 'notification.read'
  | 'category.write'
  | 'calendar.write'
  | 'audit.read'
  | 'audit.verify';

const isUser = (a: Actor) => a.kind === 'user' || a.kind === 'system';
const role = (a: Actor, ...roles: string[]) => a.kind === 'system' || a.roles.some((r) => roles.includes(r));
const regulator = (a: Actor) => a.kind === 'system' || a.orgKind === 'regulator';
const nationalOrPlatform = (a: Actor) =>
  a.kind === 'system' || a.orgKind === 'platform' || (a.orgKind === 'regulator' && a.orgLevel === 'national');

export const can: Record<Action, (a: Actor) => boolean> = {
  'org.read': isUser,
  'org.write': (a) => role(a, 'platform_admin', 'regulator_admin'),
  'user.read': (a) => role(a, 'platform_admin', 'regulator_admin', 'institution_admin'),
  'user.write': (a) => role(a, 'platform_admin', 'regulator_admin', 'institution_admin'),
  'enterprise.read': (a) => regulator(a) || role(a, 'platform_admin', 'enterprise_user'),
  'enterprise.write': (a) => role(a, 'platform_admin', 'regulator_admin', 'officer') && (regulator(a) || a.orgKind === 'platform'),
  'institution.read': (a) => regulator(a) || role(a, 'platform_admin') || a.orgKind === 'institution',
  'institution.write': (a) => role(a, 'platform_admin', 'regulator_admin'),
  'instrument.read': isUser,
  // Owners keep their own ledger; regulators read it; the platform admin can correct it.
  'instrument.write': (a) => role(a, 'platform_admin', 'institution_admin', 'enterprise_user'),
  'lab.catalogue.read': isUser,
  'lab.catalogue.write': (a) => role(a, 'institution_admin'),
  // Which samples is decided by sampleScope; here only that the caller's org kind takes part at all.
  'lab.sample.read': (a) => a.kind === 'system' || a.orgKind === 'institution' || a.orgKind === 'enterprise' || a.orgKind === 'regulator',
  'lab.sample.receive': (a) => role(a, 'receptionist', 'institution_admin'),
  'lab.sample.assign': (a) => role(a, 'receptionist', 'institution_admin'),
  'lab.result.enter': (a) => role(a, 'tester'),
  'lab.sample.review': (a) => role(a, 'reviewer'),
  'lab.sample.approve': (a) => role(a, 'signatory'),
  'lab.signatory.write': (a) => role(a, 'institution_admin'),
  // Supervision and enforcement are regulators' work; scope (which records) is in the queries.
  'campaign.read': (a) => regulator(a),
  'campaign.write': (a) => regulator(a) && role(a, 'regulator_admin', 'leader'),
  'screening.write': (a) => regulator(a) && role(a, 'officer', 'regulator_admin'),
  'problem.write': (a) => regulator(a) && role(a, 'officer', 'regulator_admin', 'leader'),
  // Institutions see the sampling tasks given to them and receive their batches.
  'sampling.read': (a) => regulator(a) || a.orgKind === 'institution',
  'sampling.plan': (a) => regulator(a) && role(a, 'regulator_admin', 'leader', 'officer'),
  'sampling.record': (a) => (regulator(a) && role(a, 'officer')) || role(a, 'receptionist', 'institution_admin'),
  'sampling.receive': (a) => a.orgKind === 'institution' && role(a, 'receptionist', 'institution_admin'),
  'sampling.dispose': (a) => regulator(a) && role(a, 'officer', 'regulator_admin'),
  'inspection.read': (a) => regulator(a),
  'inspection.roster': (a) => regulator(a) && role(a, 'regulator_admin'),
  'inspection.draw': (a) => regulator(a) && role(a, 'regulator_admin', 'leader', 'officer'),
  'inspection.record': (a) => regulator(a) && role(a, 'officer', 'regulator_admin'),
  'case.read': (a) => regulator(a),
  'case.write': (a) => regulator(a) && role(a, 'officer', 'regulator_admin'),
  // Extensions of the statutory clocks need the bureau's approval: a leader or its admin records it.
  'case.extend': (a) => regulator(a) && role(a, 'leader', 'regulator_admin'),
  // An enterprise reads its own listing (scope decides which); the public list is on the portal.
  'credit.read': (a) => regulator(a) || a.orgKind === 'enterprise',
  'credit.list': (a) => regulator(a) && role(a, 'regulator_admin', 'leader'),
  'credit.apply': (a) => role(a, 'enterprise_user'),
  'credit.review': (a) => regulator(a) && role(a, 'regulator_admin', 'leader'),
  // Checks of testing institutions are regulators' work (notice 004).
  'oversight.read': (a) => regulator(a),
  'oversight.write': (a) => regulator(a) && role(a, 'officer', 'regulator_admin'),
  // Statistics: which templates and units is decided by the template's owner and units, in the service.
  'report.read': (a) => regulator(a),
  'report.fill': (a) => regulator(a) && role(a, 'statistician', 'regulator_admin'),
  'report.review': (a) => regulator(a) && role(a, 'statistician', 'leader', 'regulator_admin'),
  'report.template': (a) => regulator(a) && role(a, 'regulator_admin'),
  // The service window: institutions publish and handle; enterprises and regulators (commissions) request.
  'service.catalogue.write': (a) => a.orgKind === 'institution' && role(a, 'institution_admin'),
  'service.request.create': (a) => role(a, 'enterprise_user') || (regulator(a) && role(a, 'officer', 'regulator_admin')),
  'service.request.read': isUser,
  'service.request.handle': (a) => a.orgKind === 'institution' && role(a, 'receptionist', 'institution_admin'),
  'service.onsite.write': (a) => a.orgKind === 'institution' && role(a, 'receptionist', 'institution_admin', 'tester'),
  'service.fee.read': isUser,
  'service.fee.write': (a) => role(a, 'platform_admin') || (regulator(a) && role(a, 'regulator_admin') && (a.orgLevel === 'national' || a.orgLevel === 'province')),
  // Certificates: scope (requester, institution, bureaus over it) is in the queries; 检定员 and the admin record them.
  'metrology.read': isUser,
  'metrology.verify': (a) => a.orgKind === 'institution' && role(a, 'tester', 'institution_admin'),
  // Complaints and reports are regulators' work; which ones is decided by the handling bureau's region.
  'complaint.read': (a) => regulator(a),
  'complaint.intake': (a) => regulator(a) && role(a, 'officer', 'regulator_admin'),
  'complaint.handle': (a) => regulator(a) && role(a, 'officer', 'regulator_admin', 'leader'),
  // Recalls: regulators oversee (scope by the producer's region); the producer reports, plans and reports progress.
  'recall.read': (a) => regulator(a) || a.orgKind === 'enterprise',
  'recall.report': (a) => (regulator(a) && role(a, 'officer', 'regulator_admin')) || role(a, 'enterprise_user'),
  'recall.assess': (a) => regulator(a) && role(a, 'officer', 'regulator_admin', 'leader'),
  'recall.plan': (a) => (regulator(a) && role(a, 'officer', 'regulator_admin')) || role(a, 'enterprise_user'),
  // Risk monitoring is regulators' work; scores and warnings are scoped by region in the queries.
  'risk.read': (a) => regulator(a),
  'risk.import': (a) => regulator(a) && role(a, 'officer', 'regulator_admin'),
  'risk.model': (a) => regulator(a) && role(a, 'regulator_admin') && nationalOrPlatform(a),
  'risk.handle': (a) => regulator(a) && role(a, 'officer', 'regulator_admin', 'leader'),
  // Typical cases and the epidemic-goods Q&A on the portal: regulators' officers, admins and leaders; which records is by region.
  'publicity.write': (a) => regulator(a) && role(a, 'officer', 'regulator_admin', 'leader'),
  'notification.read': isUser,
  'category.write': (a) => role(a, 'platform_admin', 'regulator_admin') && nationalOrPlatform(a),
  'calendar.write': (a) => role(a, 'platform_admin', 'regulator_admin') && nationalOrPlatform(a),
  'audit.read': (a) => role(a, 'platform_admin', 'regulator_admin', 'institution_admin'),
  'audit.verify': (a) => role(a, 'platform_admin', 'regulator_admin') && nationalOrPlatform(a),
};

export function authorize(actor: Actor, action: Action): void {
  if (!can[action](actor)) throw forbidden();
}
