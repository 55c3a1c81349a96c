import ExcelJS from 'exceljs';
import { AppError } from '../errors.js';
import { checkSpreadsheetArchive, MAX_UNPACKED_SPREADSHEET_BYTES } from '../http/uploads.js';

/**
 * Reading an import spreadsheet: the first worksheet, a header row naming the columns in any
 * order (spaces and required marks * ignored), blank rows skipped. Row numbers are the
 * spreadsheet's own (the header is row 1), so a user can find every error. A file that is not
 * a workbook, lacks a required column, or has no rows or too many is refused as a whole.
 */

export type CellInput = string | number | boolean | Date | null;
export type SheetRow<C extends string> = { row: number; cells: Partial<Record<C, CellInput>> };
export type SheetSpec<C extends string> = { columns: readonly C[]; required: readonly C[]; maxRows: number };

export function importFileError(message: string): AppError {
  return new AppError(400, 'IMPORT_FILE_INVALID', message, { fields: [{ field: 'file', message }] });
}

/** A cell's value as plain data: rich text joined, formulas by their result, errors as null. */
export function cellInput(value: ExcelJS.CellValue): CellInput {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return value.text;
  if ('result' in value) {
    const result = value.result;
    if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) return null;
    return result;
  }
  return null;
}

/** Header text as a column name of `columns`: spaces and required-field marks (*) ignored. */
export function columnOf<C extends string>(header: CellInput, columns: readonly C[]): C | null {
  if (header === null) return null;
  const name = String(header).replace(/[\s*＊]/g, '');
  return (columns as readonly string[]).includes(name) ? (name as C) : null;
}

export async function readSheet<C extends string>(file: Buffer, spec: SheetSpec<C>): Promise<SheetRow<C>[]> {
  // Measured before unpacking: the row limit below is only checked once the whole sheet is in memory.
  const problem = checkSpreadsheetArchive(file, spec.maxRows * 2 + 1000);
  if (problem?.kind === 'unreadable') throw importFileError('无法读取该文件，请上传 Excel 工作簿（.xlsx），可先下载导入模板');
  if (problem?.kind === 'too_many_rows') throw importFileError(`工作表的行数（含空行）超过 ${spec.maxRows * 2 + 1000} 行；单个文件最多 ${spec.maxRows} 行，请删除多余的行或拆分后分批导入`);
  if (problem?.kind === 'too_large') throw importFileError(`文件解压后超过 ${MAX_UNPACKED_SPREADSHEET_BYTES / 1024 / 1024} MB，请删除多余内容或拆分后分批导入`);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw importFileError('无法读取该文件，请上传 Excel 工作簿（.xlsx），可先下载导入模板');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw importFileError('工作簿中没有工作表');

  const columns = new Map<number, C>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
    const name = columnOf(cellInput(cell.value), spec.columns);
    if (name && ![...columns.values()].includes(name)) columns.set(col, name);
  });
  const missing = spec.required.filter((c) => ![...columns.values()].includes(c));
  if (missing.length) throw importFileError(`第1行（表头）缺少列：${missing.join('、')}。请使用导入模板`);

  const rows: SheetRow<C>[] = [];
  let tooMany = false;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1 || tooMany) return;
    const cells: SheetRow<C>['cells'] = {};
    let blank = true;
    for (const [col, name] of columns) {
      let value = cellInput(row.getCell(col).value);
      if (typeof value === 'string') value = value.trim() || null;
      if (value !== null) blank = false;
      cells[name] = value;
    }
    if (blank) return;
    if (rows.length >= spec.maxRows) {
      tooMany = true;
      return;
    }
    rows.push({ row: rowNumber, cells });
  });
  if (tooMany) throw importFileError(`单个文件最多 ${spec.maxRows} 行，请拆分后分批导入`);
  if (!rows.length) throw importFileError('文件中没有数据行（第1行为表头，数据从第2行开始）');
  return rows;
}
