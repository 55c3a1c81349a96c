import { z } from 'zod';
import {
  CellParams,
  CompareQuery,
  CompareView,
  CompletenessView,
  DrillQuery,
  DrillRecord,
  ErrorBody,
  ExportQuery,
  Id,
  ManualValueBody,
  OncePeriodBody,
  PeriodParams,
  ReportPeriodListQuery,
  ReportPeriodView,
  ReportReasonBody,
  ReportTableQuery,
  ReportTableView,
  ReportTemplateBody,
  ReportTemplateListQuery,
  ReportTemplateUpdateBody,
  ReportTemplateView,
  SubmissionParams,
  SubmissionView,
  SubmitBody,
  TemplateParams,
  TrendQuery,
  TrendView,
  paged,
} from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';
import { exportTable } from './export.js';

const LibraryEntryView = ReportTemplateBody.extend({ source: z.string(), campaign: z.enum(['epidemic', 'testing']).nullable() });

export function reportingRoutes(app: App, s: Services) {
  const tags = ['reporting'];
  const r = s.reporting;
  const t = r.templates;

  app.get('/api/reports/library', { schema: { tags, summary: '模板库：通知所附的官方报表 Template library', response: { 200: z.array(LibraryEntryView) } } }, (req) =>
    t.library(req.actor).map((e) => ({ ...e, campaignId: null })),
  );
  app.get('/api/reports/templates', { schema: { tags, summary: '统计报表模板 Templates visible to the caller', querystring: ReportTemplateListQuery, response: { 200: paged(ReportTemplateView) } } }, (req) =>
    t.list(req.actor, req.query),
  );
  app.post('/api/reports/templates', { schema: { tags, summary: '新建模板（行、列与指标）', body: ReportTemplateBody, response: { 200: ReportTemplateView, 409: ErrorBody } } }, (req) =>
    t.create(req.actor, req.body),
  );
  app.get('/api/reports/templates/:templateId', { schema: { tags, params: TemplateParams, response: { 200: ReportTemplateView, 404: ErrorBody } } }, async (req) => {
    const { row, ...view } = await t.get(req.actor, req.params.templateId);
    void row;
    return view;
  });
  app.put(
    '/api/reports/templates/:templateId',
    { schema: { tags, summary: '修改尚未使用的模板', params: TemplateParams, body: ReportTemplateUpdateBody, response: { 200: ReportTemplateView, 409: ErrorBody } } },
    (req) => t.update(req.actor, req.params.templateId, req.body),
  );
  app.post(
    '/api/reports/templates/:templateId/active',
    { schema: { tags, summary: '启用或停用模板', params: TemplateParams, body: z.object({ active: z.boolean() }), response: { 200: ReportTemplateView } } },
    (req) => t.setActive(req.actor, req.params.templateId, req.body.active),
  );
  app.get(
    '/api/reports/templates/:templateId/periods',
    { schema: { tags, summary: '报送期次（最近的在前）', params: TemplateParams, querystring: ReportPeriodListQuery, response: { 200: z.array(ReportPeriodView) } } },
    async (req) => t.periods((await t.get(req.actor, req.params.templateId)).row, req.query.count),
  );
  app.post(
    '/api/reports/templates/:templateId/periods',
    { schema: { tags, summary: '设置一次性报送期次', params: TemplateParams, body: OncePeriodBody, response: { 200: ReportPeriodView, 409: ErrorBody } } },
    (req) => t.createOncePeriod(req.actor, req.params.templateId, req.body),
  );
  app.get(
    '/api/reports/templates/:templateId/periods/:key/table',
    { schema: { tags, summary: '报表：填报单位的草稿或已报送表，上级的汇总表或实时表', params: PeriodParams, querystring: ReportTableQuery, response: { 200: ReportTableView, 404: ErrorBody } } },
    (req) => r.table(req.actor, req.params.templateId, req.params.key, req.query),
  );
  app.put(
    '/api/reports/templates/:templateId/periods/:key/cells/:cell',
    { schema: { tags, summary: '填写手工数据（须附说明）', params: CellParams, body: ManualValueBody, response: { 200: ReportTableView, 409: ErrorBody } } },
    (req) => r.setManual(req.actor, req.params.templateId, req.params.key, req.params.cell, req.body),
  );
  app.post(
    '/api/reports/templates/:templateId/periods/:key/submit',
    { schema: { tags, summary: '报送', params: PeriodParams, body: SubmitBody, response: { 200: ReportTableView, 409: ErrorBody } } },
    (req) => r.submit(req.actor, req.params.templateId, req.params.key, req.body),
  );
  app.get(
    '/api/reports/templates/:templateId/periods/:key/completeness',
    { schema: { tags, summary: '报送完成情况：应报、已报、按时、逾期、未报', params: PeriodParams, response: { 200: CompletenessView, 404: ErrorBody } } },
    (req) => r.completeness(req.actor, req.params.templateId, req.params.key),
  );
  app.post(
    '/api/reports/templates/:templateId/periods/:key/units/:unitId/exception',
    { schema: { tags, summary: '准予逾期报送', params: PeriodParams.extend({ unitId: Id }), body: ReportReasonBody, response: { 200: SubmissionView, 409: ErrorBody } } },
    (req) => r.excuse(req.actor, req.params.templateId, req.params.key, req.params.unitId, req.body.reason),
  );
  app.get(
    '/api/reports/templates/:templateId/periods/:key/cells/:cell/records',
    {
      schema: {
        tags,
        summary: '单元格背后的记录（按管辖范围）',
        params: CellParams,
        querystring: DrillQuery,
        response: { 200: paged(DrillRecord).extend({ metric: z.object({ key: z.string(), label: z.string() }) }), 404: ErrorBody },
      },
    },
    (req) => r.drill(req.actor, req.params.templateId, req.params.key, req.params.cell, req.query),
  );
  app.get(
    '/api/reports/templates/:templateId/periods/:key/compare',
    { schema: { tags, summary: '各填报单位对比（实时）', params: PeriodParams, querystring: CompareQuery, response: { 200: CompareView } } },
    (req) => r.compare(req.actor, req.params.templateId, req.params.key, req.query.cell),
  );
  app.get('/api/reports/templates/:templateId/trend', { schema: { tags, summary: '逐期趋势（实时）', params: TemplateParams, querystring: TrendQuery, response: { 200: TrendView } } }, (req) =>
    r.trend(req.actor, req.params.templateId, req.query.cell, req.query.periods, req.query.unit),
  );
  app.get(
    '/api/reports/templates/:templateId/periods/:key/export',
    { schema: { tags, summary: '导出：官方格式 .xlsx、CSV 或 JSON', params: PeriodParams, querystring: ExportQuery } },
    async (req, reply) => {
      const view = await r.table(req.actor, req.params.templateId, req.params.key, req.query);
      const file = await exportTable(view, req.query.format);
      return reply
        .type(file.mimeType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(file.bytes);
    },
  );
  app.post('/api/reports/submissions/:id/accept', { schema: { tags, summary: '审核通过（锁定）', params: SubmissionParams, response: { 200: SubmissionView, 409: ErrorBody } } }, (req) =>
    r.accept(req.actor, req.params.id),
  );
  app.post(
    '/api/reports/submissions/:id/return',
    { schema: { tags, summary: '退回（须说明理由）', params: SubmissionParams, body: ReportReasonBody, response: { 200: SubmissionView, 409: ErrorBody } } },
    (req) => r.returnTo(req.actor, req.params.id, req.body.reason),
  );
}
