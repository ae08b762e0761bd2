import type { OrgContext } from '../context.js';
import { hasDemoRows, idsByColumn, idsOf, teamOwnedIds } from '../demo/demo.repository.js';
import { refreshOverCapacity } from './capacity.service.js';
import { ingestEvents } from './ingest.service.js';
import type { TEventInput } from './promise.schema.js';
import { createPromise, publishPromise } from './promise.service.js';
import { DEMO_INTENTIONS, DEMO_PROMISES } from './promises.demo.data.js';
import { giveRedress, listRedress } from './redress.service.js';

const DAY = 24 * 3600 * 1000;
const DAYS = 90;

/** A small seeded generator (mulberry32): the same demo every time. */
function seeded(text: string): () => number {
  let a = [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2_654_435_761) >>> 0, 2_166_136_261);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Seeds promises for a demo organization that has none: each made and published by its team (the
 * backing check runs), with 90 days of events sent through ingest, and one redress already given;
 * and an intention with no team yet, where the organization has one.
 */
export async function seedDemoPromises(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  const demo = DEMO_PROMISES[first.org.slug];
  if (!demo) return false;
  const orgId = first.org.id;
  const db = first.db;
  if (await hasDemoRows(db, orgId, 'promises')) return false;
  const teams = await idsByColumn(db, orgId, 'teams');
  const segments = await idsByColumn(db, orgId, 'segments');
  // Capabilities are a team's own: several teams may list one by the same name.
  const capabilities = await teamOwnedIds(db, orgId, 'capabilities');
  const rights = await idsByColumn(db, orgId, 'decision_rights');
  const pains = await idsByColumn(db, orgId, 'pains', 'text');
  const clients = await idsOf(db, orgId, 'clients');
  const made = new Map<string, string>();
  const now = first.now;
  for (const p of demo) {
    const teamId = teams.get(p.team);
    if (!teamId) continue;
    // Made and published 91 days ago, so the first version covers the whole history of events.
    const then = (): OrgContext => ({ ...ctx(), now: first.now - (DAYS + 1) * DAY });
    const promise = await createPromise(then(), {
      title: p.title,
      statement: p.statement,
      kind: p.kind,
      promiserTeamId: teamId,
      promiseeSegmentId: p.segment ? segments.get(p.segment) : undefined,
      promiseeTeamId: p.promiseeTeam ? teams.get(p.promiseeTeam) : undefined,
      supportsPromiseId: p.supports ? made.get(p.supports) : undefined,
      metric: p.metric,
      target: p.target,
      window: p.window,
      requiredCapabilityIds: (p.capabilities ?? []).flatMap((name) => capabilities.get(`${teamId}/${name}`) ?? []),
      requiredRightIds: (p.rights ?? []).flatMap((name) => rights.get(name) ?? []),
      painIds: (p.pains ?? []).flatMap((text) => pains.get(text) ?? []),
      redress: p.redress ?? null,
    });
    made.set(p.key, promise.id);
    await publishPromise(then(), promise.id);
    const random = seeded(`${first.org.slug}/${p.key}`);
    const events: TEventInput[] = [];
    for (let daysAgo = DAYS; daysAgo >= 1; daysAgo--) {
      let count = Math.floor(p.perDay * (0.8 + random() * 0.4));
      if (random() < p.perDay * (0.8 + random() * 0.4) - count) count++;
      for (let i = 0; i < count; i++) {
        // Within that day; the last day ends a few minutes before now.
        const at = now - daysAgo * DAY + Math.floor(random() * (DAY - 10 * 60_000));
        const outcome = p.outcome(random, daysAgo);
        const withClient = clients.length > 0 && random() < (p.clientShare ?? 0);
        events.push({
          externalId: `demo-${p.key}-${events.length + 1}`,
          occurredAt: new Date(at).toISOString(),
          ...outcome,
          ...(withClient && { clientId: clients[Math.floor(random() * clients.length)] }),
        });
      }
    }
    for (let i = 0; i < events.length; i += 10_000) await ingestEvents(ctx(), promise.id, events.slice(i, i + 10_000));
    // Demand against capacity now, as the evaluator would within a minute: the home visits are over it.
    await refreshOverCapacity(db, orgId, promise.id, now, first.actor);
  }
  // A promise that came first: an intention to a segment, with no team yet to keep it.
  for (const intention of DEMO_INTENTIONS[first.org.slug] ?? []) {
    const segmentId = segments.get(intention.segment);
    if (!segmentId) continue;
    await createPromise(ctx(), {
      ...intention,
      kind: 'client',
      promiserTeamId: null,
      promiseeSegmentId: segmentId,
      requiredCapabilityIds: [],
      requiredRightIds: [],
      painIds: [],
      redress: null,
      demandForecastPerWeek: null,
    });
  }
  const [owed] = await listRedress(ctx(), { state: 'owed' });
  if (owed)
    await giveRedress(ctx(), owed.id, first.org.locale === 'ru' ? 'Позвонили, извинились, назначили выезд' : 'Credited on the invoice');
  return true;
}
