import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { getPerson } from "../../people/index.ts";
import { involvementInput, parseInput, participationInput } from "../inputs.ts";
import { canManageEngagement } from "../policy.ts";
import { loadInvolvement } from "../records.ts";
import { involvementOpportunity, involvementParticipation } from "../schema.ts";

export async function createInvolvementOpportunity(db: Db, actor: Actor, now: Date, input: unknown) {
  requireAllowed(canManageEngagement(actor), "Only officers can set up resident involvement.");
  const value = parseInput(involvementInput, input);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(involvementOpportunity)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        ...value,
        status: "open",
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "involvement_opportunity",
      entityId: created.id,
      summary: `Involvement "${value.title}" set up`,
    });
    return created;
  });
}

/** Records that a resident takes part (a panel member, a champion …). The person must be one of ours. */
export async function recordParticipation(
  db: Db,
  actor: Actor,
  now: Date,
  opportunityId: string,
  input: unknown,
) {
  requireAllowed(canManageEngagement(actor), "Only officers can record who takes part.");
  const value = parseInput(participationInput, input);
  return db.transaction(async (tx) => {
    const involvement = await loadInvolvement(tx, actor.organisationId, opportunityId);
    const person = await getPerson(tx, actor, value.personId, now);
    const [created] = await tx
      .insert(involvementParticipation)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        opportunityId: involvement.id,
        personId: person.id,
        role: value.role,
        startedOn: value.startedOn,
        recordedAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "involvement_participation",
      entityId: created.id,
      summary: `${person.givenName} ${person.familyName} joined "${involvement.title}"`,
    });
    return created;
  });
}
