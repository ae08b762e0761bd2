import type { z } from 'zod';
import type { ZNotification } from '../../../../src/modules/notifications/notification.schema';
import { api, orgPath, type Page } from '../../shared/api/client';

export type AppNotification = z.input<typeof ZNotification>;
export type NotificationKind = AppNotification['kind'];

export const notificationsApi = {
  list: (org: string, query: { limit?: number; cursor?: string; unread?: 'true' | 'false' } = {}) =>
    api.get<Page<AppNotification>>(orgPath(org, 'notifications'), query),
  unreadCount: (org: string) => api.get<{ unread: number }>(orgPath(org, 'notifications', 'unread-count')),
  markRead: (org: string, ids: string[]) => api.post<{ updated: number }>(orgPath(org, 'notifications', 'read'), { ids }),
  markAllRead: (org: string) => api.post<{ updated: number }>(orgPath(org, 'notifications', 'read'), { all: true }),
};

/** Where a notification leads in the staff app, or null when there is nowhere to go. */
export function linkOf(org: string, notification: AppNotification): string | null {
  const teamId = notification.params.teamId;
  switch (notification.subjectType) {
    case 'decision':
      return `/o/${org}/decisions/${notification.subjectId}`;
    case 'agreement':
      return typeof teamId === 'string' && teamId
        ? `/o/${org}/teams/${teamId}?tab=agreements&agreement=${notification.subjectId}`
        : `/o/${org}/reviews`;
    case 'grant':
      return `/o/${org}/rights`;
    case 'team':
      return `/o/${org}/teams/${notification.subjectId}?tab=rights`;
    case 'promise':
      return `/o/${org}/promises/${notification.subjectId}`;
    case 'promise_request':
      return `/o/${org}/promises?tab=requests`;
    case 'proposal':
      return `/o/${org}/proposals/${notification.subjectId}`;
    case 'trade': {
      const period = notification.params.period;
      if (typeof teamId !== 'string' || !teamId) return `/o/${org}/economics`;
      return `/o/${org}/teams/${teamId}/economics?${new URLSearchParams({ ...(typeof period === 'string' ? { period } : {}), tab: 'trades' })}`;
    }
    default:
      return null;
  }
}
