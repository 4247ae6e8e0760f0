import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canRecordDelivery } from "../policy.ts";
import { attendance } from "../schema.ts";
import { sessionOpenForAttendance } from "./attendance-rows.ts";
import { refreshAttendanceSummary } from "./attendance-summary.ts";
import { parseInput } from "./parse-input.ts";

const removalInput = z.object({
  participantIds: z
    .array(z.uuid({ error: "Choose people from the register" }))
    .min(1, { error: "Tick at least one person to take off the register" })
    .max(5000),
});

/** Takes people off a session's register (ticked by mistake), in one transaction. */
export async function removeFromRegister(
  db: Db,
  actor: Actor,
  now: Date,
  sessionId: string,
  input: { participantIds: string[] },
): Promise<{ removed: number }> {
  requireAllowed(canRecordDelivery(actor), "Only officers and managers can record attendance.");
  const value = parseInput(removalInput, input, "Check who to take off the register.");
  const organisationId = actor.organisationId;
  return db.transaction(async (tx) => {
    const session = await sessionOpenForAttendance(tx, organisationId, sessionId, now);
    const removed = await tx
      .delete(attendance)
      .where(
        inOrganisation(
          attendance,
          organisationId,
          and(eq(attendance.sessionId, session.id), inArray(attendance.participantId, value.participantIds)),
        ),
      )
      .returning({ participantId: attendance.participantId });
    await refreshAttendanceSummary(
      tx,
      organisationId,
      removed.map((r) => r.participantId),
      [session.heldOn],
    );
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "activity-session",
      entityId: sessionId,
      summary: `Took ${removed.length} off the register of ${session.title} (${session.heldOn})`,
      before: { participantIds: removed.map((r) => r.participantId) },
    });
    return { removed: removed.length };
  });
}
