import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportTableView } from '@shijian/contracts';
import { createHarness, type Client, type Harness } from '../../../test/harness.js';
import { rawRows } from '../../db/client.js';
import { percent, sumDecimals } from './decimal.js';

/**
 * The statistics of the demo world, computed from its records: every metric of the three
 * official forms checked against what the demo world holds (see server/src/demo), then
 * the workflow from draft to accepted report, the roll-up, exports and drill-down.
 */
let h: Harness;
const ids = { weekly: '', cleanup: '', metrology: '', week: '', sichuan: '', fujian: '', shaanxi: '' };

beforeAll(async () => {
  h = await createHarness();
  const templates = (await (await h.as('samr.stat')).get('/api/reports/templates?pageSize=50')).json().items as { id: string; code: string }[];
  ids.weekly = templates.find((t) => t.code === 'epidemic_weekly')!.id;
  ids.cleanup = templates.find((t) => t.code === 'testing_cleanup_2022')!.id;
  ids.metrology = templates.find((t) => t.code === 'metrology_service')!.id;
  // The week the demo world reported in (the current one when it was made).
  const [row] = await rawRows<{ key: string }>(h.services.deps.db, sql`select period_key as key from report_submissions where template_id = ${ids.weekly} and status = 'accepted' limit 1`);
  ids.week = row!.key;
  const orgsByRegion = await rawRows<{ id: string; region_code: string }>(h.services.deps.db, sql`select id, region_code from orgs where level = 'province'`);
  ids.sichuan = orgsByRegion.find((o) => o.region_code === '510000')!.id;
  ids.fujian = orgsByRegion.find((o) => o.region_code === '350000')!.id;
  ids.shaanxi = orgsByRegion.find((o) => o.region_code === '610000')!.id;
});
afterAll(() => h.close());

