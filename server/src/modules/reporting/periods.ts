import type { ReportFrequency, ReportSchedule } from '@shijian/contracts';
import { addDays, shanghaiDate, shanghaiTime } from '../../platform/calendar/working-days.js';

/**
 * Reporting periods, computed from a template's schedule (weekly and monthly) so
 * nothing has to be created before anyone reports. One-off periods are stored.
 */
export type Period = { key: string; label: string; fromDate: string; toDate: string; dueAt: Date; remindAt: Date };

/** ISO weekday of a date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** ISO 8601 week number and its year. */
export function isoWeek(date: string): { year: number; week: number } {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const year = Number(thursday.slice(0, 4));
  const firstThursday = addDays(`${year}-01-04`, 4 - isoWeekday(`${year}-01-04`));
  const week = 1 + Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${firstThursday}T00:00:00Z`)) / (7 * 86_400_000));
  return { year, week };
}

const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** Days from the cut-off day to the due day: later the same week, else that weekday of the next week. */
export function dueOffset(s: Pick<ReportSchedule, 'cutoffWeekday' | 'dueWeekday'>): number {
  return s.dueWeekday > s.cutoffWeekday ? s.dueWeekday - s.cutoffWeekday : 7 - s.cutoffWeekday + s.dueWeekday;
}

/** The week whose data ends on `toDate` (which must fall on the cut-off weekday). */
export function weeklyPeriod(toDate: string, s: ReportSchedule): Period {
  const fromDate = addDays(toDate, -6);
  const dueDate = addDays(toDate, dueOffset(s));
  const { year, week } = isoWeek(toDate);
  return {
    key: toDate,
    label: `${year}年第${week}周（${monthDay(fromDate)}—${monthDay(toDate)}）`,
    fromDate,
    toDate,
    dueAt: shanghaiTime(dueDate, s.dueTime),
    remindAt: shanghaiTime(dueDate, s.remindTime),
  };
}

const lastDayOfMonth = (month: string) => addDays(`${nextMonth(month)}-01`, -1);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The calendar month `YYYY-MM`, due on day `dueDay` of the month after. */
export function monthlyPeriod(month: string, s: ReportSchedule): Period {
  const dueDate = `${nextMonth(month)}-${String(s.dueDay).padStart(2, '0')}`;
  return {
    key: month,
    label: `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`,
    fromDate: `${month}-01`,
    toDate: lastDayOfMonth(month),
    dueAt: shanghaiTime(dueDate, s.dueTime),
    remindAt: shanghaiTime(dueDate, s.remindTime),
  };
}

/** The period being reported now: the one with the earliest deadline not yet passed. */
export function currentPeriod(frequency: Exclude<ReportFrequency, 'once'>, s: ReportSchedule, now: Date): Period {
  const today = shanghaiDate(now);
  if (frequency === 'monthly') {
    const month = today.slice(0, 7);
    for (const m of [previousMonth(month), month]) {
      const p = monthlyPeriod(m, s);
      if (p.dueAt >= now) return p;
    }
    return monthlyPeriod(nextMonth(month), s);
  }
  const back = (isoWeekday(today) - s.cutoffWeekday + 7) % 7;
  const latestCutoff = addDays(today, -back);
  for (const cutoff of [addDays(latestCutoff, -7), latestCutoff]) {
    const p = weeklyPeriod(cutoff, s);
    if (p.dueAt >= now) return p;
  }
  return weeklyPeriod(addDays(latestCutoff, 7), s);
}

/** `count` periods ending with `last`, newest first. */
export function periodsBefore(frequency: Exclude<ReportFrequency, 'once'>, s: ReportSchedule, last: Period, count: number): Period[] {
  const out: Period[] = [last];
  while (out.length < count) {
    const prev = out[out.length - 1]!;
    out.push(frequency === 'weekly' ? weeklyPeriod(addDays(prev.toDate, -7), s) : monthlyPeriod(previousMonth(prev.key), s));
  }
  return out;
}

/** The period a key names, or null when the key does not fit the schedule (a Tuesday for a Wednesday cut-off). */
export function periodByKey(frequency: Exclude<ReportFrequency, 'once'>, s: ReportSchedule, key: string): Period | null {
  if (frequency === 'weekly') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(key) || Number.isNaN(Date.parse(`${key}T00:00:00Z`))) return null;
    if (new Date(`${key}T00:00:00Z`).toISOString().slice(0, 10) !== key) return null;
    return isoWeekday(key) === s.cutoffWeekday ? weeklyPeriod(key, s) : null;
  }
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(key)) return null;
  return monthlyPeriod(key, s);
}
