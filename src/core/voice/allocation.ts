/**
 * Participatory allocation of a budget among projects from approval (budget) ballots: greedy by votes
 * (as Consul) and the Method of Equal Shares. Money is integer minor units; shares of a voter are
 * exact BigInt fractions, so no rounding decides who wins.
 */
import { type Fraction, frac, lessThan, toNumber } from '../economics/fraction.js';

export interface CandidateProject {
  id: string;
  /** Minor units, ≥ 0. */
  cost: number;
}

export interface GreedyResult {
  /** Funded projects in the order they were taken. */
  funded: string[];
  /** Approvals per project (every project is listed, 0 when nobody approved it). */
  votes: Record<string, number>;
  spent: number;
  left: number;
}

export interface EqualSharesResult extends GreedyResult {
  /** Bought by the rule itself, in the order bought. */
  byRule: string[];
  /** Added afterwards from the leftover budget, greedily by votes. */
  completion: string[];
  /** What each voter held at the start (budget ÷ voters), in minor units, rounded for display. */
  voterShare: number;
  /** Per project bought by the rule: the largest payment asked of one supporter, minor units, rounded for display. */
  rho: Record<string, number>;
}

/** Approvals per project: each ballot counts once per project it names; ids that are no project are ignored. */
export function countVotes(projects: CandidateProject[], ballots: string[][]): Record<string, number> {
  const votes: Record<string, number> = Object.fromEntries(projects.map((p) => [p.id, 0]));
  for (const ballot of ballots) for (const id of new Set(ballot)) if (id in votes) votes[id] = (votes[id] as number) + 1;
  return votes;
}

/** Order of precedence: more votes, then the cheaper, then the lower id. */
function byVotes(votes: Record<string, number>) {
  return (a: CandidateProject, b: CandidateProject) =>
    (votes[b.id] as number) - (votes[a.id] as number) || a.cost - b.cost || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Takes projects with at least one vote in `order`, each that still fits in `left`; returns what was taken. */
function fillGreedily(order: CandidateProject[], votes: Record<string, number>, left: number) {
  const taken: string[] = [];
  for (const p of order) {
    if ((votes[p.id] as number) === 0 || p.cost > left) continue;
    taken.push(p.id);
    left -= p.cost;
  }
  return { taken, left };
}

/**
 * Greedy by votes, as Consul: projects by votes (ties: the cheaper, then the lower id), each funded
 * when it still fits in what is left, skipped when it no longer does. A project nobody approved is
 * never funded. No ballots → nothing funded, the whole budget left.
 */
export function greedyAllocation(budget: number, projects: CandidateProject[], ballots: string[][]): GreedyResult {
  const votes = countVotes(projects, ballots);
  const { taken, left } = fillGreedily([...projects].sort(byVotes(votes)), votes, budget);
  return { funded: taken, votes, spent: budget - left, left };
}

const ZERO = frac(0);
const sub = (a: Fraction, b: Fraction): Fraction => reduce({ n: a.n * b.d - b.n * a.d, d: a.d * b.d });
const divInt = (a: Fraction, k: number): Fraction => reduce({ n: a.n, d: a.d * BigInt(k) });
const equal = (a: Fraction, b: Fraction) => a.n * b.d === b.n * a.d;
const lessOrEqual = (a: Fraction, b: Fraction) => !lessThan(b, a);
const sum = (xs: Fraction[]) => xs.reduce((s, x) => reduce({ n: s.n * x.d + x.n * s.d, d: s.d * x.d }), ZERO);

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Keeps the BigInts small: the same fraction in lowest terms. */
function reduce(x: Fraction): Fraction {
  const g = gcd(x.n, x.d);
  return g > 1n ? { n: x.n / g, d: x.d / g } : x;
}

/**
 * The smallest ρ with Σ min(bᵢ, ρ) = cost over the supporters' money `held`, or null when together
 * they cannot pay it. Supporters holding less than ρ pay all they have; the rest pay ρ each.
 */
export function equalShareRho(cost: number, held: Fraction[]): Fraction | null {
  const target = frac(cost);
  if (lessThan(sum(held), target)) return null;
  const ascending = [...held].sort((a, b) => (lessThan(a, b) ? -1 : lessThan(b, a) ? 1 : 0));
  let remaining = target;
  for (let i = 0; i < ascending.length; i++) {
    const rho = divInt(remaining, ascending.length - i);
    if (lessOrEqual(rho, ascending[i] as Fraction)) return rho;
    remaining = sub(remaining, ascending[i] as Fraction);
  }
  // Only reached when the cost is 0 and nobody holds anything.
  return ZERO;
}

/**
 * The Method of Equal Shares: each ballot's voter holds budget ÷ voters; a project is affordable
 * when its supporters' remaining money covers its cost; at each step the affordable project with the
 * smallest ρ (the most any one supporter pays) is bought (ties: more votes, the cheaper, the lower
 * id) and its supporters pay min(bᵢ, ρ). When nothing more is affordable, the leftover budget
 * (budget − spent) is completed greedily by votes among projects not yet funded. A project nobody
 * approved is never funded; no ballots → nothing funded.
 */
export function equalSharesAllocation(budget: number, projects: CandidateProject[], ballots: string[][]): EqualSharesResult {
  const votes = countVotes(projects, ballots);
  const voters = ballots.map((b) => new Set(b));
  const share = voters.length > 0 ? reduce(frac(budget, voters.length)) : ZERO;
  const held: Fraction[] = voters.map(() => share);
  const supporters = new Map(projects.map((p) => [p.id, voters.flatMap((v, i) => (v.has(p.id) ? [i] : []))]));
  const precedence = byVotes(votes);
  const byRule: string[] = [];
  const rho: Record<string, number> = {};
  const open = new Set(projects.filter((p) => (votes[p.id] as number) > 0).map((p) => p.id));
  let spent = 0;
  for (;;) {
    let best: { project: CandidateProject; rho: Fraction } | null = null;
    for (const project of projects) {
      if (!open.has(project.id)) continue;
      const who = supporters.get(project.id) as number[];
      const r = equalShareRho(
        project.cost,
        who.map((i) => held[i] as Fraction),
      );
      if (r === null) continue;
      if (!best || lessThan(r, best.rho) || (equal(r, best.rho) && precedence(project, best.project) < 0)) best = { project, rho: r };
    }
    if (!best) break;
    const { project, rho: r } = best;
    for (const i of supporters.get(project.id) as number[]) {
      const pays = lessThan(held[i] as Fraction, r) ? (held[i] as Fraction) : r;
      held[i] = sub(held[i] as Fraction, pays);
    }
    open.delete(project.id);
    byRule.push(project.id);
    rho[project.id] = toNumber(r, 2);
    spent += project.cost;
  }
  const rest = projects.filter((p) => !byRule.includes(p.id)).sort(precedence);
  const { taken: completion, left } = fillGreedily(rest, votes, budget - spent);
  return { funded: [...byRule, ...completion], byRule, completion, votes, voterShare: toNumber(share, 2), rho, spent: budget - left, left };
}
