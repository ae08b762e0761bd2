import type { z } from 'zod';
import type { ZCreatePoll, ZPoll } from '../../../../src/modules/polls/poll.schema';
import { api, orgPath } from '../../shared/api/client';
import { type Instant, instantMs } from '../../shared/time';

export type Poll = z.input<typeof ZPoll>;
export type PollResult = NonNullable<Poll['result']>;
export type PollKind = Poll['kind'];
export type PollInput = z.input<typeof ZCreatePoll>;

export const POLL_KINDS: readonly PollKind[] = ['single', 'approval', 'score', 'ranked'];

export const pollsApi = {
  list: (org: string, decisionId: string) => api.getAll<Poll>(orgPath(org, 'decisions', decisionId, 'polls')),
  get: (org: string, id: string) => api.get<Poll>(orgPath(org, 'polls', id)),
  open: (org: string, decisionId: string, input: PollInput) => api.post<Poll>(orgPath(org, 'decisions', decisionId, 'polls'), input),
  close: (org: string, id: string) => api.post<Poll>(orgPath(org, 'polls', id, 'close')),
};

/**
 * What the clients' polls ask of a decision about to be taken: a poll still running holds it (until
 * when), and the options the clients chose in polls whose result counts — choosing another one
 * needs a client rationale. Mirrors the server's rule (src/modules/polls/poll.tally.ts).
 */
export function clientChoice(polls: readonly Poll[], now = Date.now()): { runsUntil: number | null; winners: number[] } {
  const running = polls.filter((p) => p.status !== 'closed' && Date.parse(p.closesAt) > now).map((p) => Date.parse(p.closesAt));
  const winners = new Set<number>();
  for (const poll of polls) if (poll.result?.counts) for (const w of poll.result.winners) winners.add(w);
  return { runsUntil: running.length ? Math.max(...running) : null, winners: [...winners].sort((a, b) => a - b) };
}

/** True when choosing `option` goes against a counted poll: some poll counts and `option` is not its winner. */
export function isAgainstClients(polls: readonly Poll[], option: number): boolean {
  return polls.some((p) => p.result?.counts && !p.result.winners.includes(option));
}

/** An instant (ISO 8601 as the API writes it, or epoch ms) as the value of a `datetime-local` input, in the browser's time zone. */
export function toLocalInput(at: Instant): string {
  const ms = instantMs(at);
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** A `datetime-local` value as epoch ms, or null when empty or not a date. */
export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : ms;
}
