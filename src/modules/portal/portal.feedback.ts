import type { FastifyInstance } from 'fastify';
import { invalidField } from '../../core/errors.js';
import { FEEDBACK_KINDS, type FeedbackKind, SCORE_RANGE } from '../../core/voice/feedback.js';
import type { AppDeps } from '../../http/deps.js';
import { formatDate } from '../../http/html/format.js';
import { escapeHtml } from '../../http/html/page.js';
import type { DocumentedPage } from '../../http/openapi.js';
import { translate } from '../../i18n/index.js';
import { hitRateLimit, LONGEST_WINDOW_MS } from '../auth/rate-limit.js';
import type { TFeedback } from '../feedback/feedback.schema.js';
import { giveFeedback, listClientFeedback } from '../feedback/feedback.service.js';
import { answerSurvey, findActiveSurvey } from '../feedback/survey.service.js';
import { openPortal, type Portal, portalContext, portalPage, portalWrite, sendHtml } from './portal.context.js';
import { formText, portalPageDoc } from './portal.form.js';
import { listFeedbackSubjects } from './portal.repository.js';

/** Answers one person may give to one survey link a day. */
export const SURVEY_ANSWERS_PER_DAY = 3;

const page = portalPageDoc;

/** The portal pages of this section, listed in the OpenAPI document as pages. */
export const FEEDBACK_PAGES: DocumentedPage[] = [
  page('GET', '/c/:org/s/:key', 'A survey’s public link: one question on its scale and a comment, no sign-in needed (404 when ended)'),
  page('POST', '/c/:org/s/:key', 'Answer a survey (form post; rate limited per IP and client) and see the thanks page'),
  page(
    'GET',
    '/c/:org/feedback',
    'The signed-in client’s feedback form (a promise, a team or a touchpoint) and earlier feedback with answers',
  ),
  page('POST', '/c/:org/feedback', 'Give feedback as the signed-in client (form post; rate limited)'),
];

const STYLE = `.scale{display:flex;flex-wrap:wrap;gap:6px;border:0;padding:0;margin:0 0 8px}.scale legend{margin-bottom:8px;font-weight:600}
.scale label{display:flex;flex-direction:column;align-items:center;min-width:40px;padding:6px 4px;border:1px solid #ced4da;border-radius:6px;cursor:pointer;text-align:center;font-size:.85rem}
.scale label.wide{min-width:92px}.scale input{margin:0 0 4px}.ends{display:flex;justify-content:space-between;font-size:.85rem;color:#5c636a;margin-bottom:12px}
textarea,select,input[type=text]{width:100%;box-sizing:border-box;font:inherit;padding:8px;border:1px solid #ced4da;border-radius:6px;margin:4px 0 12px}
.kinds{display:flex;flex-wrap:wrap;gap:8px;margin-bottom:12px}.kinds a{padding:4px 10px;border:1px solid #1864ab;border-radius:16px;text-decoration:none}
.kinds a[aria-current]{background:#1864ab;color:#fff}ul.feedback{list-style:none;margin:0;padding:0}ul.feedback li{border-top:1px solid #e3e5e8;padding:12px 0}
ul.feedback li:first-child{border-top:0}.reply{background:#f1f8ff;border-left:3px solid #1864ab;padding:8px 12px;margin-top:8px}`;

const withStyle = (main: string) => `<style>${STYLE}</style>${main}`;

/** A string of the page's language, not escaped (for what `portalPage` or `escapeHtml` escapes later). */
const raw = (p: Portal, key: string, vars: Record<string, string> = {}) => translate(p.locale, key, { org: p.org.name, ...vars });

/** The radio buttons of a kind's scale, each labelled; the ends named where the scale is long. */
function scaleFields(p: Portal, kind: FeedbackKind, checked: number | null): string {
  const { min, max } = SCORE_RANGE[kind];
  const radios: string[] = [];
  for (let s = min; s <= max; s++) {
    const label = kind === 'csat' ? `<span>${p.t(`voiceFeedback.scale.csat.${s}`)}</span>` : '';
    radios.push(
      `<label${kind === 'csat' ? ' class="wide"' : ''}><input type="radio" name="score" value="${s}"${checked === s ? ' checked' : ''}>${s}${label}</label>`,
    );
  }
  const ends =
    kind === 'csat'
      ? ''
      : `<div class="ends" aria-hidden="true"><span>${min} — ${p.t(`voiceFeedback.scale.${kind}.low`)}</span><span>${max} — ${p.t(`voiceFeedback.scale.${kind}.high`)}</span></div>`;
  const describedBy =
    kind === 'csat'
      ? ''
      : ` aria-description="${min} — ${p.t(`voiceFeedback.scale.${kind}.low`)}; ${max} — ${p.t(`voiceFeedback.scale.${kind}.high`)}"`;
  return `<fieldset class="scale"${describedBy}><legend>${p.t('voiceFeedback.scoreLegend')}</legend>${radios.join('')}</fieldset>${ends}`;
}

