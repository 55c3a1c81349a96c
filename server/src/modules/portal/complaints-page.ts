import { ComplaintIntakeBody, COMPLAINT_STATUS_LABELS, PublicComplaintQuery } from '@shijian/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { escapeHtml as e, portalPage } from './layout.js';

type Values = Partial<Record<keyof z.infer<typeof ComplaintIntakeBody>, string>>;

const CSS = `form.complaint{background:#fff;padding:16px;border-radius:8px;display:grid;gap:12px;max-width:640px}
form.complaint label{display:grid;gap:4px;font-size:14px}form.complaint input,form.complaint select,form.complaint textarea{font-size:15px;padding:8px;border:1px solid #ccc;border-radius:4px}
form.complaint textarea{min-height:120px}form.complaint button{font-size:15px;padding:10px;background:#1677ff;color:#fff;border:0;border-radius:4px}
.error{color:#cf1322;font-size:13px}.done{background:#f6ffed;border:1px solid #b7eb8f;padding:16px;border-radius:8px}`;

function form(values: Values, errors: Map<string, string>, categories: { code: string; name: string }[]): string {
  const v = (k: keyof Values) => e(values[k] ?? '');
  const err = (k: string) => (errors.has(k) ? `<span class="error" role="alert">${e(errors.get(k)!)}</span>` : '');
  const opt = (value: string, label: string, current: string | undefined) => `<option value="${e(value)}"${value === current ? ' selected' : ''}>${e(label)}</option>`;
  return `<form class="complaint" method="post" action="/public/complaints" novalidate>
<label>类型 ${err('kind')}<select name="kind">${opt('complaint', '投诉（消费纠纷，请求调解）', values.kind)}${opt('report', '举报（违法行为线索）', values.kind)}</select></label>
<label>您的姓名 * ${err('complainantName')}<input name="complainantName" value="${v('complainantName')}" maxlength="50"></label>
<label>联系电话 * ${err('complainantPhone')}<input name="complainantPhone" value="${v('complainantPhone')}" maxlength="20" inputmode="tel"></label>
<label>被投诉举报对象（企业或商户名称）* ${err('targetName')}<input name="targetName" value="${v('targetName')}" maxlength="200"></label>
<label>统一社会信用代码（知道时填写）${err('targetUscc')}<input name="targetUscc" value="${v('targetUscc')}" maxlength="18"></label>
<label>所在地区代码（不知道信用代码时填写，如 510107）${err('targetRegionCode')}<input name="targetRegionCode" value="${v('targetRegionCode')}" maxlength="6" inputmode="numeric"></label>
<label>产品类别 ${err('productCategory')}<select name="productCategory"><option value="">（不确定）</option>${categories.map((c) => opt(c.code, c.name, values.productCategory)).join('')}</select></label>
<label>标题 * ${err('subject')}<input name="subject" value="${v('subject')}" maxlength="100"></label>
<label>内容 * ${err('content')}<textarea name="content" maxlength="5000">${v('content')}</textarea></label>
<label>涉及金额（元，投诉时填写）${err('amountYuan')}<input name="amountYuan" value="${v('amountYuan')}" maxlength="16" inputmode="decimal"></label>
<button type="submit">提交</button>
<small>您的联系方式仅承办的市场监管部门可见。投诉自收到之日起7个工作日内作出是否受理的决定；举报在15个工作日内核查。</small>
</form>`;
}

/**
 * 投诉举报: a form that works without script, on a phone, with the field messages of the API's
 * own schema; on success the number and the code to follow it; and the lookup of its progress.
 */
