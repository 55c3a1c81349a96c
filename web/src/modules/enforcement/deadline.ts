import { DEADLINE_WINDOW_DAYS } from '@shijian/contracts';

/**
 * How urgent a statutory limit is: past it, within the dashboard's window
 * (five days), or comfortably ahead. The server counts the days; this only colours them.
 */
export type DueTone = 'overdue' | 'soon' | 'ok';

export function dueTone(daysLeft: number | null | undefined, soonDays = DEADLINE_WINDOW_DAYS): DueTone | null {
  if (daysLeft === null || daysLeft === undefined) return null;
  if (daysLeft < 0) return 'overdue';
  if (daysLeft <= soonDays) return 'soon';
  return 'ok';
}

export const DUE_TONE_COLOURS: Record<DueTone, string> = { overdue: 'red', soon: 'orange', ok: 'default' };

/** Whole days from one ISO date to another (positive when `to` is later), in UTC so DST never shifts a day. */
export function daysBetween(from: string, to: string): number {
  const ms = Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
