// Turns a budget's feasible proposals and ballots into the rules engine's election, and
// runs the process's rule plus the other rules for comparison. Money is integer pence;
// the engine gets it as exact pounds (pence/100), because Add1 completion raises each
// voter's budget by one whole currency unit, as pabutools and equalshares.net do.

import {
  computeOutcome,
  fundedVoterShare,
  type PbElection,
  type PbRuleOptions,
  Rational,
} from "../rules/index.ts";
import type { PbProcess, pbResult, RuleComparison, StoredOutcome } from "../schema.ts";

export type CountInput = {
  budgetPence: number;
  projects: { reference: string; costPence: number }[];
  /** One entry per ballot: project reference → points (1 for approval and knapsack ballots). */
  ballots: Map<string, number>[];
};

export function electionOf(input: CountInput): PbElection {
  return {
    budget: Rational.fraction(BigInt(input.budgetPence), 100n),
    projects: input.projects.map((p) => ({
      id: p.reference,
      cost: Rational.fraction(BigInt(p.costPence), 100n),
    })),
    ballots: input.ballots.map((b) => [...b.keys()]),
  };
}

/**
 * Points ballots: most points first, skipping what does not fit, ties to the smaller
 * reference (the same tie-breaking as every other rule).
 */
export function greedyByPoints(input: CountInput): StoredOutcome {
  const points: Record<string, number> = {};
  for (const p of input.projects) points[p.reference] = 0;
  for (const ballot of input.ballots) for (const [ref, n] of ballot) points[ref] = (points[ref] ?? 0) + n;
  const order = [...input.projects].sort(
    (a, b) =>
      points[b.reference] - points[a.reference] ||
      (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0),
  );
  let left = input.budgetPence;
  const selected: string[] = [];
  for (const p of order) {
    if (p.costPence <= left) {
      selected.push(p.reference);
      left -= p.costPence;
    }
  }
  return { selected, totalCost: String(input.budgetPence - left), votes: points };
}

function totalPence(input: CountInput, selected: readonly string[]): string {
  const cost = new Map(input.projects.map((p) => [p.reference, p.costPence]));
  return String(selected.reduce((sum, ref) => sum + (cost.get(ref) ?? 0), 0));
}

function toStored(input: CountInput, outcome: ReturnType<typeof computeOutcome>): StoredOutcome {
  return {
    selected: outcome.selected,
    totalCost: totalPence(input, outcome.selected),
    votes: { ...outcome.details.votes },
    ...(outcome.details.mes
      ? { mes: { ...outcome.details.mes, winners: outcome.details.mes.winners.map((w) => ({ ...w })) } }
      : {}),
  };
}

export type CountResult = { outcome: StoredOutcome; comparison: RuleComparison };

/** The stored result of one budget's count, with the counting choices it was made under. */
export function resultRow(
  process: Pick<PbProcess, "organisationId" | "id" | "rule" | "utility" | "completion" | "tieBreaking">,
  budgetId: string,
  counted: CountResult,
  ballots: number,
  computedAt: Date,
): typeof pbResult.$inferInsert {
  return {
    organisationId: process.organisationId,
    processId: process.id,
    budgetId,
    rule: process.rule,
    utility: process.utility,
    completion: process.completion,
    tieBreaking: process.tieBreaking,
    outcome: counted.outcome,
    comparison: counted.comparison,
    ballots,
    computedAt,
  };
}

const comparedRules: { label: string; options: PbRuleOptions }[] = [
  { label: "Greedy (most votes first)", options: { rule: "greedy" } },
  {
    label: "Method of Equal Shares, cost utilities, Add1 completion",
    options: { rule: "mes", utility: "cost", completion: "add1" },
  },
  {
    label: "Method of Equal Shares, approval utilities, Add1 completion",
    options: { rule: "mes", utility: "approval", completion: "add1" },
  },
  { label: "Sequential Phragmén", options: { rule: "phragmen" } },
];

export function countVotes(
  process: Pick<PbProcess, "ballotKind" | "rule" | "utility" | "completion">,
  input: CountInput,
): CountResult {
  if (process.ballotKind === "cumulative") {
    const outcome = greedyByPoints(input);
    const election = electionOf(input);
    const share = fundedVoterShare(election, outcome.selected);
    return {
      outcome,
      comparison: [
        {
          label: "Greedy by points",
          selected: outcome.selected,
          totalCost: outcome.totalCost,
          fundedVoters: share.voters,
          totalVoters: share.total,
        },
      ],
    };
  }
  const election = electionOf(input);
  const chosen: PbRuleOptions = {
    rule: process.rule,
    // Greedy here always means "most votes first" (what the pages promise), so only MES takes a utility.
    utility: process.rule === "mes" ? process.utility : "cost",
    completion: process.completion,
  };
  // Greedy and Phragmén ignore utility and completion; a compared rule that is the chosen
  // one is not run twice (MES with Add1 on a large election is the slow part of a count).
  const keyOf = (o: PbRuleOptions) =>
    o.rule === "mes"
      ? `mes:${o.utility ?? "cost"}:${o.completion ?? "none"}`
      : o.rule === "greedy"
        ? `greedy:${o.utility ?? "cost"}`
        : o.rule;
  const computed = new Map<string, ReturnType<typeof computeOutcome>>();
  const run = (o: PbRuleOptions) => {
    let result = computed.get(keyOf(o));
    if (!result) {
      result = computeOutcome(election, o);
      computed.set(keyOf(o), result);
    }
    return result;
  };
  const outcome = toStored(input, run(chosen));
  const comparison = comparedRules.map(({ label, options }) => {
    const result = run(options);
    const share = fundedVoterShare(election, result.selected);
    return {
      label,
      selected: result.selected,
      totalCost: totalPence(input, result.selected),
      fundedVoters: share.voters,
      totalVoters: share.total,
    };
  });
  return { outcome, comparison };
}
