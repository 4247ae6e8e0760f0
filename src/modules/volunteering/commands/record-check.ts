import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { checkInput, parseInput } from "../inputs.ts";
import { canCoordinate } from "../policy.ts";
import { loadVolunteer, londonToday } from "../records.ts";
import { type VolunteerCheck, volunteerCheck } from "../schema.ts";

/** Records a check or training a volunteer holds, with its renewal date. */
export async function recordCheck(
  db: Db,
  actor: Actor,
  now: Date,
  volunteerId: string,
  input: unknown,
): Promise<VolunteerCheck> {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can record checks.");
  const value = parseInput(checkInput, input);
  if (value.issuedOn > londonToday(now))
    throw invalid("The issue date is in the future.", {
      issuedOn: "The date it was issued must be today or in the past",
    });
  if (value.expiresOn !== null && value.expiresOn <= value.issuedOn)
    throw invalid("The renewal date is before the issue date.", {
      expiresOn: "The renewal date must be after the date it was issued",
    });
  return db.transaction(async (tx) => {
    const person = await loadVolunteer(tx, actor.organisationId, volunteerId);
    const [created] = await tx
      .insert(volunteerCheck)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        volunteerId: person.id,
        ...value,
        recordedAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "volunteer_check",
      entityId: created.id,
      summary: `${value.kind} check recorded for volunteer ${person.givenName} ${person.familyName}`,
      after: { kind: value.kind, issuedOn: value.issuedOn, expiresOn: value.expiresOn },
    });
    return created;
  });
}
