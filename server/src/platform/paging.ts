import type { Paged } from '@shijian/contracts';

type PageQuery = { page: number; pageSize: number };

/** OFFSET of a requested page. */
export const pageOffset = (q: PageQuery) => (q.page - 1) * q.pageSize;

/** The list envelope every paged route returns. */
export function paged<T>(items: T[], total: number | bigint | undefined, q: PageQuery): Paged<T> {
  return { items, total: Number(total ?? 0), page: q.page, pageSize: q.pageSize };
}
