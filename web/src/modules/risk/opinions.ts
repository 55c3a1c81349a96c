/**
 * Public-opinion items (舆情) read from a file in the browser: a CSV or JSON file becomes rows,
 * each row an `OpinionItem` checked with the contract's own schema before anything is sent.
 * Pure: text in, rows and their problems out.
 */
import { OpinionItem, checkUscc, type FieldError } from '@shijian/contracts';
import type { z } from 'zod';
import { parseCsv, toCsv } from './csv';

export const OPINION_FIELDS = ['date', 'source', 'text', 'enterpriseUscc', 'category', 'regionCode'] as const;
export type OpinionField = (typeof OPINION_FIELDS)[number];
export const REQUIRED_FIELDS: readonly OpinionField[] = ['date', 'source', 'text'];

/** The template's header (Chinese, as people type it) and each column's English key. */
export const OPINION_COLUMNS: Record<OpinionField, { zh: string; en: string }> = {
  date: { zh: '日期', en: 'date' },
  source: { zh: '来源', en: 'source' },
  text: { zh: '内容', en: 'text' },
  enterpriseUscc: { zh: '统一社会信用代码', en: 'enterpriseUscc' },
  category: { zh: '产品类别', en: 'category' },
  regionCode: { zh: '地区代码', en: 'regionCode' },
};

/** Header names taken for each field, compared without case, spaces, underscores or hyphens. */
const ALIASES: Record<OpinionField, string[]> = {
  date: ['日期', '发布日期', '发布时间', '时间', 'date', 'publishedon', 'published'],
  source: ['来源', '信息来源', '媒体', 'source', 'media'],
  text: ['内容', '正文', '舆情内容', '标题', 'text', 'content', 'body'],
  enterpriseUscc: ['统一社会信用代码', '信用代码', '企业统一社会信用代码', 'enterpriseuscc', 'uscc', 'creditcode'],
  category: ['产品类别', '类别', '产品类别代码', 'category', 'productcategory'],
  regionCode: ['地区代码', '行政区划代码', '地区', '区划代码', 'regioncode', 'region'],
};

const normalizeHeader = (header: string) => header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s_\-（）()]/g, '');
const BY_ALIAS = new Map<string, OpinionField>(OPINION_FIELDS.flatMap((f) => ALIASES[f].map((a) => [normalizeHeader(a), f] as const)));

/** The field a column header names, or null for a column that is not imported. */
export function fieldOfHeader(header: string): OpinionField | null {
  return BY_ALIAS.get(normalizeHeader(header)) ?? null;
}

/** One row of the file as read: `row` is the spreadsheet row (CSV, the header being row 1) or the item's number (JSON). */
export type OpinionRow = { row: number; values: Partial<Record<OpinionField, string>> };

/** A file read into rows, with the columns it lacks and those it has that are not imported. */
export type OpinionSheet = { format: 'csv' | 'json'; rows: OpinionRow[]; missing: OpinionField[]; ignored: string[] };

/** A file that cannot be read at all; the message is shown as it is. */
export class OpinionFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OpinionFileError';
  }
}

function columnsOf(headers: string[]): { fieldAt: (OpinionField | null)[]; missing: OpinionField[]; ignored: string[] } {
  const seen = new Set<OpinionField>();
  // A field named twice is read from its first column; the second is listed as not imported.
  const fieldAt = headers.map((h) => {
    const f = fieldOfHeader(h);
    if (!f || seen.has(f)) return null;
    seen.add(f);
    return f;
  });
  const ignored = headers.filter((h, i) => !fieldAt[i] && h.trim() !== '');
  return { fieldAt, missing: REQUIRED_FIELDS.filter((f) => !seen.has(f)), ignored };
}

/** A CSV file: the first non-blank row is the header, Chinese names or the contract's English keys. */
export function readCsvSheet(text: string): OpinionSheet {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new OpinionFileError('文件是空的');
  const { fieldAt, missing, ignored } = columnsOf(header.cells);
  const rows = records.map((r) => {
    const values: OpinionRow['values'] = {};
    fieldAt.forEach((f, i) => {
      if (f) values[f] = r.cells[i] ?? '';
    });
    return { row: r.row, values };
  });
  return { format: 'csv', rows, missing, ignored };
}

const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

/** A JSON file: an array of objects, or `{ "items": [...] }` as the API takes it; keys as in the CSV header. */
export function readJsonSheet(text: string): OpinionSheet {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new OpinionFileError('JSON 格式有误，无法读取');
  }
  const list = Array.isArray(data) ? data : (data as { items?: unknown } | null)?.items;
  if (!Array.isArray(list)) throw new OpinionFileError('JSON 应为舆情条目的数组，或 { "items": [...] }');
  const seen = new Set<OpinionField>();
  const ignored = new Set<string>();
  const rows = list.map((entry, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) return { row: i + 1, values: {} };
    const values: OpinionRow['values'] = {};
    for (const [key, value] of Object.entries(entry as Record<string, unknown>)) {
      const f = fieldOfHeader(key);
      if (!f) ignored.add(key);
      else if (values[f] === undefined) {
        values[f] = cellText(value);
        seen.add(f);
      }
    }
    return { row: i + 1, values };
  });
  return { format: 'json', rows, missing: rows.length ? REQUIRED_FIELDS.filter((f) => !seen.has(f)) : [], ignored: [...ignored] };
}

