import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../config.js';
import { rawRows, type Database } from '../../db/client.js';
import { auditedEntities } from '../../modules/index.js';
import { forge, openTestDatabase } from '../../../test/harness.js';
import { verifyAudit } from './verify.js';

/**
 * Tampering the verifier once let through (issue 8): each test changes the demo world
 * in SQL, the way a forger with superuser rights would, and expects it named. The tests
 * share one database and leave their tampering behind; each asserts only its own.
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database.close());

const db = () => database.db;
const verify = () => verifyAudit(db(), auditedEntities);

async function entryOf(action: string) {
  const [entry] = await rawRows<{ id: number; chain_id: string; seq: number; entity_type: string; entity_id: string }>(
    db(),
    sql`select id, chain_id, seq::int as seq, entity_type, entity_id from audit_log
        where action = ${action} and seq < (select h.seq from audit_chains h where h.chain_id = audit_log.chain_id)
        order by id limit 1`,
  );
  if (!entry) throw new Error(`no ${action} entry in the demo world`);
  return { ...entry, seq: Number(entry.seq), id: Number(entry.id) };
}

describe('verifyAudit against tampering it used to miss', () => {
  it('names a chain whose head row was deleted (the chain is still recomputed from its entries)', async () => {
    const [chain] = await rawRows<{ chain_id: string; seq: number }>(db(), sql`select chain_id, seq::int as seq from audit_chains where chain_id <> 'system' order by seq desc limit 1`);
    await forge(db(), sql`delete from audit_chains where chain_id = ${chain!.chain_id}`);
    // An entry of that chain changed too: it is only found if the headless chain is still walked.
    await forge(db(), sql`update audit_log set ip = '10.6.6.6' where chain_id = ${chain!.chain_id} and seq = 1`);
    const result = await verify();
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'head_mismatch', chainId: chain!.chain_id, seq: Number(chain!.seq) }));
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'entry_altered', chainId: chain!.chain_id, seq: 1 }));
    expect(result.problems.find((p) => p.kind === 'head_mismatch')!.message).toContain('没有链头');
  });

  it('names an entry moved into a chain of its own', async () => {
    const entry = await entryOf('user.created');
    await forge(db(), sql`update audit_log set chain_id = 'forged' where id = ${entry.id}`);
    const result = await verify();
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'entries_missing', chainId: entry.chain_id, seq: entry.seq + 1 }));
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'head_mismatch', chainId: 'forged' }));
  });

  it('names every row inserted without an entry, not only the first hundred of a table', async () => {
    await forge(db(), sql`insert into calendar_days (date, kind, name, source) select d::date, 'holiday', '伪造', 'admin' from generate_series('2301-01-01'::date, '2301-05-30'::date, interval '1 day') d`);
    const unaudited = (await verify()).problems.filter((p) => p.kind === 'record_unaudited' && p.entityType === 'calendar_day');
    expect(unaudited).toHaveLength(150);
    expect(unaudited.map((p) => p.entityId)).toContain('2301-05-30');
  });

  it('keeps verifying past an entry whose type or id no record key can hold, and names it', async () => {
    const entry = await entryOf('user.created');
    const other = await entryOf('org.created');
    // A uuid where the key is a date, and a word where it is a uuid: loading those ids fails in SQL.
    await forge(db(), sql`update audit_log set entity_type = 'calendar_day' where id = ${entry.id}`);
    await forge(db(), sql`update audit_log set entity_id = 'not-a-uuid' where id = ${other.id}`);
    // A change made elsewhere must still be found: the verifier did not stop.
    await forge(db(), sql`update enterprises set name = name || '改' where id = (select min(id::text)::uuid from enterprises)`);
    const result = await verify();
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'entry_altered', chainId: entry.chain_id, seq: entry.seq }));
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'record_deleted', entityType: 'calendar_day', entityId: entry.entity_id }));
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'entry_altered', chainId: other.chain_id, seq: other.seq }));
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'record_deleted', entityType: 'org', entityId: 'not-a-uuid' }));
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'record_altered', entityType: 'enterprise' }));
  });
});

describe('shijian verify-audit (the command)', () => {
  it('names an altered entry and an altered record, prints every problem however long the list, and exits 1', { timeout: 120_000 }, async () => {
    // 2,000 rows with no entry: some 150 KB of problems, more than a pipe holds at once.
    const forgery = `update audit_log set ip = '10.6.6.6' where id = (select min(id) from audit_log where action = 'user.created');
                     update users set display_name = '冒名顶替' where username = 'scqi.signatory';
                     insert into calendar_days (date, kind, name, source)
                     select d::date, 'holiday', '伪造', 'admin' from generate_series('2400-01-01'::date, '2400-01-01'::date + 1999, interval '1 day') d`;
    const env: NodeJS.ProcessEnv = { ...process.env };
    let cleanup = async () => {};
    if (inject('backend') === 'pglite') {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-verify-many-'));
      const instance = await PGlite.create({ dataDir, loadDataDir: new Blob([fs.readFileSync(inject('template'))]) });
      await instance.exec(forgery);
      await instance.close();
      Object.assign(env, { SHIJIAN_DATA_DIR: dataDir, DATABASE_URL: '' });
      cleanup = async () => fs.rmSync(dataDir, { recursive: true, force: true });
    } else {
      const fresh = await openTestDatabase();
      await fresh.db.execute(sql.raw(forgery));
      env.DATABASE_URL = fresh.url!;
      cleanup = () => fresh.close();
    }
    try {
      const run = await promisify(execFile)(process.execPath, [path.join(projectRoot, 'server/bin/shijian.mjs'), 'verify-audit'], { env, cwd: projectRoot, maxBuffer: 1 << 26 }).then(
        () => ({ code: 0, stderr: '' }),
        (err: { code: number; stderr: string }) => ({ code: err.code, stderr: err.stderr }),
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/\[entry_altered\] 链 system 第 \d+ 条（user\.created user/);
      expect(run.stderr).toMatch(/\[record_altered\] user .*被绕过系统直接修改/);
      expect(run.stderr).toContain('发现 2002 处问题');
      expect(run.stderr.split('\n').filter((l) => l.startsWith('  [record_unaudited] calendar_day 24'))).toHaveLength(2000);
    } finally {
      await cleanup();
    }
  });
});
