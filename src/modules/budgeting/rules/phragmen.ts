// Sequential Phragmén, as pabutools' sequential_phragmen computes it.
//
// Every voter carries a load, starting at 0. Funding project p at load L means each of
// its supporters now carries exactly L, where L = (sum of the supporters' loads + cost)
// / approvals: the cost is spread so all supporters end level. Each step funds the
// project with the smallest such L. The rule stops for good (no skipping) as soon as
// the chosen project, or any project tied with it, would overspend the budget.
// Projects that cost more than the whole budget are set aside first; projects with no
// approvals have an infinite L and so can only come at the very end.
//
// Loads are kept per "last funded project approved": every voter whose most recent
// funded project was step k carries L_k. So a project's supporter load is
// sum_k L_k * C[p][k], with C integer weights updated as ballots move between groups.
//
// Doubles pick the candidates; exact arithmetic decides near-ties. Exact loads are
// BigInt numerators over one shared denominator M (multiplied by the approvals count at
// each step, so no gcd). They are only needed for near-ties, so each step just records
// which project it funded. That project's row C[s] stays frozen from then on (ballot
// moves skip funded projects), and the exact loads are rebuilt from those rows on demand.

import type { Profile } from "./profile.ts";
import { filled, Spending } from "./profile.ts";
import { Rational } from "./rational.ts";

const EPS = 1e-9;

export type PhragmenOutcome = { readonly selected: number[]; readonly loads: () => Rational[] };

/** An exact load num / (den * M), in units of the shared denominator M at the time. */
type ExactLoad = { readonly num: bigint; readonly den: number };

export function phragmen(profile: Profile): PhragmenOutcome {
  const numProjects = profile.ids.length;
  const { approvals, costF, costInt, budgetInt, ballots, weights, supporters } = profile;
  const steps = numProjects + 1;
  // group[p * steps + (k + 1)] = weight of p's supporters whose last funded project was
  // step k; slot 0 is "none yet" (load 0). Plain arrays, not typed arrays: on a small
  // election, allocating typed arrays (each with its own backing store) and collecting
  // them was most of the run time.
  const group: number[] = filled(numProjects * steps, 0);
  for (let p = 0; p < numProjects; p++) group[p * steps] = approvals[p];
  const last: number[] = filled(ballots.length, -1);
  // Ballot moves skip funded projects, so a funded project's row stays as it was when its
  // load was computed: the exact load can be rebuilt from it later, with no copy.
  const funded: boolean[] = filled(numProjects, false);
  const loadsF: number[] = [];
  const selected: number[] = [];
  const remaining: number[] = [];
  for (let p = 0; p < numProjects; p++) if (costInt[p] <= budgetInt) remaining.push(p);
  const spent = new Spending(profile);

  // Exact state: M, costs and settled loads over M, and the steps not yet settled.
  let M = 1n;
  // Costs over M: copied only when the first exact load is needed (most runs never do).
  let costN: bigint[] | null = null;
  const costsOverM = (): bigint[] => {
    costN ??= costInt.slice();
    return costN;
  };
  const loadsN: bigint[] = [];
  const loadsRaw: { num: bigint; den: bigint }[] = [];
  // Funded projects whose exact load is not worked out yet, in funding order.
  const pending: number[] = [];

  /** Exact load of p from its row: current for an unfunded project, frozen for a funded one. */
  const exactFromRow = (p: number): ExactLoad => {
    let s = costsOverM()[p];
    const base = p * steps + 1;
    for (let k = 0; k < loadsN.length; k++) {
      const w = group[base + k];
      if (w !== 0) s += loadsN[k] * BigInt(w);
    }
    return { num: s, den: approvals[p] };
  };
  const commit = (load: ExactLoad): void => {
    const a = BigInt(load.den);
    M *= a;
    const costs = costsOverM();
    for (let p = 0; p < numProjects; p++) costs[p] *= a;
    for (let k = 0; k < loadsN.length; k++) loadsN[k] *= a;
    loadsN.push(load.num);
    loadsRaw.push({ num: load.num, den: M });
  };
  const settle = (): void => {
    for (const s of pending.splice(0)) commit(exactFromRow(s));
  };
  const loadF = (p: number): number => {
    if (approvals[p] <= 0) return Number.POSITIVE_INFINITY;
    let s = costF[p];
    const base = p * steps + 1;
    for (let k = 0; k < loadsF.length; k++) s += loadsF[k] * group[base + k];
    return s / approvals[p];
  };

  const valuesF: number[] = filled(numProjects, 0);
  while (remaining.length > 0) {
    let best = Number.POSITIVE_INFINITY;
    for (const p of remaining) {
      valuesF[p] = loadF(p);
      if (valuesF[p] < best) best = valuesF[p];
    }
    let tied: number[] = [];
    let winnerLoad: ExactLoad | null = null;
    if (best === Number.POSITIVE_INFINITY) {
      tied = remaining; // only unapproved projects are left: all "tied" at infinity
    } else {
      for (const p of remaining) if (valuesF[p] <= best * (1 + 2 * EPS)) tied.push(p);
      if (tied.length > 1) {
        // Too close for doubles: compare exactly, keeping only the true minimum.
        settle();
        let exactTied: number[] = [];
        for (const p of tied) {
          const l = exactFromRow(p);
          const c = winnerLoad === null ? -1 : compare(l, winnerLoad);
          if (c < 0) {
            winnerLoad = l;
            exactTied = [p];
          } else if (c === 0) exactTied.push(p);
        }
        tied = exactTied;
      }
    }
    let allFit = true;
    for (const p of tied) if (!spent.fits(p)) allFit = false;
    if (!allFit) break;
    let s = tied[0];
    for (const p of tied) if (p < s) s = p;
    selected.push(s);
    spent.add(s);
    funded[s] = true;
    // Order does not matter: ties are settled by index, not by position.
    const at = remaining.indexOf(s);
    remaining[at] = remaining[remaining.length - 1];
    remaining.pop();
    if (best === Number.POSITIVE_INFINITY) continue; // an unapproved project: no load changes
    const step = loadsF.length;
    if (winnerLoad !== null) {
      // Tied projects have equal loads, so the exact load found is the winner's too.
      loadsF.push(new Rational(winnerLoad.num, BigInt(winnerLoad.den) * M * profile.scale).toNumber());
      commit(winnerLoad);
    } else {
      loadsF.push(valuesF[s]);
      pending.push(s);
    }
    for (const b of supporters[s]) {
      const from = last[b] + 1;
      const w = weights[b];
      for (const p of ballots[b]) {
        if (funded[p]) continue;
        group[p * steps + from] -= w;
        group[p * steps + step + 1] += w;
      }
      last[b] = step;
    }
  }
  const loads = (): Rational[] => {
    settle();
    return loadsRaw.map((l) => Rational.fraction(l.num, l.den * profile.scale));
  };
  return { selected, loads };
}

function compare(a: ExactLoad, b: ExactLoad): number {
  const left = a.num * BigInt(b.den);
  const right = b.num * BigInt(a.den);
  return left < right ? -1 : left > right ? 1 : 0;
}
