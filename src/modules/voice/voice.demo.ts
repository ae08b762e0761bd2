import type { OrgContext } from '../context.js';

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
  const existing = await first.db.selectFrom('voice_settings').select('org_id').where('org_id', '=', first.org.id).executeTakeFirst();
  if (existing) return false;
  await first.db.transaction().execute(async (tx) => {
    for (const [segmentName, emails] of Object.entries(demo.segments)) {
      const segment = await tx
        .selectFrom('segments')
        .select('id')
        .where('org_id', '=', first.org.id)
        .where('name', '=', segmentName)
        .executeTakeFirst();
      if (!segment) continue;
      const clients = await tx.selectFrom('clients').select('id').where('org_id', '=', first.org.id).where('email', 'in', emails).execute();
      if (clients.length)
        await tx
          .insertInto('client_segments')
          .values(clients.map((c) => ({ org_id: first.org.id, client_id: c.id, segment_id: segment.id, created_at: first.now })))
          .onConflict((oc) => oc.columns(['client_id', 'segment_id']).doNothing())
          .execute();
    }
    await tx
      .insertInto('voice_settings')
      .values({
        org_id: first.org.id,
        allow_registration: 1,
        require_confirmed_email: 0,
        threshold_kind: 'count',
        threshold_value: demo.thresholdValue,
        response_days: demo.responseDays,
        answer_team_id: null,
        answer_promise_id: null,
        hide_after_reports: 3,
        updated_at: first.now,
        updated_by: null,
      })
      .execute();
  });
  return true;
}
