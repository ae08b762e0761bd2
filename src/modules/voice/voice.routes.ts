import type { Registrar } from '../../http/registrar.js';
import { ZOrgParams, ZPage } from '../common.schema.js';
import { listOutbox } from '../mail/outbox.service.js';
import { acceptAnswerPromise } from './answer-team.service.js';
import { ZAcceptAnswerPromise, ZOutboxMessage, ZOutboxQuery, ZVoiceSettings, ZVoiceSettingsInput } from './voice.schema.js';
import { getVoiceSettings, putVoiceSettings } from './voice.service.js';

/** Client voice settings and the e-mail outbox. */
export function registerVoiceRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  const smtp = () => Boolean(r.deps.config.smtpUrl);
  r.add({
    tag: 'client voice',
    auth: 'org',
    permission: 'voice:read',
    method: 'GET',
    operationId: 'getVoiceSettings',
    url: `${base}/voice-settings`,
    summary: 'How client voice runs: registration, confirmed e-mail for votes, the proposal threshold and answer time, moderation',
    params: ZOrgParams,
    response: ZVoiceSettings,
    handler: async ({ ctx }) => getVoiceSettings(ctx, smtp()),
  });
  r.add({
    tag: 'client voice',
    auth: 'org',
    permission: 'voice:manage',
    method: 'PUT',
    operationId: 'setVoiceSettings',
    url: `${base}/voice-settings`,
    summary: 'Set the proposal threshold (count or share of the segment), the days to answer, registration and moderation',
    params: ZOrgParams,
    body: ZVoiceSettingsInput,
    response: ZVoiceSettings,
    handler: async ({ ctx, body }) => putVoiceSettings(ctx, body, smtp()),
  });
  r.add({
    tag: 'client voice',
    auth: 'org',
    // The team's members accept; the service checks it is the proposed team (others need override.reason).
    permission: 'promises:write',
    method: 'POST',
    operationId: 'acceptAnswerPromise',
    url: `${base}/voice-settings/answer-team/accept`,
    summary:
      'The proposed answering team accepts the promise to answer proposals: from now it is its own, published and backed by what it declares; again, nothing changes; 409 when no team is proposed',
    params: ZOrgParams,
    body: ZAcceptAnswerPromise,
    response: ZVoiceSettings,
    handler: async ({ ctx, body }) => {
      await acceptAnswerPromise(ctx, body);
      return getVoiceSettings(ctx, smtp());
    },
  });
  r.add({
    tag: 'client voice',
    auth: 'org',
    // Sign-in links are in it: the admins' only.
    permission: 'org:write',
    method: 'GET',
    operationId: 'listOutbox',
    url: `${base}/outbox`,
    summary: 'E-mail the organization sent or would send, newest first (without SMTP_URL every message waits here)',
    params: ZOrgParams,
    query: ZOutboxQuery,
    response: ZPage(ZOutboxMessage),
    handler: async ({ ctx, query }) => listOutbox(ctx.db, ctx.org.id, query),
  });
}
