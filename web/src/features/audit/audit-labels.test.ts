import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/api/types';
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
