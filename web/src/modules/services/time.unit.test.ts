import { describe, expect, it } from 'vitest';
import { beijingDate, beijingIso, beijingWall, timeRange, validUntilAfter } from './time';

describe('service-window times in Beijing time', () => {
  it('sends a wall time picked as Beijing time with its +08:00 offset', () => {
    expect(beijingIso('2026-12-01', '09:00')).toBe('2026-12-01T09:00:00+08:00');
    expect(Date.parse(beijingIso('2026-12-01', '09:00'))).toBe(Date.parse('2026-12-01T01:00:00Z'));
  });

  it('shows an instant as its Beijing wall time and date, whatever the browser’s zone', () => {
    expect(beijingWall(Date.parse('2026-11-30T16:30:00Z'))).toBe('2026-12-01 00:30');
    expect(beijingDate(Date.parse('2026-11-30T15:59:00Z'))).toBe('2026-11-30');
  });

  it('writes a slot within one day with the date once, and one across midnight in full', () => {
    expect(timeRange('2026-12-01T01:00:00.000Z', '2026-12-01T04:00:00.000Z')).toBe('2026-12-01 09:00–12:00');
    expect(timeRange('2026-12-01T14:00:00.000Z', '2026-12-01T17:00:00.000Z')).toBe('2026-12-01 22:00 – 2026-12-02 01:00');
  });

  it('computes the end of validity as the server does: the day before, or the month’s last day', () => {
    expect(validUntilAfter('2026-03-15', 12)).toBe('2027-03-14');
    expect(validUntilAfter('2024-02-29', 12)).toBe('2025-02-28');
    expect(validUntilAfter('2026-01-31', 1)).toBe('2026-02-28');
  });
});
