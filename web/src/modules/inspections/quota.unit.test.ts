import { describe, expect, it } from 'vitest';
import { DEFAULT_TIER_RATIOS } from '@shijian/contracts';
import { expectedTargets, ratioOfPercent, tierQuota } from './quota';

describe('the form’s quota preview', () => {
  it('turns typed percents into whole basis points', () => {
    expect(ratioOfPercent(30)).toBe(0.3);
    expect(ratioOfPercent(2.5)).toBe(0.025);
    expect(ratioOfPercent(0.01)).toBe(0.0001);
    expect(ratioOfPercent(null)).toBe(0);
  });
  it('rounds up per tier as the server does, without floating-point residue', () => {
    expect(tierQuota(0.1, 30)).toBe(3);
    expect(tierQuota(0.02, 51)).toBe(2);
    expect(tierQuota(0, 51)).toBe(0);
  });
  it('adds the tiers up with the default ratios', () => {
    expect(expectedTargets(DEFAULT_TIER_RATIOS, { high: 7, elevated: 30, general: 120, low: 1 })).toBe(3 + 3 + 3 + 1);
    expect(expectedTargets(DEFAULT_TIER_RATIOS, {})).toBe(0);
  });
});
