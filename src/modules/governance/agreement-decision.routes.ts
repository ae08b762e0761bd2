import { z } from 'zod';
import type { Registrar } from '../../http/registrar.js';
import { ZOrgIdParams, ZOrgParams, ZPage, ZPageQuery } from '../common.schema.js';
import { pageInMemory } from '../list.js';
import { ZAgreement, ZAgreementQuery, ZCreateAgreement, ZCreateReview, ZReview, ZUpdateAgreement } from './agreement.schema.js';
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
    url: `${base}/agreements/:id`,
    summary: 'One agreement with its last review',
    params: ZOrgIdParams,
    response: ZAgreement,
    handler: async ({ ctx, params }) => getAgreement(ctx, params.id),
  });
  r.add({
    ...take,
    method: 'PATCH',
    url: `${base}/agreements/:id`,
    summary: 'Change an agreement’s wording, review date or status',
    params: ZOrgIdParams,
    body: ZUpdateAgreement,
    response: ZAgreement,
    handler: async ({ ctx, params, body }) => updateAgreement(ctx, params.id, body),
  });
  r.add({
    ...read,
    method: 'GET',
    url: `${base}/agreements/:id/reviews`,
    summary: 'Reviews of an agreement, oldest first',
    params: ZOrgIdParams,
    query: ZPageQuery,
    response: ZPage(ZReview),
    handler: async ({ ctx, params, query }) => pageInMemory(await agreementReviews(ctx, params.id), query),
  });
  r.add({
    ...take,
    method: 'POST',
    url: `${base}/agreements/:id/reviews`,
    status: 201,
    summary: 'Review an agreement: record the outcome and the next review date, or retire it',
    params: ZOrgIdParams,
    body: ZCreateReview,
    response: ZReview,
    handler: async ({ ctx, params, body }) => reviewAgreement(ctx, params.id, body),
  });

  r.add({
    ...read,
    method: 'GET',
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
    url: `${base}/decisions`,
    status: 201,
    summary: 'Open a decision under a right, with at least two options and the advice asked (advisers are notified)',
    params: ZOrgParams,
    body: ZCreateDecision,
    response: ZDecision,
    handler: async ({ ctx, body }) => createDecision(ctx, body),
  });
  r.add({
    ...read,
    method: 'GET',
    url: `${base}/decisions/:id`,
    summary: 'One decision: options, advice asked and received, and what the caller may do now',
    params: ZOrgIdParams,
    response: ZDecision,
    handler: async ({ ctx, params }) => getDecision(ctx, params.id),
  });
  r.add({
    ...take,
    method: 'PATCH',
    url: `${base}/decisions/:id`,
    summary:
      'Change an open decision (wording, options while no advice is in and no client poll asks about them, amount, advice deadline), or any decision’s review date',
    params: ZOrgIdParams,
    body: ZUpdateDecision,
    response: ZDecision,
    handler: async ({ ctx, params, body }) => updateDecision(ctx, params.id, body),
  });
  r.add({
    ...take,
    method: 'POST',
    url: `${base}/decisions/:id/advice`,
    summary: 'Give advice on a decision the caller was asked about (personally or through a team)',
    params: ZOrgIdParams,
    body: ZGiveAdvice,
    response: ZDecision,
    handler: async ({ ctx, params, body }) => giveAdvice(ctx, params.id, body),
  });
  r.add({
    ...take,
    method: 'POST',
    url: `${base}/decisions/:id/withdraw`,
    summary: 'Withdraw an open decision with a reason (it is not taken; those asked for advice are told)',
    params: ZOrgIdParams,
    body: ZWithdrawDecision,
    response: ZDecision,
    handler: async ({ ctx, params, body }) => withdrawDecision(ctx, params.id, body.reason),
  });
  r.add({
    ...take,
    method: 'POST',
    url: `${base}/decisions/:id/decide`,
    summary:
      'Take the decision: refused with too_few_options, decider_lacks_right, above_spending_cap, advice_pending or decision_already_taken; 409 conflict naming polls while a client poll runs; 422 naming clientRationale when going against a counted client poll',
    params: ZOrgIdParams,
    body: ZDecide,
    response: ZDecision,
    handler: async ({ ctx, params, body }) => takeDecision(ctx, params.id, body),
  });
  r.add({
    ...read,
    method: 'GET',
    url: `${base}/decisions/:id/reviews`,
    summary: 'Reviews of a decision, oldest first',
    params: ZOrgIdParams,
    query: ZPageQuery,
    response: ZPage(ZReview),
    handler: async ({ ctx, params, query }) => pageInMemory(await decisionReviews(ctx, params.id), query),
  });
  r.add({
    ...take,
    method: 'POST',
    url: `${base}/decisions/:id/reviews`,
    status: 201,
    summary: 'Review a taken decision: keep or amend it with a next review date, or retire it',
    params: ZOrgIdParams,
    body: ZCreateReview,
    response: ZReview,
    handler: async ({ ctx, params, body }) => reviewDecision(ctx, params.id, body),
  });

  r.add({
    ...read,
    method: 'GET',
    url: `${base}/governance/due`,
    summary: 'Agreements and decisions due for review today in the organization’s time zone',
    params: ZOrgParams,
    response: z.object({ today: z.string(), agreements: z.array(ZAgreement), decisions: z.array(ZDecision) }),
    handler: async ({ ctx }) => dueForReview(ctx),
  });
}
