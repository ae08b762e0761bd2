import type { FastifyInstance } from 'fastify';
import type { ZodType } from 'zod';
import type { AppDeps } from './deps.js';
import { type AnyRoute, addRoute, type RouteSpec } from './route.js';

/** What a module's `register…Routes` receives: add routes, read the dependencies. */
export class Registrar {
  readonly routes: AnyRoute[] = [];

  constructor(
    readonly app: FastifyInstance,
    readonly deps: AppDeps,
  ) {}

  add<P extends ZodType, Q extends ZodType, B extends ZodType, R extends ZodType>(spec: RouteSpec<P, Q, B, R>): void {
    addRoute(this.app, this.deps, this.routes, spec);
  }
}
