/**
 * Promises backed by real capacity: a promise's demand (events a week) against the weekly capacity of
 * each capability it needs, with the demands of every published promise needing the same capability
 * added up. Demand above capacity is a warning at publish, a flag the evaluator keeps on the promise
 * (`overCapacity`, like `unbacked`) and a notice on the promise page and the board — never a refusal.
 */
import { compareCapacity, computeDemand, DEMAND_LOOKBACK_MS } from '../../core/promises/capacity.js';
import type { Tx } from '../../db/schema.js';
import type { Actor, OrgContext } from '../context.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { findCapabilitiesWithCapacity, findFirstCountedAt, listPublishedNeeding, setOverCapacity } from './capacity.repository.js';
import { countPromiseRanges } from './counter.repository.js';
import { loadPromise, parseIds } from './promise.repository.js';
import type { TCapacityShortfall, TPromise, TPromiseCapacity, TPromiseWarning } from './promise.schema.js';

type DemandRow = {
  id: string;
  title: string;
  status: TPromise['status'];
  required_capability_ids: string;
  demand_forecast_per_week?: number | null;
  fine_bucket_ms: number;
};

/**
 * The capacity check of a promise at `now`: its own demand, and for each capability it needs the
 * capacity a week, the demands of this promise and of every published one needing it (added up), the
 * utilisation and how far demand exceeds capacity. A capability stating no capacity per week is listed
 * with nothing compared.
 */
export async function checkPromiseCapacity(tx: Tx, orgId: string, promiseId: string, now: number): Promise<TPromiseCapacity> {
  const row = await loadPromise(tx, orgId, promiseId);
  return capacityOf(tx, orgId, row, await findCapabilitiesWithCapacity(tx, orgId, parseIds(row.required_capability_ids)), now);
}

/** The check of a promise already read, with its capabilities already read (the evaluator has both). */
async function capacityOf(
  tx: Tx,
  orgId: string,
  row: DemandRow,
  capabilities: Awaited<ReturnType<typeof findCapabilitiesWithCapacity>>,
  now: number,
): Promise<TPromiseCapacity> {
  const capabilityIds = parseIds(row.required_capability_ids);
  const sharing = (await listPublishedNeeding(tx, orgId, capabilityIds)).filter(
    (p) => p.id !== row.id && parseIds(p.required_capability_ids).some((id) => capabilityIds.includes(id)),
  );
  const involved: DemandRow[] = [row, ...sharing];
  const counts = await countPromiseRanges(
    tx,
    involved.map((p) => ({ promiseId: p.id, fineMs: p.fine_bucket_ms, from: now - DEMAND_LOOKBACK_MS, to: now })),
  );
  const firstAt = await findFirstCountedAt(
    tx,
    involved.map((p) => p.id),
  );
  const demands = new Map(
    involved.map((p, i) => {
      const demand = computeDemand({
        eventsInLookback: counts[i]?.total ?? 0,
        firstEventAt: firstAt.get(p.id) ?? null,
        forecastPerWeek: p.demand_forecast_per_week ?? null,
        now,
      });
      return [p.id, { promiseId: p.id, title: p.title, status: p.status, ...demand }];
    }),
  );
  const loads = capabilityIds.flatMap((id) => {
    const capability = capabilities.find((c) => c.id === id);
    if (!capability) return [];
    const needing = involved.filter((p) => parseIds(p.required_capability_ids).includes(id));
    const promises = needing.map((p) => demands.get(p.id) as NonNullable<ReturnType<typeof demands.get>>);
    const capacityPerWeek =
      capability.capacity_per === 'week' && capability.capacity_value !== null ? Number(capability.capacity_value) : null;
    const comparison =
      capacityPerWeek === null
        ? {
            demandPerWeek: compareCapacity(
              1,
              promises.map((p) => p.perWeek),
            ).demandPerWeek,
            utilisation: null,
            overBy: 0,
            isOver: false,
          }
        : compareCapacity(
            capacityPerWeek,
            promises.map((p) => p.perWeek),
          );
    return [
      {
        capabilityId: id,
        name: capability.name,
        teamId: capability.team_id,
        unit: capability.capacity_unit,
        capacityPerWeek,
        ...comparison,
        promises,
      },
    ];
  });
  return {
    promiseId: row.id,
    demand: demands.get(row.id) as TPromiseCapacity['demand'],
    capabilities: loads,
    isOver: loads.some((l) => l.isOver),
  };
}

