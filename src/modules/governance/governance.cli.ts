/**
 * `rights`, `agreements`, `decisions` and `reviews`: decision rights, agreements and decisions as an
 * operator reads them in a terminal, one line per record, tab-separated.
 */
import { orgContext, parse, required, unknownCommand } from '../cli-kit.js';
import type { CliCommand } from '../module.js';
import type { TAgreement } from './agreement.schema.js';
import { ZCreateAgreement, ZCreateReview } from './agreement.schema.js';
import { createAgreement, listAgreements, reviewAgreement } from './agreement.service.js';
import type { TDecision } from './decision.schema.js';
import { getDecision, listDecisions } from './decision.service.js';
import { dueForReview, sendDueReminders } from './due.service.js';
import { rightsTree } from './rights-tree.js';

const agreementLine = (a: TAgreement) =>
  [a.id, a.reviewDate, a.isDue ? 'DUE' : a.status, `${a.owner.type}:${a.owner.name}`, a.title].join('\t');

const decisionLine = (d: TDecision) =>
  [d.id, d.status, d.isDue ? `review DUE ${d.reviewDate}` : (d.reviewDate ?? '-'), d.teamName, d.right.name, d.title].join('\t');

/** The advice process of one decision, step by step, as text. */
export function describeDecision(d: TDecision): string {
  const lines = [
    `${d.title}  [${d.status}]`,
    `team: ${d.teamName}; right: ${d.right.name}${d.amount !== null ? `; amount: ${d.amount} minor units` : ''}`,
  ];
  if (d.context) lines.push(`context: ${d.context}`);
  lines.push('options:', ...d.options.map((o) => `  ${o.index}. ${o.title}${d.chosenOption === o.index ? '   ← chosen' : ''}`));
  lines.push(`advice${d.adviceDeadline ? ` (until the end of ${d.adviceDeadline})` : ''}:`);
  if (d.advisers.length === 0) lines.push('  none asked');
  for (const a of d.advisers) {
    const who = `${a.adviser.type === 'team' ? 'team ' : ''}${a.adviser.name}`;
    lines.push(
      a.answeredAt === null
        ? `  ${who}: waiting`
        : `  ${who} (${a.answeredBy?.label}): ${a.advice}${a.preferredOption !== null ? ` [prefers ${a.preferredOption}]` : ''}`,
    );
  }
  if (d.decidedAt !== null) {
    lines.push(`decided by ${d.decidedBy?.label} at ${new Date(d.decidedAt).toISOString()}: ${d.rationale}`);
    lines.push(`review: ${d.reviewDate ?? 'none set'}`);
  }
  return lines.join('\n');
}

const rights: CliCommand = {
  name: 'rights',
  scope: 'organization',
  help: `  rights tree --org SLUG    Print how decision rights are delegated (organization/council → teams → roles).`,
  async run(db, input) {
    if (input.sub !== 'tree') throw unknownCommand(input);
    const tree = await rightsTree(await orgContext(db, input.values.org, input.now));
    return { stdout: tree.text || '(no decision rights yet)' };
  },
};

const agreements: CliCommand = {
  name: 'agreements',
  scope: 'organization',
  help: `  agreements list --org SLUG [--due]
                            List agreements (id, review date, status or DUE, owner, title).
  agreements add --org SLUG --owner team:ID|role:ID --title T --driver D --text T --review YYYY-MM-DD
                 [--criteria C]
                            Record an agreement (S3: driver, text, owner, criteria, review date).
  agreements review --org SLUG --id ID --outcome keep|amend|retire [--next YYYY-MM-DD] [--note N]
                            Review an agreement: the outcome and the next review date.`,
  options: {
    due: { type: 'boolean' },
    owner: { type: 'string' },
    title: { type: 'string' },
    driver: { type: 'string' },
    text: { type: 'string' },
    criteria: { type: 'string' },
    review: { type: 'string' },
    id: { type: 'string' },
    outcome: { type: 'string' },
    next: { type: 'string' },
    note: { type: 'string' },
  },
  async run(db, input) {
    const { values } = input;
    const ctx = () => orgContext(db, values.org, input.now);
    switch (input.sub) {
      case 'list': {
        const items = await listAgreements(await ctx(), { due: values.due ? 'true' : undefined });
        return { stdout: items.map(agreementLine).join('\n') || '(no agreements)' };
      }
      case 'add': {
        const owner = required(values, 'owner', 'team:ID or role:ID');
        const [ownerType, ownerId] = owner.split(':');
        const body = parse(ZCreateAgreement, {
          title: values.title,
          driver: values.driver,
          text: values.text,
          criteria: values.criteria,
          ownerType,
          ownerId,
          reviewDate: values.review,
        });
        return { stdout: agreementLine(await createAgreement(await ctx(), body)) };
      }
      case 'review': {
        const id = required(values, 'id', 'the agreement id');
        const body = parse(ZCreateReview, { outcome: values.outcome, note: values.note, nextReviewDate: values.next ?? null });
        const review = await reviewAgreement(await ctx(), id, body);
        return { stdout: `reviewed: ${review.outcome}${review.nextReviewDate ? `; next review ${review.nextReviewDate}` : ''}` };
      }
      default:
        throw unknownCommand(input);
    }
  },
};

const decisions: CliCommand = {
  name: 'decisions',
  scope: 'organization',
  help: `  decisions list --org SLUG [--due]
                            List decisions (id, step of the advice process, review, team, right, title).
  decisions show --org SLUG --id ID
                            Walk one decision: options, advice asked and given, the choice.`,
  options: { due: { type: 'boolean' }, id: { type: 'string' } },
  async run(db, input) {
    const { values } = input;
    const ctx = () => orgContext(db, values.org, input.now);
    switch (input.sub) {
      case 'list': {
        const { items } = await listDecisions(await ctx(), { due: values.due ? 'true' : undefined });
        return { stdout: items.map(decisionLine).join('\n') || '(no decisions)' };
      }
      case 'show':
        return { stdout: describeDecision(await getDecision(await ctx(), required(values, 'id', 'the decision id'))) };
      default:
        throw unknownCommand(input);
    }
  },
};

const reviews: CliCommand = {
  name: 'reviews',
  scope: 'organization',
  help: `  reviews due --org SLUG    Agreements and decisions due for review today (organization's time zone).
  reviews remind [--org SLUG]
                            Notify the owners of everything due (the server does it every 15 minutes).`,
  async run(db, input) {
    const { values } = input;
    const ctx = () => orgContext(db, values.org, input.now);
    switch (input.sub) {
      case 'due': {
        const due = await dueForReview(await ctx());
        return {
          stdout: [
            `due for review on ${due.today}:`,
            ...due.agreements.map((a) => `agreement\t${agreementLine(a)}`),
            ...due.decisions.map((d) => `decision\t${decisionLine(d)}`),
          ].join('\n'),
        };
      }
      case 'remind': {
        const orgId = values.org ? (await ctx()).org.id : undefined;
        return { stdout: `reminders sent: ${await sendDueReminders(db, input.now, orgId)}` };
      }
      default:
        throw unknownCommand(input);
    }
  },
};

export const GOVERNANCE_COMMANDS: CliCommand[] = [rights, agreements, decisions, reviews];
