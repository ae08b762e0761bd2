import { conflict, invalidField } from '../../core/errors.js';
import { checkTransition } from '../../core/voice/proposals.js';
import type { Db, OrganizationsTable, ProposalsTable, Tx } from '../../db/schema.js';
import { appendAudit } from '../audit/audit.repository.js';
import type { OrgContext } from '../context.js';
import { recordAnswerEvents } from './answer.service.js';
import { lockProposal, proposalExists, updateProposal } from './proposal.repository.js';
import { mailAuthor } from './proposal.service.js';

/** A proposal a decision settles, and how: accepted or declined. */
export interface Settlement {
  proposalId: string;
  outcome: 'accepted' | 'declined';
}

/** Where the settlements sit in the caller's request, to name the field at fault (e.g. `settles`). */
const at = (field: string, i: number, key: string) => `${field}.${i}.${key}`;

/**
 * Answers the proposals a decision settles, inside the decision's transaction: each is accepted or
 * declined with the decision's rationale as its answer, its author is told, and the change is
 * audited with the decision named. A proposal of another organization, named twice, or in a status
 * that cannot take this answer refuses the whole decision, naming `settles.<i>.proposalId`. Returns
 * the rows whose owed answer must reach the answer promise once the transaction is committed
 * (pass them to `recordSettledAnswers`): answered before the due time, each counts as on time.
 */
export async function settleProposals(
  tx: Tx,
  ctx: OrgContext,
  settlements: readonly Settlement[],
  answer: string,
  by: string,
  decision: { id: string; title: string },
  field = 'settles',
): Promise<ProposalsTable[]> {
  const seen = new Set<string>();
  const answered: ProposalsTable[] = [];
  for (const [i, s] of settlements.entries()) {
    const path = at(field, i, 'proposalId');
    if (seen.has(s.proposalId)) throw invalidField(path, 'given_twice', 'this proposal is named twice');
    seen.add(s.proposalId);
    if (!(await proposalExists(tx, ctx.org.id, s.proposalId)))
      throw invalidField(path, 'not_found', 'no proposal with this id in the organization', { entity: 'proposal' });
    const proposal = await lockProposal(tx, ctx.org.id, s.proposalId);
    const problem = checkTransition(proposal.status, { to: s.outcome, answer });
    if (problem) throw (problem.conflict ? conflict : invalidField)(path, problem.code, problem.reason, problem.params);
    const answeredAt = proposal.answered_at ?? ctx.now;
    await updateProposal(tx, ctx.org.id, s.proposalId, {
      status: s.outcome,
      answer,
      answered_by: by,
      answered_at: answeredAt,
      updated_at: ctx.now,
    });
    await mailAuthor(tx, ctx, proposal, s.outcome, answer);
    await appendAudit(tx, {
      orgId: ctx.org.id,
      actor: ctx.actor,
      action: `proposal.${s.outcome}`,
      entityType: 'proposal',
      entityId: s.proposalId,
      before: { status: proposal.status, answer: proposal.answer },
      after: { status: s.outcome, answer, decision },
      at: ctx.now,
    });
    answered.push({ ...proposal, status: s.outcome, answer, answered_by: by, answered_at: answeredAt });
  }
  return answered;
}

/** After the decision's transaction: the settled proposals' owed answers reach the answer promise. */
export async function recordSettledAnswers(db: Db, org: OrganizationsTable, rows: ProposalsTable[], now: number): Promise<void> {
  const owed = rows.filter((r) => r.answer_due_at !== null);
  if (owed.length > 0) await recordAnswerEvents(db, org, owed, now);
}
