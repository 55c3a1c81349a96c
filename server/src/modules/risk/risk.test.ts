import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RiskScoreView, WarningView } from '@shijian/contracts';
import { createHarness, type Harness } from '../../../test/harness.js';
import { rawRows } from '../../db/client.js';

/**
 * Risk monitoring against the demo world: scores from the records, a new signal in the next
 * score, warnings raised past a threshold and moved through 发现 → 研判 → 预警 → 处置, opinion
 * items imported, the model as data, and who sees what.
 */
let h: Harness;
const ids = { kangning: '', kangningUscc: '', minkang: '' };

beforeAll(async () => {
  h = await createHarness();
  const rows = await rawRows<{ id: string; name: string; uscc: string }>(h.services.deps.db, sql`select id, name, uscc from enterprises where name in ('成都康宁医疗用品有限公司', '福建闽康卫材有限公司')`);
  const k = rows.find((r) => r.name.startsWith('成都康宁'))!;
  ids.kangning = k.id;
  ids.kangningUscc = k.uscc;
  ids.minkang = rows.find((r) => r.name.startsWith('福建闽康'))!.id;
});
afterAll(() => h.close());

const enterpriseScore = async (user: string, id: string) => ((await (await h.as(user)).get('/api/risk/scores?dimension=enterprise&limit=200')).json() as RiskScoreView[]).find((s) => s.key === id);

describe('scores from the records', () => {
  it('scores 康宁 from its nonconforming batch, complaints, cases and recall, with the signals behind it', async () => {
    const s = await enterpriseScore('sc.admin', ids.kangning);
    expect(s).toBeDefined();
    expect(s!.label).toBe('成都康宁医疗用品有限公司');
    expect(s!.score).toBeGreaterThan(0);
    expect(Object.keys(s!.byKind)).toEqual(expect.arrayContaining(['complaint', 'recall']));
    const signals = (await (await h.as('sc.admin')).get(`/api/risk/signals?enterpriseId=${ids.kangning}&pageSize=100`)).json();
    expect(signals.total).toBe(s!.signals);
    const sum = (signals.items as { decayed: number }[]).reduce((a, x) => a + x.decayed, 0);
    expect(Math.abs(sum - s!.score)).toBeLessThan(0.05 * signals.total + 0.01);
  });

  it('takes a new complaint into the next score, and ranks categories and the regions one level down', async () => {
    const before = (await enterpriseScore('wh.officer', ids.kangning))!.score;
    await h.anonymous().post('/api/public/complaints', {
      kind: 'report',
      complainantName: '赵先生',
      complainantPhone: '13500000005',
      targetName: '成都康宁医疗用品有限公司',
      targetUscc: ids.kangningUscc,
      productCategory: 'mask',
      subject: '举报口罩以次充好',
      content: '举报该公司将非医用口罩按医用口罩出售。',
    });
    const after = (await enterpriseScore('wh.officer', ids.kangning))!.score;
    // A report weighs 4 in the default model and counts in full today.
    expect(after - before).toBeCloseTo(4, 1);
    const categories = (await (await h.as('sc.admin')).get('/api/risk/scores?dimension=category')).json() as RiskScoreView[];
    expect(categories.find((c) => c.key === 'mask')?.label).toBe('口罩');
    const cities = (await (await h.as('sc.admin')).get('/api/risk/scores?dimension=region')).json() as RiskScoreView[];
    expect(cities.every((c) => /^51\d{2}00$/.test(c.key))).toBe(true);
    const provinces = (await (await h.as('samr.admin')).get('/api/risk/scores?dimension=region')).json() as RiskScoreView[];
    expect(provinces.every((c) => /^\d{2}0000$/.test(c.key))).toBe(true);
  });

  it('keeps each bureau to its area: 福建 never sees 康宁, 锦江 neither', async () => {
    expect(await enterpriseScore('fj.admin', ids.kangning)).toBeUndefined();
    expect(await enterpriseScore('jj.officer', ids.kangning)).toBeUndefined();
    const signals = (await (await h.as('fj.admin')).get(`/api/risk/signals?enterpriseId=${ids.kangning}`)).json();
    expect(signals.total).toBe(0);
    for (const user of ['kangning', 'scqi.admin']) expect((await (await h.as(user)).get('/api/risk/scores')).statusCode, user).toBe(403);
  });
});

