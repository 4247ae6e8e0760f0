import type { Actor } from "../../platform/access/actor.ts";
import { isOfficerOrAbove, isStaff, tokenAllows } from "../../platform/access/policy.ts";
import type { Person } from "./schema.ts";

export function canViewPeople(actor: Actor): boolean {
  return isStaff(actor) && tokenAllows(actor, "people", "read");
}

export function canEditPeople(actor: Actor): boolean {
  return isOfficerOrAbove(actor) && tokenAllows(actor, "people", "write");
}

/** A tenant may see their own record and nobody else's. */
export function canViewPerson(actor: Actor, target: Pick<Person, "id">): boolean {
  if (canViewPeople(actor)) return true;
  return actor.kind === "user" && actor.role === "tenant" && actor.personId === target.id;
}

/**
 * Equality data is special category: only officers and above see it (the board sees
 * only aggregated profiles), and only where consent was recorded.
 */
export function canViewEqualityData(actor: Actor): boolean {
  return isOfficerOrAbove(actor) && tokenAllows(actor, "people", "read");
}

export function canViewPartners(actor: Actor): boolean {
  return isStaff(actor) && tokenAllows(actor, "people", "read");
}
