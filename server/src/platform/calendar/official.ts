import { createRequire } from 'node:module';
import type { Db } from '../../db/client.js';
import type { Actor } from '../actor.js';
import type { Audit } from '../audit/chain.js';
import { calendarDayEntity } from './service.js';
import { calendarDays } from './tables.js';

type ChineseDays = { holidays: Record<string, string>; workdays: Record<string, string> };

/** Official holidays and make-up workdays, 2004 onwards, from the `chinese-days` package. */
export function officialDays(): { date: string; kind: 'holiday' | 'workday'; name: string }[] {
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDays;
  const nameOf = (v: string) => v.split(',')[1] ?? v; // "National Day,国庆节,3"
  return [
    ...Object.entries(data.holidays).map(([date, v]) => ({ date, kind: 'holiday' as const, name: nameOf(v) })),
    ...Object.entries(data.workdays).map(([date, v]) => ({ date, kind: 'workday' as const, name: `${nameOf(v)}调休` })),
  ].sort((a, b) => a.date.localeCompare(b.date));
}

/** Inserts official days not yet present; days an admin has edited are left as they are. */
export async function loadOfficialCalendar(db: Db, audit: Audit, actor: Actor): Promise<number> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(calendarDays)
      .values(officialDays().map((d) => ({ ...d, source: 'official' as const })))
      .onConflictDoNothing()
      .returning({ date: calendarDays.date });
    await audit.append(
      tx,
      actor,
      inserted.map((r) => ({ action: 'reference.calendar_loaded' as const, entity: calendarDayEntity, id: r.date })),
    );
    return inserted.length;
  });
}
