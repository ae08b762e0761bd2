import { formatAttainment, formatMoney, formatPercent, formatTarget } from '../../core/format/figures.js';
import type { OrganizationsTable } from '../../db/schema.js';
import { formatDate, formatNumber, formatUnits, isoDurationMs, roundDuration } from '../../http/html/format.js';
import { escapeHtml, renderLayout, renderSections } from '../../http/html/page.js';
import { type Locale, translate } from '../../i18n/index.js';
import { SPARKLINE_WINDOWS, type TBoard, type TBoardPromise } from './board.service.js';

/**
 * The public promise board as HTML: server-rendered, no script, readable on a phone. Status
 * is always written in words beside its colour; the sparkline carries its figures as a text label.
 */

const STYLE = `.intro{margin:0 0 12px}.filter{display:flex;flex-wrap:wrap;gap:8px;align-items:center;margin:0 0 16px}
.filter a{margin:0;border:1px solid #c5cad0;border-radius:999px;padding:4px 12px;text-decoration:none;color:#1a1b1e;background:#fff}
.filter a[aria-current]{background:#1a1b1e;color:#fff;border-color:#1a1b1e}
.promise h2{margin:0;font-size:1.15rem;flex:1 1 240px}.promise h2 a{color:inherit}
.top{display:flex;flex-wrap:wrap;gap:8px 12px;align-items:flex-start;justify-content:space-between}
.badge{display:inline-block;border-radius:999px;padding:2px 10px;font-weight:600;font-size:.9rem;white-space:nowrap;border:1px solid}
.s-kept{color:#237032;background:#ebfbee;border-color:#b2f2bb}.s-at_risk{color:#8f4700;background:#fff4e6;border-color:#ffd8a8}
.s-broken{color:#c92a2a;background:#fff5f5;border-color:#ffc9c9}.s-no_data{color:#495057;background:#f1f3f5;border-color:#dee2e6}
.statement{margin:10px 0 14px;font-size:1.05rem}
.figures{display:grid;grid-template-columns:max-content max-content 1fr;gap:12px 28px;align-items:end}
.figure .value{font-size:1.6rem;font-weight:700;line-height:1.1}.figure .label{color:#5c636a;font-size:.85rem}
.trend svg{display:block}.trend .label{color:#5c636a;font-size:.8rem}
.notice{border-left:4px solid #f08c00;background:#fff9db;padding:8px 12px;margin:12px 0 0;border-radius:0 6px 6px 0}
.notice.unbacked{border-color:#c92a2a;background:#fff5f5}
.notice.over-capacity{border-color:#e8590c;background:#fff4e6}
.notice.waived{border-color:#868e96;background:#f8f9fa}
.meta{display:flex;flex-wrap:wrap;gap:4px 20px;margin:14px 0 0;color:#5c636a;font-size:.92rem}.meta strong{color:#1a1b1e;font-weight:600}
.redress{margin:10px 0 0;font-size:.92rem}
ol.versions{padding-left:0;list-style:none;margin:0}ol.versions li{border-top:1px solid #e3e5e8;padding:12px 0}
ol.versions li:first-child{border-top:0;padding-top:0}ol.versions h3{font-size:1rem;margin:0 0 4px}ol.versions p{margin:4px 0}
.back{display:inline-block;margin:0 0 12px}
@media (max-width:480px){.figures{grid-template-columns:max-content 1fr;gap:12px 20px}.trend{grid-column:1/-1}}`;

type T = (key: string, vars?: Record<string, string | number>) => string;

function translator(locale: Locale, org: OrganizationsTable): T {
  return (key, vars = {}) => escapeHtml(translate(locale, key, { org: org.name, ...vars }));
}

/** A board URL: the language is in the URL (never a cookie) so shared caches keep each language apart. */
export function boardHref(org: OrganizationsTable, locale: Locale, path = '', query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
  if (locale !== org.locale) params.set('lang', locale);
  const search = params.toString();
  return `/c/${encodeURIComponent(org.slug)}/promises${path}${search ? `?${search}` : ''}`;
}

/** The window in words: "over the last 30 days", "this month so far". */
function windowWords(p: TBoardPromise, t: T, locale: Locale): string {
  if (p.window.kind === 'calendar') return t(p.window.period === 'month' ? 'board.overMonth' : 'board.overQuarter');
  return p.window.days === 1 ? t('board.overRollingOne') : t('board.overRolling', { days: formatUnits(p.window.days, 'day', locale) });
}

function trendWords(p: TBoardPromise, t: T, locale: Locale): string {
  const count = SPARKLINE_WINDOWS;
  if (p.window.kind === 'calendar') return t(p.window.period === 'month' ? 'board.trendMonth' : 'board.trendQuarter', { count });
  return t('board.trendRolling', { count, days: formatUnits(p.window.days, 'day', locale) });
}

