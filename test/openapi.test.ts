/** The OpenAPI document: valid-looking 3.1, and it lists exactly the routes Fastify serves under /api/v1. */

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '../src/core/webhooks/webhooks.js';
import { PERMISSIONS } from '../src/modules/permissions.js';
import { PASSWORD } from './fixtures.js';
import { createTestApp, type TestApp } from './harness.js';
import { operationsOf, singular } from './operations.js';

let t: TestApp;
let doc: Record<string, unknown>;

beforeAll(async () => {
  t = await createTestApp();
  const res = await t.anonymous().get('/api/openapi.json');
  expect(res.statusCode).toBe(200);
  doc = res.json();
});

afterAll(async () => {
  await t?.close();
});

/**
 * Every method and path Fastify serves, read from `printRoutes({ commonPrefix: false })`: a tree
 * whose lines are `├── segment (GET, POST)`, indented four characters per level.
 */
function fastifyRoutes(tree: string): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([\s│]*)[├└]── (\S+)(?: \(([^)]*)\))?$/.exec(line);
    if (!match) continue;
    const depth = (match[1] as string).length / 4;
    stack.length = depth;
    stack.push(match[2] as string);
    const url = stack.join('').replace(/^\/+/, '/');
    for (const method of (match[3] ?? '').split(', ').filter(Boolean)) routes.push(`${method} ${url}`);
  }
  return routes;
}

describe('OpenAPI document', () => {
  it('is served at /api/openapi.json as an OpenAPI 3.1 document of this version', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info).toMatchObject({ title: 'Clientocracy API', version });
    expect(Object.keys(doc.paths as object).length).toBeGreaterThan(10);
    expect(doc).toEqual(JSON.parse(JSON.stringify(t.app.openapi)));
  });

  it('lists every route Fastify serves under /api/v1, and only routes Fastify serves', () => {
    const served = fastifyRoutes(t.app.printRoutes({ commonPrefix: false }))
      .filter((r) => !r.startsWith('HEAD '))
      .map((r) => r.replace(/:(\w+)/g, '{$1}'));
    // Guards the parser of the printed tree: these are certainly served.
    expect(served).toContain('POST /api/v1/auth/login');
    expect(served).toContain('DELETE /api/v1/orgs/{org}/clients/{clientId}/invitations/{invitationId}');
    const documented = operationsOf(doc).map((op) => op.name);
    const underApi = (routes: string[]) => routes.filter((r) => r.split(' ')[1]!.startsWith('/api/v1/')).sort();
    expect(underApi(documented)).toEqual(underApi(served));
    expect(documented.filter((op) => !served.includes(op))).toEqual([]);
  });

  it('gives every operation a unique id, a success response, the error schema and declared path parameters', () => {
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    const ids = new Set<string>();
    const problems: string[] = [];
    for (const [path, methods] of Object.entries(paths)) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(methods)) {
        const name = `${method.toUpperCase()} ${path}`;
        const id = op.operationId as string;
        if (!id || ids.has(id)) problems.push(`${name}: operationId ${id} missing or repeated`);
        ids.add(id);
        const responses = op.responses as Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
        if (!Object.keys(responses).some((k) => /^2\d\d$/.test(k))) problems.push(`${name}: no 2xx response`);
        const fallback = responses.default?.content?.['application/json']?.schema.$ref;
        // Pages answer HTML; only API operations promise the JSON error shape and a permission.
        if (!op['x-page'] && fallback !== '#/components/schemas/Error')
          problems.push(`${name}: the default response is not the error schema`);
        const params = (op.parameters as { name: string; in: string }[]).filter((p) => p.in === 'path').map((p) => p.name);
        if (JSON.stringify(params.sort()) !== JSON.stringify(inPath)) problems.push(`${name}: path parameters ${params} ≠ ${inPath}`);
        const permission = op['x-permission'] as string | undefined;
        const isPublic = (op.security as unknown[] | undefined)?.length === 0;
        if (!op['x-page'] && !isPublic && path.includes('{org}') && !PERMISSIONS.includes(permission as never))
          problems.push(`${name}: x-permission ${permission}`);
      }
    }
    expect(problems).toEqual([]);
    const components = doc.components as { schemas: Record<string, { required: string[] }>; securitySchemes: Record<string, unknown> };
    expect(components.schemas.Error?.required).toEqual(['error']);
    expect(Object.keys(components.securitySchemes).sort()).toEqual(['bearerAuth', 'cookieAuth']);
  });

  it('serves interactive documentation at /api/docs', async () => {
    const page = await t.anonymous().get('/api/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('/api/docs/assets/swagger-ui-bundle.js');
    const init = await t.anonymous().get('/api/docs/init.js');
    expect(init.body).toContain("url: '/api/openapi.json'");
  });
});

