import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { laCodeForPostcode, locatePostcode } from "../geography.ts";
import { ownProfileInput, parseInput, volunteerInput } from "../inputs.ts";
import { canCoordinate, isThisVolunteer } from "../policy.ts";
import { emailTaken, loadVolunteer, volunteerForUser } from "../records.ts";
import { type Volunteer, volunteer } from "../schema.ts";

type ProfileChange = Partial<
  Pick<
    Volunteer,
    | "givenName"
    | "familyName"
    | "email"
    | "phone"
    | "dateOfBirth"
    | "postcode"
    | "interests"
    | "skills"
    | "availability"
  >
>;

/** The fields that changed, before and after, for the audit entry. */
function changes(before: Volunteer, change: ProfileChange) {
  const changed = (Object.keys(change) as (keyof ProfileChange)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(change[key]),
  );
  return {
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, change[key]])),
  };
}

async function saveProfile(
  tx: Db,
  actor: Actor,
  now: Date,
  before: Volunteer,
  change: ProfileChange,
  summary: string,
): Promise<Volunteer> {
  if (change.email && change.email.toLowerCase() !== before.email.toLowerCase()) {
    if (await emailTaken(tx, actor.organisationId, change.email, before.id))
      throw invalid("That email address is already used.", {
        email: "Another volunteer is registered with this email address",
      });
  }
  // A new postcode moves the volunteer on the map (matching by distance) and between areas.
  const place =
    change.postcode === undefined || change.postcode === before.postcode
      ? {}
      : change.postcode
        ? { ...locatePostcode(change.postcode), laCode: laCodeForPostcode(change.postcode) }
        : { latitude: null, longitude: null, laCode: null };
  const after = await updateAudited(
    tx,
    actor,
    now,
    volunteer,
    before.id,
    { ...change, ...place },
    {
      entityType: "volunteer",
      summary,
      ...changes(before, change),
    },
  );
  return after;
}

/** A coordinator corrects any part of a volunteer's record. */
export async function updateVolunteer(
  db: Db,
  actor: Actor,
  now: Date,
  volunteerId: string,
  input: unknown,
): Promise<Volunteer> {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can change a volunteer's record.");
  const value = parseInput(volunteerInput, input);
  return db.transaction(async (tx) => {
    const before = await loadVolunteer(tx, actor.organisationId, volunteerId);
    return saveProfile(
      tx,
      actor,
      now,
      before,
      value,
      `Volunteer ${value.givenName} ${value.familyName} updated`,
    );
  });
}

/** A volunteer keeps their own contact details, interests, skills and free times up to date. */
export async function updateOwnProfile(db: Db, actor: Actor, now: Date, input: unknown): Promise<Volunteer> {
  if (actor.kind !== "user") throw notFound("You are not registered as a volunteer");
  const value = parseInput(ownProfileInput, input);
  return db.transaction(async (tx) => {
    const before = await volunteerForUser(tx, actor.organisationId, actor.userId);
    if (!before) throw notFound("You are not registered as a volunteer");
    requireAllowed(isThisVolunteer(actor, before), "You can change only your own profile.");
    return saveProfile(tx, actor, now, before, value, "Volunteer updated their own profile");
  });
}
