import path from 'node:path';
import { projectRoot } from '../config.js';
import type { Database } from './client.js';

export const migrationsFolder = path.join(projectRoot, 'server', 'migrations');

/** Applies the committed, forward-only migration history with the driver's own runner. */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(database.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(database.db as never, { migrationsFolder });
  }
}
