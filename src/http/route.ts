import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type ZodType, z } from 'zod';
import type { Role } from '../core/access/permissions.js';
import { AppError } from '../core/errors.js';
import type { OrgContext } from '../modules/context.js';
import type { Permission } from '../modules/permissions.js';
import { toWire } from '../modules/wire.js';
import { authorizeOrg, type Principal, requireUser } from './auth.js';
import type { AppDeps } from './deps.js';
import { zodToAppError } from './errors.js';
import { refuseCrossSiteWrite } from './origin.js';

export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * `public`: anyone; `user`: a signed-in person (session cookie); `org`: a member of the `{org}` in
 * the path, or an API token of that organization, holding `permission`.
 */
export type RouteAuth = 'public' | 'user' | 'org';

export interface HandlerInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  req: FastifyRequest;
  reply: FastifyReply;
  /** Present for `org` routes. */
  ctx: OrgContext;
  /** Present for `user` and `org` routes signed in with a session. */
  principal: Principal | null;
}

export interface RouteSpec<P extends ZodType, Q extends ZodType, B extends ZodType, R extends ZodType> {
  method: Method;
  /**
   * The operation's name in the OpenAPI document and in clients generated from it, as a person
   * would write it: camelCase, a verb first (`listTeams`, `ingestPromiseEvents`), unique.
   */
  operationId: string;
  /** Fastify path syntax, each parameter named for what it identifies, e.g. `/api/v1/orgs/:org/teams/:teamId`. */
  url: string;
  summary: string;
  tag: string;
  auth: RouteAuth;
  permission?: Permission;
  /**
   * People of these roles only, on top of `permission` (tokens still go by their scopes): for an act
   * the role table grants more widely than it may be done, e.g. voiding an event (admins, not the
   * team whose figures it changes). Listed in the OpenAPI document as `x-roles`.
   */
  roles?: readonly Role[];
  params?: P;
  query?: Q;
  body?: B;
  /**
   * The body as the OpenAPI document describes it, when the route validates less than that up front:
   * a batch checks only its envelope and judges each item on its own, answering per item.
   */
  documentedBody?: ZodType;
  /** Media types the body may come in besides JSON (a content-type parser turns them into the JSON shape), e.g. `text/csv`. */
  bodyMediaTypes?: string[];
  response?: R;
  /** Media type of a non-JSON success answer (the handler sends it), e.g. `image/svg+xml`. */
  contentType?: string;
  /** Success status: 200 by default. 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  /** Largest request body in bytes when this route needs more than the server's default (batches of events). */
  bodyLimit?: number;
  /** Extra OpenAPI response descriptions, e.g. `{ 302: 'redirect' }`. */
  /**
   * Answers in the server's own terms (`z.output`: instants as epoch milliseconds); the route layer
   * writes it on the wire through the response schema (`toWire`: instants as ISO strings).
   */
  handler(input: HandlerInput<z.output<P>, z.output<Q>, z.output<B>>): Promise<z.output<R> | undefined>;
}

// biome-ignore lint/suspicious/noExplicitAny: the registry holds routes of every shape
export type AnyRoute = RouteSpec<any, any, any, any>;

const EMPTY = z.object({});

/** Parses one part of a request, turning zod issues into a `validation_failed` naming each field. */
function parsePart<S extends ZodType>(schema: S | undefined, value: unknown, where: string): z.output<S> {
  if (!schema) return {} as z.output<S>;
  const result = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (!result.success) throw zodToAppError(result.error, where);
  return result.data;
}

/** Registers a route on Fastify and in the registry the OpenAPI document is generated from. */
export function addRoute<P extends ZodType, Q extends ZodType, B extends ZodType, R extends ZodType>(
  app: FastifyInstance,
  deps: AppDeps,
  registry: AnyRoute[],
  spec: RouteSpec<P, Q, B, R>,
): void {
  if (spec.auth === 'org' && !spec.permission) throw new Error(`route ${spec.url} needs a permission`);
  registry.push(spec);
  app.route({
    method: spec.method,
    url: spec.url,
    ...(spec.bodyLimit !== undefined && { bodyLimit: Math.max(spec.bodyLimit, deps.config.bodyLimit) }),
    handler: async (req, reply) => {
      let principal: Principal | null = null;
      let ctx = undefined as unknown as OrgContext;
      const now = Date.now();
      refuseCrossSiteWrite(req, deps.config.publicUrl);
      if (spec.auth === 'user') {
        principal = await requireUser(deps, req, now);
      } else if (spec.auth === 'org') {
        const slug = (req.params as Record<string, unknown>).org;
        const result = await authorizeOrg(deps, req, String(slug ?? ''), spec.permission as Permission, now);
        principal = result.principal;
        ctx = result.ctx;
        if (spec.roles && ctx.role !== undefined && !spec.roles.includes(ctx.role))
          throw new AppError('forbidden', `only ${spec.roles.join(', ')} may do this (the role ${ctx.role} may not)`);
      }
      const params = parsePart(spec.params ?? EMPTY, req.params, 'path') as z.output<P>;
      const query = parsePart(spec.query ?? EMPTY, req.query, 'query') as z.output<Q>;
      const body = (spec.body ? parsePart(spec.body, req.body, 'body') : undefined) as z.output<B>;
      const result = await spec.handler({ params, query, body, req, reply, ctx, principal });
      if (reply.sent) return reply;
      const status = spec.status ?? 200;
      if (status === 204) return reply.status(204).send();
      if (spec.response && !spec.contentType && result !== undefined) return reply.status(status).send(toWire(spec.response, result));
      return reply.status(status).send(result ?? {});
    },
  });
}

/** Throws `not_found` unless the value is present: keeps handlers one line. */
export function must<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new AppError('not_found', `${what} not found`);
  return value;
}