describe('names a person would write', () => {
  /** The verbs an operationId may start with: what the operation does to its resource. */
  const VERBS = [
    'list',
    'get',
    'create',
    'update',
    'delete',
    'add',
    'remove',
    'set',
    'save',
    'give',
    'publish',
    'retire',
    'ingest',
    'void',
    'import',
    'preview',
    'export',
    'open',
    'close',
    'reopen',
    'confirm',
    'decline',
    'accept',
    'allocate',
    'review',
    'make',
    'withdraw',
    'delegate',
    'narrow',
    'revoke',
    'rotate',
    'test',
    'resolve',
    'merge',
    'mark',
    'reply',
    'triage',
    'assign',
    'sign',
    'change',
    'end',
    'request',
    'count',
    'complete',
    'lock',
    'unlock',
  ];
  /** Path parameters that are values rather than ids: a month `YYYY-MM`, a survey's public key, an invitation's token. */
  const NATURAL_KEYS = ['period', 'key', 'token'];
  /**
   * The collection segments whose parameter is not `<singular>Id`: a member is a person, a ledger
   * holds lines, the moderation queue is of reported proposals and feedback, an event is named by
   * the sender's id.
   */
  const PARAM_OF_COLLECTION: Record<string, string> = {
    members: 'userId',
    ledger: 'ledgerLineId',
    moderation: 'subjectId',
    events: 'externalId',
    periods: 'period',
    // Portal pages: a reserve round at /c/{org}/reserve/…, an invitation link, a survey's public link.
    reserve: 'reserveRoundId',
    invite: 'token',
    s: 'key',
  };
  const all = () =>
    Object.entries(doc.paths as Record<string, Record<string, { operationId?: string; 'x-page'?: boolean }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, method, op })),
    );
  const camel = (words: string) => words.replace(/[-.](\w)/g, (_m, c: string) => c.toUpperCase());

  it('gives every API operation an operationId: unique, camelCase, a verb first, not derived from its path', () => {
    const problems: string[] = [];
    const seen = new Map<string, string>();
    for (const { name, path, method, op } of all()) {
      const id = op.operationId ?? '';
      if (seen.has(id)) problems.push(`${name}: ${id} is also ${seen.get(id)}`);
      seen.set(id, name);
      if (op['x-page']) continue;
      const verb = /^[a-z]+/.exec(id)?.[0] ?? '';
      if (!/^[a-z]+(?:[A-Z][a-z0-9]*)*$/.test(id)) problems.push(`${name}: ${id} is not camelCase`);
      if (!VERBS.includes(verb)) problems.push(`${name}: ${id} does not start with a verb of ${VERBS.join(', ')}`);
      // The generated form of before: the method and the path, camelCased (`getApiV1OrgsOrgTeamsId`).
      const derived = `${method}${camel(path.replace(/[{}]/g, '').replace(/\//g, '-'))}`;
      if (id.toLowerCase() === derived.toLowerCase() || /Api(V1)?(Orgs)?/.test(id))
        problems.push(`${name}: ${id} is derived from the path`);
    }
    expect(problems).toEqual([]);
    const ids = all().map(({ op }) => op.operationId);
    // The names integrators look for (the examples), on the operations they name.
    const byId = new Map(all().map(({ name, op }) => [op.operationId, name]));
    expect(byId.get('listTeams')).toBe('GET /api/v1/orgs/{org}/teams');
    expect(byId.get('getTeam')).toBe('GET /api/v1/orgs/{org}/teams/{teamId}');
    expect(byId.get('ingestPromiseEvents')).toBe('POST /api/v1/orgs/{org}/promises/{promiseId}/events');
    expect(byId.get('publishPromise')).toBe('POST /api/v1/orgs/{org}/promises/{promiseId}/publish');
    expect(byId.get('getPromiseStatus')).toBe('GET /api/v1/orgs/{org}/promises/{promiseId}/status');
    expect(byId.get('voidPromiseEvent')).toBe('POST /api/v1/orgs/{org}/promises/{promiseId}/events/{externalId}/void');
    expect(byId.get('exportPromises')).toBe('GET /api/v1/orgs/{org}/promises/export');
    expect(ids.length).toBeGreaterThan(200);
  });

  it('names every path parameter for what it identifies, the same name for the same thing everywhere', () => {
    const problems: string[] = [];
    const nameOf = new Map<string, Set<string>>();
    const collectionOf = new Map<string, Set<string>>();
    for (const { name, path } of all()) {
      const segments = path.split('/');
      for (const [index, segment] of segments.entries()) {
        const param = /^\{(\w+)\}/.exec(segment)?.[1];
        if (!param || param === 'org') continue;
        if (!param.endsWith('Id') && !NATURAL_KEYS.includes(param))
          problems.push(`${name}: {${param}} neither ends in Id nor is a natural key`);
        const collection = segments[index - 1] ?? '';
        const expected = PARAM_OF_COLLECTION[collection] ?? `${camel(singular(collection))}Id`;
        if (param !== expected) problems.push(`${name}: {${param}} after /${collection}/ should be {${expected}}`);
        nameOf.set(collection, (nameOf.get(collection) ?? new Set()).add(param));
        // The portal's pages have URLs of their own (`/c/{org}/reserve/{reserveRoundId}`): the API's alone here.
        if (path.startsWith('/api/')) collectionOf.set(param, (collectionOf.get(param) ?? new Set()).add(collection));
      }
    }
    expect(problems).toEqual([]);
    // One name per thing, one thing per name: `/teams/{teamId}` everywhere, `{teamId}` only after `/teams/`.
    expect([...nameOf].filter(([, names]) => names.size > 1).map(([c, names]) => `${c}: ${[...names]}`)).toEqual([]);
    expect([...collectionOf].filter(([, cs]) => cs.size > 1).map(([p, cs]) => `${p}: ${[...cs]}`)).toEqual([]);
    expect(nameOf.get('teams')).toEqual(new Set(['teamId']));
    expect(nameOf.get('promises')).toEqual(new Set(['promiseId']));
  });

  it('keeps the URLs of before: a renamed parameter is a name in the document, not a new path', async () => {
    // An old client filled `{id}`; the same URL still reaches the same route.
    const { a } = await t.seedTwoOrgs();
    const admin = await t.signIn(a.users.admin.email, PASSWORD);
    expect((await admin.get(`/api/v1/orgs/${a.slug}/teams/${a.team.id}`)).json()).toMatchObject({ id: a.team.id });
    expect((await admin.get(`/api/v1/orgs/${a.slug}/clients/${a.client.id}/invitations`)).statusCode).toBe(200);
  });

  it('tags each operation with one lower-case tag of a known module', () => {
    const tags = new Set<string>();
    const problems: string[] = [];
    for (const { name, op } of all()) {
      const opTags = (op as { tags?: string[] }).tags ?? [];
      if (opTags.length !== 1 || !/^[a-z]+(?: [a-z]+)*$/.test(opTags[0] ?? '')) problems.push(`${name}: tags ${opTags}`);
      for (const tag of opTags) tags.add(tag);
    }
    expect(problems).toEqual([]);
    // One per module folder (the public board and the portal pages are their own audiences): a new
    // tag is a decision, made here.
    expect([...tags].sort()).toEqual(
      [
        'audit',
        'auth',
        'client portal',
        'client voice',
        'clients',
        'discovery',
        'documentation',
        'economics',
        'feedback',
        'governance',
        'health',
        'memberships',
        'notifications',
        'organizations',
        'pages',
        'participatory reserve',
        'polls',
        'promise board',
        'promises',
        'proposals',
        'setup',
        'teams',
        'tokens',
        'webhooks',
      ].sort(),
    );
  });
});

