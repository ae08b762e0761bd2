import { z } from 'zod';
import type { Registrar } from '../../http/registrar.js';
import { ZOrgParams, ZPage } from '../common.schema.js';
import { ZMarkRead, ZNotification, ZNotificationQuery } from './notification.schema.js';
import { countUnread, listNotifications, markRead } from './notification.service.js';

export function registerNotificationRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org/notifications';
  const mine = { tag: 'notifications', auth: 'org' as const, permission: 'org:read' as const };

  r.add({
    ...mine,
    method: 'GET',
    operationId: 'listNotifications',
    url: base,
    summary: 'The caller’s notifications in this organization, newest first',
    params: ZOrgParams,
    query: ZNotificationQuery,
    response: ZPage(ZNotification),
    handler: async ({ ctx, query }) => listNotifications(ctx, query),
  });
  r.add({
    ...mine,
    method: 'GET',
    operationId: 'countUnreadNotifications',
    url: `${base}/unread-count`,
    summary: 'How many of the caller’s notifications are unread (the bell)',
    params: ZOrgParams,
    response: z.object({ unread: z.number().int() }),
    handler: async ({ ctx }) => countUnread(ctx),
  });
  r.add({
    ...mine,
    method: 'POST',
    operationId: 'markNotificationsRead',
    url: `${base}/read`,
    summary: 'Mark the caller’s notifications read: the listed ones, or all',
    params: ZOrgParams,
    body: ZMarkRead,
    response: z.object({ updated: z.number().int() }),
    handler: async ({ ctx, body }) => markRead(ctx, body),
  });
}
