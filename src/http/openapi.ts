import { type ZodType, z } from 'zod';
import { VERSION } from '../version.js';
import type { AnyRoute } from './route.js';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'fields'],
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        fields: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } },
      },
    },
  },
};

function jsonSchema(schema: ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >;
  return rest;
}

function parametersOf(schema: ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = jsonSchema(schema, 'input') as { properties?: Record<string, Record<string, unknown>>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
    ...(typeof s.description === 'string' && { description: s.description }),
  }));
}

/** A route that is not a JSON operation (a page or a document), listed so the document names every route. */
export interface DocumentedPage {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  tag: string;
  contentType: string;
}

/** The OpenAPI 3.1 document, generated from the routes' zod schemas: a route cannot be left out. */
export function buildOpenApi(routes: AnyRoute[], pages: DocumentedPage[] = []): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const page of pages) {
    const path = page.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    paths[path] = {
      ...(paths[path] ?? {}),
      [page.method.toLowerCase()]: {
        operationId: `${page.method.toLowerCase()}Page${path.replace(/[{}]/g, '').replace(/[/.-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
        summary: page.summary,
        tags: [page.tag],
        security: [],
        parameters: names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
        responses: { '200': { description: 'a page', content: { [page.contentType]: { schema: { type: 'string' } } } } },
        'x-page': true,
      },
    };
  }
  for (const route of routes) {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(route.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]:
        status === '204'
          ? { description: 'done' }
          : route.contentType
            ? { description: 'success', content: { [route.contentType]: { schema: { type: 'string' } } } }
            : {
                description: 'success',
                content: { 'application/json': { schema: route.response ? jsonSchema(route.response, 'output') : { type: 'object' } } },
              },
      default: { description: 'error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
    };
    const operation: Record<string, unknown> = {
      operationId: `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`,
      summary: route.summary,
      tags: [route.tag],
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
      responses,
      security: route.auth === 'public' ? [] : route.auth === 'user' ? [{ cookieAuth: [] }] : [{ cookieAuth: [] }, { bearerAuth: [] }],
      ...(route.permission && { 'x-permission': route.permission }),
      ...(route.roles && { 'x-roles': route.roles }),
      ...(route.bodyLimit !== undefined && { 'x-body-limit': route.bodyLimit }),
      ...(route.body && {
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: jsonSchema(route.documentedBody ?? route.body, 'input') },
            ...Object.fromEntries((route.bodyMediaTypes ?? []).map((type) => [type, { schema: { type: 'string' } }])),
          },
        },
      }),
    };
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Clientocracy API',
      version: VERSION,
      description:
        'Promises to clients, measured fulfillment, autonomous teams and client voice. Errors share one shape: {"error":{"code","message","fields"}}. Cookie-authenticated writes need the X-CSRF-Token header from GET /api/v1/auth/me.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: { Error: ERROR_SCHEMA },
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'cc_session' },
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token made under Tokens (cc_…)' },
      },
    },
  };
}
