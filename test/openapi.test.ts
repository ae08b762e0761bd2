/** The OpenAPI document: valid-looking 3.1, and it lists exactly the routes Fastify serves under /api/v1. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../src/core/access/permissions.js';
import { createTestApp, type TestApp } from './harness.js';
import { operationsOf } from './operations.js';

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
    expect(served).toContain('DELETE /api/v1/orgs/{org}/clients/{id}/invitations/{invitationId}');
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
