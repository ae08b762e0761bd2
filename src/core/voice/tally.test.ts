import { describe, expect, it } from 'vitest';
import { type Ballot, instantRunoff, isAgainstClients, type PollKind, tallyPoll, validateBallot } from './tally.js';

/** `n` copies of a ballot. */
const times = <T>(n: number, ballot: T): T[] => Array.from({ length: n }, () => ballot);

describe('validateBallot', () => {
  const cases: [PollKind, number, unknown, string | null][] = [
    ['single', 3, { option: 2 }, null],
    ['single', 3, { option: 3 }, 'option'],
    ['single', 3, { option: 1.5 }, 'option'],
    ['single', 3, {}, 'option'],
    ['single', 3, null, 'option'],
    ['approval', 3, { options: [0, 2] }, null],
    ['approval', 3, { options: [] }, 'options'],
    ['approval', 3, { options: [0, 0] }, 'options.1'],
    ['approval', 3, { options: [0, 7] }, 'options.1'],
    ['approval', 3, { options: '0' }, 'options'],
    ['score', 3, { scores: [0, 5, 3] }, null],
    ['score', 3, { scores: [0, 5] }, 'scores'],
    ['score', 3, { scores: [0, 6, 1] }, 'scores.1'],
    ['score', 3, { scores: [0, -1, 1] }, 'scores.1'],
    ['score', 3, { scores: [0, 1, 2.5] }, 'scores.2'],
    ['ranked', 4, { ranking: [3, 0] }, null],
    ['ranked', 4, { ranking: [3, 0, 3] }, 'ranking.2'],
    ['ranked', 4, { ranking: [] }, 'ranking'],
    ['ranked', 4, { ranking: [4] }, 'ranking.0'],
    ['ranked', 4, { option: 1 }, 'ranking'],
  ];
  it.each(cases)('%s on %i options: %j → %s', (kind, count, ballot, field) => {
    const checked = validateBallot(kind, count, ballot);
    expect(checked.problem?.field ?? null).toBe(field);
  });

  it('keeps only the field of the kind', () => {
    expect(validateBallot('single', 2, { option: 1, options: [0] }).ballot).toEqual({ option: 1 });
  });
});