describe('pages in the document', () => {
  it('lists the portal pages, the docs and the web app as public pages', async () => {
    const t = await createTestApp();
    try {
      const paths = (t.openapi as { paths: Record<string, Record<string, { security: unknown[]; 'x-page'?: boolean }>> }).paths;
      for (const [path, method] of [
        ['/c/{org}', 'get'],
        ['/c/{org}/invite/{token}', 'get'],
        ['/c/{org}/invite/{token}', 'post'],
        ['/c/{org}/logout', 'post'],
        ['/api/docs', 'get'],
        ['/api/openapi.json', 'get'],
        ['/app/', 'get'],
      ] as const) {
        expect(paths[path]?.[method], `${method} ${path}`).toMatchObject({ security: [], 'x-page': true });
      }
      expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).headers['content-type']).toMatch(/text\/html/);
    } finally {
      await t.close();
    }
  });
});

describe('a document clients can be generated from', () => {
  type Op = { parameters?: { in: string }[]; requestBody?: { content: Record<string, { schema: Json }> }; responses: Record<string, Resp> };
  type Resp = { content?: Record<string, { schema: Json }> };
  type Json = Record<string, unknown>;
  const operations = () =>
    Object.entries(doc.paths as Record<string, Record<string, Op & { 'x-page'?: boolean }>>).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([, op]) => !op['x-page'])
        .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, path, method, op })),
    );
  const isRef = (schema: Json | undefined) => typeof schema?.$ref === 'string' && Object.keys(schema).length === 1;
  const walk = (value: unknown, visit: (node: Json) => void): void => {
    if (Array.isArray(value)) for (const item of value) walk(item, visit);
    else if (value && typeof value === 'object') {
      visit(value as Json);
      for (const item of Object.values(value)) walk(item, visit);
    }
  };

  it('answers and takes named schemas: every JSON body is a $ref or an array of $ref', () => {
    const problems: string[] = [];
    for (const { name, op } of operations()) {
      for (const [status, response] of Object.entries(op.responses)) {
        const schema = response.content?.['application/json']?.schema;
        if (schema && !isRef(schema) && !(schema.type === 'array' && isRef(schema.items as Json))) problems.push(`${name} ${status}`);
      }
      const body = op.requestBody?.content['application/json']?.schema;
      if (op.requestBody && !isRef(body)) problems.push(`${name} request body`);
    }
    expect(problems).toEqual([]);
    const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
    for (const name of [
      'Promise',
      'PromisePage',
      'PromiseStatus',
      'IngestEvents',
      'IngestResult',
      'Team',
      'TeamPage',
      'Decision',
      'LedgerLine',
    ])
      expect(schemas[name], name).toBeDefined();
    const list = (doc.paths as Record<string, Record<string, Op>>)['/api/v1/orgs/{org}/teams']?.get;
    expect(list?.responses['200']?.content?.['application/json']?.schema).toEqual({ $ref: '#/components/schemas/TeamPage' });
  });

  it('documents the 4xx refusals of every operation with parameters or a body, with the error schema', () => {
    const problems: string[] = [];
    for (const { name, path, method, op } of operations()) {
      const errors = Object.entries(op.responses).filter(([status]) => /^4\d\d$/.test(status));
      for (const [status, response] of errors)
        if (response.content?.['application/json']?.schema.$ref !== '#/components/schemas/Error')
          problems.push(`${name} ${status}: not the error schema`);
      const statuses = errors.map(([status]) => status);
      const ids = [...path.matchAll(/\{(\w+)\}/g)].some((m) => m[1] !== 'org');
      if (op.requestBody && !['400', '413', '415', '422'].every((s) => statuses.includes(s)))
        problems.push(`${name}: body refusals ${statuses}`);
      if (ids && !['404', '422'].every((s) => statuses.includes(s))) problems.push(`${name}: path refusals ${statuses}`);
      if ((op.parameters?.length || op.requestBody) && statuses.length === 0) problems.push(`${name}: no 4xx`);
      if (method !== 'get' && !statuses.includes('403')) problems.push(`${name}: a write without 403 (CSRF, cross-site)`);
    }
    expect(problems).toEqual([]);
    const paths = doc.paths as Record<string, Record<string, Op>>;
    expect(Object.keys(paths['/api/v1/auth/login']?.post?.responses ?? {})).toContain('429');
    const publish = Object.entries(paths).find(([path]) => /\/promises\/\{\w+\}\/publish$/.test(path))?.[1].post;
    expect(Object.keys(publish?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403', '404', '409', '422']));
  });

  it('keeps examples realistic: no ±2^53 bounds, instants and money with examples', () => {
    const bounds: unknown[] = [];
    walk(doc, (node) => {
      for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'])
        if (typeof node[key] === 'number' && Math.abs(node[key] as number) >= 2 ** 53 - 1) bounds.push(node);
    });
    expect(bounds).toEqual([]);
    const schemas = (doc.components as { schemas: Record<string, { properties: Record<string, Json> }> }).schemas;
    const instants = schemas.Promise?.properties.createdAt?.examples as string[];
    expect(instants.length).toBeGreaterThan(0);
    for (const example of instants) expect(new Date(example).getUTCFullYear()).toBeGreaterThanOrEqual(2026);
    // One time format: every instant (`…At`, `at`, `since`) is an ISO 8601 date-time string, never a number.
    const numericInstants: string[] = [];
    walk(doc, (node) => {
      // An import mapping names the file's column for each API field (`occurredAt: "Дата"`, a header of
      // at most 200 characters): not an instant.
      const properties = node.properties as Record<string, Json> | undefined;
      if (properties?.occurredAt?.maxLength === 200 && properties.externalId?.maxLength === 200) return;
      for (const [name, property] of Object.entries((node.properties as Record<string, Json> | undefined) ?? {})) {
        if (!/^(at|since)$|At$/.test(name)) continue;
        const types = [property.type, ...((property.anyOf ?? property.oneOf ?? []) as Json[]).map((option) => option.type)];
        if (types.includes('integer') || types.includes('number')) numericInstants.push(name);
        else if (!property.$ref && !JSON.stringify(property).includes('"format":"date-time"'))
          numericInstants.push(`${name} (not date-time)`);
      }
    });
    expect(numericInstants).toEqual([]);
    const money = schemas.LedgerLine?.properties.amountMinor?.examples as number[];
    expect(money.length).toBeGreaterThan(0);
    for (const example of money) expect(Number.isInteger(example) && example < 1e12).toBe(true);
    walk(doc, (node) => {
      for (const example of (node.examples as unknown[] | undefined) ?? [])
        if (typeof example === 'number' && node.description === 'UTC epoch milliseconds')
          expect(new Date(example).getUTCFullYear()).toBeLessThan(2100);
    });
  });

  it('gives each discriminated union a discriminator over oneOf', () => {
    const unions: Json[] = [];
    walk(doc, (node) => {
      if (node.discriminator) unions.push(node);
    });
    expect(unions.length).toBeGreaterThan(0);
    for (const union of unions) {
      const { propertyName } = union.discriminator as { propertyName: string };
      expect(Array.isArray(union.oneOf)).toBe(true);
      for (const member of union.oneOf as Json[]) expect((member.required as string[]).includes(propertyName)).toBe(true);
    }
    const schemas = (doc.components as { schemas: Record<string, Json> }).schemas;
    expect(schemas.Metric?.discriminator).toEqual({ propertyName: 'kind' });
    // A zod discriminated union always carries one: none left as a bare oneOf of objects keyed by a literal.
    walk(doc, (node) => {
      if (Array.isArray(node.oneOf) && (node.oneOf as Json[]).every((m) => m.type === 'object')) expect(node.discriminator).toBeDefined();
    });
  });

  it('resolves every $ref', () => {
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    const dangling: string[] = [];
    walk(doc, (node) => {
      const ref = node.$ref;
      if (typeof ref === 'string' && !(ref.startsWith('#/components/schemas/') && ref.slice('#/components/schemas/'.length) in schemas))
        dangling.push(ref);
    });
    expect(dangling).toEqual([]);
  });

  it('lists every webhook event a server sends, its body a named schema of the envelope and the API’s shapes', () => {
    const webhooks = doc.webhooks as Record<string, { post: { requestBody: { content: Record<string, { schema: { $ref?: string } }> } } }>;
    expect(Object.keys(webhooks).sort()).toEqual([...WEBHOOK_EVENT_TYPES].sort());
    const schemas = (
      doc.components as {
        schemas: Record<string, { properties?: Record<string, { $ref?: string; properties?: Record<string, unknown> }> }>;
      }
    ).schemas;
    for (const [type, hook] of Object.entries(webhooks)) {
      const ref = hook.post.requestBody.content['application/json']?.schema.$ref ?? '';
      const body = schemas[ref.slice('#/components/schemas/'.length)];
      expect(Object.keys(body?.properties ?? {}).sort(), type).toEqual(['createdAt', 'data', 'id', 'organization', 'type']);
      // The promise in every event is the API's Promise, by reference.
      const data = body?.properties?.data as { $ref?: string; properties?: Record<string, { $ref?: string }> };
      const shape =
        data.properties ??
        (schemas[(data.$ref ?? '').slice('#/components/schemas/'.length)]?.properties as Record<string, { $ref?: string }>);
      expect(shape.promise?.$ref, type).toBe('#/components/schemas/Promise');
    }
  });
});
