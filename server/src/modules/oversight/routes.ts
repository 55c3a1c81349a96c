import { CheckLeadBody, ErrorBody, IdParams, InstitutionCheckBody, InstitutionCheckListQuery, InstitutionCheckView, paged } from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function oversightRoutes(app: App, s: Services) {
  const tags = ['oversight'];
  app.get(
    '/api/institution-checks',
    { schema: { tags, summary: '检验检测机构检查记录（管辖范围内）', querystring: InstitutionCheckListQuery, response: { 200: paged(InstitutionCheckView) } } },
    (req) => s.oversight.list(req.actor, req.query),
  );
  app.post('/api/institution-checks', { schema: { tags, summary: '登记对检验检测机构的检查', body: InstitutionCheckBody, response: { 200: InstitutionCheckView } } }, (req) =>
    s.oversight.record(req.actor, req.body),
  );
  app.get('/api/institution-checks/:id', { schema: { tags, params: IdParams, response: { 200: InstitutionCheckView, 404: ErrorBody } } }, (req) => s.oversight.get(req.actor, req.params.id));
  app.post(
    '/api/institution-checks/:id/lead',
    { schema: { tags, summary: '发现问题移交立案（机构所在地监管部门）', params: IdParams, body: CheckLeadBody, response: { 200: InstitutionCheckView, 409: ErrorBody } } },
    (req) => s.oversight.openLead(req.actor, req.params.id, req.body),
  );
}
