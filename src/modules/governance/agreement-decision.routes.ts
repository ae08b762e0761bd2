import { z } from 'zod';
import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { pageInMemory } from '../list.js';
import {
  ZAgreement,
  ZAgreementQuery,
  ZCreateAgreement,
  ZCreateAgreementReview,
  ZCreateReview,
  ZReview,
  ZUpdateAgreement,
} from './agreement.schema.js';
import { agreementReviews, createAgreement, getAgreement, listAgreements, reviewAgreement, updateAgreement } from './agreement.service.js';
import { ZCreateDecision, ZDecide, ZDecision, ZDecisionQuery, ZGiveAdvice, ZUpdateDecision, ZWithdrawDecision } from './decision.schema.js';
import { createDecision, getDecision, listDecisions } from './decision.service.js';
import { updateDecision, withdrawDecision } from './decision-change.service.js';
import { decisionReviews, giveAdvice, reviewDecision, takeDecision } from './decision-process.service.js';
import { dueForReview } from './due.service.js';

/** Agreements (S3 records) and decisions by the advice process, with their reviews. */
export function registerAgreementDecisionRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  const read = { tag: 'governance', auth: 'org' as const, permission: 'governance:read' as const };
  const take = { tag: 'governance', auth: 'org' as const, permission: 'governance:participate' as const };

  r.add({
    ...read,
    method: 'GET',
    operationId: 'listAgreements',
    url: `${base}/agreements`,
    summary: 'Agreements, by team, status, or due for review (in the organization’s time zone)',
    params: ZOrgParams,
    query: ZAgreementQuery,
    response: ZPage(ZAgreement),
    handler: async ({ ctx, query }) => pageInMemory(await listAgreements(ctx, query), query),
  });
  r.add({
    ...take,
    method: 'POST',
    operationId: 'createAgreement',
    url: `${base}/agreements`,
    status: 201,
    summary: 'Record an agreement owned by a team or a role (its members, an admin or the council)',
    params: ZOrgParams,
    body: ZCreateAgreement,
    response: ZAgreement,
    handler: async ({ ctx, body }) => createAgreement(ctx, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getAgreement',
    url: `${base}/agreements/:agreementId`,
    summary: 'One agreement with its last review',
    params: orgParamsWith('agreementId'),
    response: ZAgreement,
    handler: async ({ ctx, params }) => getAgreement(ctx, params.agreementId),
  });
  r.add({
    ...take,
    method: 'PATCH',
    operationId: 'updateAgreement',
    url: `${base}/agreements/:agreementId`,
    summary: 'Change an agreement’s wording, review date or status',
    params: orgParamsWith('agreementId'),
    body: ZUpdateAgreement,
    response: ZAgreement,
    handler: async ({ ctx, params, body }) => updateAgreement(ctx, params.agreementId, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listAgreementReviews',
    url: `${base}/agreements/:agreementId/reviews`,
    summary: 'Reviews of an agreement, oldest first',
    params: orgParamsWith('agreementId'),
    query: ZPageQuery,
    response: ZPage(ZReview),
    handler: async ({ ctx, params, query }) => pageInMemory(await agreementReviews(ctx, params.agreementId), query),
  });
  r.add({
    ...take,
    method: 'POST',
    operationId: 'reviewAgreement',
    url: `${base}/agreements/:agreementId/reviews`,
    status: 201,
    summary: 'Review an agreement: record the outcome and the next review date, or retire it',
    params: orgParamsWith('agreementId'),
    body: ZCreateAgreementReview,
    response: ZReview,
    handler: async ({ ctx, params, body }) => reviewAgreement(ctx, params.agreementId, body),
  });

  r.add({
    ...read,
    method: 'GET',
    operationId: 'listDecisions',
    url: `${base}/decisions`,
    summary: 'Decisions, by team, step of the advice process, or due for review',
    params: ZOrgParams,
    query: ZDecisionQuery,
    response: ZPage(ZDecision),
    handler: async ({ ctx, query }) => listDecisions(ctx, query),
  });
  r.add({
    ...take,
    method: 'POST',
    operationId: 'createDecision',
    url: `${base}/decisions`,
    status: 201,
    summary: 'Open a decision under a right, with at least two options and the advice asked (advisers are notified)',
    params: ZOrgParams,
    body: ZCreateDecision,
    response: ZDecision,
    handler: async ({ ctx, body }) => createDecision(ctx, body, r.deps.config.publicUrl),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getDecision',
    url: `${base}/decisions/:decisionId`,
    summary: 'One decision: options, advice asked and received, and what the caller may do now',
    params: orgParamsWith('decisionId'),
    response: ZDecision,
    handler: async ({ ctx, params }) => getDecision(ctx, params.decisionId),
  });
  r.add({
    ...take,
    method: 'PATCH',
    operationId: 'updateDecision',
    url: `${base}/decisions/:decisionId`,
    summary:
      'Change an open decision (wording, options while no advice is in and no client poll asks about them, amount, advice deadline), or any decision’s review date',
    params: orgParamsWith('decisionId'),
    body: ZUpdateDecision,
    response: ZDecision,
    handler: async ({ ctx, params, body }) => updateDecision(ctx, params.decisionId, body, r.deps.config.publicUrl),
  });
  r.add({
    ...take,
    method: 'POST',
    operationId: 'giveDecisionAdvice',
    url: `${base}/decisions/:decisionId/advice`,
    summary: 'Give advice on a decision the caller was asked about (personally or through a team)',
    params: orgParamsWith('decisionId'),
    body: ZGiveAdvice,
    response: ZDecision,
    handler: async ({ ctx, params, body }) => giveAdvice(ctx, params.decisionId, body),
  });
  r.add({
    ...take,
    method: 'POST',
    operationId: 'withdrawDecision',
    url: `${base}/decisions/:decisionId/withdraw`,
    summary: 'Withdraw an open decision with a reason (it is not taken; those asked for advice are told)',
    params: orgParamsWith('decisionId'),
    body: ZWithdrawDecision,
    response: ZDecision,
    handler: async ({ ctx, params, body }) => withdrawDecision(ctx, params.decisionId, body.reason),
  });
  r.add({
    ...take,
    method: 'POST',
    operationId: 'makeDecision',
    url: `${base}/decisions/:decisionId/decide`,
    summary:
      'Take the decision: refused with too_few_options, decider_lacks_right, above_spending_cap, advice_pending or decision_already_taken; 409 conflict naming polls while a client poll runs; 422 naming clientRationale when going against a counted client poll',
    params: orgParamsWith('decisionId'),
    body: ZDecide,
    response: ZDecision,
    handler: async ({ ctx, params, body }) => takeDecision(ctx, params.decisionId, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listDecisionReviews',
    url: `${base}/decisions/:decisionId/reviews`,
    summary: 'Reviews of a decision, oldest first',
    params: orgParamsWith('decisionId'),
    query: ZPageQuery,
    response: ZPage(ZReview),
    handler: async ({ ctx, params, query }) => pageInMemory(await decisionReviews(ctx, params.decisionId), query),
  });
  r.add({
    ...take,
    method: 'POST',
    operationId: 'reviewDecision',
    url: `${base}/decisions/:decisionId/reviews`,
    status: 201,
    summary: 'Review a taken decision: keep or amend it with a next review date, or retire it',
    params: orgParamsWith('decisionId'),
    body: ZCreateReview,
    response: ZReview,
    handler: async ({ ctx, params, body }) => reviewDecision(ctx, params.decisionId, body),
  });

  r.add({
    ...read,
    method: 'GET',
    operationId: 'listDueReviews',
    url: `${base}/governance/due`,
    summary: 'Agreements and decisions due for review today in the organization’s time zone',
    params: ZOrgParams,
    response: z.object({ today: z.string(), agreements: z.array(ZAgreement), decisions: z.array(ZDecision) }),
    handler: async ({ ctx }) => dueForReview(ctx),
  });
}
