import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { validInput } from "../../../platform/http/valid-input.ts";
import { canManageProcesses } from "../policy.ts";
import type { PbCompletion, PbRule, PbUtility } from "../rules/index.ts";
import { type PbProcess, pbBudget, pbProcess } from "../schema.ts";
import { processInput } from "./process-input.ts";

export async function createProcess(db: Db, actor: Actor, now: Date, input: unknown): Promise<PbProcess> {
  requireAllowed(canManageProcesses(actor), "Only officers can set up a participatory budgeting process.");
  const v = validInput(processInput, input, "Check the process details.");
  const id = newId(now.getTime());
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(pbProcess)
      .values({
        organisationId: actor.organisationId,
        id,
        title: v.title,
        summary: v.summary,
        areaKind: v.areaKind,
        areaCode: v.areaKind === "all" ? null : v.areaCode,
        eligibility: v.eligibility,
        minimumAge: v.minimumAge,
        ballotKind: v.ballotKind,
        publishResults: v.publishResults,
        minChoices: v.ballotKind === "approval" ? v.minChoices : null,
        maxChoices: v.ballotKind === "approval" ? v.maxChoices : null,
        pointsTotal: v.ballotKind === "cumulative" ? v.pointsTotal : null,
        rule: v.rule as PbRule,
        utility: v.utility as PbUtility,
        completion: v.completion as PbCompletion,
        tieBreaking: "lexicographic-project-id",
        phase: "proposals",
        proposalsOpen: v.proposalsOpen,
        reviewOpen: v.reviewOpen,
        votingOpen: v.votingOpen,
        votingClose: v.votingClose,
        resultsDate: v.resultsDate,
        source: "kith",
        currency: "GBP",
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    // budget1Amount is required by the schema, so it is never null here.
    const budgets = [{ name: v.budget1Name, amount: v.budget1Amount ?? 0 }];
    if (v.budget2Name && v.budget2Amount !== null)
      budgets.push({ name: v.budget2Name, amount: v.budget2Amount });
    await tx.insert(pbBudget).values(
      budgets.map((b, position) => ({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        processId: id,
        name: b.name,
        amountPence: b.amount,
        position,
      })),
    );
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "pb_process",
      entityId: id,
      summary: `Set up participatory budgeting process "${v.title}"`,
      after: v,
    });
    return created;
  });
}
