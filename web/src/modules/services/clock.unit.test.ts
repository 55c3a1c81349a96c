import { describe, expect, it } from 'vitest';
import { clockState, grossOf, HOUR_MS } from './clock';

const submittedAt = '2026-11-30T08:00:00.000Z';
const respondBy = '2026-12-01T08:00:00.000Z';
const at = (iso: string) => Date.parse(iso);
const green = { green: true, status: 'submitted' as const, submittedAt, respondBy, respondedAt: null, overdue: false };

describe('the 24-hour clock of a green-channel request', () => {
  it('runs down from 24 hours while the request waits', () => {
    expect(clockState(green, at('2026-11-30T09:30:00.000Z'))).toEqual({ kind: 'running', ms: 22.5 * HOUR_MS });
  });

  it('counts the hours past the limit once it has passed, even before the server says so', () => {
    expect(clockState(green, at('2026-12-01T11:00:00.000Z'))).toEqual({ kind: 'overdue', ms: 3 * HOUR_MS });
    expect(clockState({ ...green, overdue: true }, at('2026-12-01T11:00:00.000Z')).kind).toBe('overdue');
  });

  it('stops at the first answer (a referral counts), however late', () => {
    const answered = { ...green, status: 'accepted' as const, respondedAt: '2026-12-01T10:00:00.000Z', overdue: false };
    expect(clockState(answered, at('2026-12-03T00:00:00.000Z'))).toEqual({ kind: 'answered', ms: 26 * HOUR_MS, at: answered.respondedAt });
    expect(clockState({ ...green, respondedAt: '2026-11-30T08:30:00.000Z' }, at('2026-12-03T00:00:00.000Z')).kind).toBe('answered');
  });

  it('has no clock outside the green channel', () => {
    expect(clockState({ ...green, green: false, respondBy: null }, at(submittedAt))).toEqual({ kind: 'none' });
  });
});

describe('the fee estimate before submitting', () => {
  it('adds fee × quantity in exact cents', () => {
    expect(grossOf([{ feeYuan: '20.00', quantity: 10 }, { feeYuan: '80.00', quantity: 2 }])).toBe('360.00');
    expect(grossOf([{ feeYuan: '0.10', quantity: 3 }, { feeYuan: '0.2', quantity: 1 }])).toBe('0.50');
  });

  it('counts an empty or cleared quantity as none', () => {
    expect(grossOf([{ feeYuan: '99.99', quantity: 0 }, { feeYuan: '5', quantity: Number.NaN }])).toBe('0.00');
    expect(grossOf([])).toBe('0.00');
  });
});