const table = async (c: Client, templateId: string, key: string, query = ''): Promise<ReportTableView> => {
  const res = await c.get(`/api/reports/templates/${templateId}/periods/${key}/table${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** A verification of 成都康宁's own instrument today, as its enterprise user records it. */
async function verifyKangningInstrument(kind: 'verification' | 'calibration') {
  const kangning = await h.actor('kangning');
  const instrument = (await h.services.instruments.list(kangning, { page: 1, pageSize: 1, sort: 'name', order: 'asc' })).items[0]!;
  const today = h.services.deps.calendar.today();
  await h.services.instruments.addVerification(kangning, instrument.id, {
    kind,
    performedOn: today,
    validUntil: `${Number(today.slice(0, 4)) + 1}${today.slice(4, 8)}01`,
    certificateNo: `${kind === 'verification' ? 'JD' : 'JZ'}-TEST-${Date.now()}`,
    performedBy: '四川省计量检测研究院',
    passed: true,
  });
}

const values = (t: ReportTableView, row: string) =>
  Object.fromEntries(
    Object.entries(t.cells)
      .filter(([k, v]) => k.startsWith(`${row}:`) && v.value !== null && v.value !== '0')
      .map(([k, v]) => [k.slice(row.length + 1), v.value]),
  );

describe('the weekly table of the epidemic-materials campaign, from the records of 四川', () => {
  it('counts screened enterprises once per kind, and the nonconforming and rectified among them', async () => {
    const t = await table(await h.as('sc.stat'), ids.weekly, ids.week);
    expect(t).toMatchObject({ mode: 'unit', unit: { name: '四川省市场监督管理局' }, editable: true, submission: null });
    // 成都康宁 (mask), 成都蜀安 (mask, nonconforming then rectified): the second screening of 康宁 is the same enterprise.
    expect(values(t, 'mask')).toMatchObject({ screened: '2', screen_failed: '1', rectified: '1' });
    // 绵阳科瑞 makes both sensors and thermometers: once in each row.
    expect(values(t, 'ir_sensor')).toMatchObject({ screened: '1' });
    expect(values(t, 'ir_thermometer')).toMatchObject({ screened: '1', screen_failed: '1', rectified: '1' });
    // 宜宾锦程: nonconforming, rectification still running.
    expect(values(t, 'nonwoven')).toEqual({ screened: '1', screen_failed: '1' });
    expect(values(t, 'total')).toMatchObject({ screened: '9', screen_failed: '3', rectified: '2' });
  });

  it('counts sampled enterprises and batches, and the rate over batches with a result', async () => {
    const t = await table(await h.as('sc.stat'), ids.weekly, ids.week);
    // The Chengdu plan: four batches of 成都康宁, two with results, one of them nonconforming.
    expect(t.cells['mask:sampled']!.value).toBe('1');
    expect(t.cells['mask:batches']!.value).toBe('4');
    expect(t.cells['mask:fail_rate']).toEqual({ value: '50.00', numerator: '1', denominator: '2' });
    expect(t.cells['ventilator:fail_rate']!.value).toBeNull();
    expect(t.cells['total:fail_rate']).toEqual({ value: '50.00', numerator: '1', denominator: '2' });
  });

  it('splits cases by violation category: filed, penalised, fines in 万元, to the police, units and staff, and adds them up', async () => {
    const t = await table(await h.as('sc.stat'), ids.weekly, ids.week);
    // Quality: two cases filed (one decided: 420,000 + 65,300 yuan), one lead sent to the police.
    expect(values(t, 'mask')).toMatchObject({ q_filed: '2', q_penalized: '1', q_fines: '48.53', q_police: '1', q_units: '6', q_staff: '18' });
    // Price: 50,000 + 12,860.50 yuan = 6.28605 万元, kept exact.
    expect(values(t, 'mask')).toMatchObject({ p_filed: '1', p_penalized: '1', p_fines: '6.28605', p_units: '6', p_staff: '14' });
    expect(values(t, 'mask')).toMatchObject({ t_filed: '3', t_penalized: '2', t_fines: '54.81605', t_police: '1', t_units: '12', t_staff: '32' });
    // Cases outside the campaign (the 2024 Fujian case) and leads not filed count nowhere.
    expect(t.cells['mask:c_filed']!.value).toBe('0');
  });

  it('shows a new record in the very next request', async () => {
    const stat = await h.as('sc.stat');
    const before = await table(stat, ids.weekly, ids.week);
    const campaign = before.template.campaignId!;
    const kangning = (await (await h.as('wh.officer')).get(`/api/enterprises?q=${encodeURIComponent('成都康宁')}`)).json().items[0];
    const lead = await (await h.as('wh.officer')).post('/api/cases', {
      source: 'inspection',
      partyUscc: kangning.uscc,
      campaignId: campaign,
      productCategory: 'ventilator',
      violationCategory: 'other',
      summary: '统计新鲜度测试',
    });
    expect(lead.statusCode).toBe(200);
    await (await h.as('wh.officer')).post(`/api/cases/${lead.json().id}/transition`, { to: 'filed', on: h.services.deps.calendar.today() });
    const after = await table(stat, ids.weekly, ids.week);
    expect(after.cells['ventilator:o_filed']!.value).toBe(String(Number(before.cells['ventilator:o_filed']!.value) + 1));
    expect(after.cells['total:t_filed']!.value).toBe(String(Number(before.cells['total:t_filed']!.value) + 1));
  });
});

describe('the 2022 inspection-testing clean-up summary, by domain', () => {
  it('counts institutions checked, reports spot-checked, untrue and fake ones, and the cases the checks led to', async () => {
    const sc = await table(await h.as('sc.stat'), ids.cleanup, 'once-2022-summary');
    expect(values(sc, 'medical_ppe')).toEqual({ institutions: '1', reports: '60', untrue: '2', fake: '1', filed: '1', penalized: '1', fines: '3.48', listed: '1' });
    expect(values(sc, 'building')).toEqual({ institutions: '1', reports: '35' });
    // One institution checked in two domains: once in each row, twice in 合计 (a check is per domain).
    expect(values(sc, 'total')).toMatchObject({ institutions: '2', reports: '95', fake: '1' });
    const sn = await table(await h.as('sn.stat'), ids.cleanup, 'once-2022-summary');
    expect(values(sn, 'hazmat_tank')).toEqual({ institutions: '1', reports: '24', fake: '2', police: '1' });
  });

  it('counts a late report as late, and an excused one as on time', async () => {
    const c = (await (await h.as('samr.stat')).get(`/api/reports/templates/${ids.cleanup}/periods/once-2022-summary/completeness`)).json();
    const unit = (id: string) => c.units.find((u: { orgId: string }) => u.orgId === id);
    expect(unit(ids.sichuan)).toMatchObject({ status: 'submitted', onTime: false, excused: false });
    expect(unit(ids.shaanxi)).toMatchObject({ status: 'submitted', onTime: false, excused: true });
    expect(c).toMatchObject({ expected: 31, submitted: 2, onTime: 1, late: 1, missing: 29, timelinessPercent: 50 });
  });
});

describe('the metrology figures: verification records and manual entries', () => {
  it('counts verification records in the week, those of enterprises apart, and takes a new one at once', async () => {
    const stat = await h.as('sc.stat');
    const t0 = await table(stat, ids.metrology, ids.week);
    await verifyKangningInstrument('verification');
    const t1 = await table(stat, ids.metrology, ids.week);
    expect(Number(t1.cells['all:all']!.value)).toBe(Number(t0.cells['all:all']!.value) + 1);
    expect(Number(t1.cells['all:enterprise']!.value)).toBe(Number(t0.cells['all:enterprise']!.value) + 1);
    // The manual figure the demo entered, with its note.
    expect(t1.cells['all:standards']).toEqual({ value: '6', note: '热工类、医疗类计量标准器具' });
  });
});

describe('from draft to accepted report', () => {
  it('takes a manual figure only with a note, and only in manual cells', async () => {
    const stat = await h.as('sc.stat');
    const url = `/api/reports/templates/${ids.metrology}/periods/${ids.week}/cells`;
    const noNote = await stat.put(`${url}/all:standards`, { value: '130' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details.fields[0]).toMatchObject({ field: 'note', message: '请填写填报说明' });
    const computed = await stat.put(`${url}/all:all`, { value: '1', note: 'x' });
    expect(computed.json().error.message).toContain('由记录自动计算');
    expect((await stat.put(`${url}/all:staff`, { value: '1', note: 'x' })).json().error.message).toContain('由记录自动计算');
    const bad = await stat.put(`${url}/all:standards`, { value: '-3', note: 'x' });
    expect(bad.statusCode).toBe(400);
    const ok = await stat.put(`${url}/all:standards`, { value: '7', note: '补录绵阳市计量所一台标准器' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().cells['all:standards']).toEqual({ value: '7', note: '补录绵阳市计量所一台标准器' });
  });

  it('is submitted on time with who filled it in, then frozen while the records move on', async () => {
    const stat = await h.as('sc.stat');
    const base = `/api/reports/templates/${ids.metrology}/periods/${ids.week}`;
    expect((await stat.post(`${base}/submit`, { filledBy: '周洁', phone: 'abc' })).statusCode).toBe(400);
    const submitted = await stat.post(`${base}/submit`, { filledBy: '周洁', phone: '028-86123456' });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const view: ReportTableView = submitted.json();
    expect(view).toMatchObject({ editable: false, submission: { status: 'submitted', filledBy: '周洁', phone: '028-86123456', onTime: true, submittedByName: '四川省局统计员 周洁' } });
    expect((await stat.post(`${base}/submit`, { filledBy: '周洁', phone: '028-86123456' })).statusCode).toBe(409);
    expect((await stat.put(`${base}/cells/all:standards`, { value: '1', note: 'x' })).json().error.code).toBe('REPORT_LOCKED');

    // A record added now changes the live view above, not what 四川 submitted.
    const frozen = view.cells['all:all']!.value;
    await verifyKangningInstrument('calibration');
    expect((await table(stat, ids.metrology, ids.week)).cells['all:all']!.value).toBe(frozen);
    const national = await h.as('samr.stat');
    const live = await table(national, ids.metrology, ids.week, '?mode=live');
    const rollup = await table(national, ids.metrology, ids.week);
    expect(Number(live.cells['all:all']!.value)).toBeGreaterThan(0);
    expect(rollup.mode).toBe('rollup');
  });

  it('shows the national statistician 四川 on time, and locks the report when accepted', async () => {
    const national = await h.as('samr.stat');
    const base = `/api/reports/templates/${ids.metrology}/periods/${ids.week}`;
    const c = (await national.get(`${base}/completeness`)).json();
    const sichuan = c.units.find((u: { orgId: string }) => u.orgId === ids.sichuan);
    expect(sichuan).toMatchObject({ status: 'submitted', onTime: true, excused: false });
    const accepted = await national.post(`/api/reports/submissions/${sichuan.submissionId}/accept`);
    expect(accepted.json()).toMatchObject({ status: 'accepted', reviewedByName: '总局统计员 钱敏' });
    expect((await national.post(`/api/reports/submissions/${sichuan.submissionId}/return`, { reason: '晚了' })).statusCode).toBe(409);
    // Too early to excuse anyone: the deadline has not passed.
    expect((await national.post(`${base}/units/${ids.sichuan}/exception`, { reason: '特殊情况' })).json().error.code).toBe('NOT_LATE');
    // The unit hears of it.
    const notices = (await (await h.as('sc.stat')).get('/api/notifications')).json().items;
    expect(notices[0]).toMatchObject({ kind: 'report_accepted', link: `/reports/${ids.metrology}/periods/${ids.week}` });
  });

  it('rolls submitted units up: figures added, the rate recomputed from the units’ parts', async () => {
    const national = await h.as('samr.stat');
    const rollup = await table(national, ids.weekly, ids.week);
    // 24 provinces, 福建 (accepted); 陕西 was returned and 四川 has not submitted.
    expect(rollup.included).toEqual({ counted: 25, expected: 31 });
    const fujian = await table(national, ids.weekly, ids.week, `?unit=${ids.fujian}`);
    expect(fujian.submission).toMatchObject({ status: 'accepted' });
    expect(rollup.cells['total:screened']!.value).toBe(fujian.cells['total:screened']!.value);

    // Live, the nation's rate is the nonconforming batches over the judged ones of every province, not an average of rates.
    const live = await table(national, ids.weekly, ids.week, '?mode=live');
    // Only three provinces have sampling records; each unit's table (live or submitted) carries its parts.
    const units = await Promise.all([ids.sichuan, ids.fujian, ids.shaanxi].map((u) => table(national, ids.weekly, ids.week, `?unit=${u}`)));
    const numerator = sumDecimals(units.map((u) => u.cells['total:fail_rate']!.numerator));
    const denominator = sumDecimals(units.map((u) => u.cells['total:fail_rate']!.denominator));
    expect(live.cells['total:fail_rate']).toEqual({ value: percent(numerator!, denominator!, 2), numerator, denominator });
  });

  it('returns a report with the reason, which reopens the live draft and tells the unit', async () => {
    const sn = await h.as('sn.stat');
    const t = await table(sn, ids.weekly, ids.week);
    expect(t).toMatchObject({ editable: true, submission: { status: 'returned', returnReason: '咸阳市熔喷布排查数与上周通报不一致，请核实后重新报送' } });
    const notice = (await sn.get('/api/notifications?unread=true')).json().items.find((n: { kind: string }) => n.kind === 'report_returned');
    expect(notice.body).toContain('咸阳市熔喷布排查数');
    expect((await sn.post(`/api/notifications/${notice.id}/read`)).statusCode).toBe(200);
    expect((await sn.get('/api/notifications?unread=true')).json().items.map((n: { id: string }) => n.id)).not.toContain(notice.id);
    expect((await (await h.as('sc.stat')).post(`/api/notifications/${notice.id}/read`)).statusCode).toBe(404);
    // Resubmitted, it is counted again.
    expect((await sn.post(`/api/reports/templates/${ids.weekly}/periods/${ids.week}/submit`, { filledBy: '白雪', phone: '029-86000000' })).statusCode).toBe(200);
    const c = (await (await h.as('samr.stat')).get(`/api/reports/templates/${ids.weekly}/periods/${ids.week}/completeness`)).json();
    expect(c.units.find((u: { orgId: string }) => u.orgId === ids.shaanxi)).toMatchObject({ status: 'submitted', onTime: true });
  });
});

describe('drill-down', () => {
  it('lists the records behind a cell, for the 合计 row all the table’s kinds, within the caller’s area', async () => {
    const sc = await h.as('sc.stat');
    const base = `/api/reports/templates/${ids.weekly}/periods/${ids.week}/cells`;
    const mask = (await sc.get(`${base}/mask:screened/records`)).json();
    expect(mask.metric).toEqual({ key: 'screening.enterprises', label: '排查企业数量' });
    expect(mask.items.map((r: { title: string }) => r.title).sort()).toEqual(['成都康宁医疗用品有限公司', '成都蜀安防护科技有限公司']);
    expect(mask.items.every((r: { regionCode: string; kind: string }) => r.regionCode.startsWith('51') && r.kind === 'screening')).toBe(true);
    const failed = (await sc.get(`${base}/mask:fail_rate/records`)).json();
    expect(failed.items).toHaveLength(1);
    expect(failed.items[0]).toMatchObject({ kind: 'sampling', link: expect.stringMatching(/^\/supervision\/sampling\/batches\//) });
    const total = (await sc.get(`${base}/total:screened/records?pageSize=100`)).json();
    expect(total.total).toBeGreaterThanOrEqual(9);
    const fines = (await sc.get(`${base}/mask:q_fines/records`)).json();
    expect(fines.items.map((r: { title: string }) => r.title).join()).toContain('成都康宁医疗用品有限公司');
    // A sum column and a manual column have no records of their own.
    expect((await sc.get(`${base}/mask:t_filed/records`)).statusCode).toBe(400);
    // The nation sees both provinces' records behind its cell.
    const nation = (await (await h.as('samr.stat')).get(`${base}/total:screened/records?pageSize=100`)).json();
    const provinces = new Set(nation.items.map((r: { regionCode: string }) => r.regionCode.slice(0, 2)));
    expect([...provinces].sort()).toEqual(['35', '51', '61']);
  });
});

describe('exports in the official layout', () => {
  it('writes the .xlsx with title, 填报单位, merged two-level headers, the rows, 数据截至时间 and 填表说明', async () => {
    const res = await (await h.as('sc.stat')).get(`/api/reports/templates/${ids.weekly}/periods/${ids.week}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('全国防疫物资产品质量和市场秩序专项整治行动情况表');
    expect(String(sheet.getCell('A2').value)).toBe('填报单位：四川省市场监督管理局');
    expect(sheet.getCell('A3').value).toBe('产品类别');
    expect(sheet.getCell('B3').value).toBe('生产企业排查情况');
    // The group header is merged over its three columns; the next group starts at E.
    expect(sheet.getCell('C3').isMerged && sheet.getCell('C3').master.address).toBe('B3');
    expect(sheet.getCell('E3').value).toBe('产品质量监督抽查情况');
    expect(sheet.getCell('B4').value).toBe('排查企业数量');
    expect(sheet.getCell('G4').value).toBe('监督抽查批次不合格发现率');
    expect(sheet.getCell('A5').value).toBe('口罩');
    expect(sheet.getCell('B5').value).toBe(2);
    expect(sheet.getCell('G5').value).toBe(0.5);
    expect(sheet.getCell('G5').numFmt).toBe('0.00%');
    expect(sheet.getCell('J5').value).toBe(48.53);
    expect(sheet.getCell('A13').value).toBe('合计');
    expect(sheet.getCell('B13').value).toBe(9);
    expect(sheet.actualColumnCount).toBe(43);
    expect(String(sheet.getCell('A14').value)).toMatch(/^数据截至时间：\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(String(sheet.getCell('A15').value)).toContain('同一企业生产多类产品时，按照所生产产品种类分别统计企业数量');
  });

  it('writes CSV with group/column headers and JSON with exact values', async () => {
    const sc = await h.as('sc.stat');
    const csv = (await sc.get(`/api/reports/templates/${ids.weekly}/periods/${ids.week}/export?format=csv`)).body;
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['产品类别', '生产企业排查情况/排查企业数量', '生产企业排查情况/不合格企业数量']);
    expect(lines[1]!.split(',').slice(0, 2)).toEqual(['口罩', '2']);
    expect(lines).toHaveLength(10);
    const json = (await sc.get(`/api/reports/templates/${ids.weekly}/periods/${ids.week}/export?format=json`)).json();
    expect(json.rows.find((r: { key: string }) => r.key === 'mask').cells.p_fines).toEqual({ value: '6.28605' });
    expect(json.columns).toHaveLength(42);
  });
});

