import type { z } from 'zod';
import type { ZOutboxMessage, ZVoiceSettings, ZVoiceSettingsInput } from '../../../../src/modules/voice/voice.schema';
import { api, orgPath, type Page } from '../../shared/api/client';

export type VoiceSettings = z.input<typeof ZVoiceSettings>;
export type VoiceSettingsInput = z.input<typeof ZVoiceSettingsInput>;
export type OutboxMessage = z.input<typeof ZOutboxMessage>;

export const voiceApi = {
  settings: (org: string) => api.get<VoiceSettings>(orgPath(org, 'voice-settings')),
  putSettings: (org: string, input: VoiceSettingsInput) => api.put<VoiceSettings>(orgPath(org, 'voice-settings'), input),
  /** The proposed answering team accepts the answer promise (its member; others with override.reason). */
  acceptAnswerPromise: (org: string, override?: { reason: string }) =>
    api.post<VoiceSettings>(orgPath(org, 'voice-settings', 'answer-team', 'accept'), override ? { override } : {}),
  outbox: (org: string, cursor?: string) => api.get<Page<OutboxMessage>>(orgPath(org, 'outbox'), { cursor, limit: 50 }),
};
