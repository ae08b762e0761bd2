/**
 * Reads the operations out of the server's OpenAPI document, fills their paths and builds request
 * bodies from their JSON Schemas, so the sweeps cover routes added later without being edited.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../src/core/access/permissions.js';
import type { Permission } from '../src/modules/permissions.js';
import { unique } from './fixtures.js';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  minItems?: number;
  /** `date-time` for an instant: an ISO 8601 string on the wire. */
  format?: string;
  default?: unknown;
  examples?: unknown[];
}

export interface Operation {
  method: HttpMethod;
  /** OpenAPI path, e.g. `/api/v1/orgs/{org}/teams/{teamId}`. */
  path: string;
  /** `GET /api/v1/...`, for test names. */
  name: string;
  permission?: Permission;
  /** People of these roles only, on top of the permission (`x-roles`); tokens go by their scopes. */
  roles?: Role[];
  auth: 'public' | 'user' | 'org';
  pathParams: string[];
  queryParams: { name: string; schema: JsonSchema; required: boolean }[];
  body?: JsonSchema;
  /** The documented success status. */
  success: number;
  /** The success response's JSON Schema, when it has one. */
  response?: JsonSchema;
  /** Bytes a body may have on this route when more than the server's default (`x-body-limit`). */
  bodyLimit?: number;
}

interface OpenApiOperation {
  'x-permission'?: Permission;
  'x-roles'?: Role[];
  'x-body-limit'?: number;
  /** Pages and documents (HTML, the document itself) are listed but are not API operations. */
  'x-page'?: boolean;
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string; schema: JsonSchema; required?: boolean }[];
  requestBody?: { content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, { content?: { 'application/json'?: { schema: JsonSchema } } }>;
}

/**
 * The document with every `$ref` to `#/components/schemas/…` replaced by the schema it names, so the
 * sweeps read bodies and answers as plain JSON Schemas; a schema met again inside itself (a tree)
 * becomes `{}`.
 */
export function dereferenced(doc: Record<string, unknown>): Record<string, unknown> {
  const schemas = ((doc.components as { schemas?: Record<string, unknown> } | undefined)?.schemas ?? {}) as Record<string, unknown>;
  const inline = (value: unknown, seen: string[]): unknown => {
    if (Array.isArray(value)) return value.map((item) => inline(item, seen));
    if (!value || typeof value !== 'object') return value;
    const { $ref, ...rest } = value as Record<string, unknown>;
    if (typeof $ref === 'string' && $ref.startsWith('#/components/schemas/')) {
      const name = $ref.slice('#/components/schemas/'.length);
      if (seen.includes(name)) return {};
      return { ...(inline(schemas[name], [...seen, name]) as Record<string, unknown>), ...(inline(rest, seen) as Record<string, unknown>) };
    }
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, inline(item, seen)]));
  };
  return { ...doc, paths: inline(doc.paths, []) };
}

/** Every API operation of the document (pages marked `x-page` are left out). */
export function operationsOf(doc: Record<string, unknown>): Operation[] {
  const paths = dereferenced(doc).paths as Record<string, Record<string, OpenApiOperation>>;
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (op['x-page']) continue;
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
        ...(op['x-roles'] && { roles: op['x-roles'] }),
        auth,
        pathParams: params.filter((p) => p.in === 'path').map((p) => p.name),
        queryParams: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, schema: p.schema, required: p.required === true })),
        body: op.requestBody?.content['application/json'].schema,
        success: Number(successKey),
        response: op.responses[successKey]?.content?.['application/json']?.schema,
        bodyLimit: op['x-body-limit'],
      });
    }
  }
  return result;
}

export const isWrite = (op: Operation) => op.method !== 'GET';

/** A list endpoint: its answer is a page `{items, nextCursor}`. */
export const isList = (op: Operation) =>
  op.method === 'GET' && op.response?.properties?.items !== undefined && op.response.properties.nextCursor !== undefined;

/** The singular of a path segment: `teams` → `team`, `promises` → `promise`, `canvases` → `canvas`, `redress` → `redress`. */
export function singular(word: string): string {
  const irregular: Record<string, string> = { canvases: 'canvas', redress: 'redress', evidence: 'evidence', statuses: 'status' };
  if (irregular[word]) return irregular[word];
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  return word.endsWith('s') ? word.slice(0, -1) : word;
}

/** Parameters whose kind is not their name: a ledger line is made at `…/ledger`, so its kind is `ledger`. */
const KIND_OF_PARAM: Record<string, string> = { ledgerLineId: 'ledger' };

/**
 * The kind of thing a path parameter names, in the kebab-case singular the sweeps key ids by:
 * `{teamId}` → `team`, `{valueItemId}` → `value-item`, `{reserveRoundId}` → `reserve-round`; a
 * natural key → the collection before it (`/c/{org}/invite/{token}` → `invite`).
 */
