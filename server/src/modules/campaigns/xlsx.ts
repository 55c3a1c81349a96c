import ExcelJS from 'exceljs';
import {
  SCREENING_IMPORT_COLUMNS,
  SCREENING_IMPORT_MAX_ROWS,
  SCREENING_IMPORT_REQUIRED_COLUMNS,
  checkUscc,
  isRealDate,
  type ImportRowError,
  type ScreeningImportColumn,
  type ScreeningResult,
} from '@shijian/contracts';
import { cellInput, columnOf as genericColumnOf, readSheet, type CellInput, type SheetRow as GenericSheetRow } from '../../platform/files/sheet.js';

/**
 * The producer-list spreadsheet of a screening import: reading the workbook,
 * and the checks of each row that need no database. Row numbers are the
 * spreadsheet's own (the header is row 1), so a user can find every error.
 */

export type SheetRow = GenericSheetRow<ScreeningImportColumn>;

const DAY_MS = 86_400_000;
/** Days from Excel's 1900 epoch (with its leap-year bug) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

export { cellInput };

/** Header text as a column name: spaces and required-field marks (*) ignored. */
export const columnOf = (header: CellInput) => genericColumnOf(header, SCREENING_IMPORT_COLUMNS);

/** The producer list of a screening import (platform/files/sheet.ts reads it). */
export function readScreeningSheet(file: Buffer): Promise<SheetRow[]> {
  return readSheet(file, { columns: SCREENING_IMPORT_COLUMNS, required: SCREENING_IMPORT_REQUIRED_COLUMNS, maxRows: SCREENING_IMPORT_MAX_ROWS });
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date cell as 'YYYY-MM-DD': a date-formatted cell, an Excel serial number,
 * 20200520, or text such as 2020-05-20, 2020/5/20, 2020.5.20 or 2020年5月20日.
 * Null when it is no real date.
 */
export function parseDateCell(value: CellInput): string | null {
  if (value === null || typeof value === 'boolean') return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    // Excel stores a day as a fraction of floating point: round to the nearest midnight (UTC, as exceljs reads it).
    return new Date(Math.round(value.getTime() / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
  }
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 19_000_101 && value <= 21_001_231) return parseDateCell(String(value));
    if (value >= 1 && value < 100_000) return new Date(Math.round(value - EXCEL_EPOCH_OFFSET) * DAY_MS).toISOString().slice(0, 10);
    return null;
  }
  const text = value.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return isRealDate(iso) ? iso : null;
}

/** 张三、李四 / 张三,李四 / 张三 李四 → ['张三', '李四']. */
export function splitOfficers(value: CellInput): string[] {
  if (value === null) return [];
  return [...new Set(String(value).split(/[、，,；;/\s]+/).map((s) => s.trim()).filter(Boolean))];
}

const RESULTS: Record<string, ScreeningResult> = { 合格: 'conforming', 不合格: 'nonconforming', conforming: 'conforming', nonconforming: 'nonconforming' };
export function parseResult(value: CellInput): ScreeningResult | null {
  if (value === null) return null;
  return RESULTS[String(value).trim().toLowerCase()] ?? null;
}

