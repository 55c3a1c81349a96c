import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { SorterResult, TablePaginationConfig } from 'antd/es/table/interface';
import { fromAntOrder, listStateToParams, PAGE_SIZES, parseListState, toAntOrder, type ListDefaults, type ListState } from './listParams';

/**
 * Server-side paging, sorting and filtering for an antd Table, with the state in the URL.
 * `query` is ready to send to a list endpoint.
 */
const TOGGLE: ('ascend' | 'descend')[] = ['ascend', 'descend', 'ascend'];

export function useListParams<S extends string, F extends string>(defaults: ListDefaults<S>, filterKeys: readonly F[]) {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseListState(params, defaults, filterKeys), [params, defaults, filterKeys]);

  const update = useCallback(
    (next: Partial<ListState<S, F>>) => setParams(listStateToParams({ ...state, ...next }, defaults), { replace: true }),
    [state, defaults, setParams],
  );

  /** New filters start again from page 1. */
  const setFilters = useCallback((filters: Partial<Record<F, string | undefined>>) => {
    const clean: Partial<Record<F, string>> = {};
    for (const [key, value] of Object.entries(filters) as [F, string | undefined][]) if (value?.trim()) clean[key] = value.trim();
    update({ filters: clean, page: 1 });
  }, [update]);

  const onTableChange = useCallback(
    <T,>(pagination: TablePaginationConfig, _filters: unknown, sorter: SorterResult<T> | SorterResult<T>[]) => {
      const one = Array.isArray(sorter) ? sorter[0] : sorter;
      const order = fromAntOrder(one?.order);
      const key = String(one?.columnKey ?? '');
      const sortChanged = order !== null && (key !== state.sort || order !== state.order);
      const sorted = order && (defaults.sorts as readonly string[]).includes(key) ? { sort: key as S, order } : { sort: defaults.sort, order: defaults.order };
      const pageSize = pagination.pageSize ?? state.pageSize;
      update({ ...sorted, pageSize, page: sortChanged || pageSize !== state.pageSize ? 1 : (pagination.current ?? 1) });
    },
    [update, state, defaults],
  );

  /**
   * Column props for a sortable column whose `key` is the API's sort name. The
   * repeated direction makes antd toggle between the two instead of passing
   * through "unsorted" (antd steps to the entry after the first match).
   */
  const sortable = useCallback(
    (key: S) => ({ key, sorter: true, sortOrder: state.sort === key ? toAntOrder(state.order) : null, sortDirections: TOGGLE }),
    [state.sort, state.order],
  );

  const pagination = (total: number | undefined, showTotal: (n: number) => string): TablePaginationConfig => ({
    current: state.page,
    pageSize: state.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES.map(String),
    showTotal,
  });

  const query = { page: state.page, pageSize: state.pageSize, sort: state.sort, order: state.order, ...state.filters };
  return { ...state, query, setFilters, onTableChange, sortable, pagination, hasFilters: Object.keys(state.filters).length > 0 };
}