describe('instant runoff', () => {
  /*
   * Five options: 0 Repair on site, 1 Replace the unit, 2 Compensate, 3 Inspect first, 4 Do nothing.
   * 26 ballots, partial rankings:
   *    8 × [0]          7 × [1, 2]        5 × [2, 1]        4 × [3, 2, 1]        2 × [4, 3]
   * Round 1: 0:8 1:7 2:5 3:4 4:2 — active 26, a majority needs 14 → 4 (Do nothing) is out.
   * Round 2: its 2 ballots go to 3 → 0:8 1:7 2:5 3:6 — 2 (Compensate) is out.
   * Round 3: its 5 ballots go to 1 → 0:8 1:12 3:6 — no majority of 26; 3 (Inspect first) is out.
   * Round 4: [3,2,1] ballots skip 2 (out) to 1; [4,3] ballots have nothing left: 2 exhausted.
   *          0:8 1:16 — active 24, 16 > 12 → 1 (Replace the unit) wins.
   * Plurality (first preferences) would have picked 0 (Repair on site, 8).
   */
  const ballots: number[][] = [...times(8, [0]), ...times(7, [1, 2]), ...times(5, [2, 1]), ...times(4, [3, 2, 1]), ...times(2, [4, 3])];

  it('elects the option plurality misses, round by round, with exhausted ballots counted apart', () => {
    const { rounds, winners } = instantRunoff(5, ballots);
    expect(winners).toEqual([1]);
    expect(rounds.map((r) => r.counts)).toEqual([
      [8, 7, 5, 4, 2],
      [8, 7, 5, 6, null],
      [8, 12, null, 6, null],
      [8, 16, null, null, null],
    ]);
    expect(rounds.map((r) => r.eliminated)).toEqual([[4], [2], [3], []]);
    expect(rounds.map((r) => [r.active, r.exhausted])).toEqual([
      [26, 0],
      [26, 0],
      [26, 0],
      [24, 2],
    ]);
    expect(rounds.map((r) => r.elected)).toEqual([null, null, null, 1]);
    const result = tallyPoll(
      'ranked',
      5,
      ballots.map((ranking) => ({ ranking })),
    );
    expect(result.totals).toEqual([8, 7, 5, 4, 2]);
    expect(result.winners).toEqual([1]);
    expect(
      tallyPoll(
        'single',
        5,
        ballots.map((ranking) => ({ option: ranking[0] as number })),
      ).winners,
    ).toEqual([0]);
  });

  it('a first-round majority wins at once', () => {
    const { rounds, winners } = instantRunoff(3, [...times(3, [2]), [0, 2], [1]]);
    expect(winners).toEqual([2]);
    expect(rounds).toHaveLength(1);
  });

  it('breaks a tie for the fewest votes by the round before', () => {
    // Round 1: 0:4 1:3 2:2 3:1 → 3 out, its ballot to 2. Round 2: 0:4 1:3 2:3 — 1 and 2 tied at 3;
    // in round 1, 2 had fewer (2 < 3) → 2 is out. Round 3: 0:4 1:3+3=6 → 1 wins (6 of 10).
    const { rounds, winners } = instantRunoff(4, [...times(4, [0]), ...times(3, [1]), ...times(2, [2, 1]), [3, 2, 1]]);
    expect(rounds[1]).toMatchObject({ counts: [4, 3, 3, null], eliminated: [2], tieBreak: 'previous-rounds' });
    expect(winners).toEqual([1]);
  });

  it('eliminates options tied since the first round together when together they are fewer than any other', () => {
    // 2 and 3 have one vote each in round 1 and no round before; together (2) they are fewer than
    // 1 (3): both go. 1 then has 3+1+1 = 5 of 8.
    const { rounds, winners } = instantRunoff(4, [...times(3, [0]), ...times(3, [1]), [2, 1], [3, 1]]);
    expect(rounds[0]).toMatchObject({ eliminated: [2, 3], tieBreak: 'together' });
    expect(winners).toEqual([1]);
  });

  it('when the tied options together are not fewer, but either way elects the same winner, goes on with one out', () => {
    // 0:3 1:2 2:1 3:1 — 2 and 3 together (2) equal 1's votes, so they may not go together. With 2
    // out, 1 has 3 and then wins 1+…; with 3 out the same: 1 wins 4 of 7 either way.
    const { rounds, winners } = instantRunoff(4, [...times(3, [0]), ...times(2, [1]), [2, 1], [3, 1]]);
    expect(rounds[0]).toMatchObject({ eliminated: [2], tieBreak: 'either' });
    expect(winners).toEqual([1]);
  });

  it('does not eliminate tied options together when their votes together would beat another option', () => {
    // 3×(A>B), 3×(B>A), 5×C. A and B tie at 3 in round 1 with no round before, but together (6) they
    // outnumber C (5): dropping both would elect C, whom 6 of 11 rank below both. Dropping A elects
    // B (6 of 11), dropping B elects A: a tie between A and B, and C cannot win.
    const { rounds, winners } = instantRunoff(3, [...times(3, [0, 1]), ...times(3, [1, 0]), ...times(5, [2])]);
    expect(rounds).toHaveLength(1);
    expect(rounds[0]).toMatchObject({ counts: [3, 3, 5], eliminated: [], tieBreak: 'undecided' });
    expect(winners).toEqual([0, 1]);
  });

  it('names one winner when every way of breaking the tie leads to it', () => {
    // 2×(A>C), 2×(B>C), 3×C, 1×D>C… round 1: A2 B2 C3 D1 → D out. Round 2: A2 B2 C4 of 8 — A and B tie
    // and together (4) do not beat C (4): each way, C gets the other's 2 and wins 6 of 8.
    const { winners, rounds } = instantRunoff(4, [...times(2, [0, 2]), ...times(2, [1, 2]), ...times(3, [2]), [3, 2]]);
    expect(rounds[1]).toMatchObject({ counts: [2, 2, 4, null], eliminated: [0], tieBreak: 'either' });
    expect(winners).toEqual([2]);
  });

  it('reports a tie when every option left has the same votes', () => {
    const { rounds, winners } = instantRunoff(3, [...times(2, [0]), ...times(2, [1, 0]), [2]]);
    // Round 1: 0:2 1:2 2:1 → 2 out (exhausted). Round 2: 0:2 1:2 of 4 active — a tie.
    expect(rounds[1]).toMatchObject({ counts: [2, 2, null], active: 4, exhausted: 1, eliminated: [] });
    expect(winners).toEqual([0, 1]);
    expect(
      tallyPoll(
        'ranked',
        3,
        [...times(2, [0]), ...times(2, [1, 0]), [2]].map((ranking) => ({ ranking })),
      ).isTie,
    ).toBe(true);
  });

  it('no ballots → no winner', () => {
    expect(instantRunoff(3, []).winners).toEqual([]);
    expect(tallyPoll('ranked', 3, []).winners).toEqual([]);
  });
});

