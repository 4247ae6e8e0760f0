import { testPassword } from "../../../../test/app.ts";
import { testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import { createUser } from "../../../platform/auth/users.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createPartnerOrganisation, createPerson } from "../../people/index.ts";
import { createHome } from "../../places/index.ts";

// Test-only: homes and people for safety tests, made through the places and people modules.

export const medway = "E06000035";
export const maidstone = "E07000110";

export async function makeHomes(
  database: Database,
  organisationId: string,
  laCode: string,
  count: number,
  uprnStart: number,
  blockName: string | null = null,
): Promise<string[]> {
  const ids: string[] = [];
  const actor = systemActor(organisationId, "test");
  for (let i = 0; i < count; i++) {
    const home = await createHome(database, actor, testNow, {
      uprn: String(uprnStart + i),
      addressLine1: `${uprnStart + i} Test Street`,
      town: "Testtown",
      postcode: "ME1 1AA",
      tenure: "social-rent",
      bedrooms: "2",
      laCode,
      blockName: blockName ?? "",
    }).catch((error: { fieldErrors?: unknown }) => {
      throw new Error(`createHome: ${JSON.stringify(error.fieldErrors)}`);
    });
    ids.push(home.id);
  }
  return ids;
}

export async function makePerson(
  database: Database,
  organisationId: string,
  givenName: string,
  familyName: string,
  homeId: string | null = null,
): Promise<string> {
  const person = await createPerson(database.db, systemActor(organisationId, "test"), testNow, {
    givenName,
    familyName,
    personType: "tenant",
    email: `${givenName.toLowerCase()}.${familyName.toLowerCase()}@example.org`,
    homeId: homeId ?? "",
    dateOfBirth: "",
    phone: "",
    postcode: "",
    address: "",
    confirmNotDuplicate: true,
  }).catch((error: { fieldErrors?: unknown }) => {
    throw new Error(`createPerson: ${JSON.stringify(error.fieldErrors)}`);
  });
  return person.id;
}

/** A partner agency and one partner-agency user linked to it (password `testPassword`); returns the agency's id. */
export async function makeAgencyUser(
  database: Database,
  organisationId: string,
  agencyName: string,
  email: string,
): Promise<string> {
  const actor = systemActor(organisationId, "test");
  const agency = await createPartnerOrganisation(database.db, actor, testNow, {
    name: agencyName,
    kind: "agency",
  });
  await createUser(database.db, actor, testNow, {
    organisationId,
    email,
    name: `${agencyName} user`,
    role: "partner-agency",
    password: testPassword,
    partnerOrganisationId: agency.id,
  });
  return agency.id;
}
