import { z } from 'zod';
import {
  CaseDetailView,
  CaseDocumentQuery,
  CaseExtensionBody,
  CaseFiguresBody,
  CaseLeadBody,
  CaseListQuery,
  CaseTransitionBody,
  CaseView,
  DeadlineDashboard,
  DeadlineQuery,
  ErrorBody,
  Id,
  IdParams,
  ListingCreateBody,
  ListingDetailView,
  ListingListQuery,
  ListingView,
  PublicListing,
  PublicListingQuery,
  RemovalApplicationBody,
  RemovalDecisionBody,
  paged,
} from '@shijian/contracts';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/types.js';
import { hasSignatureOf } from '../../platform/http/uploads.js';
import type { Services } from '../index.js';

/** Case documents: scans and PDFs of the signed paper, nothing executable. */
export const CASE_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
const Paged = <T extends z.ZodTypeAny>(item: T) => paged(item).extend({ totalCapped: z.boolean() });

export function enforcementRoutes(app: App, s: Services) {
  const tags = ['enforcement'];
  app.get('/api/cases', { schema: { tags, summary: '案件列表 Cases in scope', querystring: CaseListQuery, response: { 200: Paged(CaseView) } } }, (req) =>
    s.cases.list(req.actor, req.query),
  );
  app.post('/api/cases', { schema: { tags, summary: '登记案件线索 Register a lead', body: CaseLeadBody, response: { 200: CaseDetailView } } }, (req) =>
    s.cases.register(req.actor, req.body),
  );
  app.get(
    '/api/cases/deadlines',
    { schema: { tags, summary: '办案期限看板 Cases near or past a statutory limit', querystring: DeadlineQuery, response: { 200: DeadlineDashboard } } },
    (req) => s.cases.deadlines(req.actor, req.query),
  );
  app.get('/api/cases/:id', { schema: { tags, summary: '案件详情', params: IdParams, response: { 200: CaseDetailView, 404: ErrorBody } } }, (req) =>
    s.cases.detail(req.actor, req.params.id),
  );
  app.post(
    '/api/cases/:id/transition',
    { schema: { tags, summary: '案件环节变更：立案、不予立案、调查、决定、执行、结案、移送', params: IdParams, body: CaseTransitionBody, response: { 200: CaseDetailView, 409: ErrorBody } } },
    (req) => s.cases.transition(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/cases/:id/extensions',
    { schema: { tags, summary: '经批准延长期限', params: IdParams, body: CaseExtensionBody, response: { 200: CaseDetailView, 409: ErrorBody } } },
    (req) => s.cases.extend(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/cases/:id/figures',
    { schema: { tags, summary: '登记检查户次、出动人次、罚没款', params: IdParams, body: CaseFiguresBody, response: { 200: CaseDetailView } } },
    (req) => s.cases.figures(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/cases/:id/documents',
    {
      schema: { tags, summary: '上传案件文书（PDF、JPEG、PNG 原始文件）', params: IdParams, querystring: CaseDocumentQuery, response: { 200: CaseDetailView, 415: ErrorBody } },
      bodyLimit: 20 * 1024 * 1024,
    },
    (req) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      // The declared type must be one of the three and the bytes must be a file of that type.
      if (!(CASE_DOCUMENT_TYPES as readonly string[]).includes(type) || !Buffer.isBuffer(req.body) || !hasSignatureOf(type, req.body)) {
        throw new AppError(415, 'UNSUPPORTED_FILE', '案件文书只接受 PDF、JPEG 或 PNG 文件');
      }
      return s.cases.addDocument(req.actor, req.params.id, req.query, type, req.body);
    },
  );
  app.get(
    '/api/cases/:id/documents/:documentId',
    { schema: { tags, summary: '下载案件文书', params: z.object({ id: Id, documentId: Id }) } },
    async (req, reply) => {
      const doc = await s.cases.document(req.actor, req.params.id, req.params.documentId);
      return reply
        .type(doc.mimeType)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(doc.fileName)}"`)
        .header('cache-control', 'private, no-store')
        .send(doc.bytes);
    },
  );

  app.get('/api/credit/listings', { schema: { tags, summary: '严重违法失信名单（管辖范围内）', querystring: ListingListQuery, response: { 200: paged(ListingView) } } }, (req) =>
    s.credit.listings(req.actor, req.query),
  );
  app.post(
    '/api/credit/listings',
    { schema: { tags, summary: '依据已决定案件列入严重违法失信名单', body: ListingCreateBody, response: { 200: ListingDetailView, 409: ErrorBody } } },
    (req) => s.credit.list(req.actor, req.body),
  );
  app.get('/api/credit/listings/:id', { schema: { tags, summary: '名单详情', params: IdParams, response: { 200: ListingDetailView, 404: ErrorBody } } }, (req) =>
    s.credit.detail(req.actor, req.params.id),
  );
  app.post(
    '/api/credit/listings/:id/removal-applications',
    { schema: { tags, summary: '当事人申请提前移出（列入满一年后）', params: IdParams, body: RemovalApplicationBody, response: { 200: ListingDetailView, 409: ErrorBody } } },
    (req) => s.credit.applyForRemoval(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/credit/removal-applications/:id/decision',
    { schema: { tags, summary: '审核提前移出申请', params: IdParams, body: RemovalDecisionBody, response: { 200: ListingDetailView, 409: ErrorBody } } },
    (req) => s.credit.decideRemoval(req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/public/dishonesty',
    {
      schema: { tags: ['public'], summary: '公示：严重违法失信名单', querystring: PublicListingQuery, response: { 200: paged(PublicListing) } },
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    (req) => s.credit.publicList(req.query),
  );
}
