/**
 * The context of step 2 at segment level through the API: situation, regulations, market and
 * channels per segment, versioned, with evidence like pains, in the workspace, scoped to the
 * organization, deleted with the segment and carried by export and import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli/commands.js';
import { AppError } from '../src/core/errors.js';
import { exportOrganization, importOrganization } from '../src/modules/export-file.js';
import { PASSWORD, type TwoOrgs } from './fixtures.js';
import { type Agent, createTestApp, createTestDatabase, show, type TestApp, type TestDatabase } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let a: Agent;
let b: Agent;
let segmentId: string;
const A = () => `/api/v1/orgs/${orgs.a.slug}`;
const B = () => `/api/v1/orgs/${orgs.b.slug}`;
const contextUrl = (id = segmentId) => `${A()}/segments/${id}/context`;

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  a = t.withToken(orgs.a.token.secret);
  b = t.withToken(orgs.b.token.secret);
  const res = await a.post(`${A()}/segments`, { name: 'Families building a first house', kind: 'customer' });
  expect(res.statusCode, show(res)).toBe(201);
  segmentId = res.json().id;
});
afterAll(() => t.close());

describe('the context of a segment', () => {
  it('reads as four empty parts, version 0, 0 of 4 filled, before anyone writes it', async () => {
    const res = await a.get(contextUrl());
    expect(res.statusCode, show(res)).toBe(200);
    expect(res.json()).toEqual({
      segmentId,
      situation: '',
      regulations: '',
      market: '',
      channels: '',
      version: 0,
      updatedAt: null,
      updatedBy: null,
      filledCount: 0,
      fieldCount: 4,
      isComplete: false,
      missing: ['situation', 'regulations', 'market', 'channels'],
      evidenceCount: 0,
    });
  });

  it('round-trips PUT and GET: trimmed text, version 1, who wrote it and when, 2 of 4 filled', async () => {
    const put = await a.put(contextUrl(), {
      situation: '  Renting while building: **two payments** a month  ',
      channels: 'Phone, messenger',
    });
    expect(put.statusCode, show(put)).toBe(200);
    const got = (await a.get(contextUrl())).json();
    expect(got).toEqual(put.json());
    expect(got).toMatchObject({
      situation: 'Renting while building: **two payments** a month',
      regulations: '',
      market: '',
      channels: 'Phone, messenger',
      version: 1,
      updatedBy: `token:${orgs.a.token.name}`,
      filledCount: 2,
      isComplete: false,
      missing: ['regulations', 'market'],
    });
    expect(got.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('keeps the parts left out, makes version 2 on a change, and no new version when nothing changes', async () => {
    const person = await t.signIn(orgs.a.users.member.email, PASSWORD);
    const second = await person.put(contextUrl(), {
      regulations: 'Building contract, escrow mortgage',
      market: 'Small builders, self-build',
    });
    expect(second.statusCode, show(second)).toBe(200);
    expect(second.json()).toMatchObject({
      situation: 'Renting while building: **two payments** a month',
      channels: 'Phone, messenger',
      version: 2,
      updatedBy: orgs.a.users.member.name,
      filledCount: 4,
      isComplete: true,
      missing: [],
    });
    const same = await a.put(contextUrl(), { market: 'Small builders, self-build' });
    expect(same.json()).toMatchObject({ version: 2, updatedBy: orgs.a.users.member.name });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'segment.context_updated')
      .execute();
    expect(audit.filter((row) => row.entity_id === segmentId)).toHaveLength(2);
  });

  it('clearing a part counts it as missing again', async () => {
    const res = await a.put(contextUrl(), { market: '   ' });
    expect(res.json()).toMatchObject({ market: '', version: 3, filledCount: 3, missing: ['market'] });
  });

  it('names the field in errors (422): a part over 2000 characters, an empty body, a misspelt part', async () => {
    const long = await a.put(contextUrl(), { regulations: 'x'.repeat(2001) });
    expect(long.statusCode).toBe(422);
    expect(long.json().error.fields).toEqual([
      expect.objectContaining({ path: 'regulations', code: 'too_long', params: expect.objectContaining({ maximum: 2000 }) }),
    ]);
    const empty = await a.put(contextUrl(), {});
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.fields.map((f: { code: string }) => f.code)).toEqual(['nothing_to_change']);
    // A misspelt part is no part: the body holds nothing to write.
    const misspelt = await a.put(contextUrl(), { situaton: 'typo' });
    expect(misspelt.statusCode).toBe(422);
    expect(misspelt.json().error.fields.map((f: { code: string }) => f.code)).toEqual(['nothing_to_change']);
    expect((await a.get(contextUrl())).json().version).toBe(3);
  });

  it('is the organization’s own: another organization gets 404 reading or writing it, and cannot attach evidence', async () => {
    expect((await b.get(`${B()}/segments/${segmentId}/context`)).statusCode).toBe(404);
    const write = await b.put(`${B()}/segments/${segmentId}/context`, { situation: 'taken over' });
    expect(write.statusCode).toBe(404);
    expect(write.json().error.code).toBe('not_found');
    const evidence = await b.post(`${B()}/evidence`, {
      subjectType: 'context',
      subjectId: segmentId,
      kind: 'document',
      text: 'not theirs',
      date: '2026-11-01',
    });
    expect(evidence.statusCode).toBe(422);
    expect(evidence.json().error.fields).toEqual([
      expect.objectContaining({ path: 'subjectId', code: 'not_found', params: { entity: 'segment' } }),
    ]);
    expect((await a.get(contextUrl())).json()).toMatchObject({
      situation: 'Renting while building: **two payments** a month',
      evidenceCount: 0,
    });
    expect((await a.get(`${A()}/segments/no-such-segment/context`)).statusCode).toBe(404);
  });

  it('takes evidence like a pain: attached by the segment id, counted, listed by subject', async () => {
    const res = await a.post(`${A()}/evidence`, {
      subjectType: 'context',
      subjectId: segmentId,
      kind: 'document',
      text: 'Three banks require an accredited builder and the estimate in the contract',
      source: 'bank leaflets',
      date: '2026-09-30',
    });
    expect(res.statusCode, show(res)).toBe(201);
    expect(res.json()).toMatchObject({ subjectType: 'context', subjectId: segmentId, kind: 'document' });
    expect((await a.get(contextUrl())).json().evidenceCount).toBe(1);
    const listed = (await a.get(`${A()}/evidence?subjectType=context&subjectId=${segmentId}`)).json();
    expect(listed.items.map((e: { text: string }) => e.text)).toEqual([
      'Three banks require an accredited builder and the estimate in the contract',
    ]);
  });

  it('is part of the segment workspace', async () => {
    const workspace = (await a.get(`${A()}/segments/${segmentId}/workspace`)).json();
    expect(workspace.context).toEqual((await a.get(contextUrl())).json());
    expect(workspace.context).toMatchObject({ filledCount: 3, evidenceCount: 1, version: 3 });
  });

  it('goes with its segment when the segment is deleted, evidence included', async () => {
    const gone = (await a.post(`${A()}/segments`, { name: 'Short-lived', kind: 'citizen' })).json();
    await a.put(contextUrl(gone.id), { situation: 'soon gone' });
    await a.post(`${A()}/evidence`, { subjectType: 'context', subjectId: gone.id, kind: 'observation', text: 'seen', date: '2026-11-01' });
    expect((await a.delete(`${A()}/segments/${gone.id}`)).statusCode).toBe(204);
    expect(await t.db.selectFrom('segment_contexts').select('id').where('segment_id', '=', gone.id).execute()).toEqual([]);
    expect(await t.db.selectFrom('evidence').select('id').where('subject_id', '=', gone.id).execute()).toEqual([]);
  });
});

describe('the CLI: segments context show|set', () => {
  const run = (action: string, values: Record<string, string>) =>
    runCommand(t.db, {
      command: 'segments',
      sub: 'context',
      rest: [action],
      values: { org: orgs.a.slug, ...values },
      readInput: () => '',
      now: Date.now(),
    });

  it('sets the parts given and shows the context, one part a line', async () => {
    const segment = (await a.post(`${A()}/segments`, { name: 'CLI segment', kind: 'partner' })).json();
    expect((await run('show', { segment: segment.id })).stdout).toBe(
      [
        `context of segment ${segment.id}: 0 of 4 filled; never written; evidence 0`,
        'situation:\t-',
        'regulations:\t-',
        'market:\t-',
        'channels:\t-',
      ].join('\n'),
    );
    const set = await run('set', { segment: segment.id, situation: 'Resellers\nin three regions', channels: 'Partner portal' });
    expect(set.stdout).toMatch(/^context of segment .+: 2 of 4 filled; version 1, \d{4}-\d{2}-\d{2}T.+Z by cli; evidence 0\n/);
    expect((set.stdout ?? '').split('\n').slice(1)).toEqual([
      'situation:\tResellers / in three regions',
      'regulations:\t-',
      'market:\t-',
      'channels:\tPartner portal',
    ]);
    expect((await a.get(contextUrl(segment.id))).json()).toMatchObject({
      situation: 'Resellers\nin three regions',
      updatedBy: 'cli',
      version: 1,
    });
  });

  it('refuses a missing --segment (exit 1), another organization’s segment (exit 2) and an unknown action', async () => {
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (e: unknown) => e as AppError,
      );
    const missing = await failure(run('show', {}));
    expect([missing instanceof AppError, missing?.exitCode, missing?.fields.map((f) => f.path)]).toEqual([true, 1, ['segment']]);
    const foreign = await failure(
      runCommand(t.db, {
        command: 'segments',
        sub: 'context',
        rest: ['show'],
        values: { org: orgs.b.slug, segment: segmentId },
        readInput: () => '',
        now: Date.now(),
      }),
    );
    expect(foreign?.exitCode).toBe(2);
    expect((await failure(run('drop', { segment: segmentId })))?.code).toBe('bad_request');
  });
});

describe('export and import', () => {
  let target: TestDatabase;
  afterAll(async () => target?.close());

  it('carry the context and its evidence: the copy answers the same context', async () => {
    const file = await exportOrganization(t.db, orgs.a.slug, Date.now());
    expect(file.segmentContexts.filter((row) => row.segment_id === segmentId)).toEqual([
      expect.objectContaining({ situation: 'Renting while building: **two payments** a month', market: '', version: 3 }),
    ]);
    expect(file.evidence.filter((row) => row.subject_type === 'context')).toHaveLength(1);
    target = await createTestDatabase();
    await importOrganization(target.db, file);
    const copy = await exportOrganization(target.db, orgs.a.slug, file.exportedAt);
    expect(copy.segmentContexts).toEqual(file.segmentContexts);
    expect(copy.evidence).toEqual(file.evidence);
  });
});
