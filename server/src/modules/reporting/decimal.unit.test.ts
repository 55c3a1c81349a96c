import { describe, expect, it } from 'vitest';
import { percent, roundDecimal, sumDecimals, toMicros } from './decimal.js';

describe('exact decimals for report cells', () => {
  it('adds fines in 万元 exactly where floating point would not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(sumDecimals(['0.1', '0.2'])).toBe('0.3');
    expect(sumDecimals(['42.000350', '6.530050', '0.000100'])).toBe('48.5305');
  });

  it('gives null only when there is nothing to add, and zero when the parts are zero', () => {
    expect(sumDecimals([null, undefined])).toBeNull();
    expect(sumDecimals(['0', null])).toBe('0');
  });

  it('rounds half away from zero for display, keeping trailing zeros', () => {
    expect(roundDecimal('12.345', 2)).toBe('12.35');
    expect(roundDecimal('12.344999', 2)).toBe('12.34');
    expect(roundDecimal('3', 2)).toBe('3.00');
    expect(roundDecimal('2.5', 0)).toBe('3');
  });

  it('computes a rate as a percentage, rounding half up, and no rate at all over zero batches', () => {
    expect(percent('1', '3', 2)).toBe('33.33');
    expect(percent('2', '3', 2)).toBe('66.67');
    expect(percent('1', '8', 1)).toBe('12.5');
    expect(percent('1', '200', 2)).toBe('0.50');
    expect(percent('5', '5', 0)).toBe('100');
    expect(percent('0', '0', 2)).toBeNull();
  });

  it('refuses text that is not a decimal', () => {
    expect(() => toMicros('1e3')).toThrow();
  });
});
