import {
  ComplaintDecisionBody,
  ComplaintIntakeBody,
  ComplaintLeadBody,
  ComplaintListQuery,
  ComplaintReplyBody,
  ComplaintView,
  ErrorBody,
  IdParams,
  MediationBody,
  PublicComplaintCreated,
  PublicComplaintQuery,
  PublicComplaintStatus,
  StaffComplaintBody,
  paged,
} from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function complaintRoutes(app: App, s: Services) {
  const tags = ['complaints'];
  app.post(
    '/api/public/complaints',
    {
      schema: { tags, summary: '投诉举报（公众，无需登录）', body: ComplaintIntakeBody, response: { 200: PublicComplaintCreated } },
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    (req) => s.complaints.submitPublic(req.actor, req.body),
  );
  app.get(
    '/api/public/complaints/status',
    {
      schema: { tags, summary: '凭编号和查询码查看投诉举报进度（公开）', querystring: PublicComplaintQuery, response: { 200: PublicComplaintStatus, 404: ErrorBody } },
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (req) => s.complaints.publicStatus(req.query.no, req.query.code),
  );
  app.get('/api/complaints', { schema: { tags, summary: '投诉举报（承办部门及其上级可见）', querystring: ComplaintListQuery, response: { 200: paged(ComplaintView) } } }, (req) =>
    s.complaints.list(req.actor, req.query),
  );
  app.post('/api/complaints', { schema: { tags, summary: '登记电话、信件、来访投诉举报', body: StaffComplaintBody, response: { 200: ComplaintView } } }, (req) =>
    s.complaints.intake(req.actor, req.body),
  );
  app.get('/api/complaints/:id', { schema: { tags, params: IdParams, response: { 200: ComplaintView, 404: ErrorBody } } }, (req) => s.complaints.get(req.actor, req.params.id));
  const moves = { params: IdParams, response: { 200: ComplaintView, 404: ErrorBody, 409: ErrorBody } };
  app.post('/api/complaints/:id/accept', { schema: { tags, summary: '受理投诉（开始调解）', body: ComplaintDecisionBody, ...moves } }, (req) =>
    s.complaints.accept(req.actor, req.params.id, req.body),
  );
  app.post('/api/complaints/:id/reject', { schema: { tags, summary: '不予受理（投诉）或核查不予立案（举报）', body: ComplaintDecisionBody, ...moves } }, (req) =>
    s.complaints.reject(req.actor, req.params.id, req.body),
  );
  app.post('/api/complaints/:id/mediation', { schema: { tags, summary: '登记调解结果', body: MediationBody, ...moves } }, (req) =>
    s.complaints.mediation(req.actor, req.params.id, req.body),
  );
  app.post('/api/complaints/:id/reply', { schema: { tags, summary: '答复投诉举报人', body: ComplaintReplyBody, ...moves } }, (req) => s.complaints.reply(req.actor, req.params.id, req.body));
  app.post('/api/complaints/:id/lead', { schema: { tags, summary: '转为案件线索', body: ComplaintLeadBody, ...moves } }, (req) => s.complaints.openLead(req.actor, req.params.id, req.body));
}
