import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';

/**
 * One page of a server-side list, cached under `[...key, query]`. The page on
 * screen stays while the next one loads, so paging and filtering don't flash
 * an empty table.
 */
export function useListQuery<Q, R>(key: QueryKey, query: Q, fetch: (query: Q) => Promise<R>) {
  return useQuery({ queryKey: [...key, query], queryFn: () => fetch(query), placeholderData: keepPreviousData });
}
