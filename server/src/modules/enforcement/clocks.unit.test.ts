import { describe, expect, it } from 'vitest';
import { officialDays } from '../../platform/calendar/official.js';
import type { DayOverrides } from '../../platform/calendar/working-days.js';
import { decisionDue, filingDue, runningClock } from './clocks.js';
import { batchStatus, deliveryDue, objectionDue, reportDue } from '../sampling/clocks.js';

// 2020: National Day and Mid-Autumn together, 1–8 October off; Sunday 27 September and Saturday 10 October worked.
const overrides: DayOverrides = new Map(officialDays().map((d) => [d.date, d.kind]));

describe('case clocks across the 2020 National Day holiday', () => {
  it('counts 15 working days to the filing decision, with the make-up Sundays and Saturdays and without the eight days off', () => {
    // 27 Sep (make-up Sunday) is day 1, 28–30 Sep days 2–4, 9 Oct day 5, 10 Oct (make-up Saturday) day 6, … 22 Oct day 15.
    expect(filingDue('2020-09-25', 0, overrides)).toBe('2020-10-22');
    // Without the calendar the same lead would be due a week earlier.
    expect(filingDue('2020-09-25', 0, new Map())).toBe('2020-10-16');
  });

  it('adds an approved extension of 15 working days', () => {
    expect(filingDue('2020-09-25', 15, overrides)).toBe('2020-11-12');
  });

  it('ends the 90-day decision period on the next working day when it falls in the holiday', () => {
    // 5 July + 90 days = 3 October, a holiday: the period ends on Friday 9 October.
    expect(decisionDue('2020-07-05', 0, overrides)).toBe('2020-10-09');
    expect(decisionDue('2020-07-05', 30, overrides)).toBe('2020-11-02');
    // A period ending on an ordinary working day is not moved.
    expect(decisionDue('2020-06-01', 0, overrides)).toBe('2020-08-31');
  });

  it('runs the filing clock for a lead, the decision clock once filed, and none after the decision', () => {
    const limits = { filingDueOn: '2020-10-22', decisionDueOn: '2021-01-20' };
    expect(runningClock('lead', limits)).toEqual({ clock: 'filing', dueOn: '2020-10-22' });
    expect(runningClock('investigating', limits)).toEqual({ clock: 'decision', dueOn: '2021-01-20' });
    expect(runningClock('decided', limits)).toEqual({ clock: null, dueOn: null });
    expect(runningClock('transferred', limits)).toEqual({ clock: null, dueOn: null });
  });
});

describe('sampling clocks across the 2020 National Day holiday', () => {
  it('gives the lab 5 working days to receive the sample', () => {
    // 30 Sep day 1, 9 Oct day 2, 10 Oct (make-up Saturday) day 3, 12 Oct day 4, 13 Oct day 5.
    expect(deliveryDue('2020-09-29', overrides)).toBe('2020-10-13');
  });

  it('gives 20 working days from receipt to the report', () => {
    // 28–30 Sep are days 1–3; 9, 10, 12–16, 19–23, 26–30 Oct are days 4–20.
    expect(reportDue('2020-09-27', overrides)).toBe('2020-10-30');
  });

  it('keeps the 15-day objection window open past the holiday', () => {
    // 20 Sep + 15 days = 5 Oct, in the holiday: the window closes on 9 October.
    expect(objectionDue('2020-09-20', overrides)).toBe('2020-10-09');
    expect(objectionDue('2020-11-02', overrides)).toBe('2020-11-17');
  });

  it('makes a nonconforming result final the day after the window closes, unless an objection was filed', () => {
    const reported = { status: 'reported' as const, objectionDueOn: objectionDue('2020-09-20', overrides) };
    expect(batchStatus(reported, '2020-10-09')).toBe('reported');
    expect(batchStatus(reported, '2020-10-10')).toBe('closed');
    expect(batchStatus({ ...reported, status: 'objection' }, '2020-10-10')).toBe('objection');
  });
});
