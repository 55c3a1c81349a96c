import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { SCREENING_IMPORT_COLUMNS, usccCheckCharacter } from '@shijian/contracts';
import { regionAndAncestors } from './scope.js';
import { inCampaignArea, phaseOf } from './shared.js';
import { categoryLookup, parseDateCell, parseResult, parseScreeningRow, readScreeningSheet, screeningTemplate, splitOfficers, type RowContext } from './xlsx.js';

const uscc = (base17: string) => base17 + usccCheckCharacter(base17);
const GOOD = uscc('91510107MA6CQ1234');

const ctx: RowContext = {
  categoryOf: categoryLookup([
    { code: 'mask', name: '口罩', nameEn: 'Masks' },
    { code: 'ir_thermometer', name: '红外体温计(额温枪)', nameEn: 'Infrared thermometers' },
    { code: 'food', name: '食品', nameEn: 'Food' },
  ]),
  campaignCategories: ['mask', 'ir_thermometer'],
  startsOn: '2020-05-11',
  endsOn: '2020-06-30',
  today: '2026-03-01',
  categoryName: (c) => ({ mask: '口罩', ir_thermometer: '红外体温计(额温枪)', food: '食品' })[c] ?? c,
};

describe('date cells', () => {
  it('reads text in the usual Chinese spellings and refuses impossible dates', () => {
    expect(parseDateCell('2020-05-20')).toBe('2020-05-20');
    expect(parseDateCell('2020/5/20')).toBe('2020-05-20');
    expect(parseDateCell('2020.5.2')).toBe('2020-05-02');
    expect(parseDateCell('2020年5月20日')).toBe('2020-05-20');
    expect(parseDateCell('20200520')).toBe('2020-05-20');
    expect(parseDateCell(20200520)).toBe('2020-05-20');
    expect(parseDateCell('2020-02-30')).toBeNull();
    expect(parseDateCell('2020-13-01')).toBeNull();
    expect(parseDateCell('下周一')).toBeNull();
    expect(parseDateCell(true)).toBeNull();
  });

  it('reads date cells and Excel serial numbers, rounding away floating-point drift', () => {
    expect(parseDateCell(new Date(Date.UTC(2020, 4, 20)))).toBe('2020-05-20');
    expect(parseDateCell(new Date(Date.UTC(2020, 4, 20) - 1))).toBe('2020-05-20');
    expect(parseDateCell(43971)).toBe('2020-05-20');
  });
});

describe('officers and results', () => {
  it('splits names on 、，, ; / and spaces, dropping repeats', () => {
    expect(splitOfficers('张三、李四，王五, 赵六;钱七 张三')).toEqual(['张三', '李四', '王五', '赵六', '钱七']);
    expect(splitOfficers(null)).toEqual([]);
  });
  it('accepts 合格 / 不合格 only (and the API words)', () => {
    expect(parseResult('合格')).toBe('conforming');
    expect(parseResult(' 不合格 ')).toBe('nonconforming');
    expect(parseResult('Nonconforming')).toBe('nonconforming');
    expect(parseResult('基本合格')).toBeNull();
  });
});

describe('one row', () => {
  const row = (cells: Record<string, unknown>) => ({
    row: 7,
    cells: { 统一社会信用代码: GOOD, 产品类别: '口罩', 排查日期: '2020-05-20', 检查人员: '张三、李四', 排查结果: '合格', ...cells } as never,
  });

  it('parses a clean conforming row, resolving a category by name with full-width brackets', () => {
    const { value, errors } = parseScreeningRow(row({ 产品类别: '红外体温计（额温枪）' }), ctx);
    expect(errors).toEqual([]);
    expect(value).toMatchObject({ row: 7, uscc: GOOD, category: 'ir_thermometer', screenedOn: '2020-05-20', officers: ['张三', '李四'], result: 'conforming', rectificationDeadline: null });
  });

  it('reports every bad cell of a row with its column and a Chinese message', () => {
    const { value, errors } = parseScreeningRow(
      row({ 统一社会信用代码: '91510107MA6CQ12340', 产品类别: '火箭', 排查日期: '2020-02-30', 检查人员: null, 排查结果: '基本合格' }),
      ctx,
    );
    expect(value).toBeNull();
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [7, '统一社会信用代码'],
      [7, '产品类别'],
      [7, '排查日期'],
      [7, '检查人员'],
      [7, '排查结果'],
    ]);
    expect(errors[1]!.message).toBe('未知的产品类别「火箭」，请填写产品类别名称，如：口罩');
    expect(errors[2]!.message).toBe('排查日期「2020-02-30」不是有效日期，格式应为 YYYY-MM-DD');
    expect(errors[4]!.message).toBe('排查结果「基本合格」应为“合格”或“不合格”');
  });

  it('holds a row to the campaign: its categories and its period', () => {
    const outside = parseScreeningRow(row({ 产品类别: '食品', 排查日期: '2020-07-01' }), ctx).errors;
    expect(outside).toEqual([
      { row: 7, column: '产品类别', message: '「食品」不在本专项行动的产品类别内（口罩、红外体温计(额温枪)）' },
      { row: 7, column: '排查日期', message: '排查日期应在专项行动期间（2020-05-11 至 2020-06-30）内' },
    ]);
  });

  it('requires problems and a deadline not before the screening for 不合格, and no deadline for 合格', () => {
    expect(parseScreeningRow(row({ 排查结果: '不合格' }), ctx).errors.map((e) => e.message)).toEqual([
      '排查结果为不合格时，请填写发现的问题',
      '排查结果为不合格时，请填写整改期限',
    ]);
    expect(parseScreeningRow(row({ 排查结果: '不合格', 发现问题: '标识不全', 整改期限: '2020-05-19' }), ctx).errors.map((e) => e.message)).toEqual([
      '整改期限不能早于排查日期',
    ]);
    expect(parseScreeningRow(row({ 整改期限: '2020-06-01' }), ctx).errors.map((e) => e.message)).toEqual(['排查结果为合格时无需填写整改期限']);
    const ok = parseScreeningRow(row({ 排查结果: '不合格', 发现问题: '标识不全', 整改期限: '2020/6/1' }), ctx);
    expect(ok.value).toMatchObject({ result: 'nonconforming', problems: '标识不全', rectificationDeadline: '2020-06-01' });
  });
});

