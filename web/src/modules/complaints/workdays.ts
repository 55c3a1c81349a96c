/**
 * Working days left on a complaint's clock. The API gives the limit (`dueOn`) and whether it has
 * passed (`overdue`); how many working days remain is counted here from the official calendar
 * (GET /api/calendar: holidays off, make-up workdays on), the same rule as the server's
 * platform/calendar/working-days.ts: Monday to Friday unless the calendar says otherwise.
 */
export type DayOverrides = ReadonlyMap<string, 'holiday' | 'workday'>;

const DAY_MS = 86_400_000;
/** Asia/Shanghai keeps UTC+8 all year, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The calendar date in Beijing at an instant (ms since the epoch). */
export const shanghaiDate = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

export function isWorkingDay(date: string, overrides: DayOverrides): boolean {
  const override = overrides.get(date);
  if (override) return override === 'workday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days strictly after `from` up to and including `to`; negative when `to` is earlier. */
export function workingDaysBetween(from: string, to: string, overrides: DayOverrides): number {
  if (to < from) return -workingDaysBetween(to, from, overrides);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, overrides)) count++;
  return count;
}

/** Every year from the earliest to the latest of the dates: the calendars a count across them needs. */
export function yearsSpanned(dates: readonly (string | null | undefined)[]): number[] {
  const years = dates.filter((d): d is string => Boolean(d)).map((d) => Number(d.slice(0, 4)));
  if (!years.length) return [];
  const from = Math.min(...years);
  const to = Math.max(...years);
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function overridesOf(days: readonly { date: string; kind: 'holiday' | 'workday' }[]): DayOverrides {
  return new Map(days.map((d) => [d.date, d.kind]));
}

/** Within this many working days of its limit a clock shows orange. */
export const SOON_WORKING_DAYS = 2;

export type DueState =
  | { kind: 'none' }
  /** Past the limit; `workingDays` past it when the calendar is known (0 when only a rest day has passed). */
  | { kind: 'overdue'; workingDays: number | null }
  | { kind: 'today' }
  /** `workingDays` left after today, null while the calendar loads. */
  | { kind: 'running'; workingDays: number | null; soon: boolean };

/**
 * Where a clock stands today. The server's `overdue` is trusted; a limit that has passed since the
 * page was loaded counts as overdue too.
 */
export function dueState(c: { dueOn: string | null; overdue: boolean }, today: string, overrides: DayOverrides | undefined): DueState {
  if (!c.dueOn) return { kind: 'none' };
  if (c.overdue || c.dueOn < today) return { kind: 'overdue', workingDays: overrides ? workingDaysBetween(c.dueOn, today, overrides) : null };
  if (c.dueOn === today) return { kind: 'today' };
  if (!overrides) return { kind: 'running', workingDays: null, soon: false };
  const left = workingDaysBetween(today, c.dueOn, overrides);
  return { kind: 'running', workingDays: left, soon: left <= SOON_WORKING_DAYS };
}
