import { describe, expect, it } from 'vitest';
import { listStateToParams, parseListState } from './listParams';

const DEFAULTS = { sorts: ['name', 'createdAt'] as const, sort: 'name' as const, order: 'asc' as const };
const FILTERS = ['q', 'size'] as const;

describe('list state in the URL', () => {
  it('falls back to the defaults for a missing or unknown sort, order or page', () => {
    const state = parseListState(new URLSearchParams('sort=password&order=sideways&page=-3&pageSize=5000'), DEFAULTS, FILTERS);
    expect(state).toMatchObject({ sort: 'name', order: 'asc', page: 1, pageSize: 20 });
  });

  it('reads only the known filters and drops blank ones', () => {
    const state = parseListState(new URLSearchParams('q=%20成都%20&size=&secret=1'), DEFAULTS, FILTERS);
    expect(state.filters).toEqual({ q: '成都' });
  });

  it('round-trips a state and leaves defaults out of the URL', () => {
    const params = listStateToParams({ page: 3, pageSize: 20, sort: 'createdAt', order: 'desc', filters: { size: 'small' } }, DEFAULTS);
    expect(params.toString()).toBe('size=small&sort=createdAt&order=desc&page=3');
    expect(parseListState(params, DEFAULTS, FILTERS)).toEqual({ page: 3, pageSize: 20, sort: 'createdAt', order: 'desc', filters: { size: 'small' } });
  });
});
