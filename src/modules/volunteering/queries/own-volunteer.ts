import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canApplyAsKnownVolunteer } from "../policy.ts";
import { volunteerForUser } from "../records.ts";
import type { Volunteer } from "../schema.ts";

// The signed-in volunteer's own record, read for the one-page apply (their own data: not a staff read).

export type MissingDetail = "phone" | "dateOfBirth" | "postcode" | "interests" | "availability";

/** The details a volunteer's record lacks, in the order the one-page form asks them. */
export function missingDetails(record: Volunteer): MissingDetail[] {
  const missing: MissingDetail[] = [];
  if (!record.phone) missing.push("phone");
  if (!record.dateOfBirth) missing.push("dateOfBirth");
  if (!record.postcode) missing.push("postcode");
  if (record.interests.length === 0) missing.push("interests");
  if (record.availability.length === 0) missing.push("availability");
  return missing;
}

/** The signed-in person's own volunteer record in their organisation, or a 404 that says what to do. */
export async function ownVolunteerRecord(db: Db, actor: Actor): Promise<Volunteer> {
  requireAllowed(canApplyAsKnownVolunteer(actor), "Sign in as a volunteer to apply on one page.");
  const record =
    actor.kind === "user" ? await volunteerForUser(db, actor.organisationId, actor.userId) : undefined;
  if (!record)
    throw notFound(
      "You are not registered as a volunteer",
      "Apply with your details, or ask your volunteering coordinator to link your account.",
    );
  return record;
}
