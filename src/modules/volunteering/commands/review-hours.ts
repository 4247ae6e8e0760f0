import { inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { canCoordinate } from "../policy.ts";
import { volHours } from "../schema.ts";
import { awardMilestones } from "./hours-rules.ts";

/**
 * A coordinator verifies submitted hours, or disputes them with a reason that the
 * volunteer sees beside the hours so they can correct and resubmit.
 */
export async function reviewHours(
  db: Db,
  actor: Actor,
  now: Date,
  hoursIds: string[],
  decision: "verify" | "dispute",
  reason?: string | null,
): Promise<number> {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can verify hours.");
  const ids = [...new Set(hoursIds)];
  if (ids.length === 0)
    throw invalid("Select the hours to review.", { hours: "Select at least one set of hours" });
  if (!ids.every(isUuid)) throw notFound("Hours not found");
  const why = reason?.trim() || null;
  if (decision === "dispute" && !why)
    throw invalid("Say why the hours are disputed.", {
      reason: "Enter why, so the volunteer can correct the hours",
    });
  if (decision !== "verify" && decision !== "dispute")
    throw invalid("Choose verify or dispute.", { decision: "Select verify or send back" });
  return db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(volHours)
      .where(inOrganisation(volHours, actor.organisationId, inArray(volHours.id, ids)))
      .for("update");
    if (rows.length !== ids.length) throw notFound("Hours not found");
    const notWaiting = rows.filter((row) => row.status !== "submitted");
    if (notWaiting.length > 0)
      throw conflict(
        "Some hours are not waiting for review",
        `${notWaiting.length} of the selected entries were already reviewed. Reload the page.`,
      );
    for (const row of rows) {
      await tx
        .update(volHours)
        .set(
          decision === "verify"
            ? { status: "verified", verifiedAt: now, disputeReason: null }
            : { status: "disputed", disputeReason: why },
        )
        .where(matchInOrganisation(volHours, actor.organisationId, { id: row.id }));
    }
    if (decision === "verify")
      await awardMilestones(tx, actor.organisationId, [...new Set(rows.map((row) => row.volunteerId))], now);
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "vol_hours",
      entityId: ids.length === 1 ? ids[0] : null,
      summary: `${ids.length} hours ${ids.length === 1 ? "entry" : "entries"} ${decision === "verify" ? "verified" : "sent back"}`,
      after: { ids, status: decision === "verify" ? "verified" : "disputed", reason: why },
    });
    return ids.length;
  });
}
