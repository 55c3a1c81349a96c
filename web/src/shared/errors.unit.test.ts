import { describe, expect, it } from 'vitest';
import { ApiError, errorFromBody } from '../api/client';
import { fieldErrorsOf } from './errors';

describe('server errors onto form fields', () => {
  it('places validation errors under their fields, nested paths under the top field', () => {
    const error = errorFromBody(400, {
      error: { code: 'VALIDATION_FAILED', message: '有2项输入有误', details: { fields: [{ field: 'regionCode', message: '请选择到区县一级' }, { field: 'categories.1', message: '未知类别' }] } },
    });
    expect(fieldErrorsOf(error, ['uscc', 'regionCode', 'categories'])).toEqual({
      placed: [
        { name: 'regionCode', errors: ['请选择到区县一级'] },
        { name: 'categories', errors: ['未知类别'] },
      ],
      rest: [],
    });
  });

  it('puts a duplicate USCC under the uscc field even without field details', () => {
    const error = new ApiError(409, 'USCC_DUPLICATE', '统一社会信用代码已登记');
    expect(fieldErrorsOf(error, ['uscc', 'name']).placed).toEqual([{ name: 'uscc', errors: ['统一社会信用代码已登记'] }]);
  });

  it('returns messages for fields the form does not have, and plain errors, to be shown apart', () => {
    expect(fieldErrorsOf(new ApiError(403, 'FORBIDDEN', '您没有执行此操作的权限'), ['name']).rest).toEqual(['您没有执行此操作的权限']);
    const error = errorFromBody(400, { error: { code: 'VALIDATION_FAILED', message: 'x', details: { fields: [{ field: 'parentId', message: '上级机构必须是监管部门' }] } } });
    expect(fieldErrorsOf(error, ['name']).rest).toEqual(['上级机构必须是监管部门']);
  });

  it('turns a body that is not the API error shape into a readable error', () => {
    expect(errorFromBody(502, null).message).toBe('服务器暂时不可用（HTTP 502），请稍后重试');
    expect(errorFromBody(404, 'nope').message).toBe('未找到');
  });
});
