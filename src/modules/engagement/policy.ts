import type { Actor } from "../../platform/access/actor.ts";
import { isOfficerOrAbove, isStaff } from "../../platform/access/policy.ts";

/** Officers run involvement and consultations; the board may read results. */
export function canManageEngagement(actor: Actor): boolean {
  return isOfficerOrAbove(actor);
}

export function canViewEngagement(actor: Actor): boolean {
  return isStaff(actor);
}
