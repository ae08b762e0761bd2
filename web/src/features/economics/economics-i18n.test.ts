import { describe, expect, it } from 'vitest';
import { FULFILLMENT_MODES as SERVER_FULFILLMENT_MODES } from '../../../../src/core/economics/fulfillment';
import { OVERHEAD_RULES as SERVER_OVERHEAD_RULES } from '../../../../src/core/economics/overhead';
import { SPLIT_BASES as SERVER_SPLIT_BASES, SPLIT_RULES as SERVER_SPLIT_RULES } from '../../../../src/core/economics/split';
import { LEDGER_KINDS as SERVER_LEDGER_KINDS } from '../../../../src/modules/economics/economics.schema';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import { FULFILLMENT_MODES, LEDGER_KINDS, OVERHEAD_RULES, SPLIT_BASES, SPLIT_RULES, TRADE_STATUSES } from './economics.api';
import { RANKINGS, type WaterfallKey } from './economics-model';

type Tree = { [key: string]: string | Tree };

function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.length > 0;
}

const WATERFALL: WaterfallKey[] = [
  'revenue',
  'internalIn',
  'internalOut',
  'nonLabour',
  'labour',
  'overhead',
  'netProfit',
  'pool',
  'reserve',
];

describe('keys the economics screens build at run time', () => {
  it('follow the server’s lists', () => {
    expect([...LEDGER_KINDS]).toEqual([...SERVER_LEDGER_KINDS]);
    expect([...SPLIT_BASES]).toEqual([...SERVER_SPLIT_BASES]);
    expect([...SPLIT_RULES]).toEqual([...SERVER_SPLIT_RULES]);
    expect([...OVERHEAD_RULES]).toEqual([...SERVER_OVERHEAD_RULES]);
    expect([...FULFILLMENT_MODES]).toEqual([...SERVER_FULFILLMENT_MODES]);
  });

  it('exist in both languages', () => {
    const keys = [
      ...LEDGER_KINDS.map((kind) => `economics.ledgerKinds.${kind}`),
      ...SPLIT_BASES.flatMap((basis) => [`economics.splitBases.${basis}`, `economics.formula.bases.${basis}`]),
      ...SPLIT_RULES.flatMap((rule) => [`economics.splitRules.${rule}`, `economics.splitRuleHints.${rule}`]),
      ...OVERHEAD_RULES.map((rule) => `economics.overheadRules.${rule}`),
      ...FULFILLMENT_MODES.flatMap((mode) => [`economics.fulfillmentModes.${mode}`, `economics.fulfillmentModeHints.${mode}`]),
      ...FULFILLMENT_MODES.filter((mode) => mode !== 'off').map((mode) => `economics.fulfillment.explain.${mode}`),
      ...TRADE_STATUSES.flatMap((status) => [`economics.tradeStatus.${status}`, `notifications.tradeStatus.${status}`]),
      ...RANKINGS.map((ranking) => `economics.compare.by.${ranking}`),
      ...WATERFALL.map((key) => `economics.pnl.${key}`),
      ...['team', 'kind', 'amount', 'note'].map((column) => `economics.import.columns.${column}`),
    ];
    for (const [locale, tree] of Object.entries({ en, ru })) {
      expect(
        keys.filter((key) => !has(tree as unknown as Tree, key)),
        `missing in ${locale}`,
      ).toEqual([]);
    }
  });
});
