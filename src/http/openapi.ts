import { type ZodType, z } from 'zod';
import { ERROR_CODES, type ErrorCode, FIELD_ERROR_CODES } from '../core/errors.js';
import { encodeInstant } from '../modules/common.schema.js';
import { VERSION } from '../version.js';
import { OPERATION_ERRORS, PERIOD_CLOSED_PREFIXES } from './openapi.errors.js';
import type { AnyRoute } from './route.js';

const ERROR_SCHEMA = {
  type: 'object',
  description: 'Every refusal: a stable code, a readable message, and the fields refused (empty when the refusal is not about a field).',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'fields'],
      properties: {
        code: { type: 'string', enum: Object.keys(ERROR_CODES), examples: ['validation_failed'] },
        message: { type: 'string', examples: ['title: must not be empty'] },
        fields: {
          type: 'array',
          items: {
            type: 'object',
            required: ['path', 'code', 'params', 'message'],
            properties: {
              path: { type: 'string', examples: ['title'] },
              code: {
                type: 'string',
                enum: [...FIELD_ERROR_CODES],
                description: 'what is wrong with the field; a client translates this, never the message',
                examples: ['required'],
              },
              params: {
                type: 'object',
                additionalProperties: true,
                description: 'what a translation of the code needs, e.g. {"maximum": 200} or {"entity": "segment"}; {} when nothing',
                examples: [{ maximum: 200 }],
              },
              message: { type: 'string', description: 'the same in English words', examples: ['must not be empty'] },
            },
          },
        },
      },
    },
  },
};

type Json = Record<string, unknown>;
const REF = '#/components/schemas/';

/** The named schemas of the document: a zod `.meta({ id })` becomes a component; an input shape that differs from the output of the same id is `<id>Input`. */
class Components {
  readonly schemas: Record<string, unknown> = { Error: ERROR_SCHEMA };

  /** Places a definition, returning the name it is referenced by. */
  place(id: string, def: unknown, io: 'input' | 'output'): string {
    const text = JSON.stringify(def);
    for (const name of io === 'output' ? [id] : [id, `${id}Input`]) {
      const known = this.schemas[name];
      if (known === undefined) {
        this.schemas[name] = def;
        return name;
      }
      if (JSON.stringify(known) === text) return name;
    }
    throw new Error(`OpenAPI: two different schemas are named ${id}: give one of them another .meta({ id })`);
  }

  /**
   * The JSON Schema of a zod schema, its named parts moved into components and referenced. With
   * `name`, an anonymous root (and an anonymous array's items) is named too: every body is a `$ref`.
   */
  schemaOf(schema: ZodType, io: 'input' | 'output', name?: string): Json {
    const {
      $schema: _ignored,
      $defs,
      ...root
    } = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      target: 'draft-2020-12',
      cycles: 'ref',
      override: ({ zodSchema, jsonSchema }) => {
        const def = zodSchema._zod.def as { type: string; discriminator?: string; reverseTransform?: unknown };
        // An instant is an ISO 8601 string on the wire both ways (epoch milliseconds only inside the server).
        if (def.type === 'pipe' && def.reverseTransform === encodeInstant) {
          const { description, examples } = jsonSchema as { description?: string; examples?: unknown };
          for (const key of Object.keys(jsonSchema)) delete (jsonSchema as Record<string, unknown>)[key];
          Object.assign(jsonSchema, {
            type: 'string',
            format: 'date-time',
            ...(description && { description }),
            examples: Array.isArray(examples) && typeof examples[0] === 'string' ? examples : ['2026-11-01T10:00:00.000Z'],
          });
          return;
        }
        if (def.type === 'union' && def.discriminator && Array.isArray(jsonSchema.oneOf))
          jsonSchema.discriminator = { propertyName: def.discriminator };
      },
    }) as Json & { $defs?: Record<string, unknown> };
    const renamed: Record<string, string> = {};
    const anonymous = name ?? 'Anonymous';
    // Defs refer to each other: name them all before placing any.
    for (const id of Object.keys($defs ?? {})) renamed[id] = id.startsWith('__schema') ? `${anonymous}${id.slice('__schema'.length)}` : id;
    const rewrite = (value: unknown): unknown =>
      tidy(value, (ref) => (ref === '#' ? `${REF}${anonymous}` : `${REF}${renamed[ref.slice('#/$defs/'.length)] ?? ''}`));
    for (const [id, def] of Object.entries($defs ?? {})) renamed[id] = this.place(renamed[id] as string, rewrite(def), io);
    let body = rewrite(root) as Json;
    if (JSON.stringify(root).includes('"$ref":"#"')) {
      if (!name) throw new Error('OpenAPI: a recursive schema needs a name');
      body = { $ref: `${REF}${this.place(name, body, io)}` };
    }
    if (!name || body.$ref) return body;
    if (body.type === 'array' && body.items && !(body.items as Json).$ref)
      return { ...body, items: { $ref: `${REF}${this.place(`${name}Item`, body.items, io)}` } };
    if (body.type === 'array') return body;
    return { $ref: `${REF}${this.place(name, body, io)}` };
  }
}

