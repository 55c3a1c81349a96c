import { z } from 'zod';
import { PublicTypicalCaseQuery, VIOLATION_CATEGORY_LABELS } from '@shijian/contracts';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { escapeHtml as e, portalPage } from './layout.js';
import { PARTS_CSS, hrefWith, lenientQuery, pagerHtml, paragraphs, problemsHtml, regionOptions } from './parts.js';

const CURRENT = '/public/cases';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EXCERPT = 140;

const CSS = `${PARTS_CSS}
ol.cases{list-style:none;margin:0;padding:0;display:grid;gap:12px}
ol.cases li{background:#fff;border-radius:8px;padding:14px 16px}
ol.cases h2{font-size:16px;margin:0 0 6px}ol.cases h2 a{color:#1677ff;text-decoration:none}
ol.cases p{font-size:14px;color:#444;line-height:1.7;margin:6px 0 0}
article.case{background:#fff;border-radius:8px;padding:16px 20px;line-height:1.8;font-size:15px}
article.case h2{font-size:16px;margin:16px 0 4px}article.case h2:first-of-type{margin-top:0}
article.case p{margin:4px 0}
`;

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text);

/**
 * 典型案例: what regulators publish of their decided cases (notice 004: 集中公布一批典型案例),
 * newest first, by words and region; each opens on its own page. Withdrawn ones are gone.
 */
export function casesPages(app: App, s: Services) {
  const config = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

  app.get(CURRENT, { schema: { hide: true }, config }, async (req, reply) => {
    const { query: q, problems } = lenientQuery(PublicTypicalCaseQuery, req.query);
    const [list, regionCodes] = await Promise.all([s.publicity.cases.publicList(q), s.publicity.cases.publicRegions()]);
    const items = list.items
      .map(
        (c) => `<li>
<h2><a href="${CURRENT}/${e(c.id)}">${e(c.title)}</a></h2>
<div class="meta"><span class="tag">${e(VIOLATION_CATEGORY_LABELS[c.violationCategory].zh)}</span>${e(c.regionName)} · ${e(c.orgName)} · ${e(c.publishedOn)}</div>
<p>${e(excerpt(c.summary))}</p>
<p><small>处罚结果：</small>${e(excerpt(c.penalty))}</p></li>`,
      )
      .join('');
    const keep = { q: q.q, region: q.region };
    const body = `${problemsHtml(problems)}
<form class="filters" method="get" action="${CURRENT}">
<input name="q" value="${e(q.q ?? '')}" placeholder="关键词，如 口罩、哄抬价格、检验报告" maxlength="100" aria-label="关键词">
<select name="region" aria-label="地区"><option value="">全部地区</option>${await regionOptions(s.deps.regions, regionCodes, q.region)}</select>
<button type="submit">查询</button></form>
${
  list.items.length
    ? `<ol class="cases" data-testid="typical-cases">${items}</ol>
${pagerHtml(list, (page) => hrefWith(CURRENT, { ...keep, page }), '件')}`
    : `<p class="empty">${q.q || q.region ? '没有符合条件的典型案例' : '目前没有公布的典型案例'}</p>`
}
<p><small>典型案例由作出处罚决定的市场监管部门或其上级部门发布，已对当事人个人信息等作脱敏处理；处罚决定以行政处罚决定书为准。</small></p>`;
    reply.header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
    return portalPage({ title: '典型案例', body, css: CSS, current: CURRENT });
  });

  app.get(`${CURRENT}/:id`, { schema: { hide: true, params: z.object({ id: z.string().max(64) }) }, config }, async (req, reply) => {
    reply.type('text/html; charset=utf-8');
    try {
      if (!UUID.test(req.params.id)) throw new AppError(404, 'NOT_FOUND', '未找到');
      const c = await s.publicity.cases.publicGet(req.params.id);
      const body = `<p class="meta"><span class="tag">${e(VIOLATION_CATEGORY_LABELS[c.violationCategory].zh)}</span>${e(c.regionName)} · 发布单位：${e(c.orgName)} · 发布日期：${e(c.publishedOn)}</p>
<article class="case" data-testid="typical-case">
<h2>案情简介</h2>${paragraphs(c.summary)}
<h2>违法行为</h2>${paragraphs(c.violation)}
<h2>处罚依据</h2>${paragraphs(c.legalBasis)}
<h2>处罚结果</h2>${paragraphs(c.penalty)}
</article>
<p><a href="${CURRENT}">返回典型案例</a></p>`;
      reply.header('cache-control', 'public, max-age=60');
      return portalPage({ title: c.title, body, css: CSS, current: CURRENT });
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 404) throw error;
      reply.status(404).header('cache-control', 'no-store');
      return portalPage({ title: '未找到该典型案例', body: `<p class="empty">该典型案例不存在或已撤回。<a href="${CURRENT}">查看已公布的典型案例</a></p>`, css: CSS, current: CURRENT });
    }
  });
}
