// The compact, merged form of an election that every rule works on.
//
// Projects are re-indexed in lexicographic order of their id (compared as strings, the
// way pabutools breaks ties), so "smaller index" means "wins a tie" everywhere.
// Identical ballots are merged into one ballot with a weight: a 53,801-voter file can
// have only a few thousand distinct ballots, and every rule's cost scales with the
// number of distinct ballots, not voters. Empty ballots are dropped from the list but
// still counted in `numBallots`, because they still count in B/n.

import { Rational } from "./rational.ts";

export type PbProject = { readonly id: string; readonly cost: Rational };

export type PbElection = {
  readonly budget: Rational;
  readonly projects: readonly PbProject[];
  readonly ballots: readonly (readonly string[])[];
};

export type Profile = {
  /** Project ids, sorted as strings. Index = tie-breaking rank. */
  readonly ids: readonly string[];
  readonly costs: readonly Rational[];
  readonly costF: Float64Array;
  readonly budget: Rational;
  /** Every ballot, empty ones included: the n in B/n. */
  readonly numBallots: number;
  /** Distinct non-empty ballots, each a sorted list of project indices. */
  readonly ballots: readonly Int32Array[];
  /** How many voters cast each distinct ballot. */
  readonly weights: Float64Array;
  /** Weighted approval count per project. */
  readonly approvals: Float64Array;
  /** For each project, the distinct ballots that approve it. */
  readonly supporters: readonly Int32Array[];
  /** approves[b * numProjects + p] = 1 when distinct ballot b approves project p. */
  readonly approves: Uint8Array;
  /**
   * Costs and budget as integers over one common denominator `scale` (the lcm of their
   * denominators, a power of ten for decimal costs). Sums and "does it fit" tests are
   * then plain BigInt additions and comparisons, with no gcd.
   */
  readonly scale: bigint;
  readonly costInt: readonly bigint[];
  readonly budgetInt: bigint;
};

export function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildProfile(election: PbElection): Profile {
  const order = [...election.projects].sort((a, b) => compareIds(a.id, b.id));
  const index = new Map<string, number>();
  for (const [i, p] of order.entries()) {
    if (index.has(p.id)) throw new Error(`project id "${p.id}" appears twice`);
    if (p.cost.sign() < 0) throw new Error(`project "${p.id}" has a negative cost`);
    index.set(p.id, i);
  }
  const numProjects = order.length;

  const merged = new Map<string, { projects: Int32Array; weight: number }>();
  for (const ballot of election.ballots) {
    const seen = new Set<number>();
    for (const id of ballot) {
      const i = index.get(id);
      if (i === undefined) throw new Error(`a ballot approves unknown project "${id}"`);
      seen.add(i);
    }
    if (seen.size === 0) continue;
    const projects = Int32Array.from(seen).sort();
    const key = projects.join(",");
    const existing = merged.get(key);
    if (existing) existing.weight++;
    else merged.set(key, { projects, weight: 1 });
  }

  const ballots: Int32Array[] = [];
  const weights = new Float64Array(merged.size);
  const approvals = new Float64Array(numProjects);
  const supporterLists: number[][] = order.map(() => []);
  const approves = new Uint8Array(merged.size * numProjects);
  for (const { projects, weight } of merged.values()) {
    const b = ballots.length;
    ballots.push(projects);
    weights[b] = weight;
    for (const p of projects) {
      approvals[p] += weight;
      supporterLists[p].push(b);
      approves[b * numProjects + p] = 1;
    }
  }

  let scale = election.budget.den;
  for (const p of order) scale = lcm(scale, p.cost.den);

  return {
    ids: order.map((p) => p.id),
    costs: order.map((p) => p.cost),
    costF: Float64Array.from(order, (p) => p.cost.toNumber()),
    budget: election.budget,
    numBallots: election.ballots.length,
    ballots,
    weights,
    approvals,
    supporters: supporterLists.map((list) => Int32Array.from(list)),
    approves,
    scale,
    costInt: order.map((p) => p.cost.num * (scale / p.cost.den)),
    budgetInt: election.budget.num * (scale / election.budget.den),
  };
}

/** Total cost of the selection, as an integer over profile.scale. */
export function totalCostInt(profile: Profile, selected: readonly number[]): bigint {
  let sum = 0n;
  for (const p of selected) sum += profile.costInt[p];
  return sum;
}

export function totalCost(profile: Profile, selected: readonly number[]): Rational {
  let sum = Rational.ZERO;
  for (const p of selected) sum = sum.add(profile.costs[p]);
  return sum;
}
