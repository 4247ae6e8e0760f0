import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { optionalText } from "../../../platform/http/fields.ts";
import { laCodeForPostcode, locatePostcode } from "../geography.ts";
import { parseInput, volunteerInput } from "../inputs.ts";
import { canApplyAsKnownVolunteer } from "../policy.ts";
import { missingDetails, ownVolunteerRecord } from "../queries/own-volunteer.ts";
import { type Application, type Volunteer, volunteer } from "../schema.ts";
import { checkMinimumAge, insertApplication, lockOpenRole } from "./apply.ts";

/** What a known volunteer may be asked while applying: only details their record lacks, and a message. */
export const knownApplicationInput = volunteerInput
  .pick({ phone: true, dateOfBirth: true, postcode: true, interests: true, availability: true })
  .extend({ message: optionalText(2000) });

/**
 * A signed-in volunteer applies in one step: what the record holds is never asked again, and
 * answers for details it already holds are ignored (names and email stay with the coordinator).
 * Missing details given here are saved to the record in the same transaction as the application.
 */
export async function applyAsKnownVolunteer(
  db: Db,
  actor: Actor,
  now: Date,
  opportunityId: string,
  input: unknown,
): Promise<Application> {
  requireAllowed(canApplyAsKnownVolunteer(actor), "Sign in as a volunteer to apply on one page.");
  const value = parseInput(knownApplicationInput, input);
  return db.transaction(async (tx) => {
    const record = await ownVolunteerRecord(tx, actor);
    const role = await lockOpenRole(tx, actor.organisationId, opportunityId);
    const missing = missingDetails(record);
    const filled: Partial<Volunteer> = {};
    if (missing.includes("phone") && value.phone) filled.phone = value.phone;
    if (missing.includes("dateOfBirth") && value.dateOfBirth) filled.dateOfBirth = value.dateOfBirth;
    if (missing.includes("postcode") && value.postcode) {
      filled.postcode = value.postcode;
      filled.laCode = laCodeForPostcode(value.postcode);
      Object.assign(filled, locatePostcode(value.postcode));
    }
    if (missing.includes("interests") && value.interests.length > 0) filled.interests = value.interests;
    if (missing.includes("availability") && value.availability.length > 0)
      filled.availability = value.availability;
    checkMinimumAge(role, filled.dateOfBirth ?? record.dateOfBirth, now);
    if (Object.keys(filled).length > 0) {
      await updateAudited(tx, actor, now, volunteer, record.id, filled, {
        entityType: "volunteer",
        summary: `Volunteer added their ${Object.keys(filled)
          .filter((key) => !["laCode", "latitude", "longitude"].includes(key))
          .join(", ")} while applying`,
      });
    }
    return insertApplication(tx, actor, now, role, record, value.message, " (known volunteer, one page)");
  });
}
