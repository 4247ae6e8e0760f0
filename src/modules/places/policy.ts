import type { Actor } from "../../platform/access/actor.ts";
import { isManagerOrAbove, isOfficerOrAbove, isStaff, tokenAllows } from "../../platform/access/policy.ts";

// Homes and assets are the organisation's own records: staff read them, officers change them.
// Partner users and tenants never see the stock list.

export function canViewPlaces(actor: Actor): boolean {
  return isStaff(actor) && tokenAllows(actor, "places", "read");
}

export function canEditPlaces(actor: Actor): boolean {
  return isOfficerOrAbove(actor) && tokenAllows(actor, "places", "write");
}

/** Which neighbourhoods count as priority decides where money goes: a manager's call. */
export function canSetPriorityRule(actor: Actor): boolean {
  return isManagerOrAbove(actor) && tokenAllows(actor, "places", "write");
}

export function canImportPlaces(actor: Actor): boolean {
  return isOfficerOrAbove(actor) && tokenAllows(actor, "places", "write");
}
