import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { canCoordinate } from "../policy.ts";
import { loadOpportunity } from "../records.ts";
import { type Opportunity, type OpportunityStatus, volOpportunity } from "../schema.ts";

export type OpportunityDecision = "approve" | "reject" | "close";

const allowedFrom: Record<OpportunityDecision, OpportunityStatus[]> = {
  approve: ["submitted", "rejected"],
  reject: ["submitted"],
  close: ["approved", "submitted"],
};
const nextStatus: Record<OpportunityDecision, OpportunityStatus> = {
  approve: "approved",
  reject: "rejected",
  close: "closed",
};

/** A coordinator approves a role (it goes public), rejects it with a reason, or closes it. */
export async function decideOpportunity(
  db: Db,
  actor: Actor,
  now: Date,
  id: string,
  decision: OpportunityDecision,
  reason?: string | null,
): Promise<Opportunity> {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can approve or close roles.");
  if (!(decision in nextStatus))
    throw invalid("Choose approve, reject or close.", { decision: "Select a decision" });
  const trimmed = reason?.trim() || null;
  if (decision === "reject" && !trimmed)
    throw invalid("Say why the role is rejected.", {
      reason: "Enter why the role is rejected, so the poster can fix it",
    });
  return db.transaction(async (tx) => {
    const before = await loadOpportunity(tx, actor.organisationId, id);
    if (!allowedFrom[decision].includes(before.status)) {
      throw conflict(
        "The role cannot change like that",
        `The role is ${before.status}, so it cannot be ${nextStatus[decision]}.`,
      );
    }
    const after = await updateAudited(
      tx,
      actor,
      now,
      volOpportunity,
      id,
      {
        status: nextStatus[decision],
        statusReason: trimmed,
        approvedAt: decision === "approve" ? now : before.approvedAt,
      },
      (row) => ({
        entityType: "vol_opportunity",
        summary: `Volunteering role "${before.title}" ${nextStatus[decision]}`,
        before: { status: before.status },
        after: { status: row.status, reason: trimmed },
      }),
    );
    return after;
  });
}
