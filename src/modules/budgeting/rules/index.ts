// Entry point of the PB rules engine: one function that runs any supported rule on an
// election and returns the funded projects in selection order, with exact figures.

import type { MesCompletion } from "./equal-shares.ts";
import { equalShares } from "./equal-shares.ts";
import { greedy } from "./greedy.ts";
import { phragmen } from "./phragmen.ts";
import type { PbElection, Profile } from "./profile.ts";
import { buildProfile, totalCost } from "./profile.ts";
import type { Rational } from "./rational.ts";

export type { PbElection, PbProject } from "./profile.ts";
export { parseDecimal, Rational } from "./rational.ts";

export type PbRule = "greedy" | "mes" | "phragmen";
export type PbUtility = "cost" | "approval";
export type PbCompletion = MesCompletion;

export const PB_RULES: readonly PbRule[] = ["greedy", "mes", "phragmen"];
export const PB_UTILITIES: readonly PbUtility[] = ["cost", "approval"];
export const PB_COMPLETIONS: readonly PbCompletion[] = ["none", "add1", "add1-until-infeasible"];

export type PbRuleOptions = {
  readonly rule: PbRule;
  readonly utility?: PbUtility;
  readonly completion?: PbCompletion;
};

export type MesWinnerDetail = {
  readonly projectId: string;
  readonly cost: string;
  /** What the project's supporters paid together. MES always collects exactly the cost. */
  readonly supportersPaid: string;
  /** The most any one supporter paid (exact; a fraction "a/b" when not a finite decimal). */
  readonly maxPaymentPerVoter: string | null;
};

export type PbOutcomeDetails = {
  /** Approvals per project id (every ballot counted once). */
  readonly votes: Record<string, number>;
  readonly mes?: {
    /** Per-voter starting budget of the returned run: B/n, plus k under Add1. */
    readonly startBudgetPerVoter: string;
    readonly runs: number;
    readonly winners: readonly MesWinnerDetail[];
  };
  readonly phragmen?: { readonly loads: readonly { projectId: string; load: string }[] };
};

export type PbOutcome = {
  readonly selected: string[];
  readonly totalCost: string;
  readonly tieBreaking: "lexicographic-project-id";
  readonly details: PbOutcomeDetails;
};

function votesOf(profile: Profile): Record<string, number> {
  const votes: Record<string, number> = {};
  for (const [p, id] of profile.ids.entries()) votes[id] = profile.approvals[p];
  return votes;
}

function exact(r: Rational | null): string | null {
  return r === null ? null : r.toExactString();
}

export function computeOutcome(election: PbElection, options: PbRuleOptions): PbOutcome {
  const profile = buildProfile(election);
  const utility = options.utility ?? "cost";
  const completion = options.completion ?? "none";
  const votes = votesOf(profile);
  const ids = (indices: readonly number[]): string[] => indices.map((p) => profile.ids[p]);
  const finish = (indices: readonly number[], details: PbOutcomeDetails): PbOutcome => ({
    selected: ids(indices),
    totalCost: totalCost(profile, indices).toExactString(),
    tieBreaking: "lexicographic-project-id",
    details,
  });

  switch (options.rule) {
    case "greedy":
      return finish(greedy(profile, utility), { votes });
    case "phragmen": {
      const out = phragmen(profile);
      const loads = out.loads().map((l, i) => ({
        projectId: profile.ids[out.selected[i]],
        load: l.toExactString(),
      }));
      return finish(out.selected, { votes, phragmen: { loads } });
    }
    case "mes": {
      const out = equalShares(profile, utility, completion);
      const caps = out.caps();
      const winners = out.selected.map((p, i) => ({
        projectId: profile.ids[p],
        cost: profile.costs[p].toExactString(),
        supportersPaid: profile.costs[p].toExactString(),
        maxPaymentPerVoter: exact(caps[i]),
      }));
      const mes = { startBudgetPerVoter: out.startBudget().toExactString(), runs: out.runs, winners };
      return finish(out.selected, { votes, mes });
    }
    default: {
      const never: never = options.rule;
      throw new Error(`unknown rule ${String(never)}`);
    }
  }
}

export type FundedVoterShare = { readonly voters: number; readonly total: number; readonly share: number };

/**
 * How many voters (empty ballots included in the total) approve at least one funded
 * project. A headline fairness figure for the results page.
 */
export function fundedVoterShare(election: PbElection, selected: readonly string[]): FundedVoterShare {
  const funded = new Set(selected);
  let voters = 0;
  for (const ballot of election.ballots) if (ballot.some((id) => funded.has(id))) voters++;
  const total = election.ballots.length;
  return { voters, total, share: total === 0 ? 0 : voters / total };
}
