import { z } from 'zod';
import { ZId, ZPageQuery, ZTime } from '../common.schema.js';

/** What a notification is about; the web app words each kind in the reader's language. */
export const NOTIFICATION_KINDS = [
  'advice_requested',
  'advice_given',
  'decision_taken',
  'decision_withdrawn',
  'agreement_due',
  'decision_due',
  'right_granted',
  'right_narrowed',
  'right_revoked',
  'promise_unbacked',
  'promise_over_capacity',
  'promise_requested',
  'promise_request_answered',
  'promise_status_changed',
  'promise_alert_fired',
  'trade_to_confirm',
  'trade_answered',
  'proposal_threshold_reached',
  'authority_overridden',
  'promise_acted_for',
  'answer_promise_proposed',
  'answer_promise_accepted',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const ZNotification = z
  .object({
    id: z.string(),
    kind: z.enum(NOTIFICATION_KINDS),
    subjectType: z.enum(['agreement', 'decision', 'grant', 'promise', 'promise_request', 'trade', 'proposal', 'team']),
    subjectId: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).describe('names, dates and amounts the message shows'),
    createdAt: ZTime,
    readAt: ZTime.nullable(),
  })
  .meta({ id: 'Notification' });
export type TNotification = z.output<typeof ZNotification>;

export const ZNotificationQuery = ZPageQuery.extend({ unread: z.enum(['true', 'false']).optional() });

export const ZMarkRead = z
  .object({
    ids: z.array(ZId).max(200).optional().describe('notifications to mark read; ids that are not the caller’s are left alone'),
    all: z
      .boolean()
      .optional()
      .describe('mark every notification of the caller in this organization read')
      .meta({ examples: [true] }),
  })
  .refine((v) => v.all === true || (v.ids !== undefined && v.ids.length > 0), {
    message: 'send ids, or all: true',
    params: { code: 'one_of', fields: ['ids', 'all'] },
  })
  .meta({ id: 'MarkRead' });
