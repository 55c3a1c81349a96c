import { z } from 'zod';
import {
  AcceptBody,
  BookingBody,
  BookingListQuery,
  BookingOutcomeBody,
  BookingView,
  DispatchBody,
  DispatchListQuery,
  DispatchView,
  RequestSampleBody,
  RequestSampleView,
  SampleDetailView,
  SlotBody,
  SlotListQuery,
  SlotView,
  CatalogueQuery,
  ErrorBody,
  FeeRuleBody,
  FeeRuleListQuery,
  FeeRuleView,
  IdParams,
  PublicRequestQuery,
  PublicServiceRequestBody,
  ReasonBody,
  ReferBody,
  ReferralOption,
  ServiceItemActiveBody,
  ServiceItemBody,
  ServiceItemListQuery,
  ServiceItemView,
  ServiceRequestBody,
  ServiceRequestCreated,
  ServiceRequestListQuery,
  ServiceRequestView,
  paged,
} from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function serviceRoutes(app: App, s: Services) {
  const tags = ['services'];

  // ---- catalogue ----
  app.get(
    '/api/public/service-catalogue',
    {
      schema: { tags, summary: '服务目录检索（公开） Public service catalogue', querystring: CatalogueQuery, response: { 200: paged(ServiceItemView) } },
      config: { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    (req) => s.serviceCatalogue.search(req.query),
  );
  app.get(
    '/api/public/service-items/:id',
    { schema: { tags, summary: '服务项目详情（公开）', params: IdParams, response: { 200: ServiceItemView, 404: ErrorBody } }, config: { public: true } },
    (req) => s.serviceCatalogue.get(req.actor.kind === 'user' ? req.actor : null, req.params.id),
  );
  app.get(
    '/api/service-items',
    { schema: { tags, summary: '机构服务项目（本机构含已下架）', querystring: ServiceItemListQuery, response: { 200: paged(ServiceItemView) } } },
    (req) => s.serviceCatalogue.list(req.actor, req.query),
  );
  app.post('/api/service-items', { schema: { tags, summary: '发布服务项目', body: ServiceItemBody, response: { 200: ServiceItemView } } }, (req) =>
    s.serviceCatalogue.create(req.actor, req.body),
  );
  app.put('/api/service-items/:id', { schema: { tags, summary: '修改服务项目', params: IdParams, body: ServiceItemBody, response: { 200: ServiceItemView, 404: ErrorBody } } }, (req) =>
    s.serviceCatalogue.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/service-items/:id/active',
    { schema: { tags, summary: '上架或下架服务项目', params: IdParams, body: ServiceItemActiveBody, response: { 200: ServiceItemView, 404: ErrorBody } } },
    (req) => s.serviceCatalogue.setActive(req.actor, req.params.id, req.body.active),
  );

  // ---- fee rules ----
  app.get('/api/fee-rules', { schema: { tags, summary: '收费减免规则', querystring: FeeRuleListQuery, response: { 200: paged(FeeRuleView) } } }, (req) =>
    s.feeRules.list(req.actor, req.query),
  );
  app.post('/api/fee-rules', { schema: { tags, summary: '制定收费减免规则', body: FeeRuleBody, response: { 200: FeeRuleView } } }, (req) => s.feeRules.create(req.actor, req.body));
  app.post(
    '/api/fee-rules/:id/active',
    { schema: { tags, summary: '启用或停用收费减免规则', params: IdParams, body: z.object({ active: z.boolean() }), response: { 200: FeeRuleView, 404: ErrorBody } } },
    (req) => s.feeRules.setActive(req.actor, req.params.id, req.body.active),
  );

  // ---- requests ----
  app.post(
    '/api/public/service-requests',
    {
      schema: { tags, summary: '提交服务申请（公众，无需登录）', body: PublicServiceRequestBody, response: { 200: ServiceRequestCreated } },
      config: { public: true, rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    (req) => s.serviceRequests.submitPublic(req.actor, req.body),
  );
  app.get(
    '/api/public/service-requests/status',
    {
      schema: { tags, summary: '凭申请编号和查询码查看进度（公开）', querystring: PublicRequestQuery, response: { 200: ServiceRequestView, 404: ErrorBody } },
      config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (req) => s.serviceRequests.publicStatus(req.query.no, req.query.code),
  );
  app.get(
    '/api/service-requests',
    { schema: { tags, summary: '服务申请（申请方、受理机构及其监管部门可见）', querystring: ServiceRequestListQuery, response: { 200: paged(ServiceRequestView) } } },
    (req) => s.serviceRequests.list(req.actor, req.query),
  );
  app.post('/api/service-requests', { schema: { tags, summary: '提交服务申请', body: ServiceRequestBody, response: { 200: ServiceRequestView } } }, (req) =>
    s.serviceRequests.submit(req.actor, req.body),
  );
  app.get('/api/service-requests/:id', { schema: { tags, params: IdParams, response: { 200: ServiceRequestView, 404: ErrorBody } } }, (req) =>
    s.serviceRequests.get(req.actor, req.params.id),
  );
  app.post(
    '/api/service-requests/:id/accept',
    { schema: { tags, summary: '受理（首问负责）', params: IdParams, body: AcceptBody, response: { 200: ServiceRequestView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => s.serviceRequests.accept(req.actor, req.params.id, req.body.note),
  );
  app.get(
    '/api/service-requests/:id/referral-options',
    { schema: { tags, summary: '可转介机构（目录覆盖，就近优先）', params: IdParams, response: { 200: z.array(ReferralOption), 404: ErrorBody } } },
    (req) => s.serviceRequests.referralOptions(req.actor, req.params.id),
  );
  app.post(
    '/api/service-requests/:id/refer',
    { schema: { tags, summary: '转介至其他机构（全部或部分项目）', params: IdParams, body: ReferBody, response: { 200: ServiceRequestView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => s.serviceRequests.refer(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/service-requests/:id/escalate',
    { schema: { tags, summary: '上报监管部门协调', params: IdParams, body: ReasonBody, response: { 200: ServiceRequestView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => s.serviceRequests.escalate(req.actor, req.params.id, req.body.reason),
  );
  app.post(
    '/api/service-requests/:id/decline',
    { schema: { tags, summary: '不予受理（绿色通道申请不可）', params: IdParams, body: ReasonBody, response: { 200: ServiceRequestView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => s.serviceRequests.decline(req.actor, req.params.id, req.body.reason),
  );
  app.post(
    '/api/service-requests/:id/complete',
    { schema: { tags, summary: '办结', params: IdParams, body: AcceptBody, response: { 200: ServiceRequestView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => s.serviceRequests.complete(req.actor, req.params.id, req.body.note),
  );

  // ---- appointments ----
  app.get('/api/service-slots', { schema: { tags, summary: '预约时段（机构可约时间）', querystring: SlotListQuery, response: { 200: paged(SlotView) } } }, (req) =>
    s.appointments.slots(req.actor, req.query),
  );
  app.post('/api/service-slots', { schema: { tags, summary: '开放预约时段', body: SlotBody, response: { 200: SlotView } } }, (req) => s.appointments.openSlot(req.actor, req.body));
  app.post(
    '/api/service-slots/:id/cancel',
    { schema: { tags, summary: '取消预约时段（无人预约时）', params: IdParams, body: z.object({}).optional(), response: { 200: SlotView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => s.appointments.cancelSlot(req.actor, req.params.id),
  );
  app.get('/api/service-bookings', { schema: { tags, summary: '预约（预约方、机构及其监管部门可见）', querystring: BookingListQuery, response: { 200: paged(BookingView) } } }, (req) =>
    s.appointments.bookings(req.actor, req.query),
  );
  app.post('/api/service-bookings', { schema: { tags, summary: '网上预约，或机构登记电话预约', body: BookingBody, response: { 200: BookingView, 409: ErrorBody } } }, (req) =>
    s.appointments.book(req.actor, req.body),
  );
  app.get('/api/service-bookings/:id', { schema: { tags, params: IdParams, response: { 200: BookingView, 404: ErrorBody } } }, (req) => s.appointments.booking(req.actor, req.params.id));
  app.post(
    '/api/service-bookings/:id/cancel',
    { schema: { tags, summary: '取消预约', params: IdParams, body: z.object({}).optional(), response: { 200: BookingView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => s.appointments.cancel(req.actor, req.params.id),
  );
  app.post(
    '/api/service-bookings/:id/outcome',
    { schema: { tags, summary: '登记到场情况', params: IdParams, body: BookingOutcomeBody, response: { 200: BookingView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => s.appointments.outcome(req.actor, req.params.id, req.body.status),
  );

  // ---- on-site service ----
  app.get('/api/onsite-dispatches', { schema: { tags, summary: '上门服务记录', querystring: DispatchListQuery, response: { 200: paged(DispatchView) } } }, (req) =>
    s.onsite.list(req.actor, req.query),
  );
  app.post('/api/onsite-dispatches', { schema: { tags, summary: '登记上门服务', body: DispatchBody, response: { 200: DispatchView } } }, (req) => s.onsite.record(req.actor, req.body));
  app.get('/api/onsite-dispatches/:id', { schema: { tags, params: IdParams, response: { 200: DispatchView, 404: ErrorBody } } }, (req) => s.onsite.get(req.actor, req.params.id));

  // ---- testing requests become lab samples ----
  app.post(
    '/api/service-requests/:id/samples',
    { schema: { tags, summary: '为检验检测项目收样（生成实验室样品）', params: IdParams, body: RequestSampleBody, response: { 200: SampleDetailView, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody } } },
    (req) => s.requestSamples.receive(req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/service-requests/:id/samples',
    { schema: { tags, summary: '申请的样品及其报告', params: IdParams, response: { 200: z.array(RequestSampleView), 404: ErrorBody } } },
    (req) => s.requestSamples.list(req.actor, req.params.id),
  );
}
