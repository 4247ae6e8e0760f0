// Greedy utilitarian welfare, as pabutools' greedy_utilitarian_welfare computes it.
//
// Projects are ranked by satisfaction per unit of cost, best first, and each one that
// still fits in what is left of the budget is funded; one that does not fit is skipped
// and the rule carries on down the list.
// - Cost utilities: a supporter's satisfaction is the project's cost, so the ratio is
//   simply the number of approvals. A project with no approvals, or one that costs 0
//   (its "cost satisfaction" is 0), has ratio 0 and so comes last.
// - Approval utilities: the ratio is approvals / cost; a supported zero-cost project
//   has an infinite ratio and comes first.
// Ties go to the smaller project id (as a string): profile indices are in that order.

import type { Profile } from "./profile.ts";
import { Rational } from "./rational.ts";

export type GreedyUtility = "cost" | "approval";

export function greedy(profile: Profile, utility: GreedyUtility): number[] {
  const { approvals, costs } = profile;
  const indices = profile.ids.map((_, i) => i);
  const byDensity = (a: number, b: number): number => {
    if (utility === "cost") {
      const da = costs[a].isZero() ? 0 : approvals[a];
      const db = costs[b].isZero() ? 0 : approvals[b];
      return db - da || a - b;
    }
    const fa = approvals[a] > 0 && costs[a].isZero();
    const fb = approvals[b] > 0 && costs[b].isZero();
    if (fa !== fb) return fa ? -1 : 1;
    if (!fa) {
      // approvals are integer counts, so the exact ratio needs only a rational compare
      const da = costs[a].isZero() ? Rational.ZERO : Rational.of(approvals[a]).div(costs[a]);
      const db = costs[b].isZero() ? Rational.ZERO : Rational.of(approvals[b]).div(costs[b]);
      const c = db.cmp(da);
      if (c !== 0) return c;
    }
    return a - b;
  };
  indices.sort(byDensity);
  const selected: number[] = [];
  let left = profile.budget;
  for (const p of indices) {
    if (costs[p].le(left)) {
      selected.push(p);
      left = left.sub(costs[p]);
    }
  }
  return selected;
}
