import type { AuditEntry } from '../../shared/api/types';

const VERB_COLORS: Record<string, string> = { created: 'teal', deleted: 'red', revoked: 'red', invitation_revoked: 'red' };

/** Green for what was made, red for what was removed, blue for changes. */
export function actionColor(action: string): string {
  return VERB_COLORS[action.split('.').slice(1).join('.')] ?? 'blue';
}

/** A readable name of the entity: its `name` (or the team's name, or an e-mail) from either side, else a short id. */
export function entityLabel(entry: AuditEntry): string {
  for (const side of [entry.after, entry.before]) {
    if (side && typeof side === 'object') {
      const record = side as Record<string, unknown>;
      for (const key of ['name', 'team', 'email']) if (typeof record[key] === 'string') return record[key] as string;
    }
  }
  return entry.entityId.slice(0, 8);
}
