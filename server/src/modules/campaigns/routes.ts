import { z } from 'zod';
import {
  CampaignCreateBody,
  CampaignDetailView,
  CampaignListQuery,
  CampaignUpdateBody,
  CampaignView,
  ErrorBody,
  IdParams,
  ImportJobParams,
  ImportJobView,
  ImportQuery,
  ProblemCreateBody,
  ProblemListQuery,
  ProblemStatusBody,
  ProblemUpdateBody,
  ProblemView,
  RectificationBody,
  SCREENING_IMPORT_MAX_BYTES,
  ScreeningCreateBody,
  ScreeningListQuery,
  ScreeningView,
  paged,
} from '@shijian/contracts';
import { XLSX_TYPE } from '../../app.js';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function campaignRoutes(app: App, s: Services) {
  const tags = ['campaigns'];
  const c = s.campaigns;

  app.get(
    '/api/campaigns',
    { schema: { tags, summary: '专项整治行动 Campaigns in scope', querystring: CampaignListQuery, response: { 200: paged(CampaignView) } } },
    (req) => c.list(req.actor, req.query),
  );
  app.get(
    '/api/campaigns/:id',
    { schema: { tags, summary: '专项整治行动详情（含分类排查统计）', params: IdParams, response: { 200: CampaignDetailView, 404: ErrorBody } } },
    (req) => c.get(req.actor, req.params.id),
  );
  app.post(
    '/api/campaigns',
    { schema: { tags, summary: '新建专项整治行动 Create a campaign', body: CampaignCreateBody, response: { 200: CampaignDetailView, 409: ErrorBody } } },
    (req) => c.create(req.actor, req.body),
  );
  app.patch(
    '/api/campaigns/:id',
    { schema: { tags, summary: '修改专项整治行动', params: IdParams, body: CampaignUpdateBody, response: { 200: CampaignDetailView, 404: ErrorBody } } },
    (req) => c.update(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/campaigns/:id/screenings/import-template',
    { schema: { tags, summary: '排查名单导入模板（.xlsx）Import template', params: IdParams } },
    async (req, reply) => {
      const file = await c.imports.template(req.actor, req.params.id);
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="screening-template.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .send(file.bytes);
    },
  );
  app.post(
    '/api/campaigns/:id/screenings/import',
    {
      bodyLimit: SCREENING_IMPORT_MAX_BYTES,
      schema: {
        tags,
        summary: '批量导入排查名单（.xlsx 原始文件为请求体）Import a producer list',
        description: `请求体为 .xlsx 文件本身（Content-Type: ${XLSX_TYPE}）。先校验全部行：任一行有误即返回 400 IMPORT_ROWS_INVALID 及逐行错误，不写入任何数据；否则返回 202 与导入任务，随后轮询任务进度。`,
        params: IdParams,
        querystring: ImportQuery,
        response: { 202: ImportJobView, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) {
        throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', `请上传 .xlsx 文件（Content-Type: ${XLSX_TYPE}）`);
      }
      const job = await c.imports.start(req.actor, req.params.id, req.body, req.query.fileName);
      return reply.status(202).send(job);
    },
  );
  app.get(
    '/api/campaigns/:id/screenings/imports/:jobId',
    { schema: { tags, summary: '导入任务进度 Import job progress', params: ImportJobParams, response: { 200: ImportJobView, 404: ErrorBody } } },
    (req) => c.imports.get(req.actor, req.params.id, req.params.jobId),
  );

  app.get(
    '/api/screenings',
    { schema: { tags, summary: '生产企业排查 Screenings in scope', querystring: ScreeningListQuery, response: { 200: paged(ScreeningView) } } },
    (req) => c.screenings.list(req.actor, req.query),
  );
  app.get(
    '/api/screenings/officers',
    { schema: { tags, summary: '本单位检查人员（历次排查）Officer names', response: { 200: z.array(z.string()) } } },
    (req) => c.screenings.officers(req.actor),
  );
  app.get('/api/screenings/:id', { schema: { tags, params: IdParams, response: { 200: ScreeningView, 404: ErrorBody } } }, (req) =>
    c.screenings.get(req.actor, req.params.id),
  );
  app.post(
    '/api/screenings',
    { schema: { tags, summary: '登记排查 Record a screening', body: ScreeningCreateBody, response: { 200: ScreeningView, 409: ErrorBody } } },
    (req) => c.screenings.record(req.actor, req.body),
  );
  app.post(
    '/api/screenings/:id/rectification',
    { schema: { tags, summary: '登记整改完成 Record the rectification', params: IdParams, body: RectificationBody, response: { 200: ScreeningView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => c.screenings.rectify(req.actor, req.params.id, req.body),
  );

  app.get(
    '/api/problems',
    { schema: { tags, summary: '问题清单台账 Problem ledger in scope', querystring: ProblemListQuery, response: { 200: paged(ProblemView) } } },
    (req) => c.problems.list(req.actor, req.query),
  );
  app.get('/api/problems/:id', { schema: { tags, params: IdParams, response: { 200: ProblemView, 404: ErrorBody } } }, (req) =>
    c.problems.get(req.actor, req.params.id),
  );
  app.post(
    '/api/problems',
    { schema: { tags, summary: '登记问题 Log a problem', body: ProblemCreateBody, response: { 200: ProblemView } } },
    (req) => c.problems.create(req.actor, req.body),
  );
  app.patch(
    '/api/problems/:id',
    { schema: { tags, summary: '修改问题（销号前）', params: IdParams, body: ProblemUpdateBody, response: { 200: ProblemView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => c.problems.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/problems/:id/status',
    { schema: { tags, summary: '推进问题状态 / 销号 Move along or resolve', params: IdParams, body: ProblemStatusBody, response: { 200: ProblemView, 404: ErrorBody, 409: ErrorBody } } },
    (req) => c.problems.setStatus(req.actor, req.params.id, req.body),
  );
}
