import type { Database, Db } from '../db/client.js';
import { createAudit, type Audit } from './audit/chain.js';
import { createCalendar, type Calendar } from './calendar/service.js';
import { systemClock, type Clock } from './clock.js';
import { createRegions, type Regions } from './regions/service.js';

/** What every module's service is built from. */
export type Deps = {
  db: Db;
  dbKind: Database['kind'];
  clock: Clock;
  audit: Audit;
  calendar: Calendar;
  regions: Regions;
  sessionHours: number;
  /** Where the public reaches this server: QR codes on reports point here. */
  publicUrl: string;
};

export function createDeps(database: Database, options: { clock?: Clock; sessionHours?: number; publicUrl?: string } = {}): Deps {
  const clock = options.clock ?? systemClock;
  const audit = createAudit(clock);
  return {
    db: database.db,
    dbKind: database.kind,
    clock,
    audit,
    calendar: createCalendar({ db: database.db, clock, audit }),
    regions: createRegions(database.db),
    sessionHours: options.sessionHours ?? 12,
    publicUrl: (options.publicUrl ?? 'http://localhost:8080').replace(/\/$/, ''),
  };
}
