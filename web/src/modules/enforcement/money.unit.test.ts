import { describe, expect, it } from 'vitest';
import { compareDecimal, formatQuantity, formatYuan, isYuan, isZero, normalizeYuan, shareText, toCents } from './money';

describe('yuan as exact decimal text', () => {
  it('accepts what the server accepts and nothing else', () => {
    expect(['0', '12000', '12000.5', '12000.50', '9999999999999.99'].every(isYuan)).toBe(true);
    expect(['', '-1', '1.234', '1e5', '12,000', '.5', '12.', '99999999999999'].some(isYuan)).toBe(false);
  });

  it('cleans separators, spaces and a trailing 元 that people type', () => {
    expect(normalizeYuan(' 1,234，567.5元 ')).toBe('1234567.5');
    expect(normalizeYuan(undefined)).toBe('');
  });

  it('shows thousands separators and two decimals without going through a float', () => {
    expect(formatYuan('1234567.5')).toBe('1,234,567.50');
    expect(formatYuan('0')).toBe('0.00');
    expect(formatYuan('9999999999999.99')).toBe('9,999,999,999,999.99');
    expect(formatYuan('0.1')).toBe('0.10');
    expect(formatYuan('000123')).toBe('123.00');
    expect(formatYuan(null)).toBe('—');
  });

  it('shows quantities without trailing zeros', () => {
    expect(formatQuantity('1200.00')).toBe('1,200');
    expect(formatQuantity('12.50')).toBe('12.5');
    expect(formatQuantity('abc')).toBe('abc');
  });

  it('knows a zero amount in any spelling', () => {
    expect(['0', '0.00', '0.0', '', null].every(isZero)).toBe(true);
    expect(isZero('0.01')).toBe(false);
  });

  it('compares decimals exactly, in hundredths', () => {
    expect(toCents('12.5')).toBe(1250n);
    expect(toCents('0.07')).toBe(7n);
    expect(toCents('1.234')).toBeNull();
    expect(compareDecimal('0.3', '0.30')).toBe(0);
    expect(compareDecimal('100.01', '100')).toBe(1);
    expect(compareDecimal('9', '10')).toBe(-1);
    expect(compareDecimal('x', '1')).toBeNull();
  });

  it('shows a share as a rounded percentage, and a dash for nothing shipped', () => {
    expect(shareText('1', '3')).toBe('33.3%');
    expect(shareText('2', '3')).toBe('66.7%');
    expect(shareText('500', '500.00')).toBe('100.0%');
    expect(shareText('0', '0')).toBe('—');
  });
});
