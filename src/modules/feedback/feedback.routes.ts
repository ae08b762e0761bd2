import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage } from '../common.schema.js';
import { exportRoute } from '../exports/export.route.js';
import {
  ZFeedback,
  ZFeedbackInput,
  ZFeedbackQuery,
  ZReply,
  ZSummary,
  ZSummaryQuery,
  ZSurvey,
  ZSurveyInput,
  ZSurveyPatch,
  ZSurveyQuery,
  ZTrend,
  ZTrendQuery,
  ZTriage,
} from './feedback.schema.js';
import {
  createFeedback,
  feedbackSummary,
  feedbackTrendOf,
  getFeedback,
  listFeedback,
  replyToFeedback,
  triageFeedback,
} from './feedback.service.js';
import { feedbackTable } from './feedback.table.js';
import { createSurvey, listSurveys, updateSurvey } from './survey.service.js';

/** Client feedback (NPS, CSAT, CES): responses, figures, trends, triage, answers and surveys. */
export function registerFeedbackRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  const tag = 'feedback';
  const read = { tag, auth: 'org' as const, permission: 'voice:read' as const };
  const write = { tag, auth: 'org' as const, permission: 'voice:write' as const };
  const manage = { tag, auth: 'org' as const, permission: 'voice:manage' as const };
  const publicUrl = r.deps.config.publicUrl;

  r.add({
    tag,
    auth: 'org',
    permission: 'feedback:write',
    method: 'POST',
    operationId: 'createFeedback',
    url: `${base}/feedback`,
    status: 201,
    summary: 'Record a response (NPS 0–10, CSAT 1–5, CES 1–7) about a promise, a team or a touchpoint; for importing from other tools',
    params: ZOrgParams,
    body: ZFeedbackInput,
    response: ZFeedback,
    handler: async ({ ctx, body }) => createFeedback(ctx, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listFeedback',
    url: `${base}/feedback`,
    summary: 'Responses, newest first, by kind, subject, client, dates and triage',
    params: ZOrgParams,
    query: ZFeedbackQuery,
    response: ZPage(ZFeedback),
    handler: async ({ ctx, query }) => listFeedback(ctx, query),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getFeedbackSummary',
    url: `${base}/feedback/summary`,
    summary: 'NPS = (promoters − detractors) ÷ answered × 100, CSAT = % of 4–5, CES = mean, with n, over a date range and subject',
    params: ZOrgParams,
    query: ZSummaryQuery,
    response: ZSummary,
    handler: async ({ ctx, query }) => feedbackSummary(ctx, query),
  });
  r.add(
    exportRoute({
      ...read,
      url: `${base}/feedback/summary/export`,
      operationId: 'exportFeedbackSummary',
      summary: 'NPS, CSAT and CES with their n over a date range and subject, to download',
      params: ZOrgParams,
      filters: ZSummaryQuery.omit({ kind: true }).shape,
      build: (ctx, _params, query, locale) => feedbackTable(ctx, query, locale),
    }),
  );
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getFeedbackTrend',
    url: `${base}/feedback/trend`,
    summary: 'The figure per week or month in the organization’s time zone (last 12 months or 26 weeks unless from is given)',
    params: ZOrgParams,
    query: ZTrendQuery,
    response: ZTrend,
    handler: async ({ ctx, query }) => feedbackTrendOf(ctx, query),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getFeedback',
    url: `${base}/feedback/:feedbackId`,
    summary: 'One response with its pain and answer',
    params: orgParamsWith('feedbackId'),
    response: ZFeedback,
    handler: async ({ ctx, params }) => getFeedback(ctx, params.feedbackId),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'triageFeedback',
    url: `${base}/feedback/:feedbackId/triage`,
    summary:
      'Tag the response to a pain of a segment (it becomes evidence of that pain), or to a new pain created with it (newPain); painId null removes the tag',
    params: orgParamsWith('feedbackId'),
    body: ZTriage,
    response: ZFeedback,
    handler: async ({ ctx, params, body }) =>
      triageFeedback(ctx, params.feedbackId, body.newPain ? { newPain: body.newPain, painId: body.painId ?? null } : (body.painId ?? null)),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'replyToFeedback',
    url: `${base}/feedback/:feedbackId/reply`,
    summary: 'Answer the client: shown in their portal and e-mailed when they have an address',
    params: orgParamsWith('feedbackId'),
    body: ZReply,
    response: ZFeedback,
    handler: async ({ ctx, params, body }) => replyToFeedback(ctx, params.feedbackId, body.text, publicUrl),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listSurveys',
    url: `${base}/surveys`,
    summary: 'Surveys with their public links and response counts',
    params: ZOrgParams,
    query: ZSurveyQuery,
    response: ZPage(ZSurvey),
    handler: async ({ ctx, query }) => listSurveys(ctx, query, publicUrl),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'createSurvey',
    url: `${base}/surveys`,
    status: 201,
    summary: 'A one-question survey (nps, csat or ces) with an optional subject and a public link /c/{org}/s/{key}',
    params: ZOrgParams,
    body: ZSurveyInput,
    response: ZSurvey,
    handler: async ({ ctx, body }) => createSurvey(ctx, body, publicUrl),
  });
  r.add({
    ...manage,
    method: 'PATCH',
    operationId: 'updateSurvey',
    url: `${base}/surveys/:surveyId`,
    summary: 'Change a survey’s question or deactivate its public link (active: false)',
    params: orgParamsWith('surveyId'),
    body: ZSurveyPatch,
    response: ZSurvey,
    handler: async ({ ctx, params, body }) => updateSurvey(ctx, params.surveyId, body, publicUrl),
  });
}
