import { describe, expect, it } from 'vitest';
import { dueState, overridesOf, shanghaiDate, workingDaysBetween, yearsSpanned } from './workdays';

// 2026: 国庆 1–7 October off (Thursday to Wednesday), Saturday 10 October a make-up workday.
const holidays = overridesOf([
  ...['01', '02', '03', '04', '05', '06', '07'].map((d) => ({ date: `2026-10-${d}`, kind: 'holiday' as const })),
  { date: '2026-10-10', kind: 'workday' },
]);
const none = overridesOf([]);

describe('working days on a complaint’s clock', () => {
  it('counts the working days after today up to the limit, skipping weekends', () => {
    // Monday 2 March 2026 → Wednesday 11 March: 3–6 and 9–11 March.
    expect(workingDaysBetween('2026-03-02', '2026-03-11', none)).toBe(7);
    expect(workingDaysBetween('2026-03-06', '2026-03-09', none)).toBe(1);
  });

  it('skips official holidays and counts make-up workdays', () => {
    // Wednesday 30 September → Monday 12 October: Thursday 8, Friday 9, Saturday 10 (made up) and Monday 12.
    expect(workingDaysBetween('2026-09-30', '2026-10-12', holidays)).toBe(4);
    expect(workingDaysBetween('2026-09-30', '2026-10-07', holidays)).toBe(0);
  });

  it('is negative when the limit lies behind', () => {
    expect(workingDaysBetween('2026-03-11', '2026-03-02', none)).toBe(-7);
  });

  it('says how far a clock has to go, or that it has run out', () => {
    const c = { dueOn: '2026-03-11', overdue: false };
    expect(dueState(c, '2026-03-02', none)).toEqual({ kind: 'running', workingDays: 7, soon: false });
    expect(dueState(c, '2026-03-09', none)).toEqual({ kind: 'running', workingDays: 2, soon: true });
    expect(dueState(c, '2026-03-11', none)).toEqual({ kind: 'today' });
    expect(dueState(c, '2026-03-13', none)).toEqual({ kind: 'overdue', workingDays: 2 });
    expect(dueState(c, '2026-03-02', undefined)).toEqual({ kind: 'running', workingDays: null, soon: false });
  });

  it('trusts the server when it says overdue, and has nothing to say without a clock', () => {
    expect(dueState({ dueOn: '2026-03-11', overdue: true }, '2026-03-11', none)).toEqual({ kind: 'overdue', workingDays: 0 });
    expect(dueState({ dueOn: null, overdue: false }, '2026-03-11', none)).toEqual({ kind: 'none' });
  });

  it('takes today in Beijing, whatever the browser’s zone', () => {
    expect(shanghaiDate(Date.parse('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(shanghaiDate(Date.parse('2026-03-01T15:30:00Z'))).toBe('2026-03-01');
  });

  it('lists the years a count crosses', () => {
    expect(yearsSpanned(['2026-12-20', null, '2027-01-15'])).toEqual([2026, 2027]);
    expect(yearsSpanned([])).toEqual([]);
  });
});
