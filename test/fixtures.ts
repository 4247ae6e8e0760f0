import type { Actor, Role } from "../src/platform/access/actor.ts";
import { createOrganisation, type Organisation } from "../src/platform/access/organisations.ts";
import type { Db } from "../src/platform/db/database.ts";
import { newId } from "../src/platform/db/ids.ts";
import { Problem } from "../src/platform/http/problem.ts";

export const testNow = new Date("2026-06-15T10:00:00.000Z");

export async function makeOrganisation(db: Db, name = "Weald Homes"): Promise<Organisation> {
  return createOrganisation(db, null, testNow, { name, kind: "housing-association" });
}

/** An actor as a signed-in user would be, without going through sign-in. */
export function actorFor(
  organisationId: string,
  role: Role,
  extra: Partial<Extract<Actor, { kind: "user" }>> = {},
): Actor {
  return {
    kind: "user",
    userId: newId(),
    organisationId,
    role,
    name: `Test ${role}`,
    email: `${role}@example.org`,
    personId: null,
    partnerOrganisationId: null,
    scopes: null,
    ...extra,
  };
}

/** The Problem a command refused with; fails the test if it succeeded or threw anything else. */
export async function problemOf(work: Promise<unknown>): Promise<Problem> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof Problem)) throw new Error(`Expected a Problem, got ${String(error)}`);
  return error;
}
