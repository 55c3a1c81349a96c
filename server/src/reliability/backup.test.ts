import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../config.js';
import { openDatabase, rawRows, type Database, type Db } from '../db/client.js';
import { syntheticUscc } from '../demo/uscc.js';
import { auditedEntities, createServices } from '../modules/index.js';
import { verifyAudit } from '../platform/audit/verify.js';
import { createDeps } from '../platform/deps.js';
import { openTestDatabase } from '../../test/harness.js';
import { adminQuery, databaseUrlWithName } from '../../test/template.js';

/**
 * Issue 8, backup and restore: the demo world backed up and restored into a fresh
 * database with the real `shijian` command (PGlite on the PGlite leg, PostgreSQL on the
 * PostgreSQL leg); the copy verifies with the same counts, holds the same rows in every
 * table and takes new audited writes. A damaged backup changes nothing.
 */
const backend = inject('backend');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-backup-'));
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

const shijian = (args: string[], env: NodeJS.ProcessEnv) =>
  promisify(execFile)(process.execPath, [path.join(projectRoot, 'server/bin/shijian.mjs'), ...args], { env, cwd: projectRoot, maxBuffer: 1 << 24 }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, out: err.stdout + err.stderr }),
  );

const printedCounts = (out: string) => out.match(/chains: (\d+), 记录 entries: (\d+), 对象 records: (\d+)/)?.slice(1).map(Number);

/** Rows in every table of every schema (the migrations' bookkeeping included). */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await rawRows<{ schema: string; name: string }>(
    db,
    sql`select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg\\_toast%'
        order by 1, 2`,
  );
  const counts: Record<string, number> = {};
  for (const t of tables) {
    const [row] = await rawRows<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(t.schema)}.${sql.identifier(t.name)}`);
    counts[`${t.schema}.${t.name}`] = Number(row!.n);
  }
  return counts;
}

/** What a restored copy must reproduce: the verifier's counts and every table's rows. */
async function snapshot(database: Database) {
  const verification = await verifyAudit(database.db, auditedEntities);
  expect(verification.problems).toEqual([]);
  return { counts: [verification.chains, verification.entries, verification.records], rows: await rowCounts(database.db) };
}

/** An audited write through the services: the restored chains, heads and sequences carry on. */
async function writeAndVerify(database: Database) {
  const services = createServices(createDeps(database));
  const actor = await services.auth.actorFor('sc.admin', { ip: '127.0.0.1', userAgent: 'vitest' });
  const before = await verifyAudit(database.db, auditedEntities);
  await services.enterprises.create(actor, {
    uscc: syntheticUscc('510107', 72_000_001),
    name: '恢复后新登记企业',
    regionCode: '510107',
    address: '成都市武侯区',
    legalRepresentative: '测试',
    size: 'small',
    categories: ['mask'],
  });
  const after = await verifyAudit(database.db, auditedEntities);
  expect(after.problems).toEqual([]);
  expect(after.entries).toBeGreaterThan(before.entries);
}

/** A populated source and an empty target, as the CLI sees them (environment), and how to open each in-process. */
async function databases() {
  if (backend === 'pglite') {
    const source = path.join(tmp, 'source');
    const seeded = await PGlite.create({ dataDir: source, loadDataDir: new Blob([fs.readFileSync(inject('template'))]) });
    await seeded.close();
    const target = path.join(tmp, 'target');
    return {
      file: path.join(tmp, 'shijian.tar.gz'),
      sourceEnv: { ...process.env, SHIJIAN_DATA_DIR: source, DATABASE_URL: '' },
      targetEnv: { ...process.env, SHIJIAN_DATA_DIR: target, DATABASE_URL: '' },
      openSource: () => openDatabase({ kind: 'pglite', dataDir: source }),
      openTarget: () => openDatabase({ kind: 'pglite', dataDir: target }),
    };
  }
  const source = await openTestDatabase();
  cleanups.push(() => source.close());
  const empty = `shijian_restore_${process.pid}_${Date.now().toString(36)}`;
  await adminQuery(`create database ${empty}`);
  cleanups.push(() => adminQuery(`drop database if exists ${empty} with (force)`));
  const targetUrl = databaseUrlWithName(process.env.DATABASE_URL!, empty);
  return {
    file: path.join(tmp, 'shijian.dump'),
    sourceEnv: { ...process.env, DATABASE_URL: source.url },
    targetEnv: { ...process.env, DATABASE_URL: targetUrl },
    openSource: async () => ({ ...source, close: async () => {} }),
    openTarget: () => openDatabase({ kind: 'postgres', url: targetUrl }),
  };
}

let setup: Awaited<ReturnType<typeof databases>> | undefined;

describe(`shijian backup and restore (${backend})`, () => {
  it('restores the demo world into a fresh database: verify-audit passes with the same counts, every table has the same rows, new writes verify', { timeout: 180_000 }, async () => {
    setup = await databases();
    const source = await setup.openSource();
    const expected = await snapshot(source);
    await source.close();

    const backup = await shijian(['backup', '--out', setup.file], setup.sourceEnv);
    expect(backup.code, backup.out).toBe(0);
    const restore = await shijian(['restore', setup.file], setup.targetEnv);
    expect(restore.code, restore.out).toBe(0);
    const verify = await shijian(['verify-audit'], setup.targetEnv);
    expect(verify.code, verify.out).toBe(0);
    expect(verify.out).toContain('校验通过');
    expect(printedCounts(verify.out)).toEqual(expected.counts);

    const target = await setup.openTarget();
    try {
      expect(await rowCounts(target.db)).toEqual(expected.rows);
      expect(Object.keys(expected.rows).length).toBeGreaterThan(60);
      await writeAndVerify(target);
    } finally {
      await target.close();
    }
  });

  it('changes nothing when the backup file is damaged, even with --force', { timeout: 180_000 }, async () => {
    if (!setup) throw new Error('needs the restored database of the test above');
    const damaged = path.join(tmp, `damaged${path.extname(setup.file)}`);
    const bytes = fs.readFileSync(setup.file);
    fs.writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 3)));
    const target = await setup.openTarget();
    const before = await snapshot(target);
    await target.close();

    const refused = await shijian(['restore', setup.file], setup.targetEnv);
    expect(refused.code, refused.out).toBe(1);
    expect(refused.out).toContain('--force');

    const broken = await shijian(['restore', damaged, '--force'], setup.targetEnv);
    expect(broken.code, broken.out).not.toBe(0);
    const after = await setup.openTarget();
    try {
      expect(await snapshot(after)).toEqual(before);
    } finally {
      await after.close();
    }
    if (backend === 'pglite') expect(fs.readdirSync(tmp).filter((f) => f.includes('.restoring-') || f.includes('.before-restore-'))).toEqual([]);
  });
});
