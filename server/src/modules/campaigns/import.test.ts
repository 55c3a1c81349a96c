import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENING_IMPORT_COLUMNS, usccCheckCharacter } from '@shijian/contracts';
import { XLSX_TYPE } from '../../app.js';
import { EPIDEMIC_CAMPAIGN } from '../../demo/campaigns.js';
import { addDays } from '../../platform/calendar/working-days.js';
import { createHarness, type Client, type Harness } from '../../../test/harness.js';

/** Bulk import of a producer list from a real .xlsx file, made here with exceljs. */
let h: Harness;
let campaignId = '';
const uscc = new Map<string, string>();

beforeAll(async () => {
  h = await createHarness();
  campaignId = (await (await h.as('samr.admin')).get('/api/campaigns?pageSize=100')).json().items.find((c: { name: string }) => c.name === EPIDEMIC_CAMPAIGN).id;
  for (const e of (await (await h.as('samr.admin')).get('/api/enterprises?pageSize=100')).json().items) uscc.set(e.name, e.uscc);
});
afterAll(() => h.close());

async function xlsx(rows: unknown[][], header: readonly string[] = SCREENING_IMPORT_COLUMNS): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('排查名单');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const upload = (c: Client, file: Buffer, id = campaignId) =>
  c.request({ method: 'POST', url: `/api/campaigns/${id}/screenings/import?fileName=${encodeURIComponent('名单.xlsx')}`, payload: file, headers: { 'content-type': XLSX_TYPE } });

async function screeningCount(c: Client): Promise<number> {
  return (await c.get(`/api/screenings?campaignId=${campaignId}&pageSize=1`)).json().total;
}

