/**
 * Working-day arithmetic on ISO dates ('YYYY-MM-DD'). Monday to Friday are
 * working days unless the calendar says otherwise: official holidays are off,
 * make-up workdays (调休) on a weekend are on.
 */
export type DayOverrides = ReadonlyMap<string, 'holiday' | 'workday'>;

const DAY_MS = 86_400_000;
/** Asia/Shanghai has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact. */
const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export function isWorkingDay(date: string, overrides: DayOverrides): boolean {
  const override = overrides.get(date);
  if (override) return override === 'workday';
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The date N working days after `date` (N > 0), or before it (N < 0); the start
 * day itself is not counted. With N = 0 the start day is returned if it is a
 * working day, else the next working day.
 */
export function addWorkingDays(date: string, n: number, overrides: DayOverrides): string {
  if (n === 0) {
    let d = date;
    while (!isWorkingDay(d, overrides)) d = addDays(d, 1);
    return d;
  }
  const step = n > 0 ? 1 : -1;
  let remaining = Math.abs(n);
  let d = date;
  while (remaining > 0) {
    d = addDays(d, step);
    if (isWorkingDay(d, overrides)) remaining--;
  }
  return d;
}

/** Working days strictly after `from` up to and including `to`. */
export function workingDaysBetween(from: string, to: string, overrides: DayOverrides): number {
  if (to < from) return -workingDaysBetween(to, from, overrides);
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, overrides)) count++;
  return count;
}

/** The calendar date in Asia/Shanghai at an instant. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of a wall-clock time on a date in Asia/Shanghai, e.g. ('2020-05-14', '17:00'). */
export function shanghaiTime(date: string, time = '00:00'): Date {
  return new Date(`${date}T${time}:00+08:00`);
}

/** The last moment of a date in Asia/Shanghai: a deadline "within N working days" ends then. */
export function endOfShanghaiDay(date: string): Date {
  return new Date(shanghaiTime(addDays(date, 1)).getTime() - 1);
}

/**
 * The last day of a period of N calendar days after `date` (a legal period in 日, not 工作日):
 * when it falls on a holiday or rest day, the period ends on the next working day
 * (《行政处罚法》、《民法典》第二百零三条 on periods).
 */
export function periodEnd(date: string, days: number, overrides: DayOverrides): string {
  return addWorkingDays(addDays(date, days), 0, overrides);
}

/** Calendar days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
