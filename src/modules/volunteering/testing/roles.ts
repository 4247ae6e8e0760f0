import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import { applyForOpportunity } from "../commands/apply.ts";
import { decideApplication } from "../commands/decide-application.ts";
import { decideOpportunity } from "../commands/decide-opportunity.ts";
import { postOpportunity } from "../commands/post-opportunity.ts";
import type { Opportunity } from "../schema.ts";

/**
 * For tests: the answers of an outdoor estate role that needs no DBS check and may be done remotely,
 * two hours at a time, for ten people. Each test names its role and changes any answer it relies on.
 */
export function estateRole(role: { title: string } & Record<string, unknown>): Record<string, unknown> {
  return {
    description: "Help out.",
    activity: "Estate activities",
    theme: "environment",
    interests: ["outdoor-work"],
    remote: "yes",
    timeCommitment: "2 hours",
    dbsRequired: "no",
    places: "10",
    ...role,
  };
}

/** For tests: an estate role posted and approved by the same coordinator, open for applications. */
export async function approvedEstateRole(
  db: Db,
  actor: Actor,
  now: Date,
  role: { title: string } & Record<string, unknown>,
): Promise<Opportunity> {
  const posted = await postOpportunity(db, actor, now, estateRole(role));
  await decideOpportunity(db, actor, now, posted.id, "approve");
  return posted;
}

/**
 * For tests: someone applies for an open role with these answers, as the public does, and the
 * coordinator approves and places them. Returns their volunteer id.
 */
export async function placedVolunteer(
  db: Db,
  coordinator: Actor,
  now: Date,
  roleId: string,
  answers: Record<string, unknown>,
): Promise<string> {
  const application = await applyForOpportunity(db, coordinator.organisationId, now, roleId, answers);
  await decideApplication(db, coordinator, now, application.id, "approve");
  await decideApplication(db, coordinator, now, application.id, "place");
  return application.volunteerId;
}
