import { inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { durationText } from "../inputs.ts";
import { canCoordinate } from "../policy.ts";
import { loadOpportunity, londonToday } from "../records.ts";
import { volHours, volSession } from "../schema.ts";
import { awardMilestones, refuseFutureDay, refuseOverFullDay, refuseUnplaced } from "./hours-rules.ts";

export type SessionHoursEntry = { volunteerId: string; hours: string };

/**
 * A coordinator logs one session's hours for everyone who came, all or nothing.
 * The coordinator saw the work, so these hours are verified as they are logged.
 */
export async function logSessionHours(
  db: Db,
  actor: Actor,
  now: Date,
  sessionId: string,
  entries: SessionHoursEntry[],
): Promise<number> {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can log hours for a session.");
  const errors: FieldErrors = {};
  const parsed: { volunteerId: string; minutes: number }[] = [];
  for (const entry of entries) {
    if (entry.hours.trim() === "") continue; // A blank row means the volunteer did not come.
    const result = durationText.safeParse(entry.hours);
    if (!result.success)
      errors[`hours-${entry.volunteerId}`] = result.error.issues[0]?.message ?? "Enter the hours";
    else parsed.push({ volunteerId: entry.volunteerId, minutes: result.data });
  }
  if (Object.keys(errors).length > 0) throw invalid("Some hours are not valid. Nothing was saved.", errors);
  if (parsed.length === 0)
    throw invalid("Enter hours for at least one volunteer.", {
      hours: "Enter hours for at least one volunteer who came",
    });
  if (!isUuid(sessionId)) throw notFound("Session not found");
  return db.transaction(async (tx) => {
    const [session] = await tx
      .select()
      .from(volSession)
      .where(matchInOrganisation(volSession, actor.organisationId, { id: sessionId }));
    if (!session) throw notFound("Session not found");
    const role = await loadOpportunity(tx, actor.organisationId, session.opportunityId);
    const workedOn = londonToday(session.startsAt);
    refuseFutureDay(workedOn, now, "hours");
    const unplaced = await refuseUnplaced(
      tx,
      actor.organisationId,
      parsed.map((entry) => entry.volunteerId),
      role.id,
    );
    if (unplaced.length > 0)
      throw invalid(
        "Some people are not placed in this role. Nothing was saved.",
        Object.fromEntries(unplaced.map((id) => [`hours-${id}`, "This person is not placed in this role"])),
      );
    // A form left open in two tabs must not log the same session twice for anyone.
    const twice = await tx
      .select({ volunteerId: volHours.volunteerId })
      .from(volHours)
      .where(
        matchInOrganisation(
          volHours,
          actor.organisationId,
          { sessionId: session.id },
          inArray(
            volHours.volunteerId,
            parsed.map((entry) => entry.volunteerId),
          ),
        ),
      );
    if (twice.length > 0)
      throw invalid(
        "Some people already have hours for this session. Nothing was saved.",
        Object.fromEntries(
          twice.map((row) => [
            `hours-${row.volunteerId}`,
            "Hours are already logged for this person at this session",
          ]),
        ),
      );
    for (const entry of parsed)
      await refuseOverFullDay(
        tx,
        actor.organisationId,
        entry.volunteerId,
        workedOn,
        entry.minutes,
        `hours-${entry.volunteerId}`,
      );
    await tx.insert(volHours).values(
      parsed.map((entry) => ({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        volunteerId: entry.volunteerId,
        opportunityId: role.id,
        sessionId: session.id,
        workedOn,
        minutes: entry.minutes,
        theme: role.theme,
        laCode: role.laCode,
        projectRef: role.projectRef,
        status: "verified" as const,
        loggedBy: "coordinator" as const,
        loggedAt: now,
        verifiedAt: now,
      })),
    );
    await awardMilestones(
      tx,
      actor.organisationId,
      parsed.map((entry) => entry.volunteerId),
      now,
    );
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "vol_session",
      entityId: session.id,
      summary: `Hours logged for ${parsed.length} volunteers at "${role.title}" on ${workedOn}`,
    });
    return parsed.length;
  });
}