describe('kept scores', () => {
  const keptParts = async () => ({
    parts: await rawRows<{ e: string | null; c: string | null; r: string; k: string; v: number; n: number }>(
      h.services.deps.db,
      sql`select enterprise_id::text as e, category as c, region_code as r, kind as k, round(value::numeric, 6)::float8 as v, signals as n from risk_score_parts order by 1, 2, 3, 4`,
    ),
    totals: await rawRows<{ e: string; r: string; v: number; n: number }>(
      h.services.deps.db,
      sql`select enterprise_id::text as e, region_code as r, round(value::numeric, 6)::float8 as v, signals as n from risk_enterprise_scores order by 1`,
    ),
  });

  it('patches exactly what a full rescoring would compute, after an insert and updates that matter', async () => {
    const wh = await h.as('wh.officer');
    // A report without a known enterprise (a region's part), then its target corrected to 康宁 (two subjects change).
    const filed = await h.anonymous().post('/api/public/complaints', {
      kind: 'report',
      complainantName: '钱女士',
      complainantPhone: '13500000006',
      targetName: '武侯区某药店',
      targetRegionCode: '510107',
      productCategory: 'mask',
      subject: '举报药店销售无证口罩',
      content: '该药店销售的口罩无生产许可证编号。',
    });
    expect(filed.statusCode, filed.body).toBe(200);
    await wh.get('/api/risk/scores');
    await h.services.deps.db.execute(sql`update complaints set target_enterprise_id = ${ids.kangning} where subject = '举报药店销售无证口罩'`);
    // A change a score does not read leaves nothing to patch.
    await h.services.deps.db.execute(sql`update sampling_records set product_name = product_name where enterprise_id = ${ids.kangning}`);
    const pending = (await wh.get('/api/risk/freshness')).json();
    expect(pending.pending).toBe(2);
    await wh.get('/api/risk/scores');
    expect((await wh.get('/api/risk/freshness')).json().pending).toBe(0);
    const patched = await keptParts();
    await h.services.risk.rescore();
    expect(await keptParts()).toEqual(patched);
    const fresh = (await wh.get('/api/risk/freshness')).json();
    expect(fresh.scoredOn).toBe(h.services.deps.calendar.today());
    expect(fresh.lastFullMs).toBeGreaterThanOrEqual(0);
    // Put the row back as the application wrote it (the audit chain would rightly call it altered), and patch again.
    await h.services.deps.db.execute(sql`update complaints set target_enterprise_id = null where subject = '举报药店销售无证口罩'`);
    expect((await wh.get('/api/risk/freshness')).json().pending).toBe(2);
    await wh.get('/api/risk/scores');
    const restored = await keptParts();
    await h.services.risk.rescore();
    expect(await keptParts()).toEqual(restored);
    expect(restored).not.toEqual(patched);
  });

  it('counts signals per week in the reader\'s area, every week present, and a bureau elsewhere counts none of them', async () => {
    const weeks = (await (await h.as('sc.admin')).get('/api/risk/trend?weeks=8')).json() as { weekStart: string; counts: Record<string, number>; total: number; weight: number }[];
    expect(weeks).toHaveLength(8);
    expect(new Date(`${weeks[0]!.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
    const last = weeks.at(-1)!;
    expect(last.counts.report).toBeGreaterThanOrEqual(2);
    expect(last.weight).toBeGreaterThanOrEqual(8);
    const fujian = (await (await h.as('fj.admin')).get('/api/risk/trend?weeks=8')).json() as { total: number }[];
    const kangningWeeks = (await (await h.as('fj.admin')).get(`/api/risk/trend?weeks=8&enterpriseId=${ids.kangning}`)).json() as { total: number }[];
    expect(kangningWeeks.every((w) => w.total === 0)).toBe(true);
    expect(fujian.reduce((a, w) => a + w.total, 0)).toBeLessThan(weeks.reduce((a, w) => a + w.total, 0));
    expect((await (await h.as('sc.admin')).get('/api/risk/trend?weeks=2')).statusCode).toBe(400);
  });
});

describe('warnings', () => {
  it('raises a warning past a threshold, which moves through 研判, 预警 and 处置 with notes', async () => {
    const wh = await h.as('wh.officer');
    // Lower the thresholds so that 康宁's score is red.
    const model = (await (await h.as('samr.admin')).get('/api/risk/model')).json();
    const set = await (await h.as('samr.admin')).put('/api/risk/model', { weights: model.weights, halfLifeDays: model.halfLifeDays, windowDays: model.windowDays, thresholds: { blue: 1, yellow: 2, orange: 3, red: 4 } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await (await h.as('sc.admin')).put('/api/risk/model', { ...model, thresholds: { blue: 1, yellow: 2, orange: 3, red: 4 } })).statusCode).toBe(403);
    const bad = await (await h.as('samr.admin')).put('/api/risk/model', { ...model, thresholds: { blue: 4, yellow: 3, orange: 2, red: 1 } });
    expect(bad.json().error.details.fields[0].field).toBe('thresholds');

    const list = (await wh.get('/api/risk/warnings?pageSize=100')).json().items as WarningView[];
    const w = list.find((x) => x.key === ids.kangning)!;
    expect(w).toMatchObject({ level: 'red', status: 'detected', label: '成都康宁医疗用品有限公司' });
    // Listing again raises nothing new.
    expect(((await wh.get('/api/risk/warnings?pageSize=100')).json().items as WarningView[]).filter((x) => x.key === ids.kangning)).toHaveLength(1);

    let cur = w;
    for (const note of ['研判：口罩类投诉举报集中，召回进行中', '预警：通报辖区药店暂停销售相关批次', '处置：约谈企业，督促召回']) {
      cur = (await wh.post(`/api/risk/warnings/${w.id}/advance`, { note })).json() as WarningView;
    }
    expect(cur.status).toBe('handled');
    // A step taken from a status someone else has moved on from is refused, not taken twice.
    expect((await wh.post(`/api/risk/warnings/${w.id}/advance`, { note: '迟到的研判', from: 'detected' })).json().error.code).toBe('STATE_CHANGED');
    // Handled at red: the same red score is not raised again as a new warning.
    expect(((await wh.get('/api/risk/warnings?pageSize=100')).json().items as WarningView[]).filter((x) => x.key === ids.kangning)).toHaveLength(1);
    expect(w.steps[0]!.note).toContain('红色阈值');
    expect(cur.steps.map((s) => s.status)).toEqual(['detected', 'assessed', 'warned', 'handled']);
    expect(cur.ownerName).toBe('武侯区局执法人员 郑凯');
    expect((await wh.post(`/api/risk/warnings/${w.id}/advance`, { note: '再处置' })).json().error.code).toBe('WARNING_HANDLED');
    // Other areas do not see it.
    expect((await (await h.as('fj.admin')).get(`/api/risk/warnings/${w.id}`)).statusCode).toBe(404);
  });

  it('feeds the double-random draw: red enterprises become high-risk in the inspection directory', async () => {
    expect((await (await h.as('wh.officer')).post('/api/risk/tiers', {})).statusCode).toBe(403);
    const applied = (await (await h.as('sc.admin')).post('/api/risk/tiers', {})).json();
    expect(applied.updated).toBeGreaterThan(0);
    const directory = (await (await h.as('sc.admin')).get(`/api/inspections/directory?q=${encodeURIComponent('成都康宁')}`)).json();
    const kangning = directory.items.find((i: { id: string }) => i.id === ids.kangning);
    expect(kangning.tier).toBe('high');
  });
});

describe('public-opinion items', () => {
  it('imports items as signals, matched to enterprises by credit code, refusing items outside the area', async () => {
    const wh = await h.as('wh.officer');
    const before = (await enterpriseScore('wh.officer', ids.kangning))!.signals;
    const res = await wh.post('/api/risk/opinions', {
      items: [
        { date: h.services.deps.calendar.today(), source: '微博', text: '网友反映康宁儿童口罩耳带易断', enterpriseUscc: ids.kangningUscc, category: 'mask' },
        { date: h.services.deps.calendar.today(), source: '本地论坛', text: '武侯区某药店口罩价格上涨', regionCode: '510107' },
      ],
    });
    expect(res.json()).toEqual({ inserted: 2, matchedEnterprises: 1 });
    expect((await enterpriseScore('wh.officer', ids.kangning))!.signals).toBe(before + 1);
    const outside = await wh.post('/api/risk/opinions', { items: [{ date: '2026-11-01', source: '微博', text: '福州某店', regionCode: '350102' }] });
    expect(outside.statusCode).toBe(400);
    const unknownCategory = await wh.post('/api/risk/opinions', { items: [{ date: '2026-11-01', source: '微博', text: '某店', regionCode: '510107', category: 'no_such_kind' }] });
    expect(unknownCategory.json().error.details.fields[0].field).toBe('items.0.category');
    const impossibleDay = await wh.post('/api/risk/opinions', { items: [{ date: '2026-02-30', source: '微博', text: '某店', regionCode: '510107' }] });
    expect(impossibleDay.statusCode).toBe(400);
    expect(JSON.stringify(impossibleDay.json())).toContain('日期不存在');
    expect((await (await h.as('kangning')).post('/api/risk/opinions', { items: [{ date: '2026-11-01', source: 'x', text: 'y' }] })).statusCode).toBe(403);
  });

  it('leaves the audit chain intact', async () => {
    expect((await h.services.auditLog.verify(h.system)).problems).toEqual([]);
  });
});
