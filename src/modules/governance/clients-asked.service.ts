import { AppError, fieldError, invalidField } from '../../core/errors.js';
import { clientsAskedBlock, segmentsNotAsked } from '../../core/governance/clients-asked.js';
import type { DecisionsTable, Tx } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { listAdvisedSegmentIds, listSegmentNames } from './client-advice.repository.js';
import { DECISION_POLLS } from './decision-polls.port.js';

/**
 * Clients' influence binds (issue 17): the segments a decision touches are asked — by a client poll
 * closed with its quorum, or by one client's advice given on the portal — before it is taken, unless
 * the decider records why not (`clientsNotAskedReason`, published on the portal beside the decision).
 */

/** Segment ids stored as JSON on a decision. */
export function segmentIdsOf(json: string): string[] {
  return JSON.parse(json) as string[];
}

/** Segment ids checked to be the organization's (422 naming `field.<i>`), duplicates collapsed. */
export async function checkDecisionSegments(tx: Tx, ctx: OrgContext, field: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const known = new Set((await listSegmentNames(tx, ctx.org.id, unique)).map((s) => s.id));
  const missing = ids.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw invalidField(`${field}.${missing}`, 'not_found', 'no segment with this id in the organization', { entity: 'segment' });
  return unique;
}

/** The touched segments (that still exist) not asked yet at `ctx.now`, with their names, in the order touched. */
export async function notAskedSegments(tx: Tx, ctx: OrgContext, row: DecisionsTable): Promise<{ id: string; name: string }[]> {
  const touched = segmentIdsOf(row.touches_segment_ids);
  if (touched.length === 0) return [];
  // A segment deleted since is no one to ask.
  const names = new Map((await listSegmentNames(tx, ctx.org.id, touched)).map((s) => [s.id, s.name] as const));
  const existing = touched.filter((id) => names.has(id));
  const polls = await DECISION_POLLS.get().askedPolls(tx, ctx.org.id, row.id, ctx.now);
  const advised = await listAdvisedSegmentIds(tx, ctx.org.id, row.id, existing);
  return segmentsNotAsked(existing, polls, advised).map((id) => ({ id, name: names.get(id) ?? '' }));
}

/**
 * Checked inside the decide transaction: refuses with 409 `clients_not_asked` (naming the segments,
 * with a field error on `clientsNotAskedReason`) while a touched segment was not asked and no reason
 * is given. Returns the reason to store: the one given when segments were not asked, else null.
 */
export async function requireClientsAsked(
  tx: Tx,
  ctx: OrgContext,
  row: DecisionsTable,
  reason: string | null | undefined,
): Promise<string | null> {
  const notAsked = await notAskedSegments(tx, ctx, row);
  const { block, reasonToStore } = clientsAskedBlock(
    notAsked.map((s) => s.id),
    reason,
  );
  if (block) {
    const names = notAsked.map((s) => `"${s.name}"`).join(', ');
    const message = `the decision touches clients not asked yet: ${names}. Poll them (a poll closed with its quorum), ask their advice on the portal, or give clientsNotAskedReason (it is published on the portal)`;
    throw new AppError('clients_not_asked', message, [
      fieldError('clientsNotAskedReason', 'required', `say why ${names} were not asked`, { segments: notAsked.map((s) => s.name) }),
    ]);
  }
  return reasonToStore;
}
