import { formatMoney } from '../../core/format/figures.js';
import type { OrganizationsTable } from '../../db/schema.js';
import { formatDate } from '../../http/html/format.js';
import { escapeHtml } from '../../http/html/page.js';
import { type Locale, translate } from '../../i18n/index.js';
import type { toRedress } from '../promises/redress.service.js';

type Redress = ReturnType<typeof toRedress>;

/** The redress owed (and given) to the signed-in client, newest first. */
export function renderRedress(items: Redress[], org: OrganizationsTable, locale: Locale): string {
  const t = (key: string, vars: Record<string, string> = {}) => escapeHtml(translate(locale, key, { org: org.name, ...vars }));
  if (items.length === 0)
    return `<div class="card"><h2>${t('portal.redressTitle')}</h2><p class="muted">${t('portal.redressNone')}</p></div>`;
  const rows = [...items]
    .sort((a, b) => b.owedAt - a.owedAt || a.id.localeCompare(b.id))
    .map((r) => {
      const amount =
        r.kind === 'compensation' && r.amount !== null
          ? ` · <strong>${escapeHtml(formatMoney(r.amount, org.currency, locale, true))}</strong>`
          : '';
      const when =
        r.givenAt !== null
          ? `<span class="given">✓ ${t('portal.redressGiven', { date: formatDate(r.givenAt, locale, org.time_zone) })}</span>`
          : `<span class="owed">${t('portal.redressOwed', { date: formatDate(r.owedAt, locale, org.time_zone) })}</span>`;
      return `<li><div><strong>${t(`portal.redressKind.${r.kind}`)}</strong>${amount}</div>
<div class="muted">${t('portal.redressPromise')}: ${escapeHtml(r.promiseTitle)}</div><p>${escapeHtml(r.text)}</p><div>${when}</div></li>`;
    })
    .join('');
  return `<div class="card"><h2>${t('portal.redressTitle')}</h2><ul class="redress">${rows}</ul></div>`;
}
