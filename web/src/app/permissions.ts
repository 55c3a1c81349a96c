import type { Role } from '@shijian/contracts';
import type { SessionView } from '../api/types';

/**
 * What the menu and buttons offer, mirroring server/src/platform/policy.ts.
 * The server decides; this only keeps the UI from showing doors that are locked.
 */
export type Permission =
  | 'org.read'
  | 'org.write'
  | 'user.read'
  | 'user.write'
  | 'enterprise.read'
  | 'enterprise.write'
  | 'institution.read'
  | 'institution.write'
  | 'category.write'
  | 'calendar.write'
  | 'audit.read'
  | 'audit.verify'
  | 'instrument.read'
  | 'instrument.write'
  | 'lab.catalogue.write'
  | 'lab.sample.read'
  | 'lab.sample.receive'
  | 'lab.sample.assign'
  | 'lab.result.enter'
  | 'lab.sample.review'
  | 'lab.sample.return'
  | 'lab.sample.approve'
  | 'lab.signatory.write'
  | 'lab.staff'
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
  | 'notification.read'
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
  | 'overview';

export type Who = Pick<SessionView, 'user' | 'org'>;

const hasRole = (who: Who, ...roles: Role[]) => who.user.roles.some((r) => roles.includes(r));
const regulator = (who: Who) => who.org.kind === 'regulator';
const nationalOrPlatform = (who: Who) => who.org.kind === 'platform' || (who.org.kind === 'regulator' && who.org.level === 'national');

const rules: Record<Permission, (who: Who) => boolean> = {
  'org.read': () => true,
  'org.write': (w) => hasRole(w, 'platform_admin', 'regulator_admin'),
  'user.read': (w) => hasRole(w, 'platform_admin', 'regulator_admin', 'institution_admin'),
  'user.write': (w) => hasRole(w, 'platform_admin', 'regulator_admin', 'institution_admin'),
  'enterprise.read': (w) => regulator(w) || hasRole(w, 'platform_admin', 'enterprise_user'),
  'enterprise.write': (w) => hasRole(w, 'platform_admin', 'regulator_admin', 'officer') && (regulator(w) || w.org.kind === 'platform'),
  'institution.read': (w) => regulator(w) || hasRole(w, 'platform_admin') || w.org.kind === 'institution',
  'institution.write': (w) => hasRole(w, 'platform_admin', 'regulator_admin'),
  'category.write': (w) => hasRole(w, 'platform_admin', 'regulator_admin') && nationalOrPlatform(w),
  'calendar.write': (w) => hasRole(w, 'platform_admin', 'regulator_admin') && nationalOrPlatform(w),
  'audit.read': (w) => hasRole(w, 'platform_admin', 'regulator_admin', 'institution_admin'),
  'audit.verify': (w) => hasRole(w, 'platform_admin', 'regulator_admin') && nationalOrPlatform(w),
  'instrument.read': () => true,
  'instrument.write': (w) => hasRole(w, 'platform_admin', 'institution_admin', 'enterprise_user'),
  'lab.catalogue.write': (w) => hasRole(w, 'institution_admin'),
  // Which samples is the server's business (sampleScope); platform admins see no test data at all.
  'lab.sample.read': (w) => w.org.kind === 'institution' || w.org.kind === 'enterprise' || regulator(w),
  'lab.sample.receive': (w) => hasRole(w, 'receptionist', 'institution_admin'),
  'lab.sample.assign': (w) => hasRole(w, 'receptionist', 'institution_admin'),
  'lab.result.enter': (w) => hasRole(w, 'tester'),
  'lab.sample.review': (w) => hasRole(w, 'reviewer'),
  // The server lets a signatory send a sample back too, from review or approval.
  'lab.sample.return': (w) => hasRole(w, 'reviewer', 'signatory'),
  'lab.sample.approve': (w) => hasRole(w, 'signatory'),
  'lab.signatory.write': (w) => hasRole(w, 'institution_admin'),
  // UI only: the lab's own pages (work queue, catalogue) belong to the staff of an institution.
  'lab.staff': (w) => w.org.kind === 'institution',
  'campaign.read': (w) => regulator(w),
  'campaign.write': (w) => regulator(w) && hasRole(w, 'regulator_admin', 'leader'),
  'screening.write': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin'),
  'problem.write': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin', 'leader'),
  'sampling.read': (w) => regulator(w) || w.org.kind === 'institution',
  'sampling.plan': (w) => regulator(w) && hasRole(w, 'regulator_admin', 'leader', 'officer'),
  'sampling.record': (w) => (regulator(w) && hasRole(w, 'officer')) || hasRole(w, 'receptionist', 'institution_admin'),
  'sampling.receive': (w) => w.org.kind === 'institution' && hasRole(w, 'receptionist', 'institution_admin'),
  'sampling.dispose': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin'),
  'inspection.read': (w) => regulator(w),
  'inspection.roster': (w) => regulator(w) && hasRole(w, 'regulator_admin'),
  'inspection.draw': (w) => regulator(w) && hasRole(w, 'regulator_admin', 'leader', 'officer'),
  'inspection.record': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin'),
  'case.read': (w) => regulator(w),
  'case.write': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin'),
  'case.extend': (w) => regulator(w) && hasRole(w, 'leader', 'regulator_admin'),
  'credit.read': (w) => regulator(w) || w.org.kind === 'enterprise',
  'credit.list': (w) => regulator(w) && hasRole(w, 'regulator_admin', 'leader'),
  'credit.apply': (w) => hasRole(w, 'enterprise_user'),
  'credit.review': (w) => regulator(w) && hasRole(w, 'regulator_admin', 'leader'),
  'oversight.read': (w) => regulator(w),
  'oversight.write': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin'),
  'report.read': (w) => regulator(w),
  'report.fill': (w) => regulator(w) && hasRole(w, 'statistician', 'regulator_admin'),
  'report.review': (w) => regulator(w) && hasRole(w, 'statistician', 'leader', 'regulator_admin'),
  'report.template': (w) => regulator(w) && hasRole(w, 'regulator_admin'),
  'notification.read': () => true,
  'complaint.read': (w) => regulator(w),
  'complaint.intake': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin'),
  'complaint.handle': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin', 'leader'),
  'recall.read': (w) => regulator(w) || w.org.kind === 'enterprise',
  'recall.report': (w) => (regulator(w) && hasRole(w, 'officer', 'regulator_admin')) || hasRole(w, 'enterprise_user'),
  'recall.assess': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin', 'leader'),
  'recall.plan': (w) => (regulator(w) && hasRole(w, 'officer', 'regulator_admin')) || hasRole(w, 'enterprise_user'),
  'risk.read': (w) => regulator(w),
  'risk.import': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin'),
  'risk.model': (w) => regulator(w) && hasRole(w, 'regulator_admin') && nationalOrPlatform(w),
  'risk.handle': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin', 'leader'),
  // Typical cases and the epidemic-goods Q&A published on the portal.
  'publicity.write': (w) => regulator(w) && hasRole(w, 'officer', 'regulator_admin', 'leader'),
  // UI only: the overview of counts and charts; institution staff start from their work queue instead.
  overview: (w) => w.org.kind !== 'institution',
};

export function can(who: Who, permission: Permission): boolean {
  return rules[permission](who);
}
