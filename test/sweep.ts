/** Helpers shared by the sweeps over the OpenAPI operations. */
import type { Agent } from './agent.js';
import type { OrgFixture } from './fixtures.js';
import { errorOf, type Response, show } from './harness.js';
import { fillPath, type Operation, paramValues, sampleOf } from './operations.js';

/** Ids of an organization's fixture by the resource kind a path parameter names. */
export function idsOf(org: OrgFixture): Record<string, string> {
  return {
    organizations: org.slug,
    teams: org.team.id,
    clients: org.client.id,
    invitations: org.invitation.id,
    tokens: org.token.id,
    memberships: org.users.viewer.membershipId,
    // In a team path, the user is the team's member.
    users: org.users.member.id,
    members: org.users.member.id,
  };
}

/** A valid-looking body for the operation, with ids in it taken from `org`. */
export function bodyFor(op: Operation, org: OrgFixture): unknown {
  if (!op.body) return undefined;
  return sampleOf(op.body, { userId: org.users.viewer.id });
}

/** Calls the operation with the given path values and its sample body. */
export function call(agent: Agent, op: Operation, values: Record<string, string>, body: unknown): Promise<Response> {
  return agent.request({ method: op.method, url: fillPath(op.path, values), body });
}

/** Calls the operation on `slug` with every other path parameter taken from `ids`. */
export function callWith(agent: Agent, op: Operation, slug: string, ids: Record<string, string>, body: unknown) {
  return call(agent, op, paramValues(op, slug, ids), body);
}

/**
 * Values of another tenant found in a response. `allowedInMessage` may appear in the error message
 * only (the caller's own input echoed back, such as the slug or id it asked for).
 */
export function leaksIn(res: Response, forbidden: string[], allowedInMessage: string[] = []): string[] {
  let message = '';
  try {
    message = errorOf(res).message;
  } catch {
    // not an error body: every forbidden value counts wherever it is
  }
  const outside = message ? res.body.replace(JSON.stringify(message).slice(1, -1), '') : res.body;
  return forbidden.filter((value) => outside.includes(value) || (message.includes(value) && !allowedInMessage.includes(value)));
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
