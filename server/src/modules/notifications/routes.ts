import { z } from 'zod';
import { ErrorBody, IdParams, NotificationListQuery, NotificationView, paged } from '@shijian/contracts';
import type { App } from '../../platform/http/types.js';
import type { Services } from '../index.js';

export function notificationRoutes(app: App, s: Services) {
  const tags = ['notifications'];
  app.get(
    '/api/notifications',
    { schema: { tags, summary: '站内提醒 Notices to the caller’s org', querystring: NotificationListQuery, response: { 200: paged(NotificationView).extend({ unread: z.number().int() }) } } },
    (req) => s.notifications.list(req.actor, req.query),
  );
  app.get('/api/notifications/unread', { schema: { tags, summary: '未读提醒数', response: { 200: z.object({ unread: z.number().int() }) } } }, async (req) => ({
    unread: await s.notifications.unreadCount(req.actor),
  }));
  app.post('/api/notifications/:id/read', { schema: { tags, summary: '标记为已读', params: IdParams, response: { 200: z.object({ ok: z.literal(true) }), 404: ErrorBody } } }, (req) =>
    s.notifications.markRead(req.actor, req.params.id),
  );
}
