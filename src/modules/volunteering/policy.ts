import type { Actor } from "../../platform/access/actor.ts";
import { isManagerOrAbove, isOfficerOrAbove, isStaff } from "../../platform/access/policy.ts";
import type { Opportunity, Volunteer } from "./schema.ts";

// Who may do what in volunteering. Officers and above are the "coordinators".

/** Coordinators run the programme: approve roles, decide applications, verify hours. */
export function canCoordinate(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

/** Reports hold no names: the board (read-only) may see them. */
export function canViewReports(actor: Actor): boolean {
  return isStaff(actor);
}

/** Partner agencies and community groups post roles for their own organisation; staff post for anyone. */
export function canPostOpportunity(actor: Actor): boolean {
  if (isOfficerOrAbove(actor)) return true;
  return (
    actor.kind === "user" &&
    (actor.role === "partner-agency" || actor.role === "community-group") &&
    actor.partnerOrganisationId !== null
  );
}

/** A partner sees the roles it posted; coordinators see all. */
export function canSeeOpportunity(
  actor: Actor,
  opportunity: Pick<Opportunity, "partnerOrganisationId">,
): boolean {
  if (canCoordinate(actor) || canViewReports(actor)) return true;
  return (
    actor.kind === "user" &&
    actor.partnerOrganisationId !== null &&
    actor.partnerOrganisationId === opportunity.partnerOrganisationId
  );
}

/** Only coordinators may see a volunteer's record, except the volunteer themselves. */
export function canSeeVolunteer(actor: Actor, record: Pick<Volunteer, "userId">): boolean {
  return canCoordinate(actor) || isThisVolunteer(actor, record);
}

export function isThisVolunteer(actor: Actor, record: Pick<Volunteer, "userId">): boolean {
  return actor.kind === "user" && record.userId !== null && record.userId === actor.userId;
}

/** The value of an hour is a published figure: managers set it, with its source. */
export function canSetHourlyRate(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/** One-page apply is for a signed-in person whose account is linked to a volunteer record (checked by the command). */
export function canApplyAsKnownVolunteer(actor: Actor): boolean {
  return actor.kind === "user";
}