/** A look-back such as `PT6H` as "the last 6 hours" / "последние 6 часов". */
function periodWords(iso: string, t: T, locale: Locale): string {
  const { value, unit } = roundDuration(isoDurationMs(iso));
  return value === 1 ? t(`board.periodOne.${unit}`) : t('board.periodMany', { length: formatUnits(value, unit, locale) });
}

/**
 * Attainment as the staff app shows it (src/core/format: half up, at most 1 decimal), so the board
 * and the app never disagree; the status word beside it says whether the target is met.
 */
function attainmentText(p: TBoardPromise, locale: Locale): string {
  return formatAttainment(p.attainment, p.target, locale);
}

/** The last windows' attainment as a small line over the dashed target; gaps where nothing happened. */
export function sparklineSvg(values: (number | null)[], target: number, label: string): string {
  const width = 168;
  const height = 44;
  const pad = 5;
  const known = values.filter((v): v is number => v !== null);
  const lowest = Math.min(target, ...known);
  // Values sit near 100%: the scale starts a little under the lowest figure, not at zero.
  const bottom = Math.max(0, lowest - Math.max((1 - lowest) * 0.35, 0.005));
  const x = (i: number) => pad + (i * (width - 2 * pad)) / Math.max(1, values.length - 1);
  const y = (v: number) => pad + ((1 - v) * (height - 2 * pad)) / (1 - bottom);
  const runs: string[] = [];
  let run: string[] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (run.length > 1) runs.push(run.join(' '));
      run = [];
    } else run.push(`${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  });
  if (run.length > 1) runs.push(run.join(' '));
  const lines = runs.map((points) => `<polyline points="${points}" fill="none" stroke="#1c7ed6" stroke-width="2"/>`).join('');
  const dots = values
    .map((v, i) => {
      // A window with nothing in it is a faint mark on the floor: the eight slots stay readable.
      if (v === null) return `<circle cx="${x(i).toFixed(1)}" cy="${height - pad}" r="1.5" fill="#ced4da"/>`;
      const last = i === values.length - 1;
      const fill = v < target ? '#c92a2a' : '#1c7ed6';
      return `<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="${last ? 4 : 2.5}" fill="${fill}"${last ? ' stroke="#fff" stroke-width="1.5"' : ''}/>`;
    })
    .join('');
  const targetY = y(target).toFixed(1);
  return `<svg role="img" aria-label="${escapeHtml(label)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(label)}</title><line x1="0" x2="${width}" y1="${targetY}" y2="${targetY}" stroke="#868e96" stroke-dasharray="4 3" stroke-width="1"/>${lines}${dots}</svg>`;
}

/** The notices of a promise in plain words: alerts firing, little margin left, lost authority. */
function notices(p: TBoardPromise, t: T, locale: Locale): string {
  const out: string[] = [];
  const alert = p.alerts[0];
  const allowed = 1 - p.target;
  if (alert) {
    out.push(
      t('board.atRisk', {
        period: periodWords(alert.longWindow, t, locale),
        bad: formatPercent(Math.min(1, alert.burnRate * allowed), locale, 0),
        allowed: formatTarget(allowed, locale),
      }),
    );
  } else if (p.status === 'at_risk') {
    // Nothing left is said in words: "only 0 % remain" reads as if some were.
    out.push(p.budgetRemaining > 0 ? t('board.lowBudget', { left: formatPercent(p.budgetRemaining, locale, 0) }) : t('board.budgetSpent'));
  }
  const html = out.map((text) => `<p class="notice" role="status">${text}</p>`);
  if (p.unbacked) html.push(`<p class="notice unbacked" role="status">${t('board.unbacked')}</p>`);
  if (p.overCapacity) html.push(`<p class="notice over-capacity" role="status">${t('board.overCapacity')}</p>`);
  if (p.backingWaiver) {
    html.push(
      `<p class="notice waived" data-backing="waived"><strong>${t('board.backingWaived')}</strong> ${t('board.backingWaivedText', { reason: p.backingWaiver.reason })}</p>`,
    );
  }
  return html.join('');
}

function redressLine(p: TBoardPromise, org: OrganizationsTable, t: T, locale: Locale): string {
  if (!p.redress) return '';
  const amount =
    p.redress.kind === 'compensation' && p.redress.amount !== null
      ? ` ${escapeHtml(formatMoney(p.redress.amount, org.currency, locale, true))}`
      : '';
  return `<p class="redress"><strong>${t('board.redress')}:</strong> ${t(`portal.redressKind.${p.redress.kind}`)}${amount} — ${escapeHtml(p.redress.text)}</p>`;
}