/** A name as compared: without spaces, half-width brackets, lower case — （有限公司） = (有限公司). */
export const normalizeName = (s: string) => s.replace(/\s/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
export const sameName = (a: string, b: string) => normalizeName(a) === normalizeName(b);

/** Looks a category up by its Chinese name, English name or code. */
export function categoryLookup(categories: { code: string; name: string; nameEn: string }[]): (text: string) => string | undefined {
  const byLabel = new Map<string, string>();
  for (const c of categories) for (const label of [c.code, c.name, c.nameEn]) byLabel.set(normalizeName(label), c.code);
  return (text) => byLabel.get(normalizeName(text));
}

export type ParsedScreeningRow = {
  row: number;
  uscc: string;
  enterpriseName: string | null;
  category: string;
  screenedOn: string;
  officers: string[];
  result: ScreeningResult;
  problems: string;
  rectificationDeadline: string | null;
};

export type RowContext = {
  /** The active category a cell names (by Chinese name, English name or code), if any. */
  categoryOf: (text: string) => string | undefined;
  /** The campaign's categories (codes) and period. */
  campaignCategories: readonly string[];
  startsOn: string;
  endsOn: string;
  today: string;
  categoryName: (code: string) => string;
};

/**
 * Everything about one row that can be checked without the database. Returns
 * every problem of the row (one per column), so a single upload shows them all.
 */
export function parseScreeningRow(input: SheetRow, ctx: RowContext): { value: ParsedScreeningRow | null; errors: ImportRowError[] } {
  const errors: ImportRowError[] = [];
  const { row, cells } = input;
  const err = (column: ScreeningImportColumn, message: string) => errors.push({ row, column, message });
  const text = (c: ScreeningImportColumn) => (cells[c] === null || cells[c] === undefined ? '' : String(cells[c]).trim());

  const uscc = text('统一社会信用代码').toUpperCase();
  if (!uscc) err('统一社会信用代码', '请填写统一社会信用代码');
  else {
    const problem = checkUscc(uscc);
    if (problem) err('统一社会信用代码', problem.message);
  }

  const categoryText = text('产品类别');
  const category = categoryText ? ctx.categoryOf(categoryText) : undefined;
  if (!categoryText) err('产品类别', '请填写产品类别');
  else if (!category) err('产品类别', `未知的产品类别「${categoryText}」，请填写产品类别名称，如：口罩`);
  else if (ctx.campaignCategories.length && !ctx.campaignCategories.includes(category)) {
    err('产品类别', `「${ctx.categoryName(category)}」不在本专项行动的产品类别内（${ctx.campaignCategories.map(ctx.categoryName).join('、')}）`);
  }

  const screenedOn = parseDateCell(cells['排查日期'] ?? null);
  if (cells['排查日期'] === null || cells['排查日期'] === undefined) err('排查日期', '请填写排查日期');
  else if (!screenedOn) err('排查日期', `排查日期「${text('排查日期')}」不是有效日期，格式应为 YYYY-MM-DD`);
  else if (screenedOn < ctx.startsOn || screenedOn > ctx.endsOn) err('排查日期', `排查日期应在专项行动期间（${ctx.startsOn} 至 ${ctx.endsOn}）内`);
  else if (screenedOn > ctx.today) err('排查日期', '排查日期不能晚于今天');

  const officers = splitOfficers(cells['检查人员'] ?? null);
  if (!officers.length) err('检查人员', '请填写检查人员，多人用顿号“、”分隔');
  else if (officers.length > 10) err('检查人员', '检查人员最多10人');
  else if (officers.some((o) => o.length > 20)) err('检查人员', '检查人员姓名不能超过20个字符，多人请用顿号“、”分隔');

  const result = parseResult(cells['排查结果'] ?? null);
  if (!text('排查结果')) err('排查结果', '请填写排查结果（合格或不合格）');
  else if (!result) err('排查结果', `排查结果「${text('排查结果')}」应为“合格”或“不合格”`);

  const problems = text('发现问题');
  if (problems.length > 2000) err('发现问题', '发现问题不能超过2000个字符');
  const deadlineCell = cells['整改期限'] ?? null;
  const deadline = parseDateCell(deadlineCell);
  if (deadlineCell !== null && !deadline) err('整改期限', `整改期限「${text('整改期限')}」不是有效日期，格式应为 YYYY-MM-DD`);
  if (result === 'nonconforming') {
    if (!problems) err('发现问题', '排查结果为不合格时，请填写发现的问题');
    if (deadlineCell === null) err('整改期限', '排查结果为不合格时，请填写整改期限');
    else if (deadline && screenedOn && deadline < screenedOn) err('整改期限', '整改期限不能早于排查日期');
  } else if (result === 'conforming' && deadlineCell !== null) {
    err('整改期限', '排查结果为合格时无需填写整改期限');
  }

  const name = text('企业名称');
  if (errors.length || !category || !screenedOn || !result) return { value: null, errors };
  return {
    value: { row, uscc, enterpriseName: name || null, category, screenedOn, officers, result, problems, rectificationDeadline: result === 'nonconforming' ? deadline : null },
    errors,
  };
}

/**
 * The template users fill in: the header row, one example row, and a sheet
 * listing the category names the import accepts. 结果 gets a drop-down.
 */
export async function screeningTemplate(categories: { code: string; name: string }[], example: { uscc: string; name: string; date: string; deadline: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shijian 市监';
  const sheet = workbook.addWorksheet('排查名单', { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths: Record<ScreeningImportColumn, number> = {
    统一社会信用代码: 24,
    企业名称: 32,
    产品类别: 16,
    排查日期: 14,
    检查人员: 20,
    排查结果: 12,
    发现问题: 40,
    整改期限: 14,
  };
  sheet.columns = SCREENING_IMPORT_COLUMNS.map((header) => ({ header, key: header, width: widths[header] }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
  sheet.addRow([example.uscc, example.name, categories[0]?.name ?? '口罩', example.date, '张三、李四', '不合格', '产品标识不规范，未标注执行标准编号', example.deadline]);
  // Text cells keep credit codes and dates exactly as typed.
  for (const key of ['统一社会信用代码', '排查日期', '整改期限'] as const) sheet.getColumn(key).numFmt = '@';
  const resultCol = SCREENING_IMPORT_COLUMNS.indexOf('排查结果') + 1;
  const categoryCol = SCREENING_IMPORT_COLUMNS.indexOf('产品类别') + 1;
  for (let r = 2; r <= 1001; r += 1) {
    sheet.getCell(r, resultCol).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: ['"合格,不合格"'],
      showErrorMessage: true,
      errorTitle: '排查结果',
      error: '请选择“合格”或“不合格”',
    };
    sheet.getCell(r, categoryCol).dataValidation = { type: 'list', allowBlank: true, formulae: [`产品类别!$A$2:$A$${categories.length + 1}`] };
  }

  const list = workbook.addWorksheet('产品类别');
  list.columns = [
    { header: '产品类别', key: 'name', width: 24 },
    { header: '代码', key: 'code', width: 20 },
  ];
  list.getRow(1).font = { bold: true };
  for (const c of categories) list.addRow({ name: c.name, code: c.code });

  const notes = workbook.addWorksheet('填写说明');
  notes.getColumn(1).width = 100;
  for (const line of [
    '1. 第1行为表头，请勿修改；数据从第2行开始，示例行请替换或删除。',
    '2. 统一社会信用代码：18位，须为已在本系统登记且在您管辖范围内的企业。',
    '3. 企业名称：可不填；填写时须与登记名称一致，用于核对信用代码。',
    '4. 产品类别：填写“产品类别”工作表中的名称（如：口罩），须属于本专项行动的产品类别。',
    '5. 排查日期、整改期限：格式 YYYY-MM-DD，如 2020-05-20；排查日期应在专项行动期间内。',
    '6. 检查人员：多人用顿号“、”分隔。',
    '7. 排查结果：合格 或 不合格。不合格时须填写发现问题和整改期限；合格时整改期限留空。',
    '8. 上传后系统先校验全部行：任何一行有误都不会写入任何数据，请按错误清单修改后重新上传。',
  ]) {
    notes.addRow([line]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