/** The capabilities a capacity check found asked for more than they can do. */
export function shortfallsOf(check: TPromiseCapacity): TCapacityShortfall[] {
  return check.capabilities
    .filter((c) => c.isOver && c.capacityPerWeek !== null && c.demandPerWeek !== null && c.utilisation !== null)
    .map((c) => ({
      capabilityId: c.capabilityId,
      name: c.name,
      unit: c.unit,
      capacityPerWeek: c.capacityPerWeek as number,
      demandPerWeek: c.demandPerWeek as number,
      overBy: c.overBy,
      utilisation: c.utilisation as number,
      promiseIds: c.promises.map((p) => p.promiseId),
    }));
}

/** The warnings a publish answers with: one `over_capacity` per capability asked for more than it can do. */
export function capacityWarnings(check: TPromiseCapacity): TPromiseWarning[] {
  return shortfallsOf(check).map((s) => ({
    code: 'over_capacity' as const,
    message:
      `promised more than the team can do: "${s.name}" is asked for ${s.demandPerWeek}${s.unit ? ` ${s.unit}` : ''} a week` +
      `${s.promiseIds.length > 1 ? ` by ${s.promiseIds.length} promises together` : ''}, it can do ${s.capacityPerWeek} (over by ${s.overBy})`,
    ...s,
  }));
}

/** GET …/promises/{id}/capacity: the capacity check now. */
export async function getPromiseCapacity(ctx: OrgContext, promiseId: string): Promise<TPromiseCapacity> {
  return checkPromiseCapacity(ctx.db, ctx.org.id, promiseId, ctx.now);
}

/**
 * Keeps the evaluator's `overCapacity` flag of a published promise true to the check at `now`: set
 * (with the figures, since when) while some capability it needs is asked for more than it can do,
 * cleared once not (capacity raised, demand fallen). The team is told when the flag is first set.
 * Whether the promise was newly flagged.
 */
export async function refreshOverCapacity(tx: Tx, orgId: string, promiseId: string, now: number, actor: Actor): Promise<boolean> {
  const row = await loadPromise(tx, orgId, promiseId);
  // Most promises need no capability with a weekly capacity: nothing to count for them.
  const capabilities = await findCapabilitiesWithCapacity(tx, orgId, parseIds(row.required_capability_ids));
  if (!capabilities.some((c) => c.capacity_per === 'week') && !row.over_capacity) return false;
  const shortfalls = shortfallsOf(await capacityOf(tx, orgId, row, capabilities, now));
  const previous = row.over_capacity ? (JSON.parse(row.over_capacity) as { since: number }) : null;
  if (shortfalls.length === 0) {
    if (previous) await setOverCapacity(tx, orgId, promiseId, null);
    return false;
  }
  const next = JSON.stringify({ since: previous?.since ?? now, capabilities: shortfalls });
  if (next !== row.over_capacity) await setOverCapacity(tx, orgId, promiseId, next);
  if (previous || row.promiser_team_id === null) return false;
  await notifyUsers(
    tx,
    orgId,
    await peopleOf(tx, orgId, 'team', row.promiser_team_id),
    {
      kind: 'promise_over_capacity',
      subjectType: 'promise',
      subjectId: promiseId,
      params: { promise: row.title, capabilities: shortfalls.map((s) => s.name).join(', ') },
    },
    now,
    actor.id,
  );
  return true;
}