describe('templates as data', () => {
  const body = (code: string, overrides: Record<string, unknown> = {}) => ({
    code,
    name: '口罩专项周报（测试）',
    frequency: 'weekly',
    accumulation: 'period',
    unitLevel: 'province',
    definition: {
      title: '口罩专项周报',
      rowDimension: 'category',
      rows: [{ key: 'mask', label: '口罩', value: 'mask' }],
      totalRow: null,
      groups: [
        {
          key: 'g',
          label: '情况',
          columns: [
            { kind: 'metric', key: 'batches', label: '抽查批次', metric: 'sampling.batches' },
            { kind: 'manual', key: 'meetings', label: '召开会议（次）', unit: '次' },
          ],
        },
      ],
    },
    ...overrides,
  });

  it('lets a national admin define a template from the metric catalogue, and units see it at once', async () => {
    const campaignId = (await table(await h.as('samr.stat'), ids.weekly, ids.week)).template.campaignId;
    const created = await (await h.as('samr.admin')).post('/api/reports/templates', body('mask_weekly_test', { accumulation: 'campaign', campaignId }));
    expect(created.statusCode, created.body).toBe(200);
    const t = created.json();
    const sc = await table(await h.as('sc.stat'), t.id, ids.week);
    expect(sc.cells['mask:batches']!.value).toBe('4');
    expect(sc.cells['mask:meetings']).toEqual({ value: null });
    expect((await (await h.as('samr.admin')).post('/api/reports/templates', body('mask_weekly_test'))).statusCode).toBe(409);
  });

  it('refuses a metric that cannot be split by the rows, an unknown category and a unit level not below the owner', async () => {
    const admin = await h.as('samr.admin');
    const checksByCategory = body('bad_dimension', {
      definition: { ...body('x').definition, groups: [{ key: 'g', label: 'g', columns: [{ kind: 'metric', key: 'c', label: 'c', metric: 'checks.fake_reports' }] }] },
    });
    const res = await admin.post('/api/reports/templates', checksByCategory);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0]).toMatchObject({ field: 'definition.groups.0.columns.0.metric', message: '指标「发现虚假报告（份）」不能按产品类别分行' });
    const rocket = await admin.post('/api/reports/templates', body('bad_row', { definition: { ...body('x').definition, rows: [{ key: 'r', label: '火箭', value: 'rocket' }] } }));
    expect(rocket.json().error.details.fields[0]).toMatchObject({ field: 'definition.rows.0.value' });
    const sc = await (await h.as('sc.admin')).post('/api/reports/templates', body('bad_level'));
    expect(sc.json().error.details.fields[0]).toMatchObject({ field: 'unitLevel', message: '填报单位应低于本单位的层级' });
    expect((await (await h.as('sc.stat')).post('/api/reports/templates', body('not_admin'))).statusCode).toBe(403);
  });

  it('freezes a template once a unit has reported on it', async () => {
    const admin = await h.as('samr.admin');
    const { code: _code, ...update } = body('x');
    void _code;
    const res = await admin.put(`/api/reports/templates/${ids.weekly}`, update);
    expect(res.json().error.code).toBe('TEMPLATE_IN_USE');
  });
});

