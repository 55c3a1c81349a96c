import ExcelJS from 'exceljs';
import { ROW_DIMENSION_LABELS, type ExportFormat, type ReportTableView } from '@shijian/contracts';
import { cellKey, columnDecimals, columnsOf, TOTAL_ROW } from './cells.js';
import { roundDecimal } from './decimal.js';

/**
 * A report table in the official layout and as data. The .xlsx follows the paper
 * form: the title, 填报单位 / 填报人 / 电话, two header rows with each column
 * group merged over its columns, the rows and 合计, 数据截至时间 and 填表说明.
 */
export type ExportFile = { fileName: string; mimeType: string; bytes: Buffer };

type Line = { key: string; label: string };

const linesOf = (v: ReportTableView): Line[] => [
  ...v.template.definition.rows.map((r) => ({ key: r.key, label: r.label })),
  ...(v.template.definition.totalRow ? [{ key: TOTAL_ROW, label: v.template.definition.totalRow.label }] : []),
];

/** A cell as shown: rounded to its column's digits, '—' for a rate over nothing, '' for a manual cell not yet filled. */
function shown(v: ReportTableView, rowKey: string, columnKey: string): { text: string; number: number | null } {
  const d = v.template.definition;
  const column = columnsOf(d).find((c) => c.key === columnKey)!;
  const value = v.cells[cellKey(rowKey, columnKey)]?.value ?? null;
  if (value === null) return { text: column.kind === 'ratio' ? '—' : '', number: null };
  const text = roundDecimal(value, columnDecimals(column, d));
  return { text: column.kind === 'ratio' ? `${text}%` : text, number: Number(text) };
}

const dateText = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

function header(v: ReportTableView): { unit: string; filledBy: string; phone: string } {
  return { unit: v.unit.name, filledBy: v.submission?.filledBy ?? '', phone: v.submission?.phone ?? '' };
}

