/**
 * The public portal's page shell: server-rendered, no script, readable on a phone.
 * Every public page (report verification, double-random results, the dishonesty
 * list …) is a title and a body inside this shell, with the same navigation.
 */
export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The portal's sections, in menu order. A module adds its public page here. */
export const PORTAL_SECTIONS: { path: string; title: string }[] = [
  { path: '/public', title: '首页' },
  { path: '/verify', title: '报告证书查验' },
  { path: '/public/services', title: '技术服务目录' },
  { path: '/public/institutions', title: '检验检测机构' },
  { path: '/public/inspections', title: '双随机抽查结果' },
  { path: '/public/dishonesty', title: '严重违法失信名单' },
  { path: '/public/cases', title: '典型案例' },
  { path: '/public/recalls', title: '召回公告' },
  { path: '/public/complaints', title: '投诉举报' },
  { path: '/public/qa', title: '防疫问答' },
];

export function portalPage(options: { title: string; body: string; css?: string; current?: string }): string {
  const nav = PORTAL_SECTIONS.map(
    (s) => `<a href="${s.path}"${s.path === options.current ? ' aria-current="page"' : ''}>${escapeHtml(s.title)}</a>`,
  ).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)} · Shijian 市监</title>
<style>
body{font-family:-apple-system,"PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5;color:#222}
header{background:#fff;border-bottom:1px solid #e5e5e5}
header div{max-width:960px;margin:0 auto;padding:10px 20px;display:flex;flex-wrap:wrap;gap:6px 18px;align-items:center}
header a.brand{font-size:16px;font-weight:600;color:#222;margin-right:12px}
header a{color:#1677ff;text-decoration:none;font-size:14px}header a[aria-current]{color:#222;font-weight:600}
main{max-width:960px;margin:0 auto;padding:20px}
h1{font-size:20px}
table.list{width:100%;border-collapse:collapse;background:#fff;font-size:14px}
table.list th,table.list td{border-bottom:1px solid #eee;padding:8px;text-align:left;vertical-align:top}
table.list th{background:#fafafa;font-weight:600}
.empty{background:#fff;padding:24px;text-align:center;color:#888;border-radius:8px}
.pager{margin:12px 0;display:flex;gap:12px;align-items:center;font-size:14px}
form.filters{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:12px}
form.filters input,form.filters select{font-size:14px;padding:6px;border:1px solid #ccc;border-radius:4px}
form.filters button{font-size:14px;padding:6px 14px;background:#1677ff;color:#fff;border:0;border-radius:4px}
small{color:#888}
@media (max-width:640px){table.list thead{display:none}table.list tr{display:block;border-bottom:8px solid #f5f5f5}table.list td{display:block;border:0;padding:4px 8px}table.list td[data-label]::before{content:attr(data-label) "：";color:#888}}
${options.css ?? ''}
</style></head><body>
<header><div><a class="brand" href="/public">市场监管公共服务</a>${nav}</div></header>
<main>
<h1>${escapeHtml(options.title)}</h1>
${options.body}
</main></body></html>`;
}
