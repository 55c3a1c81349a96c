import { describe, expect, it } from 'vitest';
import { compareDecimal, conclusionOf, judge, limitLabel, type Limit } from './judgement.js';

const limit = (kind: Limit['kind'], min: string | null = null, max: string | null = null, text: string | null = null): Limit => ({ kind, min, max, text });

describe('decimal comparison', () => {
  it('compares exactly, whatever the number of decimals', () => {
    expect(compareDecimal('95.30', '95.3')).toBe(0);
    expect(compareDecimal('95.29', '95.3')).toBe(-1);
    expect(compareDecimal('0.1', '0.09999999')).toBe(1);
    expect(compareDecimal('-1.5', '-1.25')).toBe(-1);
    expect(compareDecimal('100', '99.999')).toBe(1);
  });
});

describe('judgement against the limit', () => {
  it('passes a filtration efficiency on the ≥95 % limit and fails just below it', () => {
    expect(judge(limit('min', '95'), '95.0')).toEqual({ ok: true, judgement: 'pass' });
    expect(judge(limit('min', '95'), '94.99')).toEqual({ ok: true, judgement: 'fail' });
  });
  it('judges maximum and range limits inclusively', () => {
    expect(judge(limit('max', null, '350'), '350')).toMatchObject({ judgement: 'pass' });
    expect(judge(limit('max', null, '350'), '350.1')).toMatchObject({ judgement: 'fail' });
    expect(judge(limit('range', '1.0', '2.0'), '2.00')).toMatchObject({ judgement: 'pass' });
    expect(judge(limit('range', '1.0', '2.0'), '0.99')).toMatchObject({ judgement: 'fail' });
  });
  it('refuses a non-numeric value for a numeric limit', () => {
    expect(judge(limit('min', '95'), '合格')).toEqual({ ok: false, message: '该项目须填写数值结果' });
  });
  it('judges text requirements by 符合 / 不符合', () => {
    expect(judge(limit('text', null, null, '无破损'), '符合')).toMatchObject({ judgement: 'pass' });
    expect(judge(limit('text', null, null, '无破损'), '不符合')).toMatchObject({ judgement: 'fail' });
    expect(judge(limit('text', null, null, '无破损'), '好')).toMatchObject({ ok: false });
  });
  it('does not judge items without a limit', () => {
    expect(judge(limit('none'), '12.3')).toEqual({ ok: true, judgement: 'none' });
  });
  it('concludes nonconforming on any failure', () => {
    expect(conclusionOf(['pass', 'fail', 'none'])).toBe('fail');
    expect(conclusionOf(['pass', 'none'])).toBe('pass');
    expect(conclusionOf(['none'])).toBe('none');
  });
  it('prints limits the way reports do', () => {
    expect(limitLabel(limit('min', '95'), '%')).toBe('≥95 %');
    expect(limitLabel(limit('range', '1.0', '2.0'), 'mm')).toBe('1.0–2.0 mm');
  });
});
