import { sql } from 'kysely';
import { notFound } from '../../core/errors.js';
import { encodeCursor } from '../../core/pagination.js';
import { DAY_MS } from '../../core/promises/window.js';
import { dialectOf } from '../../db/database.js';
import type { Db, ProposalsTable, Tx } from '../../db/schema.js';
import { cursorOf } from '../list.js';
import { type TProposalQuery, TRENDING_DAYS } from './proposal.schema.js';

export type ProposalRow = ProposalsTable & { recent: number };

/** The proposal, or 404. */
export async function loadProposal(tx: Tx, orgId: string, id: string): Promise<ProposalsTable> {
  const row = await tx.selectFrom('proposals').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('proposal', id);
  return row;
}

/**
 * The proposal held until the transaction ends (PostgreSQL; SQLite has one writer anyway), so that
 * concurrent supports, answers and merges of one proposal take turns and no crossing is missed.
 */
export async function lockProposal(tx: Tx, orgId: string, id: string): Promise<ProposalsTable> {
  if (dialectOf(tx) === 'postgres') {
    await tx.selectFrom('proposals').select('id').where('org_id', '=', orgId).where('id', '=', id).forUpdate().execute();
  }
  return loadProposal(tx, orgId, id);
}

/** Records a client's support; false when the client already supports it (the primary key decides). */
export async function insertSupport(tx: Tx, orgId: string, proposalId: string, clientId: string, at: number): Promise<boolean> {
  const result = await tx
    .insertInto('proposal_supports')
    .values({ proposal_id: proposalId, client_id: clientId, org_id: orgId, created_at: at })
    .onConflict((oc) => oc.columns(['proposal_id', 'client_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes a client's support; false when there was none. */
export async function deleteSupport(tx: Tx, orgId: string, proposalId: string, clientId: string): Promise<boolean> {
  const result = await tx
    .deleteFrom('proposal_supports')
    .where('org_id', '=', orgId)
    .where('proposal_id', '=', proposalId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Moves the stored counter by one in SQL, so concurrent writers never lose an update; recounts trending. */
export async function addToSupports(tx: Tx, orgId: string, id: string, delta: 1 | -1, at: number): Promise<void> {
  await tx
    .updateTable('proposals')
    .set({ supports: sql<number>`supports + ${delta}`, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
  await recountRecent(tx, orgId, id, at);
}

/**
 * Stores the proposal's supports of the trending window before `now` and the oldest of them, from
 * the rows (a range on the (proposal_id, created_at) index). Called under the proposal's lock by
 * every change of its supports, and by `sweepTrending` when its oldest support leaves the window.
 */
export async function recountRecent(tx: Tx, orgId: string, id: string, now: number): Promise<void> {
  const row = await tx
    .selectFrom('proposal_supports')
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.min<number | string | null>('created_at').as('oldest')])
    .where('proposal_id', '=', id)
    .where('created_at', '>=', now - TRENDING_DAYS * DAY_MS)
    .executeTakeFirstOrThrow();
  await tx
    .updateTable('proposals')
    .set({ recent_supports: Number(row.n), recent_oldest_at: row.oldest === null ? null : Number(row.oldest) })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/**
 * Takes the trending count again for the proposals (of one organization, or all) whose oldest
 * counted support has left the window by `now`: one indexed range read when none has. Returns how
 * many were recounted.
 */
export async function sweepTrending(db: Db, now: number, orgId?: string): Promise<number> {
  const orgIds = orgId ? [orgId] : (await db.selectFrom('organizations').select('id').execute()).map((o) => o.id);
  let swept = 0;
  for (const org of orgIds) {
    // A range on the (org_id, recent_oldest_at) index: empty unless a counted support has aged out.
    const stale = await db
      .selectFrom('proposals')
      .select('id')
      .where('org_id', '=', org)
      .where('recent_oldest_at', '<', now - TRENDING_DAYS * DAY_MS)
      .limit(5000)
      .execute();
    for (const p of stale) {
      await db.transaction().execute(async (tx) => {
        await lockProposal(tx, org, p.id);
        await recountRecent(tx, org, p.id, now);
      });
    }
    swept += stale.length;
  }
  return swept;
}

/** Sets the stored counter from the support rows (after a merge). */
export async function recountSupports(tx: Tx, orgId: string, id: string, at: number): Promise<number> {
  const row = await tx
    .selectFrom('proposal_supports')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('org_id', '=', orgId)
    .where('proposal_id', '=', id)
    .executeTakeFirstOrThrow();
  const n = Number(row.n);
  await tx.updateTable('proposals').set({ supports: n, updated_at: at }).where('org_id', '=', orgId).where('id', '=', id).execute();
  await recountRecent(tx, orgId, id, at);
  return n;
}

/** Moves every support of `fromId` to `toId`; a client supporting both is counted once there. */
export async function moveSupports(tx: Tx, orgId: string, fromId: string, toId: string): Promise<void> {
  await tx
    .insertInto('proposal_supports')
    .columns(['proposal_id', 'client_id', 'org_id', 'created_at'])
    .expression(
      tx
        .selectFrom('proposal_supports')
        .select([sql<string>`${toId}`.as('proposal_id'), 'client_id', 'org_id', 'created_at'])
        .where('org_id', '=', orgId)
        .where('proposal_id', '=', fromId),
    )
    .onConflict((oc) => oc.columns(['proposal_id', 'client_id']).doNothing())
    .execute();
  await tx.deleteFrom('proposal_supports').where('org_id', '=', orgId).where('proposal_id', '=', fromId).execute();
}

/** Clients a threshold by share counts: the segment's, or all the organization's when there is none. */
export async function countClientsFor(tx: Tx, orgId: string, segmentId: string | null): Promise<number> {
  const row = segmentId
    ? await tx
        .selectFrom('client_segments')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('org_id', '=', orgId)
        .where('segment_id', '=', segmentId)
        .executeTakeFirstOrThrow()
    : await tx
        .selectFrom('clients')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow();
  return Number(row.n);
}

const RECENT = sql<number>`p.recent_supports`;

/**
 * One page of proposals by keyset, highest first: `supported` by the stored counter, `newest` by
 * creation, `trending` by the stored count of supports in the last TRENDING_DAYS days (kept by
 * recountRecent and sweepTrending); ties by id: each an indexed keyset read. Merged proposals only when asked for.
 */
export async function pageProposals(
  tx: Tx,
  orgId: string,
  query: Pick<TProposalQuery, 'sort' | 'status' | 'segmentId' | 'hidden' | 'q' | 'limit' | 'cursor' | 'implementedBy'>,
): Promise<{ items: ProposalRow[]; nextCursor: string | null }> {
  const after = cursorOf(query);
  let q = tx.selectFrom('proposals as p').selectAll('p').select(RECENT.as('recent')).where('p.org_id', '=', orgId);
  q = query.status ? q.where('p.status', '=', query.status) : q.where('p.status', '!=', 'merged');
  if (query.segmentId) q = q.where('p.segment_id', '=', query.segmentId);
  if (query.implementedBy) q = q.where('p.implemented_id', '=', query.implementedBy);
  if (query.hidden === 'exclude') q = q.where('p.hidden_at', 'is', null);
  if (query.hidden === 'only') q = q.where('p.hidden_at', 'is not', null);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // lower() folds every letter on both databases (SQLite's is replaced in database.ts).
    q = q.where(sql<boolean>`lower(p.title) like lower(${pattern}) escape '\\'`);
  }
  const key = query.sort === 'supported' ? sql<number>`p.supports` : query.sort === 'newest' ? sql<number>`p.created_at` : RECENT;
  if (after) q = q.where((eb) => eb.or([eb(key, '<', after.t), eb.and([eb(key, '=', after.t), eb('p.id', '<', after.id)])]));
  const rows = await q
    .orderBy(key, 'desc')
    .orderBy('p.id', 'desc')
    .limit(query.limit + 1)
    .execute();
  const items = rows.slice(0, query.limit).map((r) => ({ ...r, recent: Number(r.recent) }) as ProposalRow);
  const last = items[items.length - 1];
  const t = (r: ProposalRow) => (query.sort === 'supported' ? r.supports : query.sort === 'newest' ? r.created_at : r.recent);
  return { items, nextCursor: rows.length > query.limit && last ? encodeCursor({ t: Number(t(last)), id: last.id }) : null };
}

/** Names (segments) or titles (promises, decisions, proposals) of the organization's rows by id. */
export async function labelsByIds(
  tx: Tx,
  table: 'segments' | 'promises' | 'decisions' | 'proposals',
  orgId: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map<string, string>();
  const column = table === 'segments' ? 'name' : 'title';
  const rows = await tx
    .selectFrom(table as 'segments')
    .select(['id', sql.ref<string>(column).as('label')])
    .where('org_id', '=', orgId)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.label]));
}

/** Supports of each proposal in the trending window before `now`, 500 proposals to a query. */
export async function countRecentSupportsOf(tx: Tx, orgId: string, ids: readonly string[], now: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>(ids.map((id) => [id, 0]));
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await tx
      .selectFrom('proposal_supports')
      .select((eb) => ['proposal_id', eb.fn.countAll<number | string>().as('n')])
      .where('org_id', '=', orgId)
      .where('proposal_id', 'in', ids.slice(i, i + 500))
      .where('created_at', '>=', now - TRENDING_DAYS * DAY_MS)
      .groupBy('proposal_id')
      .execute();
    for (const r of rows) counts.set(r.proposal_id, Number(r.n));
  }
  return counts;
}

export async function insertProposalRow(tx: Tx, row: ProposalsTable): Promise<void> {
  await tx.insertInto('proposals').values(row).execute();
}

export async function updateProposal(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<Omit<ProposalsTable, 'id' | 'org_id' | 'created_at'>>,
): Promise<void> {
  await tx.updateTable('proposals').set(set).where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** Whether the organization has the promise or decision a proposal is implemented by. */
export async function implementationExists(tx: Tx, orgId: string, table: 'promises' | 'decisions', id: string): Promise<boolean> {
  const found = await tx.selectFrom(table).select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return found !== undefined;
}

/** Whether the client supports the proposal. */
export async function hasSupport(tx: Tx, orgId: string, proposalId: string, clientId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('proposal_supports')
    .select('client_id')
    .where('org_id', '=', orgId)
    .where('proposal_id', '=', proposalId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the organization has the proposal. */
export async function proposalExists(tx: Tx, orgId: string, id: string): Promise<boolean> {
  const row = await tx.selectFrom('proposals').select('id').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row !== undefined;
}

/** The newest proposals still awaiting an answer and shown, at most `limit` of them. */
export async function listAwaitingProposals(
  db: Db,
  orgId: string,
  limit: number,
): Promise<Pick<ProposalsTable, 'id' | 'title' | 'body' | 'status' | 'supports' | 'threshold'>[]> {
  return db
    .selectFrom('proposals')
    .select(['id', 'title', 'body', 'status', 'supports', 'threshold'])
    .where('org_id', '=', orgId)
    .where('status', 'in', ['open', 'under_consideration'])
    .where('hidden_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Proposals (of one organization, or all) whose owed answer is settled at `now` — answered, or past
 * due unanswered — and whose event the organization's answer promise lacks, the earliest due first,
 * at most 5,000: one indexed query when nothing is due.
 */
export async function listUnsettledAnswers(
  db: Db,
  now: number,
  orgId?: string,
): Promise<Pick<ProposalsTable, 'id' | 'org_id' | 'answer_due_at' | 'answered_at'>[]> {
  let q = db
    .selectFrom('proposals as p')
    .innerJoin('voice_settings as v', 'v.org_id', 'p.org_id')
    .select(['p.id', 'p.org_id', 'p.answer_due_at', 'p.answered_at'])
    .where('p.answer_due_at', 'is not', null)
    .where((eb) => eb.or([eb('p.answered_at', 'is not', null), eb('p.answer_due_at', '<=', now)]))
    .where('v.answer_promise_id', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('promise_events as e')
            .select('e.external_id')
            .whereRef('e.promise_id', '=', 'v.answer_promise_id')
            .where('e.external_id', '=', sql<string>`'proposal:' || p.id || ':answer'`),
        ),
      ),
    );
  if (orgId) q = q.where('p.org_id', '=', orgId);
  return q.orderBy('p.answer_due_at').limit(5000).execute();
}