export function complaintsPage(app: App, s: Services) {
  app.get('/public/complaints', { schema: { hide: true }, config: { public: true } }, async (_req, reply) => {
    const categories = await s.categories.catalogue();
    reply.type('text/html; charset=utf-8');
    return portalPage({ title: '投诉举报', body: `${form({ kind: 'complaint' }, new Map(), categories)}${lookupForm()}`, current: '/public/complaints', css: CSS });
  });

  app.post(
    '/public/complaints',
    { schema: { hide: true, body: z.record(z.string(), z.string()) }, config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const raw = req.body as Values;
      const cleaned = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined && String(value).trim() !== '')) as Record<string, string>;
      const parsed = ComplaintIntakeBody.safeParse(cleaned);
      const categories = await s.categories.catalogue();
      reply.type('text/html; charset=utf-8');
      if (!parsed.success) {
        const errors = new Map(parsed.error.issues.map((i) => [String(i.path[0] ?? ''), i.message]));
        reply.status(400);
        return portalPage({ title: '投诉举报', body: `<p class="error">请更正以下标出的内容后再提交。</p>${form(raw, errors, categories)}`, current: '/public/complaints', css: CSS });
      }
      try {
        const created = await s.complaints.submitPublic(req.actor, parsed.data);
        return portalPage({
          title: '投诉举报',
          current: '/public/complaints',
          css: CSS,
          body: `<div class="done" data-testid="complaint-done"><p>已收到您的${parsed.data.kind === 'complaint' ? '投诉' : '举报'}，由 <strong>${e(created.handlingOrgName)}</strong> 承办，将于 <strong>${e(created.dueOn)}</strong> 前作出${parsed.data.kind === 'complaint' ? '是否受理的决定' : '核查决定'}。</p>
<p>编号：<strong data-testid="complaint-no">${e(created.complaintNo)}</strong>\u3000查询码：<strong data-testid="complaint-code">${e(created.accessCode)}</strong></p>
<p><small>请保存编号和查询码，凭此查询办理进度。</small></p></div>${lookupForm(created.complaintNo)}`,
        });
      } catch (error) {
        const fields = (error as { details?: { fields?: { field: string; message: string }[] } }).details?.fields ?? [];
        const message = (error as { message?: string }).message ?? '提交失败，请稍后重试';
        reply.status((error as { status?: number }).status ?? 400);
        return portalPage({ title: '投诉举报', body: `<p class="error">${e(message)}</p>${form(raw, new Map(fields.map((f) => [f.field, f.message])), categories)}`, current: '/public/complaints', css: CSS });
      }
    },
  );

  app.get(
    '/public/complaints/status',
    { schema: { hide: true, querystring: PublicComplaintQuery.partial() }, config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      reply.type('text/html; charset=utf-8');
      const { no, code } = req.query;
      if (!no || !code) return portalPage({ title: '投诉举报进度', body: lookupForm(no), current: '/public/complaints', css: CSS });
      const status = await s.complaints.publicStatus(no, code).catch(() => null);
      const body = status
        ? `<table class="list"><tbody>
<tr><th>编号</th><td>${e(status.complaintNo)}</td></tr><tr><th>承办部门</th><td>${e(status.handlingOrgName)}</td></tr>
<tr><th>收到日期</th><td>${e(status.receivedOn)}</td></tr><tr><th>办理状态</th><td data-testid="complaint-status">${e(COMPLAINT_STATUS_LABELS[status.status].zh)}</td></tr>
${status.dueOn ? `<tr><th>办理期限</th><td>${e(status.dueOn)}</td></tr>` : ''}${status.decisionNote ? `<tr><th>处理意见</th><td>${e(status.decisionNote)}</td></tr>` : ''}
${status.reply ? `<tr><th>答复</th><td>${e(status.reply)}</td></tr>` : ''}</tbody></table>`
        : `<p class="empty">编号或查询码不正确</p>${lookupForm(no)}`;
      if (!status) reply.status(404);
      return portalPage({ title: '投诉举报进度', body, current: '/public/complaints', css: CSS });
    },
  );
}

function lookupForm(no = ''): string {
  return `<h2 style="font-size:16px;margin-top:24px">查询办理进度</h2><form class="filters" method="get" action="/public/complaints/status">
<input name="no" value="${e(no)}" placeholder="编号" maxlength="40" aria-label="编号"><input name="code" placeholder="查询码" maxlength="20" aria-label="查询码"><button type="submit">查询</button></form>`;
}
