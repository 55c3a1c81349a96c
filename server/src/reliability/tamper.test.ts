import { randomInt } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { auditedEntities } from '../modules/index.js';
import { verifyAudit } from '../platform/audit/verify.js';
import { openTestDatabase } from '../../test/harness.js';
import { TAMPER_KINDS, attribute, createTamperer, type Tamper } from './tamper.js';

/**
 * Issue 8, tamper: random direct-SQL modifications of the demo world, each found by
 * `verify-audit` and named by the record, entry or chain it touched. A fresh seed each
 * run, printed: TAMPER_SEED=… draws the same way again (over the same demo world; a newly
 * seeded one has new ids). TAMPER_N=… for more; `bench/tamper.ts` runs N = 1,000.
 */
const N = Number(process.env.TAMPER_N ?? 3 * TAMPER_KINDS.length);
const SEED = Number(process.env.TAMPER_SEED ?? randomInt(1, 2 ** 31));

let database: Database | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

/** A readable account of what was missed or reported without a cause, for the failure message. */
function account(tampers: Tamper[], result: Awaited<ReturnType<typeof verifyAudit>>) {
  const { missed, unexplained } = attribute(tampers, result.problems);
  return [
    `seed ${SEED}`,
    ...missed.map((t) => `MISSED ${t.kind}: ${t.what} (expected ${t.expect.map((x) => `${x.kinds.join('|')} ${x.key}`).join(', ')})`),
    ...unexplained.map((p) => `UNEXPLAINED [${p.kind}] ${p.message}`),
  ].join('\n');
}

describe('tampering in SQL, found by verify-audit', () => {
  it(`finds and names each of ${N} random modifications of records, files, entries and chain heads`, async () => {
    console.log(`[tamper] seed ${SEED}, N = ${N} (TAMPER_SEED=${SEED} draws the same way again)`);
    database = await openTestDatabase();
    expect((await verifyAudit(database.db, auditedEntities)).problems).toEqual([]);

    const tamperer = await createTamperer(database.db, auditedEntities, SEED);
    const tampers = await tamperer.random(N);
    expect(tampers, `seed ${SEED}: the demo world ran out of things to tamper with`).toHaveLength(N);
    // The deck deals every kind before any twice.
    if (N >= TAMPER_KINDS.length) expect(new Set(tampers.map((t) => t.kind))).toEqual(new Set(TAMPER_KINDS));

    const result = await verifyAudit(database.db, auditedEntities);
    const { found, missed, unexplained } = attribute(tampers, result.problems);
    expect(missed, account(tampers, result)).toEqual([]);
    expect(unexplained, account(tampers, result)).toEqual([]);
    // Each tampering claimed its own record, entry or chain: N distinct things found.
    expect(new Set(found.flatMap((t) => t.claims)).size).toBeGreaterThanOrEqual(N);
    expect(found).toHaveLength(N);
    expect(result.ok).toBe(false);
  });

  it('finds a changed, a deleted and an inserted record of every audited type in the demo world', async () => {
    database = await openTestDatabase();
    const db = database.db;
    const tamperer = await createTamperer(db, auditedEntities, SEED);
    const present = new Set(tamperer.recordTypes());
    const tampers: Tamper[] = [];
    const covered = { 'record.update': new Set<string>(), 'record.insert': new Set<string>(), 'record.delete': new Set<string>() };
    for (const kind of ['record.update', 'record.insert', 'record.delete'] as const) {
      for (const type of present) {
        const tamper = await tamperer.apply(kind, { type });
        if (!tamper) continue;
        tampers.push(tamper);
        covered[kind].add(type);
      }
    }
    // Every type with a record is changed and copied (the region table is one record: changed once);
    // deleted too where a record is left to delete.
    expect([...present].filter((t) => !covered['record.update'].has(t))).toEqual([]);
    expect([...present].filter((t) => t !== 'region_table' && !covered['record.insert'].has(t))).toEqual([]);
    expect(covered['record.delete'].size).toBeGreaterThan(present.size / 2);
    expect(present.size).toBeGreaterThan(45);

    const result = await verifyAudit(db, auditedEntities);
    const { found, missed, unexplained } = attribute(tampers, result.problems);
    expect(missed, account(tampers, result)).toEqual([]);
    expect(unexplained, account(tampers, result)).toEqual([]);
    expect(found).toHaveLength(tampers.length);
  });
});