export function resourceOf(path: string, param: string): string {
  if (param === 'org') return 'organization';
  if (KIND_OF_PARAM[param]) return KIND_OF_PARAM[param];
  if (param.endsWith('Id')) return param.slice(0, -2).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const segments = path.split('/');
  const index = segments.findIndex((segment) => segment.includes(`{${param}}`));
  return singular(segments[index - 1] ?? 'unknown');
}

/** The kind a POST creates (201) when its path ends in a collection: `POST /segments/{segmentId}/pains` → `pain`. */
export function createdKindOf(op: Operation): string | undefined {
  const last = op.path.split('/').at(-1) ?? '';
  // Only a POST answering 201 makes something; a 200 is an action on a thing (decide, revoke).
  if (op.method !== 'POST' || op.success !== 201 || !op.body || last.includes('{') || !op.path.includes('{org}')) return undefined;
  return singular(last);
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
    // A period is a month, not an id: a month long past unless the caller made a fresh one.
    if (param === 'period') values[param] = ids.period ?? '2001-01';
    else values[param] = param === 'org' ? slug : (ids[resourceOf(op.path, param)] ?? randomUUID());
  }
  return values;
}

/** Body hints from ids by kind: `segmentId` gets the segment's id, `valueItemIds` a list of one. */
export function idHints(ids: Record<string, string>): Record<string, unknown> {
  const hints: Record<string, unknown> = {};
  for (const [kind, id] of Object.entries(ids)) {
    const camel = kind.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase());
    hints[`${camel}Id`] = id;
    hints[`${camel}Ids`] = [id];
  }
  return hints;
}

/** Strings that pass the product's validation for well-known property names. */
function knownString(name: string): string | undefined {
  const tag = unique();
  const known: Record<string, string> = {
    email: `sample.${tag}@example.test`,
    password: 'a-long-enough-password',
    slug: `sample-${tag}`,
    currency: 'EUR',
    timeZone: 'UTC',
    name: `Sample ${tag}`,
    externalId: `sample-ext-${tag}`,
    date: '2026-01-15',
    csv: 'type,text,importance,severity,frequency\nneed,A sample need,3,,',
  };
  return known[name];
}

/**
 * An instant for a `date-time` property, as ISO 8601: what opens and closes lies ahead (a poll must
 * close in the future, a round after it opens), a range's `to` an hour from now, anything else (when
 * something happened, a range's `from`) an hour ago.
 */
export function sampleInstant(name: string): string {
  const hour = 3_600_000;
  const offsets: Record<string, number> = { opensAt: 24 * hour, closesAt: 30 * 24 * hour, to: hour };
  return new Date(Date.now() + (offsets[name] ?? -hour)).toISOString();
}

/** The non-null branch of a nullable schema, or the schema itself. */
export function nonNull(schema: JsonSchema): JsonSchema {
  // A discriminated union is `oneOf`: its first branch is as good a sample as any.
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) return branches.find((s) => s.type !== 'null') ?? schema;
  return schema;
}

/**
 * A value that satisfies the schema, preferring its `examples` (an instant is made near now by
 * `sampleInstant`): every property of the top-level object is filled (optional ones too, so an
 * update changes something), nested objects get their required properties, arrays are empty unless
 * they must not be, well-known names get realistic values, and `hints` override by property name. A
 * `fooType`/`fooId` pair takes a kind with an id.
 */
