import { PublicEpidemicQaQuery, QA_TOPICS, QA_TOPIC_LABELS } from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { escapeHtml as e, portalPage } from './layout.js';
import { PARTS_CSS, hrefWith, lenientQuery, pagerHtml, paragraphs, problemsHtml } from './parts.js';

const CURRENT = '/public/qa';

const CSS = `${PARTS_CSS}
nav.topics{display:flex;flex-wrap:wrap;gap:8px;margin:0 0 12px}
nav.topics a{font-size:14px;padding:4px 12px;border-radius:14px;background:#fff;border:1px solid #d9d9d9;color:#333;text-decoration:none}
nav.topics a[aria-current]{background:#1677ff;border-color:#1677ff;color:#fff}
.qa{display:grid;gap:8px}
.qa details{background:#fff;border-radius:8px;padding:12px 16px}
.qa summary{cursor:pointer;font-weight:600;font-size:15px;line-height:1.6}
.qa details p{font-size:14px;line-height:1.8;color:#333;margin:8px 0 0}
`;

/**
 * 防疫用品问答: published answers on masks, protective clothing, thermometers, disinfectants and
 * prices, by words and topic; each answer opens under its question (<details>, no script).
 */
export function qaPage(app: App, s: Services) {
  app.get(CURRENT, { schema: { hide: true }, config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (req, reply) => {
    const { query: q, problems } = lenientQuery(PublicEpidemicQaQuery, req.query);
    const [list, counts] = await Promise.all([s.publicity.qa.publicList(q), s.publicity.qa.publicTopicCounts(q.q)]);
    const all = [...counts.values()].reduce((a, b) => a + b, 0);
    const topicLink = (topic: string | undefined, label: string, n: number) =>
      `<a href="${e(hrefWith(CURRENT, { q: q.q, topic }))}"${topic === q.topic ? ' aria-current="true"' : ''}>${e(label)}（${n}）</a>`;
    const topics = [topicLink(undefined, '全部', all), ...QA_TOPICS.filter((t) => counts.get(t) || t === q.topic).map((t) => topicLink(t, QA_TOPIC_LABELS[t].zh, counts.get(t) ?? 0))].join('');
    const items = list.items
      .map(
        (x) => `<details>
<summary>${e(x.question)}</summary>
${paragraphs(x.answer)}
<p class="meta"><span class="tag">${e(QA_TOPIC_LABELS[x.topic].zh)}</span>${e(x.orgName)} · ${e(x.publishedAt.slice(0, 10))}</p>
</details>`,
      )
      .join('');
    const keep = { q: q.q, topic: q.topic };
    const body = `<p class="lead">关于口罩、防护服、体温计、消毒用品的选购、辨识和使用，以及防疫用品价格问题的解答，由各级市场监管部门发布。点击问题查看解答。</p>
${problemsHtml(problems)}
<nav class="topics" aria-label="主题">${topics}</nav>
<form class="filters" method="get" action="${CURRENT}">
${q.topic ? `<input type="hidden" name="topic" value="${e(q.topic)}">` : ''}
<input name="q" value="${e(q.q ?? '')}" placeholder="关键词，如 KN95、GB 19083、额温枪" maxlength="100" aria-label="关键词">
<button type="submit">查询</button></form>
${
  list.items.length
    ? `<div class="qa" data-testid="qa-list">${items}</div>
${list.total > list.pageSize ? pagerHtml(list, (page) => hrefWith(CURRENT, { ...keep, page })) : ''}`
    : `<p class="empty">${q.q || q.topic ? '没有符合条件的问答' : '目前没有发布的问答'}</p>`
}
<p><small>发现假冒伪劣防疫用品或哄抬价格，请通过<a href="/public/complaints">投诉举报</a>或拨打 12315 反映。</small></p>`;
    reply.header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
    return portalPage({ title: '防疫用品问答', body, css: CSS, current: CURRENT });
  });
}
