import { describe, expect, it } from 'vitest';
import { daysBetween, dueTone } from './deadline';

describe('days-left colours', () => {
  it('is red once the limit has passed, orange within five days, green before that', () => {
    expect(dueTone(-1)).toBe('overdue');
    expect(dueTone(0)).toBe('soon');
    expect(dueTone(5)).toBe('soon');
    expect(dueTone(6)).toBe('ok');
  });

  it('has no colour when no clock runs', () => {
    expect(dueTone(null)).toBeNull();
    expect(dueTone(undefined)).toBeNull();
  });

  it('counts calendar days between ISO dates, across month and year ends', () => {
    expect(daysBetween('2026-01-30', '2026-02-02')).toBe(3);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-10', '2026-03-01')).toBe(-9);
  });
});
