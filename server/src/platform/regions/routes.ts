import { z } from 'zod';
import { ErrorBody, RegionCodeParams, RegionListQuery, RegionPathView, RegionView } from '@shijian/contracts';
import type { App } from '../http/types.js';
import type { Regions } from './service.js';

/** Regions are public reference data (the portal's forms use them too). */
export function regionRoutes(app: App, regions: Regions) {
  const tags = ['reference'];
  app.get(
    '/api/regions',
    { schema: { tags, summary: '行政区划 Child regions (GB/T 2260)', querystring: RegionListQuery, response: { 200: z.array(RegionView), 404: ErrorBody } }, config: { public: true } },
    async (req, reply) => {
      reply.header('cache-control', 'public, max-age=3600');
      return regions.children(req.query.parent);
    },
  );
  app.get(
    '/api/regions/:code/path',
    { schema: { tags, summary: '区划路径 Province → city → county path', params: RegionCodeParams, response: { 200: RegionPathView, 404: ErrorBody } }, config: { public: true } },
    async (req) => ({ path: await regions.path(req.params.code) }),
  );
}
