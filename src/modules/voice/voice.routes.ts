import type { Registrar } from '../../http/registrar.js';
import { ZOrgParams, ZPage } from '../common.schema.js';
import { listOutbox } from '../mail/outbox.service.js';
import { ZOutboxMessage, ZOutboxQuery, ZVoiceSettings, ZVoiceSettingsInput } from './voice.schema.js';
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
