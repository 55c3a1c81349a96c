import { EnterpriseArchive, ErrorBody, IdParams } from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function archiveRoutes(app: App, s: Services) {
  app.get(
    '/api/enterprises/:id/archive',
    { schema: { tags: ['supervision'], summary: '企业专门档案：产品、排查、抽检、报告、案件、检查、器具证书、信用', params: IdParams, response: { 200: EnterpriseArchive, 404: ErrorBody } } },
    (req) => s.archive.get(req.actor, req.params.id),
  );
}
