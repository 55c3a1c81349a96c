import { INSTITUTION_KINDS, INSTITUTION_KIND_LABELS, PublicInstitutionQuery } from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { escapeHtml as e, portalPage } from './layout.js';
import { PARTS_CSS, hrefWith, lenientQuery, option, pagerHtml, problemsHtml, regionOptions } from './parts.js';

const CURRENT = '/public/institutions';

/**
 * 检验检测机构名录: institutions whose 资质认定 (CMA) certificate is in force today, by name, region,
 * kind, what they can test and product category. The rule is stated on the page.
 */
export function institutionsPage(app: App, s: Services) {
  app.get(CURRENT, { schema: { hide: true }, config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { query: q, problems } = lenientQuery(PublicInstitutionQuery, req.query);
    const [list, regionCodes, categories] = await Promise.all([s.publicity.institutions.list(q), s.publicity.institutions.regions(), s.categories.catalogue()]);
    const today = s.publicity.institutions.today();
    const rows = list.items
      .map((i) => {
        const ability = i.matches.length
          ? i.matches.map((m) => `${e(m.parameter)}（${e(m.standard)}）`).join('<br>')
          : `${i.standards.map(e).join('、') || '—'}${i.scopeCount ? `<br><small>资质范围 ${i.scopeCount} 项</small>` : ''}`;
        return `<tr>
<td data-label="机构名称">${e(i.name)}<br><small>${e(INSTITUTION_KIND_LABELS[i.kind].zh)}${i.domains.length ? ` · ${i.domains.map(e).join('、')}` : ''}</small></td>
<td data-label="所在地区">${e(i.regionName)}</td>
<td data-label="资质认定证书">${e(i.cmaNumber)}<br><small>有效期至 ${e(i.cmaValidUntil)}</small></td>
<td data-label="${i.matches.length ? '匹配的检测能力' : '依据标准'}">${ability}</td>
<td data-label="地址">${e(i.address)}</td></tr>`;
      })
      .join('');
    const keep = { q: q.q, region: q.region, kind: q.kind, test: q.test, category: q.category };
    const filtered = Object.values(keep).some(Boolean);
    const body = `<p class="lead">本名录列出资质认定（CMA）证书在有效期内的机构：已登记证书编号，且证书有效期至不早于今天（${e(today)}，北京时间）。证书到期的次日起，机构不再列出；资质范围以证书附表为准。</p>
${problemsHtml(problems)}
<form class="filters" method="get" action="${CURRENT}">
<input name="q" value="${e(q.q ?? '')}" placeholder="机构名称" maxlength="100" aria-label="机构名称">
<select name="region" aria-label="所在地区"><option value="">全部地区</option>${await regionOptions(s.deps.regions, regionCodes, q.region)}</select>
<select name="kind" aria-label="机构类别"><option value="">全部类别</option>${INSTITUTION_KINDS.map((k) => option(k, INSTITUTION_KIND_LABELS[k].zh, q.kind)).join('')}</select>
<input name="test" value="${e(q.test ?? '')}" placeholder="检测能力：参数或标准号，如 过滤效率、GB 2626" maxlength="100" aria-label="检测能力">
<select name="category" aria-label="产品类别"><option value="">全部产品类别</option>${categories.map((c) => option(c.code, c.name, q.category)).join('')}</select>
<button type="submit">查询</button></form>
${
  list.items.length
    ? `<table class="list" data-testid="institution-list"><thead><tr><th>机构名称</th><th>所在地区</th><th>资质认定证书</th><th>${q.test ? '匹配的检测能力' : '依据标准'}</th><th>地址</th></tr></thead><tbody>${rows}</tbody></table>
${pagerHtml(list, (page) => hrefWith(CURRENT, { ...keep, page }), '家')}`
    : `<p class="empty">${filtered ? '没有符合条件的机构' : '目前没有资质认定证书在有效期内的机构'}</p>`
}
<p><small>委托检验检测前，请核对机构的资质认定证书及其附表是否覆盖所需的检测项目；对出具不实、虚假报告的机构，可通过<a href="/public/complaints">投诉举报</a>反映。</small></p>`;
    reply.header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
    return portalPage({ title: '检验检测机构名录', body, css: PARTS_CSS, current: CURRENT });
  });
}
