/** Helpers shared by the sweeps over the OpenAPI operations. */
import type { Agent } from './agent.js';
import { type OrgFixture, unique } from './fixtures.js';
import { errorOf, type Response, show } from './harness.js';
import { createdKindOf, fillPath, idHints, nonNull, type Operation, paramValues, resourceOf, sampleOf } from './operations.js';

/** Ids of an organization's fixture by the kind a path parameter names (see `resourceOf`). */
export function idsOf(org: OrgFixture): Record<string, string> {
  return {
    organization: org.slug,
    team: org.team.id,
    otherTeam: org.otherTeam.id,
    client: org.client.id,
    invitation: org.invitation.id,
    token: org.token.id,
    membership: org.users.viewer.membershipId,
    // In a team path, the user is the team's member.
    user: org.users.member.id,
    member: org.users.member.id,
  };
}

/**
 * Bodies the generic sampler cannot make valid, by operation: a promise's promisee field depends on
 * its kind, and events need real instants near now.
 */
const KNOWN_BODIES: Record<string, (ids: Record<string, string>) => unknown> = {
  'POST /api/v1/orgs/{org}/promises': (ids) => ({
    title: `Sample promise ${unique()}`,
    statement: 'We answer every request within a working day',
    kind: 'client',
    promiserTeamId: ids.team,
    promiseeSegmentId: ids.segment,
    metric: { kind: 'ratio' },
    target: 0.95,
    window: { kind: 'rolling', days: 30 },
    // Whoever is not in the team (an admin, the council, a token) acts for it with a reason; a member's is ignored.
    override: { reason: 'Sample: acting for the team' },
  }),
  // An ordinary publish: the promise's declared backing stands. A sampled backing waiver is an admin's
  // alone and only for a client promise that declares none; its own tests are in promises.test.ts.
  'POST /api/v1/orgs/{org}/promises/{promiseId}/publish': () => ({ override: { reason: 'Sample: acting for the team' } }),
  'POST /api/v1/orgs/{org}/promise-requests': (ids) => ({
    fromTeamId: ids.team,
    toTeamId: ids.otherTeam,
    title: `Sample request ${unique()}`,
    statement: 'Please visit within two days',
    override: { reason: 'Sample: acting for the team' },
  }),
  // The proposed answering team accepts the answer promise (409 when none is proposed or it already accepted).
  'POST /api/v1/orgs/{org}/voice-settings/answer-team/accept': () => ({ override: { reason: 'Sample: acting for the team' } }),
  'POST /api/v1/orgs/{org}/promises/{promiseId}/events': () => ({
    events: [{ externalId: `sample-${unique()}`, occurredAt: new Date().toISOString(), good: true }],
  }),
  'POST /api/v1/orgs/{org}/promises/{promiseId}/events/{externalId}/void': () => ({ reason: 'Sent twice by the old integration' }),
  'POST /api/v1/orgs/{org}/periods/{period}/ledger': (ids) => ({ teamId: ids.team, kind: 'revenue', amountMinor: 150_000, note: 'Sample' }),
  'POST /api/v1/orgs/{org}/periods/{period}/ledger/import': (ids) => ({
    csv: `team,kind,amount,note\n${ids.team},revenue,1500.50,Sample\n`,
  }),
  'PUT /api/v1/orgs/{org}/periods/{period}/overhead-rule': () => ({ rule: 'per_capita' }),
  'PUT /api/v1/orgs/{org}/periods/{period}/teams/{teamId}/budget': () => ({ budgetMinor: 1_200_000_000, bonusFundMinor: 50_000_000 }),
  'POST /api/v1/orgs/{org}/periods/{period}/trades': (ids) => ({ sellerTeamId: ids.team, buyerTeamId: ids.otherTeam, amountMinor: 50_000 }),
  'PUT /api/v1/orgs/{org}/teams/{teamId}/split-rule': () => ({ rule: 'salary' }),
  // Every part of a segment's context is optional, but a body must name one.
  'PUT /api/v1/orgs/{org}/segments/{segmentId}/context': () => ({ situation: 'Renting while building', channels: 'Phone' }),
  // Points go to a teammate who is not the caller: roles.test puts `peer` in the fresh team.
  'PUT /api/v1/orgs/{org}/periods/{period}/teams/{teamId}/peer-points': (ids) => ({ points: { [ids.peer ?? ids.user ?? '']: 100 } }),
  // A member records their own hours alone; a salary is an admin's (403 for anyone else).
  'PUT /api/v1/orgs/{org}/periods/{period}/teams/{teamId}/members/{userId}': () => ({ hours: 160 }),
  'PUT /api/v1/orgs/{org}/decisions/{decisionId}/reserve-request': () => ({ fundingOption: 0, purpose: 'Sample pilot' }),
  'PUT /api/v1/orgs/{org}/voice-settings': (ids) => ({
    allowRegistration: true,
    requireConfirmedEmail: false,
    thresholdKind: 'count',
    thresholdValue: 10,
    responseDays: 14,
    answerTeamId: ids.team,
    hideAfterReports: 3,
  }),
  // A spreadsheet of one event with the API's own headers, so the mapping is guessed: near now, inside any window.
  'POST /api/v1/orgs/{org}/promises/{promiseId}/events/import': () => ({
    fileName: 'events.csv',
    contentBase64: Buffer.from(
      `externalId;occurredAt;good\nsweep-${unique()};${new Date(Date.now() - 3_600_000).toISOString()};1\n`,
    ).toString('base64'),
  }),
  'POST /api/v1/orgs/{org}/promises/{promiseId}/events/import/preview': () => ({
    fileName: 'events.csv',
    contentBase64: Buffer.from(
      `externalId;occurredAt;good\nsweep-${unique()};${new Date(Date.now() - 3_600_000).toISOString()};1\n`,
    ).toString('base64'),
  }),
  // Triage names an existing pain (or none); creating one instead is its own test.
  'POST /api/v1/orgs/{org}/feedback/{feedbackId}/triage': (ids) => ({ painId: ids.pain ?? null }),
  // A duplicate is merged into another proposal: roles.test makes `mergeInto` beside the fresh one.
  'POST /api/v1/orgs/{org}/proposals/{proposalId}/merge': (ids) => ({ intoId: ids.mergeInto ?? ids.proposal }),
  // Feedback and surveys name their subject by a type and an id: the fixture's team.
  'POST /api/v1/orgs/{org}/feedback': (ids) => ({
    kind: 'nps',
    score: 9,
    comment: 'Sample',
    subjectType: 'team',
    subjectId: ids.team,
    clientId: ids.client,
  }),
  'POST /api/v1/orgs/{org}/surveys': (ids) => ({
    kind: 'csat',
    question: 'How satisfied are you?',
    subjectType: 'team',
    subjectId: ids.team,
  }),
};

