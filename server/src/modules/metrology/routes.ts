import { z } from 'zod';
import {
  CertificateListQuery,
  CertificateView,
  CompulsoryItemView,
  ErrorBody,
  IdParams,
  LEDGER_IMPORT_MAX_BYTES,
  LedgerDetailsBody,
  LedgerDetailsView,
  LedgerImportResult,
  PublicCertificateVerification,
  PublicCertificateVerifyQuery,
  RequesterInstrumentView,
  StaffMemberView,
  VerificationRecordBody,
  paged,
} from '@shijian/contracts';
import { XLSX_TYPE } from '../../app.js';
import { AppError } from '../../platform/errors.js';
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
    '/api/public/certificates/verify',
    {
      schema: { tags: ['public'], summary: '检定证书真伪查验 Verify a verification certificate by number and code', querystring: PublicCertificateVerifyQuery, response: { 200: PublicCertificateVerification } },
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return s.metrology.verifyCertificate(req.query.no, req.query.code);
    },
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

  app.get('/api/instruments/import-template', { schema: { tags, summary: '计量器具台账导入模板（.xlsx）' } }, async (_req, reply) =>
    reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename="ledger-template.xlsx"; filename*=UTF-8''${encodeURIComponent('计量器具台账导入模板.xlsx')}`)
      .send(await s.ledgerImport.template()),
  );
  app.post(
    '/api/instruments/import',
    {
      bodyLimit: LEDGER_IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: '批量导入计量器具台账（.xlsx 原始文件为请求体）',
        description: `请求体为 .xlsx 文件本身（Content-Type: ${XLSX_TYPE}）。任一行有误即返回 400 IMPORT_ROWS_INVALID 及逐行错误，不写入任何数据。`,
        response: { 200: LedgerImportResult, 400: ErrorBody },
      },
    },
    async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `请上传 .xlsx 文件（Content-Type: ${XLSX_TYPE}）`);
      return s.ledgerImport.import(req.actor, req.body);
    },
  );
  app.get('/api/institution-staff', { schema: { tags, summary: '本机构人员（检定时选择核验员、批准人）', response: { 200: z.array(StaffMemberView) } } }, (req) => s.metrology.staff(req.actor));
  app.get(
    '/api/service-requests/:id/requester-instruments',
    { schema: { tags, summary: '申请单位的计量器具台账（受理机构检定时选择）', params: IdParams, response: { 200: z.array(RequesterInstrumentView), 404: ErrorBody } } },
    (req) => s.metrology.requesterInstruments(req.actor, req.params.id),
  );
}
