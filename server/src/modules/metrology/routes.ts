import { z } from 'zod';
import { CertificateListQuery, CertificateView, CompulsoryItemView, ErrorBody, IdParams, LedgerDetailsBody, LedgerDetailsView, VerificationRecordBody, paged } from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function metrologyRoutes(app: App, s: Services) {
  const tags = ['metrology'];
  app.get(
    '/api/public/compulsory-catalogue',
    { schema: { tags, summary: '强制检定计量器具目录（公开）', response: { 200: z.array(CompulsoryItemView) } }, config: { public: true } },
    () => s.metrology.compulsoryCatalogue(),
  );
  app.get(
    '/api/instruments/:id/ledger',
    { schema: { tags, summary: '计量器具台账信息（e-CQS 字段）', params: IdParams, response: { 200: LedgerDetailsView.nullable(), 404: ErrorBody } } },
    (req) => s.metrology.ledgerDetails(req.actor, req.params.id),
  );
  app.put(
    '/api/instruments/:id/ledger',
    { schema: { tags, summary: '登记计量器具台账信息', params: IdParams, body: LedgerDetailsBody, response: { 200: LedgerDetailsView, 404: ErrorBody } } },
    (req) => s.metrology.setLedgerDetails(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/service-requests/:id/verifications',
    { schema: { tags, summary: '登记检定结果，出具检定证书或检定结果通知书', params: IdParams, body: VerificationRecordBody, response: { 200: CertificateView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => s.metrology.recordVerification(req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/verification-certificates',
    { schema: { tags, summary: '检定证书和结果通知书（送检单位、检定机构及其监管部门可见）', querystring: CertificateListQuery, response: { 200: paged(CertificateView) } } },
    (req) => s.metrology.certificates(req.actor, req.query),
  );
  app.get('/api/verification-certificates/:id', { schema: { tags, params: IdParams, response: { 200: CertificateView, 404: ErrorBody } } }, (req) =>
    s.metrology.certificate(req.actor, req.params.id),
  );
  app.get('/api/verification-certificates/:id/pdf', { schema: { tags, summary: '证书 PDF', params: IdParams } }, async (req, reply) => {
    const file = await s.metrology.certificatePdf(req.actor, req.params.id);
    return reply.type('application/pdf').header('content-disposition', `inline; filename="${encodeURIComponent(file.fileName)}"`).send(file.bytes);
  });
}
