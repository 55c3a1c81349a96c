import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../config.js';
import { rawRows } from '../../db/client.js';
import { syntheticUscc } from '../../demo/uscc.js';
import { auditedEntities } from '../../modules/index.js';
import { createHarness, openTestDatabase, type Harness } from '../../../test/harness.js';
import { verifyAudit } from './verify.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const run = (query: ReturnType<typeof sql>) => h.services.deps.db.execute(query);
const verify = () => verifyAudit(h.services.deps.db, auditedEntities);

async function createEnterprise(serial: number, username = 'sc.admin') {
  const actor = await h.actor(username);
  return h.services.enterprises.create(actor, {
    uscc: syntheticUscc('510107', 70_000_000 + serial),
    name: `审计测试企业${serial}`,
    regionCode: '510107',
    address: '成都市武侯区',
    legalRepresentative: '测试',
    size: 'small',
    categories: ['mask'],
  });
}

describe('the audit chain', () => {
  it('verifies the freshly seeded demo world', async () => {
    const result = await verify();
    expect(result.problems).toEqual([]);
    expect(result.entries).toBeGreaterThan(500);
  });

  it('stays linear under concurrent writes to one chain', async () => {
    const created = await Promise.all(Array.from({ length: 16 }, (_, i) => createEnterprise(100 + i)));
    expect(created).toHaveLength(16);
    const chainId = (await h.actor('sc.admin')).orgId!;
    const seqs = await rawRows<{ seq: number }>(h.services.deps.db, sql`select seq::int as seq from audit_log where chain_id = ${chainId} order by seq`);
    expect(seqs.map((r) => Number(r.seq))).toEqual(seqs.map((_, i) => i + 1));
    expect((await verify()).ok).toBe(true);
  });

  it('finds an audit entry edited in SQL and names it', async () => {
    const e = await createEnterprise(1);
    const [entry] = await rawRows<{ id: number; chain_id: string; seq: number }>(
      h.services.deps.db,
      sql`select id, chain_id, seq::int as seq from audit_log where entity_id = ${e.id}`,
    );
    await run(sql`update audit_log set action = 'enterprise.updated' where id = ${entry!.id}`);
    const result = await verify();
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'entry_altered', chainId: entry!.chain_id, seq: Number(entry!.seq), entityId: e.id }));
    await run(sql`update audit_log set action = 'enterprise.created' where id = ${entry!.id}`);
    expect((await verify()).ok).toBe(true);
  });

  it('finds an audited record changed behind the application', async () => {
    const e = await createEnterprise(2);
    await run(sql`update enterprises set name = '被篡改的名称' where id = ${e.id}`);
    const result = await verify();
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'record_altered', entityType: 'enterprise', entityId: e.id })]);
    expect(result.problems[0]!.message).toContain('被绕过系统直接修改');
    await run(sql`update enterprises set name = ${e.name} where id = ${e.id}`);
    expect((await verify()).ok).toBe(true);
  });

  it('finds a product kind added to an enterprise in SQL (child rows are part of the image)', async () => {
    const e = await createEnterprise(3);
    await run(sql`insert into enterprise_categories (enterprise_id, category_code) values (${e.id}, 'ventilator')`);
    expect((await verify()).problems).toEqual([expect.objectContaining({ kind: 'record_altered', entityId: e.id })]);
    await run(sql`delete from enterprise_categories where enterprise_id = ${e.id} and category_code = 'ventilator'`);
  });

  it('finds a record deleted and a record inserted in SQL', async () => {
    const e = await createEnterprise(4);
    await run(sql`delete from enterprise_categories where enterprise_id = ${e.id}`);
    await run(sql`delete from enterprises where id = ${e.id}`);
    await run(sql`insert into enterprises (uscc, name, region_code, address, legal_representative, size, created_at, updated_at)
                  values (${syntheticUscc('510107', 70_000_999)}, '幽灵企业', '510107', 'x', 'x', 'small', now(), now())`);
    const kinds = (await verify()).problems.map((p) => p.kind).sort();
    expect(kinds).toEqual(['record_deleted', 'record_unaudited']);
  });

  it('finds deleted audit entries: at the end of a chain and in the middle', async () => {
    const actor = await h.actor('fj.admin');
    for (let i = 1; i <= 4; i++) {
      await h.services.enterprises.create(actor, {
        uscc: syntheticUscc('350102', 71_000_000 + i), name: `链测试${i}`, regionCode: '350102', address: 'x', legalRepresentative: 'x', size: 'small', categories: [],
      });
    }
    const chain = actor.orgId!;
    const db = h.services.deps.db;
    const [{ max }] = (await rawRows<{ max: number }>(db, sql`select max(seq)::int as max from audit_log where chain_id = ${chain}`)) as [{ max: number }];
    expect(max).toBeGreaterThanOrEqual(4);

    await run(sql`delete from audit_log where chain_id = ${chain} and seq = ${max}`);
    expect((await verify()).problems).toContainEqual(expect.objectContaining({ kind: 'head_mismatch', chainId: chain }));

    // Even with the head rewritten to hide the truncation, a gap in the middle shows.
    await run(sql`update audit_chains set seq = ${max - 1}, head_hash = (select hash from audit_log where chain_id = ${chain} and seq = ${max - 1}) where chain_id = ${chain}`);
    await run(sql`delete from audit_log where chain_id = ${chain} and seq = ${max - 2}`);
    const result = await verify();
    expect(result.problems).toContainEqual(expect.objectContaining({ kind: 'entries_missing', chainId: chain, seq: max - 1 }));
    expect(result.problems).not.toContainEqual(expect.objectContaining({ kind: 'head_mismatch' }));
  });
});

describe('shijian verify-audit (the command)', () => {
  it('exits 0 on an intact database and non-zero naming the first broken entry after a change in SQL', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    let dataDir: string | undefined;
    let tamper: (statement: string) => Promise<void>;
    let cleanup = async () => {};
    if (inject('backend') === 'pglite') {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'shijian-verify-'));
      const instance = await PGlite.create({ dataDir, loadDataDir: new Blob([fs.readFileSync(inject('template'))]) });
      await instance.close();
      env.SHIJIAN_DATA_DIR = dataDir;
      delete env.DATABASE_URL;
      tamper = async (statement) => {
        const pg = await PGlite.create({ dataDir: dataDir! });
        await pg.exec(statement);
        await pg.close();
      };
    } else {
      // A fresh copy: the tests above leave their tampering behind in this file's database.
      const fresh = await openTestDatabase();
      cleanup = () => fresh.close();
      env.DATABASE_URL = fresh.url!;
      tamper = async (statement) => void (await fresh.db.execute(sql.raw(statement)));
    }
    const cli = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'server/src/cli.ts'), 'verify-audit'], { env, cwd: projectRoot }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (err: { code: number; stdout: string; stderr: string }) => ({ code: err.code, out: err.stdout + err.stderr }),
      );
    try {
      const clean = await cli();
      expect(clean.out).toContain('校验通过');
      expect(clean.code).toBe(0);
      await tamper(`update audit_log set ip = '10.6.6.6' where id = (select min(id) from audit_log where action = 'user.created')`);
      await tamper(`update users set display_name = '冒名顶替' where username = 'scqi.signatory'`);
      const broken = await cli();
      expect(broken.code, broken.out).toBe(1);
      expect(broken.out).toMatch(/\[entry_altered\] 链 system 第 \d+ 条（user\.created user/);
      expect(broken.out).toMatch(/\[record_altered\] user .*被绕过系统直接修改/);
    } finally {
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      await cleanup();
    }
  });
});
