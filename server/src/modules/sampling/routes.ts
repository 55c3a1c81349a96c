import { z } from 'zod';
import {
  DisposalFlowBody,
  DisposalListQuery,
  DisposalUpdateBody,
  DisposalView,
  ErrorBody,
  IdParams,
  ObjectionBody,
  ObjectionDecisionBody,
  SamplingPlanBody,
  SamplingPlanDetailView,
  SamplingPlanListQuery,
  SamplingPlanView,
  SamplingReceiveBody,
  SamplingRecordBody,
  SamplingRecordListQuery,
  SamplingRecordView,
  SamplingTaskBody,
  SamplingTaskView,
  paged,
} from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function samplingRoutes(app: App, s: Services) {
  const tags = ['sampling'];
  app.get('/api/sampling/plans', { schema: { tags, summary: '抽查计划', querystring: SamplingPlanListQuery, response: { 200: paged(SamplingPlanView) } } }, (req) =>
    s.sampling.plans(req.actor, req.query),
  );
  app.post('/api/sampling/plans', { schema: { tags, summary: '制定抽查计划（按地区和类别的任务量）', body: SamplingPlanBody, response: { 200: SamplingPlanDetailView } } }, (req) =>
    s.sampling.createPlan(req.actor, req.body),
  );
  app.get('/api/sampling/plans/:id', { schema: { tags, summary: '抽查计划详情：任务量、任务、完成情况', params: IdParams, response: { 200: SamplingPlanDetailView, 404: ErrorBody } } }, (req) =>
    s.sampling.planDetail(req.actor, req.params.id),
  );
  app.post(
    '/api/sampling/plans/:id/tasks',
    { schema: { tags, summary: '向检验机构下达抽查任务', params: IdParams, body: SamplingTaskBody, response: { 200: SamplingTaskView } } },
    (req) => s.sampling.assignTask(req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/sampling/records',
    { schema: { tags, summary: '抽样单（批次）：状态、三个时限、检验结论', querystring: SamplingRecordListQuery, response: { 200: paged(SamplingRecordView).extend({ totalCapped: z.boolean() }) } } },
    (req) => s.sampling.records(req.actor, req.query),
  );
  app.post('/api/sampling/records', { schema: { tags, summary: '填写抽样单', body: SamplingRecordBody, response: { 200: SamplingRecordView, 409: ErrorBody } } }, (req) =>
    s.sampling.sample(req.actor, req.body),
  );
  app.get('/api/sampling/records/:id', { schema: { tags, summary: '抽样单详情', params: IdParams, response: { 200: SamplingRecordView, 404: ErrorBody } } }, (req) =>
    s.sampling.recordDetail(req.actor, req.params.id),
  );
  app.post(
    '/api/sampling/records/:id/receive',
    { schema: { tags, summary: '检验机构接收样品（生成“监督抽查”来源的样品）', params: IdParams, body: SamplingReceiveBody, response: { 200: SamplingRecordView, 409: ErrorBody } } },
    (req) => s.sampling.receive(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/sampling/records/:id/objection',
    { schema: { tags, summary: '登记企业异议（收到结果后15日内）', params: IdParams, body: ObjectionBody, response: { 200: SamplingRecordView, 409: ErrorBody } } },
    (req) => s.sampling.fileObjection(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/sampling/records/:id/objection/decision',
    { schema: { tags, summary: '异议处理结果', params: IdParams, body: ObjectionDecisionBody, response: { 200: SamplingRecordView, 409: ErrorBody } } },
    (req) => s.sampling.decideObjection(req.actor, req.params.id, req.body),
  );
  app.get('/api/sampling/disposals', { schema: { tags, summary: '不合格产品处置', querystring: DisposalListQuery, response: { 200: paged(DisposalView) } } }, (req) =>
    s.sampling.disposals(req.actor, req.query),
  );
  app.get('/api/sampling/disposals/:id', { schema: { tags, summary: '处置详情与产品流向', params: IdParams, response: { 200: DisposalView, 404: ErrorBody } } }, (req) =>
    s.sampling.disposal(req.actor, req.params.id),
  );
  app.patch(
    '/api/sampling/disposals/:id',
    { schema: { tags, summary: '登记告知、查封扣押、下架、召回', params: IdParams, body: DisposalUpdateBody, response: { 200: DisposalView, 409: ErrorBody } } },
    (req) => s.sampling.updateDisposal(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/sampling/disposals/:id/flows',
    { schema: { tags, summary: '登记产品流向（下游购买方、数量、召回数量）', params: IdParams, body: DisposalFlowBody, response: { 200: DisposalView, 409: ErrorBody } } },
    (req) => s.sampling.traceFlow(req.actor, req.params.id, req.body),
  );
  app.post('/api/sampling/disposals/:id/close', { schema: { tags, summary: '处置办结', params: IdParams, response: { 200: DisposalView, 409: ErrorBody } } }, (req) =>
    s.sampling.closeDisposal(req.actor, req.params.id),
  );
}
