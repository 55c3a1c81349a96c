import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { escapeHtml as e, portalPage } from './layout.js';

const CSS = `
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:12px;margin:0;padding:0;list-style:none}
.cards a{display:block;height:100%;box-sizing:border-box;background:#fff;border:1px solid #eee;border-radius:8px;padding:14px 16px;color:inherit;text-decoration:none}
.cards a:hover,.cards a:focus{border-color:#91caff}
.cards h2{font-size:16px;margin:0 0 6px;color:#1677ff}
.cards p{font-size:13px;color:#555;line-height:1.6;margin:0}
.cards .count{margin-top:8px;font-size:13px;color:#888}.cards .count b{font-size:18px;color:#222;margin-right:2px}
.tagline{color:#555;font-size:14px;margin:-6px 0 16px}
`;

type Card = { path: string; title: string; text: string; count?: { n: number; unit: string } };

/**
 * 一窗口: the portal's home, one card per public section with a line on what it is for and, where
 * a count is one cheap query, how much is there. No login, no script.
 */
export function homePage(app: App, s: Services) {
  async function render(): Promise<string> {
    const [services, institutions, draws, listings, cases, recalls, qa] = await Promise.all([
      s.serviceCatalogue.search({ page: 1, pageSize: 1, order: 'asc' }),
      s.publicity.institutions.count(),
      s.inspections.publicList({ page: 1, pageSize: 1 }),
      s.credit.publicList({ page: 1, pageSize: 1 }),
      s.publicity.cases.publicCount(),
      s.recalls.publicList({ page: 1, pageSize: 1, order: 'desc' }),
      s.publicity.qa.publicList({ page: 1, pageSize: 1 }),
    ]);
    const cards: Card[] = [
      {
        path: '/public/services',
        title: '技术服务目录',
        text: '各检验检测、计量机构的服务项目、依据标准、收费和办理时限；疫情防控相关服务走绿色通道，24小时内响应。',
        count: { n: services.total, unit: '个服务项目' },
      },
      {
        path: '/verify',
        title: '报告证书查验',
        text: '凭编号和验证码（或扫描二维码）核验检验检测报告是否真实、是否已被更正替代，计量检定证书是否真实、是否在有效期内。',
      },
      {
        path: '/public/institutions',
        title: '检验检测机构名录',
        text: '资质认定（CMA）证书在有效期内的机构，可按地区、机构类别和检测能力（参数、标准号）查询。',
        count: { n: institutions, unit: '家机构' },
      },
      {
        path: '/public/inspections',
        title: '双随机抽查结果',
        text: '“双随机、一公开”抽查：抽取时即公示随机种子摘要，结果公示后任何人都可复核抽取过程。',
        count: { n: draws.total, unit: '次抽取' },
      },
      {
        path: '/public/dishonesty',
        title: '严重违法失信名单',
        text: '当前在列的严重违法失信主体、列入情形、处罚决定书文号和公示期。',
        count: { n: listings.total, unit: '个主体' },
      },
      {
        path: '/public/cases',
        title: '典型案例',
        text: '监管部门公布的典型案例：违法行为、处罚依据和处罚结果。',
        count: { n: cases, unit: '件案例' },
      },
      {
        path: '/public/recalls',
        title: '召回公告',
        text: '缺陷产品召回公告：召回范围、措施和召回进展。',
        count: { n: recalls.total, unit: '份公告' },
      },
      {
        path: '/public/complaints',
        title: '投诉举报',
        text: '在线提交投诉或举报，凭受理编号和查询码查看办理进度；也可拨打 12315。',
      },
      {
        path: '/public/qa',
        title: '防疫用品问答',
        text: '口罩、防护服、体温计、消毒用品怎么选、怎么辨，防疫用品价格问题如何反映。',
        count: { n: qa.total, unit: '条问答' },
      },
    ];
    const items = cards
      .map(
        (c) => `<li><a href="${e(c.path)}"><h2>${e(c.title)}</h2><p>${e(c.text)}</p>${c.count ? `<div class="count"><b>${c.count.n}</b> ${e(c.count.unit)}</div>` : ''}</a></li>`,
      )
      .join('');
    const body = `<p class="tagline">一平台查询、一窗口办理、一站式服务：以下各项均无需登录。</p>
<ul class="cards" data-testid="portal-sections">${items}</ul>`;
    return portalPage({ title: '市场监管公共服务', body, css: CSS, current: '/public' });
  }
  // Both spellings: /public is what the menu links to, /public/ what people type.
  for (const path of ['/public', '/public/']) {
    app.get(path, { schema: { hide: true }, config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } } }, async (_req, reply) => {
      const html = await render();
      reply.header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
      return html;
    });
  }
}