/** A valid-looking body for the operation, with the ids in it taken from `ids` (A person to add: the viewer). */
export function bodyFor(op: Operation, org: OrgFixture, ids: Record<string, string> = idsOf(org)): unknown {
  if (!op.body) return undefined;
  const known = KNOWN_BODIES[op.name];
  if (known) return known(ids);
  // Who grants depends on the caller's role (an admin for the organization, a council member as the
  // council): left out, each role gets its own default.
  return sampleOf(op.body, { ...idHints(ids), userId: org.users.viewer.id, onBehalfOf: undefined });
}

/** The POST that makes things of `kind`, when every parent it needs is in `ids`. */
function creatorOf(ops: Operation[], ids: Record<string, string>, kind: string): Operation | undefined {
  const op = ops.find((o) => createdKindOf(o) === kind);
  return op?.pathParams.every((p) => p === 'org' || ids[resourceOf(op.path, p)]) ? op : undefined;
}

/** True when every required `…Id` of the body has an id to take (`segmentId`, or a `subjectType` with one). */
function bodyReady(op: Operation, ids: Record<string, string>): boolean {
  const hints = idHints(ids);
  const properties = op.body?.properties ?? {};
  return (op.body?.required ?? [])
    .filter((name) => name.endsWith('Id'))
    .every((name) => {
      const kinds = nonNull(properties[`${name.slice(0, -2)}Type`] ?? {}).enum ?? [];
      return name in hints || kinds.some((k) => `${k}Id` in hints);
    });
}

/**
 * Makes one thing of `kind` through the API — with the POST that creates that kind, a sample body and
 * the parents in `ids` — and returns its id; undefined when no route makes it or the API refused.
 */