function commentField(p: Portal, value: string): string {
  return `<label for="comment">${p.t('voiceFeedback.comment')}</label>
<textarea id="comment" name="comment" rows="4" maxlength="4000" placeholder="${p.t('voiceFeedback.commentHint')}">${escapeHtml(value)}</textarea>`;
}

/** A posted score: a whole number on the kind's scale, or null when none was chosen. */
function postedScore(kind: FeedbackKind, raw: string): number | null {
  if (raw === '') return null;
  const score = Number(raw);
  const { min, max } = SCORE_RANGE[kind];
  if (!Number.isInteger(score) || score < min || score > max)
    throw invalidField('score', 'out_of_range', `must be a whole number from ${min} to ${max}`, { minimum: min, maximum: max });
  return score;
}

function surveyNotFound(p: Portal, reply: Parameters<typeof sendHtml>[0]) {
  return sendHtml(
    reply,
    404,
    portalPage(p, {
      title: raw(p, 'voiceFeedback.title'),
      section: 'feedback',
      main: `<div class="card"><p>${p.t('voiceFeedback.surveyNotFound')}</p></div>`,
    }),
  );
}

type Survey = NonNullable<Awaited<ReturnType<typeof findActiveSurvey>>>;

function surveyPage(p: Portal, survey: Survey, form: { score: number | null; comment: string }, error?: string): string {
  const action = `${p.base}/s/${encodeURIComponent(survey.public_key)}`;
  const about = survey.subjectName ? `<p class="muted">${p.t('voiceFeedback.surveyAbout', { subject: survey.subjectName })}</p>` : '';
  const main = `<div class="card"><h2>${escapeHtml(survey.question)}</h2>${about}
<form method="post" action="${escapeHtml(action)}">${scaleFields(p, survey.kind, form.score)}${commentField(p, form.comment)}
<button class="primary" type="submit">${p.t('voiceFeedback.send')}</button></form></div>`;
  return portalPage(p, { title: survey.question, section: 'feedback', main: withStyle(main), error, selfHref: action });
}

function renderPast(p: Portal, items: TFeedback[]): string {
  if (items.length === 0)
    return `<div class="card"><h2>${p.t('voiceFeedback.past')}</h2><p class="muted">${p.t('voiceFeedback.pastNone')}</p></div>`;
  const rows = items
    .map((f) => {
      const score = f.score === null ? p.t('voiceFeedback.noScore') : `${f.score} / ${SCORE_RANGE[f.kind].max}`;
      const about = f.subjectName ? ` · ${p.t('voiceFeedback.about', { subject: f.subjectName })}` : '';
      const comment = f.comment ? `<p>${escapeHtml(f.comment)}</p>` : '';
      const reply =
        f.reply && f.repliedAt !== null
          ? `<div class="reply"><strong>${p.t('voiceFeedback.answer')}</strong> <span class="muted">${escapeHtml(formatDate(f.repliedAt, p.locale, p.org.time_zone))}</span><p>${escapeHtml(f.reply)}</p></div>`
          : '';
      return `<li><div><strong>${p.t(`voiceFeedback.kinds.${f.kind}`)}: ${score}</strong>${about}</div>
<div class="muted">${escapeHtml(formatDate(f.answeredAt, p.locale, p.org.time_zone))}</div>${comment}${reply}</li>`;
    })
    .join('');
  return `<div class="card"><h2>${p.t('voiceFeedback.past')}</h2><ul class="feedback">${rows}</ul></div>`;
}

interface FeedbackForm {
  kind: FeedbackKind;
  score: number | null;
  comment: string;
  subject: string;
  touchpoint: string;
}

interface FeedbackData {
  promises: { id: string; title: string }[];
  teams: { id: string; name: string }[];
  past: TFeedback[];
}

