import { openDatabase, type Database } from './db/client.js';
import { runMigrations } from './db/migrate.js';
import { loadReferenceData } from './db/reference.js';
import type { Config } from './config.js';
import { createServices, type Services } from './modules/index.js';
import type { Clock } from './platform/clock.js';
import { createDeps } from './platform/deps.js';

/** Opens the configured database (PostgreSQL when DATABASE_URL is set, else embedded PGlite). */
export function openConfigured(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Database> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

/** Schema migrations, then reference data: what every start and `shijian migrate` do. */
export async function prepare(database: Database, options: { clock?: Clock; sessionHours?: number; publicUrl?: string } = {}): Promise<Services> {
  await runMigrations(database);
  const services = createServices(createDeps(database, options));
  await loadReferenceData(services.deps);
  return services;
}