describe('kept figures, recomputed where the records changed', () => {
  it('recomputes only the province a write touched, and sees a change made behind the application', async () => {
    const national = await h.as('samr.stat');
    const stats = h.services.reporting.cache.stats;
    await table(national, ids.weekly, ids.week, '?mode=live');
    const before = { ...stats };
    const again = await table(national, ids.weekly, ids.week, '?mode=live');
    expect(stats.computedUnits).toBe(before.computedUnits);

    // A screening in 福建 under the campaign: one province recomputed, the nation's figure moves.
    const fj = await h.as('fj.admin');
    const enterprise = (await fj.get(`/api/enterprises?q=${encodeURIComponent('莆田仁和')}`)).json().items[0];
    const screened = await fj.post('/api/screenings', {
      campaignId: again.template.campaignId,
      enterpriseId: enterprise.id,
      category: 'ventilator',
      screenedOn: h.services.deps.calendar.today(),
      officers: ['林芳', '郑伟'],
      result: 'conforming',
      problems: '',
    });
    expect(screened.statusCode, screened.body).toBe(200);
    const after = await table(national, ids.weekly, ids.week, '?mode=live');
    expect(stats.computedUnits).toBe(before.computedUnits + 1);
    expect(Number(after.cells['ventilator:screened']!.value)).toBe(Number(again.cells['ventilator:screened']!.value) + 1);
    // 四川's own table was not touched: served as kept.
    await table(await h.as('sc.stat'), ids.weekly, ids.week);
    const sichuanComputed = stats.computedUnits;
    await table(await h.as('sc.stat'), ids.weekly, ids.week);
    expect(stats.computedUnits).toBe(sichuanComputed);

    // SQL by hand, bypassing the services: the triggers still mark 福建 changed.
    await h.services.deps.db.execute(sql`update screenings set result = 'nonconforming' where id = ${screened.json().id}`);
    const byHand = await table(national, ids.weekly, ids.week, '?mode=live');
    expect(Number(byHand.cells['ventilator:screen_failed']!.value)).toBe(Number(after.cells['ventilator:screen_failed']!.value) + 1);
  });

  it('warms every active template\'s current period at start, so the first national reader computes nothing', async () => {
    const reporting = h.services.reporting;
    reporting.cache.clear();
    const warmed = await reporting.warm();
    expect(warmed).toBeGreaterThanOrEqual(3);
    const before = reporting.cache.stats.computedUnits;
    const national = await h.as('samr.stat');
    await table(national, ids.weekly, ids.week, '?mode=live');
    expect(reporting.cache.stats.computedUnits).toBe(before);
  });
});
