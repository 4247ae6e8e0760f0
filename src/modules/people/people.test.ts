import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../../platform/db/database.ts";
import { createHome } from "../places/index.ts";
import {
  ageBand,
  ageOn,
  createPartnerOrganisation,
  createPerson,
  findPeople,
  getEqualityProfile,
  getPerson,
  orgIdentifierFor,
  recordEquality,
} from "./index.ts";

describe("people", () => {
  let database: Database;
  let orgId: string;
  let homeId: string;
  const officer = () => actorFor(orgId, "officer");

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db)).id;
    homeId = (
      await createHome(database, officer(), testNow, {
        uprn: "1",
        addressLine1: "1 Oast Road",
        town: "Ashford",
        postcode: "TN23 1AA",
        tenure: "social-rent",
        laCode: "E07000105",
      })
    ).id;
  });
  afterAll(async () => database.close());

  it("adds a person and audits every later read of their record", async () => {
    const person = await createPerson(database.db, officer(), testNow, {
      givenName: "Joan",
      familyName: "Bright",
      dateOfBirth: "1960-04-02",
      personType: "tenant",
      homeId,
      email: "JOAN@example.org",
    });
    expect(person.email).toBe("joan@example.org");
    await getPerson(database.db, officer(), person.id, testNow);
    const reads = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entry WHERE action = 'read' AND entity_id = $1",
      [person.id],
    );
    expect(reads[0].n).toBe(1);
  });

  it("warns about a possible duplicate by name and date of birth, and adds it once the officer confirms", async () => {
    const again = {
      givenName: " joan ",
      familyName: "BRIGHT",
      dateOfBirth: "1960-04-02",
      personType: "resident",
    };
    await expect(createPerson(database.db, officer(), testNow, again)).rejects.toMatchObject({
      status: 409,
      duplicates: [expect.objectContaining({ reason: "same name and date of birth" })],
    });
    const confirmed = await createPerson(database.db, officer(), testNow, {
      ...again,
      confirmNotDuplicate: "yes",
    });
    expect(confirmed.id).toBeTruthy();
  });

  it("warns about the same name at the same home", async () => {
    await expect(
      createPerson(database.db, officer(), testNow, {
        givenName: "Joan",
        familyName: "Bright",
        personType: "resident",
        homeId,
      }),
    ).rejects.toMatchObject({
      status: 409,
      duplicates: expect.arrayContaining([
        expect.objectContaining({ reason: "same name at the same address" }),
      ]),
    });
  });

  it("refuses a birth date in the future, a bad email and another organisation's home", async () => {
    const other = await makeOrganisation(database.db, "Elsewhere");
    const theirHome = await createHome(database, actorFor(other.id, "officer"), testNow, {
      uprn: "2",
      addressLine1: "2 X",
      town: "Y",
      postcode: "TN1 1AA",
      tenure: "social-rent",
      laCode: "E07000116",
    });
    // One resident "A B" each time, with the one detail that is wrong.
    const addResidentAB = (detail: Record<string, string>) =>
      createPerson(database.db, officer(), testNow, {
        givenName: "A",
        familyName: "B",
        personType: "resident",
        ...detail,
      });
    await expect(addResidentAB({ dateOfBirth: "2030-01-01" })).rejects.toMatchObject({
      fieldErrors: { dateOfBirth: expect.stringMatching(/past/) },
    });
    await expect(addResidentAB({ email: "not-an-email" })).rejects.toMatchObject({
      fieldErrors: { email: expect.stringMatching(/correct format/) },
    });
    await expect(addResidentAB({ homeId: theirHome.id })).rejects.toMatchObject({
      fieldErrors: { homeId: expect.any(String) },
    });
    await expect(addResidentAB({ dateOfBirth: "1990-02-30" })).rejects.toMatchObject({
      fieldErrors: { dateOfBirth: expect.stringMatching(/real date/) },
    });
  });

  it("lets a tenant see their own record and nobody else's", async () => {
    const [first, second] = (await findPeople(database.db, officer(), { search: "Bright" })).rows;
    const tenant = actorFor(orgId, "tenant", { personId: first.id });
    expect((await getPerson(database.db, tenant, first.id, testNow)).id).toBe(first.id);
    await expect(getPerson(database.db, tenant, second.id, testNow)).rejects.toMatchObject({ status: 404 });
    await expect(findPeople(database.db, tenant, {})).rejects.toMatchObject({ status: 403 });
  });

  it("holds equality answers only with consent, shows them only to officers, and audits reads", async () => {
    const [person] = (await findPeople(database.db, officer(), { search: "Joan" })).rows;
    await expect(
      recordEquality(database.db, officer(), testNow, person.id, { ethnicGroup: "Mixed" }),
    ).rejects.toMatchObject({ fieldErrors: { consent: expect.any(String) } });
    await recordEquality(database.db, officer(), testNow, person.id, {
      consent: "yes",
      ethnicGroup: "Mixed",
      disability: "yes",
    });
    expect(await getEqualityProfile(database.db, officer(), person.id, testNow)).toMatchObject({
      ethnicGroup: "Mixed",
      disability: "yes",
    });
    expect(
      await getEqualityProfile(database.db, actorFor(orgId, "read-only"), person.id, testNow),
    ).toBeNull();
    const [audit] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entry WHERE entity_type = 'person-equality' AND action = 'read'",
    );
    expect(audit.n).toBe(1);
  });

  it("gives partner organisations org-id identifiers and checks charity and company numbers", async () => {
    const charity = await createPartnerOrganisation(database.db, officer(), testNow, {
      name: "Oast Trust",
      kind: "charity",
      charityNumber: "1123456",
      companyNumber: "01234567",
    });
    expect(charity.orgIdentifier).toBe("GB-CHC-1123456");
    expect(orgIdentifierFor({ charityNumber: null, companyNumber: "SC123456" })).toBe("GB-COH-SC123456");
    expect(orgIdentifierFor({ charityNumber: null, companyNumber: null })).toBeNull();
    await expect(
      createPartnerOrganisation(database.db, officer(), testNow, {
        name: "X",
        kind: "charity",
        charityNumber: "12",
      }),
    ).rejects.toMatchObject({ fieldErrors: { charityNumber: expect.stringMatching(/6 or 7 digits/) } });
  });

  it("puts people in HACT age bands on a given date", () => {
    expect(ageBand("2001-11-23", "2026-11-22")).toBe("under-25");
    expect(ageBand("2001-11-22", "2026-11-22")).toBe("25-49");
    expect(ageBand("1976-11-22", "2026-11-22")).toBe("50-plus");
    expect(ageBand(null, "2026-11-22")).toBe("unknown");
  });

  it("gives the same age and band as counting by year, month and day as numbers, leap days included", () => {
    const day = fc
      .date({
        min: new Date("1920-01-01T00:00:00Z"),
        max: new Date("2040-12-31T00:00:00Z"),
        noInvalidDate: true,
      })
      .map((date) => date.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (dateOfBirth, on) => {
        const [by, bm, bd] = dateOfBirth.split("-").map(Number);
        const [y, m, d] = on.split("-").map(Number);
        const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
        expect(ageOn(dateOfBirth, on)).toBe(age);
        expect(ageBand(dateOfBirth, on)).toBe(
          age < 0 ? "unknown" : age < 25 ? "under-25" : age < 50 ? "25-49" : "50-plus",
        );
      }),
      { numRuns: 2000 },
    );
    expect(ageOn("2004-02-29", "2025-02-28")).toBe(20);
    expect(ageOn("2004-02-29", "2025-03-01")).toBe(21);
  });
});
