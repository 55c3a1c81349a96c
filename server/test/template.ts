import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../src/db/client.js';
import { seedDemo } from '../src/demo/seed.js';
import { prepare } from '../src/runtime.js';

/** Which database the `db` test project runs on: TEST_DB=postgres needs DATABASE_URL. */
export type TestBackend = 'pglite' | 'postgres';
export const testBackend = (): TestBackend => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

export function databaseUrlWithName(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Test databases do not wait for the WAL flush at each commit: a test checks answers, not
 * durability (bench/crash.ts does that). On the CI machine's disk a commit took 2.7 ms with the
 * flush and 0.4 ms without (2,000 one-row inserts through psql).
 * A database's settings are not copied from its template, so each copy is set too.
 */
export const TESTS_SKIP_COMMIT_FLUSH = (database: string) => `alter database ${database} set synchronous_commit = off`;

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Migrates and seeds the demo world once; each test file then starts from a
 * copy (a PGlite data-dir dump, or a PostgreSQL template database), which
 * costs a fraction of initdb + seeding.
 */
export async function buildTemplate(backend: TestBackend, dir: string): Promise<string> {
  if (backend === 'pglite') {
    const instance = await PGlite.create();
    const database = await openDatabase({ kind: 'pglite', instance });
    await seedDemo(await prepare(database));
    const dump = await instance.dumpDataDir('none');
    await instance.close();
    const file = path.join(dir, `pglite-template-${process.pid}.tar`);
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    return file;
  }
  if (!process.env.DATABASE_URL) throw new Error('TEST_DB=postgres needs DATABASE_URL');
  const name = `shijian_tpl_${process.pid}`;
  await adminQuery(`drop database if exists ${name}`);
  await adminQuery(`create database ${name}`);
  await adminQuery(TESTS_SKIP_COMMIT_FLUSH(name));
  const database = await openDatabase({ kind: 'postgres', url: databaseUrlWithName(process.env.DATABASE_URL, name) });
  await seedDemo(await prepare(database));
  await database.close();
  return name;
}
