import { z } from 'zod';
import { INSPECTION_OUTCOME_LABELS, RISK_TIERS, RISK_TIER_LABELS, type PublicDrawView } from '@shijian/contracts';
import { shanghaiDate } from '../../platform/calendar/working-days.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { escapeHtml as e, portalPage } from './layout.js';

const PAGE_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURRENT = '/public/inspections';

const CSS = `
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:6px 16px;background:#fff;padding:16px;border-radius:8px;font-size:14px;margin:0 0 16px}
dl.facts dt{color:#666}dl.facts dd{margin:0;word-break:break-all}
.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
.note{font-size:13px;color:#555;background:#fff;padding:12px 16px;border-radius:8px;margin-top:16px;line-height:1.7}
@media (max-width:640px){dl.facts{grid-template-columns:1fr}dl.facts dt{margin-top:6px}}
`;

const date = (iso: string | null) => (iso ? shanghaiDate(new Date(iso)) : '—');
const percent = (ratio: number) => `${Math.round(ratio * 10_000) / 100}%`;

function listBody(page: Awaited<ReturnType<Services['inspections']['publicList']>>): string {
  if (!page.items.length) return '<p class="empty">暂无双随机抽取记录</p>';
  const rows = page.items
    .map(
      (d) => `<tr>
<td data-label="抽查任务">${d.publishedAt ? `<a href="/public/inspections/${e(d.id)}">${e(d.name)}</a>` : e(d.name)}</td>
<td data-label="组织单位">${e(d.orgName)}</td>
<td data-label="抽取日期">${date(d.drawnAt)}</td>
<td data-label="公示日期">${d.publishedAt ? date(d.publishedAt) : '<small>待公示</small>'}</td>
<td data-label="抽查对象">${d.targetCount} 户</td>
<td data-label="已登记结果">${d.publishedAt ? `${d.recordedCount} 户` : '—'}</td>
<td data-label="种子摘要"><span class="mono" title="随机种子的 SHA-256">${e(d.seedSha256.slice(0, 16))}…</span><span hidden>${e(d.seedSha256)}</span></td>
</tr>`,
    )
    .join('');
  const pages = Math.max(1, Math.ceil(page.total / page.pageSize));
  const prev = page.page > 1 ? `<a href="${CURRENT}?page=${page.page - 1}">上一页</a>` : '';
  const next = page.page < pages ? `<a href="${CURRENT}?page=${page.page + 1}">下一页</a>` : '';
  return `<table class="list"><thead><tr><th>抽查任务</th><th>组织单位</th><th>抽取日期</th><th>公示日期</th><th>抽查对象</th><th>已登记结果</th><th>种子摘要</th></tr></thead>
<tbody>${rows}</tbody></table>
<div class="pager">${prev}<span>第 ${page.page} / ${pages} 页，共 ${page.total} 次抽取</span>${next}</div>
<div class="note">每次抽取一经作出即在此登记，并公布随机种子的 SHA-256 摘要；抽查对象和种子在公示时公开，任何人可核对公示的种子与抽取时登记的摘要一致，
因此抽取结果不能在公示前被重新抽取替换。</div>`;
}

function method(d: PublicDrawView): string {
  const p = d.parameters;
  const rule =
    p.mode === 'ratio' && p.ratios
      ? `按风险等级比例：${RISK_TIERS.map((t) => `${RISK_TIER_LABELS[t].zh} ${percent(p.ratios![t])}`).join('，')}（各等级向上取整）`
      : `按数量：${p.count ?? 0} 户`;
  const filters = [
    p.filters.regionCode ? `地区 ${p.filters.regionCode}` : null,
    p.filters.category ? `产品类别 ${p.filters.category}` : null,
    p.filters.tier ? `风险等级 ${RISK_TIER_LABELS[p.filters.tier].zh}` : null,
    p.filters.inspectorField ? `执法领域 ${p.filters.inspectorField}` : null,
  ].filter(Boolean);
  return `${rule}；每户 ${p.inspectorsPerTarget} 名执法检查人员${p.excludeOwnCounty ? '，回避企业所在县（区）局人员' : ''}${filters.length ? `；筛选条件：${filters.join('，')}` : ''}`;
}

