import { formatMoney } from '../../core/format/figures.js';
import type { OrgContext } from '../context.js';
import type { TGrant, TRight } from './governance.schema.js';
import { loadGrants } from './rights.repository.js';
import { describeGrants, listRights } from './rights.service.js';

/**
 * The delegation tree of every right, as data and as indented text (the CLI prints the text):
 * each grant under the one it was sub-delegated from, revoked grants marked.
 */
export async function rightsTree(ctx: OrgContext): Promise<{ text: string; rights: { right: TRight; grants: TGrant[] }[] }> {
  const rights = await listRights(ctx);
  const grants = await describeGrants(ctx.db, ctx.org.id, await loadGrants(ctx.db, ctx.org.id));
  const lines: string[] = [];
  const locale = ctx.org.locale === 'ru' ? 'ru-RU' : 'en-GB';
  const describe = (g: TGrant) => {
    const cap = g.limits.spendingCap === null ? '' : ` ≤ ${formatMoney(g.limits.spendingCap, ctx.org.currency, locale)}`;
    const scope = g.limits.scope ? ` (${g.limits.scope})` : '';
    const state = g.revokedAt !== null ? ' [revoked]' : g.active ? '' : ' [inactive: a grant above is revoked]';
    return `${g.holderType} ${g.holderName}${cap}${scope}${state}`;
  };
  const walk = (parentId: string | null, rightId: string, depth: number) => {
    for (const g of grants.filter((x) => x.rightId === rightId && x.parentGrantId === parentId)) {
      const from = depth === 0 ? ` ← ${g.grantedBy}` : '';
      lines.push(`${'  '.repeat(depth + 1)}└ ${describe(g)}${from}`);
      walk(g.id, rightId, depth + 1);
    }
  };
  for (const right of rights) {
    lines.push(right.name);
    walk(null, right.id, 0);
  }
  return { text: lines.join('\n'), rights: rights.map((right) => ({ right, grants: grants.filter((g) => g.rightId === right.id) })) };
}
