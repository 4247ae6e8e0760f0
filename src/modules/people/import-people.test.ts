import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCsv } from "../../../test/csv-file.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../../platform/db/database.ts";
import { createHome } from "../places/index.ts";
import { importPeople, personColumns } from "./commands/import-people.ts";
import { personInput } from "./commands/person-input.ts";

// `kith import people` through a staging table, on whichever engine the suite runs.
const columns = [
  "given_name",
  "family_name",
  "date_of_birth",
  "email",
  "phone",
  "address",
  "postcode",
  "person_type",
  "uprn",
];
const person = (changes: Record<string, string> = {}) => ({
  given_name: "Ada",
  family_name: "Staged",
  person_type: "resident",
  ...changes,
});

// One bad value for every rule of personInput, and good values the rules must normalise alike.
const ruleCases: Record<string, string>[] = [
  person({ given_name: "" }),
  person({ given_name: "g".repeat(101) }),
  person({ family_name: " " }),
  person({ family_name: "f".repeat(101) }),
  person({ date_of_birth: "2026-02-30" }),
  person({ date_of_birth: "1899-12-31" }),
  person({ date_of_birth: "15/06/1990" }),
  person({ date_of_birth: "2030-01-01" }),
  person({ email: "not-an-email" }),
  person({ email: "a@b" }),
  person({ email: "a b@c.d" }),
  person({ phone: "12345" }),
  person({ phone: "+44 7700 900 982 1234 5678" }),
  person({ address: "a".repeat(301) }),
  person({ postcode: "ME4" }),
  person({ postcode: "ME4 5AB 1" }),
  person({ person_type: "lodger" }),
  person({ person_type: "" }),
  person({ given_name: "", family_name: "", person_type: "x" }),
  person({
    email: " Ada@Example.ORG ",
    phone: "07700 900982",
    postcode: "me45ab",
    date_of_birth: "1990-01-01",
  }),
  person({ postcode: "ME4  5AB", address: "1 Road", phone: "+447700900982" }),
];

/** What the zod rules (the upload form's own) say of a row: its first problem, or its parsed value. */
function zodVerdict(row: Record<string, string>) {
  const parsed = personColumns.parse(personInput, row, { confirmNotDuplicate: true });
  if (!parsed.ok) return { problem: parsed.reason };
  if (parsed.value.dateOfBirth && parsed.value.dateOfBirth > testNow.toISOString().slice(0, 10))
    return { problem: "date_of_birth: must be in the past" };
  return { value: parsed.value };
}

describe("importing people through a staging table", () => {
  let database: Database;
  let orgId: string;
  const officer = () => actorFor(orgId, "officer");
  const stored = async (familyName: string) =>
    database.query<Record<string, string | null>>(
      `SELECT given_name, family_name, date_of_birth::text, email, phone, address, postcode, person_type, home_id
       FROM person WHERE organisation_id = $1 AND family_name = $2 ORDER BY created_at, id`,
      [orgId, familyName],
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db, "Staged People")).id;
    await createHome(database, officer(), testNow, {
      uprn: "720000000001",
      addressLine1: "1 Home Road",
      town: "Chatham",
      postcode: "ME4 5AB",
      tenure: "social-rent",
      laCode: "E06000035",
    });
  });
  afterAll(async () => database.close());

  it("gives every rule's bad value the same reason as the form's zod rules, and stores good values alike", async () => {
    const file = await writeCsv("people-rules.csv", columns, ruleCases);
    const report = await importPeople(database, officer(), testNow, file, { skipBadRows: true });
    const expected = ruleCases.map(zodVerdict);
    expect(report.problems).toEqual(
      expected.flatMap((verdict, index) =>
        verdict.problem ? [{ line: index + 2, reason: verdict.problem }] : [],
      ),
    );
    const goods = expected.flatMap((verdict) => (verdict.value ? [verdict.value] : []));
    expect(goods).toHaveLength(2);
    expect(report.imported).toBe(2);
    const rows = await stored("Staged");
    expect(rows).toHaveLength(goods.length);
    // Rows written in the same millisecond have ids in no particular order: compare as a set.
    expect(rows).toEqual(
      expect.arrayContaining(
        goods.map((value) => ({
          given_name: value.givenName,
          family_name: value.familyName,
          date_of_birth: value.dateOfBirth,
          email: value.email,
          phone: value.phone,
          address: value.address,
          postcode: value.postcode,
          person_type: value.personType,
          home_id: null,
        })),
      ),
    );
  });

  it("reports a bad row among good ones with its line and reason, and writes nothing", async () => {
    const file = await writeCsv("people-one-bad.csv", columns, [
      person({ family_name: "AllOrNothing", uprn: "0720000000001" }),
      person({ family_name: "AllOrNothing", uprn: "720000000099" }),
      person({ family_name: "AllOrNothing", person_type: "lodger" }),
      person({ family_name: "AllOrNothing" }),
    ]);
    const report = await importPeople(database, officer(), testNow, file);
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([
      { line: 3, reason: "uprn: no home with UPRN 720000000099" },
      { line: 4, reason: "person_type: Choose whether they are a tenant, resident or contact" },
    ]);
    expect(await stored("AllOrNothing")).toEqual([]);
  });

  it("writes the good rows, linked to their homes, when asked to skip bad ones", async () => {
    const file = await writeCsv("people-skip.csv", columns, [
      person({ family_name: "Skipping", uprn: "0720000000001" }),
      person({ family_name: "Skipping", email: "nope" }),
      person({ family_name: "Skipping" }),
    ]);
    const report = await importPeople(database, officer(), testNow, file, { skipBadRows: true });
    expect(report).toMatchObject({ committed: true, imported: 2, rowsRead: 3, problemCount: 1 });
    expect(report.problems[0]?.line).toBe(3);
    const rows = await stored("Skipping");
    expect(rows).toHaveLength(2);
    expect(rows.filter((row) => row.home_id !== null)).toHaveLength(1);
  });
});
