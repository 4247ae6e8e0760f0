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
// Doubles pick the candidates; exact rationals decide among near-ties and the stop.

import type { Profile } from "./profile.ts";
import { totalCost } from "./profile.ts";
import type { Rational } from "./rational.ts";

const EPS = 1e-9;

export type PhragmenOutcome = { readonly selected: number[]; readonly loads: Rational[] };

export function phragmen(profile: Profile): PhragmenOutcome {
  const numProjects = profile.ids.length;
  const { approvals, costs, costF, ballots, weights, supporters, budget } = profile;
  const steps = numProjects + 1;
  // group[p * steps + (k + 1)] = weight of p's supporters whose last funded project was
  // step k; slot 0 is "none yet" (load 0).
  const group = new Float64Array(numProjects * steps);
  for (let p = 0; p < numProjects; p++) group[p * steps] = approvals[p];
  const last = new Int32Array(ballots.length).fill(-1);
  const loads: Rational[] = [];
  const loadsF: number[] = [];
  const selected: number[] = [];
  let remaining = profile.ids.map((_, p) => p).filter((p) => costs[p].le(budget));
  let spent = totalCost(profile, []);

  const loadF = (p: number): number => {
    if (approvals[p] <= 0) return Number.POSITIVE_INFINITY;
    let s = costF[p];
    for (let k = 0; k < loadsF.length; k++) s += loadsF[k] * group[p * steps + k + 1];
    return s / approvals[p];
  };
  const loadExact = (p: number): Rational => {
    let s = costs[p];
    for (let k = 0; k < loads.length; k++) {
      const w = group[p * steps + k + 1];
      if (w !== 0) s = s.add(loads[k].mulInt(w));
    }
    return s.divInt(approvals[p]);
  };

  while (remaining.length > 0) {
    const values = remaining.map((p) => ({ p, f: loadF(p) }));
    let best = Number.POSITIVE_INFINITY;
    for (const v of values) if (v.f < best) best = v.f;
    let tied: number[];
    let exactBest: Rational | null = null;
    if (best === Number.POSITIVE_INFINITY) {
      tied = remaining; // only unapproved projects are left: all "tied" at infinity
    } else {
      tied = [];
      for (const v of values) {
        if (v.f > best * (1 + 2 * EPS)) continue;
        const l = loadExact(v.p);
        const c = exactBest === null ? -1 : l.cmp(exactBest);
        if (c < 0) {
          exactBest = l;
          tied = [v.p];
        } else if (c === 0) tied.push(v.p);
      }
    }
    if (tied.some((p) => spent.add(costs[p]).gt(budget))) break;
    const s = Math.min(...tied);
    selected.push(s);
    spent = spent.add(costs[s]);
    remaining = remaining.filter((p) => p !== s);
    if (exactBest === null) continue; // an unapproved project: nobody's load changes
    const step = loads.length;
    loads.push(exactBest);
    loadsF.push(exactBest.toNumber());
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
  return { selected, loads };
}
