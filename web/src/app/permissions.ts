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
  | 'audit.verify';

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
};

export function can(who: Who, permission: Permission): boolean {
  return rules[permission](who);
}
