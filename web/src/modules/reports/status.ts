import type { SubmissionStatus } from '@shijian/contracts';

/**
 * Where a unit stands in a period, and who the caller is to a template: pure rules the
 * pages share, so they are tested apart from the components.
 */
export type Timeliness = 'onTime' | 'late' | 'excused' | 'overdue' | null;

/**
 * Whether a unit reported in time: on time, late, excused (准予逾期 counts as on time),
 * overdue (not in after the deadline), or nothing to say yet.
 */
export function timelinessOf(u: { status: SubmissionStatus | 'missing'; onTime: boolean | null; excused: boolean }, closed: boolean): Timeliness {
  if (u.excused) return 'excused';
  if (u.status === 'submitted' || u.status === 'accepted') return u.onTime ? 'onTime' : 'late';
  return closed ? 'overdue' : null;
}

/** A reporting unit of the template fills in its own table; a bureau above the units reviews and rolls up (the server says which). */
export function isReportingUnit(template: { callerRole: 'unit' | 'above' }): boolean {
  return template.callerRole === 'unit';
}

/** The person's name without the title before it, to prefill 填报人: '四川省局统计员 周洁' → '周洁'. */
export function personName(displayName: string): string {
  const parts = displayName.trim().split(/\s+/);
  return parts[parts.length - 1] ?? '';
}
