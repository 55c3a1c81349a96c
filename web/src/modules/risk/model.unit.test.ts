import { describe, expect, it } from 'vitest';
import { checkModel, decayShare, fieldOfPath, groupErrors, type ModelValues } from './model';

const good: ModelValues = {
  weights: { sampling_nonconforming: 10, complaint: 2, report: 4, case: 8, recall: 12, opinion: 1 },
  halfLifeDays: 90,
  windowDays: 365,
  thresholds: { blue: 5, yellow: 10, orange: 20, red: 40 },
};

describe('the scoring model form against the contract', () => {
  it('passes a valid model through as the body', () => {
    expect(checkModel(good)).toEqual({ ok: true, body: good });
  });

  it('names the field of each contract message: an emptied or negative weight, a fractional half-life', () => {
    const result = checkModel({ ...good, weights: { ...good.weights, case: null, opinion: -1 }, halfLifeDays: 1.5 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { name: ['weights', 'case'], errors: ['请填写权重'] },
        { name: ['weights', 'opinion'], errors: ['权重不能为负数'] },
        { name: ['halfLifeDays'], errors: ['半衰期应为整数天'] },
      ]),
    );
  });

  it('puts the order of the thresholds under the red one, and a window shorter than the half-life under the window', () => {
    const result = checkModel({ ...good, thresholds: { blue: 5, yellow: 30, orange: 20, red: 40 }, windowDays: 30 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        { name: ['thresholds', 'red'], errors: ['阈值应满足 蓝 < 黄 < 橙 < 红'] },
        { name: ['windowDays'], errors: ['统计窗口不能短于半衰期'] },
      ]),
    );
  });

  it('reads the server’s dotted field names the same way', () => {
    expect(fieldOfPath('weights.case')).toEqual(['weights', 'case']);
    expect(fieldOfPath('thresholds')).toEqual(['thresholds', 'red']);
    expect(groupErrors([{ path: 'halfLifeDays', message: 'a' }, { path: ['halfLifeDays'], message: 'b' }])).toEqual([{ name: ['halfLifeDays'], errors: ['a', 'b'] }]);
  });
});

describe('decay as the server computes it', () => {
  it('halves every half-life and stops past the window', () => {
    expect(decayShare(0, 90, 365)).toBe(1);
    expect(decayShare(90, 90, 365)).toBe(0.5);
    expect(decayShare(180, 90, 365)).toBe(0.25);
    expect(decayShare(366, 90, 365)).toBe(0);
    expect(decayShare(-3, 90, 365)).toBe(1);
  });
});
