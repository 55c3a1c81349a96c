import { PublicRecallQuery, RECALL_MEASURE_LABELS, RECALL_STATUS_LABELS, RISK_LEVEL_LABELS } from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { escapeHtml as e, portalPage } from './layout.js';

/** 召回公告: every published recall, newest first, with how far it has come. No login. */
export function recallsPage(app: App, s: Services) {
  app.get(
    '/public/recalls',
    { schema: { hide: true, querystring: PublicRecallQuery }, config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const list = await s.recalls.publicList(req.query);
      const q = req.query.q ?? '';
      const percent = (done: number, total: number | null) => (total ? `${Math.floor((100 * done) / total)}%` : '—');
      const rows = list.items
        .map(
          (r) => `<tr>
<td data-label="产品">${e(r.productName)}<br><small>${e(r.batches)}</small></td>
<td data-label="生产者">${e(r.enterpriseName)}</td>
<td data-label="缺陷">${e(r.defect)}${r.riskLevel ? `<br><small>${e(RISK_LEVEL_LABELS[r.riskLevel].zh)}</small>` : ''}</td>
<td data-label="召回措施">${r.measures.map((m) => e(RECALL_MEASURE_LABELS[m])).join('、')}<br><small>${e(r.scope ?? '')}</small></td>
<td data-label="召回期间">${e(r.startsOn ?? '')} 至 ${e(r.endsOn ?? '')}</td>
<td data-label="进展">${r.quantityRecalled} / ${r.quantityTotal ?? '—'}（${percent(r.quantityRecalled, r.quantityTotal)}）<br><small>${e(RECALL_STATUS_LABELS[r.status].zh)}</small></td></tr>`,
        )
        .join('');
      const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
      const link = (page: number) => `/public/recalls?page=${page}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
      const body = `<form class="filters" method="get" action="/public/recalls">
<input name="q" value="${e(q)}" placeholder="产品或生产者名称" maxlength="100" aria-label="查询">
<button type="submit">查询</button></form>
${
  list.items.length
    ? `<table class="list" data-testid="recall-list"><thead><tr><th>产品</th><th>生产者</th><th>缺陷</th><th>召回措施</th><th>召回期间</th><th>进展</th></tr></thead><tbody>${rows}</tbody></table>
<div class="pager">${list.page > 1 ? `<a href="${link(list.page - 1)}">上一页</a>` : ''}<span>第 ${list.page} / ${pages} 页，共 ${list.total} 条</span>${list.page < pages ? `<a href="${link(list.page + 1)}">下一页</a>` : ''}</div>`
    : `<p class="empty">${q ? '没有符合条件的召回公告' : '目前没有召回公告'}</p>`
}
<p><small>持有召回范围内产品的消费者，请停止使用并联系生产者办理召回。</small></p>`;
      reply.header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
      return portalPage({ title: '缺陷产品召回公告', body, current: '/public/recalls' });
    },
  );
}
