import { describe, expect, it } from 'vitest';
import { validityOf } from './validity';

const TODAY = '2026-11-23';
const inUse = (validUntil: string | null, validToday: boolean, lastVerificationPassed: boolean | null = true) => ({
  status: 'in_use' as const,
  validUntil,
  validToday,
  lastVerificationPassed,
});

describe('an instrument’s verification badge', () => {
  it('is valid when covered today and more than 30 days remain, expiring within 30 days', () => {
    expect(validityOf(inUse('2027-05-26', true), TODAY)).toBe('valid');
    expect(validityOf(inUse('2026-12-20', true), TODAY)).toBe('expiring');
    expect(validityOf(inUse('2026-11-23', true), TODAY)).toBe('expiring');
  });

  it('is expired when the last passing verification ended before today', () => {
    expect(validityOf(inUse('2026-10-18', false), TODAY)).toBe('expired');
  });

  it('tells a failed latest verification from none at all', () => {
    expect(validityOf(inUse(null, false, false), TODAY)).toBe('failed');
    expect(validityOf(inUse(null, false, null), TODAY)).toBe('none');
  });

  it('shows a suspended or retired instrument as out of use whatever its certificate says', () => {
    expect(validityOf({ status: 'suspended', validUntil: '2027-05-26', validToday: false, lastVerificationPassed: true }, TODAY)).toBe('inactive');
    expect(validityOf({ status: 'retired', validUntil: null, validToday: false, lastVerificationPassed: null }, TODAY)).toBe('inactive');
  });
});
