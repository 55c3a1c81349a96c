import { describe, expect, it } from 'vitest';
import { validUntilAfter } from './service.js';

describe('validity after a verification period', () => {
  it.each([
    ['2026-03-15', 12, '2027-03-14'],
    ['2026-01-01', 12, '2026-12-31'],
    ['2026-11-30', 6, '2027-05-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-01', 1, '2026-03-31'],
    ['2026-12-31', 12, '2027-12-30'],
  ])('%s + %i months → valid until %s', (performedOn, months, expected) => {
    expect(validUntilAfter(performedOn, months)).toBe(expected);
  });
});
