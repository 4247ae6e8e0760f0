import { describe, expect, it } from "vitest";
import { openedForFile, openTestDatabase } from "../../test/database.ts";
import { makeOrganisation, testNow } from "../../test/fixtures.ts";
import { newId } from "../platform/db/ids.ts";
import { withReferencesCheckedOnce } from "./references-checked-once.ts";

// Seed writes with the foreign keys checked once after them must keep every reference honest.

const opened = openedForFile(async () => ({ database: await openTestDatabase() }));

const addPerson = (organisationId: string, givenName: string, homeId: string | null) =>
  opened.database.query(
    `INSERT INTO person (organisation_id, id, given_name, family_name, home_id, person_type, created_at)
     VALUES ($1, $2, $3, 'Okafor', $4, 'resident', $5)`,
    [organisationId, newId(testNow.getTime()), givenName, homeId, testNow.toISOString()],
  );
const namesIn = async (organisationId: string) =>
  (
    await opened.database.query<{ given_name: string }>(
      "SELECT given_name FROM person WHERE organisation_id = $1 ORDER BY given_name",
      [organisationId],
    )
  ).map((row) => row.given_name);

describe("withReferencesCheckedOnce", () => {
  it("writes rows whose references hold, and returns what the work returns", async () => {
    const org = await makeOrganisation(opened.database.db, "Checked Homes");
    const result = await withReferencesCheckedOnce(opened.database, ["person"], async () => {
      await addPerson(org.id, "Ada", null);
      await addPerson(org.id, "Bea", null);
      return "done";
    });
    expect(result).toBe("done");
    expect(await namesIn(org.id)).toEqual(["Ada", "Bea"]);
  });

  it("fails a write that points at no home", async () => {
    const org = await makeOrganisation(opened.database.db, "Dangling Homes");
    await expect(
      withReferencesCheckedOnce(opened.database, ["household", "person"], () =>
        addPerson(org.id, "Cal", newId()),
      ),
    ).rejects.toThrow(/person.*(foreign key|points at nothing)|points at nothing/);
    // PGlite's check comes after the rows are written: take them out for the next test.
    await opened.database.query("DELETE FROM person WHERE organisation_id = $1", [org.id]);
  });

  it("checks row by row again once the work is done", async () => {
    const org = await makeOrganisation(opened.database.db, "After Homes");
    await withReferencesCheckedOnce(opened.database, ["person"], () => addPerson(org.id, "Dee", null));
    await expect(addPerson(org.id, "Eve", newId())).rejects.toThrow(/foreign key/);
    expect(await namesIn(org.id)).toEqual(["Dee"]);
  });
});
