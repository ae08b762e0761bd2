/**
 * The demo's warranty team («Гарантийный сервис» of «СтройДом») as browser tests set it up over the
 * API: its id, the backing its client promises declare, and a published client promise with events.
 */
import { apiPost, type Session } from './api.js';

export const ORG = 'stroydom';
const TEAM = 'Гарантийный сервис';
/** The warranty team's own capability and a right the demo grants it. */
const CAPABILITY = 'Выездные инженеры';
const RIGHT = 'Решать гарантийные случаи';

export async function apiGet<T>(baseUrl: string, session: Session, path: string): Promise<T> {
  const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  if (!response.ok) throw new Error(`GET ${path} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export async function warrantyTeamId(baseUrl: string, session: Session): Promise<string> {
  const teams = await apiGet<{ items: { id: string; name: string }[] }>(baseUrl, session, `/api/v1/orgs/${ORG}/teams?limit=100`);
  const id = teams.items.find((team) => team.name === TEAM)?.id;
  if (!id) throw new Error(`no team ${TEAM}`);
  return id;
}

/**
 * What the warranty team backs a client promise with: its own capability and a decision right it
 * holds (a client promise declares at least one of each to be published).
 */
export async function warrantyBacking(
  baseUrl: string,
  session: Session,
): Promise<{ requiredCapabilityIds: string[]; requiredRightIds: string[] }> {
  const team = await warrantyTeamId(baseUrl, session);
  const capabilities = await apiGet<{ items: { id: string; name: string }[] }>(
    baseUrl,
    session,
    `/api/v1/orgs/${ORG}/teams/${team}/capabilities?limit=100`,
  );
  const rights = await apiGet<{ items: { id: string; name: string }[] }>(baseUrl, session, `/api/v1/orgs/${ORG}/rights?limit=100`);
  const capability = capabilities.items.find((item) => item.name === CAPABILITY)?.id;
  const right = rights.items.find((item) => item.name === RIGHT)?.id;
  if (!capability || !right) throw new Error(`no capability ${CAPABILITY} or right ${RIGHT}`);
  return { requiredCapabilityIds: [capability], requiredRightIds: [right] };
}

/** A published client promise of the warranty team at 95 % over 30 days, with these events (good or not, an hour apart, newest first). */
export async function measuredPromise(baseUrl: string, session: Session, title: string, outcomes: boolean[]): Promise<string> {
  const segments = await apiGet<{ items: { id: string }[] }>(baseUrl, session, `/api/v1/orgs/${ORG}/segments?limit=100`);
  const promise = await apiPost<{ id: string }>(baseUrl, session, `/api/v1/orgs/${ORG}/promises`, {
    title,
    statement: 'Мастер приезжает по гарантийной заявке в течение 24 часов.',
    kind: 'client',
    promiserTeamId: await warrantyTeamId(baseUrl, session),
    promiseeSegmentId: segments.items[0]?.id,
    metric: { kind: 'ratio' },
    target: 0.95,
    window: { kind: 'rolling', days: 30 },
    ...(await warrantyBacking(baseUrl, session)),
    // The demo admin is not in the warranty team: acting for it takes a reason (issue 17).
    override: { reason: 'The warranty team asked the admin to set it up' },
  });
  await apiPost(baseUrl, session, `/api/v1/orgs/${ORG}/promises/${promise.id}/publish`, {
    override: { reason: 'The warranty team asked the admin to publish it' },
  });
  const now = Date.now();
  const events = outcomes.map((good, i) => ({
    externalId: `${title}-${i}`,
    occurredAt: new Date(now - (i + 1) * 60 * 60_000).toISOString(),
    good,
  }));
  await apiPost(baseUrl, session, `/api/v1/orgs/${ORG}/promises/${promise.id}/events`, { events });
  return promise.id;
}
