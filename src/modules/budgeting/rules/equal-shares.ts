// The Method of Equal Shares with its completions, following pabutools 1.2.3
// (method_of_equal_shares, with voter_budget_increment=1 for Add1).

import { VoterClasses } from "./mes-classes.ts";
import type { MesRunResult, MesUtility, StartBudget } from "./mes-core.ts";
import { runMes } from "./mes-core.ts";
import type { Profile } from "./profile.ts";
import { nothingElseFits, overBudget } from "./profile.ts";
import { Rational } from "./rational.ts";

export type MesCompletion = "none" | "add1" | "add1-until-infeasible";

export type MesOutcome = {
  /** Project indices in selection order (zero-cost projects funded upfront come first). */
  readonly selected: number[];
  /** The cap q paid by each supporter of each selected project, null for upfront ones. */
  readonly caps: () => (Rational | null)[];
  /**
   * The per-voter starting budget of the run whose outcome is returned. A function: its
   * reduced form needs a BigInt gcd, which was a fifth of a small election's MES run.
   */
  readonly startBudget: () => Rational;
  /** How many MES runs were needed (1 without completion). */
  readonly runs: number;
};

/**
 * Projects MES considers: at least one approval and positive utility for their
 * supporters, and a positive cost. Under cost utilities a zero-cost project has zero
 * utility, so it is never funded. Under approval utilities a supported zero-cost project
 * is funded upfront, before any money is spent, as pabutools does.
 */
function partitionProjects(profile: Profile, utility: MesUtility): { eligible: number[]; upfront: number[] } {
  const eligible: number[] = [];
  const upfront: number[] = [];
  for (let p = 0; p < profile.ids.length; p++) {
    if (profile.approvals[p] <= 0) continue;
    const free = profile.costs[p].isZero();
    if (utility === "cost" && free) continue;
    if (free) upfront.push(p);
    else eligible.push(p);
  }
  return { eligible, upfront };
}

export function equalShares(profile: Profile, utility: MesUtility, completion: MesCompletion): MesOutcome {
  const { eligible, upfront } = partitionProjects(profile, utility);
  const n = profile.numBallots;
  // The starting budget B/n + k is kept as an unreduced fraction (B.num + k n B.den) /
  // (n B.den): Add1 may run MES hundreds of times and a gcd per run is wasted work.
  const startOf = (k: number): Rational =>
    n === 0
      ? Rational.ZERO
      : new Rational(
          profile.budget.num + BigInt(k) * BigInt(n) * profile.budget.den,
          BigInt(n) * profile.budget.den,
        );
  const finish = (run: MesRunResult | null, k: number, runs: number): MesOutcome => ({
    selected: upfront.length === 0 ? (run?.selected ?? []) : [...upfront, ...(run?.selected ?? [])],
    caps: () => [...upfront.map(() => null), ...(run?.caps() ?? [])],
    startBudget: () => {
      const start = startOf(k);
      return Rational.fraction(start.num, start.den);
    },
    runs,
  });
  // One workspace for every run of this call: Add1 may run MES hundreds of times, and
  // building it (a buffer per class and per ballot) is a tenth of a small election's run.
  const workspace = new VoterClasses(profile);
  // Within the float filter's margin (1e-9), B/n + k in doubles is as good as the exact value's nearest double.
  const perVoterF = n === 0 ? 0 : profile.budget.toNumber() / n;
  const start = (k: number): StartBudget => ({ float: n === 0 ? 0 : perVoterF + k, exact: () => startOf(k) });
  const first = runMes(profile, utility, eligible, start(0), workspace);
  if (completion === "none" || n === 0) return finish(first, 0, 1);

  // Add1: raise every voter's starting budget by 1 (a whole currency unit) and rerun,
  // until the outcome is exhaustive. If an outcome overspends B before that, the
  // previous one is returned. "add1-until-infeasible" ignores exhaustiveness and keeps
  // going while the outcome fits; it also stops once every eligible project is funded,
  // because raising budgets further cannot add anything. Upfront (zero-cost) projects
  // cost nothing, so they never change these tests.
  let previous: MesRunResult | null = null;
  let outcome = first;
  let k = 0;
  for (;;) {
    if (overBudget(profile, outcome.selected)) return finish(previous, Math.max(k - 1, 0), k + 1);
    if (completion === "add1") {
      if (nothingElseFits(profile, eligible, outcome.selected)) return finish(outcome, k, k + 1);
    } else if (outcome.selected.length === eligible.length) {
      return finish(outcome, k, k + 1);
    }
    previous = outcome;
    k++;
    outcome = runMes(profile, utility, eligible, start(k), workspace);
  }
}
