import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRows } from '../../db/client.js';
import { createHarness, forge, type Harness } from '../../../test/harness.js';

/**
 * Each check of the integrity panel, shown to catch the fault it is for: the
 * faulty record is made directly in SQL by a forger who switches the database
 * guards off, the check flags it, and the record is put back.
 */
let h: Harness;
let reportId: string;
let sampleId: string;
const run = (q: ReturnType<typeof sql>) => forge(h.services.deps.db, q);
const check = async (name: string) => {
  const res = (await (await h.as('sc.admin')).get(`/api/lab/reports/${reportId}/integrity`)).json();
  return res.checks.find((c: { check: string }) => c.check === name) as { ok: boolean; findings: string[] };
};

beforeAll(async () => {
  h = await createHarness();
  const sample = (await (await h.as('scqi.reviewer')).get('/api/lab/samples?queue=mine')).json().items[0];
  sampleId = sample.id;
  await (await h.as('scqi.reviewer')).post(`/api/lab/samples/${sampleId}/review`);
  await (await h.as('scqi.signatory')).post(`/api/lab/samples/${sampleId}/approve`);
  reportId = (await (await h.as('scqi.signatory')).post(`/api/lab/samples/${sampleId}/issue`)).json().id;
});
afterAll(() => h.close());

async function latestResult() {
  const [row] = await rawRows<{ id: string; sample_test_id: string; version: number; instrument_id: string; tested_on: string }>(
    h.services.deps.db,
    sql`select r.id, r.sample_test_id, r.version, r.instrument_id, r.tested_on::text as tested_on from test_results r join sample_tests t on t.id = r.sample_test_id
        where t.sample_id = ${sampleId} order by r.entered_at desc limit 1`,
  );
  return row!;
}

describe('the report integrity panel', () => {
  it('passes every check on a report issued through the workflow', async () => {
    const res = (await (await h.as('sc.admin')).get(`/api/lab/reports/${reportId}/integrity`)).json();
    expect(res.checks.filter((c: { ok: boolean }) => !c.ok)).toEqual([]);
    expect(res.checks).toHaveLength(6);
    expect(res.ok).toBe(true);
  });

  it('flags a conclusion with a test that has no result', async () => {
    await run(sql`insert into sample_tests (sample_id, test_item_id, parameter, standard, unit, limit_kind, limit_min)
                  select sample_id, test_item_id, '通气阻力', standard, 'Pa', 'max', null from sample_tests where sample_id = ${sampleId} limit 1`);
    expect(await check('results_behind_conclusion')).toMatchObject({ ok: false, findings: [expect.stringContaining('通气阻力 没有检测结果')] });
    await run(sql`delete from sample_tests where sample_id = ${sampleId} and parameter = '通气阻力'`);
    expect((await check('results_behind_conclusion')).ok).toBe(true);
  });

  it('flags a result entered after the report was signed', async () => {
    const r = await latestResult();
    await run(sql`insert into test_results (sample_test_id, version, value, unit, judgement, instrument_id, tested_on, entered_by, entered_at, reason)
                  select sample_test_id, version + 1, '99.9', unit, 'pass', instrument_id, tested_on, entered_by, now() + interval '1 hour', '事后修改'
                  from test_results where id = ${r.id}`);
    expect(await check('results_after_signing')).toMatchObject({ ok: false, findings: [expect.stringContaining('录入于签发之后')] });
    await run(sql`delete from test_results where sample_test_id = ${r.sample_test_id} and version = ${Number(r.version) + 1}`);
    expect((await check('results_after_signing')).ok).toBe(true);
  });

  it('flags a signatory without authority for the domain', async () => {
    await run(sql`update signatory_authorizations set domain = '食品' where domain = '医疗器械防护用品'`);
    expect(await check('signatory_authorized')).toMatchObject({ ok: false, findings: expect.arrayContaining([expect.stringContaining('未获“医疗器械防护用品”领域授权')]) });
    await run(sql`update signatory_authorizations set domain = '医疗器械防护用品' where domain = '食品'`);
    expect((await check('signatory_authorized')).ok).toBe(true);
  });

  it('flags an instrument that was not verified on the test date', async () => {
    const r = await latestResult();
    await run(sql`update test_results set instrument_id = (select id from instruments where name = '恒温恒湿箱') where id = ${r.id}`);
    expect(await check('instruments_verified')).toMatchObject({ ok: false, findings: [expect.stringContaining('恒温恒湿箱')] });
    await run(sql`update test_results set instrument_id = ${r.instrument_id} where id = ${r.id}`);
    expect((await check('instruments_verified')).ok).toBe(true);
  });

  it('flags fewer test items than the standard requires', async () => {
    await run(sql`insert into test_items (institution_id, parameter, standard, unit, limit_kind, limit_max, required, categories, active, created_at)
                  select institution_id, '通气阻力', 'YY 0469-2011', 'Pa/cm²', 'max', 49, true, '{mask}', true, now() from samples where id = ${sampleId}`);
    expect(await check('required_items_tested')).toMatchObject({ ok: false, findings: ['YY 0469-2011 要求的项目未检测：通气阻力'] });
    await run(sql`delete from test_items where parameter = '通气阻力'`);
    expect((await check('required_items_tested')).ok).toBe(true);
  });

  it('flags a test dated before the sample was received', async () => {
    const r = await latestResult();
    await run(sql`update test_results set tested_on = tested_on - 3 where id = ${r.id}`);
    expect(await check('tested_after_receipt')).toMatchObject({ ok: false, findings: [expect.stringContaining('早于收样日期')] });
    await run(sql`update test_results set tested_on = ${r.tested_on}::date where id = ${r.id}`);
    expect((await check('tested_after_receipt')).ok).toBe(true);
  });

  it('is not available outside the sample scope', async () => {
    expect((await (await h.as('fj.admin')).get(`/api/lab/reports/${reportId}/integrity`)).statusCode).toBe(404);
  });
});
