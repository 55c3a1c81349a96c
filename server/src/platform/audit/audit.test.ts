import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../db/client.js';
import { syntheticUscc } from '../../demo/uscc.js';
import { auditedEntities } from '../../modules/index.js';
import { createHarness, type Harness } from '../../../test/harness.js';
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
