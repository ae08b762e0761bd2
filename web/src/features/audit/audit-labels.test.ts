import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api/types';
import { actionLabel, facetsPath, toApiFilter } from './audit.api';
import { entityLabel } from './audit-labels';

const entry = (before: unknown, after: unknown): AuditEntry =>
  ({
    id: 'e',
    at: '1970-01-01T00:00:00.000Z',
    actor: { type: 'user', id: null, label: 'x' },
    action: 'pain.created',
    entityType: 'pain',
    entityId: 'abcdef1234',
    before,
    after,
  }) as AuditEntry;

describe('entity label in the audit log', () => {
  it('prefers a name, then a client name, then the text of a need or pain, then a short id', () => {
    expect(entityLabel(entry(null, { name: 'Sales', text: 'ignored' }))).toBe('Sales');
    expect(entityLabel(entry({ clientName: 'Семья Лебедевых' }, null))).toBe('Семья Лебедевых');
    expect(entityLabel(entry(null, { text: 'Смета растёт после подписания договора' }))).toBe('Смета растёт после подписания договора');
    expect(entityLabel(entry(null, { text: 'x'.repeat(100) }))).toHaveLength(80);
    expect(entityLabel(entry(null, null))).toBe('abcdef12');
  });
});

describe('audit facets and actions in words', () => {
  it('asks for the facets at /audit/facets, not at an encoded slash (which is another route: 404)', () => {
    expect(facetsPath('stroydom')).toBe('/api/v1/orgs/stroydom/audit/facets');
  });

  it('shows a known action by its phrase and an unknown one in words, never by its code', () => {
    const dictionary: Record<string, string> = {
      'audit.actions.team_created': 'Team created',
      'audit.entities.webhook': 'Webhook',
    };
    const t = (key: string, options?: Record<string, unknown>) =>
      key === 'audit.otherAction' ? `${options?.entity}: ${options?.verb}` : (dictionary[key] ?? String(options?.defaultValue ?? key));
    expect(actionLabel(t, 'team.created')).toBe('Team created');
    expect(actionLabel(t, 'webhook.paused_forever')).toBe('Webhook: paused forever');
    expect(actionLabel(t, 'gizmo_part.made')).toBe('gizmo part: made');
  });
});

describe('the audit time filter', () => {
  const NO_FILTER = { action: null, entityType: null, fromDate: '', toDate: '' };

  it('sends the days as ISO 8601 instants in the organization’s time zone: from the first day’s start to the next day after the last', () => {
    const filter = toApiFilter({ ...NO_FILTER, fromDate: '2026-11-01', toDate: '2026-11-28' }, 'Europe/Moscow');
    expect(filter.from).toBe('2026-10-31T21:00:00.000Z');
    expect(filter.to).toBe('2026-11-28T21:00:00.000Z');
  });

  it('sends nothing for an empty filter', () => {
    expect(JSON.stringify(toApiFilter(NO_FILTER, 'UTC'))).toBe('{}');
  });
});
