import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../../test/harness.js';
import { rawRows } from '../../db/client.js';
import { FixedClock } from '../../platform/clock.js';

/**
 * Who sees which statistics: a unit its own table, the level above its units'
 * tables and roll-ups, nobody outside the template's area; checks of testing
 * institutions by the institution's region; notices by org.
 */
let h: Harness;
const clock = new FixedClock(new Date());
const ids = { weekly: '', week: '', sichuan: '', fujian: '', innerMongolia: '', remindAt: '', dueAt: '' };

beforeAll(async () => {
  h = await createHarness({ clock });
  const db = h.services.deps.db;
  const [t] = await rawRows<{ id: string }>(db, sql`select id from report_templates where code = 'epidemic_weekly'`);
  ids.weekly = t!.id;
  const [s] = await rawRows<{ key: string }>(db, sql`select period_key as key from report_submissions where template_id = ${ids.weekly} and status = 'accepted' limit 1`);
  ids.week = s!.key;
  const orgs = await rawRows<{ id: string; region_code: string }>(db, sql`select id, region_code from orgs where level = 'province'`);
  ids.sichuan = orgs.find((o) => o.region_code === '510000')!.id;
  ids.fujian = orgs.find((o) => o.region_code === '350000')!.id;
  ids.innerMongolia = orgs.find((o) => o.region_code === '150000')!.id;
});
afterAll(() => h.close());

const base = () => `/api/reports/templates/${ids.weekly}/periods/${ids.week}`;

describe('report templates and tables', () => {
  it('answers 403 to institutions, enterprises and the platform operator', async () => {
    for (const user of ['scqi.admin', 'kangning', 'admin']) {
      expect((await (await h.as(user)).get('/api/reports/templates')).statusCode, user).toBe(403);
      expect((await (await h.as(user)).get(`${base()}/table`)).statusCode, user).toBe(403);
    }
  });

  it('hides a template of provincial units from a city and a county: absent from the list, 404 by id', async () => {
    for (const user of ['cd.officer', 'wh.officer']) {
      const c = await h.as(user);
      expect((await c.get('/api/reports/templates?pageSize=100')).json().items.map((t: { id: string }) => t.id), user).not.toContain(ids.weekly);
      expect((await c.get(`/api/reports/templates/${ids.weekly}`)).statusCode, user).toBe(404);
      expect((await c.get(`${base()}/table`)).statusCode, user).toBe(404);
      expect((await c.get(`/api/reports/templates/${ids.weekly}/periods`)).statusCode, user).toBe(404);
      expect((await c.get(`${base()}/cells/mask:screened/records`)).statusCode, user).toBe(404);
    }
  });

  it('shows a province its own table only: another province’s is absent in every view', async () => {
    const sc = await h.as('sc.stat');
    expect((await sc.get(`${base()}/table?unit=${ids.sichuan}`)).statusCode).toBe(200);
    expect((await sc.get(`${base()}/table?unit=${ids.fujian}`)).statusCode).toBe(404);
    expect((await sc.get(`${base()}/cells/mask:screened/records?unit=${ids.fujian}`)).statusCode).toBe(404);
    expect((await sc.get(`${base()}/export?format=json&unit=${ids.fujian}`)).statusCode).toBe(404);
    expect((await sc.get(`/api/reports/templates/${ids.weekly}/trend?cell=mask:screened&unit=${ids.fujian}`)).statusCode).toBe(404);
    // Completeness and the comparison of units belong to the level above.
    expect((await sc.get(`${base()}/completeness`)).statusCode).toBe(403);
    expect((await sc.get(`${base()}/compare?cell=mask:screened`)).statusCode).toBe(403);
    const records = (await (await h.as('fj.stat')).get(`${base()}/cells/total:screened/records?pageSize=100`)).json().items;
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r: { regionCode: string }) => r.regionCode.startsWith('35'))).toBe(true);
  });

  it('lets the national bureau see every unit, compare them and review their reports', async () => {
    const national = await h.as('samr.stat');
    expect((await national.get(`${base()}/table?unit=${ids.fujian}`)).json().unit.name).toBe('福建省市场监督管理局');
    const compare = (await national.get(`${base()}/compare?cell=total:screened`)).json().units;
    expect(compare).toHaveLength(31);
    expect(compare[0]).toMatchObject({ name: '四川省市场监督管理局', value: '9' });
    const trend = (await national.get(`/api/reports/templates/${ids.weekly}/trend?cell=total:screened&periods=3`)).json().points;
    expect(trend).toHaveLength(3);
    expect(trend.at(-1).key).toBe(ids.week);
  });

  it('lets a province review only units inside it: a province-made template for cities', async () => {
    const sc = await h.as('sc.admin');
    const created = await sc.post('/api/reports/templates', {
      code: 'sichuan_city_weekly',
      name: '四川省各市州口罩抽查周报',
      frequency: 'weekly',
      accumulation: 'period',
      unitLevel: 'city',
      definition: {
        title: '四川省各市州口罩抽查周报',
        rowDimension: 'category',
        rows: [{ key: 'mask', label: '口罩', value: 'mask' }],
        totalRow: null,
        groups: [{ key: 'g', label: '抽查', columns: [{ kind: 'metric', key: 'batches', label: '抽查批次', metric: 'sampling.batches' }] }],
      },
    });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id;
    const key = (await sc.get(`/api/reports/templates/${id}/periods`)).json()[0].key;
    // 成都 is a unit; 福州 is a city outside 四川; the nation sees it from above.
    expect((await (await h.as('cd.officer')).get(`/api/reports/templates/${id}/periods/${key}/table`)).json()).toMatchObject({ mode: 'unit', unit: { name: '成都市市场监督管理局' } });
    expect((await (await h.as('fz.officer')).get(`/api/reports/templates/${id}`)).statusCode).toBe(404);
    const units = (await sc.get(`/api/reports/templates/${id}/periods/${key}/completeness`)).json().units.map((u: { name: string }) => u.name);
    expect(units).toEqual(['成都市市场监督管理局', '绵阳市市场监督管理局']);
    expect((await (await h.as('samr.stat')).get(`/api/reports/templates/${id}/periods/${key}/completeness`)).json().expected).toBe(2);
  });
});

