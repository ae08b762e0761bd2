import { z } from 'zod';
import { AppError, fieldError } from '../../core/errors.js';
import type { Principal } from '../../http/auth.js';
import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZOrgParams, ZPage, ZPageQuery, ZTime } from '../common.schema.js';
import type { OrgContext } from '../context.js';
import { exportRoute } from '../exports/export.route.js';
import { pageInMemory } from '../list.js';
import { roleCan, scopesAllow } from '../permissions.js';
import { mergeProposal } from './merge.service.js';
import { listModeration, resolveReports } from './moderation.service.js';
import {
  ZChangeStatus,
  ZCreateProposal,
  ZLinkImplementation,
  ZMergeProposal,
  ZModerationItem,
  ZProposal,
  ZProposalQuery,
  ZResolveReports,
} from './proposal.schema.js';
import { changeProposalStatus, createProposal, getProposal, linkImplementation, listProposals } from './proposal.service.js';
import { proposalsTable } from './proposal.table.js';
import { SIMILAR_MAX, similarProposals, ZSimilarProposals, ZSimilarQuery } from './similar.service.js';

/** Hidden proposals are listed only to those who moderate: the council and admins, or a token with voice:manage. */
function requireModerator(ctx: OrgContext, principal: Principal | null): void {
  const allowed = ctx.role
    ? roleCan(ctx.role, 'voice:manage')
    : principal?.kind === 'token' && scopesAllow(principal.scopes, 'voice:manage');
  if (!allowed)
    throw new AppError('forbidden', 'hidden: listing proposals hidden for moderation needs voice:manage', [
      fieldError('hidden', 'not_allowed', 'needs voice:manage', { permission: 'voice:manage' }),
    ]);
}

/** Client proposals (staff side) and the moderation queue. */
export function registerProposalRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  const read = { tag: 'proposals', auth: 'org' as const, permission: 'voice:read' as const };
  const write = { tag: 'proposals', auth: 'org' as const, permission: 'voice:write' as const };
  const manage = { tag: 'proposals', auth: 'org' as const, permission: 'voice:manage' as const };

  r.add({
    ...read,
    method: 'GET',
    operationId: 'listProposals',
    url: `${base}/proposals`,
    summary: 'Proposals, most supported, newest or trending first, paged by cursor; merged and hidden ones only when asked for',
    params: ZOrgParams,
    query: ZProposalQuery,
    response: ZPage(ZProposal),
    handler: async ({ ctx, query, principal }) => {
      if (query.hidden !== 'exclude') requireModerator(ctx, principal);
      return listProposals(ctx, query);
    },
  });
  r.add(
    exportRoute({
      ...read,
      url: `${base}/proposals/export`,
      operationId: 'exportProposals',
      summary: 'Every proposal of the list (all pages, hidden ones left out) with supports, threshold and the owed answer',
      params: ZOrgParams,
      filters: ZProposalQuery.omit({ cursor: true, limit: true, hidden: true }).shape,
      build: (ctx, _params, query, locale) => proposalsTable(ctx, query, locale),
    }),
  );
  r.add({
    ...read,
    method: 'GET',
    operationId: 'listSimilarProposals',
    url: `${base}/proposals/similar`,
    summary:
      'Open proposals like a text (title and body, Russian or English), best first: to show before a new one is submitted; compares the newest 300',
    params: ZOrgParams,
    query: ZSimilarQuery,
    response: ZSimilarProposals,
    handler: async ({ ctx, query }) => {
      const { items, compared } = await similarProposals(ctx.db, ctx.org.id, [query.text], SIMILAR_MAX);
      return { ...pageInMemory(items, query), compared };
    },
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'createProposal',
    url: `${base}/proposals`,
    status: 201,
    summary: 'Make a proposal as staff; the threshold in force now is kept with it',
    params: ZOrgParams,
    body: ZCreateProposal,
    response: ZProposal,
    handler: async ({ ctx, body }) => createProposal(ctx, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getProposal',
    url: `${base}/proposals/:proposalId`,
    summary: 'One proposal: supports, the owed answer and its due time, the answer, and what implements it',
    params: orgParamsWith('proposalId'),
    response: ZProposal,
    handler: async ({ ctx, params }) => getProposal(ctx, params.proposalId),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'setProposalStatus',
    url: `${base}/proposals/:proposalId/status`,
    summary: 'Move a proposal to under consideration, or answer it: accepted or declined, with the answer (required)',
    params: orgParamsWith('proposalId'),
    body: ZChangeStatus,
    response: ZProposal,
    handler: async ({ ctx, params, body }) => changeProposalStatus(ctx, params.proposalId, body),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'markProposalImplemented',
    url: `${base}/proposals/:proposalId/implementation`,
    summary: 'Mark an accepted proposal implemented, linked to the promise, experiment or decision that implements it',
    params: orgParamsWith('proposalId'),
    body: ZLinkImplementation,
    response: ZProposal,
    handler: async ({ ctx, params, body }) => linkImplementation(ctx, params.proposalId, body),
  });
  r.add({
    ...write,
    method: 'POST',
    operationId: 'mergeProposal',
    url: `${base}/proposals/:proposalId/merge`,
    summary: 'Merge this duplicate into another proposal: its supports move there, each client counted once; answers the survivor',
    params: orgParamsWith('proposalId'),
    body: ZMergeProposal,
    response: ZProposal,
    handler: async ({ ctx, params, body }) => mergeProposal(ctx, params.proposalId, body.intoId),
  });
  r.add({
    ...manage,
    method: 'GET',
    operationId: 'listModerationQueue',
    url: `${base}/moderation`,
    summary: 'The moderation queue: open reports grouped by the proposal or feedback they report',
    params: ZOrgParams,
    query: ZPageQuery,
    response: ZPage(ZModerationItem),
    handler: async ({ ctx, query }) => listModeration(ctx, query),
  });
  r.add({
    ...manage,
    method: 'POST',
    operationId: 'resolveReports',
    url: `${base}/moderation/:subjectId/resolve`,
    summary: 'Close the open reports of a proposal or feedback: kept shows it again, removed keeps it hidden',
    params: orgParamsWith('subjectId'),
    body: ZResolveReports,
    response: z.object({
      id: z.string(),
      subjectType: z.enum(['proposal', 'feedback']),
      resolution: z.enum(['kept', 'removed']),
      hiddenAt: ZTime.nullable(),
    }),
    handler: async ({ ctx, params, body }) => resolveReports(ctx, params.subjectId, body),
  });
}
