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
  /**
   * True when the budget plus every cost is at most 2^53 (in `scale` units), so every
   * sum of costs is an exact double and "does it fit" needs no BigInt. Small elections
   * run Add1 hundreds of times, where BigInt allocation was a large share of the time.
   */
  readonly smallInts: boolean;
  /** costInt and budgetInt as doubles: exact when smallInts. */
  readonly costNum: Float64Array;
  readonly budgetNum: number;
};

export function lcm(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return (a / x) * b;
}

/**
 * A packed array of n copies of value (new Array(n).fill makes a slower, holey one
 * first). The rules use plain arrays for their working state: on a small election,
 * allocating typed arrays (each with its own backing store) was most of a run.
 */
export function filled<T>(n: number, value: T): T[] {
  const list: T[] = [];
  for (let i = 0; i < n; i++) list.push(value);
  return list;
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

  const costInt = order.map((p) => p.cost.num * (scale / p.cost.den));
  const budgetInt = election.budget.num * (scale / election.budget.den);
  const everything = costInt.reduce((sum, c) => sum + c, budgetInt);
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
    costInt,
    budgetInt,
    smallInts: everything <= BigInt(Number.MAX_SAFE_INTEGER),
    costNum: Float64Array.from(costInt, (c) => Number(c)),
    budgetNum: Number(budgetInt),
  };
}

/** Total cost of the selection, as an integer over profile.scale. */
export function totalCostInt(profile: Profile, selected: readonly number[]): bigint {
  let sum = 0n;
  for (const p of selected) sum += profile.costInt[p];
  return sum;
}

/** Whether the selection costs more than the budget (doubles when they are exact). */
export function overBudget(profile: Profile, selected: readonly number[]): boolean {
  if (!profile.smallInts) return totalCostInt(profile, selected) > profile.budgetInt;
  let sum = 0;
  for (const p of selected) sum += profile.costNum[p];
  return sum > profile.budgetNum;
}

/** Whether no project outside the selection fits in the money it leaves. */
export function nothingElseFits(
  profile: Profile,
  candidates: readonly number[],
  selected: readonly number[],
): boolean {
  if (!profile.smallInts) {
    const left = profile.budgetInt - totalCostInt(profile, selected);
    return candidates.every((p) => profile.costInt[p] > left || selected.includes(p));
  }
  let left = profile.budgetNum;
  for (const p of selected) left -= profile.costNum[p];
  for (const p of candidates) if (profile.costNum[p] <= left && !selected.includes(p)) return false;
  return true;
}

/**
 * The running total of a rule's spending, in doubles when they are exact (see smallInts).
 */
export class Spending {
  private readonly profile: Profile;
  private spentNum = 0;
  private spentInt = 0n;
  constructor(profile: Profile) {
    this.profile = profile;
  }
  fits(p: number): boolean {
    const { profile } = this;
    return profile.smallInts
      ? this.spentNum + profile.costNum[p] <= profile.budgetNum
      : this.spentInt + profile.costInt[p] <= profile.budgetInt;
  }
  add(p: number): void {
    if (this.profile.smallInts) this.spentNum += this.profile.costNum[p];
    else this.spentInt += this.profile.costInt[p];
  }
}

export function totalCost(profile: Profile, selected: readonly number[]): Rational {
  let sum = Rational.ZERO;
  for (const p of selected) sum = sum.add(profile.costs[p]);
  return sum;
}
