import { forbidden } from "../http/problem.ts";
import type { Actor, Role } from "./actor.ts";

// Ranks for staff roles: a higher rank may do everything a lower one may.
const staffRank: Partial<Record<Role, number>> = {
  "read-only": 1,
  officer: 2,
  manager: 3,
  "organisation-admin": 4,
  "platform-admin": 5,
};

function rank(actor: Actor): number {
  if (actor.kind === "system") return 10;
  return staffRank[actor.role] ?? 0;
}

/** Staff of the organisation, including the read-only board. */
export function isStaff(actor: Actor): boolean {
  return rank(actor) >= 1;
}

/** Officers and above may create and change records. */
export function isOfficerOrAbove(actor: Actor): boolean {
  return rank(actor) >= 2;
}

export function isManagerOrAbove(actor: Actor): boolean {
  return rank(actor) >= 3;
}

export function isOrganisationAdmin(actor: Actor): boolean {
  return rank(actor) >= 4;
}

export function isPlatformAdmin(actor: Actor): boolean {
  return actor.kind === "system" || actor.role === "platform-admin";
}

/**
 * An API token narrows what its user may do. `places:read` allows reads,
 * `places:write` allows writes (and reads). Sessions (scopes null) are not narrowed.
 */
export function tokenAllows(actor: Actor, area: string, access: "read" | "write"): boolean {
  if (actor.kind === "system" || actor.scopes === null) return true;
  return (
    actor.scopes.includes(`${area}:write`) || (access === "read" && actor.scopes.includes(`${area}:read`))
  );
}

/** The one way a command or query refuses: a 403 problem the person can understand. */
export function requireAllowed(allowed: boolean, detail: string): void {
  if (!allowed) throw forbidden(detail);
}

export function sameOrganisation(actor: Actor, organisationId: string): boolean {
  return actor.organisationId === organisationId;
}
