import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPIDEMIC_CAMPAIGN, TESTING_CAMPAIGN } from '../../demo/campaigns.js';
import { createHarness, type Harness } from '../../../test/harness.js';

/**
 * Scope of campaigns, screenings and the problem ledger: a county officer never
 * sees another county's records, the province sees its whole subtree, another
 * province nothing. Out of scope answers 404 by id and is absent from lists.
 */
let h: Harness;
const ids = {
  epidemic: '',
  testing: '',
  jjCampaign: '',
  fjCampaign: '',
  whScreening: '',
  jjScreening: '',
  jjProblem: '',
  whProblem: '',
  jinjiangBureau: '',
  jinchengEnterprise: '',
  kangningEnterprise: '',
};

const listIds = async (username: string, url: string) => {
  const res = await (await h.as(username)).get(url);
  expect(res.statusCode).toBe(200);
  return res.json().items.map((i: { id: string }) => i.id) as string[];
};

beforeAll(async () => {
  h = await createHarness();
  const campaigns = (await (await h.as('samr.admin')).get('/api/campaigns?pageSize=100')).json().items as { id: string; name: string }[];
  ids.epidemic = campaigns.find((c) => c.name === EPIDEMIC_CAMPAIGN)!.id;
  ids.testing = campaigns.find((c) => c.name === TESTING_CAMPAIGN)!.id;
  const orgs = (await (await h.as('samr.admin')).get('/api/orgs')).json().items as { id: string; name: string }[];
  ids.jinjiangBureau = orgs.find((o) => o.name === '成都市锦江区市场监督管理局')!.id;
  const enterprises = (await (await h.as('sc.admin')).get('/api/enterprises?pageSize=100')).json().items as { id: string; name: string }[];
  ids.jinchengEnterprise = enterprises.find((e) => e.name === '成都锦城建材有限公司')!.id;
  ids.kangningEnterprise = enterprises.find((e) => e.name === '成都康宁医疗用品有限公司')!.id;

  // A campaign led by the 锦江 county bureau, and one by the Fujian province.
  const jjCampaign = await (await h.as('sc.admin')).post('/api/campaigns', {
    name: '锦江区建材质量专项整治',
    leadOrgId: ids.jinjiangBureau,
    startsOn: '2025-01-01',
    endsOn: '2025-12-31',
    categories: ['building_material'],
  });
  expect(jjCampaign.statusCode).toBe(200);
  ids.jjCampaign = jjCampaign.json().id;
  const fjCampaign = await (await h.as('fj.admin')).post('/api/campaigns', {
    name: '福建省口罩质量专项整治',
    startsOn: '2025-03-01',
    endsOn: '2025-06-30',
    categories: ['mask'],
  });
  expect(fjCampaign.statusCode).toBe(200);
  ids.fjCampaign = fjCampaign.json().id;

  // Each county officer screens an enterprise of its own county.
  const jj = await (await h.as('jj.officer')).post('/api/screenings', {
    campaignId: ids.jjCampaign,
    enterpriseId: ids.jinchengEnterprise,
    category: 'building_material',
    screenedOn: '2025-06-10',
    officers: ['冯蕾', '周敏'],
    result: 'nonconforming',
    problems: '砂石原料进货查验记录缺失',
    rectificationDeadline: '2025-07-10',
  });
  expect(jj.statusCode).toBe(200);
  ids.jjScreening = jj.json().id;
  const wh = await (await h.as('wh.officer')).post('/api/screenings', {
    enterpriseId: ids.kangningEnterprise,
    category: 'mask',
    screenedOn: '2025-06-11',
    officers: ['郑凯'],
    result: 'conforming',
  });
  expect(wh.statusCode).toBe(200);
  ids.whScreening = wh.json().id;

  const jjProblem = await (await h.as('jj.officer')).post('/api/problems', {
    campaignId: ids.jjCampaign,
    problem: '辖区建材企业进货查验制度普遍不落实',
    responsibleUnit: '成都市锦江区市场监督管理局',
    deadline: '2025-09-30',
  });
  expect(jjProblem.statusCode).toBe(200);
  ids.jjProblem = jjProblem.json().id;
  const whProblem = await (await h.as('wh.officer')).post('/api/problems', {
    campaignId: ids.epidemic,
    problem: '口罩企业出厂检验能力不足',
    responsibleUnit: '成都康宁医疗用品有限公司',
    deadline: '2025-09-30',
    enterpriseId: ids.kangningEnterprise,
  });
  expect(whProblem.statusCode).toBe(200);
  ids.whProblem = whProblem.json().id;
});
afterAll(() => h.close());

