/** The HTML kit of the server-rendered pages (the client portal and the public board): escaping, the page frame, the section menu. */
import { type Locale, translate } from '../../i18n/index.js';

/** The client's language choice on the portal and the board (path /c), set by `?lang=`. */
export const LANG_COOKIE = 'cc_lang';

/** Escapes text for HTML; every value from the database passes through it. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

const STYLE = `body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1a1b1e}
header{background:#1864ab;color:#fff;padding:16px 20px;display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:8px}
header a,header button{color:#fff}header>div{display:flex;align-items:center;flex-wrap:wrap;gap:8px 16px}header nav a{margin-left:0}main{max-width:720px;margin:0 auto;padding:20px}
.card{background:#fff;border:1px solid #e3e5e8;border-radius:8px;padding:20px;margin-bottom:16px}
h1{font-size:1.3rem;margin:0}h2{font-size:1.2rem;margin-top:0}.muted{color:#5c636a}
nav a{margin-left:8px}button{background:none;border:1px solid currentColor;border-radius:6px;padding:4px 10px;cursor:pointer;font:inherit}
button.primary{background:#1864ab;color:#fff;border-color:#1864ab;padding:8px 18px}
a.button{display:inline-block;background:#1864ab;color:#fff;border-radius:6px;padding:8px 18px;text-decoration:none}
h1 a{color:inherit;text-decoration:none}ul.redress{list-style:none;margin:0;padding:0}ul.redress li{border-top:1px solid #e3e5e8;padding:12px 0}
ul.redress li:first-child{border-top:0;padding-top:0}ul.redress p{margin:6px 0}.given{color:#237032}.owed{color:#a61e4d}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px}dt{color:#5c636a}dd{margin:0}
nav.sections{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 16px}nav.sections a{margin:0;padding:6px 12px;border-radius:16px;background:#fff;border:1px solid #e3e5e8;color:#1a1b1e;text-decoration:none}
nav.sections a[aria-current=page]{background:#1864ab;border-color:#1864ab;color:#fff}
.notice{border-color:#8ce99a;background:#ebfbee}.error{border-color:#ffa8a8;background:#fff5f5;color:#a61e4d}
form.stack{display:flex;flex-direction:column;gap:12px;align-items:flex-start}form.stack label{display:flex;flex-direction:column;gap:4px;width:100%;max-width:420px}
input,select,textarea{font:inherit;padding:8px;border:1px solid #ced4da;border-radius:6px;box-sizing:border-box;max-width:100%}textarea{width:100%;min-height:90px}
ul.plain{list-style:none;margin:0;padding:0}ul.plain>li{border-top:1px solid #e3e5e8;padding:10px 0}ul.plain>li:first-child{border-top:0;padding-top:0}
.badge{display:inline-block;border-radius:10px;padding:1px 8px;font-size:.85em;background:#e7f5ff;color:#1864ab}.badge.kept{background:#ebfbee;color:#237032}.badge.at_risk{background:#fff9db;color:#8f4700}.badge.broken{background:#fff5f5;color:#c92a2a}.badge.no_data{background:#f1f3f5;color:#495057}
:focus-visible{outline:3px solid #1864ab;outline-offset:2px}header :focus-visible{outline-color:#fff}
@media (max-width:480px){dl{grid-template-columns:1fr;gap:2px}dt{margin-top:6px}header form{display:flex;gap:8px;align-items:center;flex-wrap:wrap}}`;

/** The frame every portal page shares: the organization's name, the account form and the language link. */
export function renderLayout(opts: {
  locale: Locale;
  title: string;
  orgName: string;
  /** Where the organization's name links to; plain text when absent. */
  homeHref?: string;
  /** Trusted HTML beside the language link (the sign-out form). */
  account?: string;
  /** The same page in the other language. */
  otherHref: string;
  /** Trusted HTML of the page's body. */
  main: string;
  style?: string;
}): string {
  const other: Locale = opts.locale === 'ru' ? 'en' : 'ru';
  const name = escapeHtml(opts.orgName);
  const heading = opts.homeHref ? `<a href="${escapeHtml(opts.homeHref)}">${name}</a>` : name;
  return `<!doctype html><html lang="${opts.locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(opts.title)}</title><style>${STYLE}${opts.style ?? ''}</style></head>
<body><header><h1>${heading}</h1><div>${opts.account ?? ''}<nav aria-label="${escapeHtml(translate(opts.locale, 'portal.language'))}"><a href="${escapeHtml(opts.otherHref)}" lang="${other}">${other.toUpperCase()}</a></nav></div></header>
<main>${opts.main}</main></body></html>`;
}

/** A page saying "not found" in the given language. */
export function renderNotFound(locale: Locale): string {
  return `<!doctype html><html lang="${locale}"><meta charset="utf-8"><title>404</title><p>${escapeHtml(translate(locale, 'errors.notFound'))}</p></html>`;
}

/** The portal's sections, in the menu's order. */
export const PORTAL_SECTIONS = ['home', 'promises', 'feedback', 'proposals', 'polls', 'decisions', 'participation'] as const;
export type PortalSection = (typeof PORTAL_SECTIONS)[number];

/** A section's path under `base` where it is not the section's name: participation lists its rounds. */
const SECTION_PATHS: Partial<Record<PortalSection, string>> = { participation: 'participation-rounds' };

/** Where a section lives under `base` (`/c/{slug}`). */
export function sectionHref(base: string, section: PortalSection): string {
  return section === 'home' ? base : `${base}/${SECTION_PATHS[section] ?? section}`;
}

/**
 * The section menu, the current one marked: the same for every visitor of a language, so cached
 * pages may carry it. With `lang` (a language other than the organization's) every link keeps it.
 */
export function renderSections(base: string, locale: Locale, current: PortalSection, lang?: Locale): string {
  const links = PORTAL_SECTIONS.map((s) => {
    const mark = s === current ? ' aria-current="page"' : '';
    const href = `${sectionHref(base, s)}${lang ? `?lang=${lang}` : ''}`;
    return `<a href="${escapeHtml(href)}"${mark}>${escapeHtml(translate(locale, `voiceAccount.section.${s}`))}</a>`;
  }).join('');
  return `<nav class="sections" aria-label="${escapeHtml(translate(locale, 'voiceAccount.sections'))}">${links}</nav>`;
}
