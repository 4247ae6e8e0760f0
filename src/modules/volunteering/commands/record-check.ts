import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { checkInput, parseInput } from "../inputs.ts";
import { canCoordinate, isThisVolunteer } from "../policy.ts";
import { loadVolunteer, londonToday, volunteerForUser } from "../records.ts";
import { type Volunteer, type VolunteerCheck, volunteerCheck } from "../schema.ts";

type CheckValue = ReturnType<typeof checkInput.parse>;

/** The dates must make sense: issued by today, renewed after it was issued. */
function checkedDates(input: unknown, now: Date): CheckValue {
  const value = parseInput(checkInput, input);
  if (value.issuedOn > londonToday(now))
    throw invalid("The issue date is in the future.", {
      issuedOn: "The date it was issued must be today or in the past",
    });
  if (value.expiresOn !== null && value.expiresOn <= value.issuedOn)
    throw invalid("The renewal date is before the issue date.", {
      expiresOn: "The renewal date must be after the date it was issued",
    });
  return value;
}

async function insertCheck(
  tx: Db,
  actor: Actor,
  now: Date,
  person: Volunteer,
  value: CheckValue,
): Promise<VolunteerCheck> {
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
}

/** Records a check or training a volunteer holds, with its renewal date. */
export async function recordCheck(
  db: Db,
  actor: Actor,
  now: Date,
  volunteerId: string,
  input: unknown,
): Promise<VolunteerCheck> {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can record checks.");
  const value = checkedDates(input, now);
  return db.transaction(async (tx) => {
    const person = await loadVolunteer(tx, actor.organisationId, volunteerId);
    return insertCheck(tx, actor, now, person, value);
  });
}

/**
 * A volunteer adds training they hold. A DBS check gates regulated roles, so only a
 * coordinator, who has seen the certificate, may record or change one.
 */
export async function recordOwnCheck(
  db: Db,
  actor: Actor,
  now: Date,
  input: unknown,
): Promise<VolunteerCheck> {
  if (actor.kind !== "user") throw notFound("You are not registered as a volunteer");
  const value = checkedDates(input, now);
  if (value.kind.startsWith("dbs-"))
    throw invalid("Your coordinator records DBS checks.", {
      kind: "Your coordinator records DBS checks: show them your certificate",
    });
  return db.transaction(async (tx) => {
    const person = await volunteerForUser(tx, actor.organisationId, actor.userId);
    if (!person) throw notFound("You are not registered as a volunteer");
    requireAllowed(isThisVolunteer(actor, person), "You can add checks only to your own profile.");
    return insertCheck(tx, actor, now, person, value);
  });
}

/** A coordinator corrects a check, most often to record its renewal. */
export async function updateCheck(
  db: Db,
  actor: Actor,
  now: Date,
  checkId: string,
  input: unknown,
): Promise<VolunteerCheck> {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can change checks.");
  const value = checkedDates(input, now);
  if (!isUuid(checkId)) throw notFound("Check not found");
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(volunteerCheck)
      .where(matchInOrganisation(volunteerCheck, actor.organisationId, { id: checkId }));
    if (!before) throw notFound("Check not found");
    const after = await updateAudited(tx, actor, now, volunteerCheck, checkId, value, {
      entityType: "volunteer_check",
      summary: `${value.kind} check updated`,
      before: {
        kind: before.kind,
        reference: before.reference,
        issuedOn: before.issuedOn,
        expiresOn: before.expiresOn,
      },
      after: {
        kind: value.kind,
        reference: value.reference,
        issuedOn: value.issuedOn,
        expiresOn: value.expiresOn,
      },
    });
    return after;
  });
}

/** One check of the organisation, for its edit page (coordinators only). */
export async function getCheck(db: Db, actor: Actor, checkId: string): Promise<VolunteerCheck> {
  requireAllowed(canCoordinate(actor), "Only volunteering coordinators can see checks.");
  if (!isUuid(checkId)) throw notFound("Check not found");
  const [row] = await db
    .select()
    .from(volunteerCheck)
    .where(matchInOrganisation(volunteerCheck, actor.organisationId, { id: checkId }));
  if (!row) throw notFound("Check not found");
  return row;
}
