import { describe, expect, it } from 'vitest';
import { HISTORY_KINDS } from '../../../../src/modules/promises/history.schema';
import { i18n } from '../../shared/i18n';
import { describeFigures, describeHistoryEntry, groupHistory } from './promise-history';
import type { HistoryEntry } from './promises.api';

const figures = { attainment: 100 / 130, target: 0.9, good: 100, total: 130, budgetRemaining: 1 - 30 / 130 / 0.1, version: 1 };
const page = { severity: 'page' as const, longWindow: 'PT6H', shortWindow: 'PT30M', threshold: 6 };
const ticket = { severity: 'ticket' as const, longWindow: 'P3D', shortWindow: 'PT6H', threshold: 1 };
const entry = (id: string, at: string, kind: HistoryEntry['kind'], partial: Partial<HistoryEntry> = {}): HistoryEntry => ({
  id,
  at,
  kind,
  fromStatus: null,
  toStatus: null,
  alert: null,
  figures,
  ...partial,
});

// The API's page, newest first; within one evaluation in no set order.
const entries = [
  entry('a', '2026-11-29T17:02:00.000Z', 'alert_resolved', { alert: ticket }),
  entry('b', '2026-11-29T17:02:00.000Z', 'alert_resolved', { alert: page }),
  entry('c', '2026-11-29T10:02:00.000Z', 'alert_fired', { alert: ticket }),
  entry('d', '2026-11-29T10:02:00.000Z', 'status_changed', { fromStatus: 'kept', toStatus: 'broken' }),
  entry('e', '2026-11-29T10:02:00.000Z', 'alert_fired', { alert: page }),
];

describe('the history of a promise on screen', () => {
  it('groups the entries by evaluation, newest first: the status change, then alerts, pages before tickets', () => {
    expect(groupHistory(entries).map((group) => [group.at, group.entries.map((e) => e.id)])).toEqual([
      ['2026-11-29T17:02:00.000Z', ['b', 'a']],
      ['2026-11-29T10:02:00.000Z', ['d', 'e', 'c']],
    ]);
  });

  it('says each entry in words, in English and in Russian (figures half up to 1 decimal, as on the board)', () => {
    const en = i18n.getFixedT('en');
    expect(groupHistory(entries)[1]?.entries.map((e) => describeHistoryEntry(e, en, 'en-GB'))).toEqual([
      { text: 'Status changed: Kept → Broken', detail: null },
      { text: 'Alert fired: Act now', detail: 'The budget burned faster than ×6 over both 6 h and 30 min' },
      { text: 'Alert fired: Look into it soon', detail: 'The budget burned faster than ×1 over both 3 d and 6 h' },
    ]);
    expect(describeHistoryEntry(entries[1] as HistoryEntry, en, 'en-GB')).toEqual({
      text: 'Alert resolved: Act now',
      detail: 'Burn rate back under ×6 over 6 h / 30 min',
    });
    expect(describeFigures(figures, en, 'en-GB')).toBe('Attainment 76.9% (target 90%) · 100 good of 130 · budget left -131% · version 1');

    const ru = i18n.getFixedT('ru');
    expect(describeHistoryEntry(entries[3] as HistoryEntry, ru, 'ru-RU').text).toBe('Состояние изменилось: Выполняется → Нарушено');
    expect(describeHistoryEntry(entries[4] as HistoryEntry, ru, 'ru-RU').text).toBe('Сработала тревога: Действовать сейчас');
    expect(describeFigures(figures, ru, 'ru-RU').replace(/\s/g, ' ')).toBe(
      'Выполнение 76,9 % (цель 90 %) · успешных 100 из 130 · остаток бюджета -131 % · версия 1',
    );
  });

  it('knows every kind the server records', () => {
    const en = i18n.getFixedT('en');
    for (const kind of HISTORY_KINDS) {
      const words = describeHistoryEntry(
        entry('x', '2026-11-29T10:00:00.000Z', kind, { alert: page, fromStatus: 'kept', toStatus: 'at_risk' }),
        en,
        'en-GB',
      );
      expect(words.text).not.toMatch(/promises\./);
    }
  });
});
