import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../test/fixtures.ts";
import { type Actor, systemActor } from "../../platform/access/actor.ts";
import { createUser } from "../../platform/auth/users.ts";
import type { Database } from "../../platform/db/database.ts";
import { newId } from "../../platform/db/ids.ts";
import { appUser } from "../../platform/db/platform-schema.ts";
import { proposeDirectAward } from "./commands/direct-awards.ts";
import { grantStaffChoices } from "./queries/grant-staff.ts";
import { grantAward } from "./schema.ts";
import { directAwardInput, type GrantPeople, grantPeople } from "./test-support.ts";

// Issue 13 item 7: the grant owner and accountable officer are chosen from the organisation's staff.

let database: Database;
let organisationId: string;
let people: GrantPeople;
let officer: Actor;
const ids = { otherOrganisation: "", applicant: "", disabled: "" };

async function user(orgId: string, name: string, role: "officer" | "community-group") {
  return createUser(database.db, systemActor(orgId), testNow, {
    organisationId: orgId,
    email: `${newId()}@people.example`,
    name,
    role,
    password: "correct horse battery staple 42",
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  organisationId = (await makeOrganisation(database.db)).id;
  const other = await makeOrganisation(database.db, "Other Homes");
  people = await grantPeople(database.db, organisationId);
  officer = actorFor(organisationId, "officer");
  ids.otherOrganisation = (await user(other.id, "Elsewhere Officer", "officer")).id;
  ids.applicant = (await user(organisationId, "Grace Group", "community-group")).id;
  const leaver = await user(organisationId, "Lee Leaver", "officer");
  await database.db.update(appUser).set({ disabledAt: testNow }).where(eq(appUser.id, leaver.id));
  ids.disabled = leaver.id;
});
afterAll(async () => database?.close());

async function grantCount(): Promise<number> {
  return (await database.db.select().from(grantAward).where(eq(grantAward.organisationId, organisationId)))
    .length;
}

describe("grant owner and accountable officer", () => {
  it("stores the chosen staff users' ids and shows their names", async () => {
    const grant = await proposeDirectAward(database.db, officer, testNow, directAwardInput(people));
    expect(grant).toMatchObject({
      grantOwnerUserId: people.grantOwnerUserId,
      grantOwner: "Priya Shah",
      accountableOfficerUserId: people.accountableOfficerUserId,
      accountableOfficer: "Dana Director",
    });
  });

  it.each([
    ["a user of another organisation", "otherOrganisation"],
    ["an applicant's user", "applicant"],
    ["a disabled staff user", "disabled"],
  ] as const)("refuses %s as grant owner and saves nothing", async (_, which) => {
    const before = await grantCount();
    const problem = await problemOf(
      proposeDirectAward(
        database.db,
        officer,
        testNow,
        directAwardInput({ ...people, grantOwnerUserId: ids[which] }),
      ),
    );
    expect(problem).toMatchObject({
      status: 422,
      fieldErrors: { grantOwnerUserId: "Choose the grant owner from your organisation's active staff" },
    });
    expect(await grantCount()).toBe(before);
  });

  it("refuses a typed name or an unknown id for the accountable officer", async () => {
    const typed = await problemOf(
      proposeDirectAward(
        database.db,
        officer,
        testNow,
        directAwardInput({ ...people, accountableOfficerUserId: "Head of Communities" }),
      ),
    );
    expect(typed.fieldErrors).toEqual({
      accountableOfficerUserId: "Choose the accountable officer from your organisation's staff",
    });
    const unknown = await problemOf(
      proposeDirectAward(
        database.db,
        officer,
        testNow,
        directAwardInput({ ...people, accountableOfficerUserId: newId() }),
      ),
    );
    expect(unknown.fieldErrors).toEqual({
      accountableOfficerUserId: "Choose the accountable officer from your organisation's active staff",
    });
  });

  it("offers only the organisation's active staff, by name, and only to staff", async () => {
    const choices = await grantStaffChoices(database.db, officer);
    expect(choices.map((member) => member.name)).toEqual(["Dana Director", "Priya Shah"]);
    const refused = await problemOf(
      grantStaffChoices(database.db, actorFor(organisationId, "community-group")),
    );
    expect(refused.status).toBe(403);
  });
});