/** What the signed-in client's feedback page shows: published client promises, teams, their feedback. */
async function loadFeedbackData(p: Portal): Promise<FeedbackData> {
  if (!p.client) return { promises: [], teams: [], past: [] };
  const db = p.deps.db;
  const { promises, teams } = await listFeedbackSubjects(db, p.org.id);
  return { promises, teams, past: await listClientFeedback(db, p.org.id, p.client.id) };
}

function subjectOptions(p: Portal, data: FeedbackData, selected: string): string {
  const option = (value: string, label: string) =>
    `<option value="${escapeHtml(value)}"${value === selected ? ' selected' : ''}>${escapeHtml(label)}</option>`;
  const group = (label: string, options: string[]) => (options.length ? `<optgroup label="${label}">${options.join('')}</optgroup>` : '');
  return [
    option('', raw(p, 'voiceFeedback.subjectGeneral')),
    group(
      p.t('voiceFeedback.subjectPromises'),
      data.promises.map((pr) => option(`promise:${pr.id}`, pr.title)),
    ),
    group(
      p.t('voiceFeedback.subjectTeams'),
      data.teams.map((t) => option(`team:${t.id}`, t.name)),
    ),
    option('touchpoint', raw(p, 'voiceFeedback.subjectTouchpoint')),
  ].join('');
}

function feedbackPage(p: Portal, form: FeedbackForm, data: FeedbackData, opts: { notice?: string; error?: string } = {}): string {
  const self = `${p.base}/feedback`;
  if (!p.client) {
    const main = `<div class="card"><h2>${p.t('voiceFeedback.title')}</h2><p>${p.t('voiceFeedback.signInInvite')}</p>
<p><a class="button" href="${p.base}/sign-in">${p.t('voiceAccount.signIn')}</a></p></div>`;
    return portalPage(p, { title: raw(p, 'voiceFeedback.title'), section: 'feedback', main: withStyle(main), ...opts });
  }
  const kinds = FEEDBACK_KINDS.map(
    (k) => `<a href="${self}?kind=${k}"${k === form.kind ? ' aria-current="true"' : ''}>${p.t(`voiceFeedback.kinds.${k}`)}</a>`,
  ).join('');
  const main = `<div class="card"><h2>${p.t('voiceFeedback.title')}</h2><p>${p.t('voiceFeedback.intro')}</p>
<nav class="kinds">${kinds}</nav>
<form method="post" action="${self}"><input type="hidden" name="kind" value="${form.kind}">
<p><strong>${p.t(`voiceFeedback.questions.${form.kind}`)}</strong></p>
<label for="subject">${p.t('voiceFeedback.subject')}</label><select id="subject" name="subject">${subjectOptions(p, data, form.subject)}</select>
<label for="touchpoint">${p.t('voiceFeedback.touchpoint')}</label>
<input type="text" id="touchpoint" name="touchpoint" maxlength="200" value="${escapeHtml(form.touchpoint)}" placeholder="${p.t('voiceFeedback.touchpointHint')}">
${scaleFields(p, form.kind, form.score)}${commentField(p, form.comment)}
<button class="primary" type="submit">${p.t('voiceFeedback.send')}</button></form></div>
${renderPast(p, data.past)}`;
  return portalPage(p, {
    title: raw(p, 'voiceFeedback.title'),
    section: 'feedback',
    main: withStyle(main),
    selfHref: `${self}?kind=${form.kind}`,
    ...opts,
  });
}

const kindOf = (value: unknown): FeedbackKind => {
  const v = formText(value);
  return (FEEDBACK_KINDS as readonly string[]).includes(v) ? (v as FeedbackKind) : 'csat';
};

/** The subject of the form: the select's `promise:<id>`/`team:<id>`, or a named touchpoint. */
function subjectOf(p: Portal, form: FeedbackForm): { subjectType?: 'promise' | 'team' | 'touchpoint'; subjectId?: string } {
  const touchpoint = form.touchpoint.trim();
  if (form.subject === 'touchpoint' || (form.subject === '' && touchpoint)) {
    if (!touchpoint) throw invalidField('touchpoint', 'required', raw(p, 'voiceFeedback.touchpointRequired'));
    if (touchpoint.length > 200) throw invalidField('touchpoint', 'too_long', 'at most 200 characters', { maximum: 200 });
    return { subjectType: 'touchpoint', subjectId: touchpoint };
  }
  const m = /^(promise|team):(.{1,64})$/.exec(form.subject);
  if (m) return { subjectType: m[1] as 'promise' | 'team', subjectId: m[2] };
  if (form.subject !== '') throw invalidField('subject', 'not_found', 'not a subject of this organization', { entity: 'subject' });
  return {};
}