export function sampleOf(schema: JsonSchema, hints: Record<string, unknown> = {}, name = '', depth = 0): unknown {
  if (name in hints) return hints[name];
  const s = nonNull(schema);
  // The document's example instants are fixed dates, soon in the past: an instant is made near now.
  if (s.format === 'date-time') return sampleInstant(name);
  if (s.examples?.length) return s.examples[0];
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  switch (s.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      const properties = Object.entries(s.properties ?? {});
      for (const [key, child] of properties) {
        const required = (s.required ?? []).includes(key);
        if (!required && (depth > 0 || (key.endsWith('Id') && !(key in hints)))) continue;
        value[key] = sampleOf(child, hints, key, depth + 1);
      }
      for (const [key, child] of properties) {
        const idKey = key.endsWith('Type') ? `${key.slice(0, -4)}Id` : '';
        const kind = (nonNull(child).enum ?? []).find((k) => `${k}Id` in hints);
        if (idKey in value && typeof kind === 'string') Object.assign(value, { [key]: kind, [idKey]: hints[`${kind}Id`] });
      }
      return value;
    }
    case 'array':
      return s.items && (s.minItems ?? 0) > 0
        ? Array.from({ length: s.minItems ?? 1 }, () => sampleOf(s.items!, hints, name, depth + 1))
        : [];
    case 'integer':
    case 'number':
      return typeof s.default === 'number' ? s.default : Math.min(Math.max(s.minimum ?? 1, 1), s.maximum ?? Number.MAX_SAFE_INTEGER);
    case 'boolean':
      return typeof s.default === 'boolean' ? s.default : false;
    case 'string':
      return knownString(name) ?? (typeof s.default === 'string' && s.default ? s.default : 'sample'.padEnd(s.minLength ?? 1, 'x'));
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

/** Whether a property's name says it holds ids: `teamId`, `segmentIds`, `intoId`. */
export const isIdName = (name: string) => /[a-z]Ids?$/.test(name);

/**
 * Paths of the properties, at any depth, whose names say they hold ids: `teamId`, `segmentIds`,
 * `factors.0.promiseId` (an array's items are `0`). Branches of a union are all walked.
 */
export function idFieldsOf(schema: JsonSchema, prefix = ''): string[] {
  const found = new Set<string>();
  const walk = (s: JsonSchema, path: string) => {
    for (const branch of [...(s.anyOf ?? []), ...(s.oneOf ?? [])]) walk(branch, path);
    for (const [key, child] of Object.entries(s.properties ?? {})) {
      const at = path ? `${path}.${key}` : key;
      if (isIdName(key)) found.add(at);
      walk(child, at);
    }
    if (s.items) walk(s.items, `${path}.0`);
  };
  walk(schema, prefix);
  return [...found];
}

/** The schema of the property at a dotted path (`factors.0.promiseId`), or undefined. */
export function schemaAt(schema: JsonSchema, path: string): JsonSchema | undefined {
  let at: JsonSchema | undefined = schema;
  for (const part of path.split('.')) {
    if (!at) return undefined;
    const s: JsonSchema = nonNull(at);
    const branches: JsonSchema[] = [s, ...(at.anyOf ?? []), ...(at.oneOf ?? [])];
    at = /^\d+$/.test(part) ? branches.find((b) => b.items)?.items : branches.find((b) => b.properties?.[part])?.properties?.[part];
  }
  return at;
}

/**
 * A copy of `body` with the value at `path` set, making the objects and array items along the way
 * from the schema's samples (with `hints`) when the body lacks them.
 */
export function withValueAt(body: unknown, schema: JsonSchema, path: string, value: unknown, hints: Record<string, unknown> = {}): unknown {
  const copy = structuredClone(body ?? {}) as Record<string, unknown>;
  const parts = path.split('.');
  let node: Record<string, unknown> | unknown[] = copy;
  for (const [index, part] of parts.entries()) {
    const key = /^\d+$/.test(part) ? Number(part) : part;
    if (index === parts.length - 1) {
      (node as Record<string | number, unknown>)[key] = value;
      break;
    }
    const next = (node as Record<string | number, unknown>)[key];
    if (next === undefined || next === null) {
      const childSchema = schemaAt(schema, parts.slice(0, index + 1).join('.'));
      (node as Record<string | number, unknown>)[key] = childSchema ? sampleOf(childSchema, hints, part, 1) : {};
    }
    node = (node as Record<string | number, unknown>)[key] as Record<string, unknown>;
    // An empty array gets one sample item to hold the value.
    if (Array.isArray(node) && node.length === 0) {
      const itemSchema = schemaAt(schema, parts.slice(0, index + 2).join('.'));
      node.push(itemSchema ? sampleOf(itemSchema, hints, parts[index + 1] ?? '', 1) : {});
    }
  }
  return copy;
}

/** A page the OpenAPI document lists (`x-page`): HTML and documents served beside the API. */
export interface Page {
  method: 'GET' | 'POST';
  /** OpenAPI path, e.g. `/c/{org}/proposals/{proposalId}`. */
  path: string;
  /** `GET /c/{org}/...`, for test names. */
  name: string;
  pathParams: string[];
}

/** Every page of the document (the operations `operationsOf` leaves out). */
export function pagesOf(doc: Record<string, unknown>): Page[] {
  const paths = doc.paths as Record<string, Record<string, OpenApiOperation>>;
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([, op]) => op['x-page'])
      .map(([method, op]) => ({
        method: method.toUpperCase() as Page['method'],
        path,
        name: `${method.toUpperCase()} ${path}`,
        pathParams: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
      })),
  );
}

/**
 * Every method and path Fastify serves (`GET /c/{org}/polls/{pollId}`), read from
 * `printRoutes({ commonPrefix: false })`: a tree whose lines are `├── segment (GET, POST)`,
 * indented four characters per level. HEAD routes (Fastify adds one per GET) are left out.
 */
export function servedRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([\s│]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    stack.length = (match[1] as string).length / 4;
    stack.push(match[2] as string);
    const url = stack
      .join('')
      .replace(/^\/+/, '/')
      .replace(/:(\w+)/g, '{$1}');
    for (const method of (match[3] ?? '').split(', ').filter((m) => m && m !== 'HEAD')) routes.push(`${method} ${url}`);
  }
  return routes;
}