describe('campaigns', () => {
  it.each(['samr.stat', 'sc.leader', 'cd.officer', 'wh.officer', 'jj.officer', 'fj.admin', 'fz.officer', 'yt.officer'])(
    'shows the national campaigns to every regulator (%s)',
    async (username) => {
      expect(await listIds(username, '/api/campaigns?pageSize=100')).toEqual(expect.arrayContaining([ids.epidemic, ids.testing]));
      expect((await (await h.as(username)).get(`/api/campaigns/${ids.epidemic}`)).statusCode).toBe(200);
    },
  );

  it.each(['jj.officer', 'cd.officer', 'sc.admin', 'samr.stat'])('shows the 锦江 county campaign to its county and the bureaus above (%s)', async (username) => {
    expect(await listIds(username, '/api/campaigns?pageSize=100')).toContain(ids.jjCampaign);
    expect((await (await h.as(username)).get(`/api/campaigns/${ids.jjCampaign}`)).json().name).toBe('锦江区建材质量专项整治');
  });

  it.each(['wh.officer', 'fj.admin', 'fz.officer', 'yt.officer'])('hides the 锦江 county campaign from %s: 404 by id, absent from the list', async (username) => {
    const res = await (await h.as(username)).get(`/api/campaigns/${ids.jjCampaign}`);
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('锦江区建材质量专项整治');
    expect(await listIds(username, '/api/campaigns?pageSize=100')).not.toContain(ids.jjCampaign);
  });

  it('shows a provincial campaign inside that province and to the nation only', async () => {
    for (const username of ['fj.admin', 'fz.officer', 'samr.stat']) expect(await listIds(username, '/api/campaigns?pageSize=100')).toContain(ids.fjCampaign);
    for (const username of ['sc.admin', 'wh.officer', 'yt.officer']) {
      expect(await listIds(username, '/api/campaigns?pageSize=100')).not.toContain(ids.fjCampaign);
      expect((await (await h.as(username)).get(`/api/campaigns/${ids.fjCampaign}`)).statusCode).toBe(404);
    }
  });

  it.each(['admin', 'scqi.admin', 'kangning'])('is regulators’ work: %s is refused', async (username) => {
    expect((await (await h.as(username)).get('/api/campaigns')).statusCode).toBe(403);
    expect((await (await h.as(username)).get('/api/screenings')).statusCode).toBe(403);
    expect((await (await h.as(username)).get('/api/problems')).statusCode).toBe(403);
  });
});

