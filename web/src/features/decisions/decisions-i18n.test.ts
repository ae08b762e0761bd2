import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_STATUSES as SERVER_AGREEMENT_STATUSES,
  REVIEW_OUTCOMES as SERVER_OUTCOMES,
} from '../../../../src/modules/governance/agreement.schema';
import { DECISION_STATUSES as SERVER_DECISION_STATUSES } from '../../../../src/modules/governance/decision.schema';
import { NOTIFICATION_KINDS } from '../../../../src/modules/notifications/notification.schema';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import { AGREEMENT_STATUSES, DECIDE_BLOCKS, DECISION_STATUSES, REVIEW_OUTCOMES } from './decisions.api';

type Tree = { [key: string]: string | Tree };

function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.length > 0;
}

describe('keys the decisions screens build at run time', () => {
  it('follow the server’s lists of statuses and outcomes', () => {
    expect([...AGREEMENT_STATUSES]).toEqual([...SERVER_AGREEMENT_STATUSES]);
    expect([...DECISION_STATUSES]).toEqual([...SERVER_DECISION_STATUSES]);
    expect([...REVIEW_OUTCOMES]).toEqual([...SERVER_OUTCOMES]);
  });

  it('exist in both languages', () => {
    const keys = [
      ...AGREEMENT_STATUSES.map((status) => `agreements.status.${status}`),
      ...['current', 'due', 'retired'].flatMap((filter) => [`agreements.filters.${filter}`, `agreements.empty.${filter}`]),
      ...DECISION_STATUSES.map((status) => `decisions.status.${status}`),
      ...['all', 'seeking_advice', 'ready', 'decided', 'due'].map((filter) => `decisions.filters.${filter}`),
      ...REVIEW_OUTCOMES.flatMap((outcome) => [
        `reviews.outcomes.${outcome}`,
        `reviews.outcomeHints.${outcome}`,
        `reviews.outcomeResults.${outcome}`,
      ]),
      ...DECIDE_BLOCKS.flatMap((code) => [`decisionPage.blocks.${code}`, `errors.codes.${code}`]),
      ...NOTIFICATION_KINDS.map((kind) => `notifications.kinds.${kind}`),
    ];
    for (const [locale, tree] of Object.entries({ en, ru })) {
      expect(
        keys.filter((key) => !has(tree as unknown as Tree, key)),
        `missing in ${locale}`,
      ).toEqual([]);
    }
  });
});
