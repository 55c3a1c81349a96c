import {
  EpidemicQaBody,
  EpidemicQaListQuery,
  EpidemicQaPublishBody,
  EpidemicQaView,
  ErrorBody,
  IdParams,
  OkBody,
  PublicEpidemicQaQuery,
  PublicEpidemicQaView,
  PublicInstitutionQuery,
  PublicInstitutionView,
  PublicTypicalCaseQuery,
  PublicTypicalCaseView,
  TypicalCaseCreateBody,
  TypicalCaseListQuery,
  TypicalCaseView,
  TypicalCaseWithdrawBody,
  paged,
} from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

const publicConfig = { public: true, rateLimit: { max: 120, timeWindow: '1 minute' } };

export function publicityRoutes(app: App, s: Services) {
  const tags = ['publicity'];
  const { cases, qa, institutions } = s.publicity;

  // Typical cases (典型案例): read with case.read, written with publicity.write; scope is the case's region.
  app.get(
    '/api/typical-cases',
    { schema: { tags, summary: '典型案例（本辖区发布的，含已撤回）', querystring: TypicalCaseListQuery, response: { 200: paged(TypicalCaseView) } } },
    (req) => cases.list(req.actor, req.query),
  );
  app.get('/api/typical-cases/:id', { schema: { tags, params: IdParams, response: { 200: TypicalCaseView, 404: ErrorBody } } }, (req) => cases.get(req.actor, req.params.id));
  app.post(
    '/api/typical-cases',
    { schema: { tags, summary: '发布典型案例（已作出处罚决定、已执行或已结案的本辖区案件）', body: TypicalCaseCreateBody, response: { 200: TypicalCaseView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => cases.publish(req.actor, req.body),
  );
  app.post(
    '/api/typical-cases/:id/withdraw',
    { schema: { tags, summary: '撤回典型案例（须说明原因）', params: IdParams, body: TypicalCaseWithdrawBody, response: { 200: TypicalCaseView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => cases.withdraw(req.actor, req.params.id, req.body),
  );

  // The epidemic-goods Q&A (防疫用品问答): publicity.write; a bureau edits its own region's entries.
  app.get(
    '/api/epidemic-qa',
    { schema: { tags, summary: '防疫用品问答（本辖区编写的，含未发布）', querystring: EpidemicQaListQuery, response: { 200: paged(EpidemicQaView) } } },
    (req) => qa.list(req.actor, req.query),
  );
  app.get('/api/epidemic-qa/:id', { schema: { tags, params: IdParams, response: { 200: EpidemicQaView, 404: ErrorBody } } }, (req) => qa.get(req.actor, req.params.id));
  app.post('/api/epidemic-qa', { schema: { tags, summary: '新增问答（草稿）', body: EpidemicQaBody, response: { 200: EpidemicQaView } } }, (req) => qa.create(req.actor, req.body));
  app.put('/api/epidemic-qa/:id', { schema: { tags, summary: '修改问答', params: IdParams, body: EpidemicQaBody, response: { 200: EpidemicQaView, 404: ErrorBody } } }, (req) =>
    qa.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/epidemic-qa/:id/publish',
    { schema: { tags, summary: '发布或撤下问答', params: IdParams, body: EpidemicQaPublishBody, response: { 200: EpidemicQaView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => qa.setPublished(req.actor, req.params.id, req.body.published),
  );
  app.delete('/api/epidemic-qa/:id', { schema: { tags, summary: '删除问答（仅限未发布的）', params: IdParams, response: { 200: OkBody, 404: ErrorBody, 409: ErrorBody } } }, (req) =>
    qa.remove(req.actor, req.params.id),
  );

  // Public, no login: only what is published.
  app.get(
    '/api/public/typical-cases',
    { schema: { tags, summary: '典型案例（公开）', querystring: PublicTypicalCaseQuery, response: { 200: paged(PublicTypicalCaseView) } }, config: publicConfig },
    (req) => cases.publicList(req.query),
  );
  app.get(
    '/api/public/typical-cases/:id',
    { schema: { tags, summary: '典型案例详情（公开）', params: IdParams, response: { 200: PublicTypicalCaseView, 404: ErrorBody } }, config: publicConfig },
    (req) => cases.publicGet(req.params.id),
  );
  app.get(
    '/api/public/epidemic-qa',
    { schema: { tags, summary: '防疫用品问答（公开）', querystring: PublicEpidemicQaQuery, response: { 200: paged(PublicEpidemicQaView) } }, config: publicConfig },
    (req) => qa.publicList(req.query),
  );
  app.get(
    '/api/public/institutions',
    {
      schema: { tags, summary: '检验检测机构名录（资质认定证书在有效期内的机构，公开）', querystring: PublicInstitutionQuery, response: { 200: paged(PublicInstitutionView) } },
      config: publicConfig,
    },
    (req) => institutions.list(req.query),
  );
}