describe('campaign counts', () => {
  it('counts only the screenings in the caller’s subtree', async () => {
    const wh = (await (await h.as('wh.officer')).get(`/api/campaigns/${ids.epidemic}`)).json();
    const sc = (await (await h.as('sc.admin')).get(`/api/campaigns/${ids.epidemic}`)).json();
    const fj = (await (await h.as('fj.admin')).get(`/api/campaigns/${ids.epidemic}`)).json();
    const samr = (await (await h.as('samr.stat')).get(`/api/campaigns/${ids.epidemic}`)).json();
    // Demo: 康宁 (武侯) twice; Sichuan 7 in all; Fujian 4.
    expect(wh.counts).toMatchObject({ screenings: 2, nonconforming: 1, pendingRectification: 0 });
    expect(sc.counts).toMatchObject({ screenings: 7, nonconforming: 3 });
    expect(fj.counts).toMatchObject({ screenings: 4, nonconforming: 2 });
    expect(samr.counts.screenings).toBe(11);
    const row = (v: { byCategory: { category: string }[] }, category: string) => v.byCategory.find((r) => r.category === category);
    expect(row(wh, 'protective_suit')).toEqual({ category: 'protective_suit', enterprises: 1, nonconformingEnterprises: 1, rectifiedEnterprises: 1 });
    expect(row(wh, 'meltblown')).toEqual({ category: 'meltblown', enterprises: 0, nonconformingEnterprises: 0, rectifiedEnterprises: 0 });
    expect(row(sc, 'mask')).toEqual({ category: 'mask', enterprises: 2, nonconformingEnterprises: 1, rectifiedEnterprises: 1 });
    expect(wh.byCategory.map((r: { category: string }) => r.category)).toEqual([
      'mask',
      'ventilator',
      'protective_suit',
      'ir_thermometer',
      'covid_test_kit',
      'meltblown',
      'nonwoven',
      'ir_sensor',
    ]);
  });
});

