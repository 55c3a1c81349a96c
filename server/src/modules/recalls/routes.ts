import { z } from 'zod';
import {
  ErrorBody,
  IdParams,
  PublicRecallQuery,
  PublicRecallView,
  RecallAssessBody,
  RecallListQuery,
  RecallPlanBody,
  RecallProgressBody,
  RecallReportBody,
  RecallView,
  paged,
} from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function recallRoutes(app: App, s: Services) {
  const tags = ['recalls'];
  const moves = { params: IdParams, response: { 200: RecallView, 404: ErrorBody, 409: ErrorBody } };
  app.get(
    '/api/public/recalls',
    { schema: { tags, summary: '召回公告（公开）', querystring: PublicRecallQuery, response: { 200: paged(PublicRecallView) } }, config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } } },
    (req) => s.recalls.publicList(req.query),
  );
  app.get('/api/recalls', { schema: { tags, summary: '缺陷召回（生产者所在地监管部门及生产者本身可见）', querystring: RecallListQuery, response: { 200: paged(RecallView) } } }, (req) =>
    s.recalls.list(req.actor, req.query),
  );
  app.post('/api/recalls', { schema: { tags, summary: '登记缺陷报告或伤害报告', body: RecallReportBody, response: { 200: RecallView } } }, (req) => s.recalls.report(req.actor, req.body));
  app.get('/api/recalls/:id', { schema: { tags, params: IdParams, response: { 200: RecallView, 404: ErrorBody } } }, (req) => s.recalls.get(req.actor, req.params.id));
  app.post('/api/recalls/:id/assess', { schema: { tags, summary: '缺陷风险评估', body: RecallAssessBody, ...moves } }, (req) => s.recalls.assess(req.actor, req.params.id, req.body));
  app.post('/api/recalls/:id/plan', { schema: { tags, summary: '召回计划备案', body: RecallPlanBody, ...moves } }, (req) => s.recalls.plan(req.actor, req.params.id, req.body));
  app.post('/api/recalls/:id/publish', { schema: { tags, summary: '发布召回公告', body: z.object({}).optional(), ...moves } }, (req) => s.recalls.publish(req.actor, req.params.id));
  app.post('/api/recalls/:id/progress', { schema: { tags, summary: '报告召回进展（累计数）', body: RecallProgressBody, ...moves } }, (req) => s.recalls.progress(req.actor, req.params.id, req.body));
}
