import { afterEach, describe, expect, it, vi } from 'vitest';
import { beijingToday, formatDate, formatDateTime } from './format';

describe('dates and times in Beijing time', () => {
  it('shows a deadline of 17:00 in Asia/Shanghai as 17:00, whatever the browser’s zone', () => {
    expect(formatDateTime('2026-12-03T09:00:00.000Z')).toBe('2026-12-03 17:00');
    expect(formatDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30');
  });

  it('keeps calendar dates as they are and gives a moment its Beijing date', () => {
    expect(formatDate('2026-10-01')).toBe('2026-10-01');
    expect(formatDate('2026-09-30T17:00:00Z')).toBe('2026-10-01');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});

describe('today', () => {
  afterEach(() => vi.useRealTimers());

  it('is Beijing’s day, which starts at 16:00 UTC, whatever the browser’s zone', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-30T15:59:59Z'));
    expect(beijingToday()).toBe('2026-11-30');
    vi.setSystemTime(new Date('2026-11-30T16:00:00Z'));
    expect(beijingToday()).toBe('2026-12-01');
    vi.setSystemTime(new Date('2026-12-31T16:00:00Z'));
    expect(beijingToday()).toBe('2027-01-01');
  });
});
