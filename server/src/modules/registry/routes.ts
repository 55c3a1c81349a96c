import {
  CategoryCodeParams,
  EnterpriseCategoryCounts,
  EnterpriseCreateBody,
  EnterpriseListQuery,
  EnterprisePage,
  EnterpriseUpdateBody,
  EnterpriseView,
  ErrorBody,
  IdParams,
  InstitutionCreateBody,
  InstitutionDetailView,
  InstitutionListQuery,
  InstitutionUpdateBody,
  InstitutionView,
  InstrumentCreateBody,
  InstrumentDetailView,
  InstrumentListQuery,
  InstrumentUpdateBody,
  InstrumentVerificationBody,
  InstrumentView,
  ProductCategoryCreateBody,
  ProductCategoryUpdateBody,
  ProductCategoryListQuery,
  ProductCategoryView,
  QualificationScopeBody,
  ScopeIdParams,
  paged,
} from '@shijian/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function registryRoutes(app: App, s: Services) {
  const tags = ['registry'];

  app.get(
    '/api/product-categories',
    { schema: { tags, summary: '产品类别 Product categories', querystring: ProductCategoryListQuery, response: { 200: z.array(ProductCategoryView) } }, config: { public: true } },
    (req) => s.categories.list({ counts: req.query.counts === 'true' }),
  );
  app.post('/api/product-categories', { schema: { tags, body: ProductCategoryCreateBody, response: { 200: ProductCategoryView } } }, (req) =>
    s.categories.create(req.actor, req.body),
  );
  app.patch(
    '/api/product-categories/:code',
    { schema: { tags, params: CategoryCodeParams, body: ProductCategoryUpdateBody, response: { 200: ProductCategoryView, 404: ErrorBody } } },
    (req) => s.categories.update(req.actor, req.params.code, req.body),
  );

  app.get(
    '/api/enterprises',
    { schema: { tags, summary: '企业名录 Enterprises in scope', querystring: EnterpriseListQuery, response: { 200: EnterprisePage } } },
    (req) => s.enterprises.list(req.actor, req.query),
  );
  app.get(
    '/api/enterprises/by-category',
    { schema: { tags, summary: '按产品类别统计企业 Enterprises per category in scope', response: { 200: EnterpriseCategoryCounts } } },
    (req) => s.enterprises.countByCategory(req.actor),
  );
  app.get('/api/enterprises/:id', { schema: { tags, params: IdParams, response: { 200: EnterpriseView, 404: ErrorBody } } }, (req) =>
    s.enterprises.get(req.actor, req.params.id),
  );
  app.post(
    '/api/enterprises',
    { schema: { tags, summary: '登记企业 Register an enterprise', body: EnterpriseCreateBody, response: { 200: EnterpriseView, 409: ErrorBody } } },
    (req) => s.enterprises.create(req.actor, req.body),
  );
  app.patch(
    '/api/enterprises/:id',
    { schema: { tags, params: IdParams, body: EnterpriseUpdateBody, response: { 200: EnterpriseView, 404: ErrorBody } } },
    (req) => s.enterprises.update(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/institutions',
    { schema: { tags, summary: '技术机构 Institutions in scope', querystring: InstitutionListQuery, response: { 200: paged(InstitutionView) } } },
    (req) => s.institutions.list(req.actor, req.query),
  );
  app.get('/api/institutions/:id', { schema: { tags, params: IdParams, response: { 200: InstitutionDetailView, 404: ErrorBody } } }, (req) =>
    s.institutions.get(req.actor, req.params.id),
  );
  app.post('/api/institutions', { schema: { tags, body: InstitutionCreateBody, response: { 200: InstitutionDetailView } } }, (req) =>
    s.institutions.create(req.actor, req.body),
  );
  app.patch(
    '/api/institutions/:id',
    { schema: { tags, params: IdParams, body: InstitutionUpdateBody, response: { 200: InstitutionDetailView, 404: ErrorBody } } },
    (req) => s.institutions.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/institutions/:id/scopes',
    { schema: { tags, summary: '新增资质范围 Add a qualification scope', params: IdParams, body: QualificationScopeBody, response: { 200: InstitutionDetailView } } },
    (req) => s.institutions.addScope(req.actor, req.params.id, req.body),
  );
  app.delete(
    '/api/institutions/:id/scopes/:scopeId',
    { schema: { tags, params: ScopeIdParams, response: { 200: InstitutionDetailView, 404: ErrorBody } } },
    (req) => s.institutions.removeScope(req.actor, req.params.id, req.params.scopeId),
  );

  app.get(
    '/api/instruments',
    { schema: { tags, summary: '计量器具台账 Instrument ledger in scope', querystring: InstrumentListQuery, response: { 200: paged(InstrumentView) } } },
    (req) => s.instruments.list(req.actor, req.query),
  );
  app.get('/api/instruments/:id', { schema: { tags, params: IdParams, response: { 200: InstrumentDetailView, 404: ErrorBody } } }, (req) =>
    s.instruments.get(req.actor, req.params.id),
  );
  app.post('/api/instruments', { schema: { tags, summary: '登记计量器具 Register an instrument', body: InstrumentCreateBody, response: { 200: InstrumentDetailView } } }, (req) =>
    s.instruments.create(req.actor, req.body),
  );
  app.patch(
    '/api/instruments/:id',
    { schema: { tags, params: IdParams, body: InstrumentUpdateBody, response: { 200: InstrumentDetailView, 404: ErrorBody } } },
    (req) => s.instruments.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/instruments/:id/verifications',
    { schema: { tags, summary: '登记检定/校准 Record a verification', params: IdParams, body: InstrumentVerificationBody, response: { 200: InstrumentDetailView } } },
    (req) => s.instruments.addVerification(req.actor, req.params.id, req.body),
  );
}
