import type { OrgContext } from '../context.js';
import { findClientsByReference } from './import.repository.js';

const CHUNK = 200;

export type ClientMatch = { id: string; name: string } | 'ambiguous';

/**
 * The organization's clients named in a file, by what the cell holds: the client's id, its
 * external code, its e-mail (any case) or its name (as written; ambiguous when two clients share it).
 * An id, a code or an e-mail wins over a name.
 */
export async function resolveClients(ctx: OrgContext, written: string[]): Promise<Map<string, ClientMatch>> {
  const values = [...new Set(written.map((w) => w.trim()).filter(Boolean))];
  const found = new Map<string, ClientMatch>();
  for (let i = 0; i < values.length; i += CHUNK) {
    const chunk = values.slice(i, i + CHUNK);
    const lowered = [...new Set(chunk.map((v) => v.toLowerCase()))];
    const rows = await findClientsByReference(ctx.db, ctx.org.id, chunk, lowered);
    for (const value of chunk) {
      const lower = value.toLowerCase();
      const strong = rows.find((r) => r.id === value || r.external_id === value || (r.email !== null && r.email.toLowerCase() === lower));
      if (strong) {
        found.set(value, { id: strong.id, name: strong.name });
        continue;
      }
      const named = rows.filter((r) => r.name === value);
      if (named.length === 1) found.set(value, { id: named[0]!.id, name: named[0]!.name });
      else if (named.length > 1) found.set(value, 'ambiguous');
    }
  }
  // Looked up by the trimmed value; the rows carry the cell as read (already trimmed by the core).
  return found;
}
