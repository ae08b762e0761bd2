/** Queries of client polls and their ballots. */
import type { PollBallotsTable, PollsTable, Tx } from '../../db/schema.js';

export async function findPoll(tx: Tx, orgId: string, id: string): Promise<PollsTable | undefined> {
  return tx.selectFrom('polls').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

/** A decision's polls, oldest first. */
export async function listPollsOfDecision(tx: Tx, orgId: string, decisionId: string): Promise<PollsTable[]> {
  return tx
    .selectFrom('polls')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('decision_id', '=', decisionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** True when the decision has a poll. */
export async function hasPollOnDecision(tx: Tx, orgId: string, decisionId: string): Promise<boolean> {
  const poll = await tx
    .selectFrom('polls')
    .select('id')
    .where('org_id', '=', orgId)
    .where('decision_id', '=', decisionId)
    .executeTakeFirst();
  return poll !== undefined;
}

/** Polls that have opened by `now` (open or closed), in no particular order. */
export async function listPollsOpenedBy(tx: Tx, orgId: string, now: number): Promise<PollsTable[]> {
  return tx.selectFrom('polls').selectAll().where('org_id', '=', orgId).where('opens_at', '<=', now).execute();
}

export async function insertPoll(tx: Tx, row: PollsTable): Promise<void> {
  await tx.insertInto('polls').values(row).execute();
}

/**
 * Closes the poll at `now` (and opens it then, when it had not opened yet) while it has not closed
 * already. Returns whether it was still running.
 */
export async function closePollAt(tx: Tx, orgId: string, id: string, now: number, opensAt: number): Promise<boolean> {
  const closed = await tx
    .updateTable('polls')
    .set({ closes_at: now, opens_at: opensAt })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('closes_at', '>', now)
    .executeTakeFirst();
  return Number(closed.numUpdatedRows) > 0;
}

/**
 * A write on the poll's row that changes nothing (closing it early then waits for this transaction),
 * made only while the poll has not closed at `now`. Returns whether it had not.
 */
export async function touchRunningPoll(tx: Tx, orgId: string, poll: Pick<PollsTable, 'id' | 'closes_at'>, now: number): Promise<boolean> {
  const open = await tx
    .updateTable('polls')
    .set({ closes_at: poll.closes_at })
    .where('org_id', '=', orgId)
    .where('id', '=', poll.id)
    .where('closes_at', '>', now)
    .executeTakeFirst();
  return Number(open.numUpdatedRows) > 0;
}

/** Ballots of the polls as stored (JSON text), by poll id; each poll's ordered by client. */
export async function listBallotTexts(tx: Tx, orgId: string, pollIds: string[]): Promise<Map<string, string[]>> {
  const byPoll = new Map<string, string[]>(pollIds.map((id) => [id, []]));
  for (let i = 0; i < pollIds.length; i += 500) {
    const rows = await tx
      .selectFrom('poll_ballots')
      .select(['poll_id', 'ballot'])
      .where('org_id', '=', orgId)
      .where('poll_id', 'in', pollIds.slice(i, i + 500))
      .orderBy('poll_id')
      .orderBy('client_id')
      .execute();
    for (const row of rows) byPoll.get(row.poll_id)?.push(row.ballot);
  }
  return byPoll;
}

/** The client's ballot in the poll, or undefined before they vote. */
export async function findBallot(tx: Tx, orgId: string, pollId: string, clientId: string): Promise<PollBallotsTable | undefined> {
  return tx
    .selectFrom('poll_ballots')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('poll_id', '=', pollId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Stores the client's ballot, replacing an earlier one (one ballot per client and poll). */
export async function upsertBallot(tx: Tx, row: PollBallotsTable): Promise<void> {
  await tx
    .insertInto('poll_ballots')
    .values(row)
    .onConflict((oc) => oc.columns(['poll_id', 'client_id']).doUpdateSet({ ballot: row.ballot, updated_at: row.updated_at }))
    .execute();
}

/** Ids of the polls the client has voted in. */
export async function listPollIdsVotedBy(tx: Tx, orgId: string, clientId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('poll_ballots')
    .select('poll_id')
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .execute();
  return rows.map((r) => r.poll_id);
}