/** One promise as a card: title, status in words, statement, promised and kept, trend, notices, who and for whom. */
function card(p: TBoardPromise, org: OrganizationsTable, locale: Locale, linkTitle: boolean): string {
  const t = translator(locale, org);
  const href = escapeHtml(boardHref(org, locale, `/${encodeURIComponent(p.id)}`));
  const title = linkTitle ? `<a href="${href}">${escapeHtml(p.title)}</a>` : escapeHtml(p.title);
  const target = formatTarget(p.target, locale);
  const values = p.sparkline.map((v) => (v === null ? translate(locale, 'board.noData') : formatPercent(v, locale))).join(', ');
  const label = translate(locale, 'board.trendLabel', { count: SPARKLINE_WINDOWS, values, target });
  const cases =
    p.total === 0
      ? t('board.noCases')
      : t('board.cases', { good: formatNumber(p.good, locale), total: formatNumber(p.total, locale), count: p.total });
  return `<article class="card promise" id="p-${escapeHtml(p.id)}">
<div class="top"><h2>${title}</h2><span class="badge s-${p.status}">${STATUS_MARK[p.status]} ${t(`board.status.${p.status}`)}</span></div>
<p class="statement">${escapeHtml(p.statement)}</p>
<div class="figures"><div class="figure"><div class="value">${target}</div><div class="label">${t('board.target')}</div></div>
<div class="figure"><div class="value">${attainmentText(p, locale)}</div><div class="label">${t('board.actual')} ${windowWords(p, t, locale)}<br>${cases}</div></div>
<div class="trend">${sparklineSvg(p.sparkline, p.target, label)}<div class="label">${trendWords(p, t, locale)}</div></div></div>
${notices(p, t, locale)}${redressLine(p, org, t, locale)}
<p class="meta"><span>${t('board.team')}: <strong>${escapeHtml(p.team.name)}</strong></span><span>${t('board.segment')}: <strong>${p.segment.id ? escapeHtml(p.segment.name) : t('board.allSegments')}</strong></span><a href="${href}#versions">${t('board.version', { n: String(p.version) })}</a></p>
</article>`;
}

const STATUS_MARK: Record<TBoardPromise['status'], string> = { kept: '✓', at_risk: '!', broken: '✕', no_data: '–' };

function frame(org: OrganizationsTable, locale: Locale, otherHref: string, main: string): string {
  const home = `/c/${encodeURIComponent(org.slug)}${locale === org.locale ? '' : `?lang=${locale}`}`;
  const t = translator(locale, org);
  return renderLayout({
    locale,
    title: translate(locale, 'board.title', { org: org.name }),
    orgName: org.name,
    homeHref: home,
    account: `<a href="${escapeHtml(home)}">${t('board.portalHome')}</a>`,
    otherHref,
    // The portal's section menu: the same for every visitor, so the cached board may carry it.
    main: renderSections(`/c/${encodeURIComponent(org.slug)}`, locale, 'promises', locale === org.locale ? undefined : locale) + main,
    style: STYLE,
  });
}

/** The board page: the segment filter as links, then each promise as a card, worst first. */
export function renderBoard(board: TBoard, org: OrganizationsTable, locale: Locale): string {
  const t = translator(locale, org);
  const other: Locale = locale === 'ru' ? 'en' : 'ru';
  const segment = board.segment ?? undefined;
  const link = (id: string | undefined, name: string) =>
    `<a href="${escapeHtml(boardHref(org, locale, '', { segment: id }))}"${id === segment ? ' aria-current="page"' : ''}>${escapeHtml(name)}</a>`;
  const filter =
    board.segments.length > 1 || segment
      ? `<nav class="filter" aria-label="${t('board.filter')}"><span class="muted">${t('board.filter')}:</span>${link(undefined, translate(locale, 'board.allSegments'))}${board.segments.map((s) => link(s.id, s.name)).join('')}</nav>`
      : '';
  const cards = board.items.length
    ? board.items.map((p) => card(p, org, locale, true)).join('\n')
    : `<div class="card"><p class="muted">${t(segment ? 'board.emptySegment' : 'board.empty')}</p></div>`;
  const main = `<h2>${t('board.heading')}</h2><p class="intro muted">${t('board.intro')}</p>${filter}${cards}`;
  // The language link always names its language: without it a portal cookie would send the client back.
  return frame(org, locale, boardHref(org, other, '', { segment, lang: other }), main);
}

/** One promise's page: its card and the history of its terms, newest first. */
export function renderBoardPromise(p: TBoardPromise, org: OrganizationsTable, locale: Locale): string {
  const t = translator(locale, org);
  const other: Locale = locale === 'ru' ? 'en' : 'ru';
  const versions = [...p.versions]
    .reverse()
    .map(
      (v) => `<li><h3>${t('board.versionHeading', { n: String(v.version), date: formatDate(v.effectiveFrom, locale, org.time_zone) })}</h3>
<p>${v.reason ? escapeHtml(v.reason) : t('board.versionFirst')}</p><p class="muted">${escapeHtml(v.statement)} · ${t('board.versionTarget', { target: formatTarget(v.target, locale) })}</p></li>`,
    )
    .join('');
  const main = `<a class="back" href="${escapeHtml(boardHref(org, locale))}">← ${t('board.back')}</a>${card(p, org, locale, false)}
<section class="card" id="versions"><h2>${t('board.versionsTitle')}</h2><ol class="versions">${versions}</ol></section>`;
  return frame(org, locale, boardHref(org, other, `/${encodeURIComponent(p.id)}`, { lang: other }), main);
}
