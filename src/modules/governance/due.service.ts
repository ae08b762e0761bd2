import { dayInZone } from '../../core/governance/dates.js';
import type { Db } from '../../db/schema.js';
import type { OrgContext } from '../context.js';
import { notifyUsers, peopleOf } from '../notifications/notification.service.js';
import { listOrgTimeZones } from '../orgs/org.repository.js';
import { listDueAgreements } from './agreement.repository.js';
import type { TAgreement } from './agreement.schema.js';
import { listAgreements } from './agreement.service.js';
import { listDueDecisions } from './decision.repository.js';
import type { TDecision } from './decision.schema.js';
import { listDecisions } from './decision.service.js';

/** Agreements and decisions whose review day has come in the organization's time zone. */
export async function dueForReview(ctx: OrgContext): Promise<{ today: string; agreements: TAgreement[]; decisions: TDecision[] }> {
  return {
    today: dayInZone(ctx.now, ctx.org.time_zone),
    agreements: await listAgreements(ctx, { due: 'true' }),
    decisions: (await listDecisions(ctx, { due: 'true' })).items,
  };
}

/**
 * Reminds the owners of every agreement and decision due for review, in every organization (or the
 * one given): an agreement's owner team or role, a decision's team and decider. One reminder per
 * person, thing and review date — running it again adds nothing. Returns how many were sent.
 */
export async function sendDueReminders(db: Db, now: number, orgId?: string): Promise<number> {
  let sent = 0;
  const failures: string[] = [];
  for (const org of await listOrgTimeZones(db, orgId)) {
    const today = dayInZone(now, org.time_zone);
    // One organization's failure must not stop the others' reminders.
    try {
      sent += await remindIn(db, org.id, today, now);
    } catch (error) {
      failures.push(`${org.id}: ${(error as Error).message}`);
    }
  }
  if (failures.length > 0)
    throw new Error(`reminders failed for ${failures.length} organization(s): ${failures.join('; ')} (${sent} sent to the others)`);
  return sent;
}

/** One organization's reminders, in one transaction. */
async function remindIn(db: Db, orgId: string, today: string, now: number): Promise<number> {
  const org = { id: orgId };
  return db.transaction().execute(async (tx) => {
    let count = 0;
    const agreements = await listDueAgreements(tx, org.id, today);
    for (const a of agreements) {
      count += await notifyUsers(
        tx,
        org.id,
        await peopleOf(tx, org.id, a.owner_type, a.owner_id),
        {
          kind: 'agreement_due',
          subjectType: 'agreement',
          subjectId: a.id,
          params: { agreement: a.title, team: a.team, teamId: a.team_id, reviewDate: a.review_date },
          dedupeKey: `agreement_due:${a.id}:${a.review_date}`,
        },
        now,
      );
    }
    const decisions = await listDueDecisions(tx, org.id, today);
    for (const d of decisions) {
      const people = await peopleOf(tx, org.id, 'team', d.team_id);
      count += await notifyUsers(
        tx,
        org.id,
        d.decided_by ? [...people, d.decided_by] : people,
        {
          kind: 'decision_due',
          subjectType: 'decision',
          subjectId: d.id,
          params: { decision: d.title, team: d.team, teamId: d.team_id, reviewDate: d.review_date },
          dedupeKey: `decision_due:${d.id}:${d.review_date}`,
        },
        now,
      );
    }
    return count;
  });
}
