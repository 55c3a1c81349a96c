import { describe, expect, it } from 'vitest';
import { DEFAULT_RISK_MODEL, decay, levelOf, score } from './scoring.js';

const model = DEFAULT_RISK_MODEL;

describe('risk scoring', () => {
  it('halves a signal every half-life and drops it after the window', () => {
    expect(decay(0, model)).toBe(1);
    expect(decay(90, model)).toBeCloseTo(0.5, 10);
    expect(decay(180, model)).toBeCloseTo(0.25, 10);
    expect(decay(365, model)).toBeCloseTo(Math.pow(0.5, 365 / 90), 10);
    expect(decay(366, model)).toBe(0);
    // A date in the future counts as today, not more.
    expect(decay(-5, model)).toBe(1);
  });

  it('adds the decayed weights of the signals', () => {
    // A nonconforming sample today (10), a complaint 90 days ago (2 × 0.5) and a case 180 days ago (8 × 0.25).
    const s = score(
      [
        { kind: 'sampling_nonconforming', ageDays: 0 },
        { kind: 'complaint', ageDays: 90 },
        { kind: 'case', ageDays: 180 },
      ],
      model,
    );
    expect(s).toBeCloseTo(13, 10);
    expect(score([], model)).toBe(0);
  });

  it('gives the level of a score, scaled for categories and regions', () => {
    expect(levelOf(4.99, model.thresholds)).toBeNull();
    expect(levelOf(5, model.thresholds)).toBe('blue');
    expect(levelOf(10, model.thresholds)).toBe('yellow');
    expect(levelOf(39.9, model.thresholds)).toBe('orange');
    expect(levelOf(40, model.thresholds)).toBe('red');
    expect(levelOf(40, model.thresholds, 10)).toBeNull();
    expect(levelOf(400, model.thresholds, 10)).toBe('red');
  });
});
