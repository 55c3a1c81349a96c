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

describe('recalls and complaints in the archive', () => {
  type Recall = { id: string; enterpriseId: string; productName: string; status: string; quantityRecalled: number };
  type Complaint = { id: string; subject: string; targetEnterpriseId: string | null; complainantName: string | null; complainantPhone: string | null };
  const ids = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id);

  it('lists the demo’s recall and the complaints about 成都康宁, and leaves out those about others', async () => {
    const a = (await (await h.as('wh.officer')).get(`/api/enterprises/${kangning.id}/archive`)).json() as { recalls: Recall[]; complaints: Complaint[] };
    // The children's masks: recalled, on the portal, 6350 of 12000 back.
    expect(a.recalls).toContainEqual(expect.objectContaining({ productName: '一次性使用医用口罩（儿童型）', status: 'in_progress', quantityRecalled: 6350 }));
    expect(a.recalls.every((r) => r.enterpriseId === kangning.id)).toBe(true);
    const subjects = a.complaints.map((c) => c.subject);
    expect(subjects).toEqual(expect.arrayContaining(['医用口罩包装无执行标准，佩戴有异味', '防护服接缝开裂', '举报使用不合格熔喷布生产口罩']));
    // The pharmacy in the same county and the shop in 福州 are about other parties.
    expect(subjects).not.toContain('额温枪读数偏低');
    expect(subjects).not.toContain('口罩标注KN95但无检测报告');
    expect(a.complaints.every((c) => c.targetEnterpriseId === kangning.id)).toBe(true);
  });

  it('shows a recall and a complaint filed by its bureau to the bureaus over 成都康宁, and to nobody else', async () => {
    const wh = await h.as('wh.officer');
    const recall = (
      await wh.post('/api/recalls', {
        source: 'investigation',
        enterpriseUscc: kangning.uscc,
        productName: '档案测试防护服',
        defect: '抽查发现接缝强度不足',
      })
    ).json() as Recall;
    const complaint = (
      await wh.post('/api/complaints', {
        kind: 'report',
        channel: 'phone',
        complainantName: '档案测试举报人',
        complainantPhone: '13912345678',
        targetName: '成都康宁医疗用品有限公司',
        targetUscc: kangning.uscc,
        subject: '档案测试举报',
        content: '举报该公司夜间生产未登记批次的口罩。',
      })
    ).json() as Complaint;
    expect(recall.id).toEqual(expect.any(String));
    expect(complaint.id).toEqual(expect.any(String));
    for (const user of ['wh.officer', 'sc.admin']) {
      const a = (await (await h.as(user)).get(`/api/enterprises/${kangning.id}/archive`)).json() as { recalls: Recall[]; complaints: Complaint[] };
      expect(ids(a.recalls), user).toContain(recall.id);
      expect(ids(a.complaints), user).toContain(complaint.id);
    }
    for (const user of ['jj.officer', 'fj.admin']) expect((await (await h.as(user)).get(`/api/enterprises/${kangning.id}/archive`)).statusCode, user).toBe(404);
  });

  it('shows the complainant’s name and phone to the handling bureau only, as the complaints list does', async () => {
    const handling = (await (await h.as('wh.officer')).get(`/api/enterprises/${kangning.id}/archive`)).json() as { complaints: Complaint[] };
    expect(handling.complaints).toContainEqual(expect.objectContaining({ subject: '防护服接缝开裂', complainantName: '王女士', complainantPhone: '13700000003' }));
    const province = await (await h.as('sc.admin')).get(`/api/enterprises/${kangning.id}/archive`);
    const complaints = (province.json() as { complaints: Complaint[] }).complaints;
    expect(complaints.length).toBeGreaterThan(0);
    expect(complaints.every((c) => c.complainantName === null && c.complainantPhone === null)).toBe(true);
    for (const contact of ['13800000001', '13700000003', '02800000000', '王女士', '刘女士']) expect(province.body).not.toContain(contact);
  });

  it('reads a Fujian producer’s archive with its own recall and none of 成都康宁’s', async () => {
    const fj = await h.as('fj.admin');
    const [minkang] = (await fj.get(`/api/enterprises?q=${encodeURIComponent('福建闽康')}`)).json().items as { id: string }[];
    const a = (await fj.get(`/api/enterprises/${minkang!.id}/archive`)).json() as { recalls: Recall[]; complaints: Complaint[] };
    expect(a.recalls).toEqual([expect.objectContaining({ productName: '医用外科口罩', status: 'reported', enterpriseId: minkang!.id })]);
    expect(a.complaints).toEqual([]);
  });
});

describe('the enterpriseId filter of the recall and complaint lists', () => {
  it('narrows GET /api/recalls to one producer, within the caller’s scope', async () => {
    const samr = await h.as('samr.admin');
    const all = (await samr.get('/api/recalls?pageSize=100')).json().items as { enterpriseId: string }[];
    expect(all.some((r) => r.enterpriseId !== kangning.id)).toBe(true);
    const only = (await samr.get(`/api/recalls?pageSize=100&enterpriseId=${kangning.id}`)).json().items as { enterpriseId: string }[];
    expect(only.length).toBeGreaterThan(0);
    expect(only.every((r) => r.enterpriseId === kangning.id)).toBe(true);
    // The filter narrows, never widens: a sibling county still sees none of 康宁's.
    expect((await (await h.as('jj.officer')).get(`/api/recalls?enterpriseId=${kangning.id}`)).json()).toMatchObject({ items: [], total: 0 });
    expect((await samr.get('/api/recalls?enterpriseId=not-a-uuid')).statusCode).toBe(400);
  });

  it('narrows GET /api/complaints to those about one registered enterprise, within the caller’s scope', async () => {
    const samr = await h.as('samr.admin');
    const all = (await samr.get('/api/complaints?pageSize=100')).json().items as { targetEnterpriseId: string | null }[];
    expect(all.some((c) => c.targetEnterpriseId !== kangning.id)).toBe(true);
    const only = (await samr.get(`/api/complaints?pageSize=100&enterpriseId=${kangning.id}`)).json().items as { targetEnterpriseId: string | null }[];
    expect(only.length).toBeGreaterThanOrEqual(3);
    expect(only.every((c) => c.targetEnterpriseId === kangning.id)).toBe(true);
    expect((await (await h.as('jj.officer')).get(`/api/complaints?enterpriseId=${kangning.id}`)).json()).toMatchObject({ items: [], total: 0 });
    expect((await samr.get('/api/complaints?enterpriseId=not-a-uuid')).statusCode).toBe(400);
  });
});
