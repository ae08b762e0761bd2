/**
 * Reads the operations out of the server's OpenAPI document, fills their paths and builds request
 * bodies from their JSON Schemas, so the sweeps cover routes added later without being edited.
 */
import { randomUUID } from 'node:crypto';
import type { Permission } from '../src/core/access/permissions.js';
import { unique } from './fixtures.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  default?: unknown;
}

export interface Operation {
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/v1/orgs/{org}/teams/{id}`. */
  path: string;
  /** `GET /api/v1/...`, for test names. */
  name: string;
  permission?: Permission;
  auth: 'public' | 'user' | 'org';
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema }[];
  body?: JsonSchema;
  /** The documented success status. */
  success: number;
  /** The success response's JSON Schema, when it has one. */
  response?: JsonSchema;
}

interface OpenApiOperation {
  'x-permission'?: Permission;
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string; schema: JsonSchema }[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, { content?: { 'application/json'?: { schema: JsonSchema } } }>;
}

/** Every operation of the document. */
export function operationsOf(doc: Record<string, unknown>): Operation[] {
  const paths = doc.paths as Record<string, Record<string, OpenApiOperation>>;
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const security = op.security ?? [];
      const auth = security.length === 0 ? 'public' : path.includes('{org}') ? 'org' : 'user';
      const successKey = Object.keys(op.responses).find((k) => /^2\d\d$/.test(k));
      if (!successKey) throw new Error(`${method} ${path} documents no success response`);
      const params = op.parameters ?? [];
      result.push({
        method: method.toUpperCase() as HttpMethod,
        path,
        name: `${method.toUpperCase()} ${path}`,
        permission: op['x-permission'],
        auth,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema })),
        body: op.requestBody?.content['application/json'].schema,
        success: Number(successKey),
        response: op.responses[successKey]?.content?.['application/json']?.schema,
      });
    }
  }
  return result;
}

export const isWrite = (op: Operation) => op.method !== 'GET';

/** A list endpoint: its answer is a page `{items, nextCursor}`. */
export const isList = (op: Operation) =>
  op.method === 'GET' && op.response?.properties?.items !== undefined && op.response.properties.nextCursor !== undefined;

/**
 * The kind of thing a path parameter names: `{userId}` → `users`, `{invitationId}` → `invitations`,
 * `{id}` → the collection before it (`/teams/{id}` → `teams`).
 */
export function resourceOf(path: string, param: string): string {
  if (param === 'org') return 'organizations';
  if (param !== 'id' && param.endsWith('Id')) return `${param.slice(0, -2)}s`;
  const segments = path.split('/');
  const index = segments.indexOf(`{${param}}`);
  return segments[index - 1] ?? 'unknown';
}

/** The path with each `{param}` replaced by its value, URL-encoded. */
export function fillPath(path: string, values: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for {${name}} in ${path}`);
    return encodeURIComponent(value);
  });
}

/** Values for path parameters from ids by resource kind; an unknown kind gets a random uuid. */
export function paramValues(op: Operation, slug: string, ids: Record<string, string>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const param of op.pathParams) {
    values[param] = param === 'org' ? slug : (ids[resourceOf(op.path, param)] ?? randomUUID());
  }
  return values;
}

/** Strings that pass the product's validation for well-known property names. */
function knownString(name: string): string | undefined {
  const tag = unique();
  switch (name) {
    case 'email':
      return `sample.${tag}@example.test`;
    case 'password':
      return 'a-long-enough-password';
    case 'slug':
      return `sample-${tag}`;
    case 'currency':
      return 'EUR';
    case 'timeZone':
      return 'UTC';
    case 'name':
      return `Sample ${tag}`;
    case 'externalId':
      return `sample-ext-${tag}`;
    default:
      return undefined;
  }
}

/** The non-null branch of a nullable schema, or the schema itself. */
export function nonNull(schema: JsonSchema): JsonSchema {
  if (schema.anyOf) return schema.anyOf.find((s) => s.type !== 'null') ?? schema;
  return schema;
}

/**
 * A value that satisfies the schema: every property is filled (optional ones too), well-known names
 * get realistic values, and `hints` override by property name.
 */
export function sampleOf(schema: JsonSchema, hints: Record<string, unknown> = {}, name = ''): unknown {
  if (name in hints) return hints[name];
  const s = nonNull(schema);
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(s.properties ?? {})) value[key] = sampleOf(child, hints, key);
      return value;
    }
    case 'array':
      return s.items ? [sampleOf(s.items, hints, name)] : [];
    case 'integer':
    case 'number':
      return typeof s.default === 'number' ? s.default : Math.max(s.minimum ?? 1, 1);
    case 'boolean':
      return true;
    case 'string':
      return knownString(name) ?? 'sample'.padEnd(s.minLength ?? 1, 'x');
    default:
      return null;
  }
}

/** A value of the wrong JSON type for the schema, or undefined when any value fits. */
export function wrongTypeFor(schema: JsonSchema): unknown {
  const types = new Set<string>();
  for (const s of schema.anyOf ?? [schema]) {
    if (typeof s.type !== 'string') return undefined;
    types.add(s.type === 'integer' ? 'number' : s.type);
  }
  const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  // A number where a string is expected; a string where anything else is.
  const candidates: unknown[] = types.has('string') ? [12345, 'a string', true, {}] : ['a string', 12345, true, {}];
  return candidates.find((v) => !types.has(jsonType(v)));
}
