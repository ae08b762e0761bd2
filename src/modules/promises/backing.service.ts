import { AppError, fieldError } from '../../core/errors.js';
import type { Tx } from '../../db/schema.js';
import type { Actor } from '../context.js';
import { missingBacking } from '../governance/rights.service.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { describePromises, listPublishedBacking, loadPromise, parseIds, updatePromiseRow } from './promise.repository.js';
import type { TPromise } from './promise.schema.js';
import { enqueuePromiseEvent } from './promise.webhooks.js';
import { findNames } from './promise-links.repository.js';

export interface Missing {
  capabilities: { id: string; name: string }[];
  rights: { id: string; name: string }[];
}

/** What the team lacks of the capabilities and rights a promise needs, with names. */
export async function missingFor(
  tx: Tx,
  orgId: string,
  teamId: string,
  capabilityIds: string[],
  rightIds: string[],
  knownNames: ReadonlyMap<string, string> = new Map(),
): Promise<Missing> {
  const missing = await missingBacking(tx, orgId, teamId, { capabilityIds, rightIds });
  const capabilityNames = await findNames(tx, orgId, 'capabilities', missing.capabilities);
  const rightNames = await findNames(tx, orgId, 'decision_rights', missing.rights);
  return {
    capabilities: missing.capabilities.map((id) => ({ id, name: capabilityNames.get(id) ?? knownNames.get(id) ?? '' })),
    rights: missing.rights.map((id) => ({ id, name: rightNames.get(id) ?? '' })),
  };
}

/** Which of the two lists a client promise leaves empty: it must declare at least one capability and one right. */
export function undeclaredBacking(kind: 'client' | 'internal', capabilityIds: string[], rightIds: string[]): ('capabilities' | 'rights')[] {
  if (kind !== 'client') return [];
  return [...(capabilityIds.length === 0 ? ['capabilities' as const] : []), ...(rightIds.length === 0 ? ['rights' as const] : [])];
}

const UNDECLARED = {
  capabilities: fieldError(
    'requiredCapabilityIds',
    'required',
    'a client promise declares at least one capability its team holds, or an admin waives backing (backingWaiver.reason)',
  ),
  rights: fieldError(
    'requiredRightIds',
    'required',
    'a client promise declares at least one decision right its team holds, or an admin waives backing (backingWaiver.reason)',
  ),
};

/**
 * 422 `backing_missing` naming each missing capability and right by its field and name, and each
 * list a client promise leaves empty (`requiredCapabilityIds`, `requiredRightIds`).
 */
export function backingError(
  missing: Missing,
  capabilityIds: string[],
  rightIds: string[],
  undeclared: ('capabilities' | 'rights')[] = [],
): AppError {
  const names = [...missing.capabilities.map((c) => `capability "${c.name}"`), ...missing.rights.map((r) => `right "${r.name}"`)];
  const parts = [
    ...(names.length > 0 ? [`the promiser team does not hold: ${names.join(', ')}`] : []),
    ...(undeclared.length > 0
      ? [
          `a client promise declares at least one capability and one decision right its team holds, or an admin waives backing with a reason`,
        ]
      : []),
  ];
  return new AppError('backing_missing', `${parts.join('; ')} — the promise stays an intention`, [
    ...missing.capabilities.map((c) =>
      fieldError(`requiredCapabilityIds.${capabilityIds.indexOf(c.id)}`, 'backing_missing', `missing capability "${c.name}"`, {
        entity: 'capability',
        name: c.name,
      }),
    ),
    ...missing.rights.map((r) =>
      fieldError(`requiredRightIds.${rightIds.indexOf(r.id)}`, 'backing_missing', `missing right "${r.name}"`, {
        entity: 'right',
        name: r.name,
      }),
    ),
    ...undeclared.map((list) => UNDECLARED[list]),
  ]);
}

/**
 * Re-checks the backing of every published promise of the organization (after a grant is revoked or
 * a capability removed): a promise that lost something it needs is flagged `unbacked` at once and
 * its team is told; one whose backing came back is cleared. Returns the ids newly flagged.
 */
export async function refreshBacking(
  tx: Tx,
  orgId: string,
  now: number,
  actor: Actor,
  knownNames: ReadonlyMap<string, string> = new Map(),
): Promise<string[]> {
  const promises = await listPublishedBacking(tx, orgId);
  const flagged: string[] = [];
  for (const p of promises) {
    const capabilityIds = parseIds(p.required_capability_ids);
    const rightIds = parseIds(p.required_right_ids);
    if (capabilityIds.length === 0 && rightIds.length === 0) continue;
    const missing = await missingFor(tx, orgId, p.promiser_team_id, capabilityIds, rightIds, knownNames);
    const lacks = missing.capabilities.length + missing.rights.length > 0;
    if (lacks && p.unbacked === null) {
      await updatePromiseRow(tx, orgId, p.id, { unbacked: JSON.stringify({ ...missing, since: now }), updated_at: now });
      flagged.push(p.id);
      await notifyUsers(
        tx,
        orgId,
        await peopleOf(tx, orgId, 'team', p.promiser_team_id),
        {
          kind: 'promise_unbacked',
          subjectType: 'promise',
          subjectId: p.id,
          params: { promise: p.title, missing: [...missing.capabilities, ...missing.rights].map((m) => m.name).join(', ') },
        },
        now,
        actor.id,
      );
      await enqueuePromiseEvent(
        tx,
        orgId,
        'promise.unbacked',
        // The promise as the API answers it, flagged; what it lacks; since when.
        {
          promise: (await describePromises(tx, orgId, [await loadPromise(tx, orgId, p.id)]))[0] as TPromise,
          missing,
          since: new Date(now).toISOString(),
        },
        now,
      );
    } else if (!lacks && p.unbacked !== null) {
      await updatePromiseRow(tx, orgId, p.id, { unbacked: null, updated_at: now });
    }
  }
  return flagged;
}
