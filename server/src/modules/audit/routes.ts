import { AuditEntryView, AuditListQuery, AuditVerifyView, paged } from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function auditRoutes(app: App, s: Services) {
  const tags = ['audit'];
  app.get(
    '/api/audit',
    { schema: { tags, summary: '审计日志 Audit log in scope', querystring: AuditListQuery, response: { 200: paged(AuditEntryView) } } },
    (req) => s.auditLog.list(req.actor, req.query),
  );
  app.post(
    '/api/audit/verify',
    { schema: { tags, summary: '校验审计链 Verify every chain and record', response: { 200: AuditVerifyView } } },
    (req) => s.auditLog.verify(req.actor),
  );
}
