import { and, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { hoursInput, parseInput } from "../inputs.ts";
import { loadOpportunity, volunteerForUser } from "../records.ts";
import { type HoursRecord, volHours } from "../schema.ts";
import { formatMinutes, refuseFutureDay, refuseOverFullDay, refuseUnplaced } from "./hours-rules.ts";

/** A volunteer logs their own hours (CiviVolunteer users' top request); a coordinator then verifies them. */
export async function logOwnHours(db: Db, actor: Actor, now: Date, input: unknown): Promise<HoursRecord> {
  requireAllowed(actor.kind === "user", "Sign in as a volunteer to log your hours.");
  const value = parseInput(hoursInput, input);
  refuseFutureDay(value.workedOn, now);
  return db.transaction(async (tx) => {
    const person =
      actor.kind === "user" ? await volunteerForUser(tx, actor.organisationId, actor.userId) : undefined;
    requireAllowed(
      person !== undefined,
      "Your account is not linked to a volunteer record. Ask your coordinator to link it.",
    );
    if (!person) throw notFound("Volunteer not found");
    const role = await loadOpportunity(tx, actor.organisationId, value.opportunityId);
    if ((await refuseUnplaced(tx, actor.organisationId, [person.id], role.id)).length > 0) {
      throw invalid("You are not placed in that role.", {
        opportunityId: "Select a role you have been placed in",
      });
    }
    await refuseOverFullDay(tx, actor.organisationId, person.id, value.workedOn, value.minutes);
    const [created] = await tx
      .insert(volHours)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        volunteerId: person.id,
        opportunityId: role.id,
        workedOn: value.workedOn,
        minutes: value.minutes,
        theme: role.theme,
        laCode: role.laCode,
        projectRef: role.projectRef,
        status: "submitted",
        note: value.note,
        loggedBy: "volunteer",
        loggedAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "vol_hours",
      entityId: created.id,
      summary: `${formatMinutes(value.minutes)} logged for "${role.title}" on ${value.workedOn}`,
    });
    return created;
  });
}

/** A volunteer corrects hours a coordinator sent back, and submits them again. */
export async function resubmitHours(
  db: Db,
  actor: Actor,
  now: Date,
  hoursId: string,
  input: unknown,
): Promise<HoursRecord> {
  requireAllowed(actor.kind === "user", "Sign in as a volunteer to correct your hours.");
  return db.transaction(async (tx) => {
    const person =
      actor.kind === "user" ? await volunteerForUser(tx, actor.organisationId, actor.userId) : undefined;
    const [before] = person
      ? await tx
          .select()
          .from(volHours)
          .where(
            inOrganisation(
              volHours,
              actor.organisationId,
              and(eq(volHours.id, hoursId), eq(volHours.volunteerId, person.id)),
            ),
          )
      : [];
    if (!before || !person) throw notFound("Hours not found");
    if (before.status !== "disputed")
      throw invalid("Only hours sent back to you can be corrected.", {
        minutes: "These hours are not waiting for a correction",
      });
    const value = parseInput(hoursInput, { opportunityId: before.opportunityId, ...(input as object) });
    refuseFutureDay(value.workedOn, now);
    await refuseOverFullDay(
      tx,
      actor.organisationId,
      person.id,
      value.workedOn,
      value.minutes,
      "minutes",
      before.id,
    );
    const corrected = {
      workedOn: value.workedOn,
      minutes: value.minutes,
      note: value.note,
      status: "submitted" as const,
      loggedAt: now,
    };
    return updateAudited(tx, actor, now, volHours, before.id, corrected, (after) => ({
      entityType: "vol_hours",
      summary: "Disputed hours corrected and submitted again",
      before: { workedOn: before.workedOn, minutes: before.minutes },
      after: { workedOn: after.workedOn, minutes: after.minutes },
    }));
  });
}
