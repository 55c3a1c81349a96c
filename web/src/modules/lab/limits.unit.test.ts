import { describe, expect, it } from 'vitest';
import { limitLabel, valueWithUnit } from './limits';

const limit = (limitKind: 'min' | 'max' | 'range' | 'text' | 'none', min: string | null, max: string | null, text: string | null, unit: string) => ({
  limitKind,
  limitMin: min,
  limitMax: max,
  limitText: text,
  unit,
});

describe('a requirement as printed on the report', () => {
  it('prints a lower limit, an upper limit and a range with the unit', () => {
    expect(limitLabel(limit('min', '95', null, null, '%'))).toBe('≥95 %');
    expect(limitLabel(limit('max', null, '350', null, 'Pa'))).toBe('≤350 Pa');
    expect(limitLabel(limit('range', '1.0', '2.0', null, 'mm'))).toBe('1.0–2.0 mm');
  });

  it('prints a text requirement as written, without a unit, and a dash when not judged', () => {
    expect(limitLabel(limit('text', null, null, '无破损、无污渍', ''))).toBe('无破损、无污渍');
    expect(limitLabel(limit('none', null, null, null, 'g'))).toBe('—');
  });

  it('leaves the unit off when there is none', () => {
    expect(limitLabel(limit('min', '45', null, null, ''))).toBe('≥45');
  });

  it('adds the unit to numbers only', () => {
    expect(valueWithUnit('96.5', '%')).toBe('96.5 %');
    expect(valueWithUnit('符合', '%')).toBe('符合');
  });
});
