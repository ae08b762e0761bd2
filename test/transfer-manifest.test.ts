/**
 * An import refuses what it cannot trust: the export carries a manifest (rows
 * per section, a SHA-256 of the content); a file with a section missing, a count changed, a byte
 * changed, or a field beyond the API's limits (a 5 MB proposal title) is refused with exit code 1
 * naming the section and field, and nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli/commands.js';
import { AppError } from '../src/core/errors.js';
import { DEMO_EMAIL } from '../src/modules/demo/demo.data.js';
import { seedDemo } from '../src/modules/demo-seed.js';
import { exportOrganization, manifestOf, readExportFile, SECTIONS, sectionsOf, type TExportFile } from '../src/modules/export-file.js';
import { canonicalJson, contentHash } from '../src/modules/transfer/transfer.manifest.js';
import { orgContext } from './fixtures.js';
import { createTestDatabase, type TestDatabase } from './harness.js';
import { addRequestRows } from './transfer-request-fixture.js';
import { addVoiceRows, previousVersionOf } from './transfer-voice-fixture.js';

/** The sections version 3 added (issue 17), known from the modules' tables. */
const NEW_IN_3 = SECTIONS.filter((key) => !sectionsOf(2).includes(key));

const databases: TestDatabase[] = [];
let source: TestDatabase;
let exported: TExportFile;
/** The export as the CLI prints it. */
let text: string;

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
}

const importText = (db: TestDatabase, input: string, values: Record<string, string> = {}) =>
  runCommand(db.db, { command: 'import', values, readInput: () => input, now: Date.now() });

/** The AppError an import fails with, and the proof that it wrote nothing. */
async function refusal(input: string, values: Record<string, string> = {}): Promise<AppError> {
  const target = await freshDatabase();
  const error = await importText(target, input, values).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  expect(await target.db.selectFrom('organizations').select('id').execute()).toEqual([]);
  expect(await target.db.selectFrom('users').select('id').execute()).toEqual([]);
  return error;
}

/** A copy of the export, changed by `edit`, with its manifest made to match the change (or not). */
// biome-ignore lint/suspicious/noExplicitAny: the parsed file is edited freely, a section at a time, as a person with an editor would.
type EditableFile = Record<string, any>;

function edited(edit: (file: EditableFile) => void, resign = true): string {
  const file = JSON.parse(text);
  edit(file);
  if (resign) file.manifest = manifestOf(file);
  return JSON.stringify(file);
}

beforeAll(async () => {
  source = await freshDatabase();
  await seedDemo(source.db, Date.now());
  const ctx = await orgContext(source.db, 'stroydom', { type: 'system', id: null, label: 'test' });
  const admin = await source.db.selectFrom('users').select('id').where('email', '=', DEMO_EMAIL).executeTakeFirstOrThrow();
  await addVoiceRows(source.db, ctx, admin.id);
  await addRequestRows(ctx);
  const out = await runCommand(source.db, { command: 'export', values: { org: 'stroydom' }, readInput: () => '', now: Date.now() });
  text = out.stdout!;
  exported = JSON.parse(text);
}, 60_000);

afterAll(async () => {
  for (const database of databases) await database.close();
});

