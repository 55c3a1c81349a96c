import { CERTIFICATE_KIND_LABELS, JUDGEMENT_LABELS, type PublicCertificateVerification, type PublicVerification } from '@shijian/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { escapeHtml as e, portalPage } from './layout.js';

const CSS = `
nav.kinds{display:flex;gap:8px;margin:0 0 12px}
nav.kinds a{font-size:14px;padding:4px 14px;border-radius:14px;background:#fff;border:1px solid #d9d9d9;color:#333;text-decoration:none}
nav.kinds a[aria-current]{background:#1677ff;border-color:#1677ff;color:#fff}
form.verify{max-width:560px;background:#fff;padding:16px;border-radius:8px;display:grid;gap:10px}
form.verify label{font-size:14px}
form.verify input{font-size:16px;padding:8px;border:1px solid #ccc;border-radius:4px;width:100%;box-sizing:border-box}
form.verify button{font-size:16px;padding:10px;background:#1677ff;color:#fff;border:0;border-radius:4px}
.result{max-width:560px;box-sizing:border-box;margin-top:16px;background:#fff;border-radius:8px;padding:16px;border-left:6px solid var(--tone)}
.result h2{color:var(--tone);margin:0 0 8px;font-size:20px}
.result th{text-align:left;color:#666;font-weight:normal;padding:4px 12px 4px 0;white-space:nowrap;vertical-align:top}
.result td{word-break:break-all;padding:4px 0}
`;

const GOOD = '#237804';
const WARN = '#ad6800';
const BAD = '#a8071a';

type Kind = 'report' | 'certificate';
const KINDS: Record<Kind, { path: string; tab: string; title: string; number: string; note: string }> = {
  report: {
    path: '/verify',
    tab: '检验检测报告',
    title: '检验检测报告真伪查验',
    number: '报告编号',
    note: '本页只显示报告的基本信息，不显示检测数据。扫描报告上的二维码可直接查验。',
  },
  certificate: {
    path: '/verify/certificate',
    tab: '计量检定证书',
    title: '计量检定证书真伪查验',
    number: '证书编号',
    note: '检定证书和检定结果通知书均可查验。扫描证书上的二维码可直接查验；有效期按查验当日（北京时间）判断。',
  },
};

const Query = z.object({ no: z.string().max(40).optional(), code: z.string().max(20).optional() });

/**
 * Public verification of what the system issues: test reports (the QR code on every report
 * opens /verify) and verification certificates (/verify/certificate). Server-rendered in the
 * portal's shell, no script, readable on a phone; only the fields printed on the paper.
 */
export function verifyPage(app: App, s: Services) {
  const config = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } };
  app.get('/verify', { schema: { hide: true, querystring: Query }, config }, async (req, reply) => {
    const { no, code } = req.query;
    const result = no && code ? await s.reports.verify(no.trim(), code.trim()) : null;
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return page('report', no ?? '', code ?? '', result && reportResult(result));
  });
  app.get('/verify/certificate', { schema: { hide: true, querystring: Query }, config }, async (req, reply) => {
    const { no, code } = req.query;
    const result = no && code ? await s.metrology.verifyCertificate(no.trim(), code.trim()) : null;
    reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
    return page('certificate', no ?? '', code ?? '', result && certificateResult(result));
  });
}

type Result = { status: string; tone: string; title: string; message: string; rows: [string, string][] };

function reportResult(result: PublicVerification): Result {
  const r = result.report;
  return {
    status: result.status,
    tone: result.status === 'authentic' ? GOOD : result.status === 'superseded' ? WARN : BAD,
    title: { authentic: '真实有效', superseded: '已被替代', not_found: '未找到' }[result.status],
    message: result.message,
    rows: r
      ? [
          ['检验检测机构', r.institutionName],
          ['报告编号', `${r.reportNo}（第 ${r.version} 版）`],
          ['样品名称', r.productName],
          ['检验结论', JUDGEMENT_LABELS[r.conclusion].zh],
          ['签发日期', r.issuedOn],
          ['报告文件摘要 SHA-256', r.pdfSha256],
        ]
      : [],
  };
}

function certificateResult(result: PublicCertificateVerification): Result {
  const c = result.certificate;
  if (!c) return { status: result.status, tone: BAD, title: '未找到', message: result.message, rows: [] };
  const validity = { valid: `${c.validUntil}（在有效期内）`, expired: `${c.validUntil}（已过期）`, none: '—' }[c.validity];
  return {
    // 'expired' is its own status on the page: the paper is genuine, the instrument is not covered.
    status: c.validity === 'expired' ? 'expired' : result.status,
    tone: c.kind === 'failure_notice' || c.validity === 'expired' ? WARN : GOOD,
    title: c.validity === 'expired' ? '真实，已过有效期' : '真实有效',
    message: result.message,
    rows: [
      ['文书', CERTIFICATE_KIND_LABELS[c.kind]],
      ['证书编号', c.certificateNo],
      ['检定机构', c.institutionName],
      ['送检单位', c.clientName],
      ['计量器具', c.model ? `${c.instrumentName}（${c.model}）` : c.instrumentName],
      ['出厂编号', c.serialNumber],
      ['检定结论', c.conclusion],
      ['检定日期', c.performedOn],
      ['有效期至', validity],
    ],
  };
}

function page(kind: Kind, no: string, code: string, result: Result | null): string {
  const k = KINDS[kind];
  const tabs = (Object.keys(KINDS) as Kind[]).map((x) => `<a href="${KINDS[x].path}"${x === kind ? ' aria-current="page"' : ''}>${e(KINDS[x].tab)}</a>`).join('');
  const rows = result?.rows.map(([th, td]) => `<tr><th>${e(th)}</th><td>${e(td)}</td></tr>`).join('') ?? '';
  const body = `<nav class="kinds" aria-label="查验对象">${tabs}</nav>
<form class="verify" method="get" action="${k.path}">
<label>${e(k.number)} <input name="no" value="${e(no)}" required maxlength="40" autocomplete="off"></label>
<label>验证码 <input name="code" value="${e(code)}" required maxlength="20" autocomplete="off"></label>
<button type="submit">查验</button>
</form>
${
  result
    ? `<section class="result" data-status="${e(result.status)}" style="--tone:${result.tone}"><h2>${e(result.title)}</h2><p>${e(result.message)}</p>${rows ? `<table>${rows}</table>` : ''}</section>`
    : ''
}
<p><small>${e(k.note)}</small></p>`;
  return portalPage({ title: k.title, body, css: CSS, current: '/verify' });
}
