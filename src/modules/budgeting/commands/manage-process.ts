import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { validInput } from "../../../platform/http/valid-input.ts";
import { canChooseRule, canManageProcesses } from "../policy.ts";
import { countBallots, findProcess, listProposals } from "../queries/processes.ts";
import { PB_COMPLETIONS, PB_RULES, PB_UTILITIES } from "../rules/index.ts";
import { type Phase, pbProcess } from "../schema.ts";
import { closeVoting } from "./close-voting.ts";

const nextPhase: Record<Phase, Phase | null> = {
  proposals: "review",
  review: "voting",
  voting: "results",
  results: null,
};

/**
 * Moves a process to its next phase. Voting opens only when every submitted proposal
 * has been reviewed and at least one is feasible; leaving voting counts the votes.
 */
export async function advancePhase(
  db: Db,
  actor: Actor,
  now: Date,
  processId: string,
  expected: string,
): Promise<Phase> {
  requireAllowed(canManageProcesses(actor), "Only officers can move a process to its next phase.");
  const process = await findProcess(db, actor.organisationId, processId);
  // The form says which phase the officer saw, so a double submit cannot skip a phase.
  if (process.phase !== expected)
    throw conflict("The process has already moved on", `It is now in its ${process.phase} phase.`);
  const next = nextPhase[process.phase];
  if (next === null) throw conflict("The process has finished", "Its results are published.");
  if (next === "results") {
    await closeVoting(db, actor, now, processId);
    return next;
  }
  if (next === "voting") {
    const proposals = await listProposals(db, actor.organisationId, process.id);
    const unreviewed = proposals.filter((p) => p.status === "submitted").length;
    if (unreviewed > 0)
      throw conflict(
        "Some proposals have not been reviewed",
        `Review the ${unreviewed} remaining proposal${unreviewed === 1 ? "" : "s"} before voting opens.`,
      );
    if (!proposals.some((p) => p.status === "feasible"))
      throw conflict(
        "There is nothing to vote on",
        "Mark at least one proposal feasible before voting opens.",
      );
  }
  await db.transaction(async (tx) => {
    const moved = await tx
      .update(pbProcess)
      .set({ phase: next, updatedAt: now })
      .where(
        inOrganisation(
          pbProcess,
          actor.organisationId,
          and(eq(pbProcess.id, process.id), eq(pbProcess.phase, process.phase)),
        ),
      )
      .returning({ id: pbProcess.id });
    if (moved.length === 0)
      throw conflict("The process has already moved on", "Reload the page to see its phase.");
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "pb_process",
      entityId: process.id,
      summary: `Moved "${process.title}" from ${process.phase} to ${next}`,
      before: { phase: process.phase },
      after: { phase: next },
    });
  });
  return next;
}

const ruleInput = z.object({
  rule: z.enum(PB_RULES as unknown as readonly [string, ...string[]], {
    error: "Choose how votes are counted",
  }),
  utility: z
    .enum(PB_UTILITIES as unknown as readonly [string, ...string[]], { error: "Choose what a voter gains" })
    .default("cost"),
  completion: z
    .enum(PB_COMPLETIONS as unknown as readonly [string, ...string[]], {
      error: "Choose how left-over money is spent",
    })
    .default("add1"),
});

/** Chooses the counting rule. Locked once the first vote exists, so nobody picks a rule after seeing the votes. */
export async function setRule(
  db: Db,
  actor: Actor,
  now: Date,
  processId: string,
  input: unknown,
): Promise<void> {
  requireAllowed(canChooseRule(actor, false), "Only managers can choose how votes are counted.");
  const process = await findProcess(db, actor.organisationId, processId);
  const v = validInput(ruleInput, input, "Check the counting rule.") as {
    rule: typeof process.rule;
    utility: typeof process.utility;
    completion: typeof process.completion;
  };
  if (process.ballotKind === "cumulative" && v.rule !== "greedy")
    throw invalid("Check the counting rule.", {
      rule: "Points ballots are counted most-points-first: choose greedy",
    });
  if (process.phase === "results")
    throw conflict("The results are published", "The rule cannot change after the count.");
  await db.transaction(async (tx) => {
    // Lock the process row: a ballot waits for it, so the rule and the first vote cannot cross.
    await tx
      .select({ id: pbProcess.id })
      .from(pbProcess)
      .where(matchInOrganisation(pbProcess, actor.organisationId, { id: process.id }))
      .for("update");
    if ((await countBallots(tx, actor.organisationId, process.id)) > 0)
      throw conflict(
        "The counting rule is locked",
        "Votes have been cast, so the counting rule cannot change.",
      );
    await updateAudited(
      tx,
      actor,
      now,
      pbProcess,
      process.id,
      { ...v, updatedAt: now },
      {
        entityType: "pb_process",
        summary: `Set the counting rule of "${process.title}" to ${v.rule} (utility ${v.utility}, completion ${v.completion})`,
        before: { rule: process.rule, utility: process.utility, completion: process.completion },
        after: v,
      },
    );
  });
}
