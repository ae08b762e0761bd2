import type { FieldErrorCode, FieldErrorParams } from '../errors.js';
/**
 * Client polls on decisions (M7): what a ballot of each kind may say, and how ballots are counted.
 * Options are indexes into the decision's options (0-based). Pure: no I/O, no clock.
 *
 * - `single`: one option; the option with most votes wins (plurality).
 * - `approval`: any number of distinct options (at least one); the most approved option wins.
 * - `score`: one score 0–5 for every option; the highest sum wins (every ballot scores every
 *   option, so the highest sum is also the highest mean).
 * - `ranked`: distinct options in order of preference, not necessarily all of them; counted by
 *   instant runoff (see `instantRunoff`).
 *
 * Ties are reported — several winners — never broken silently.
 */

export const POLL_KINDS = ['single', 'approval', 'score', 'ranked'] as const;
export type PollKind = (typeof POLL_KINDS)[number];
export const MAX_SCORE = 5;

export type Ballot = { option: number } | { options: number[] } | { scores: number[] } | { ranking: number[] };

export interface BallotProblem {
  /** The field that is wrong: `option`, `options`, `options.2`, `scores.1`, `ranking.0`… */
  field: string;
  code: FieldErrorCode;
  params: FieldErrorParams;
  message: string;
}

/** One round of an instant runoff. */
export interface RunoffRound {
  /** Per option: its votes this round; null once it is out of the count (eliminated before). */
  counts: (number | null)[];
  /** Ballots still counting: their highest-ranked option is continuing. */
  active: number;
  /** Ballots whose ranked options are all out (partial rankings run out). */
  exhausted: number;
  /** Options eliminated at the end of this round (empty in the last round). */
  eliminated: number[];
  /** How the elimination was decided when several had the fewest votes: `previous-rounds` or `together`. */
  tieBreak: 'previous-rounds' | 'together' | 'either' | 'undecided' | null;
  /** The option holding a majority of the active ballots in this round, if any. */
  elected: number | null;
}

export interface PollResult {
  kind: PollKind;
  /** Ballots counted (turnout). */
  ballots: number;
  /**
   * Per option: `single` votes, `approval` approvals, `score` sum of scores, `ranked` first
   * preferences (the runoff is in `rounds`).
   */
  totals: number[];
  /** `score` only: the mean score per option (null with no ballots); null for other kinds. */
  means: (number | null)[] | null;
  /** The winning option(s): empty with no ballots, more than one on a tie. */
  winners: number[];
  isTie: boolean;
  /** `ranked` only: the runoff rounds, first to last; null for other kinds. */
  rounds: RunoffRound[] | null;
}

const outOfRange = (maximum: number) => ({ code: 'out_of_range' as const, params: { minimum: 0, maximum } });