describe('the manifest', () => {
  it('hashes RFC 8785 canonical JSON: keys sorted, no whitespace, manifest and exportedAt left out', () => {
    expect(canonicalJson({ b: [1, 'x'], a: { é: 2, z: null, c: true } })).toBe('{"a":{"c":true,"z":null,"é":2},"b":[1,"x"]}');
    // sha256 of '{"format":"x","teams":[]}', computed elsewhere.
    expect(contentHash({ teams: [], format: 'x', exportedAt: 5, manifest: { sha256: 'old' } })).toBe(
      '9b7ece6d7de847e5eb472a6ef427ed9342fe3d145f47525f76b40b5fc74d2567',
    );
  });

  it('states the rows of every section, and is the same for the same content exported later', async () => {
    expect(Object.keys(exported.manifest!.counts)).toEqual(SECTIONS);
    for (const key of SECTIONS)
      expect(exported.manifest!.counts[key]).toBe((exported as unknown as Record<string, unknown[]>)[key]!.length);
    expect(SECTIONS.length).toBeGreaterThanOrEqual(55);
    expect(exported.version).toBe(3);
    // Version 1 had every section but the requests teams make of each other and the sections of issue 17.
    expect(sectionsOf(1)).toEqual(SECTIONS.filter((key) => key !== 'promiseRequests' && !NEW_IN_3.includes(key)));
    expect(sectionsOf(2)).toEqual(SECTIONS.filter((key) => !NEW_IN_3.includes(key)));
    expect(sectionsOf(3)).toEqual(SECTIONS);
    expect(NEW_IN_3).toContain('segmentContexts');
    const later = await exportOrganization(source.db, 'stroydom', exported.exportedAt + 60_000);
    expect(later.manifest).toEqual(exported.manifest);
    expect(later.manifest!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('imports the file as exported, and every demo organization, within every limit', async () => {
    const target = await freshDatabase();
    const result = await importText(target, text);
    expect(result.stdout).toMatch(/^imported stroydom: /);
    expect(result.stderr).toEqual([]);
    for (const slug of ['mfc', 'neighbourhood-care']) {
      const file = JSON.stringify(await exportOrganization(source.db, slug, Date.now()));
      expect((await importText(target, file)).stdout).toMatch(new RegExp(`^imported ${slug}: `));
    }
  });
});

describe('an incomplete or changed file is refused, nothing written', () => {
  it('a section removed: exit 1 naming it', async () => {
    const error = await refusal(edited((f) => delete f.proposals, false));
    expect([error.exitCode, error.fields.map((f) => f.path)]).toEqual([1, ['proposals']]);
    expect(error.message).toBe(`proposals: section missing: the manifest states ${exported.proposals.length} rows`);
  });

  it('a section removed from the manifest as well: refused, the manifest must state every section', async () => {
    const error = await refusal(
      edited((f) => {
        delete f.audit;
        delete f.manifest.counts.audit;
        f.manifest.sha256 = contentHash(f);
      }, false),
    );
    expect(error.fields.map((f) => f.path)).toEqual(['manifest.counts.audit']);
  });

  it('a row removed (the count no longer matches): refused naming the section', async () => {
    const error = await refusal(edited((f) => f.promiseEvents.pop(), false));
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(
      `promiseEvents: ${exported.promiseEvents.length - 1} rows, the manifest states ${exported.promiseEvents.length}`,
    );
  });

  it('one byte of content changed: the hash does not match', async () => {
    const name = exported.teams[0]!.name;
    const changed = text.replace(JSON.stringify(name), JSON.stringify(`${name.slice(0, -1)}X`));
    expect(changed.length).toBe(text.length + (JSON.stringify(`${name.slice(0, -1)}X`).length - JSON.stringify(name).length));
    expect(changed).not.toBe(text);
    const error = await refusal(changed);
    expect([error.exitCode, error.fields.map((f) => f.path)]).toEqual([1, ['manifest.sha256']]);
  });

  it('a manifest that is not one (a hash of the wrong shape): refused naming it', async () => {
    const error = await refusal(edited((f) => (f.manifest.sha256 = 'abc'), false));
    expect(error.fields.map((f) => f.path)).toEqual(['manifest.sha256']);
  });
});

describe('every field within the API limits', () => {
  it('a 5 MB proposal title is refused naming the section, row and field', async () => {
    const error = await refusal(edited((f) => (f.proposals[0].title = 'x'.repeat(5_000_000))));
    expect([error.exitCode, error.fields.map((f) => f.path)]).toEqual([1, ['proposals.0.title']]);
    expect(error.message).toMatch(/^proposals\.0\.title: Too big: expected string to have <=200 characters/);
  });

  it('a title of 201 characters is refused; of 200 it imports', async () => {
    const error = await refusal(edited((f) => (f.proposals[1].title = 'я'.repeat(201))));
    expect(error.fields.map((f) => f.path)).toEqual(['proposals.1.title']);
    const target = await freshDatabase();
    await importText(
      target,
      edited((f) => (f.proposals[1].title = 'я'.repeat(200))),
    );
    const stored = await target.db
      .selectFrom('proposals')
      .select('title')
      .where('id', '=', exported.proposals[1]!.id)
      .executeTakeFirstOrThrow();
    expect(stored.title).toBe('я'.repeat(200));
  });

  it.each([
    ['a team name of 201 characters', 'teams', 0, 'name', 'x'.repeat(201)],
    ['an empty client name', 'clients', 0, 'name', '   '],
    ['a pain severity of 6 (1–5)', 'pains', 0, 'severity', 6],
    ['a canvas level of 11 (0–10)', 'canvasLevels', 0, 'level', 11],
    ['an agreement review date that is no date', 'agreements', 0, 'review_date', '2026-02-30'],
    ['a promise target of 1 (below 1)', 'promiseVersions', 0, 'target', 1],
    ['an event id of 201 characters', 'promiseEvents', 0, 'external_id', 'e'.repeat(201)],
    ['a ledger amount of 0 (positive)', 'ledgerLines', 0, 'amount_minor', 0],
    ['365 000 hours in a month', 'periodMembers', 0, 'hours_centi', 36_500_000],
    ['a response time of 366 days (1–365)', 'voiceSettings', 0, 'response_days', 366],
    ['a feedback comment of 4001 characters', 'feedback', 0, 'comment', 'c'.repeat(4001)],
    ['a poll question of 501 characters', 'polls', 0, 'question', 'q'.repeat(501)],
    ['a promise request title of 201 characters', 'promiseRequests', 0, 'title', 't'.repeat(201)],
    ['an empty promise request statement', 'promiseRequests', 0, 'statement', ' '],
    ['a decline reason of 2001 characters', 'promiseRequests', 0, 'answer', 'a'.repeat(2001)],
    ['an unknown promise request status', 'promiseRequests', 0, 'status', 'pending'],
    ['an unknown role', 'memberships', 0, 'role', 'owner'],
    ['an id of 65 characters', 'teams', 0, 'id', 'i'.repeat(65)],
    ['an e-mail that is not one', 'users', 0, 'email', 'nobody'],
    ['a slug with capitals', 'organization', null, 'slug', 'StroyDom'],
    ['2,000 accountabilities of a role', 'roles', 0, 'accountabilities', JSON.stringify(Array(2000).fill('a'))],
  ])('%s is refused naming it', async (_label, section, row, field, value) => {
    const error = await refusal(
      edited((f) => {
        const target = row === null ? f[section] : f[section][row];
        target[field] = value;
      }),
    );
    expect(error.exitCode).toBe(1);
    expect(error.fields.map((f) => f.path)).toEqual([row === null ? `${section}.${field}` : `${section}.${row}.${field}`]);
  });
});

/**
 * A file of version 1 (before promise requests) with its manifest, as that version wrote it: the
 * manifest states every section of version 1, none for promiseRequests; the hash is of its content.
 */
function versionOne(edit: (file: EditableFile) => void = () => {}): string {
  const file = JSON.parse(text);
  file.version = 1;
  const newer = SECTIONS.filter((key) => !sectionsOf(1).includes(key));
  for (const key of newer) delete file[key];
  const counts = Object.fromEntries(Object.entries(file.manifest.counts).filter(([key]) => !newer.includes(key)));
  file.manifest = { counts, sha256: '' };
  edit(file);
  file.manifest.sha256 = contentHash(file);
  return JSON.stringify(file);
}

describe('files of version 1, before promise requests', () => {
  it('import with their manifest, checked, without --no-manifest: no requests, nothing else lost', async () => {
    expect(exported.promiseRequests.length).toBeGreaterThan(0);
    const target = await freshDatabase();
    const result = await importText(target, versionOne());
    expect(result.stdout).toMatch(/^imported stroydom: .*promiseRequests 0/);
    expect(result.stderr).toEqual([]);
    expect(await target.db.selectFrom('promise_requests').select('id').execute()).toEqual([]);
    // Exported again, it is the current version with the newer sections empty and the rest unchanged.
    const again = await exportOrganization(target.db, 'stroydom', 0);
    expect([again.version, again.manifest!.counts.promiseRequests, again.promiseRequests]).toEqual([3, 0, []]);
    const emptied = Object.fromEntries(SECTIONS.filter((key) => !sectionsOf(1).includes(key)).map((key) => [key, 0]));
    expect(again.manifest!.counts).toEqual({ ...exported.manifest!.counts, ...emptied });
  });

  it('are still checked: a section missing, a count off or a changed byte is refused', async () => {
    const missing = await refusal(versionOne((f) => delete f.polls));
    expect(missing.fields.map((f) => f.path)).toEqual(['polls']);
    const short = await refusal(versionOne((f) => f.promiseEvents.pop()));
    expect(short.message).toBe(
      `promiseEvents: ${exported.promiseEvents.length - 1} rows, the manifest states ${exported.promiseEvents.length}`,
    );
    const edited = JSON.parse(versionOne());
    edited.teams[0].name = `${edited.teams[0].name}!`;
    const error = await refusal(JSON.stringify(edited));
    expect(error.fields.map((f) => f.path)).toEqual(['manifest.sha256']);
  });

  it('must not carry the newer section, nor state it in the manifest', async () => {
    const carried = await refusal(versionOne((f) => (f.promiseRequests = exported.promiseRequests)));
    expect([carried.exitCode, carried.fields.map((f) => f.path)]).toEqual([1, ['promiseRequests']]);
    expect(carried.message).toBe('promiseRequests: not a section of version 1 files: it is new in version 2');
    const stated = await refusal(versionOne((f) => (f.manifest.counts.promiseRequests = 0)));
    expect(stated.fields.map((f) => f.path)).toEqual(['manifest.counts.promiseRequests']);
  });

  it('a file of version 2 or later must state and hold promiseRequests', async () => {
    const unstated = await refusal(
      edited((f) => {
        delete f.promiseRequests;
        delete f.manifest.counts.promiseRequests;
        f.manifest.sha256 = contentHash(f);
      }, false),
    );
    expect(unstated.fields.map((f) => f.path)).toEqual(['manifest.counts.promiseRequests']);
    const removed = await refusal(edited((f) => delete f.promiseRequests, false));
    expect(removed.message).toBe(`promiseRequests: section missing: the manifest states ${exported.promiseRequests.length} rows`);
  });

  it('a version this server does not know is refused naming version', async () => {
    const error = await refusal(edited((f) => (f.version = 4)));
    expect([error.exitCode, error.fields.map((f) => f.path)]).toEqual([1, ['version']]);
  });
});

describe('files written before the manifest', () => {
  it('are refused unless --no-manifest is given; then they import with a warning, sections missing as empty', async () => {
    const old = JSON.stringify(previousVersionOf(exported));
    const error = await refusal(old);
    expect([error.exitCode, error.fields.map((f) => f.path)]).toEqual([1, ['manifest']]);
    expect(error.message).toContain('--no-manifest');

    const target = await freshDatabase();
    const result = await importText(target, old, { 'no-manifest': 'true' });
    expect(result.stdout).toMatch(/^imported stroydom: .*proposals 0/);
    expect(result.stderr).toEqual([expect.stringMatching(/^warning: the file has no manifest/)]);
  });

  it('with --no-manifest still re-apply every limit', async () => {
    const old = previousVersionOf(exported) as { teams: { name: string }[] };
    old.teams[0]!.name = 'x'.repeat(5_000_000);
    const error = await refusal(JSON.stringify(old), { 'no-manifest': 'true' });
    expect(error.fields.map((f) => f.path)).toEqual(['teams.0.name']);
  });

  it('a manifest present is checked even with --no-manifest', async () => {
    const error = await refusal(
      edited((f) => delete f.polls, false),
      { 'no-manifest': 'true' },
    );
    expect(error.fields.map((f) => f.path)).toEqual(['polls']);
  });

  it('readExportFile refuses what is not an object', () => {
    expect(() => readExportFile([])).toThrow(/^input: not an export file/);
  });
});
