import type { ComplaintView } from '@shijian/contracts';

/**
 * Where a complaint's clock stands. The API gives the limit (`dueOn`), whether it has passed
 * (`overdue`) and the working days from its today to the limit (`workingDaysLeft`, negative once
 * past), counted by the server's working-day calendar.
 */

export { shanghaiDate } from '../../shared/format';

/** Within this many working days of its limit a clock shows orange. */
export const SOON_WORKING_DAYS = 2;

export type DueState =
  | { kind: 'none' }
  /** Past the limit; `workingDays` past it (0 when only rest days have passed), null when not known. */
  | { kind: 'overdue'; workingDays: number | null }
  | { kind: 'today' }
  /** `workingDays` left after today, null when not known. */
  | { kind: 'running'; workingDays: number | null; soon: boolean };

/**
 * Where a clock stands on `today` (in Beijing). The server's `overdue` and `workingDaysLeft` are
 * trusted; a limit that has passed since they were read counts as overdue too, without a count.
 */
export function dueState(c: Pick<ComplaintView, 'dueOn' | 'overdue' | 'workingDaysLeft'>, today: string): DueState {
  if (!c.dueOn) return { kind: 'none' };
  const left = c.workingDaysLeft;
  if (c.overdue) return { kind: 'overdue', workingDays: left === null ? null : Math.max(0, -left) };
  if (c.dueOn < today) return { kind: 'overdue', workingDays: null };
  if (c.dueOn === today) return { kind: 'today' };
  if (left === null) return { kind: 'running', workingDays: null, soon: false };
  return { kind: 'running', workingDays: left, soon: left <= SOON_WORKING_DAYS };
}
