import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { validInput } from "../../../platform/http/valid-input.ts";
import { canManageProcesses } from "../policy.ts";
import { findProcess, findProposal } from "../queries/processes.ts";
import { pbProposal } from "../schema.ts";
import { costInput } from "./proposals.ts";

const reviewInput = z
  .object({
    decision: z.enum(["feasible", "infeasible"], { error: "Choose whether the idea is feasible" }),
    finalCostPence: z.string().optional(),
    reason: z.string().trim().max(2000, { error: "The reason must be 2000 characters or fewer" }).optional(),
    budgetId: z.string().optional(),
  })
  .transform((v, ctx) => {
    let cost: number | null = null;
    if (v.decision === "feasible") {
      const parsed = costInput.safeParse(v.finalCostPence ?? "");
      if (!parsed.success) {
        ctx.addIssue({
          code: "custom",
          path: ["finalCostPence"],
          message: parsed.error.issues[0]?.message ?? "Enter the final cost",
        });
        return z.NEVER;
      }
      cost = parsed.data;
    }
    if (v.decision === "infeasible" && !v.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the idea cannot go ahead" });
      return z.NEVER;
    }
    return {
      decision: v.decision,
      finalCostPence: cost,
      reason: v.reason || null,
      budgetId: v.budgetId || null,
    };
  });

/** An officer's feasibility check: the final cost that voters see, or the reason it cannot go ahead. */
export async function reviewProposal(
  db: Db,
  actor: Actor,
  now: Date,
  processId: string,
  proposalId: string,
  input: unknown,
): Promise<void> {
  requireAllowed(canManageProcesses(actor), "Only officers can review proposals.");
  const process = await findProcess(db, actor.organisationId, processId);
  const proposal = await findProposal(db, actor.organisationId, process.id, proposalId);
  if (proposal.status === "draft") throw notFound("Proposal not found");
  if (process.phase === "voting" || process.phase === "results")
    throw conflict("Voting has started", "Proposals cannot be reviewed again once voting has opened.");
  const v = validInput(reviewInput, input, "Check the review.");
  const budgetId = v.budgetId ?? proposal.budgetId ?? process.budgets[0]?.id ?? null;
  if (!process.budgets.some((b) => b.id === budgetId))
    throw invalid("Check the review.", { budgetId: "Choose a budget from the list" });
  const budget = process.budgets.find((b) => b.id === budgetId);
  if (v.finalCostPence !== null && budget && v.finalCostPence > budget.amountPence)
    throw invalid("Check the review.", {
      finalCostPence: "The final cost is more than the whole budget: mark it infeasible instead",
    });
  const change = {
    status: v.decision,
    finalCostPence: v.finalCostPence,
    reviewReason: v.reason,
    budgetId,
    reviewedAt: now,
  } as const;
  await db.transaction(async (tx) => {
    await updateAudited(tx, actor, now, pbProposal, proposal.id, change, {
      entityType: "pb_proposal",
      summary: `Reviewed "${proposal.title}": ${v.decision}`,
      before: {
        status: proposal.status,
        finalCostPence: proposal.finalCostPence,
        reviewReason: proposal.reviewReason,
      },
      after: change,
    });
  });
}
