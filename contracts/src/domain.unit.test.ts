import { describe, expect, it } from 'vitest';
import { passwordProblems } from './domain.js';
import { regionLevel, regionPrefix, regionWithin } from './regions.js';

describe('password policy', () => {
  it('accepts a long password with three character classes', () => {
    expect(passwordProblems('Shijian@2026', 'sc.admin')).toEqual([]);
  });
  it('rejects short passwords', () => {
    expect(passwordProblems('Ab1!', 'x')).toContain('密码至少10位');
  });
  it('rejects passwords with fewer than three classes', () => {
    expect(passwordProblems('abcdefghijk1')).toContain('密码须包含大写字母、小写字母、数字、符号中的至少三类');
  });
  it('rejects passwords containing the username', () => {
    expect(passwordProblems('Xsc.adminX2026', 'sc.admin')).toContain('密码不能包含用户名');
  });
});

describe('region codes', () => {
  it('derives level and prefix from a GB/T 2260 code', () => {
    expect([regionLevel('510000'), regionPrefix('510000')]).toEqual([1, '51']);
    expect([regionLevel('510100'), regionPrefix('510100')]).toEqual([2, '5101']);
    expect([regionLevel('510107'), regionPrefix('510107')]).toEqual([3, '510107']);
  });
  it('places a county inside its province and city but not a neighbour', () => {
    expect(regionWithin('510107', '510000')).toBe(true);
    expect(regionWithin('510107', '510100')).toBe(true);
    expect(regionWithin('510107', '510104')).toBe(false);
    expect(regionWithin('350102', '510000')).toBe(false);
  });
});
