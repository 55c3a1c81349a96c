import { describe, expect, it } from 'vitest';
import { ApiError, errorFromBody } from '../../api/client';
import { alternativesOf, refusedItem } from './qualification';

describe('a test refused as outside the qualification', () => {
  const body = {
    error: {
      code: 'OUTSIDE_QUALIFICATION',
      message: 'JJF 1107-2003 红外人体测温仪示值误差 不在本机构资质认定范围内。具备该项能力的机构：福建省计量科学研究院（鼓楼区，CMA 202113000456）',
      details: {
        standard: 'JJF 1107-2003',
        parameter: '红外人体测温仪示值误差',
        alternatives: [{ institutionId: 'i1', name: '福建省计量科学研究院', regionName: '鼓楼区', cmaNumber: '202113000456', cmaValidUntil: '2027-12-31' }],
      },
    },
  };

  it('names the item and the institutions qualified for it, from the error details', () => {
    const error = errorFromBody(422, body);
    expect(refusedItem(error)).toBe('JJF 1107-2003 红外人体测温仪示值误差');
    expect(alternativesOf(error).map((a) => a.name)).toEqual(['福建省计量科学研究院']);
  });

  it('finds no alternatives in other errors or in malformed details', () => {
    expect(alternativesOf(new ApiError(422, 'CMA_EXPIRED', '本机构资质认定证书已于 2026-01-01 到期'))).toEqual([]);
    expect(alternativesOf(new ApiError(422, 'OUTSIDE_QUALIFICATION', 'x', [], { alternatives: 'none' }))).toEqual([]);
    expect(alternativesOf(new Error('boom'))).toEqual([]);
  });
});
