import type { AuditEntry } from '../../shared/api/types';

const VERB_COLORS: Record<string, string> = { created: 'teal', deleted: 'red', revoked: 'red', invitation_revoked: 'red' };

/** Green for what was made, red for what was removed, blue for changes. */
export function actionColor(action: string): string {
  return VERB_COLORS[action.split('.').slice(1).join('.')] ?? 'blue';
}

/**
 * A readable name of the entity from either side: its `name`, the team's name, a client's name, an
 * e-mail, or the text of a need, pain, gain or evidence (cut to 80 characters); else a short id.
 */
export function entityLabel(entry: AuditEntry): string {
  for (const side of [entry.after, entry.before]) {
    if (side && typeof side === 'object') {
      const record = side as Record<string, unknown>;
      for (const key of ['name', 'team', 'clientName', 'email']) if (typeof record[key] === 'string') return record[key] as string;
      if (typeof record.text === 'string') return record.text.length > 80 ? `${record.text.slice(0, 79)}…` : record.text;
    }
  }
  return entry.entityId.slice(0, 8);
}