describe('reminders', () => {
  it('tells every unit that has not submitted, from 12:00 on the due day until the deadline, once', async () => {
    const view = (await (await h.as('samr.stat')).get(`/api/reports/templates/${ids.weekly}/periods`)).json().find((p: { key: string }) => p.key === ids.week);
    const reminders = async (username: string) =>
      (await h.services.notifications.list(await h.actor(username), { page: 1, pageSize: 50, order: 'desc' })).items.filter((n) => n.kind === 'report_due');
    const now = clock.now();
    try {
      clock.set(new Date(Date.parse(view.remindAt) - 60_000));
      expect(await reminders('stat.150000')).toHaveLength(0);
      clock.set(new Date(Date.parse(view.remindAt) + 30 * 60_000));
      const due = await reminders('stat.150000');
      expect(due.map((n) => n.title)).toContainEqual(expect.stringMatching(/^请于 \d{1,2}月\d{1,2}日 17:00 前报送《全国防疫物资产品质量和市场秩序专项整治行动情况表》$/));
      expect(due.map((n) => n.link)).toContain(`/reports/${ids.weekly}/periods/${ids.week}`);
      // 福建 has submitted (and been accepted): no reminder of this table.
      expect((await reminders('fj.stat')).map((n) => n.link)).not.toContain(`/reports/${ids.weekly}/periods/${ids.week}`);
      // Asking again sends nothing twice.
      expect(await reminders('stat.150000')).toHaveLength(due.length);
    } finally {
      clock.set(now);
    }
  });
});

describe('checks of testing institutions', () => {
  it('shows a check to the bureaus over the institution, and nobody else', async () => {
    const list = async (user: string) => (await (await h.as(user)).get('/api/institution-checks?pageSize=100')).json().items as { id: string; regionCode: string; domain: string }[];
    const sichuan = await list('sc.admin');
    expect(sichuan.map((c) => c.domain).sort()).toEqual(['building', 'medical_ppe']);
    expect((await list('sn.admin')).map((c) => c.domain)).toEqual(['hazmat_tank']);
    expect(await list('jj.officer')).toHaveLength(2);
    expect(await list('wh.officer')).toHaveLength(0);
    expect(await list('fj.admin')).toHaveLength(0);
    expect((await (await h.as('wh.officer')).get(`/api/institution-checks/${sichuan[0]!.id}`)).statusCode).toBe(404);
    expect((await (await h.as('kangning')).get('/api/institution-checks')).statusCode).toBe(403);
    const filtered = (await (await h.as('samr.admin')).get('/api/institution-checks?problems=true&pageSize=100')).json().items;
    expect(filtered.map((c: { domain: string }) => c.domain).sort()).toEqual(['hazmat_tank', 'medical_ppe']);
  });

  it('records a check of an institution in scope, with counts that add up, and opens one lead from it', async () => {
    const sc = await h.as('sc.admin');
    const institutions = (await (await h.as('samr.admin')).get('/api/institutions?pageSize=10')).json().items as { id: string; name: string }[];
    const scqi = institutions.find((i) => i.name === '四川省产品质量监督检验检测院')!;
    const snse = institutions.find((i) => i.name === '陕西省特种设备检验检测研究院')!;
    const check = { institutionId: scqi.id, domain: 'food', checkedOn: h.services.deps.calendar.today(), reportsChecked: 10, untrueReports: 1, fakeReports: 0, findings: '食品检验原始记录缺失' };
    const tooMany = await sc.post('/api/institution-checks', { ...check, untrueReports: 8, fakeReports: 5 });
    expect(tooMany.json().error.details.fields[0]).toMatchObject({ field: 'untrueReports', message: '不实和虚假报告数之和不能超过抽查报告数' });
    expect((await sc.post('/api/institution-checks', { ...check, institutionId: snse.id })).json().error.details.fields[0]).toMatchObject({ field: 'institutionId' });
    const recorded = await sc.post('/api/institution-checks', check);
    expect(recorded.statusCode, recorded.body).toBe(200);
    const lead = await sc.post(`/api/institution-checks/${recorded.json().id}/lead`, { summary: '食品检验报告原始记录缺失，无法复现' });
    expect(lead.json().caseNo).toMatch(/^AJ510104-/);
    const theCase = (await (await h.as('jj.officer')).get(`/api/cases/${lead.json().caseId}`)).json();
    expect(theCase).toMatchObject({ source: 'inspection', sourceRef: recorded.json().id, violationCategory: 'certification_testing', partyName: '四川省产品质量监督检验检测院' });
    expect((await sc.post(`/api/institution-checks/${recorded.json().id}/lead`, { summary: '再次' })).json().error.code).toBe('LEAD_EXISTS');
  });
});
