import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Audit } from '../audit/chain.js';
import { rowEntity } from '../audit/entity.js';
import type { Clock } from '../clock.js';
import { notFound } from '../errors.js';
import { authorize } from '../policy.js';
import { calendarDays } from './tables.js';
import {
  addWorkingDays,
  endOfShanghaiDay,
  isWorkingDay,
  shanghaiDate,
  workingDaysBetween,
  type DayOverrides,
} from './working-days.js';

export const calendarDayEntity = rowEntity('calendar_day', calendarDays, calendarDays.date);

const CACHE_MS = 60_000;

/**
 * The working-day calendar backed by the editable table. Reads are served from
 * a snapshot that is refreshed after edits here and at most a minute after
 * edits made by another server instance.
 */
export function createCalendar(deps: { db: Db; clock: Clock; audit: Audit }) {
  const { db, clock, audit } = deps;
  let snapshot: { at: number; overrides: DayOverrides } | undefined;

  /** Pass the transaction when inside one: the embedded database has a single connection. */
  async function overrides(executor: Db = db): Promise<DayOverrides> {
    const now = Date.now();
    if (!snapshot || now - snapshot.at > CACHE_MS) {
      const rows = await executor.select({ date: calendarDays.date, kind: calendarDays.kind }).from(calendarDays);
      snapshot = { at: now, overrides: new Map(rows.map((r) => [r.date, r.kind])) };
    }
    return snapshot.overrides;
  }

  return {
    overrides,
    async isWorkingDay(date: string) {
      return isWorkingDay(date, await overrides());
    },
    async addWorkingDays(date: string, n: number) {
      return addWorkingDays(date, n, await overrides());
    },
    async workingDaysBetween(from: string, to: string) {
      return workingDaysBetween(from, to, await overrides());
    },
    /** The deadline N working days after an instant: the end of that day in Asia/Shanghai. */
    async deadlineAfter(instant: Date, n: number): Promise<Date> {
      return endOfShanghaiDay(addWorkingDays(shanghaiDate(instant), n, await overrides()));
    },
    today(): string {
      return shanghaiDate(clock.now());
    },
    async listYear(year: number) {
      return db
        .select()
        .from(calendarDays)
        .where(and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)))
        .orderBy(asc(calendarDays.date));
    },
    async setDay(actor: Actor, date: string, input: { kind: 'holiday' | 'workday'; name: string }) {
      authorize(actor, 'calendar.write');
      const row = await db.transaction(async (tx) => {
        const [saved] = await tx
          .insert(calendarDays)
          .values({ date, ...input, source: 'admin' })
          .onConflictDoUpdate({ target: calendarDays.date, set: { ...input, source: 'admin' } })
          .returning();
        await audit.append(tx, actor, { action: 'calendar.day_set', entity: calendarDayEntity, id: date });
        return saved!;
      });
      snapshot = undefined;
      return row;
    },
    async removeDay(actor: Actor, date: string) {
      authorize(actor, 'calendar.write');
      await db.transaction(async (tx) => {
        const deleted = await tx.delete(calendarDays).where(eq(calendarDays.date, date)).returning();
        if (deleted.length === 0) throw notFound('calendar_day', date);
        await audit.append(tx, actor, { action: 'calendar.day_removed', entity: calendarDayEntity, id: date });
      });
      snapshot = undefined;
    },
  };
}

export type Calendar = ReturnType<typeof createCalendar>;
