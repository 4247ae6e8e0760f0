import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { actorFor, makeOrganisation, problemOf, testNow } from "../../../../test/fixtures.ts";
import type { Database } from "../../../platform/db/database.ts";
import { createPerson, describePeople, personReference, searchPeople } from "../index.ts";

describe("searching people for a register", () => {
  let database: Database;
  let orgId: string;
  let otherOrgId: string;
  const officer = () => actorFor(orgId, "officer");
  const add = (givenName: string, familyName: string, extra: Record<string, string> = {}) =>
    createPerson(database.db, officer(), testNow, {
      givenName,
      familyName,
      personType: "resident",
      confirmNotDuplicate: "yes",
      ...extra,
    });
  let annaId: string;

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db)).id;
    otherOrgId = (await makeOrganisation(database.db, "Other Homes")).id;
    annaId = (
      await add("Anna", "Smith", {
        postcode: "TN23 1AA",
        dateOfBirth: "1990-01-01",
        address: "12 Elm Road, Ashford",
      })
    ).id;
    await add("Anna", "Smith", { postcode: "BN1 2AB", dateOfBirth: "1950-01-01" });
    await add("Smita", "Patel", { postcode: "TN24 8ZZ" });
    await add("Arthur", "Zed");
    await add("50%", "Discount");
    await add("A_b", "Underscore");
    await createPerson(database.db, actorFor(otherOrgId, "officer"), testNow, {
      givenName: "Anna",
      familyName: "Smith",
      personType: "resident",
    });
  });
  afterAll(async () => database.close());

  it("finds people by the start of a first name, a last name or the full name, in this organisation only", async () => {
    expect((await searchPeople(database.db, officer(), testNow, "smi")).map((p) => p.name)).toEqual([
      "Smita Patel",
      "Anna Smith",
      "Anna Smith",
    ]);
    expect((await searchPeople(database.db, officer(), testNow, "anna sm")).length).toBe(2);
    expect((await searchPeople(database.db, officer(), testNow, "  ARTH ")).map((p) => p.name)).toEqual([
      "Arthur Zed",
    ]);
  });

  it("finds people by postcode, with or without the space, and by reference", async () => {
    expect((await searchPeople(database.db, officer(), testNow, "tn23 1")).map((p) => p.id)).toEqual([
      annaId,
    ]);
    expect((await searchPeople(database.db, officer(), testNow, "TN231AA")).map((p) => p.id)).toEqual([
      annaId,
    ]);
    const byReference = await searchPeople(
      database.db,
      officer(),
      testNow,
      personReference(annaId).toLowerCase(),
    );
    expect(byReference.map((p) => p.id)).toContain(annaId);
  });

  it("gives the details that tell namesakes apart: age band, street and reference", async () => {
    const found = await searchPeople(database.db, officer(), testNow, "anna smith");
    const anna = found.find((p) => p.id === annaId);
    expect(anna).toMatchObject({
      ageBand: "25-49",
      street: "Elm Road",
      postcode: "TN23 1AA",
      reference: personReference(annaId),
    });
    expect(found.find((p) => p.id !== annaId)?.ageBand).toBe("50-plus");
    const described = await describePeople(database.db, officer(), testNow, [annaId, "not-an-id"]);
    expect([...described.keys()]).toEqual([annaId]);
  });

  it("treats % and _ as the characters themselves, not wildcards", async () => {
    expect((await searchPeople(database.db, officer(), testNow, "50%")).map((p) => p.name)).toEqual([
      "50% Discount",
    ]);
    expect(await searchPeople(database.db, officer(), testNow, "%a")).toEqual([]);
    expect((await searchPeople(database.db, officer(), testNow, "a_")).map((p) => p.name)).toEqual([
      "A_b Underscore",
    ]);
  });

  it("refuses a search of fewer than 2 characters with a clear message", async () => {
    const problem = await problemOf(searchPeople(database.db, officer(), testNow, " a "));
    expect(problem.status).toBe(422);
    expect(problem.fieldErrors?.q).toBe("Enter at least 2 characters of a name, postcode or reference");
    expect((await problemOf(searchPeople(database.db, officer(), testNow, "x".repeat(101)))).status).toBe(
      422,
    );
  });

  it("audits each search, and refuses people outside the staff", async () => {
    await searchPeople(database.db, officer(), testNow, "zed");
    const [row] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_read_log WHERE summary LIKE 'Searched people for \"zed\"%'",
    );
    expect(Number(row.n)).toBe(1);
    expect(
      (await problemOf(searchPeople(database.db, actorFor(orgId, "tenant"), testNow, "anna"))).status,
    ).toBe(403);
  });
});
