import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecallView } from '@shijian/contracts';
import { createHarness, type Harness } from '../../../test/harness.js';
import { rawRows } from '../../db/client.js';

/**
 * Defect recall against the demo world: the producer reports, the bureau assesses, the producer
 * files its plan, the notice goes on the portal, progress grows to completion; who sees what.
 */
let h: Harness;
const uscc = { kangning: '', minkang: '' };

beforeAll(async () => {
  h = await createHarness();
  const rows = await rawRows<{ name: string; uscc: string }>(h.services.deps.db, sql`select name, uscc from enterprises where name in ('成都康宁医疗用品有限公司', '福建闽康卫材有限公司')`);
  uscc.kangning = rows.find((r) => r.name.startsWith('成都康宁'))!.uscc;
  uscc.minkang = rows.find((r) => r.name.startsWith('福建闽康'))!.uscc;
});
afterAll(() => h.close());

const report = (over: Record<string, unknown> = {}) => ({
  source: 'enterprise_report',
  enterpriseUscc: uscc.kangning,
  productName: '一次性使用医用口罩（儿童型）',
  productCategory: 'mask',
  batches: '20261101–20261115',
  defect: '耳带焊接点强度不足，佩戴中易脱落，儿童可能误吞。',
  injuries: 0,
  ...over,
});

describe('from report to completed recall', () => {
  it('takes the producer’s report, the bureau’s assessment, the plan, the notice and progress to the total', async () => {
    const kangning = await h.as('kangning');
    const wh = await h.as('wh.officer');
    const r = (await kangning.post('/api/recalls', report())).json() as RecallView;
    expect(r).toMatchObject({ status: 'reported', regionCode: '510107', enterpriseName: '成都康宁医疗用品有限公司' });
    expect(r.recallNo).toMatch(/^ZH\d{4}-\d{5}$/);

    // The plan waits for the assessment; the producer cannot assess.
    const plan = { scope: '2026年11月1日至15日生产的儿童口罩', measures: ['replace', 'refund'], quantityTotal: 12000, startsOn: '2026-12-01', endsOn: '2027-02-28' };
    expect((await kangning.post(`/api/recalls/${r.id}/plan`, plan)).json().error.code).toBe('NOT_ASSESSED');
    expect((await kangning.post(`/api/recalls/${r.id}/assess`, { riskLevel: 'high', recallRequired: true, conclusion: 'x' })).statusCode).toBe(403);
    const assessed = (await wh.post(`/api/recalls/${r.id}/assess`, { riskLevel: 'high', recallRequired: true, conclusion: '存在儿童误吞风险，应当召回' })).json() as RecallView;
    expect(assessed).toMatchObject({ status: 'assessed', riskLevel: 'high' });

    const badPlan = await kangning.post(`/api/recalls/${r.id}/plan`, { ...plan, measures: [], quantityTotal: 0, endsOn: '2026-11-01' });
    expect((badPlan.json().error.details.fields as { field: string }[]).map((f) => f.field)).toEqual(expect.arrayContaining(['measures', 'quantityTotal', 'endsOn']));
    expect((await kangning.post(`/api/recalls/${r.id}/plan`, plan)).json()).toMatchObject({ status: 'planned', quantityTotal: 12000, measures: ['replace', 'refund'] });

    // Not on the portal until published.
    const onPortal = async () => ((await h.anonymous().get('/api/public/recalls?pageSize=100')).json().items as { recallNo: string }[]).map((x) => x.recallNo);
    expect(await onPortal()).not.toContain(r.recallNo);
    expect((await wh.post(`/api/recalls/${r.id}/publish`, {})).json().publishedAt).not.toBeNull();
    expect(await onPortal()).toContain(r.recallNo);
    const page = await h.anonymous().get(`/public/recalls?q=${encodeURIComponent('儿童型')}`);
    expect(page.body).toContain('一次性使用医用口罩（儿童型）');
    expect(page.body).toContain('0 / 12000');

    // Progress only grows, never past the total; reaching it completes the recall.
    const today = h.services.deps.calendar.today();
    expect((await kangning.post(`/api/recalls/${r.id}/progress`, { reportedOn: today, quantityRecalled: 5000, note: '第一周' })).json()).toMatchObject({ status: 'in_progress', quantityRecalled: 5000 });
    expect((await kangning.post(`/api/recalls/${r.id}/progress`, { reportedOn: today, quantityRecalled: 4000 })).json().error.details.fields[0].field).toBe('quantityRecalled');
    expect((await kangning.post(`/api/recalls/${r.id}/progress`, { reportedOn: today, quantityRecalled: 12001 })).json().error.message).toContain('12000');
    const done = (await kangning.post(`/api/recalls/${r.id}/progress`, { reportedOn: today, quantityRecalled: 12000, note: '全部召回' })).json() as RecallView;
    expect(done).toMatchObject({ status: 'completed', quantityRecalled: 12000 });
    expect(done.progress.map((p) => p.quantityRecalled)).toEqual([5000, 12000]);
  });

  it('ends with the assessment when no recall is needed', async () => {
    const wh = await h.as('wh.officer');
    const r = (await wh.post('/api/recalls', report({ source: 'injury_report', injuries: 1, defect: '佩戴后面部皮肤过敏' }))).json() as RecallView;
    const a = (await wh.post(`/api/recalls/${r.id}/assess`, { riskLevel: 'low', recallRequired: false, conclusion: '个体过敏，非产品缺陷' })).json() as RecallView;
    expect(a.status).toBe('no_recall');
    expect((await (await h.as('kangning')).post(`/api/recalls/${r.id}/plan`, { scope: 'x', measures: ['refund'], quantityTotal: 1, startsOn: '2026-12-01', endsOn: '2026-12-02' })).json().error.code).toBe('NOT_ASSESSED');
  });

  it('lists recalls by where the report came from', async () => {
    const wh = await h.as('wh.officer');
    const injury = (await wh.post('/api/recalls', report({ source: 'injury_report', injuries: 2, defect: '耳带断裂致划伤' }))).json() as RecallView;
    const listed = (await wh.get('/api/recalls?source=injury_report&pageSize=100')).json().items as RecallView[];
    expect(listed.map((x) => x.id)).toContain(injury.id);
    expect(listed.every((x) => x.source === 'injury_report')).toBe(true);
    expect(((await wh.get('/api/recalls?source=enterprise_report&pageSize=100')).json().items as RecallView[]).map((x) => x.id)).not.toContain(injury.id);
    const bad = await wh.get('/api/recalls?source=rumour');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0]).toMatchObject({ field: 'source', message: '来源应为企业报告、伤害报告或监管调查' });
  });
});

