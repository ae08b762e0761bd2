import type { ClientsTable, OrganizationsTable } from '../../db/schema.js';
import { type Locale, translate } from '../../i18n/index.js';

/** Escapes text for HTML; every value from the database passes through it. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1a1b1e}
header{background:#1c7ed6;color:#fff;padding:16px 20px;display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px}
header a,header button{color:#fff}main{max-width:720px;margin:0 auto;padding:20px}
.card{background:#fff;border:1px solid #e3e5e8;border-radius:8px;padding:20px;margin-bottom:16px}
h1{font-size:1.3rem;margin:0}h2{font-size:1.2rem;margin-top:0}.muted{color:#5c636a}
nav a{margin-left:8px}button{background:none;border:1px solid currentColor;border-radius:6px;padding:4px 10px;cursor:pointer;font:inherit}
button.primary{background:#1c7ed6;color:#fff;border-color:#1c7ed6;padding:8px 18px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{color:#5c636a}dd{margin:0}
@media (max-width:480px){dl{grid-template-columns:1fr;gap:2px}dt{margin-top:6px}header form{display:flex;gap:8px;align-items:center;flex-wrap:wrap}}`;

/** The client portal page: greets a signed-in client and names the organization. */
export function renderPortal(opts: {
  org: OrganizationsTable;
  client: ClientsTable | null;
  locale: Locale;
  notice?: string;
  /** The confirm page of an invitation link: whom it signs in and where the button posts. */
  confirm?: { name: string; action: string };
}): string {
  const { org, client, locale } = opts;
  const t = (key: string, vars: Record<string, string> = {}) => escapeHtml(translate(locale, key, { org: org.name, ...vars }));
  const base = `/c/${encodeURIComponent(org.slug)}`;
  const other: Locale = locale === 'ru' ? 'en' : 'ru';
  const body = opts.confirm
    ? `<div class="card"><h2>${t('portal.confirmTitle', { name: opts.confirm.name })}</h2><p>${t('portal.confirmText')}</p>
       <form method="post" action="${escapeHtml(opts.confirm.action)}"><button class="primary" type="submit">${t('portal.confirmButton')}</button></form></div>`
    : client
      ? `<div class="card"><h2>${t('portal.welcome', { name: client.name })}</h2><p>${t('portal.intro')}</p>
       <dl><dt>${t('portal.organization')}</dt><dd>${escapeHtml(org.name)} · ${t(`portal.kind.${org.kind}`)}</dd></dl></div>
       <div class="card"><p class="muted">${t('portal.comingSoon')}</p></div>`
      : `<div class="card"><p>${t('portal.anonymous')}</p></div>`;
  const account = client
    ? `<form method="post" action="${base}/logout"><span>${t('portal.signedInAs', { name: client.name })}</span> <button type="submit">${t('portal.signOut')}</button></form>`
    : '';
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${t('portal.title')}</title><style>${STYLE}</style></head>
<body><header><h1>${escapeHtml(org.name)}</h1><div>${account}<nav aria-label="${t('portal.language')}"><a href="${base}?lang=${other}" lang="${other}">${other.toUpperCase()}</a></nav></div></header>
<main>${opts.notice ? `<div class="card" role="status">${escapeHtml(opts.notice)}</div>` : ''}${body}</main></body></html>`;
}