export function registerPortalFeedback(app: FastifyInstance, deps: AppDeps): void {
  app.get('/c/:org/s/:key', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return reply;
    const survey = await findActiveSurvey(deps.db, p.org.id, (req.params as { key: string }).key);
    if (!survey) return surveyNotFound(p, reply);
    return sendHtml(reply, 200, surveyPage(p, survey, { score: null, comment: '' }));
  });

  app.post('/c/:org/s/:key', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return reply;
    const survey = await findActiveSurvey(deps.db, p.org.id, (req.params as { key: string }).key);
    if (!survey) return surveyNotFound(p, reply);
    const body = (req.body ?? {}) as Record<string, unknown>;
    const comment = formText(body.comment).slice(0, 4000);
    const rawScore = formText(body.score);
    const kept = Number.isInteger(Number(rawScore)) && rawScore !== '' ? Number(rawScore) : null;
    const ok = await portalWrite(
      p,
      reply,
      (error) => surveyPage(p, survey, { score: kept, comment }, error),
      async () => {
        const score = postedScore(survey.kind, rawScore);
        if (score === null && comment.trim() === '')
          throw invalidField('score', 'one_of', raw(p, 'voiceFeedback.scoreOrComment'), { fields: ['score', 'comment'] });
        // A public link is open to anyone: one person (client, or address) answers it at most 3 times a day.
        const who = p.client ? `client:${p.client.id}` : `ip:${p.ip}`;
        await hitRateLimit(deps.db, [`survey:${survey.id}:${who}`], SURVEY_ANSWERS_PER_DAY, LONGEST_WINDOW_MS, p.now);
        await answerSurvey(portalContext(p), survey.public_key, { score, comment }, p.client?.id ?? null);
      },
    );
    if (!ok) return reply;
    const main = `<div class="card"><h2>${p.t('voiceFeedback.thanksTitle')}</h2><p>${p.t('voiceFeedback.thanksText')}</p>
<p><a class="button" href="${p.base}">${p.t('voiceFeedback.backToPortal')}</a></p></div>`;
    return sendHtml(reply, 200, portalPage(p, { title: raw(p, 'voiceFeedback.thanksTitle'), section: 'feedback', main }));
  });

  app.get('/c/:org/feedback', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return reply;
    const query = (req.query ?? {}) as Record<string, unknown>;
    const form: FeedbackForm = {
      kind: kindOf(query.kind),
      score: null,
      comment: '',
      subject: formText(query.subject).slice(0, 100),
      touchpoint: '',
    };
    const notice = query.sent === '1' && p.client ? raw(p, 'voiceFeedback.sent') : undefined;
    return sendHtml(reply, 200, feedbackPage(p, form, await loadFeedbackData(p), { notice }));
  });

  app.post('/c/:org/feedback', async (req, reply) => {
    const p = await openPortal(deps, req, reply);
    if (!p) return reply;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const kind = kindOf(body.kind);
    const rawScore = formText(body.score);
    const form: FeedbackForm = {
      kind,
      score: Number.isInteger(Number(rawScore)) && rawScore !== '' ? Number(rawScore) : null,
      comment: formText(body.comment).slice(0, 4000),
      subject: formText(body.subject).slice(0, 100),
      touchpoint: formText(body.touchpoint).slice(0, 200),
    };
    const data = await loadFeedbackData(p);
    if (!p.client) return sendHtml(reply, 401, feedbackPage(p, form, data));
    const client = p.client;
    const ok = await portalWrite(
      p,
      reply,
      (error) => feedbackPage(p, form, data, { error }),
      async () => {
        const score = postedScore(kind, rawScore);
        if (score === null && form.comment.trim() === '')
          throw invalidField('score', 'one_of', raw(p, 'voiceFeedback.scoreOrComment'), { fields: ['score', 'comment'] });
        await giveFeedback(portalContext(p), client.id, { kind, score, comment: form.comment.trim(), ...subjectOf(p, form) });
      },
    );
    if (!ok) return reply;
    return reply.redirect(`${p.base}/feedback?kind=${kind}&sent=1`, 303);
  });
}