describe('screenings', () => {
  it('keeps 锦江’s screening from the 武侯 officer: 404 by id, absent from every list', async () => {
    const c = await h.as('wh.officer');
    const one = await c.get(`/api/screenings/${ids.jjScreening}`);
    expect(one.statusCode).toBe(404);
    expect(one.body).not.toContain('成都锦城建材有限公司');
    const all = await c.get('/api/screenings?pageSize=100');
    expect(all.json().items.map((i: { id: string }) => i.id)).not.toContain(ids.jjScreening);
    expect(all.body).not.toContain('成都锦城建材有限公司');
    expect(all.json().items.every((i: { regionCode: string }) => i.regionCode === '510107')).toBe(true);
    expect(await listIds('wh.officer', `/api/screenings?enterpriseId=${ids.jinchengEnterprise}`)).toEqual([]);
  });

  it('keeps 武侯’s screening from the 锦江 officer', async () => {
    expect((await (await h.as('jj.officer')).get(`/api/screenings/${ids.whScreening}`)).statusCode).toBe(404);
    expect(await listIds('jj.officer', '/api/screenings?pageSize=100')).not.toContain(ids.whScreening);
  });

  it.each(['sc.admin', 'cd.officer', 'samr.officer'])('shows both county screenings to %s above them', async (username) => {
    const found = await listIds(username, '/api/screenings?pageSize=100');
    expect(found).toEqual(expect.arrayContaining([ids.jjScreening, ids.whScreening]));
    expect((await (await h.as(username)).get(`/api/screenings/${ids.jjScreening}`)).json()).toMatchObject({ enterpriseName: '成都锦城建材有限公司', regionCode: '510104' });
  });

  it.each(['fj.admin', 'fz.officer'])('shows neither to %s in another province', async (username) => {
    const found = await listIds(username, '/api/screenings?pageSize=100');
    expect(found).not.toContain(ids.jjScreening);
    expect(found).not.toContain(ids.whScreening);
    for (const id of [ids.jjScreening, ids.whScreening]) expect((await (await h.as(username)).get(`/api/screenings/${id}`)).statusCode).toBe(404);
  });

  it('treats writes to an out-of-scope screening as to a missing one', async () => {
    const res = await (await h.as('wh.officer')).post(`/api/screenings/${ids.jjScreening}/rectification`, { rectifiedOn: '2025-07-01', note: '已整改' });
    expect(res.statusCode).toBe(404);
  });

  it('refuses to record a screening of an enterprise outside the officer’s county, by id or by code', async () => {
    const c = await h.as('wh.officer');
    const body = { category: 'building_material', screenedOn: '2025-06-12', officers: ['郑凯'], result: 'conforming' };
    const byId = await c.post('/api/screenings', { ...body, enterpriseId: ids.jinchengEnterprise });
    expect(byId.statusCode).toBe(400);
    expect(byId.json().error).toMatchObject({ message: '企业不存在或不在您的管辖范围内', details: { fields: [{ field: 'enterpriseId' }] } });
    const uscc = (await (await h.as('jj.officer')).get(`/api/enterprises/${ids.jinchengEnterprise}`)).json().uscc;
    const byCode = await c.post('/api/screenings', { ...body, uscc });
    expect(byCode.json().error.message).toBe(`统一社会信用代码 ${uscc} 未在您的管辖范围内登记`);
  });

  it('refuses a screening under a campaign the officer cannot see', async () => {
    const res = await (await h.as('wh.officer')).post('/api/screenings', {
      campaignId: ids.jjCampaign,
      enterpriseId: ids.kangningEnterprise,
      category: 'building_material',
      screenedOn: '2025-06-12',
      officers: ['郑凯'],
      result: 'conforming',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('专项整治行动不存在或不在您的管辖范围内');
  });
});

describe('officer names', () => {
  it('suggests only names from the caller’s own bureau', async () => {
    const wh = (await (await h.as('wh.officer')).get('/api/screenings/officers')).json();
    const jj = (await (await h.as('jj.officer')).get('/api/screenings/officers')).json();
    expect(wh).toEqual(expect.arrayContaining(['郑凯', '刘洋']));
    expect(wh).not.toContain('冯蕾');
    expect(jj).toEqual(expect.arrayContaining(['冯蕾', '周敏']));
    expect(jj).not.toContain('郑凯');
  });
});

describe('problems', () => {
  it('keeps the 锦江 problem from the 武侯 officer and Fujian, and shows it to the province', async () => {
    expect((await (await h.as('wh.officer')).get(`/api/problems/${ids.jjProblem}`)).statusCode).toBe(404);
    expect(await listIds('wh.officer', '/api/problems?pageSize=100')).not.toContain(ids.jjProblem);
    expect(await listIds('wh.officer', '/api/problems?pageSize=100')).toContain(ids.whProblem);
    expect(await listIds('jj.officer', '/api/problems?pageSize=100')).not.toContain(ids.whProblem);
    for (const username of ['sc.admin', 'cd.officer', 'samr.stat']) {
      expect(await listIds(username, '/api/problems?pageSize=100')).toEqual(expect.arrayContaining([ids.jjProblem, ids.whProblem]));
    }
    for (const username of ['fj.admin', 'fz.officer']) {
      const found = await listIds(username, '/api/problems?pageSize=100');
      expect(found).not.toContain(ids.jjProblem);
      expect(found).not.toContain(ids.whProblem);
      expect((await (await h.as(username)).get(`/api/problems/${ids.jjProblem}`)).statusCode).toBe(404);
    }
  });

  it('places a problem in its enterprise’s county, else in its bureau’s region', async () => {
    expect((await (await h.as('sc.admin')).get(`/api/problems/${ids.whProblem}`)).json()).toMatchObject({ regionCode: '510107', enterpriseName: '成都康宁医疗用品有限公司' });
    expect((await (await h.as('sc.admin')).get(`/api/problems/${ids.jjProblem}`)).json()).toMatchObject({ regionCode: '510104', orgName: '成都市锦江区市场监督管理局' });
  });

  it('treats status changes of an out-of-scope problem as of a missing one', async () => {
    const c = await h.as('wh.officer');
    expect((await c.post(`/api/problems/${ids.jjProblem}/status`, { status: 'in_progress' })).statusCode).toBe(404);
    expect((await c.patch(`/api/problems/${ids.jjProblem}`, { deadline: '2025-12-31' })).statusCode).toBe(404);
  });
});

describe('import template', () => {
  it('is served for a campaign in scope and 404 outside it', async () => {
    const ok = await (await h.as('jj.officer')).get(`/api/campaigns/${ids.jjCampaign}/screenings/import-template`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('spreadsheetml');
    expect(ok.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await (await h.as('fj.admin')).get(`/api/campaigns/${ids.jjCampaign}/screenings/import-template`)).statusCode).toBe(404);
    expect((await (await h.as('wh.officer')).get(`/api/campaigns/${ids.jjCampaign}/screenings/import-template`)).statusCode).toBe(404);
  });
});