/**
 * Rewrites `$ref`s, drops zod's safe-integer bounds (±2^53 − 1, which say nothing and make example
 * generators produce absurd numbers and dates) and gives money in minor units a realistic example.
 */
function tidy(value: unknown, ref: (ref: string) => string): unknown {
  if (Array.isArray(value)) return value.map((item) => tidy(item, ref));
  if (!value || typeof value !== 'object') return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string') out[key] = ref(item);
    else if ((key === 'minimum' || key === 'maximum') && Math.abs(item as number) === Number.MAX_SAFE_INTEGER) continue;
    else if (key === 'properties' && item && typeof item === 'object')
      out[key] = Object.fromEntries(Object.entries(item).map(([name, s]) => [name, moneyExample(name, tidy(s, ref) as Json)]));
    else out[key] = tidy(item, ref);
  }
  return out;
}

/** `amount`, `…Minor`, `…Amount`: integer minor units (kopecks, cents). */
function moneyExample(name: string, schema: Json): Json {
  if (!/^amount$|Minor$|Amount$/.test(name) || schema.examples) return schema;
  const numeric = (s: Json) =>
    s.type === 'integer' || s.type === 'number' || (Array.isArray(s.type) && s.type.some((t) => t === 'integer' || t === 'number'));
  return numeric(schema) || (Array.isArray(schema.anyOf) && (schema.anyOf as Json[]).some(numeric))
    ? { ...schema, examples: [1250000] }
    : schema;
}

function parametersOf(components: Components, schema: ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const js = components.schemaOf(schema, 'input') as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === 'path' || (js.required ?? []).includes(name),
    schema: s,
    ...(typeof s.description === 'string' && { description: s.description }),
  }));
}

const STATUS_TEXT: Record<number, string> = {
  400: 'The body is not JSON, or the request is malformed',
  401: 'Not signed in: no session cookie and no valid API token',
  403: 'Not allowed: the role or the token scope lacks the permission, or the CSRF token is missing',
  404: 'Not found: an identifier in the path names nothing in this organization',
  409: 'Conflicts with the current state (e.g. a name taken, a state that no longer allows this)',
  413: 'The body is larger than allowed',
  415: 'The body is not in a media type this operation takes',
  422: 'A field is refused: `fields` names each one',
  429: 'Too many attempts: retry after the seconds in Retry-After',
};

/** Which refusals an operation documents: derived from its spec, plus the domain codes of OPERATION_ERRORS. */
function errorCodesOf(route: AnyRoute, path: string): ErrorCode[] {
  const codes = new Set<ErrorCode>();
  const write = route.method !== 'GET';
  const key = `${route.method} ${path.replace(/\{\w+\}/g, '{}')}`;
  const hasIds = [...path.matchAll(/\{(\w+)\}/g)].some((m) => m[1] !== 'org');
  const bodyCodes: ErrorCode[] = ['bad_request', 'invalid_json', 'validation_failed', 'payload_too_large', 'unsupported_media_type'];
  if (route.body) for (const code of bodyCodes) codes.add(code);
  if (route.query || hasIds) codes.add('validation_failed');
  if (route.auth !== 'public') codes.add('unauthenticated');
  if (route.permission || route.roles) codes.add('forbidden');
  if (write) codes.add('csrf_failed');
  if (hasIds || route.auth === 'org') codes.add('not_found');
  if (write && route.auth !== 'public') codes.add('conflict');
  if (write && PERIOD_CLOSED_PREFIXES.some((prefix) => key.includes(` ${prefix}`))) {
    codes.add('period_closed');
    codes.add('inputs_locked');
  }
  for (const code of OPERATION_ERRORS[key] ?? []) codes.add(code);
  return [...codes];
}

