import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api/types';
import { actionLabel, facetsPath } from './audit.api';
import { entityLabel } from './audit-labels';

const entry = (before: unknown, after: unknown): AuditEntry =>
  ({
    id: 'e',
    at: 0,
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
