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
  'category.write': (a) => role(a, 'platform_admin', 'regulator_admin') && nationalOrPlatform(a),
  'calendar.write': (a) => role(a, 'platform_admin', 'regulator_admin') && nationalOrPlatform(a),
  'audit.read': (a) => role(a, 'platform_admin', 'regulator_admin', 'institution_admin'),
  'audit.verify': (a) => role(a, 'platform_admin', 'regulator_admin') && nationalOrPlatform(a),
};

export function authorize(actor: Actor, action: Action): void {
  if (!can[action](actor)) throw forbidden();
}
