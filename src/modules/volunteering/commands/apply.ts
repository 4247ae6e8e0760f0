import { and, eq, inArray, sql } from "drizzle-orm";
import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { optionalText } from "../../../platform/http/fields.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { parseInput, volunteerInput } from "../inputs.ts";
import { londonToday } from "../records.ts";
import { ageOn } from "../requirements.ts";
import {
  type Application,
  type Opportunity,
  type Volunteer,
  volApplication,
  volOpportunity,
  volunteer,
} from "../schema.ts";
import { insertVolunteer } from "./register-volunteer.ts";

const applicationInput = volunteerInput.extend({ message: optionalText(2000) });

/** Places taken: approved and placed volunteers hold a place; applicants do not yet. */
export async function placesTaken(tx: Db, organisationId: string, opportunityId: string): Promise<number> {
  const [row] = await tx
    .select({ taken: sql<number>`count(*)::int` })
    .from(volApplication)
    .where(
      matchInOrganisation(
        volApplication,
        organisationId,
        { opportunityId },
        inArray(volApplication.status, ["approved", "placed"]),
      ),
    );
  return row?.taken ?? 0;
}

/**
 * Anyone may apply for a public (approved) role: no sign-in, so no policy check beyond
 * the role being public. The volunteer is matched by email, so applying twice for the
 * same role returns the first application rather than telling a stranger who applied.
 */
export async function applyForOpportunity(
  db: Db,
  organisationId: string,
  now: Date,
  opportunityId: string,
  input: unknown,
  links: { userId?: string | null; personId?: string | null } = {},
): Promise<Application> {
  const value = parseInput(applicationInput, input);
  const actor: Actor = systemActor(organisationId, "Public volunteering application");
  return db.transaction(async (tx) => {
    const role = await lockOpenRole(tx, organisationId, opportunityId);
    checkMinimumAge(role, value.dateOfBirth, now);
    const [known] = await tx
      .select()
      .from(volunteer)
      .where(inOrganisation(volunteer, organisationId, eq(sql`lower(${volunteer.email})`, value.email)));
    const person: Volunteer = known ?? (await insertVolunteer(tx, organisationId, now, value, links));
    return insertApplication(tx, actor, now, role, person, value.message, known ? "" : " (new volunteer)");
  });
}

/** The role, locked so two people cannot take its last place at once; a 404 unless public, a 409 when full. */
export async function lockOpenRole(
  tx: Db,
  organisationId: string,
  opportunityId: string,
): Promise<Opportunity> {
  const [role] = await tx
    .select()
    .from(volOpportunity)
    .where(matchInOrganisation(volOpportunity, organisationId, { id: opportunityId, status: "approved" }))
    .for("update");
  if (!role)
    throw notFound(
      "Volunteering role not found",
      "The role may have closed. Search again for roles near you.",
    );
  if ((await placesTaken(tx, organisationId, role.id)) >= role.places) {
    throw conflict(
      "This role is full",
      `All ${role.places} places on "${role.title}" are taken. Search again for similar roles.`,
    );
  }
  return role;
}

export function checkMinimumAge(role: Opportunity, dateOfBirth: string | null, now: Date): void {
  if (role.minimumAge === null) return;
  if (!dateOfBirth)
    throw invalid("This role has a minimum age.", {
      dateOfBirth: `Enter your date of birth: this role is for people aged ${role.minimumAge} or over`,
    });
  if (ageOn(dateOfBirth, londonToday(now)) < role.minimumAge)
    throw invalid("You are under the minimum age.", {
      dateOfBirth: `This role is for people aged ${role.minimumAge} or over`,
    });
}

/** The application, once per volunteer and role (a second apply returns the first), then its audit entry. */
export async function insertApplication(
  tx: Db,
  actor: Actor,
  now: Date,
  role: Opportunity,
  person: Volunteer,
  message: string | null,
  note: string,
): Promise<Application> {
  const [existing] = await tx
    .select()
    .from(volApplication)
    .where(
      inOrganisation(
        volApplication,
        role.organisationId,
        and(eq(volApplication.opportunityId, role.id), eq(volApplication.volunteerId, person.id)),
      ),
    );
  if (existing) return existing;
  const [created] = await tx
    .insert(volApplication)
    .values({
      organisationId: role.organisationId,
      id: newId(now.getTime()),
      opportunityId: role.id,
      volunteerId: person.id,
      status: "applied",
      message,
      appliedAt: now,
      updatedAt: now,
    })
    .returning();
  await recordAudit(tx, actor, now, {
    action: "create",
    entityType: "vol_application",
    entityId: created.id,
    summary: `Application for "${role.title}" from ${person.givenName} ${person.familyName}${note}`,
  });
  return created;
}
