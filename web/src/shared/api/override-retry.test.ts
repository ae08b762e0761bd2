import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, api, setOverrideAsker } from './client';

/** A fetch that refuses the first call with 409 `code` and answers the next with `{ok: true}`, recording each call. */
function refuseOnceWith(code: string) {
  const calls: { url: string; body: unknown }[] = [];
  const fetchMock = vi.fn(async (url: string, init: RequestInit) => {
    calls.push({ url, body: init.body === undefined ? undefined : JSON.parse(String(init.body)) });
    if (calls.length === 1)
      return new Response(
        JSON.stringify({ error: { code, message: 'refused', fields: [{ path: 'override.reason', code: 'required' }] } }),
        {
          status: 409,
          headers: { 'content-type': 'application/json' },
        },
      );
    return new Response(JSON.stringify({ ok: true }), { status: 200, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

afterEach(() => {
  setOverrideAsker(null);
  vi.unstubAllGlobals();
});

describe('a change refused for a team’s delegated authority', () => {
  it('asks for the reason and sends the change again with override.reason', async () => {
    const calls = refuseOnceWith('team_autonomy');
    const asked: string[] = [];
    setOverrideAsker(async (code) => {
      asked.push(code);
      return 'the crew is away';
    });
    await expect(api.post('/api/v1/orgs/x/teams/t/roles', { name: 'Foreman' })).resolves.toEqual({ ok: true });
    expect(asked).toEqual(['team_autonomy']);
    expect(calls.map((c) => c.body)).toEqual([{ name: 'Foreman' }, { name: 'Foreman', override: { reason: 'the crew is away' } }]);
  });

  it('sends a DELETE again with ?overrideReason=', async () => {
    const calls = refuseOnceWith('team_autonomy');
    setOverrideAsker(async () => 'left the company');
    await api.delete('/api/v1/orgs/x/roles/r');
    expect(calls[1]?.url).toBe('/api/v1/orgs/x/roles/r?overrideReason=left+the+company');
  });

  it('gives the refusal back when the person cancels, and leaves other conflicts alone', async () => {
    refuseOnceWith('right_delegated');
    setOverrideAsker(async () => null);
    await expect(api.post('/api/v1/orgs/x/decisions/d/decide', {})).rejects.toMatchObject({ code: 'right_delegated', status: 409 });
    refuseOnceWith('conflict');
    const asker = vi.fn(async () => 'never');
    setOverrideAsker(asker);
    await expect(api.post('/api/v1/orgs/x/teams', {})).rejects.toBeInstanceOf(ApiError);
    expect(asker).not.toHaveBeenCalled();
  });
});
