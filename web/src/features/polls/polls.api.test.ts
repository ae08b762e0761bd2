import { describe, expect, it } from 'vitest';
import { clientChoice, fromLocalInput, isAgainstClients, type Poll, toLocalInput } from './polls.api';

/** A poll with only what the decide form reads: its status, close time (epoch ms, written as the API does) and result. */
function poll(status: Poll['status'], closesAt: number, result: { counts: boolean; winners: number[] } | null): Poll {
  return {
    status,
    closesAt: new Date(closesAt).toISOString(),
    result: result && { ...result, totals: [], means: null, isTie: false, rounds: null, ballots: 3, quorumMet: true },
  } as unknown as Poll;
}

describe('what the clients’ polls ask of the decide form', () => {
  const now = 1_000_000;
  it('a running poll holds the decision until it closes', () => {
    expect(clientChoice([poll('open', now + 5000, null), poll('closed', now - 1, null)], now).runsUntil).toBe(now + 5000);
    expect(clientChoice([poll('closed', now - 1, null)], now).runsUntil).toBeNull();
  });

  it('only a counted result asks for a client rationale, and only for another option', () => {
    const counted = [poll('closed', now - 1, { counts: true, winners: [1] })];
    expect(isAgainstClients(counted, 1)).toBe(false);
    expect(isAgainstClients(counted, 0)).toBe(true);
    expect(isAgainstClients([poll('closed', now - 1, { counts: false, winners: [1] })], 0)).toBe(false);
    expect(isAgainstClients([poll('closed', now - 1, { counts: true, winners: [0, 2] })], 2)).toBe(false);
    expect(clientChoice([...counted, poll('closed', now - 1, { counts: true, winners: [2, 1] })], now).winners).toEqual([1, 2]);
  });

  it('datetime-local values round-trip to the minute', () => {
    const ms = Date.UTC(2026, 10, 29, 8, 30);
    expect(fromLocalInput(toLocalInput(ms))).toBe(ms);
    expect(fromLocalInput('')).toBeNull();
  });
});
