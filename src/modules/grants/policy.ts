import type { Actor } from "../../platform/access/actor.ts";
import { isManagerOrAbove, isOfficerOrAbove, isStaff } from "../../platform/access/policy.ts";
import type { GrantApplication } from "./schema.ts";

// Who may do what with grants. Pure functions; every command and query calls one first.

/** Staff, including the read-only board, see programmes, applications and grants. */
export function canViewGrants(actor: Actor): boolean {
  return isStaff(actor);
}

/** Programmes commit budget, so managers set them up. */
export function canManageProgrammes(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/** Organisations apply through their community-group or partner-agency accounts. */
export function canApply(actor: Actor): boolean {
  return actor.kind === "user" && (actor.role === "community-group" || actor.role === "partner-agency");
}

/** An applicant sees and edits only their own applications; drafts only until submitted. */
export function canSeeOwnApplication(
  actor: Actor,
  application: Pick<GrantApplication, "applicantUserId">,
): boolean {
  return actor.kind === "user" && application.applicantUserId === actor.userId;
}

export function canEditOwnApplication(
  actor: Actor,
  application: Pick<GrantApplication, "applicantUserId" | "status">,
): boolean {
  return canSeeOwnApplication(actor, application) && application.status === "draft";
}

/** Officers and above assess; the read-only board does not. */
export function canAssess(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

/** Moderation and decisions commit money: managers. */
export function canDecide(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/** Officers may propose a direct award; only a manager may approve it. */
export function canProposeDirectAward(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

export function canApproveDirectAward(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/** Officers run the grant day to day: monitoring returns, marking payments paid, funding changes with full notice. */
export function canManageGrant(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

/** Approving a payment releases money: managers. */
export function canApprovePayment(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/** Short notice breaks the framework's three-month rule, so only a manager may override it, with a reason. */
export function canOverrideNotice(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

export function canChangeSettings(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

export function actorName(actor: Actor): string {
  return actor.kind === "system" ? actor.label : actor.name;
}

/** The funded organisation reports on its own grant: the applicant whose application became the grant. */
export function isGrantRecipient(
  actor: Actor,
  application: Pick<GrantApplication, "applicantUserId"> | undefined,
): boolean {
  return canApply(actor) && application !== undefined && canSeeOwnApplication(actor, application);
}

/**
 * Budget lines and documents are read by the applicant's own organisation (the applicant, and
 * other users of the same partner organisation) and by the landlord's grant staff; nobody else.
 */
export function isApplicantOrganisationUser(
  actor: Actor,
  application: Pick<GrantApplication, "applicantUserId" | "partnerOrganisationId">,
): boolean {
  if (!canApply(actor) || actor.kind !== "user") return false;
  return (
    canSeeOwnApplication(actor, application) ||
    (application.partnerOrganisationId !== null &&
      actor.partnerOrganisationId === application.partnerOrganisationId)
  );
}

export function canReadApplicationFiles(
  actor: Actor,
  application: Pick<GrantApplication, "applicantUserId" | "partnerOrganisationId">,
): boolean {
  return canViewGrants(actor) || isApplicantOrganisationUser(actor, application);
}
