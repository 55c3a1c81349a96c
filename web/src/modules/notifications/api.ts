import type { z } from 'zod';
import type * as C from '@shijian/contracts';
import { api, type Query } from '../../api/client';
import type { Paged } from '../../api/types';

/** 站内提醒: notices to the caller's org (a report due, returned or accepted), read per user. */
export type NotificationView = C.NotificationView;
export type NotificationListQuery = z.input<typeof C.NotificationListQuery>;
export type NotificationPage = Paged<NotificationView> & { unread: number };

export const NOTIFICATIONS_KEY = ['notifications'] as const;
export const UNREAD_KEY = [...NOTIFICATIONS_KEY, 'unread'] as const;

const id = (value: string) => encodeURIComponent(value);

export const notificationsApi = {
  list: (query: NotificationListQuery) => api.get<NotificationPage>('/api/notifications', query as Query),
  unread: () => api.get<{ unread: number }>('/api/notifications/unread'),
  markRead: (notificationId: string) => api.post<{ ok: true }>(`/api/notifications/${id(notificationId)}/read`),
};

/** Only app paths are followed: a notice's link is data, and must not take anyone off-site. */
export function safeLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}
