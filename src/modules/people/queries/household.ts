import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { canViewPeople } from "../policy.ts";
import { household, householdMember, person, tenancy, tenancyHolder } from "../schema.ts";

/** The person's household (members and relationships) and the tenancies they hold. */
export async function householdOf(db: Db, actor: Actor, personId: string) {
  requireAllowed(canViewPeople(actor), "Only staff can see households.");
  const [membership] = await db
    .select({ householdId: householdMember.householdId, name: household.name })
    .from(householdMember)
    .innerJoin(
      household,
      sameOrganisation(household, householdMember, eq(household.id, householdMember.householdId)),
    )
    .where(matchInOrganisation(householdMember, actor.organisationId, { personId }));
  const members = membership
    ? await db
        .select({
          id: person.id,
          givenName: person.givenName,
          familyName: person.familyName,
          relationship: householdMember.relationship,
        })
        .from(householdMember)
        .innerJoin(person, sameOrganisation(person, householdMember, eq(person.id, householdMember.personId)))
        .where(
          matchInOrganisation(householdMember, actor.organisationId, { householdId: membership.householdId }),
        )
        .orderBy(asc(person.givenName))
    : [];
  const tenancies = await db
    .select({
      id: tenancy.id,
      tenancyType: tenancy.tenancyType,
      startDate: tenancy.startDate,
      endDate: tenancy.endDate,
    })
    .from(tenancyHolder)
    .innerJoin(tenancy, sameOrganisation(tenancy, tenancyHolder, eq(tenancy.id, tenancyHolder.tenancyId)))
    .where(matchInOrganisation(tenancyHolder, actor.organisationId, { personId }))
    .orderBy(asc(tenancy.startDate));
  return { household: membership ? { name: membership.name, members } : null, tenancies };
}
