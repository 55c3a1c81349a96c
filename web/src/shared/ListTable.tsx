import type { ReactNode } from 'react';
import { Table, type TablePaginationConfig, type TableProps } from 'antd';
import { common } from '../app/common';
import { useT } from '../app/i18n';
import { ListEmpty, QueryError } from './ui';

/** What ListTable needs of useListParams(). */
type ListControls<T> = {
  hasFilters: boolean;
  onTableChange: TableProps<T>['onChange'];
  pagination: (total: number | undefined, showTotal: (n: number) => string) => TablePaginationConfig;
};

/** What ListTable needs of useListQuery(). */
type ListResult<T> = {
  data?: { items: T[]; total: number; totalCapped?: boolean };
  isPending: boolean;
  isFetching: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => unknown;
};

export type ListTableProps<T> = Omit<TableProps<T>, 'dataSource' | 'loading' | 'onChange' | 'pagination' | 'locale'> & {
  list: ListControls<T>;
  result: ListResult<T>;
  /** What an empty list says … */
  emptyText: string;
  /** … and what it says when filters hide everything (ListEmpty has a default). */
  filteredText?: string;
  /** Replaces both, when a page has a better word for its empty state. */
  empty?: ReactNode;
};

/**
 * A server-paged, server-sorted table: the load error with a retry above it, the
 * total (or "more than" when the server stopped counting), and an empty state
 * that tells "nothing yet" from "nothing matches". Rows are keyed by `id` unless
 * `rowKey` says otherwise.
 */
export function ListTable<T extends object>({ list, result, emptyText, filteredText, empty, ...table }: ListTableProps<T>) {
  const t = useT();
  const page = result.data;
  return (
    <>
      {result.isError ? <QueryError error={result.error} onRetry={() => void result.refetch()} /> : null}
      <Table<T>
        rowKey="id"
        dataSource={page?.items}
        loading={result.isFetching}
        onChange={list.onTableChange}
        pagination={list.pagination(page?.total, (n) => t(page?.totalCapped ? common.totalAtLeast : common.total, { n }))}
        locale={{ emptyText: result.isPending ? ' ' : (empty ?? <ListEmpty filtered={list.hasFilters} emptyText={emptyText} filteredText={filteredText} />) }}
        {...table}
      />
    </>
  );
}
