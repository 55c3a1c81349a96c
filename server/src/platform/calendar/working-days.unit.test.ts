import { describe, expect, it } from 'vitest';
import { officialDays } from './official.js';
import {
  addWorkingDays,
  endOfShanghaiDay,
  isWorkingDay,
  shanghaiDate,
  shanghaiTime,
  workingDaysBetween,
  type DayOverrides,
} from './working-days.js';

const official: DayOverrides = new Map(officialDays().map((d) => [d.date, d.kind]));

describe('working days on the official calendar', () => {
  it('knows the 2020 National Day holiday and its make-up Saturday', () => {
    expect(isWorkingDay('2020-10-01', official)).toBe(false);
    expect(isWorkingDay('2020-10-08', official)).toBe(false);
    expect(isWorkingDay('2020-10-10', official)).toBe(true); // Saturday, make-up workday
    expect(isWorkingDay('2020-10-11', official)).toBe(false); // Sunday
  });

  it('knows 2026-10-01 is a holiday', () => {
    expect(isWorkingDay('2026-10-01', official)).toBe(false);
  });

  it('skips the Golden Week when adding working days', () => {
    expect(addWorkingDays('2020-09-30', 1, official)).toBe('2020-10-09');
    expect(addWorkingDays('2020-09-30', 2, official)).toBe('2020-10-10');
  });

  it('counts a 15-working-day decision deadline through a make-up Sunday and across May Day', () => {
    // From Monday 2022-04-11: Sunday 4-24 is a make-up workday, so the 15th working day is Friday 4-29.
    expect(addWorkingDays('2022-04-11', 15, official)).toBe('2022-04-29');
    // The 16th falls after the 劳动节 break (4-30 to 5-4).
    expect(addWorkingDays('2022-04-11', 16, official)).toBe('2022-05-05');
  });

  it('goes backwards with a negative count', () => {
    expect(addWorkingDays('2020-10-09', -1, official)).toBe('2020-09-30');
  });

  it('moves day zero to the next working day when it falls on a weekend', () => {
    expect(addWorkingDays('2020-10-03', 0, official)).toBe('2020-10-09');
    expect(addWorkingDays('2020-10-09', 0, official)).toBe('2020-10-09');
  });

  it('counts working days between two dates', () => {
    expect(workingDaysBetween('2020-09-30', '2020-10-10', official)).toBe(2);
    expect(workingDaysBetween('2020-10-10', '2020-09-30', official)).toBe(-2);
    // The same day: none (this once recursed without end).
    expect(workingDaysBetween('2020-10-09', '2020-10-09', official)).toBe(0);
  });

  it('treats a plain weekend as off without the calendar', () => {
    const none: DayOverrides = new Map();
    expect(isWorkingDay('2026-11-21', none)).toBe(false);
    expect(addWorkingDays('2026-11-20', 1, none)).toBe('2026-11-23');
  });
});

describe('Asia/Shanghai dates', () => {
  it('takes the calendar date at UTC+8', () => {
    expect(shanghaiDate(new Date('2020-05-13T16:30:00Z'))).toBe('2020-05-14');
    expect(shanghaiDate(new Date('2020-05-13T15:59:59Z'))).toBe('2020-05-13');
  });
  it('builds the Thursday 17:00 deadline instant', () => {
    expect(shanghaiTime('2020-05-14', '17:00').toISOString()).toBe('2020-05-14T09:00:00.000Z');
  });
  it('ends a day at 23:59:59.999 Shanghai time', () => {
    expect(endOfShanghaiDay('2020-05-14').toISOString()).toBe('2020-05-14T15:59:59.999Z');
  });
});
