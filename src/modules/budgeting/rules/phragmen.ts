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
// the row C[s] it used, and the exact loads are rebuilt from those rows on demand.

import type { Profile } from "./profile.ts";
import { Spending } from "./profile.ts";
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
  // step k; slot 0 is "none yet" (load 0).
  const group = new Float64Array(numProjects * steps);
  for (let p = 0; p < numProjects; p++) group[p * steps] = approvals[p];
  const last = new Int32Array(ballots.length).fill(-1);
  const loadsF: number[] = [];
  const selected: number[] = [];
  const remaining: number[] = [];
  for (let p = 0; p < numProjects; p++) if (costInt[p] <= budgetInt) remaining.push(p);
  const spent = new Spending(profile);

  // Exact state: M, costs and settled loads over M, and the steps not yet settled.
  let M = 1n;
  const costN = costInt.slice();
  const loadsN: bigint[] = [];
  const loadsRaw: { num: bigint; den: bigint }[] = [];
  const pending: { s: number; row: Float64Array }[] = [];

  const exactFromRow = (p: number, row: ArrayLike<number>): ExactLoad => {
    let s = costN[p];
    for (let k = 0; k < loadsN.length; k++) if (row[k + 1] !== 0) s += loadsN[k] * BigInt(row[k + 1]);
    return { num: s, den: approvals[p] };
  };
  const commit = (load: ExactLoad): void => {
    const a = BigInt(load.den);
    M *= a;
    for (let p = 0; p < numProjects; p++) costN[p] *= a;
    for (let k = 0; k < loadsN.length; k++) loadsN[k] *= a;
    loadsN.push(load.num);
    loadsRaw.push({ num: load.num, den: M });
  };
  const settle = (): void => {
    for (const step of pending.splice(0)) commit(exactFromRow(step.s, step.row));
  };
  const currentRow = (p: number): Float64Array => group.subarray(p * steps, p * steps + steps);
  const loadF = (p: number): number => {
    if (approvals[p] <= 0) return Number.POSITIVE_INFINITY;
    let s = costF[p];
    const base = p * steps + 1;
    for (let k = 0; k < loadsF.length; k++) s += loadsF[k] * group[base + k];
    return s / approvals[p];
  };

  const valuesF = new Float64Array(numProjects);
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
          const l = exactFromRow(p, currentRow(p));
          const c = winnerLoad === null ? -1 : compare(l, winnerLoad);
          if (c < 0) {
            winnerLoad = l;
            exactTied = [p];
          } else if (c === 0) exactTied.push(p);
        }
        tied = exactTied;
      }
    }
    if (!tied.every((p) => spent.fits(p))) break;
    let s = tied[0];
    for (const p of tied) if (p < s) s = p;
    selected.push(s);
    spent.add(s);
    remaining.splice(remaining.indexOf(s), 1);
    if (best === Number.POSITIVE_INFINITY) continue; // an unapproved project: no load changes
    const step = loadsF.length;
    if (winnerLoad !== null) {
      // Tied projects have equal loads, so the exact load found is the winner's too.
      loadsF.push(new Rational(winnerLoad.num, BigInt(winnerLoad.den) * M * profile.scale).toNumber());
      commit(winnerLoad);
    } else {
      loadsF.push(valuesF[s]);
      pending.push({ s, row: currentRow(s).slice() });
    }
    for (const b of supporters[s]) {
      const from = last[b] + 1;
      const w = weights[b];
      for (const p of ballots[b]) {
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