describe('who sees which recall', () => {
  it('shows a recall to the producer and the bureaus over its region; nobody else, and nothing to another producer', async () => {
    const r = (await (await h.as('kangning')).post('/api/recalls', report({ productName: '范围测试口罩' }))).json() as RecallView;
    for (const user of ['kangning', 'wh.officer', 'cd.officer', 'sc.admin', 'samr.admin']) expect((await (await h.as(user)).get(`/api/recalls/${r.id}`)).statusCode, user).toBe(200);
    for (const user of ['minkang', 'jj.officer', 'fj.admin']) {
      expect((await (await h.as(user)).get(`/api/recalls/${r.id}`)).statusCode, user).toBe(404);
      expect(((await (await h.as(user)).get('/api/recalls?pageSize=100')).json().items as RecallView[]).map((x) => x.id), user).not.toContain(r.id);
    }
    expect((await (await h.as('scqi.admin')).get('/api/recalls')).statusCode).toBe(403);
    // A producer reports only its own products; a county only producers in its county.
    expect((await (await h.as('kangning')).post('/api/recalls', report({ enterpriseUscc: uscc.minkang }))).json().error.details.fields[0].field).toBe('enterpriseUscc');
    expect((await (await h.as('jj.officer')).post('/api/recalls', report({ source: 'investigation' }))).json().error.details.fields[0].field).toBe('enterpriseUscc');
  });

  it('leaves the audit chain intact', async () => {
    expect((await h.services.auditLog.verify(h.system)).problems).toEqual([]);
  });
});
