import type { z } from 'zod';
import { AppError } from '../core/errors.js';
import type { OrgContext } from '../modules/context.js';
import type { TAgreement } from '../modules/governance/agreement.schema.js';
import { ZCreateAgreement, ZCreateReview } from '../modules/governance/agreement.schema.js';
import { createAgreement, listAgreements, reviewAgreement } from '../modules/governance/agreement.service.js';
import type { TDecision } from '../modules/governance/decision.schema.js';
import { getDecision, listDecisions } from '../modules/governance/decision.service.js';
import { dueForReview, sendDueReminders } from '../modules/governance/due.service.js';

type Values = Record<string, string | undefined>;
type Parse = <S extends z.ZodType>(schema: S, value: unknown) => z.output<S>;

const required = (values: Values, name: string, hint: string): string => {
  const value = values[name];
  if (!value) {
    throw new AppError('validation_failed', `--${name}: required (${hint})`, [{ path: name, message: 'required' }]);
  }
  return value;
};

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

/** `agreements …`, `decisions …` and `reviews …` commands; null when the command is not one of them. */
export async function runGovernanceCommand(
  key: string,
  ctx: () => Promise<OrgContext>,
  values: Values,
  parse: Parse,
  reminders: (orgId?: string) => Promise<number>,
): Promise<string | null> {
  switch (key) {
    case 'agreements list': {
      const items = await listAgreements(await ctx(), { due: values.due ? 'true' : undefined });
      return items.map(agreementLine).join('\n') || '(no agreements)';
    }
    case 'agreements add': {
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
      return agreementLine(await createAgreement(await ctx(), body));
    }
    case 'agreements review': {
      const id = required(values, 'id', 'the agreement id');
      const body = parse(ZCreateReview, { outcome: values.outcome, note: values.note, nextReviewDate: values.next ?? null });
      const review = await reviewAgreement(await ctx(), id, body);
      return `reviewed: ${review.outcome}${review.nextReviewDate ? `; next review ${review.nextReviewDate}` : ''}`;
    }
    case 'decisions list': {
      const { items } = await listDecisions(await ctx(), { due: values.due ? 'true' : undefined });
      return items.map(decisionLine).join('\n') || '(no decisions)';
    }
    case 'decisions show':
      return describeDecision(await getDecision(await ctx(), required(values, 'id', 'the decision id')));
    case 'reviews due': {
      const due = await dueForReview(await ctx());
      return [
        `due for review on ${due.today}:`,
        ...due.agreements.map((a) => `agreement\t${agreementLine(a)}`),
        ...due.decisions.map((d) => `decision\t${decisionLine(d)}`),
      ].join('\n');
    }
    case 'reviews remind': {
      const orgId = values.org ? (await ctx()).org.id : undefined;
      return `reminders sent: ${await reminders(orgId)}`;
    }
    default:
      return null;
  }
}

export { sendDueReminders };
