import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { optionalOf } from "../../../platform/http/fields.ts";
import { validate } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canEditPeople } from "../policy.ts";
import { getPerson } from "../queries/people.ts";
import { personEquality } from "../schema.ts";

const answer = optionalOf(z.string().trim().max(100));

export const equalityInput = z.object({
  consent: z.literal("yes", { error: "Record that the person agreed to give this information" }),
  ethnicGroup: answer,
  disability: optionalOf(z.enum(["yes", "no", "prefer-not-to-say"])),
  sex: answer,
  genderIdentitySameAsBirth: optionalOf(z.enum(["yes", "no", "prefer-not-to-say"])),
  sexualOrientation: answer,
  religion: answer,
});

/** Equality monitoring is optional and held only with consent (UK GDPR art. 9(2)(a)). */
export async function recordEquality(
  db: Db,
  actor: Actor,
  now: Date,
  personId: string,
  input: unknown,
): Promise<void> {
  requireAllowed(canEditPeople(actor), "Only officers can record equality information.");
  await getPerson(db, actor, personId, now);
  const checked = validate(equalityInput, input);
  if (!checked.ok) throw invalid("Check the equality answers.", checked.errors);
  const { consent: _consent, ...answers } = checked.value;
  const row = {
    organisationId: actor.organisationId,
    personId,
    consentGivenAt: now,
    consentRecordedBy: actor.kind === "user" ? actor.userId : actor.organisationId,
    ...answers,
  };
  await db.transaction(async (tx) => {
    await tx
      .insert(personEquality)
      .values(row)
      .onConflictDoUpdate({ target: [personEquality.organisationId, personEquality.personId], set: row });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "person-equality",
      entityId: personId,
      summary: "Recorded equality monitoring answers with consent",
    });
  });
}
