import { PublicListingQuery } from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { escapeHtml as e, portalPage } from './layout.js';

/** 严重违法失信名单公示: who is on the list today, by which decision, until when. No login. */
export function dishonestyPage(app: App, s: Services) {
  app.get(
    '/public/dishonesty',
    { schema: { hide: true, querystring: PublicListingQuery }, config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const list = await s.credit.publicList(req.query);
      const q = req.query.q ?? '';
      const rows = list.items
        .map(
          (l) => `<tr>
<td data-label="当事人">${e(l.partyName)}<br><small>${e(l.partyUscc ?? '')}</small></td>
<td data-label="列入情形">${l.criteria.map(e).join('；')}</td>
<td data-label="主要违法事实">${e(l.facts)}</td>
<td data-label="处罚决定书">${e(l.decisionNo)}</td>
<td data-label="作出决定机关">${e(l.orgName)}</td>
<td data-label="公示期">${e(l.publishedOn)} 至 ${e(l.expiresOn)}</td></tr>`,
        )
        .join('');
      const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
      const link = (page: number) => `/public/dishonesty?page=${page}${q ? `&q=${encodeURIComponent(q)}` : ''}`;
      const body = `<form class="filters" method="get" action="/public/dishonesty">
<input name="q" value="${e(q)}" placeholder="当事人名称或统一社会信用代码" maxlength="100" aria-label="查询">
<button type="submit">查询</button></form>
${
  list.items.length
    ? `<table class="list" data-testid="dishonesty-list"><thead><tr><th>当事人</th><th>列入情形</th><th>主要违法事实</th><th>处罚决定书</th><th>作出决定机关</th><th>公示期</th></tr></thead><tbody>${rows}</tbody></table>
<div class="pager">${list.page > 1 ? `<a href="${link(list.page - 1)}">上一页</a>` : ''}<span>第 ${list.page} / ${pages} 页，共 ${list.total} 条</span>${list.page < pages ? `<a href="${link(list.page + 1)}">下一页</a>` : ''}</div>`
    : `<p class="empty">${q ? '没有符合条件的当事人' : '目前名单中没有当事人'}</p>`
}
<p><small>依据《市场监督管理严重违法失信名单管理办法》公示。列入满三年自动移出；列入满一年后当事人可申请提前移出。</small></p>`;
      reply.header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
      return portalPage({ title: '严重违法失信名单', body, current: '/public/dishonesty' });
    },
  );
}
