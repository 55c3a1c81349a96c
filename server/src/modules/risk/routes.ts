import { z } from 'zod';
import {
  ErrorBody,
  IdParams,
  OpinionImportBody,
  OpinionImportResult,
  RiskModelBody,
  RiskModelView,
  RiskFreshnessView,
  RiskScoreQuery,
  RiskTrendQuery,
  RiskTrendWeek,
  RiskScoreView,
  RiskSignalQuery,
  RiskSignalView,
  WarningAdvanceBody,
  WarningListQuery,
  WarningView,
  paged,
} from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function riskRoutes(app: App, s: Services) {
  const tags = ['risk'];
  app.get('/api/risk/model', { schema: { tags, summary: '风险评分模型', response: { 200: RiskModelView } } }, (req) => s.risk.getModel(req.actor));
  app.put('/api/risk/model', { schema: { tags, summary: '设置风险评分模型（国家局）', body: RiskModelBody, response: { 200: RiskModelView } } }, (req) => s.risk.setModel(req.actor, req.body));
  app.get('/api/risk/scores', { schema: { tags, summary: '风险评分（企业、产品类别、地区；辖区内）', querystring: RiskScoreQuery, response: { 200: z.array(RiskScoreView) } } }, (req) =>
    s.risk.scores(req.actor, req.query),
  );
  app.get('/api/risk/signals', { schema: { tags, summary: '风险信号明细（辖区内）', querystring: RiskSignalQuery, response: { 200: paged(RiskSignalView) } } }, (req) =>
    s.risk.signals(req.actor, req.query),
  );
  app.get('/api/risk/trend', { schema: { tags, summary: '风险信号周趋势（辖区内）', querystring: RiskTrendQuery, response: { 200: z.array(RiskTrendWeek) } } }, (req) =>
    s.risk.trend(req.actor, req.query),
  );
  app.get('/api/risk/freshness', { schema: { tags, summary: '风险评分的计算时间与待更新数', response: { 200: RiskFreshnessView } } }, (req) => s.risk.freshness(req.actor));
  // 5,000 items of up to 2,000 characters: more than the global 1 MB.
  app.post('/api/risk/opinions', { bodyLimit: 16 * 1024 * 1024, schema: { tags, summary: '导入舆情', body: OpinionImportBody, response: { 200: OpinionImportResult } } }, (req) => s.risk.importOpinions(req.actor, req.body));
  app.get('/api/risk/warnings', { schema: { tags, summary: '风险预警（辖区内）', querystring: WarningListQuery, response: { 200: paged(WarningView) } } }, (req) =>
    s.risk.warnings(req.actor, req.query),
  );
  app.get('/api/risk/warnings/:id', { schema: { tags, params: IdParams, response: { 200: WarningView, 404: ErrorBody } } }, (req) => s.risk.warning(req.actor, req.params.id));
  app.post(
    '/api/risk/warnings/:id/advance',
    { schema: { tags, summary: '预警流转：发现 → 研判 → 预警 → 处置', params: IdParams, body: WarningAdvanceBody, response: { 200: WarningView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => s.risk.advance(req.actor, req.params.id, req.body.note, req.body.from),
  );
  app.post(
    '/api/risk/tiers',
    { schema: { tags, summary: '按风险评分更新双随机抽查的风险等级（辖区内）', body: z.object({}).optional(), response: { 200: z.object({ updated: z.number().int() }) } } },
    (req) => s.risk.applyTiers(req.actor),
  );
}