export async function createThroughApi(agent: Agent, ops: Operation[], org: OrgFixture, ids: Record<string, string>, kind: string) {
  const op = creatorOf(ops, ids, kind);
  if (!op) return undefined;
  const res = await callWith(agent, op, org.slug, ids, bodyFor(op, org, ids));
  const id = res.statusCode < 300 ? (res.json() as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id : undefined;
}

/**
 * Ids for every kind the API can make that the fixture lacks (kinds added by later modules), made
 * through the API once each, parents first, so the sweeps reach new routes' real rows without editing.
 */
export async function seedThroughApi(agent: Agent, ops: Operation[], org: OrgFixture): Promise<Record<string, string>> {
  const ids = idsOf(org);
  const pending = new Set(ops.map(createdKindOf).filter((k): k is string => k !== undefined && !ids[k]));
  // Kinds whose body names another kind wait for it, until nothing else can be made.
  for (let progress = true, strict = true; progress || strict; ) {
    if (!progress) strict = false;
    progress = false;
    for (const kind of pending) {
      const op = creatorOf(ops, ids, kind);
      if (!op || (strict && !bodyReady(op, ids))) continue;
      pending.delete(kind);
      progress = true;
      const id = await createThroughApi(agent, ops, org, ids, kind);
      if (id) ids[kind] = id;
    }
  }
  return ids;
}

/** The operation's required query parameters with sample values (`?text=…` of a search), as a query string. */
export function requiredQueryOf(op: Operation): string {
  const pairs = op.queryParams.filter((q) => q.required).map((q) => [q.name, String(sampleOf(q.schema, {}, q.name))]);
  return pairs.length ? `?${new URLSearchParams(pairs).toString()}` : '';
}

/** Calls the operation with the given path values, its required query parameters and its sample body. */
export function call(agent: Agent, op: Operation, values: Record<string, string>, body: unknown): Promise<Response> {
  return agent.request({ method: op.method, url: `${fillPath(op.path, values)}${requiredQueryOf(op)}`, body });
}

/** Calls the operation on `slug` with every other path parameter taken from `ids`. */
export function callWith(agent: Agent, op: Operation, slug: string, ids: Record<string, string>, body: unknown) {
  return call(agent, op, paramValues(op, slug, ids), body);
}

/**
 * Values of another tenant found in a response. `allowedInMessage` may appear in the error's
 * messages only (the caller's own input echoed back, such as the slug or id it asked for).
 */
export function leaksIn(res: Response, forbidden: string[], allowedInMessage: string[] = []): string[] {
  let messages: string[] = [];
  try {
    const error = errorOf(res);
    messages = [error.message, ...error.fields.map((f) => f.message)];
  } catch {
    // not an error body: every forbidden value counts wherever it is
  }
  const outside = messages.reduce((body, message) => body.replaceAll(JSON.stringify(message).slice(1, -1), ''), res.body);
  return forbidden.filter(
    (value) => outside.includes(value) || messages.some((message) => message.includes(value) && !allowedInMessage.includes(value)),
  );
}

/** One line per failed expectation, so a sweep reports every broken route at once. */
export class Problems {
  readonly list: string[] = [];

  add(what: string, res: Response, why: string): void {
    this.list.push(`${what}: ${why} — got ${show(res)}`);
  }
}

/** True when the response is an error of the given status(es) in the one error shape. */
export function isError(res: Response, statuses: number[], code?: string): boolean {
  if (!statuses.includes(res.statusCode)) return false;
  try {
    const error = errorOf(res);
    return code === undefined || error.code === code;
  } catch {
    return false;
  }
}

/** True when the error names the field, in its message or in a field path. */
export function namesField(res: Response, field: string): boolean {
  const error = errorOf(res);
  return error.fields.some((f) => f.path === field || f.path.startsWith(`${field}.`)) || error.message.includes(field);
}

/** Records a problem unless the answer is a 4xx (or exactly `status`) in the error shape; true when it is. */
export function expectError(problems: Problems, what: string, res: Response, status?: number, code?: string): boolean {
  const expected = status === undefined ? [400, 401, 403, 404, 409, 413, 415, 422, 429] : [status];
  if (!isError(res, expected, code)) {
    problems.add(what, res, `expected ${status ?? '4xx'}${code ? ` ${code}` : ''} in the error shape`);
    return false;
  }
  return true;
}