describe('the workbook', () => {
  async function file(header: string[], rows: unknown[][]): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('finds columns by header in any order, skips blank rows and keeps spreadsheet row numbers', async () => {
    const header = ['排查结果', '检查人员', '排查日期', '产品类别', '统一社会信用代码 *'];
    const rows = await readScreeningSheet(await file(header, [['合格', '张三', new Date(Date.UTC(2020, 4, 20)), '口罩', GOOD], [], ['不合格', '李四', '2020-05-21', '口罩', GOOD]]));
    expect(rows.map((r) => r.row)).toEqual([2, 4]);
    expect(rows[0]!.cells).toMatchObject({ 统一社会信用代码: GOOD, 产品类别: '口罩', 排查结果: '合格' });
    expect(parseDateCell(rows[0]!.cells['排查日期']!)).toBe('2020-05-20');
  });

  it('refuses a file without the required columns, naming them', async () => {
    await expect(readScreeningSheet(await file(['企业名称', '产品类别'], [['x', '口罩']]))).rejects.toMatchObject({
      code: 'IMPORT_FILE_INVALID',
      message: '第1行（表头）缺少列：统一社会信用代码、排查日期、检查人员、排查结果。请使用导入模板',
    });
  });

  it('refuses what is not a workbook, and a workbook with no data rows', async () => {
    await expect(readScreeningSheet(Buffer.from('not a spreadsheet'))).rejects.toMatchObject({ code: 'IMPORT_FILE_INVALID' });
    await expect(readScreeningSheet(await file([...SCREENING_IMPORT_COLUMNS], []))).rejects.toMatchObject({ message: '文件中没有数据行（第1行为表头，数据从第2行开始）' });
  });

  it('writes a template whose header the reader accepts and whose example row it reads back', async () => {
    const bytes = await screeningTemplate([{ code: 'mask', name: '口罩' }], { uscc: GOOD, name: '示例企业', date: '2020-05-20', deadline: '2020-06-04' });
    const rows = await readScreeningSheet(bytes);
    expect(rows).toHaveLength(1);
    const parsed = parseScreeningRow(rows[0]!, ctx);
    expect(parsed.errors).toEqual([]);
    expect(parsed.value).toMatchObject({ uscc: GOOD, category: 'mask', screenedOn: '2020-05-20', result: 'nonconforming', rectificationDeadline: '2020-06-04' });
  });
});

describe('campaign scope helpers', () => {
  it('lists a region and the regions above it', () => {
    expect(regionAndAncestors('510107')).toEqual(['510000', '510100', '510107']);
    expect(regionAndAncestors('510100')).toEqual(['510000', '510100']);
    expect(regionAndAncestors('350000')).toEqual(['350000']);
  });

  it('tells whether an enterprise lies in the campaign area', () => {
    expect(inCampaignArea({ regionCode: '000000', areaCodes: [] }, '350102')).toBe(true);
    expect(inCampaignArea({ regionCode: '510000', areaCodes: [] }, '510107')).toBe(true);
    expect(inCampaignArea({ regionCode: '510000', areaCodes: [] }, '350102')).toBe(false);
    expect(inCampaignArea({ regionCode: '510000', areaCodes: ['510100'] }, '510107')).toBe(true);
    expect(inCampaignArea({ regionCode: '510000', areaCodes: ['510100'] }, '510703')).toBe(false);
  });

  it('places a campaign before, during or after its period, both ends inclusive', () => {
    const c = { startsOn: '2020-05-11', endsOn: '2020-06-30' };
    expect(phaseOf(c, '2020-05-10')).toBe('upcoming');
    expect(phaseOf(c, '2020-05-11')).toBe('ongoing');
    expect(phaseOf(c, '2020-06-30')).toBe('ongoing');
    expect(phaseOf(c, '2020-07-01')).toBe('ended');
  });
});
