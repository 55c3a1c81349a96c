import {
  ConflictBody,
  DirectoryListQuery,
  DirectoryPage,
  DrawCreateBody,
  DrawDetailView,
  DrawListQuery,
  DrawPreviewQuery,
  DrawPreviewView,
  DrawRecordView,
  DrawSummaryView,
  EnterpriseIdParams,
  ErrorBody,
  IdParams,
  InspectorBody,
  InspectorListQuery,
  InspectorView,
  PublicDrawListQuery,
  PublicDrawSummary,
  PublicDrawView,
  QueueItemView,
  QueueQuery,
  RiskTierBody,
  DirectoryItemView,
  TargetResultBody,
  UserIdParams,
  paged,
} from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { inspectionsPages } from '../portal/inspections-page.js';

/** Double random, one public (双随机、一公开): the API, the public API and the portal pages. */
export function inspectionRoutes(app: App, s: Services) {
  const tags = ['inspections'];
  const svc = s.inspections;

  app.get(
    '/api/inspections/directory',
    { schema: { tags, summary: '检查对象名录（含风险等级）Inspection-object directory', querystring: DirectoryListQuery, response: { 200: DirectoryPage } } },
    (req) => svc.directory(req.actor, req.query),
  );
  app.put(
    '/api/inspections/tiers/:enterpriseId',
    { schema: { tags, summary: '设定企业风险等级 Set a risk tier', params: EnterpriseIdParams, body: RiskTierBody, response: { 200: DirectoryItemView, 404: ErrorBody } } },
    (req) => svc.setTier(req.actor, req.params.enterpriseId, req.body),
  );

  app.get(
    '/api/inspections/inspectors',
    { schema: { tags, summary: '执法检查人员名录 Inspector roster', querystring: InspectorListQuery, response: { 200: paged(InspectorView) } } },
    (req) => svc.roster(req.actor, req.query),
  );
  app.put(
    '/api/inspections/inspectors/:userId',
    { schema: { tags, summary: '列入或修改执法检查人员 Save an inspector', params: UserIdParams, body: InspectorBody, response: { 200: InspectorView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => svc.saveInspector(req.actor, req.params.userId, req.body),
  );
  app.post(
    '/api/inspections/conflicts',
    { schema: { tags, summary: '申报回避 Declare a conflict of interest', body: ConflictBody, response: { 200: InspectorView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => svc.declareConflict(req.actor, req.body),
  );

  app.get(
    '/api/inspections/draw-preview',
    { schema: { tags, summary: '抽取前预览：各风险等级候选数与可选人员数', querystring: DrawPreviewQuery, response: { 200: DrawPreviewView } } },
    (req) => svc.preview(req.actor, req.query),
  );
  app.get(
    '/api/inspections/draws',
    { schema: { tags, summary: '双随机抽取记录 Draws in scope', querystring: DrawListQuery, response: { 200: paged(DrawSummaryView) } } },
    (req) => svc.list(req.actor, req.query),
  );
  app.post(
    '/api/inspections/draws',
    { schema: { tags, summary: '双随机抽取 Make a draw (seeded, recorded)', body: DrawCreateBody, response: { 200: DrawDetailView, 422: ErrorBody } } },
    (req) => svc.create(req.actor, req.body),
  );
  app.get(
    '/api/inspections/draws/:id',
    { schema: { tags, params: IdParams, response: { 200: DrawDetailView, 404: ErrorBody } } },
    (req) => svc.get(req.actor, req.params.id),
  );
  app.get(
    '/api/inspections/draws/:id/record',
    { schema: { tags, summary: '抽取记录（种子、参数、输入、结果），可复现', params: IdParams, response: { 200: DrawRecordView, 404: ErrorBody } } },
    (req) => svc.record(req.actor, req.params.id),
  );
  app.post(
    '/api/inspections/draws/:id/publish',
    { schema: { tags, summary: '公示 Publish on the portal', params: IdParams, response: { 200: DrawDetailView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => svc.publish(req.actor, req.params.id),
  );

  app.get(
    '/api/inspections/queue',
    { schema: { tags, summary: '我的检查任务 Targets assigned to me', querystring: QueueQuery, response: { 200: paged(QueueItemView) } } },
    (req) => svc.queue(req.actor, req.query),
  );
  app.post(
    '/api/inspections/targets/:id/result',
    { schema: { tags, summary: '登记检查结果 Record a result', params: IdParams, body: TargetResultBody, response: { 200: QueueItemView, 404: ErrorBody } } },
    (req) => svc.recordResult(req.actor, req.params.id, req.body),
  );

  // Public: anyone, rate-limited per address like report verification; published draws only.
  app.get(
    '/api/public/inspections/draws',
    {
      schema: { tags: ['public'], summary: '已公示的双随机抽查 Published draws', querystring: PublicDrawListQuery, response: { 200: paged(PublicDrawSummary) } },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const page = await svc.publicList(req.query);
      reply.header('cache-control', 'public, max-age=60');
      return page;
    },
  );
  app.get(
    '/api/public/inspections/draws/:id',
    {
      schema: {
        tags: ['public'],
        summary: '已公示的抽取：种子、参数、输入与结果，可复现 A published draw, re-runnable',
        params: IdParams,
        response: { 200: PublicDrawView, 404: ErrorBody },
      },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      // Set after the lookup, so a 404 (not yet published) is not cached.
      const view = await svc.publicGet(req.params.id);
      reply.header('cache-control', 'public, max-age=60');
      return view;
    },
  );

  inspectionsPages(app, s);
}
