import { describe, expect, it } from 'vitest';
import { personName, timelinessOf } from './status';

describe('where a unit stands in a period', () => {
  it('calls a submission on time or late, and an excused unit excused whatever it did', () => {
    expect(timelinessOf({ status: 'submitted', onTime: true, excused: false }, false)).toBe('onTime');
    expect(timelinessOf({ status: 'accepted', onTime: false, excused: false }, true)).toBe('late');
    expect(timelinessOf({ status: 'accepted', onTime: false, excused: true }, true)).toBe('excused');
    expect(timelinessOf({ status: 'missing', onTime: null, excused: true }, true)).toBe('excused');
  });

  it('says nothing of a unit not yet in before the deadline, and overdue after it (a returned report included)', () => {
    expect(timelinessOf({ status: 'draft', onTime: null, excused: false }, false)).toBeNull();
    expect(timelinessOf({ status: 'missing', onTime: null, excused: false }, true)).toBe('overdue');
    expect(timelinessOf({ status: 'returned', onTime: null, excused: false }, true)).toBe('overdue');
  });

  it('prefills 填报人 with the person’s name, not their title', () => {
    expect(personName('四川省局统计员 周洁')).toBe('周洁');
    expect(personName('平台管理员')).toBe('平台管理员');
    expect(personName('  钱敏 ')).toBe('钱敏');
  });
});