const isIndex = (value: unknown, optionCount: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < optionCount;

function distinctOptions(field: string, value: unknown, optionCount: number): BallotProblem | null {
  if (!Array.isArray(value))
    return { field, code: 'invalid_type', params: { expected: 'array' }, message: 'must be a list of option indexes' };
  if (value.length === 0) return { field, code: 'too_few', params: { minimum: 1 }, message: 'choose at least one option' };
  const seen = new Set<number>();
  for (const [i, option] of value.entries()) {
    if (!isIndex(option, optionCount))
      return { field: `${field}.${i}`, ...outOfRange(optionCount - 1), message: `must be an option index 0 to ${optionCount - 1}` };
    if (seen.has(option)) return { field: `${field}.${i}`, code: 'given_twice', params: {}, message: 'each option at most once' };
    seen.add(option);
  }
  return null;
}

/**
 * Checks a ballot of `kind` for a poll on `optionCount` options. Returns the ballot in its clean
 * form (only the field of its kind), or the problem naming the wrong field.
 */
export function validateBallot(
  kind: PollKind,
  optionCount: number,
  ballot: unknown,
): { ballot: Ballot; problem: null } | { ballot: null; problem: BallotProblem } {
  const fail = (problem: BallotProblem) => ({ ballot: null, problem }) as const;
  const value = typeof ballot === 'object' && ballot !== null ? (ballot as Record<string, unknown>) : {};
  switch (kind) {
    case 'single':
      if (!isIndex(value.option, optionCount))
        return fail({ field: 'option', ...outOfRange(optionCount - 1), message: `choose one option 0 to ${optionCount - 1}` });
      return { ballot: { option: value.option }, problem: null };
    case 'approval': {
      const problem = distinctOptions('options', value.options, optionCount);
      return problem ? fail(problem) : { ballot: { options: [...(value.options as number[])] }, problem: null };
    }
    case 'score': {
      const scores = value.scores;
      if (!Array.isArray(scores) || scores.length !== optionCount)
        return fail({
          field: 'scores',
          code: 'invalid',
          params: { count: optionCount, minimum: 0, maximum: MAX_SCORE },
          message: `give one score 0 to ${MAX_SCORE} for each of the ${optionCount} options`,
        });
      for (const [i, score] of scores.entries()) {
        if (typeof score !== 'number' || !Number.isInteger(score) || score < 0 || score > MAX_SCORE)
          return fail({ field: `scores.${i}`, ...outOfRange(MAX_SCORE), message: `must be a whole score 0 to ${MAX_SCORE}` });
      }
      return { ballot: { scores: [...(scores as number[])] }, problem: null };
    }
    case 'ranked': {
      const problem = distinctOptions('ranking', value.ranking, optionCount);
      return problem ? fail(problem) : { ballot: { ranking: [...(value.ranking as number[])] }, problem: null };
    }
  }
}

/** Indexes holding the highest value of `values` (all of them on a tie); empty when the highest is 0 or there are none. */
function leaders(values: readonly number[]): number[] {
  const top = Math.max(0, ...values);
  if (top === 0) return [];
  return values.flatMap((v, i) => (v === top ? [i] : []));
}

/**
 * Instant runoff on rankings (each a list of distinct option indexes, best first, possibly partial).
 *
 * Each round, every ballot counts for its highest-ranked option still in the count; a ballot with
 * none left is exhausted and no longer counts. An option with more than half of the active
 * (non-exhausted) ballots wins. Otherwise the option with the fewest votes is eliminated and the
 * next round is counted.
 *
 * Ties, deterministically and without looking at option order or names:
 * - for the fewest votes: the tied option with fewer votes in the round before is eliminated,
 *   going back round by round;
 * - options still tied after round 1 are eliminated together only when that cannot change who
 *   wins: their votes together are fewer than any other option's;
 * - otherwise the count is followed with each of them eliminated in turn: when every way ends with
 *   the same winner, the count goes on with the first of them out (`either`); else the poll is a
 *   tie between the possible winners (the round says `undecided` and nothing is eliminated in it);
 * - when every option still in the count has the same number of votes, none can be eliminated
 *   fairly: the poll is a tie between them (several winners).
 * No ballots, or all exhausted → no winner.
 */
export function instantRunoff(optionCount: number, rankings: readonly (readonly number[])[]): { rounds: RunoffRound[]; winners: number[] } {
  return runoffFrom(optionCount, rankings, new Set(Array.from({ length: optionCount }, (_, i) => i)), []);
}

function runoffFrom(
  optionCount: number,
  rankings: readonly (readonly number[])[],
  continuing: Set<number>,
  rounds: RunoffRound[],
): { rounds: RunoffRound[]; winners: number[] } {
  while (continuing.size > 0) {
    const counts: (number | null)[] = Array.from({ length: optionCount }, (_, i) => (continuing.has(i) ? 0 : null));
    let exhausted = 0;
    for (const ranking of rankings) {
      const top = ranking.find((option) => continuing.has(option));
      if (top === undefined) exhausted += 1;
      else counts[top] = (counts[top] as number) + 1;
    }
    const active = rankings.length - exhausted;
    const round: RunoffRound = { counts, active, exhausted, eliminated: [], tieBreak: null, elected: null };
    rounds.push(round);
    if (active === 0) return { rounds, winners: [] };
    const live = [...continuing];
    const majority = live.find((option) => (counts[option] as number) * 2 > active);
    if (majority !== undefined) {
      round.elected = majority;
      return { rounds, winners: [majority] };
    }
    const votes = live.map((option) => counts[option] as number);
    const fewest = Math.min(...votes);
    if (votes.every((v) => v === fewest)) return { rounds, winners: live };
    let tied = live.filter((option) => counts[option] === fewest);
    if (tied.length > 1) {
      round.tieBreak = 'previous-rounds';
      // Back through the earlier rounds: keep only those with the fewest votes there.
      for (let r = rounds.length - 2; r >= 0 && tied.length > 1; r--) {
        const before = (rounds[r] as RunoffRound).counts;
        const least = Math.min(...tied.map((option) => before[option] as number));
        tied = tied.filter((option) => before[option] === least);
      }
      if (tied.length > 1) {
        const together = tied.reduce((sum, option) => sum + (counts[option] as number), 0);
        const others = live.filter((option) => !tied.includes(option)).map((option) => counts[option] as number);
        if (together < Math.min(...others)) round.tieBreak = 'together';
        else {
          // Which one goes decides the winner: follow each way and report every possible winner.
          const possible = new Set<number>();
          for (const option of tied) {
            const rest = new Set(continuing);
            rest.delete(option);
            for (const winner of runoffFrom(
              optionCount,
              rankings,
              rest,
              rounds.map((r) => ({ ...r })),
            ).winners)
              possible.add(winner);
          }
          if (possible.size > 1) {
            round.tieBreak = 'undecided';
            return { rounds, winners: [...possible].sort((x, y) => x - y) };
          }
          round.tieBreak = 'either';
          tied = [Math.min(...tied)];
        }
      }
    }
    round.eliminated = [...tied].sort((x, y) => x - y);
    for (const option of tied) continuing.delete(option);
  }
  return { rounds, winners: [] };
}

/**
 * Counts valid ballots of one kind on `optionCount` options (see the module comment for each
 * kind's rule). Ballots are assumed to have passed `validateBallot`.
 */
export function tallyPoll(kind: PollKind, optionCount: number, ballots: readonly Ballot[]): PollResult {
  const totals = Array.from({ length: optionCount }, () => 0);
  const base = { kind, ballots: ballots.length, totals, means: null, rounds: null };
  switch (kind) {
    case 'single':
    case 'approval': {
      for (const ballot of ballots) {
        const chosen = 'option' in ballot ? [ballot.option] : 'options' in ballot ? ballot.options : [];
        for (const option of chosen) totals[option] = (totals[option] as number) + 1;
      }
      const winners = leaders(totals);
      return { ...base, winners, isTie: winners.length > 1 };
    }
    case 'score': {
      for (const ballot of ballots) {
        if (!('scores' in ballot)) continue;
        for (const [option, score] of ballot.scores.entries()) totals[option] = (totals[option] as number) + score;
      }
      const means = totals.map((sum) => (ballots.length === 0 ? null : sum / ballots.length));
      const winners = ballots.length === 0 ? [] : leaders(totals);
      return { ...base, means, winners, isTie: winners.length > 1 };
    }
    case 'ranked': {
      const rankings = ballots.map((ballot) => ('ranking' in ballot ? ballot.ranking : []));
      for (const ranking of rankings) if (ranking[0] !== undefined) totals[ranking[0]] = (totals[ranking[0]] as number) + 1;
      const { rounds, winners } = instantRunoff(optionCount, rankings);
      return { ...base, rounds, winners, isTie: winners.length > 1 };
    }
  }
}

/** True when a poll's result counts: no quorum, or at least `quorum` ballots. */
export function isQuorumMet(quorum: number | null, ballots: number): boolean {
  return quorum === null || ballots >= quorum;
}

/**
 * Whether choosing `chosen` goes against the clients: true when the result counts (quorum met)
 * and has winners, and `chosen` is not among them (a tie counts each tied option as the clients').
 */
export function isAgainstClients(result: Pick<PollResult, 'winners' | 'ballots'>, quorum: number | null, chosen: number): boolean {
  return isQuorumMet(quorum, result.ballots) && result.winners.length > 0 && !result.winners.includes(chosen);
}