describe('tallyPoll', () => {
  it('single: votes per option, the most wins', () => {
    const ballots: Ballot[] = [{ option: 0 }, { option: 2 }, { option: 2 }, { option: 1 }];
    expect(tallyPoll('single', 3, ballots)).toMatchObject({ ballots: 4, totals: [1, 1, 2], winners: [2], isTie: false, rounds: null });
  });

  it('single: a tie is reported with both winners', () => {
    expect(tallyPoll('single', 3, [{ option: 0 }, { option: 2 }])).toMatchObject({ winners: [0, 2], isTie: true });
  });

  it('approval: approvals per option, the most approved wins', () => {
    // 0: 3 approvals, 1: 2, 2: 2 → 0 wins though option 1 is on the second ballot too.
    const ballots: Ballot[] = [{ options: [0, 1] }, { options: [0] }, { options: [2, 0, 1] }, { options: [2] }];
    expect(tallyPoll('approval', 3, ballots)).toMatchObject({ ballots: 4, totals: [3, 2, 2], winners: [0] });
  });

  it('score: sum and mean per option, the highest sum wins', () => {
    // Sums 3+5+4 = 12, 5+0+1 = 6, 4+4+4 = 12 → a tie between 0 and 2 at a mean of 4.
    const ballots: Ballot[] = [{ scores: [3, 5, 4] }, { scores: [5, 0, 4] }, { scores: [4, 1, 4] }];
    const result = tallyPoll('score', 3, ballots);
    expect(result.totals).toEqual([12, 6, 12]);
    expect(result.means).toEqual([4, 2, 4]);
    expect(result.winners).toEqual([0, 2]);
    expect(result.isTie).toBe(true);
    expect(tallyPoll('score', 2, [{ scores: [1, 2] }, { scores: [0, 3] }])).toMatchObject({
      totals: [1, 5],
      means: [0.5, 2.5],
      winners: [1],
    });
  });

  it('score: no ballots, or nothing scored above 0 → no winner', () => {
    expect(tallyPoll('score', 2, [])).toMatchObject({ means: [null, null], winners: [] });
    expect(tallyPoll('score', 2, [{ scores: [0, 0] }]).winners).toEqual([]);
  });
});

describe('isAgainstClients', () => {
  const cases: [string, { winners: number[]; ballots: number }, number | null, number, boolean][] = [
    ['the clients’ winner chosen', { winners: [1], ballots: 10 }, null, 1, false],
    ['another option chosen', { winners: [1], ballots: 10 }, null, 0, true],
    ['quorum not met: the result does not count', { winners: [1], ballots: 4 }, 5, 0, false],
    ['quorum exactly met', { winners: [1], ballots: 5 }, 5, 0, true],
    ['a tie: either tied option is the clients’', { winners: [0, 2], ballots: 6 }, null, 2, false],
    ['no winner', { winners: [], ballots: 0 }, null, 0, false],
  ];
  it.each(cases)('%s', (_name, result, quorum, chosen, expected) => {
    expect(isAgainstClients(result, quorum, chosen)).toBe(expected);
  });
});
