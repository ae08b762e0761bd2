import { describe, expect, it } from 'vitest';
import * as canvasSchema from '../../../../src/modules/discovery/canvas.schema';
import * as schema from '../../../../src/modules/discovery/discovery.schema';
import * as valueSchema from '../../../../src/modules/discovery/value.schema';
import { en } from '../../shared/i18n/en';
import { ru } from '../../shared/i18n/ru';
import { dynamicKeys, ERRC_BOXES, EVIDENCE_KINDS, JOB_KINDS, PAIN_STATUSES, priorityColor, SEGMENT_KINDS } from './discovery-options';

type Tree = { [key: string]: string | Tree };

function has(tree: Tree, key: string): boolean {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.length > 0;
}

describe('discovery options', () => {
  it('match the server enumerations', () => {
    expect(SEGMENT_KINDS).toEqual(schema.SEGMENT_KINDS);
    expect(JOB_KINDS).toEqual(schema.JOB_KINDS);
    expect(PAIN_STATUSES).toEqual(schema.PAIN_STATUSES);
    expect(EVIDENCE_KINDS).toEqual(schema.EVIDENCE_KINDS);
    expect(valueSchema.VALUE_ITEM_KINDS).toEqual(['product', 'reliever', 'creator']);
    expect([...ERRC_BOXES, 'unchanged']).toEqual(canvasSchema.ERRC_ACTIONS);
  });

  it('have labels in both languages', () => {
    for (const [locale, tree] of Object.entries({ en, ru })) {
      expect(
        dynamicKeys().filter((key) => !has(tree as unknown as Tree, key)),
        `missing in ${locale}`,
      ).toEqual([]);
    }
  });

  it('colour a pain by its priority: 20 is urgent, 10 is notable, 4 is mild', () => {
    expect([priorityColor(20), priorityColor(10), priorityColor(4)]).toEqual(['red', 'orange', 'yellow']);
  });
});
