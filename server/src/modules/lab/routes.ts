import { z } from 'zod';
import {
  AssignBody,
  ErrorBody,
  Id,
  IdParams,
  PublicVerification,
  PublicVerifyQuery,
  IntegrityReport,
  ReasonBody,
  ReportListQuery,
  ReportView,
  ResultBody,
  SampleDetailView,
  SampleListQuery,
  SampleReceiveBody,
  SampleTestParams,
  SampleView,
  TestItemBody,
  TestItemListQuery,
  TestItemView,
  paged,
} from '@shijian/contracts';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

const SignatoryView = z.object({ id: Id, userId: Id, name: z.string(), domain: z.string() });

export function labRoutes(app: App, s: Services) {
  const tags = ['lab'];
  app.get('/api/lab/test-items', { schema: { tags, summary: '检测项目目录 Test-item catalogue', querystring: TestItemListQuery, response: { 200: paged(TestItemView) } } }, (req) =>
    s.catalogue.list(req.actor, req.query),
  );
  app.post(
    '/api/lab/test-items',
    { schema: { tags, summary: '新增检测项目（须在资质范围内）', body: TestItemBody, response: { 200: TestItemView, 409: ErrorBody, 422: ErrorBody } } },
    (req) => s.catalogue.create(req.actor, req.body),
  );
  app.patch(
    '/api/lab/test-items/:id',
    { schema: { tags, params: IdParams, body: z.object({ active: z.boolean() }), response: { 200: TestItemView, 404: ErrorBody } } },
    (req) => s.catalogue.setActive(req.actor, req.params.id, req.body.active),
  );

  app.get('/api/lab/samples', { schema: { tags, summary: '样品（含我的待办）Samples in scope', querystring: SampleListQuery, response: { 200: paged(SampleView) } } }, (req) =>
    s.samples.list(req.actor, req.query),
  );
  app.get('/api/lab/samples/:id', { schema: { tags, params: IdParams, response: { 200: SampleDetailView, 404: ErrorBody } } }, (req) =>
    s.samples.get(req.actor, req.params.id),
  );
  app.get('/api/lab/samples/:id/label', { schema: { tags, summary: '样品标识（二维码）Printable label', params: IdParams } }, async (req, reply) => {
    const file = await s.samples.label(req.actor, req.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${encodeURIComponent(file.fileName)}"`).send(file.bytes);
  });
  app.post(
    '/api/lab/samples',
    { schema: { tags, summary: '收样 Receive a sample', body: SampleReceiveBody, response: { 200: SampleDetailView, 422: ErrorBody } } },
    (req) => s.samples.receive(req.actor, req.body),
  );
  app.delete('/api/lab/samples/:id', { schema: { tags, summary: '删除（保存期内拒绝）', params: IdParams, response: { 409: ErrorBody, 404: ErrorBody } } }, (req) =>
    s.samples.remove(req.actor, req.params.id),
  );
  app.post('/api/lab/samples/:id/assign', { schema: { tags, summary: '分配检验员', params: IdParams, body: AssignBody, response: { 200: SampleDetailView } } }, (req) =>
    s.samples.assign(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/lab/samples/:id/tests/:testId/results',
    { schema: { tags, summary: '录入或更正结果 Enter or correct a result', params: SampleTestParams, body: ResultBody, response: { 200: SampleDetailView, 422: ErrorBody } } },
    (req) => s.samples.enterResult(req.actor, req.params.id, req.params.testId, req.body),
  );
  app.post('/api/lab/samples/:id/submit', { schema: { tags, summary: '提交审核', params: IdParams, response: { 200: SampleDetailView } } }, (req) =>
    s.samples.submit(req.actor, req.params.id),
  );
  app.post('/api/lab/samples/:id/review', { schema: { tags, summary: '审核通过', params: IdParams, response: { 200: SampleDetailView } } }, (req) =>
    s.samples.review(req.actor, req.params.id),
  );
  app.post('/api/lab/samples/:id/return', { schema: { tags, summary: '退回重检', params: IdParams, body: ReasonBody, response: { 200: SampleDetailView } } }, (req) =>
    s.samples.returnForRework(req.actor, req.params.id, req.body.reason),
  );
  app.post('/api/lab/samples/:id/approve', { schema: { tags, summary: '批准（授权签字人）', params: IdParams, response: { 200: SampleDetailView } } }, (req) =>
    s.samples.approve(req.actor, req.params.id),
  );

  app.get('/api/lab/signatories', { schema: { tags, summary: '授权签字人及授权领域', response: { 200: z.array(SignatoryView) } } }, (req) => s.labAdmin.listSignatories(req.actor));
  app.post(
    '/api/lab/signatories',
    { schema: { tags, summary: '授权签字人授权', body: z.object({ userId: Id, domain: z.string().trim().min(1).max(100) }), response: { 200: z.array(SignatoryView) } } },
    (req) => s.labAdmin.authorizeSignatory(req.actor, req.body.userId, req.body.domain),
  );
  app.get('/api/lab/settings', { schema: { tags, summary: '实验室设置', response: { 200: z.object({ blindTesting: z.boolean() }) } } }, (req) => s.labAdmin.settings(req.actor));
  app.get('/api/lab/testers', { schema: { tags, summary: '本机构检验员（分配任务用）', response: { 200: z.array(z.object({ id: Id, name: z.string() })) } } }, (req) =>
    s.labAdmin.testers(req.actor),
  );
  app.get(
    '/api/lab/commissioning-orgs',
    { schema: { tags, summary: '可委托检验的监管部门目录', response: { 200: z.array(z.object({ id: Id, name: z.string(), level: z.string().nullable(), regionCode: z.string().nullable() })) } } },
    () => s.labAdmin.regulators(),
  );
  app.put(
    '/api/lab/settings',
    { schema: { tags, summary: '实验室设置（盲样检测）', body: z.object({ blindTesting: z.boolean() }), response: { 200: z.object({ blindTesting: z.boolean() }) } } },
    (req) => s.labAdmin.setBlindTesting(req.actor, req.body.blindTesting),
  );

  app.post('/api/lab/samples/:id/issue', { schema: { tags, summary: '签发报告 Issue the report', params: IdParams, response: { 200: ReportView, 409: ErrorBody } } }, (req) =>
    s.reports.issue(req.actor, req.params.id),
  );
  app.get('/api/lab/reports', { schema: { tags, summary: '检验检测报告 Reports in scope', querystring: ReportListQuery, response: { 200: paged(ReportView) } } }, (req) =>
    s.reports.list(req.actor, req.query),
  );
  app.get('/api/lab/reports/:id', { schema: { tags, params: IdParams, response: { 200: ReportView, 404: ErrorBody } } }, (req) => s.reports.get(req.actor, req.params.id));
  app.get('/api/lab/reports/:id/pdf', { schema: { tags, summary: '报告 PDF', params: IdParams } }, async (req, reply) => {
    const file = await s.reports.pdf(req.actor, req.params.id);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${encodeURIComponent(file.fileName)}"`)
      .header('cache-control', 'private, max-age=3600')
      .send(file.bytes);
  });
  app.get(
    '/api/lab/reports/:id/integrity',
    { schema: { tags, summary: '报告完整性检查 Integrity checks (Order 39 arts. 13–14)', params: IdParams, response: { 200: IntegrityReport, 404: ErrorBody } } },
    (req) => s.integrity.check(req.actor, req.params.id),
  );
  app.post(
    '/api/lab/reports/:id/reopen',
    { schema: { tags, summary: '报告更正：重新开启样品', params: IdParams, body: ReasonBody, response: { 200: SampleDetailView, 409: ErrorBody } } },
    (req) => s.reports.reopen(req.actor, req.params.id, req.body.reason),
  );
  app.delete('/api/lab/reports/:id', { schema: { tags, summary: '删除（保存期内拒绝）', params: IdParams, response: { 409: ErrorBody, 404: ErrorBody } } }, (req) =>
    s.reports.remove(req.actor, req.params.id),
  );

  // Public verification: anyone, rate-limited per address; immutable answers may be cached.
  app.get(
    '/api/public/reports/verify',
    {
      schema: { tags: ['public'], summary: '报告真伪查验 Verify a report by number and code', querystring: PublicVerifyQuery, response: { 200: PublicVerification } },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { json } = await s.reports.verifyCached(req.query.no, req.query.code);
      // Already serialised from the PublicVerification schema's fields; sent as is.
      return reply.type('application/json; charset=utf-8').header('cache-control', 'public, max-age=60').send(json as never);
    },
  );
  app.post(
    '/api/public/reports/verify-file',
    {
      schema: { tags: ['public'], summary: '上传 PDF 比对 Is this file byte-identical to an issued report?', response: { 200: PublicVerification, 415: ErrorBody } },
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      bodyLimit: 20 * 1024 * 1024,
    },
    (req) => {
      // Only a PDF upload is compared; any other body (JSON, text, an image) is refused, not fed to the reader.
      if ((req.headers['content-type'] ?? '').split(';')[0]!.trim() !== 'application/pdf' || !Buffer.isBuffer(req.body)) {
        throw new AppError(415, 'UNSUPPORTED_FILE', '请上传 PDF 格式的报告文件');
      }
      return s.reports.verifyFile(req.body);
    },
  );
}
