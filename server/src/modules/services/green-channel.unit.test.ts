import { describe, expect, it } from 'vitest';
import { hoursLeft, isOverdue, respondBy } from './green-channel.js';

const at = (iso: string) => new Date(iso);

describe('the green channel’s 24-hour clock', () => {
  it('runs 24 hours around the clock, through nights, weekends and the National Day holiday', () => {
    // Friday 17:30 Beijing time → Saturday 17:30; 30 September → 1 October (holiday).
    expect(respondBy(at('2026-11-27T09:30:00Z')).toISOString()).toBe('2026-11-28T09:30:00.000Z');
    expect(respondBy(at('2026-09-30T15:00:00Z')).toISOString()).toBe('2026-10-01T15:00:00.000Z');
  });

  it('is overdue only after the last instant, only while unanswered, only in the green channel', () => {
    const r = { green: true, status: 'submitted' as const, respondBy: at('2026-10-01T15:00:00Z') };
    expect(isOverdue(r, at('2026-10-01T15:00:00Z'))).toBe(false);
    expect(isOverdue(r, at('2026-10-01T15:00:00.001Z'))).toBe(true);
    expect(isOverdue({ ...r, status: 'accepted' }, at('2026-10-05T00:00:00Z'))).toBe(false);
    expect(isOverdue({ ...r, status: 'referred' }, at('2026-10-05T00:00:00Z'))).toBe(false);
    expect(isOverdue({ ...r, green: false, respondBy: null }, at('2026-10-05T00:00:00Z'))).toBe(false);
  });

  it('counts the hours left, negative once overdue', () => {
    const due = at('2026-10-01T15:00:00Z');
    expect(hoursLeft(due, at('2026-10-01T03:00:00Z'))).toBe(12);
    expect(hoursLeft(due, at('2026-10-01T14:30:00Z'))).toBe(0);
    expect(hoursLeft(due, at('2026-10-01T18:00:00Z'))).toBe(-3);
  });
});
