import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import net from 'node:net';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { openDatabase, type Database } from '../../server/src/db/client.js';
import type { Services } from '../../server/src/modules/index.js';
import { prepare } from '../../server/src/runtime.js';

/** Cleanups of what is open right now, run on Ctrl-C so no scratch database or directory is left behind. */
const pending = new Set<() => Promise<void>>();
let interruptHandlerInstalled = false;

function track(cleanup: () => Promise<void>): () => Promise<void> {
  if (!interruptHandlerInstalled) {
    interruptHandlerInstalled = true;
    process.once('SIGINT', () => {
      process.stderr.write('\ninterrupted: cleaning up\n');
      void Promise.allSettled([...pending].map((c) => c())).then(() => process.exit(130));
    });
  }
  pending.add(cleanup);
  return async () => {
    pending.delete(cleanup);
    await cleanup();
  };
}

export type BackendKind = 'postgres' | 'pglite';

/** Hand-written SQL straight to the driver, bypassing Drizzle: the baseline. */
export type RawClient = {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Bulk-loads COPY text format (tab-separated, `\N` for null) into `table (columns)`. */
  copyIn(table: string, columns: readonly string[], data: string): Promise<void>;
};

export type BenchDb = {
  kind: BackendKind;
  /** Human description: server version and where the data lives. */
  label: string;
  database: Database;
  services: Services;
  raw: RawClient;
  /** Closes the connection and deletes the database. */
  close(): Promise<void>;
};

/** An empty PostgreSQL database named `<prefix>_<pid>_<time>` on the server of `baseUrl`, and how to drop it. */
export async function createScratchDatabase(baseUrl: string, prefix: string) {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { name, url, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** A free TCP port on 127.0.0.1 (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** A fresh PostgreSQL database on the server of `baseUrl`, migrated with reference data; dropped on close. */
export async function openPostgres(baseUrl: string): Promise<BenchDb> {
  const { name, url, drop } = await createScratchDatabase(baseUrl, 'shijian_bench');
  let database: Database | undefined;
  try {
    database = await openDatabase({ kind: 'postgres', url: url.toString() });
    const services = await prepare(database);
    const pool = database.pool!;
    const [{ version }] = (await pool.query<{ version: string }>(`select current_setting('server_version') as version`)).rows as [{ version: string }];
    const opened = database;
    return {
      kind: 'postgres',
      label: `PostgreSQL ${version} (database ${name} on ${url.host})`,
      database: opened,
      services,
      raw: {
        async query<T>(text: string, params: unknown[] = []) {
          return (await pool.query(text, params)).rows as T[];
        },
        async copyIn(table, columns, data) {
          const client = await pool.connect();
          try {
            await pipeline(Readable.from([data]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
          } finally {
            client.release();
          }
        },
      },
      close: track(async () => {
        await opened.close().catch(() => undefined);
        // BENCH_KEEP_DATABASE=1 leaves the generated database for a closer look (EXPLAIN by hand).
        if (process.env.BENCH_KEEP_DATABASE === '1') process.stderr.write(`kept database ${name}\n`);
        else await drop();
      }),
    };
  } catch (err) {
    await database?.close();
    await drop();
    throw err;
  }
}

/**
 * Embedded PGlite in a temporary data directory (the embedded mode's real
 * configuration: `openDatabase({ kind: 'pglite', dataDir })`), deleted on close.
 */
export async function openPglite(): Promise<BenchDb> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-bench-'));
  const dataDir = path.join(dir, 'data');
  let database: Database | undefined;
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  try {
    database = await openDatabase({ kind: 'pglite', dataDir });
    const services = await prepare(database);
    const pglite = database.pglite!;
    const [{ version }] = (await pglite.query<{ version: string }>(`select current_setting('server_version') as version`)).rows as [{ version: string }];
    const opened = database;
    return {
      kind: 'pglite',
      label: `PGlite ${pgliteVersion()} (PostgreSQL ${version}, WASM, data dir ${dataDir})`,
      database: opened,
      services,
      raw: {
        async query<T>(text: string, params: unknown[] = []) {
          return (await pglite.query<T>(text, params)).rows;
        },
        async copyIn(table, columns, data) {
          await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob'`, [], { blob: new Blob([data]) });
        },
      },
      close: track(async () => {
        try {
          await opened.close();
        } finally {
          remove();
        }
      }),
    };
  } catch (err) {
    try {
      await database?.close();
    } finally {
      remove();
    }
    throw err;
  }
}

function pgliteVersion(): string {
  // The package's exports map hides package.json: walk up from its entry point.
  let dir = path.dirname(new URL(import.meta.resolve('@electric-sql/pglite')).pathname);
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === '@electric-sql/pglite') return pkg.version ?? '?';
    }
    dir = path.dirname(dir);
  }
  return '?';
}
