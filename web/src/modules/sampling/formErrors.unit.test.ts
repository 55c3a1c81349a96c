import { describe, expect, it } from 'vitest';
import { namePath, splitListErrors } from './formErrors';

describe('server errors on the rows of a list form', () => {
  it('turns a dotted path into a name path with numeric indexes', () => {
    expect(namePath('quotas.0.areaCode')).toEqual(['quotas', 0, 'areaCode']);
    expect(namePath('name')).toEqual(['name']);
  });

  it('places a row field error on that row and leaves the others to the shared helper', () => {
    const { nested, rest } = splitListErrors(
      [
        { field: 'quotas.1.areaCode', message: '地区 350102 不在本单位管辖范围内' },
        { field: 'quotas', message: '请至少填写一项抽查任务量' },
        { field: 'endsOn', message: '结束日期不能早于开始日期' },
      ],
      'quotas',
    );
    expect(nested).toEqual([{ name: ['quotas', 1, 'areaCode'], errors: ['地区 350102 不在本单位管辖范围内'] }]);
    expect(rest.map((f) => f.field)).toEqual(['quotas', 'endsOn']);
  });
});
