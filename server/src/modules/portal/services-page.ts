import { CatalogueQuery, SERVICE_KINDS, SERVICE_KIND_LABELS } from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { escapeHtml as e, portalPage } from './layout.js';

/**
 * 技术服务目录: what every institution offers (notice 000: 公布服务事项), searched by words,
 * standard, kind, product category and region, with the fee and whether it goes through the
 * green channel. No login; a request is made after signing in, or by phone to the institution.
 */
export function servicesPage(app: App, s: Services) {
  app.get(
    '/public/services',
    { schema: { hide: true, querystring: CatalogueQuery }, config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const q = req.query;
      const [list, categories] = await Promise.all([s.serviceCatalogue.search(q), s.categories.catalogue()]);
      const rows = list.items
        .map(
          (i) => `<tr>
<td data-label="服务项目">${e(i.name)}${i.epidemic ? ' <span class="tag green">绿色通道</span>' : ''}${i.onSite ? ' <span class="tag">可上门</span>' : ''}</td>
<td data-label="类型">${e(SERVICE_KIND_LABELS[i.kind].zh)}</td>
<td data-label="依据标准">${i.standards.map(e).join('<br>') || '—'}</td>
<td data-label="服务机构">${e(i.institutionName)}</td>
<td data-label="收费（元）">${e(i.feeYuan)}${i.compulsory ? '<br><small>强制检定免费</small>' : ''}</td>
<td data-label="办理时限">${i.turnaroundDays} 个工作日</td></tr>`,
        )
        .join('');
      const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
      const keep = new URLSearchParams(Object.entries({ q: q.q, kind: q.kind, category: q.category, region: q.region, epidemic: q.epidemic }).filter((x): x is [string, string] => Boolean(x[1])));
      const link = (page: number) => `/public/services?${new URLSearchParams([...keep, ['page', String(page)]]).toString()}`;
      const option = (value: string, label: string, selected: string | undefined) => `<option value="${e(value)}"${value === selected ? ' selected' : ''}>${e(label)}</option>`;
      const body = `<form class="filters" method="get" action="/public/services">
<input name="q" value="${e(q.q ?? '')}" placeholder="项目名称、参数或标准号，如 体温计、JJG 1162" maxlength="100" aria-label="关键词">
<select name="kind" aria-label="服务类型"><option value="">全部类型</option>${SERVICE_KINDS.map((k) => option(k, SERVICE_KIND_LABELS[k].zh, q.kind)).join('')}</select>
<select name="category" aria-label="产品类别"><option value="">全部产品类别</option>${categories.map((c) => option(c.code, c.name, q.category)).join('')}</select>
<input name="region" value="${e(q.region ?? '')}" placeholder="地区代码，如 510000" maxlength="6" aria-label="地区代码">
<label><input type="checkbox" name="epidemic" value="true"${q.epidemic === 'true' ? ' checked' : ''}> 仅疫情防控相关</label>
<button type="submit">查询</button></form>
${
  list.items.length
    ? `<table class="list" data-testid="service-catalogue"><thead><tr><th>服务项目</th><th>类型</th><th>依据标准</th><th>服务机构</th><th>收费（元）</th><th>办理时限</th></tr></thead><tbody>${rows}</tbody></table>
<div class="pager">${list.page > 1 ? `<a href="${link(list.page - 1)}">上一页</a>` : ''}<span>第 ${list.page} / ${pages} 页，共 ${list.total} 项</span>${list.page < pages ? `<a href="${link(list.page + 1)}">下一页</a>` : ''}</div>`
    : `<p class="empty">没有符合条件的服务项目</p>`
}
<p><small>疫情防控相关的检验检测、检定校准走绿色通道，24小时内响应；机构实行首问负责制，不具备能力的将转介有能力的机构。强制检定、监管部门委托、疫情防控物资生产企业的相关服务按规定免收费用，小微企业按当地规定减免。</small></p>`;
      reply.header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
      return portalPage({ title: '技术服务目录', body, current: '/public/services', css: '.tag{font-size:12px;border:1px solid #91caff;color:#1677ff;border-radius:3px;padding:0 4px}.tag.green{border-color:#95de64;color:#389e0d}' });
    },
  );
}
