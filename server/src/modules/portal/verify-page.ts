import { JUDGEMENT_LABELS, type PublicVerification } from '@shijian/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The public report-verification page the QR code on every report opens.
 * Server-rendered, no script, readable on a phone; it shows only the minimal fields.
 */
export function verifyPage(app: App, s: Services) {
  app.get(
    '/verify',
    {
      schema: { hide: true, querystring: z.object({ no: z.string().max(40).optional(), code: z.string().max(20).optional() }) },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { no, code } = req.query;
      const result = no && code ? await s.reports.verify(no.trim(), code.trim()) : null;
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      return page(no ?? '', code ?? '', result);
    },
  );
}

function page(no: string, code: string, result: PublicVerification | null): string {
  const colour = result?.status === 'authentic' ? '#237804' : result?.status === 'superseded' ? '#ad6800' : '#a8071a';
  const title = result ? { authentic: '真实有效', superseded: '已被替代', not_found: '未找到' }[result.status] : '';
  const r = result?.report;
  const rows = r
    ? [
        ['检验检测机构', r.institutionName],
        ['报告编号', `${r.reportNo}（第 ${r.version} 版）`],
        ['样品名称', r.productName],
        ['检验结论', JUDGEMENT_LABELS[r.conclusion].zh],
        ['签发日期', r.issuedOn],
        ['报告文件摘要 SHA-256', r.pdfSha256],
      ]
        .map(([k, v]) => `<tr><th>${escape(k!)}</th><td>${escape(v!)}</td></tr>`)
        .join('')
    : '';
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>报告真伪查验 · Shijian 市监</title>
<style>
body{font-family:-apple-system,"PingFang SC","Noto Sans SC","Microsoft YaHei",sans-serif;margin:0;background:#f5f5f5;color:#222}
main{max-width:560px;margin:0 auto;padding:20px}
h1{font-size:20px}form{background:#fff;padding:16px;border-radius:8px;display:grid;gap:10px}
label{font-size:14px}input{font-size:16px;padding:8px;border:1px solid #ccc;border-radius:4px;width:100%;box-sizing:border-box}
button{font-size:16px;padding:10px;background:#1677ff;color:#fff;border:0;border-radius:4px}
.result{margin-top:16px;background:#fff;border-radius:8px;padding:16px;border-left:6px solid ${colour}}
.result h2{color:${colour};margin:0 0 8px;font-size:20px}th{text-align:left;color:#666;font-weight:normal;padding:4px 12px 4px 0;white-space:nowrap;vertical-align:top}
td{word-break:break-all;padding:4px 0}small{color:#888}
</style></head><body><main>
<h1>检验检测报告真伪查验</h1>
<form method="get" action="/verify">
<label>报告编号 <input name="no" value="${escape(no)}" required maxlength="40" autocomplete="off"></label>
<label>验证码 <input name="code" value="${escape(code)}" required maxlength="20" autocomplete="off"></label>
<button type="submit">查验</button>
</form>
${result ? `<section class="result" data-status="${result.status}"><h2>${title}</h2><p>${escape(result.message)}</p>${rows ? `<table>${rows}</table>` : ''}</section>` : ''}
<p><small>本页只显示报告的基本信息，不显示检测数据。扫描报告上的二维码可直接查验。</small></p>
</main></body></html>`;
}
