import { describe, expect, it } from 'vitest';
import { ReportSchedule } from '@shijian/contracts';
import { currentPeriod, isoWeek, monthlyPeriod, periodByKey, periodsBefore, weeklyPeriod } from './periods.js';

// The default: data through Wednesday, due Thursday 17:00 Asia/Shanghai, reminders at 12:00.
const weekly = ReportSchedule.parse({});

describe('weekly periods (Thursday 17:00 Asia/Shanghai)', () => {
  it('runs Thursday to Wednesday and is due the next day at 17:00 Beijing time', () => {
    const p = weeklyPeriod('2026-11-25', weekly);
    expect(p).toMatchObject({ key: '2026-11-25', fromDate: '2026-11-19', toDate: '2026-11-25', label: '2026年第48周（11月19日—11月25日）' });
    expect(p.dueAt.toISOString()).toBe('2026-11-26T09:00:00.000Z');
    expect(p.remindAt.toISOString()).toBe('2026-11-26T04:00:00.000Z');
  });

  it('is the current period until its deadline passes, then the next week is', () => {
    expect(currentPeriod('weekly', weekly, new Date('2026-11-24T10:00:00+08:00')).key).toBe('2026-11-25');
    expect(currentPeriod('weekly', weekly, new Date('2026-11-26T16:59:00+08:00')).key).toBe('2026-11-25');
    expect(currentPeriod('weekly', weekly, new Date('2026-11-26T17:01:00+08:00')).key).toBe('2026-12-02');
    // Late on Wednesday UTC is already Thursday in Beijing.
    expect(currentPeriod('weekly', weekly, new Date('2026-11-26T08:30:00Z')).key).toBe('2026-11-25');
  });

  it('takes a cut-off on the due weekday as a week later', () => {
    const s = ReportSchedule.parse({ cutoffWeekday: 4, dueWeekday: 4 });
    expect(weeklyPeriod('2026-11-26', s).dueAt.toISOString()).toBe('2026-12-03T09:00:00.000Z');
  });

  it('names ISO weeks across the turn of the year', () => {
    expect(isoWeek('2026-12-31')).toEqual({ year: 2026, week: 53 });
    expect(isoWeek('2027-01-04')).toEqual({ year: 2027, week: 1 });
    expect(isoWeek('2021-01-03')).toEqual({ year: 2020, week: 53 });
  });

  it('lists earlier weeks and accepts only keys on the cut-off weekday', () => {
    const last = weeklyPeriod('2026-11-25', weekly);
    expect(periodsBefore('weekly', weekly, last, 3).map((p) => p.key)).toEqual(['2026-11-25', '2026-11-18', '2026-11-11']);
    expect(periodByKey('weekly', weekly, '2026-11-25')?.key).toBe('2026-11-25');
    expect(periodByKey('weekly', weekly, '2026-11-24')).toBeNull();
    expect(periodByKey('weekly', weekly, '2026-02-30')).toBeNull();
  });
});

describe('monthly periods', () => {
  const monthly = ReportSchedule.parse({ dueDay: 5 });

  it('covers the calendar month and is due on the fifth of the next', () => {
    const p = monthlyPeriod('2026-12', monthly);
    expect(p).toMatchObject({ fromDate: '2026-12-01', toDate: '2026-12-31', label: '2026年12月' });
    expect(p.dueAt.toISOString()).toBe('2027-01-05T09:00:00.000Z');
    expect(monthlyPeriod('2028-02', monthly).toDate).toBe('2028-02-29');
  });

  it('is last month until the fifth, then this month', () => {
    expect(currentPeriod('monthly', monthly, new Date('2026-12-03T09:00:00+08:00')).key).toBe('2026-11');
    expect(currentPeriod('monthly', monthly, new Date('2026-12-06T09:00:00+08:00')).key).toBe('2026-12');
    expect(periodByKey('monthly', monthly, '2026-13')).toBeNull();
  });
});
