import type { Actor } from "../../platform/access/actor.ts";
import { isManagerOrAbove, isOfficerOrAbove, isStaff } from "../../platform/access/policy.ts";
import { isShareCurrent } from "./domain/sharing.ts";

// Who may do what in community safety. Case records hold criminal-offence and special-category
// data, so only case workers (officers and above) read them; the board sees aggregate reports.

/** Officers, managers and admins work cases: read them, record reports, actions and notes. */
export function canWorkCases(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

/** Aggregate reports (NM01, annual report) hold no personal data: all staff, including the board. */
export function canViewReports(actor: Actor): boolean {
  return isStaff(actor);
}

/** Changing risk matrices, letter templates, thresholds; approving retention; legal hold. */
export function canManageSafety(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/** Marking an area for a hot-spot campaign commits money (CCTV, skips): managers and above, as for other campaigns. */
export function canMarkHotSpots(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/** Online reports: tenants and residents through the portal, partner agencies through the API, and staff. */
export function canSubmitReport(actor: Actor): boolean {
  if (actor.kind === "system") return true;
  return actor.role === "tenant" || actor.role === "partner-agency" || isOfficerOrAbove(actor);
}

/** The portal is for tenants and residents who are linked to a person record. */
export function canUsePortal(actor: Actor): boolean {
  return actor.kind === "user" && actor.role === "tenant";
}

/** Importing historic cases writes many records at once: managers and above, or the CLI (system). */
export function canImportCases(actor: Actor): boolean {
  return isManagerOrAbove(actor);
}

/** Partner agency users linked to a partner organisation may see the cases shared with it, and nothing else. */
export function canViewSharedCases(actor: Actor): boolean {
  return actor.kind === "user" && actor.role === "partner-agency" && actor.partnerOrganisationId !== null;
}

/**
 * One share lets a partner user see a case only while it is current (not ended, not past its expiry
 * date) and only if it names the user's own partner organisation.
 */
export function canSeeShare(
  actor: Actor,
  share: { partnerOrganisationId: string | null; endedAt: Date | null; expiresOn: string | null },
  today: string,
): boolean {
  return (
    canViewSharedCases(actor) &&
    actor.kind === "user" &&
    share.partnerOrganisationId === actor.partnerOrganisationId &&
    isShareCurrent(share, today)
  );
}
