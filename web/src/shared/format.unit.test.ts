import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './format';

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