const fileBase = (v: ReportTableView) => `${v.template.name}-${v.unit.name}-${v.period.key}`.replace(/[\\/:*?"<>|\s]+/g, '_');

export async function exportXlsx(v: ReportTableView): Promise<ExportFile> {
  const d = v.template.definition;
  const columns = columnsOf(d);
  const width = columns.length + 1;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Shijian 市监';
  const sheet = workbook.addWorksheet(v.period.key, { views: [{ state: 'frozen', xSplit: 1, ySplit: 4 }], pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const thin = { style: 'thin' as const };
  const border = { top: thin, left: thin, bottom: thin, right: thin };
  const center = { vertical: 'middle' as const, horizontal: 'center' as const, wrapText: true };

  sheet.mergeCells(1, 1, 1, width);
  const title = sheet.getCell(1, 1);
  title.value = d.title;
  title.font = { name: '宋体', size: 16, bold: true };
  title.alignment = center;
  sheet.getRow(1).height = 30;

  const h = header(v);
  const third = Math.max(1, Math.floor(width / 3));
  const fields: [string, string][] = [
    [d.headerFields[0] ?? '填报单位', h.unit],
    [d.headerFields[1] ?? '填报人', h.filledBy],
    [d.headerFields[2] ?? '电话', h.phone],
  ];
  fields.forEach(([label, value], i) => {
    const from = 1 + i * third;
    const to = i === 2 ? width : Math.min(width, from + third - 1);
    if (to > from) sheet.mergeCells(2, from, 2, to);
    sheet.getCell(2, from).value = `${label}：${value}`;
  });

  // Two header rows: the row heading spans both; each group is merged over its columns.
  sheet.mergeCells(3, 1, 4, 1);
  sheet.getCell(3, 1).value = d.rowDimension === 'none' ? '' : ROW_DIMENSION_LABELS[d.rowDimension].zh;
  let col = 2;
  for (const g of d.groups) {
    const from = col;
    const to = col + g.columns.length - 1;
    if (to > from) sheet.mergeCells(3, from, 3, to);
    sheet.getCell(3, from).value = g.label;
    g.columns.forEach((c, i) => (sheet.getCell(4, from + i).value = c.label));
    col = to + 1;
  }
  for (const r of [3, 4]) {
    for (let c = 1; c <= width; c++) {
      const cell = sheet.getCell(r, c);
      cell.font = { name: '宋体', size: 10, bold: true };
      cell.alignment = center;
      cell.border = border;
    }
  }
  sheet.getRow(4).height = 42;

  let r = 5;
  for (const line of linesOf(v)) {
    const label = sheet.getCell(r, 1);
    label.value = line.label;
    label.border = border;
    label.font = { name: '宋体', size: 10, bold: line.key === TOTAL_ROW };
    columns.forEach((c, i) => {
      const cell = sheet.getCell(r, i + 2);
      const { text, number } = shown(v, line.key, c.key);
      const decimals = columnDecimals(c, d);
      // Rates are stored as fractions with a percent format, so Excel reads 42.86% as 0.4286.
      if (c.kind === 'ratio') cell.value = number === null ? text : number / 100;
      else cell.value = number;
      if (c.kind === 'ratio' && number !== null) cell.numFmt = decimals ? `0.${'0'.repeat(decimals)}%` : '0%';
      else if (number !== null) cell.numFmt = decimals ? `0.${'0'.repeat(decimals)}` : '0';
      cell.alignment = { vertical: 'middle', horizontal: 'right' };
      cell.border = border;
      cell.font = { name: '宋体', size: 10, bold: line.key === TOTAL_ROW };
    });
    r++;
  }

  sheet.mergeCells(r, 1, r, width);
  sheet.getCell(r, 1).value = `数据截至时间：${dateText(v.dataThrough)}`;
  r++;
  if (d.notes.length) {
    sheet.mergeCells(r, 1, r, width);
    sheet.getCell(r, 1).value = `填表说明：${d.notes.map((n, i) => `${i + 1}. ${n}`).join(' ')}`;
    sheet.getCell(r, 1).alignment = { wrapText: true, vertical: 'top' };
    sheet.getRow(r).height = 15 * Math.ceil(d.notes.join('').length / 80 + d.notes.length);
  }
  sheet.getColumn(1).width = 22;
  for (let c = 2; c <= width; c++) sheet.getColumn(c).width = 11;

  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { fileName: `${fileBase(v)}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', bytes };
}

const csvField = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One header line of `group/column` names, then a line per row: the values as shown (UTF-8 with BOM, for Excel). */
export function exportCsv(v: ReportTableView): ExportFile {
  const d = v.template.definition;
  const columns = d.groups.flatMap((g) => g.columns.map((c) => ({ key: c.key, name: `${g.label}/${c.label}` })));
  const lines = [
    [ROW_DIMENSION_LABELS[d.rowDimension].zh, ...columns.map((c) => c.name)],
    ...linesOf(v).map((line) => [line.label, ...columns.map((c) => shown(v, line.key, c.key).text)]),
  ];
  const text = `\uFEFF${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
  return { fileName: `${fileBase(v)}.csv`, mimeType: 'text/csv; charset=utf-8', bytes: Buffer.from(text, 'utf8') };
}

/** The table as data: exact values (not rounded), ratios with their parts, and what the numbers are. */
export function exportJson(v: ReportTableView): ExportFile {
  const d = v.template.definition;
  const body = {
    template: { id: v.template.id, code: v.template.code, title: d.title },
    period: v.period,
    unit: v.unit,
    mode: v.mode,
    dataThrough: v.dataThrough,
    computedAt: v.computedAt,
    submission: v.submission ? { status: v.submission.status, filledBy: v.submission.filledBy, phone: v.submission.phone, submittedAt: v.submission.submittedAt } : null,
    columns: d.groups.flatMap((g) => g.columns.map((c) => ({ key: c.key, group: g.label, label: c.label, kind: c.kind }))),
    rows: linesOf(v).map((line) => ({
      key: line.key,
      label: line.label,
      cells: Object.fromEntries(columnsOf(d).map((c) => [c.key, v.cells[cellKey(line.key, c.key)] ?? { value: null }])),
    })),
    notes: d.notes,
  };
  return { fileName: `${fileBase(v)}.json`, mimeType: 'application/json; charset=utf-8', bytes: Buffer.from(JSON.stringify(body, null, 2), 'utf8') };
}

export function exportTable(v: ReportTableView, format: ExportFormat): Promise<ExportFile> | ExportFile {
  if (format === 'csv') return exportCsv(v);
  if (format === 'json') return exportJson(v);
  return exportXlsx(v);
}
