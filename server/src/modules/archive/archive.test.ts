import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';

let h: Harness;
let kangning: { id: string; uscc: string };
beforeAll(async () => {
  h = await createHarness();
  kangning = (await (await h.as('kangning')).get('/api/enterprises')).json().items[0];
});
afterAll(() => h.close());

describe('the enterprise archive', () => {
  it('gathers the enterprise’s cases, credit status, reports and instruments in one view for its bureaus', async () => {
    const officer = await h.as('wh.officer');
    const c = (await officer.post('/api/cases', { source: 'inspection', partyUscc: kangning.uscc, violationCategory: 'quality', summary: '档案测试案件' })).json();
    const archive = await officer.get(`/api/enterprises/${kangning.id}/archive`);
    expect(archive.statusCode).toBe(200);
    const a = archive.json();
    expect(a.enterprise).toMatchObject({ id: kangning.id, name: '成都康宁医疗用品有限公司' });
    expect(a.enterprise.categories.length).toBeGreaterThan(0);
    expect(a.cases.map((x: { id: string }) => x.id)).toContain(c.id);
    expect(a.instruments.every((i: { ownerName: string }) => i.ownerName === '成都康宁医疗用品有限公司')).toBe(true);
    expect(a.instruments.length).toBeGreaterThan(0);
    expect(['high', 'elevated', 'general', 'low']).toContain(a.riskTier);
    // The demo's chain for 成都康宁: screened in the 2020 campaign, a batch found nonconforming,
    // the lab's report on it, and the listing from the 2026 case.
    expect(a.screenings.length).toBeGreaterThan(0);
    expect(a.screenings.map((x: { campaignName: string | null }) => x.campaignName)).toContain('全国防疫物资产品质量和市场秩序专项整治行动');
    const failed = a.sampling.find((x: { conclusion: string | null }) => x.conclusion === 'nonconforming');
    expect(failed).toMatchObject({ enterpriseName: '成都康宁医疗用品有限公司', regionCode: '510107' });
    expect(a.reports.map((r: { id: string }) => r.id)).toContain(failed.reportId);
    expect(a.credit).toEqual([expect.objectContaining({ decisionNo: '武市监处罚〔2026〕17号', status: 'listed' })]);
    // The province sees the same enterprise's archive; a sibling county and another province do not.
    expect((await (await h.as('sc.admin')).get(`/api/enterprises/${kangning.id}/archive`)).json().cases.map((x: { id: string }) => x.id)).toContain(c.id);
    expect((await (await h.as('jj.officer')).get(`/api/enterprises/${kangning.id}/archive`)).statusCode).toBe(404);
    expect((await (await h.as('fj.admin')).get(`/api/enterprises/${kangning.id}/archive`)).statusCode).toBe(404);
    expect((await (await h.as('kangning')).get(`/api/enterprises/${kangning.id}/archive`)).statusCode).toBe(403);
  });
});
