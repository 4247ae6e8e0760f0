import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canCoordinate } from "../policy.ts";
import { loadOpportunity } from "../records.ts";
import { volSession } from "../schema.ts";

/** Adds a session (shift) to a role: the "session" level of the Volunteering Data Standard. */
export async function addSession(
  db: Db,
  actor: Actor,
  now: Date,
  opportunityId: string,
  startsAt: Date,
  endsAt: Date,
) {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can add sessions.");
  if (Number.isNaN(startsAt.getTime()))
    throw invalid("Enter when the session starts.", { startsAt: "Enter a real start date and time" });
  if (Number.isNaN(endsAt.getTime()) || endsAt <= startsAt)
    throw invalid("The session must end after it starts.", { endsAt: "The end must be after the start" });
  if (endsAt.getTime() - startsAt.getTime() > 24 * 3600 * 1000)
    throw invalid("A session lasts at most 24 hours.", {
      endsAt: "A session must end within 24 hours of its start",
    });
  return db.transaction(async (tx) => {
    const role = await loadOpportunity(tx, actor.organisationId, opportunityId);
    const [created] = await tx
      .insert(volSession)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        opportunityId: role.id,
        startsAt,
        endsAt,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "vol_session",
      entityId: created.id,
      summary: `Session added to "${role.title}"`,
    });
    return created;
  });
}
