import { regionPrefix } from '@shijian/contracts';
import type { SessionView } from '../../api/types';
import type { Who } from '../../app/permissions';

/**
 * Who may do what in the service window, mirroring the server's policy (service.* in
 * server/src/platform/policy.ts). The server decides; this only keeps locked doors out of sight.
 */
const hasRole = (who: Who, ...roles: Who['user']['roles']) => who.user.roles.some((r) => roles.includes(r));
const regulator = (who: Who) => who.org.kind === 'regulator';

export const serviceAccess = {
  /** 申请服务: enterprises, and bureaus commissioning work. */
  request: (w: Who) => hasRole(w, 'enterprise_user') || (regulator(w) && hasRole(w, 'officer', 'regulator_admin')),
  /** 本机构服务项目: an institution's admin keeps its catalogue. */
  catalogueWrite: (w: Who) => w.org.kind === 'institution' && hasRole(w, 'institution_admin'),
  /** 受理、转介、上报、不予受理、办结: the front desk and the admin of the institution holding the request. */
  handle: (w: Who) => w.org.kind === 'institution' && hasRole(w, 'receptionist', 'institution_admin'),
  /** 预约时段: the institution's staff see them; the front desk and the admin open, cancel and take phone bookings (service.request.handle). */
  slots: (w: Who) => w.org.kind === 'institution',
  /** 上门服务: institutions record their own; the bureaus over the places served read them. */
  onsiteRead: (w: Who) => w.org.kind === 'institution' || regulator(w) || w.org.kind === 'platform',
  onsiteWrite: (w: Who) => w.org.kind === 'institution' && hasRole(w, 'receptionist', 'institution_admin', 'tester'),
  /** 收样 for a testing line (lab.sample.receive). */
  receiveSample: (w: Who) => w.org.kind === 'institution' && hasRole(w, 'receptionist', 'institution_admin'),
  /** 检定 for a verification line (metrology.verify). */
  verify: (w: Who) => w.org.kind === 'institution' && hasRole(w, 'tester', 'institution_admin'),
  /** Listing the institution's people (user.read): the checker and approver are picked from them. */
  listStaff: (w: Who) => hasRole(w, 'institution_admin'),
  /** 收费减免规则: the national and provincial bureaus' admins (and the platform). */
  feeWrite: (w: Who) =>
    hasRole(w, 'platform_admin') || (regulator(w) && hasRole(w, 'regulator_admin') && (w.org.level === 'national' || w.org.level === 'province')),
};

/** Whether a fee-rule writer may switch this rule (a national rule only from the nation, a regional one within the scope). */
export function mayToggleRule(session: SessionView, ruleRegion: string | null): boolean {
  if (!serviceAccess.feeWrite(session)) return false;
  if (session.scope.kind === 'all') return true;
  if (!ruleRegion || session.scope.kind !== 'region' || !session.scope.regionCode) return false;
  return ruleRegion.startsWith(regionPrefix(session.scope.regionCode));
}
