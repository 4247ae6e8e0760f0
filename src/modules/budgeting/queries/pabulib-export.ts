import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { badRequest } from "../../../platform/http/problem.ts";
import { countInputs } from "../commands/close-voting.ts";
import { writePabulib } from "../pabulib/write.ts";
import { canViewProcesses } from "../policy.ts";
import { Rational } from "../rules/index.ts";
import { pbResult } from "../schema.ts";
import { costOf, feasibleProposals, findProcess } from "./processes.ts";

/**
 * Writes one budget of a process as a pabulib file: feasible proposals as projects
 * (cost in whole currency units, "selected" from the published result), every ballot
 * as an anonymous vote. Nothing that identifies a voter leaves Kith.
 */
export async function exportPabulib(
  db: Db,
  actor: Actor,
  processId: string,
  budgetId?: string,
): Promise<string> {
  requireAllowed(canViewProcesses(actor), "Only staff can export a process.");
  const process = await findProcess(db, actor.organisationId, processId);
  const budget = budgetId ? process.budgets.find((b) => b.id === budgetId) : process.budgets[0];
  if (!budget) throw badRequest("No such budget", "Choose one of the process's budgets.");
  const inputs = await countInputs(db, process);
  const input = inputs.get(budget.id);
  // In reference order, so the file lists projects as the count ranks ties.
  const proposals = (await feasibleProposals(db, actor.organisationId, process.id, budget.id)).sort((a, b) =>
    a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0,
  );
  const [result] = await db
    .select()
    .from(pbResult)
    .where(matchInOrganisation(pbResult, actor.organisationId, { budgetId: budget.id }));
  const selected = new Set(result?.outcome.selected ?? []);
  // Each vote lists its projects in reference order, so the same ballots always write the same file.
  const choices = (input?.ballots ?? []).map((b) => [...b].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  const ballots = choices.map((b) => b.map(([ref]) => ref));
  const cumulative = process.ballotKind === "cumulative";
  const votes = new Map<string, number>();
  const score = new Map<string, number>();
  for (const b of input?.ballots ?? [])
    for (const [ref, points] of b) {
      votes.set(ref, (votes.get(ref) ?? 0) + 1);
      score.set(ref, (score.get(ref) ?? 0) + points);
    }
  const pounds = (minor: number) => Rational.fraction(BigInt(minor), 100n);
  const kept = process.pabulibMeta ?? {};
  return writePabulib({
    meta: {
      ...kept,
      description: kept.description ?? process.title,
      country: kept.country ?? "United Kingdom",
      unit: kept.unit ?? process.title,
      instance: kept.instance ?? process.votingOpen.slice(0, 4),
      currency: process.currency,
      vote_type: process.ballotKind,
      rule: kept.rule ?? (process.rule === "mes" ? "equalshares" : process.rule),
      date_begin: kept.date_begin ?? process.votingOpen,
      date_end: kept.date_end ?? process.votingClose,
      ...(process.maxChoices !== null ? { max_length: String(process.maxChoices) } : {}),
      ...(process.minChoices !== null ? { min_length: String(process.minChoices) } : {}),
      ...(cumulative && process.pointsTotal !== null ? { max_sum_points: String(process.pointsTotal) } : {}),
    },
    budget: pounds(budget.amountPence),
    projects: proposals.map((p) => ({
      id: p.reference,
      cost: pounds(costOf(p)),
      name: p.title,
      category: p.category,
      votes: votes.get(p.reference) ?? 0,
      ...(result ? { selected: selected.has(p.reference) } : {}),
      // pabulib's PROJECTS "score": the total points a project got (cumulative votes).
      ...(cumulative ? { fields: { score: String(score.get(p.reference) ?? 0) } } : {}),
    })),
    ...(cumulative
      ? {
          projectColumns: [
            "project_id",
            "cost",
            "votes",
            "score",
            "name",
            "category",
            ...(result ? ["selected"] : []),
          ],
          points: choices.map((b) => b.map(([, points]) => points)),
        }
      : {}),
    ballots,
  });
}
