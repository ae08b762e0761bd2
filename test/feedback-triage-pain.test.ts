/**
 * Feedback triage creates the pain it tags: the new pain (segment, text, severity,
 * frequency) is made in the same transaction as the tag and the evidence; a segment of another
 * organization, a severity out of range, or both painId and newPain are refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedInAgent } from './agent.js';
import type { TwoOrgs } from './fixtures.js';
import { createTestApp, errorOf, show, type TestApp } from './harness.js';

let t: TestApp;
let orgs: TwoOrgs;
let admin: SignedInAgent;
let member: SignedInAgent;
let api: string;
let segmentId: string;
let foreignSegmentId: string;

async function response(comment: string): Promise<string> {
  const res = await admin.post(`${api}/feedback`, { kind: 'csat', score: 2, comment, answeredAt: '2026-11-02T09:00:00Z' });
  expect(res.statusCode, show(res)).toBe(201);
  return res.json().id;
}

async function painsOf(segment: string): Promise<{ id: string; text: string }[]> {
  return (await admin.get(`${api}/segments/${segment}/pains`)).json().items;
}

beforeAll(async () => {
  t = await createTestApp();
  orgs = await t.seedTwoOrgs();
  admin = await t.signIn(orgs.a.users.admin.email, orgs.a.users.admin.password);
  member = await t.signIn(orgs.a.users.member.email, orgs.a.users.member.password);
  api = `/api/v1/orgs/${orgs.a.slug}`;
  segmentId = (await admin.post(`${api}/segments`, { name: 'Tenants', kind: 'customer' })).json().id;
  const adminB = await t.signIn(orgs.b.users.admin.email, orgs.b.users.admin.password);
  foreignSegmentId = (await adminB.post(`/api/v1/orgs/${orgs.b.slug}/segments`, { name: 'Theirs', kind: 'customer' })).json().id;
});
afterAll(() => t?.close());

describe('triage creates the pain it tags', () => {
  it('makes the pain with its severity and frequency, tags the response and records the evidence', async () => {
    const id = await response('Лифт снова не работает');
    const res = await member.post(`${api}/feedback/${id}/triage`, {
      newPain: { segmentId, text: 'Лифт ломается каждую неделю', severity: 5, frequency: 4 },
    });
    expect(res.statusCode, show(res)).toBe(200);
    const pain = res.json().pain;
    expect(pain).toMatchObject({ text: 'Лифт ломается каждую неделю', segmentId, segmentName: 'Tenants' });
    const stored = (await painsOf(segmentId)).find((p) => p.id === pain.id);
    expect(stored).toMatchObject({ severity: 5, frequency: 4, status: 'open', evidenceCount: 1 });
    const evidence = (await admin.get(`${api}/evidence?subjectType=pain&subjectId=${pain.id}`)).json().items;
    expect(evidence).toEqual([expect.objectContaining({ kind: 'feedback', source: `feedback:${id}` })]);
  });

  it('refuses a segment of another organization naming newPain.segmentId, and creates nothing', async () => {
    const id = await response('Cold radiators');
    const res = await admin.post(`${api}/feedback/${id}/triage`, {
      newPain: { segmentId: foreignSegmentId, text: 'Cold radiators', severity: 3, frequency: 3 },
    });
    expect(res.statusCode, show(res)).toBe(422);
    expect(errorOf(res).fields.map((f) => f.path)).toContain('newPain.segmentId');
    expect((await admin.get(`${api}/feedback/${id}`)).json().pain).toBeNull();
  });

  it('refuses a severity out of 1–5 and painId with newPain, naming the field', async () => {
    const id = await response('Noise at night');
    const wide = await admin.post(`${api}/feedback/${id}/triage`, { newPain: { segmentId, text: 'Noise', severity: 6, frequency: 1 } });
    expect(wide.statusCode).toBe(422);
    expect(errorOf(wide).fields.map((f) => f.path)).toContain('newPain.severity');
    const existing = (await painsOf(segmentId))[0]?.id as string;
    const both = await admin.post(`${api}/feedback/${id}/triage`, {
      painId: existing,
      newPain: { segmentId, text: 'Noise', severity: 2, frequency: 2 },
    });
    expect(both.statusCode).toBe(422);
    expect(errorOf(both).fields.map((f) => f.path)).toContain('newPain');
    expect((await painsOf(segmentId)).some((p) => p.text === 'Noise')).toBe(false);
  });
});
