import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, invalid, notFound, Problem } from "../../../platform/http/problem.ts";
import { canCoordinate } from "../policy.ts";
import { loadVolunteer, londonToday } from "../records.ts";
import { unmetRequirements } from "../requirements.ts";
import {
  type Application,
  type ApplicationStatus,
  volApplication,
  volOpportunity,
  volunteerCheck,
} from "../schema.ts";
import { placesTaken } from "./apply.ts";

export type ApplicationStep = "approve" | "decline" | "place" | "end";

// The status flow: applied → approved or declined → placed → ended.
const transitions: Record<ApplicationStep, { from: ApplicationStatus[]; to: ApplicationStatus }> = {
  approve: { from: ["applied"], to: "approved" },
  decline: { from: ["applied", "approved"], to: "declined" },
  place: { from: ["approved"], to: "placed" },
  end: { from: ["placed", "approved"], to: "ended" },
};

export async function decideApplication(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  step: ApplicationStep,
  reason?: string | null,
): Promise<Application> {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can decide applications.");
  const transition = transitions[step];
  if (!transition)
    throw invalid("Choose approve, decline, place or end.", {
      step: "Select what to do with the application",
    });
  const note = reason?.trim() || null;
  if (step === "decline" && !note)
    throw invalid("Say why the application is declined.", {
      reason: "Enter why, so the volunteer can be told",
    });
  if (!isUuid(applicationId)) throw notFound("Application not found");
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(volApplication)
      .where(matchInOrganisation(volApplication, actor.organisationId, { id: applicationId }))
      .for("update");
    if (!before) throw notFound("Application not found");
    if (!transition.from.includes(before.status)) {
      throw conflict(
        "The application cannot change like that",
        `The application is ${before.status}, so it cannot be ${transition.to}.`,
      );
    }
    const [role] = await tx
      .select()
      .from(volOpportunity)
      .where(matchInOrganisation(volOpportunity, actor.organisationId, { id: before.opportunityId }))
      .for("update");
    if (step === "approve" && role && (await placesTaken(tx, actor.organisationId, role.id)) >= role.places) {
      throw conflict(
        "This role is full",
        `All ${role.places} places on "${role.title}" are taken. Decline the application or add places first.`,
      );
    }
    if (step === "place" && role) {
      const person = await loadVolunteer(tx, actor.organisationId, before.volunteerId);
      const held = await tx
        .select()
        .from(volunteerCheck)
        .where(matchInOrganisation(volunteerCheck, actor.organisationId, { volunteerId: person.id }));
      const reasons = unmetRequirements(role, person, held, londonToday(now));
      if (reasons.length > 0) {
        throw new Problem(
          422,
          "requirements-not-met",
          `${person.givenName} ${person.familyName} cannot be placed in this role yet`,
          `${reasons.join(". ")}.`,
          { step: reasons.join(". ") },
        );
      }
    }
    const after = await updateAudited(
      tx,
      actor,
      now,
      volApplication,
      applicationId,
      {
        status: transition.to,
        statusReason: note ?? before.statusReason,
        updatedAt: now,
        ...(step === "place" && actor.kind === "user" ? { placedBy: actor.userId } : {}),
      },
      (row) => ({
        entityType: "vol_application",
        summary: `Application for "${role?.title ?? "a role"}" ${transition.to}`,
        before: { status: before.status },
        after: { status: row.status, reason: note },
      }),
    );
    return after;
  });
}