function errorResponses(codes: ErrorCode[]): Record<string, unknown> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of codes) {
    const status = ERROR_CODES[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        {
          description: `${STATUS_TEXT[status] ?? 'Refused'} — code ${list.map((c) => `\`${c}\``).join(', ')}`,
          content: { 'application/json': { schema: { $ref: `${REF}Error` } } },
        },
      ]),
  );
}

/** A long summary is split: its first sentence (or clause) the summary, the whole the description. */
function summaryOf(text: string): { summary: string; description?: string } {
  if (text.length <= 80) return { summary: text };
  const cut = /^(.{12,80}?)(?:[:.;]\s|\s\(|\s—\s)/.exec(text);
  return { summary: cut ? (cut[1] as string) : `${text.slice(0, 77).replace(/\s+\S*$/, '')}…`, description: text };
}

const pascal = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

/** A route that is not a JSON operation (a page or a document), listed so the document names every route. */
export interface DocumentedPage {
  method: 'GET' | 'POST';
  url: string;
  summary: string;
  tag: string;
  contentType: string;
}

/** The OpenAPI 3.1 document, generated from the routes' zod schemas: a route cannot be left out. */
/** A webhook event the server sends (OpenAPI 3.1 `webhooks`): its type, what it says, and its body. */
export interface DocumentedWebhook {
  type: string;
  summary: string;
  body: ZodType;
}

export function buildOpenApi(routes: AnyRoute[], pages: DocumentedPage[] = [], hooks: DocumentedWebhook[] = []): Record<string, unknown> {
  const components = new Components();
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
  const operationIdOf = (route: AnyRoute, path: string) =>
    (route as { operationId?: string }).operationId ??
    `${route.method.toLowerCase()}${path.replace(/[{}]/g, '').replace(/[/-](\w)/g, (_m, c: string) => c.toUpperCase())}`;
  // Answers first: a shape named by both an answer and a body keeps its name for the answer.
  const answers = routes.map((route) => {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = String(route.status ?? 200);
    if (status === '204') return { [status]: { description: 'done' } };
    if (route.contentType)
      return { [status]: { description: 'success', content: { [route.contentType]: { schema: { type: 'string' } } } } };
    const name = `${pascal(operationIdOf(route, path))}Response`;
    const schema = route.response
      ? components.schemaOf(route.response, 'output', name)
      : { $ref: `${REF}${components.place('Empty', ZOK_JSON, 'output')}` };
    return { [status]: { description: 'success', content: { 'application/json': { schema } } } };
  });
  routes.forEach((route, index) => {
    const path = route.url.replace(/:([A-Za-z]+)/g, '{$1}');
    const operationId = operationIdOf(route, path);
    const responses: Record<string, unknown> = {
      ...answers[index],
      ...errorResponses(errorCodesOf(route, path)),
      default: { description: 'error', content: { 'application/json': { schema: { $ref: `${REF}Error` } } } },
    };
    const operation: Record<string, unknown> = {
      operationId,
      ...summaryOf(route.summary),
      tags: [route.tag],
      parameters: [...parametersOf(components, route.params, 'path'), ...parametersOf(components, route.query, 'query')],
      responses,
      security: route.auth === 'public' ? [] : route.auth === 'user' ? [{ cookieAuth: [] }] : [{ cookieAuth: [] }, { bearerAuth: [] }],
      ...(route.permission && { 'x-permission': route.permission }),
      ...(route.roles && { 'x-roles': route.roles }),
      ...(route.bodyLimit !== undefined && { 'x-body-limit': route.bodyLimit }),
      ...(route.body && {
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: components.schemaOf(route.documentedBody ?? route.body, 'input', `${pascal(operationId)}Body`) },
            ...Object.fromEntries((route.bodyMediaTypes ?? []).map((type) => [type, { schema: { type: 'string' } }])),
          },
        },
      }),
    };
    paths[path] = { ...(paths[path] ?? {}), [route.method.toLowerCase()]: operation };
  });
  // What an endpoint receives: one POST per event type, its body a named schema (`PromiseStatusChangedWebhook`).
  const webhooks = Object.fromEntries(
    hooks.map((hook) => {
      const name = `${hook.type.split(/[._]/).map(pascal).join('')}Webhook`;
      return [
        hook.type,
        {
          post: {
            operationId: `receive${name}`,
            summary: hook.summary,
            tags: ['webhooks'],
            parameters: [
              {
                name: 'X-Clientocracy-Signature',
                in: 'header',
                required: true,
                schema: { type: 'string' },
                description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">',
              },
              {
                name: 'X-Clientocracy-Delivery',
                in: 'header',
                required: true,
                schema: { type: 'string' },
                description: 'the same on every retry',
              },
            ],
            requestBody: { required: true, content: { 'application/json': { schema: components.schemaOf(hook.body, 'output', name) } } },
            responses: {
              '200': { description: 'any 2xx acknowledges the delivery; anything else is retried, doubling from 30 s, for 24 h' },
            },
          },
        },
      ];
    }),
  );
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
    ...(hooks.length > 0 && { webhooks }),
    components: {
      schemas: components.schemas,
      securitySchemes: {
        cookieAuth: { type: 'apiKey', in: 'cookie', name: 'cc_session' },
        bearerAuth: { type: 'http', scheme: 'bearer', description: 'An API token made under Tokens (cc_…)' },
      },
    },
  };
}

/** A success answer with no schema declared: `{}` is sent; documented as an empty object. */
const ZOK_JSON = { type: 'object', description: 'an empty object' };
