import { date, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Exceptions to the Monday–Friday week: official holidays and make-up workdays.
 * Seeded from the `chinese-days` package (source 'official'); an admin may edit them (source 'admin').
 */
export const calendarDays = pgTable('calendar_days', {
  date: date('date', { mode: 'string' }).primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  name: text('name').notNull(),
  source: text('source', { enum: ['official', 'admin'] }).notNull(),
});
