// One run of the Method of Equal Shares from a given per-voter starting budget.
//
// Speed: voters are grouped in classes with equal budgets (mes-classes.ts), and
// projects are re-evaluated lazily: a project's price per unit of utility (rho) only
// rises as budgets fall, so its last rho is a lower bound; each round evaluates
// projects in order of that bound and stops once the bound passes the best found.
//
// Exactness: doubles are accurate to ~1e-12 here, and a double is trusted only when it
// is further than EPS (relative) from the value it is compared with. Every decision
// that is closer (a near-tie between projects, a voter whose budget is about the cap,
// a project that is just about affordable) is settled in exact arithmetic
// (mes-exact.ts). Exact ties go to the smaller project index, i.e. the smaller
// project id as a string.

import { EPS, sortByKey, VoterClasses } from "./mes-classes.ts";
import type { ExactCap } from "./mes-exact.ts";
import { ExactLedger, InconsistentPartition } from "./mes-exact.ts";
import type { Profile } from "./profile.ts";
import type { Rational } from "./rational.ts";

export type MesUtility = "cost" | "approval";

export type MesRunResult = {
  /** Project indices in selection order. */
  readonly selected: number[];
  /** For each selection, the cap q: the most any one supporter paid. Built on demand. */
  readonly caps: () => Rational[];
};

/**
 * Each voter's starting budget: a double for the float filter, and the exact value,
 * built only if some decision is too close for doubles (most runs never need it).
 */
export type StartBudget = { readonly float: number; readonly exact: () => Rational };

type Evaluation = {
  readonly p: number;
  readonly rhoF: number;
  readonly qF: number;
  readonly exact: ExactCap | null;
};

export function runMes(
  profile: Profile,
  utility: MesUtility,
  eligible: readonly number[],
  startBudget: StartBudget,
  workspace?: VoterClasses,
): MesRunResult {
  const { costF } = profile;
  const classes = (workspace ?? new VoterClasses(profile)).reset(startBudget.float);
  const ledger = new ExactLedger(profile, startBudget.exact);
  const utilF = (p: number): number => (utility === "cost" ? costF[p] : 1);
  const paidOf = (c: number): readonly number[] => classes.paid[c];
  const selected: number[] = [];

  // Exact cap of p in the current state, or null if p is unaffordable.
  const exactCap = (p: number, hint: number | null): ExactCap | null => {
    ledger.settle();
    const weightOf = (c: number): number => classes.weightOf(c, p);
    try {
      return ledger.capOf(classes.partition(p, hint, ledger.rounds), true, paidOf, weightOf);
    } catch (e) {
      if (!(e instanceof InconsistentPartition) || hint === null) throw e;
      return ledger.capOf(classes.partition(p, null, ledger.rounds), true, paidOf, weightOf);
    }
  };

  const bound = classes.bound;
  for (const p of eligible) bound[p] = costF[p] / (classes.aliveW[p] * utilF(p));
  const active = [...eligible];

  for (;;) {
    sortByKey(active, bound);
    // Usually empty: a plain array is cheaper than a Set per round.
    const removed: number[] = [];
    const evaluated: Evaluation[] = [];
    let bestF = Number.POSITIVE_INFINITY;
    for (const p of active) {
      if (bound[p] * (1 - EPS) > bestF * (1 + EPS)) break;
      const r = classes.evaluate(p);
      let qF = r.qF;
      let exact: ExactCap | null = null;
      if (r.status === "unaffordable") {
        removed.push(p);
        continue;
      }
      if (r.status === "ambiguous") {
        exact = exactCap(p, null);
        if (exact === null) {
          removed.push(p);
          continue;
        }
        qF = ledger.toNumber(exact);
      }
      const rhoF = qF / utilF(p);
      bound[p] = rhoF;
      evaluated.push({ p, rhoF, qF, exact });
      if (rhoF < bestF) bestF = rhoF;
    }
    const contenders: Evaluation[] = [];
    for (const e of evaluated) if (e.rhoF <= bestF * (1 + 2 * EPS)) contenders.push(e);

    let winner = -1;
    let winnerQF = 0;
    const only = contenders.length === 1 ? contenders[0] : null;
    if (only !== null && only.exact === null) {
      // A clear winner. If no supporter's budget is close to its cap, the doubles have
      // decided everything: record the partition and leave the exact cap for later.
      const part = classes.partition(only.p, only.qF, ledger.rounds);
      if (part.near.length === 0) {
        ledger.defer(part);
        winner = only.p;
        winnerQF = only.qF;
      }
    }
    if (winner < 0) {
      let best: ExactCap | null = null;
      for (const e of contenders) {
        const cap = e.exact ?? exactCap(e.p, e.qF);
        if (cap === null) {
          removed.push(e.p); // the doubles said affordable by a hair; exactly, it is not
          continue;
        }
        const c = best === null ? -1 : ledger.compareRho(utility, e.p, cap, winner, best);
        if (c < 0 || (c === 0 && e.p < winner)) {
          winner = e.p;
          best = cap;
        }
      }
      if (best !== null) {
        winnerQF = ledger.toNumber(best);
        ledger.commit(best);
      }
    }
    for (const p of removed) removeFrom(active, p);
    if (winner < 0) {
      if (evaluated.length === 0) break;
      continue; // every contender turned out unaffordable: look again
    }
    const round = ledger.rounds - 1;
    classes.pay(winner, winnerQF, round, (c) => ledger.runsOut(classes.paid[c], round));
    selected.push(winner);
    removeFrom(active, winner);
  }
  return { selected, caps: () => ledger.caps() };
}

/**
 * Removes p from the list by moving the last item into its place. The order does not
 * matter (the list is sorted at the start of every round), and Add1 runs MES hundreds
 * of times on small elections, where splice and filter were a quarter of a run.
 */
function removeFrom(list: number[], p: number): void {
  const i = list.indexOf(p);
  if (i < 0) return;
  list[i] = list[list.length - 1];
  list.pop();
}
