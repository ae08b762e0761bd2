import { dayInZone } from '../../core/governance/dates.js';
import type { OrgContext } from '../context.js';
import { hasDemoRows, idsByColumn, staffByEmail, teamOwnedIds } from '../demo/demo.repository.js';
import { createAgreement, reviewAgreement } from './agreement.service.js';
import { DEMO_AGREEMENTS } from './agreements.demo.data.js';
import { createDecision } from './decision.service.js';
import { giveAdvice, takeDecision } from './decision-process.service.js';

const DAY = 24 * 3600 * 1000;

/**
 * Seeds agreements and decisions for a demo organization that has none, acting as the people the
 * demo names (each decision is opened, advised on and taken by its own people, so the rules hold).
 */
export async function seedDemoAgreements(ctx: () => OrgContext): Promise<boolean> {
  const first = ctx();
  const demo = DEMO_AGREEMENTS[first.org.slug];
  if (!demo) return false;
  const orgId = first.org.id;
  if (await hasDemoRows(first.db, orgId, 'agreements')) return false;
  const db = first.db;
  const teams = await idsByColumn(db, orgId, 'teams');
  const roles = await teamOwnedIds(db, orgId, 'roles');
  const rights = await idsByColumn(db, orgId, 'decision_rights');
  const people = await staffByEmail(db, orgId);
  const as = (email: string): OrgContext => {
    const person = people.get(email);
    if (!person) throw new Error(`demo: no person ${email} in ${first.org.slug}`);
    return { ...ctx(), actor: { type: 'user', id: person.id, label: email }, role: person.role };
  };
  const day = (offset: number) => dayInZone(first.now + offset * DAY, first.org.time_zone);
  // The council records the agreements with the teams.
  const council = (): OrgContext => ({ ...ctx(), role: 'council' });

  for (const a of demo.agreements) {
    const teamId = teams.get(a.owner.team);
    if (!teamId) continue;
    const roleId = a.owner.role ? roles.get(`${teamId}/${a.owner.role}`) : undefined;
    // An agreement already past its review day was made long enough ago for that day to have been ahead.
    const made = a.reviewInDays < 0 ? { ...council(), now: first.now + (a.reviewInDays - 90) * DAY } : council();
    const agreement = await createAgreement(made, {
      title: a.title,
      driver: a.driver,
      text: a.text,
      criteria: a.criteria,
      ownerType: roleId ? 'role' : 'team',
      ownerId: roleId ?? teamId,
      reviewDate: day(a.reviewed ? 0 : a.reviewInDays),
    });
    if (a.reviewed) {
      await reviewAgreement(as(a.reviewed.by), agreement.id, {
        outcome: 'keep',
        note: a.reviewed.note,
        nextReviewDate: day(a.reviewInDays),
      });
    }
  }
  for (const d of demo.decisions) {
    const teamId = teams.get(d.team);
    const rightId = rights.get(d.right);
    if (!teamId || !rightId) continue;
    const advisers = d.advisers.flatMap((adviser): { type: 'user' | 'team'; id: string }[] => {
      if ('user' in adviser) {
        const person = people.get(adviser.user);
        return person ? [{ type: 'user' as const, id: person.id }] : [];
      }
      const id = teams.get(adviser.team);
      return id ? [{ type: 'team' as const, id }] : [];
    });
    const decision = await createDecision(as(d.by), {
      title: d.title,
      context: d.context,
      teamId,
      rightId,
      options: d.options.map((title) => ({ title, description: '' })),
      amount: d.amount,
      advisers,
      adviceDeadline: day(d.adviceInDays),
      reviewDate: null,
    });
    for (const answer of d.answers) {
      await giveAdvice(as(answer.by), decision.id, { advice: answer.advice, preferredOption: answer.preferred });
    }
    if (d.decided) {
      await takeDecision(as(d.decided.by), decision.id, {
        chosenOption: d.decided.option,
        rationale: d.decided.rationale,
        reviewDate: day(d.decided.reviewInDays),
        ...(d.decided.override !== undefined && { override: { reason: d.decided.override } }),
      });
    }
  }
  return true;
}
