/**
 * List state (page, size, sort, order, filters) kept in the URL, so a reload,
 * the back button or a shared link shows the same list. Pure parsing here;
 * the hook that binds it to the router is in useListParams.ts.
 */
export type Order = 'asc' | 'desc';

export type ListDefaults<S extends string> = {
  sorts: readonly S[];
  sort: S;
  order: Order;
  pageSize?: number;
};

export type ListState<S extends string, F extends string> = {
  page: number;
  pageSize: number;
  sort: S;
  order: Order;
  filters: Partial<Record<F, string>>;
};

export const PAGE_SIZES = [10, 20, 50, 100] as const;

function positiveInt(text: string | null, fallback: number, max: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= max ? n : fallback;
}

export function parseListState<S extends string, F extends string>(
  params: URLSearchParams,
  defaults: ListDefaults<S>,
  filterKeys: readonly F[],
): ListState<S, F> {
  const sortParam = params.get('sort');
  const sort = (defaults.sorts as readonly string[]).includes(sortParam ?? '') ? (sortParam as S) : defaults.sort;
  const orderParam = params.get('order');
  const order: Order = orderParam === 'asc' || orderParam === 'desc' ? orderParam : defaults.order;
  const pageSize = positiveInt(params.get('pageSize'), defaults.pageSize ?? 20, 100);
  const filters: Partial<Record<F, string>> = {};
  for (const key of filterKeys) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return { page: positiveInt(params.get('page'), 1, 100_000), pageSize, sort, order, filters };
}

/** Writes the state back, leaving defaults out so URLs stay short. */
export function listStateToParams<S extends string, F extends string>(state: ListState<S, F>, defaults: ListDefaults<S>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state.filters) as [string, string | undefined][]) if (value) params.set(key, value);
  if (state.sort !== defaults.sort) params.set('sort', state.sort);
  if (state.order !== defaults.order) params.set('order', state.order);
  if (state.page !== 1) params.set('page', String(state.page));
  if (state.pageSize !== (defaults.pageSize ?? 20)) params.set('pageSize', String(state.pageSize));
  return params;
}

/** antd's sorter names ↔ the API's. */
export const toAntOrder = (order: Order): 'ascend' | 'descend' => (order === 'asc' ? 'ascend' : 'descend');
export const fromAntOrder = (order: 'ascend' | 'descend' | null | undefined): Order | null =>
  order === 'ascend' ? 'asc' : order === 'descend' ? 'desc' : null;
