import { describe, expect, it } from 'vitest';
import { dueState, shanghaiDate } from './due';

describe('where a complaint’s clock stands, from the working days the API counted', () => {
  const clock = { dueOn: '2026-03-11', overdue: false };

  it('shows the working days left, orange when few remain', () => {
    expect(dueState({ ...clock, workingDaysLeft: 7 }, '2026-03-02')).toEqual({ kind: 'running', workingDays: 7, soon: false });
    expect(dueState({ ...clock, workingDaysLeft: 2 }, '2026-03-09')).toEqual({ kind: 'running', workingDays: 2, soon: true });
    expect(dueState({ ...clock, workingDaysLeft: null }, '2026-03-02')).toEqual({ kind: 'running', workingDays: null, soon: false });
  });

  it('says when the limit is today', () => {
    expect(dueState({ ...clock, workingDaysLeft: 0 }, '2026-03-11')).toEqual({ kind: 'today' });
  });

  it('counts the working days past the limit from the server’s negative count', () => {
    expect(dueState({ ...clock, overdue: true, workingDaysLeft: -2 }, '2026-03-13')).toEqual({ kind: 'overdue', workingDays: 2 });
    // Only a weekend has passed since a Friday limit.
    expect(dueState({ dueOn: '2026-03-13', overdue: true, workingDaysLeft: 0 }, '2026-03-15')).toEqual({ kind: 'overdue', workingDays: 0 });
  });

  it('counts a limit passed since the page was read as overdue, without a count', () => {
    expect(dueState({ ...clock, workingDaysLeft: 1 }, '2026-03-12')).toEqual({ kind: 'overdue', workingDays: null });
  });

  it('has nothing to say without a clock', () => {
    expect(dueState({ dueOn: null, overdue: false, workingDaysLeft: null }, '2026-03-11')).toEqual({ kind: 'none' });
  });

  it('takes today in Beijing, whatever the browser’s zone', () => {
    expect(shanghaiDate(Date.parse('2026-03-01T16:30:00Z'))).toBe('2026-03-02');
    expect(shanghaiDate(Date.parse('2026-03-01T15:30:00Z'))).toBe('2026-03-01');
  });
});
