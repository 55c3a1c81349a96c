import { describe, expect, it } from 'vitest';
import { officialDays } from '../../platform/calendar/official.js';
import type { DayOverrides } from '../../platform/calendar/working-days.js';
import { decisionDue, mediationDue, runningClock } from './clocks.js';

// 2020: National Day and Mid-Autumn together, 1–8 October off; Sunday 27 September and Saturday 10 October worked.
const overrides: DayOverrides = new Map(officialDays().map((d) => [d.date, d.kind]));

describe('complaint and report clocks across the 2020 National Day holiday', () => {
  it('gives a complaint 7 working days to be accepted or not, with the make-up days and without the days off', () => {
    // 27 Sep (make-up Sunday) is day 1, 28–30 Sep days 2–4, 9 Oct day 5, 10 Oct (make-up Saturday) day 6, 12 Oct day 7.
    expect(decisionDue('complaint', '2020-09-25', overrides)).toBe('2020-10-12');
    // Without the calendar it would be due on 6 October, in the middle of the holiday.
    expect(decisionDue('complaint', '2020-09-25', new Map())).toBe('2020-10-06');
  });

  it('gives a report 15 working days to be checked', () => {
    expect(decisionDue('report', '2020-09-25', overrides)).toBe('2020-10-22');
  });

  it('ends mediation 45 working days after acceptance', () => {
    expect(mediationDue('2020-09-30', overrides)).toBe('2020-12-09');
  });

  it('runs the decision clock while received, the mediation clock while accepted, and none after', () => {
    const limits = { decisionDueOn: '2020-10-12', mediationDueOn: '2020-12-09' };
    expect(runningClock('received', limits)).toEqual({ clock: 'decision', dueOn: '2020-10-12' });
    expect(runningClock('accepted', limits)).toEqual({ clock: 'mediation', dueOn: '2020-12-09' });
    for (const s of ['not_accepted', 'mediated', 'mediation_failed', 'lead_opened', 'not_filed'] as const) expect(runningClock(s, limits)).toEqual({ clock: null, dueOn: null });
  });
});
