import type { Registrar } from '../../http/registrar.js';
import { orgParamsWith, ZPage, ZPageQuery } from '../common.schema.js';
import { exportRoute } from '../exports/export.route.js';
import { pageInMemory } from '../list.js';
import { ZCreatePoll, ZPoll } from './poll.schema.js';
import { closePoll, getPoll, listDecisionPolls, openPoll } from './poll.service.js';
import { pollTable } from './poll.table.js';

/**
 * Client polls on decisions. Whoever may change a decision (its team's members, an admin,
 * the council: governance:participate, checked team by team) opens and closes its polls; clients
 * vote in the portal.
 */
export function registerPollRoutes(r: Registrar): void {
  const base = '/api/v1/orgs/:org';
  const read = { tag: 'polls', auth: 'org' as const, permission: 'governance:read' as const };
  const take = { tag: 'polls', auth: 'org' as const, permission: 'governance:participate' as const };

  r.add({
    ...read,
    method: 'GET',
    operationId: 'listDecisionPolls',
    url: `${base}/decisions/:decisionId/polls`,
    summary: 'The client polls on a decision, oldest first, each with its running or final result',
    params: orgParamsWith('decisionId'),
    query: ZPageQuery,
    response: ZPage(ZPoll),
    handler: async ({ ctx, params, query }) => pageInMemory(await listDecisionPolls(ctx, params.decisionId), query),
  });
  r.add({
    ...take,
    method: 'POST',
    operationId: 'createPoll',
    url: `${base}/decisions/:decisionId/polls`,
    status: 201,
    summary:
      'Open a client poll on an open decision for one or more segments (its options then stay as they are; the decision waits for the poll to close)',
    params: orgParamsWith('decisionId'),
    body: ZCreatePoll,
    response: ZPoll,
    handler: async ({ ctx, params, body }) => openPoll(ctx, params.decisionId, body),
  });
  r.add({
    ...read,
    method: 'GET',
    operationId: 'getPoll',
    url: `${base}/polls/:pollId`,
    summary: 'One client poll with its result (staff see it while it runs, even when hidden from clients)',
    params: orgParamsWith('pollId'),
    response: ZPoll,
    handler: async ({ ctx, params }) => getPoll(ctx, params.pollId),
  });
  r.add(
    exportRoute({
      ...read,
      url: `${base}/polls/:pollId/export`,
      operationId: 'exportPoll',
      summary: 'A client poll’s result per option, to download',
      params: orgParamsWith('pollId'),
      build: (ctx, params, _query, locale) => pollTable(ctx, params.pollId, locale),
    }),
  );
  r.add({
    ...take,
    method: 'POST',
    operationId: 'closePoll',
    url: `${base}/polls/:pollId/close`,
    summary:
      'Close a client poll now, before its time: 409 conflict when it has closed already, 409 poll_quorum_not_reached while it has ballots but fewer than its quorum',
    params: orgParamsWith('pollId'),
    response: ZPoll,
    handler: async ({ ctx, params }) => closePoll(ctx, params.pollId),
  });
}