function detailBody(d: PublicDrawView): string {
  const facts: [string, string][] = [
    ['组织单位', e(d.orgName)],
    ['抽取日期', date(d.drawnAt)],
    ['公示日期', date(d.publishedAt)],
    ['抽取方式', e(method(d))],
    ['候选对象', `${d.inputs.candidates.length} 户`],
    ['执法检查人员', `${d.inputs.inspectors.length} 名（申报回避 ${d.inputs.conflicts.length} 项）`],
    ['抽取算法', `<span class="mono">${e(d.algorithm)}</span>`],
    ['随机种子', `<span class="mono">${e(d.seed)}</span>`],
    ['种子摘要 SHA-256（抽取时登记）', `<span class="mono">${e(d.seedSha256)}</span>`],
    ['输入摘要 SHA-256', `<span class="mono">${e(d.inputsSha256)}</span>`],
    ['完整抽取记录', `<a href="/api/public/inspections/draws/${e(d.id)}">下载 JSON（种子、参数、输入与结果）</a>`],
  ];
  const rows = d.targets
    .map(
      (t) => `<tr>
<td data-label="序号">${t.position + 1}</td>
<td data-label="检查对象">${e(t.enterpriseName)}<br><small class="mono">${e(t.uscc)}</small></td>
<td data-label="所在地区">${e(t.regionName)}</td>
<td data-label="风险等级">${e(RISK_TIER_LABELS[t.tier].zh)}</td>
<td data-label="执法检查人员">${t.inspectors.map((i) => `${e(i.name)}<small>（${e(i.enforcementId)}）</small>`).join('<br>')}</td>
<td data-label="检查结果">${t.outcome ? e(INSPECTION_OUTCOME_LABELS[t.outcome].zh) : '<small>检查中</small>'}</td>
<td data-label="检查日期">${t.inspectedOn ?? '—'}</td>
</tr>`,
    )
    .join('');
  return `<p><a href="${CURRENT}">← 返回列表</a></p>
<dl class="facts">${facts.map(([k, v]) => `<dt>${e(k)}</dt><dd>${v}</dd>`).join('')}</dl>
<table class="list"><thead><tr><th>序号</th><th>检查对象</th><th>所在地区</th><th>风险等级</th><th>执法检查人员</th><th>检查结果</th><th>检查日期</th></tr></thead>
<tbody>${rows}</tbody></table>
<div class="note"><strong>如何复核：</strong>抽取使用密码学随机数生成的种子，随机数由 HMAC-SHA256（以种子为密钥）逐块生成，拒绝采样得到无偏整数，
按风险等级对按编号排序的候选对象做 Fisher–Yates 洗牌后取前若干户，再对执法检查人员洗牌，为每户选取负担最少、且无回避关系的人员。
任何人可用上方 JSON 中的种子、参数和输入按算法 ${e(d.algorithm)} 重新运行，得到与本表相同的抽查对象和人员；输入的 SHA-256 摘要可用于核对输入未被改动。</div>`;
}

/** The portal's pages of published double-random inspections: server-rendered, no script, readable on a phone. */
export function inspectionsPages(app: App, s: Services) {
  const config = { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } };
  app.get(
    CURRENT,
    { schema: { hide: true, querystring: z.object({ page: z.string().max(8).optional() }) }, config },
    async (req, reply) => {
      const n = Number(req.query.page ?? '1');
      const page = await s.inspections.publicList({ page: Number.isInteger(n) && n >= 1 && n <= 100_000 ? n : 1, pageSize: PAGE_SIZE });
      reply.header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
      return portalPage({ title: '双随机抽查结果公示', body: listBody(page), css: CSS, current: CURRENT });
    },
  );
  app.get(
    `${CURRENT}/:id`,
    { schema: { hide: true, params: z.object({ id: z.string().max(64) }) }, config },
    async (req, reply) => {
      reply.type('text/html; charset=utf-8');
      try {
        if (!UUID.test(req.params.id)) throw new AppError(404, 'NOT_FOUND', '未找到');
        const view = await s.inspections.publicGet(req.params.id);
        reply.header('cache-control', 'public, max-age=60');
        return portalPage({ title: view.name, body: detailBody(view), css: CSS, current: CURRENT });
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 404) throw error;
        reply.status(404).header('cache-control', 'no-store');
        return portalPage({
          title: '未找到该抽查结果',
          body: `<p class="empty">该抽查结果不存在或尚未公示。<a href="${CURRENT}">查看已公示的抽查结果</a></p>`,
          css: CSS,
          current: CURRENT,
        });
      }
    },
  );
}
