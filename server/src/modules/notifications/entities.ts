import { rowEntity } from '../../platform/audit/entity.js';
import { notificationReads, notifications } from './tables.js';

export const notificationEntity = rowEntity('notification', notifications, notifications.id);
export const notificationReadEntity = rowEntity('notification_read', notificationReads, notificationReads.id);
