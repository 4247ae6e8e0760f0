import { addUser, buildTestApp, TestBrowser, testPassword } from "../../../../test/app.ts";
import { testNow } from "../../../../test/fixtures.ts";
import { systemActor } from "../../../platform/access/actor.ts";
import { createApiToken } from "../../../platform/auth/api-tokens.ts";
import { actorForUser, createUser } from "../../../platform/auth/users.ts";
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
  return makeHomesWith(database, organisationId, count, uprnStart, { laCode, blockName: blockName ?? "" });
}

/**
 * `count` social-rent homes with UPRNs from `uprnStart`, each "<uprn> Test Street" unless `addressOf`
 * says otherwise; `details` sets the area, block or anything else the home form takes; added at `at`.
 */
export async function makeHomesWith(
  database: Database,
  organisationId: string,
  count: number,
  uprnStart: number,
  details: Record<string, string> & { laCode: string },
  addressOf = (uprn: number, _index: number) => `${uprn} Test Street`,
  at = testNow,
): Promise<string[]> {
  const ids: string[] = [];
  const actor = systemActor(organisationId, "test");
  for (let i = 0; i < count; i++) {
    const home = await createHome(database, actor, at, {
      uprn: String(uprnStart + i),
      addressLine1: addressOf(uprnStart + i, i),
      town: "Testtown",
      postcode: "ME1 1AA",
      tenure: "social-rent",
      bedrooms: "2",
      ...details,
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

export type SafetyStaff = {
  app: Awaited<ReturnType<typeof buildTestApp>>;
  manager: TestBrowser;
  officer: TestBrowser;
  /** An API token of the manager's with safety:write. */
  managerToken: string;
};

/** The app with a signed-in community safety manager and officer: what the staff page tests start from. */
export async function signedInSafetyStaff(database: Database, organisationId: string): Promise<SafetyStaff> {
  const managerUser = await addUser(database, organisationId, "manager", "manager@example.org");
  await addUser(database, organisationId, "officer", "officer@example.org");
  const { token: managerToken } = await createApiToken(database.db, actorForUser(managerUser), testNow, {
    name: "safety staff tests",
    scopes: ["safety:write"],
  });
  const app = await buildTestApp(database);
  const manager = new TestBrowser(app);
  const officer = new TestBrowser(app);
  await manager.signIn("manager@example.org");
  await officer.signIn("officer@example.org");
  return { app, manager, officer, managerToken };
}

/** Risk matrix answers that score high on the default matrix (version 1). */
export const highRiskAnswers = {
  frequency: "daily",
  targeted: "yes",
  hate: "yes",
  fear: "yes",
  health: "yes",
  vulnerable: "no",
  children: "no",
  violence: "no",
  "considered-moving": "no",
};

/** A tenant's portal account (password `testPassword`) for a person on the landlord's records. */
export async function makeTenantUser(
  database: Database,
  organisationId: string,
  personId: string,
  name: string,
  email: string,
) {
  return createUser(database.db, systemActor(organisationId), testNow, {
    organisationId,
    email,
    name,
    role: "tenant",
    password: testPassword,
    personId,
  });
}
