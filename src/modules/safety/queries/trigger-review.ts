import { eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canWorkCases } from "../policy.ts";
import { type SafetyCase, safetyTriggerReview } from "../schema.ts";
import { findCase } from "../store.ts";

/**
 * A Community Trigger review still waiting for its outcome, for the review form. A review on another
 * case, already recorded, or made up is "not found", so the form is never shown for nothing.
 */
export async function openTriggerReview(
  db: Db,
  actor: Actor,
  caseId: string,
  reviewId: string,
): Promise<{ record: SafetyCase; review: typeof safetyTriggerReview.$inferSelect }> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can record Community Trigger reviews.");
  const record = await findCase(db, actor, caseId);
  if (!isUuid(reviewId)) throw notFound("Review not found");
  const [review] = await db
    .select()
    .from(safetyTriggerReview)
    .where(
      inOrganisation(
        safetyTriggerReview,
        actor.organisationId,
        eq(safetyTriggerReview.caseId, record.id),
        eq(safetyTriggerReview.id, reviewId),
      ),
    );
  if (review?.status !== "threshold-met")
    throw notFound("Review not found", "Its outcome may have been recorded already.");
  return { record, review };
}