/** A file by its name, or by its first character when the name says nothing. */
export function readOpinionFile(name: string, text: string): OpinionSheet {
  const lower = name.toLowerCase();
  const json = lower.endsWith('.json') || (!lower.endsWith('.csv') && /^\s*[[{]/.test(text.replace(/^\uFEFF/, '')));
  return json ? readJsonSheet(text) : readCsvSheet(text);
}

/**
 * Decodes a file's bytes: UTF-8 (with or without a byte-order mark), or GB 18030 when the
 * bytes are not UTF-8 — what a spreadsheet on a Chinese system saves as "CSV".
 */
export function decodeFile(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

const pad = (n: string) => n.padStart(2, '0');

/**
 * A date as the API takes it (YYYY-MM-DD) from the ways people write one: 2026/11/3,
 * 2026.11.03, 2026年11月3日, or with a time after it. Anything else is returned as it is,
 * for the schema to refuse.
 */
export function normalizeDate(value: string): string {
  const s = value.trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT].*)?$/.exec(s);
  return m ? `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}` : s;
}

/** Whether YYYY-MM-DD is a day of the calendar (not 2026-02-30). */
export function isCalendarDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

export type RowProblem = { field: OpinionField | null; message: string };
export type CheckedRow = OpinionRow & { item: z.infer<typeof OpinionItem> | null; problems: RowProblem[] };

export type CheckContext = {
  /** A category's code from its code or its name, or null when there is no such category. */
  categoryCode: (value: string) => string | null;
  /** Today in Beijing (YYYY-MM-DD): an item may not be dated later. */
  today: string;
  /** The reader's region prefix ('51' for Sichuan), or null for the whole country. */
  scopePrefix: string | null;
};

/**
 * One row as the item the API takes, or its problems: the contract's schema (OpinionItem) and
 * what the browser can also tell before sending — a real calendar date not after today, a
 * valid 统一社会信用代码, a known product category, a region within the reader's area.
 */
export function checkRow(row: OpinionRow, ctx: CheckContext): CheckedRow {
  const v = row.values;
  const problems: RowProblem[] = [];
  const optional = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : s.trim());
  const date = v.date === undefined ? undefined : normalizeDate(v.date);
  const uscc = optional(v.enterpriseUscc)?.toUpperCase();
  const categoryText = optional(v.category);
  const category = categoryText === undefined ? undefined : (ctx.categoryCode(categoryText) ?? categoryText);
  const candidate = { date, source: v.source, text: v.text, enterpriseUscc: uscc, category, regionCode: optional(v.regionCode) };

  const parsed = OpinionItem.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = (OPINION_FIELDS as readonly unknown[]).includes(issue.path[0]) ? (issue.path[0] as OpinionField) : null;
      // A category is checked against the list below, in words a person can act on.
      if (field === 'category') continue;
      problems.push({ field, message: issue.message });
    }
  }
  const has = (f: OpinionField) => problems.some((p) => p.field === f);
  if (date && !has('date')) {
    if (!isCalendarDate(date)) problems.push({ field: 'date', message: `日期“${date}”不存在` });
    else if (date > ctx.today) problems.push({ field: 'date', message: '日期不能晚于今天' });
  }
  if (uscc && !has('enterpriseUscc')) {
    const problem = checkUscc(uscc);
    if (problem) problems.push({ field: 'enterpriseUscc', message: problem.message });
  }
  if (categoryText !== undefined && ctx.categoryCode(categoryText) === null) {
    problems.push({ field: 'category', message: `没有“${categoryText}”这一产品类别，请填写产品类别的代码或名称` });
  }
  if (candidate.regionCode && !has('regionCode') && ctx.scopePrefix && !candidate.regionCode.startsWith(ctx.scopePrefix)) {
    problems.push({ field: 'regionCode', message: '地区不在本单位管辖范围内' });
  }
  return { ...row, item: problems.length === 0 && parsed.success ? parsed.data : null, problems };
}

/** The server numbers items from 1 in what was sent ("第 3 条："); against a row of the file that prefix misleads. */
const stripItemNumber = (message: string) => message.replace(/^第\s*\d+\s*条[：:]\s*/, '');

/**
 * The server's field errors (`items.3.regionCode`) against the file's rows: `sentRows[i]` is the
 * file row of the i-th item sent. Errors naming no item are returned apart.
 */
export function serverProblems(fields: readonly FieldError[], sentRows: readonly number[]): { byRow: Map<number, RowProblem[]>; general: string[] } {
  const byRow = new Map<number, RowProblem[]>();
  const general: string[] = [];
  for (const f of fields) {
    const m = /^(?:body\.)?items\.(\d+)(?:\.(\w+))?/.exec(f.field);
    const row = m ? sentRows[Number(m[1])] : undefined;
    if (row === undefined) {
      general.push(f.message);
      continue;
    }
    const field = m?.[2] && (OPINION_FIELDS as readonly string[]).includes(m[2]) ? (m[2] as OpinionField) : null;
    byRow.set(row, [...(byRow.get(row) ?? []), { field, message: stripItemNumber(f.message) }]);
  }
  return { byRow, general };
}

/** The template people fill in: the Chinese header only, so importing it unchanged imports nothing. */
export function templateCsv(): string {
  return toCsv([OPINION_FIELDS.map((f) => OPINION_COLUMNS[f].zh)]);
}
