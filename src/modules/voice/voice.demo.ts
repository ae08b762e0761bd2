import type { OrgContext } from '../context.js';
import { addClientsToSegment, clientIdsByEmails, hasDemoRows, idsByColumn } from '../demo/demo.repository.js';
import { lockVoiceSettings, voiceSettingsRow } from '../proposals/voice-settings.repository.js';

/** Which demo clients are in which segment (by e-mail and segment name), and each demo's voice settings. */
const DEMO_VOICE: Record<string, { segments: Record<string, string[]>; thresholdValue: number; responseDays: number }> = {
  stroydom: {
    segments: {
      'Владельцы домов после сдачи': ['lebedevy@mail.example', 'a.morozov@mail.example', 'e.volkova@mail.example', 'novikovy@mail.example'],
      'Семьи, строящие первый дом': ['r.zaitsev@mail.example', 'i.pavlova@mail.example', 'egorovy@mail.example'],
    },
    thresholdValue: 3,
    responseDays: 14,
  },
  mfc: {
    segments: {
      'Жители района': [
        'g.sorokina@mail.example',
        'm.kovalev@mail.example',
        'o.andreeva@mail.example',
        'f.timofeev@mail.example',
        's.medvedeva@mail.example',
        'a.zhukov@mail.example',
      ],
    },
    thresholdValue: 3,
    responseDays: 10,
  },
  'neighbourhood-care': {
    segments: {
      'Older neighbours living at home': [
        'a.deboer@mail.example',
        'h.mulder@mail.example',
        't.smit@mail.example',
        'k.meijer@mail.example',
        'r.vandijk@mail.example',
        'w.degraaf@mail.example',
      ],
    },
    thresholdValue: 2,
    responseDays: 14,
  },
};

/**
 * Puts the demo's clients in their segments and saves the organization's voice settings (a small
 * threshold, registration open); the other voice demos build on it. False when already done.
 */
export async function seedDemoVoice(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  const demo = DEMO_VOICE[first.org.slug];
  if (!demo) return false;
  if (await hasDemoRows(first.db, first.org.id, 'voice_settings')) return false;
  await first.db.transaction().execute(async (tx) => {
    const segments = await idsByColumn(tx, first.org.id, 'segments');
    for (const [segmentName, emails] of Object.entries(demo.segments)) {
      const segmentId = segments.get(segmentName);
      if (!segmentId) continue;
      await addClientsToSegment(tx, first.org.id, await clientIdsByEmails(tx, first.org.id, emails), segmentId, first.now);
    }
    await lockVoiceSettings(
      tx,
      voiceSettingsRow(
        first.org.id,
        {
          allowRegistration: true,
          requireConfirmedEmail: false,
          thresholdKind: 'count',
          thresholdValue: demo.thresholdValue,
          responseDays: demo.responseDays,
          answerTeamId: null,
          answerPromiseId: null,
          hideAfterReports: 3,
        },
        first.now,
        null,
      ),
    );
  });
  return true;
}