async function finished(c: Client, jobId: string) {
  for (let i = 0; i < 600; i += 1) {
    const job = (await c.get(`/api/campaigns/${campaignId}/screenings/imports/${jobId}`)).json();
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('a file with bad rows', () => {
  it('answers every row error by row number and column, and writes nothing', async () => {
    const c = await h.as('cd.officer');
    const before = await screeningCount(c);
    const kangning = uscc.get('成都康宁医疗用品有限公司')!;
    const badCheck = kangning.slice(0, 17) + (usccCheckCharacter(kangning.slice(0, 17)) === 'A' ? 'B' : 'A');
    const file = await xlsx([
      [kangning, '成都康宁医疗用品有限公司', '口罩', '2020-05-25', '吴昊、孙丽', '合格', '', ''], // row 2: good
      [badCheck, '', '口罩', '2020-05-25', '吴昊', '合格', '', ''], // row 3: check character
      [kangning, '', '火箭', '2020-05-25', '吴昊', '合格', '', ''], // row 4: unknown category
      [kangning, '', '防护服', '2020-13-45', '吴昊', '合格', '', ''], // row 5: no such date
      [uscc.get('福建闽康卫材有限公司')!, '', '口罩', '2020-05-25', '吴昊', '合格', '', ''], // row 6: another province
      [kangning, '', '呼吸机', '2020-05-26', '吴昊', '不合格', '', ''], // row 7: 不合格 without problems and deadline
      [kangning, '成都康宁医用品公司', '熔喷布', '2020-05-26', '吴昊', '合格', '', ''], // row 8: name does not match
      [kangning, '', '口罩', '2020-05-25', '孙丽', '合格', '', ''], // row 9: repeats row 2
      [kangning, '', '口罩', '2020-07-25', '孙丽', '合格', '', ''], // row 10: after the campaign
      [kangning, '', '食品', '2020-05-25', '孙丽', '合格', '', ''], // row 11: not a campaign category
    ]);
    const res = await upload(c, file);
    expect(res.statusCode).toBe(400);
    const error = res.json().error;
    expect(error.code).toBe('IMPORT_ROWS_INVALID');
    expect(error.message).toBe('共 10 行，其中 9 行有误（10 处），未导入任何数据。请修改后重新上传');
    expect(error.details.rows).toEqual([
      { row: 3, column: '统一社会信用代码', message: `统一社会信用代码校验位错误：应为 ${kangning[17]}` },
      { row: 4, column: '产品类别', message: '未知的产品类别「火箭」，请填写产品类别名称，如：口罩' },
      { row: 5, column: '排查日期', message: '排查日期「2020-13-45」不是有效日期，格式应为 YYYY-MM-DD' },
      { row: 6, column: '统一社会信用代码', message: `统一社会信用代码 ${uscc.get('福建闽康卫材有限公司')} 未在您的管辖范围内登记` },
      { row: 7, column: '发现问题', message: '排查结果为不合格时，请填写发现的问题' },
      { row: 7, column: '整改期限', message: '排查结果为不合格时，请填写整改期限' },
      { row: 8, column: '企业名称', message: '企业名称与该信用代码的登记名称「成都康宁医疗用品有限公司」不一致' },
      { row: 9, column: null, message: '与第 2 行重复（同一企业、同一产品类别、同一排查日期）' },
      { row: 10, column: '排查日期', message: '排查日期应在专项行动期间（2020-05-11 至 2020-06-30）内' },
      { row: 11, column: '产品类别', message: '「食品」不在本专项行动的产品类别内（口罩、呼吸机、防护服、红外体温计(额温枪)、新型冠状病毒检测试剂、熔喷布、无纺布、红外传感器）' },
    ]);
    expect(await screeningCount(c)).toBe(before);
  });

  it('refuses an out-of-county enterprise for a county officer exactly like an unregistered one', async () => {
    const c = await h.as('wh.officer');
    const res = await upload(c, await xlsx([[uscc.get('成都锦城建材有限公司')!, '', '口罩', '2020-05-25', '郑凯', '合格', '', '']]));
    expect(res.json().error.details.rows).toEqual([{ row: 2, column: '统一社会信用代码', message: `统一社会信用代码 ${uscc.get('成都锦城建材有限公司')} 未在您的管辖范围内登记` }]);
  });

  it('refuses what is not a usable spreadsheet as a whole', async () => {
    const c = await h.as('cd.officer');
    const garbage = await upload(c, Buffer.from('这不是表格'));
    expect(garbage.json().error).toMatchObject({ code: 'IMPORT_FILE_INVALID', message: '无法读取该文件，请上传 Excel 工作簿（.xlsx），可先下载导入模板' });
    const noColumns = await upload(c, await xlsx([['x', '口罩']], ['企业名称', '产品类别']));
    expect(noColumns.json().error.message).toBe('第1行（表头）缺少列：统一社会信用代码、排查日期、检查人员、排查结果。请使用导入模板');
    const json = await c.post(`/api/campaigns/${campaignId}/screenings/import`, { rows: [] });
    expect(json.statusCode).toBe(415);
  });

  it('leaves importing to officers and admins, and 404s a campaign out of scope', async () => {
    expect((await upload(await h.as('sc.stat'), await xlsx([]))).statusCode).toBe(403);
    const fj = (await (await h.as('fj.admin')).post('/api/campaigns', { name: '福建口罩专项', startsOn: '2025-01-01', endsOn: '2025-03-31', categories: ['mask'] })).json();
    expect((await upload(await h.as('cd.officer'), await xlsx([]), fj.id)).statusCode).toBe(404);
  });
});

describe('a clean file', () => {
  const sichuan = ['成都康宁医疗用品有限公司', '成都蜀安防护科技有限公司', '绵阳科瑞红外传感技术有限公司', '四川天府生物检测试剂有限公司', '德阳精工呼吸设备有限公司', '宜宾锦程无纺布制品厂'];
  const categories = ['口罩', '呼吸机', '防护服', '红外体温计(额温枪)', '新型冠状病毒检测试剂', '熔喷布', '无纺布', '红外传感器'];
  let jobId = '';
  let file: Buffer;

  it('imports in batches as a job whose progress the page polls, each row audited', async () => {
    const c = await h.as('sc.admin');
    const before = await screeningCount(c);
    // 6 enterprises × 8 categories × 10 days = 480 rows: three batches. Dates come as real date cells and as text.
    const rows: unknown[][] = [];
    for (let d = 0; d < 10; d += 1) {
      for (const name of sichuan) {
        for (const category of categories) {
          const day = addDays('2020-06-10', d);
          const bad = rows.length % 7 === 0;
          rows.push([
            uscc.get(name),
            name,
            category,
            d % 2 ? new Date(`${day}T00:00:00Z`) : day.replaceAll('-', '/'),
            '李娜、王磊',
            bad ? '不合格' : '合格',
            bad ? '标识标签不规范' : '',
            bad ? addDays(day, 15) : '',
          ]);
        }
      }
    }
    file = await xlsx(rows);
    const res = await upload(c, file);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ status: 'running', total: 480, fileName: '名单.xlsx', errors: [] });
    jobId = res.json().id;
    const job = await finished(c, jobId);
    expect(job).toMatchObject({ status: 'done', total: 480, processed: 480, inserted: 480, errors: [], message: null });
    expect(job.finishedAt).not.toBeNull();
    expect(await screeningCount(c)).toBe(before + 480);

    const pending = (await c.get(`/api/screenings?campaignId=${campaignId}&q=${encodeURIComponent('德阳精工')}&rectificationStatus=pending&pageSize=100`)).json();
    expect(pending.total).toBe(rows.filter((r) => r[1] === '德阳精工呼吸设备有限公司' && r[5] === '不合格').length);
    expect(pending.items[0]).toMatchObject({ result: 'nonconforming', problems: '标识标签不规范', officers: ['李娜', '王磊'], orgName: '四川省市场监督管理局' });
    const audit = (await c.get('/api/audit?action=screening.imported&pageSize=1')).json();
    expect(audit.total).toBe(480);
  });

  it('shows the job only to the user who started it', async () => {
    expect((await (await h.as('sc.admin')).get(`/api/campaigns/${campaignId}/screenings/imports/${jobId}`)).statusCode).toBe(200);
    for (const username of ['cd.officer', 'samr.admin', 'fj.admin']) {
      expect((await (await h.as(username)).get(`/api/campaigns/${campaignId}/screenings/imports/${jobId}`)).statusCode).toBe(404);
    }
  });

  it('refuses the same file a second time, row by row, writing nothing', async () => {
    const c = await h.as('sc.admin');
    const before = await screeningCount(c);
    const res = await upload(c, file);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.errorCount).toBe(480);
    expect(res.json().error.details.rows[0]).toEqual({ row: 2, column: null, message: '该企业该产品类别在 2020-06-10 已有排查记录（是否重复导入？）' });
    expect(await screeningCount(c)).toBe(before);
  });

  it('keeps the audit chain verifiable', async () => {
    expect((await (await h.as('samr.admin')).post('/api/audit/verify')).json()).toMatchObject({ ok: true });
  });
});

describe('the template', () => {
  it('has the header row and an example row dated within the campaign, which the import reads back', async () => {
    const c = await h.as('cd.officer');
    const res = await c.get(`/api/campaigns/${campaignId}/screenings/import-template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent(`${EPIDEMIC_CAMPAIGN}-排查名单导入模板.xlsx`));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...SCREENING_IMPORT_COLUMNS]);
    const example = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(example[2]).toBe('口罩');
    expect(example[3]).toBe('2020-06-30');
    expect(wb.getWorksheet('产品类别')!.rowCount).toBe(9);
    // Uploaded unchanged, only the made-up credit code is refused.
    const back = await upload(c, res.rawPayload);
    expect(back.json().error.details.rows).toEqual([{ row: 2, column: '统一社会信用代码', message: expect.stringMatching(/^统一社会信用代码 91510107MA6CQ1234. 未在您的管辖范围内登记$/) }]);
  });
});
