import { eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { conflict } from "../../../platform/http/problem.ts";
import { canManageProcesses } from "../policy.ts";
import { costOf, feasibleProposals, findProcess, type ProcessWithBudgets } from "../queries/processes.ts";
import { pbBallot, pbBallotChoice, pbProcess, pbResult } from "../schema.ts";
import { type CountInput, countVotes, resultRow } from "./count-votes.ts";

/** Reads every budget's feasible proposals and ballots in the shape the count needs. */
export async function countInputs(db: Db, process: ProcessWithBudgets): Promise<Map<string, CountInput>> {
  const org = process.organisationId;
  const proposals = await feasibleProposals(db, org, process.id);
  // One row per ballot with its choices packed as "proposal:points,…": a large vote has
  // tens of thousands of ballots and several times as many choices, and rows are the cost.
  const ballotRows = await db
    .select({
      budgetId: pbBallot.budgetId,
      choices: sql<string>`coalesce(string_agg(${pbBallotChoice.proposalId}::text || ':' || ${pbBallotChoice.points}, ','), '')`,
    })
    .from(pbBallot)
    .leftJoin(pbBallotChoice, inOrganisation(pbBallotChoice, org, eq(pbBallotChoice.ballotId, pbBallot.id)))
    .where(matchInOrganisation(pbBallot, org, { processId: process.id }))
    .groupBy(pbBallot.id, pbBallot.budgetId);
  const reference = new Map(proposals.map((p) => [p.id, p.reference]));
  const inputs = new Map<string, CountInput>();
  for (const budget of process.budgets) {
    inputs.set(budget.id, {
      budgetPence: budget.amountPence,
      projects: proposals
        .filter((p) => p.budgetId === budget.id)
        .map((p) => ({ reference: p.reference, costPence: costOf(p) })),
      ballots: [],
    });
  }
  for (const row of ballotRows) {
    const choices = new Map<string, number>();
    for (const pair of row.choices ? row.choices.split(",") : []) {
      const [proposalId, points] = pair.split(":");
      const ref = reference.get(proposalId);
      // A choice of a proposal later found infeasible is not counted; the ballot still is.
      if (ref !== undefined) choices.set(ref, Number(points));
    }
    inputs.get(row.budgetId)?.ballots.push(choices);
  }
  return inputs;
}

/** Closes voting, counts every budget with the process's rule and publishes the results. */
export async function closeVoting(db: Db, actor: Actor, now: Date, processId: string): Promise<void> {
  requireAllowed(canManageProcesses(actor), "Only officers can close voting.");
  const process = await findProcess(db, actor.organisationId, processId);
  if (process.phase !== "voting")
    throw conflict("Voting is not open", "Only a process that is in its voting phase can be closed.");
  await db.transaction(async (tx) => {
    // Changing the phase first takes the row lock that ballots wait on (they read the
    // process FOR SHARE), so no ballot can slip in between the count and the close,
    // and a second close finds nothing to change.
    const closed = await tx
      .update(pbProcess)
      .set({ phase: "results", updatedAt: now })
      .where(matchInOrganisation(pbProcess, actor.organisationId, { id: process.id, phase: "voting" }))
      .returning({ id: pbProcess.id });
    if (closed.length === 0) throw conflict("Voting is not open", "Voting has already been closed.");
    const inputs = await countInputs(tx, process);
    for (const budget of process.budgets) {
      const input = inputs.get(budget.id);
      if (!input) continue;
      const counted = countVotes(process, input);
      await tx.insert(pbResult).values(resultRow(process, budget.id, counted, input.ballots.length, now));
    }
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "pb_process",
      entityId: process.id,
      summary: `Closed voting and published results for "${process.title}" (rule ${process.rule}, utility ${process.utility}, completion ${process.completion}, ties to ${process.tieBreaking})`,
      before: { phase: "voting" },
      after: { phase: "results" },
    });
  });
}
