import { describe, expect, it } from 'vitest';
import { DELIVERY_STATES } from '../../../../src/modules/webhooks/webhook.schema';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import { eventKey, WEBHOOK_EVENT_TYPES } from './webhooks.api';

type Tree = { [key: string]: string | Tree };

function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.length > 0;
}

describe('keys the webhooks section builds at run time', () => {
  it('exist in both languages: every event type (and the test ping) and every delivery state', () => {
    const keys = [...[...WEBHOOK_EVENT_TYPES, 'ping'].map(eventKey), ...DELIVERY_STATES.map((state) => `webhooks.log.state.${state}`)];
    for (const [locale, tree] of Object.entries({ en, ru })) {
      expect(
        keys.filter((key) => !has(tree as unknown as Tree, key)),
        `missing in ${locale}`,
      ).toEqual([]);
    }
  });
});
