import type { z } from 'zod';
import { regionLevel } from '@shijian/contracts';
import type { Regions } from '../../platform/regions/service.js';
import { escapeHtml as e } from './layout.js';

/**
 * Pieces the newer portal pages share: a forgiving reading of the query string (a page opened
 * from a typed or stale link still shows, with what was ignored said in words), the pager, the
 * region choice, and text with its line breaks.
 */

/**
 * Parses the page's query with its schema; a field that fails is dropped and its message kept,
 * so `?region=abc` shows the unfiltered page with 行政区划代码应为6位数字 instead of a JSON error.
 */
export function lenientQuery<S extends z.ZodType<object>>(schema: S, raw: unknown): { query: z.infer<S>; problems: string[] } {
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    // A repeated parameter counts once (the last), as a form without script sends it.
    const one = Array.isArray(value) ? value[value.length - 1] : value;
    if (typeof one === 'string' && one.trim() !== '') input[key] = one;
  }
  const first = schema.safeParse(input);
  if (first.success) return { query: first.data, problems: [] };
  const bad = new Set(first.error.issues.map((i) => String(i.path[0])));
  const problems = [...new Set(first.error.issues.map((i) => i.message))];
  const kept = Object.fromEntries(Object.entries(input).filter(([key]) => !bad.has(key)));
  const second = schema.safeParse(kept);
  return { query: second.success ? second.data : schema.parse({}), problems };
}

export const problemsHtml = (problems: string[]) => (problems.length ? `<p class="notice" role="alert">已忽略有误的查询条件：${problems.map(e).join('；')}</p>` : '');

/** 上一页 · 第 n / m 页，共 t 条 · 下一页, with links that keep the filters. */
export function pagerHtml(list: { page: number; pageSize: number; total: number }, link: (page: number) => string, unit = '条'): string {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return `<div class="pager">${list.page > 1 ? `<a href="${e(link(list.page - 1))}">上一页</a>` : ''}<span>第 ${list.page} / ${pages} 页，共 ${list.total} ${unit}</span>${
    list.page < pages ? `<a href="${e(link(list.page + 1))}">下一页</a>` : ''
  }</div>`;
}

/** A link to `path` with the given parameters (empty ones left out). */
export function hrefWith(path: string, params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams(Object.entries(params).filter((x): x is [string, string | number] => x[1] !== undefined && x[1] !== null && x[1] !== '').map(([k, v]): [string, string] => [k, String(v)]));
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export const option = (value: string, label: string, selected: string | undefined) => `<option value="${e(value)}"${value === selected ? ' selected' : ''}>${e(label)}</option>`;

/**
 * The regions that have records, with their province and city above them, indented by level:
 * a select without script that still filters a whole province.
 */
export async function regionOptions(regions: Regions, codes: string[], selected: string | undefined): Promise<string> {
  const idx = await regions.index();
  const all = new Set<string>();
  for (const code of codes) {
    for (let r = idx.get(code); r; r = r.parentCode ? idx.get(r.parentCode) : undefined) all.add(r.code);
  }
  // A selected region that has no records stays selectable, so the page shows what was asked.
  if (selected && idx.has(selected)) all.add(selected);
  return [...all]
    .sort()
    .map((code) => option(code, `${'　'.repeat(regionLevel(code) - 1)}${idx.get(code)?.name ?? code}`, selected))
    .join('');
}

/** Text as paragraphs: escaped, blank lines between paragraphs, single breaks kept. */
export function paragraphs(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `<p>${e(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

/** Styles of the newer pages, added to the shell's. */
export const PARTS_CSS = `
.notice{background:#fffbe6;border:1px solid #ffe58f;padding:8px 12px;border-radius:6px;font-size:14px}
.lead{color:#555;font-size:14px;line-height:1.7;margin:0 0 16px}
.tag{display:inline-block;font-size:12px;border:1px solid #91caff;color:#1677ff;border-radius:3px;padding:0 4px;margin-right:4px}
.meta{color:#888;font-size:13px}
`;
