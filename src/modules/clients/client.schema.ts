import { z } from 'zod';
import { ZEmail, ZId, ZName, ZPageQuery, ZTime } from '../common.schema.js';

const ZExternalId = z.string().trim().min(1).max(200);

export const ZCreateClient = z
  .object({
    name: ZName,
    email: ZEmail.nullable().optional(),
    externalId: ZExternalId.nullable().optional(),
    segmentIds: z
      .array(ZId)
      .max(50)
      .optional()
      .describe('the client segments the client belongs to (promises to them, polls and budget rounds open to them)'),
  })
  .meta({ id: 'CreateClient' });
export type TCreateClient = z.output<typeof ZCreateClient>;

export const ZUpdateClient = ZCreateClient.partial()
  .refine((v) => Object.keys(v).length > 0, { message: 'send at least one field to change', params: { code: 'nothing_to_change' } })
  .meta({ id: 'UpdateClient' });
export type TUpdateClient = z.output<typeof ZUpdateClient>;

export const ZClientListQuery = ZPageQuery.extend({ q: z.string().trim().max(200).optional() });

export const ZClient = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    externalId: z.string().nullable(),
    segmentIds: z.array(z.string()),
    /** Set when the client proved the address by a link sent to it. */
    emailConfirmedAt: ZTime.nullable(),
    origin: z.enum(['staff', 'self']).describe('staff: added by the organization; self: registered in the portal'),
    createdAt: ZTime,
    updatedAt: ZTime,
  })
  .meta({ id: 'Client' });
export type TClient = z.output<typeof ZClient>;

export const INVITATION_STATUSES = ['pending', 'used', 'expired', 'revoked'] as const;

export const ZCreateInvitation = z
  .object({
    expiresInDays: z.number().int().min(1).max(90).default(14),
    send: z.boolean().default(false).describe('also e-mail the link to the client’s address (through the outbox)'),
  })
  .meta({ id: 'CreateInvitation' });

export const ZInvitation = z
  .object({
    id: z.string(),
    clientId: z.string(),
    status: z.enum(INVITATION_STATUSES),
    createdAt: ZTime,
    expiresAt: ZTime,
    usedAt: ZTime.nullable(),
    sentTo: z.string().nullable().describe('the address the link was e-mailed to'),
  })
  .meta({ id: 'Invitation' });
export type TInvitation = z.output<typeof ZInvitation>;

/** Returned once, when the invitation is made: the link is not stored and cannot be shown again. */
export const ZCreatedInvitation = ZInvitation.extend({ url: z.string(), token: z.string() }).meta({ id: 'CreatedInvitation' });
