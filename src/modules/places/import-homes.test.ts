import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../../platform/db/database.ts";
import { CsvFileError } from "../../platform/imports/csv-import.ts";
import { createHome, importHomes } from "./index.ts";

// The set-based import of homes, on whichever engine the suite runs (PGlite, or PostgreSQL with DATABASE_URL).
describe("importing homes through a staging table", () => {
  let database: Database;
  let orgId: string;
  let dir: string;
  const officer = () => actorFor(orgId, "officer");
  const header = "uprn,address_line_1,town,postcode,tenure,la_code,lsoa21_code,acquired_on";
  const good = (uprn: string, more = "") =>
    `${uprn},1 Staging Row,Chatham,ME4 5AB,social-rent,E06000035,${more}`;
  const importLines = async (name: string, lines: string[], skipBadRows = false) => {
    const file = path.join(dir, name);
    await writeFile(file, `${lines.join("\r\n")}\r\n`);
    return importHomes(database, officer(), testNow, file, { skipBadRows });
  };
  const homesWith = async (prefix: string) =>
    (
      await database.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM home WHERE organisation_id = $1 AND uprn LIKE $2",
        [orgId, `${prefix}%`],
      )
    )[0]?.n;

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db, "Staging Homes")).id;
    dir = await mkdtemp(path.join(tmpdir(), "kith-staged-"));
    await createHome(database, officer(), testNow, {
      uprn: "710000000009",
      addressLine1: "9 Existing Road",
      town: "Chatham",
      postcode: "ME4 5AB",
      tenure: "social-rent",
      laCode: "E06000035",
    });
  });
  afterAll(async () => database.close());

  it("reports every kind of bad row with its line and reason, and writes nothing", async () => {
    const report = await importLines("bad.csv", [
      header,
      good("710000000001"),
      "710000000002,2 Staging Row,,ME4 5AB,social-rent,E06000035,,",
      good("710000000003").replace("ME4 5AB", "ME4 5A"),
      good("71000000000X"),
      good("710000000005", ",2026-02-30"),
      good("710000000006", "E01999999,"),
      good("710000000001"),
      good("710000000009"),
      good("710000000010").replace("E06000035", "E06999999"),
    ]);
    expect(report).toMatchObject({ committed: false, imported: 0, rowsRead: 9, problemCount: 8 });
    expect(report.problems).toEqual([
      { line: 3, reason: "town: Enter the town or city" },
      { line: 4, reason: "postcode: Enter a real postcode, like ME1 2AB" },
      { line: 5, reason: "uprn: Enter a UPRN of up to 12 digits, like 100062154321" },
      {
        line: 6,
        reason: expect.stringMatching(/^acquired_on: Enter the date the home was acquired as a real date/),
      },
      { line: 7, reason: "lsoa21_code: There is no 2021 LSOA with the code E01999999" },
      { line: 8, reason: "uprn: UPRN 710000000001 also appears on line 2" },
      { line: 9, reason: "uprn: a home with UPRN 710000000009 is already on record" },
      { line: 10, reason: "la_code: There is no local authority with the code E06999999" },
    ]);
    expect(await homesWith("7100000000")).toBe(1);
  });

  it("keeps line numbers right after a cell with a line break, and stores quotes and commas as written", async () => {
    const report = await importLines("quoted.csv", [
      header,
      '720000000001,"Flat 1, ""The Maltings""\nRiver Walk",Chatham,me45ab,social-rent,e06000035,e01016016,2001-04-01',
      "",
      good("720000000002"),
      good("720000000003").replace("social-rent", "castle"),
    ]);
    expect(report.problems).toEqual([{ line: 6, reason: expect.stringMatching(/^tenure: Choose a tenure/) }]);
    const skipped = await importLines("quoted-skip.csv", [
      header,
      '720000000001,"Flat 1, ""The Maltings""\nRiver Walk",Chatham,me45ab,social-rent,e06000035,e01016016,2001-04-01',
      good("720000000002"),
    ]);
    expect(skipped).toMatchObject({ committed: true, imported: 2, problemCount: 0 });
    const [stored] = await database.query<Record<string, string>>(
      "SELECT address_line_1, postcode, la_code, lsoa21_code, acquired_on, tsm_stock_category, id::text FROM home WHERE organisation_id = $1 AND uprn = '720000000001'",
      [orgId],
    );
    expect(stored).toMatchObject({
      address_line_1: 'Flat 1, "The Maltings"\nRiver Walk',
      postcode: "ME4 5AB",
      la_code: "E06000035",
      lsoa21_code: "E01016016",
      acquired_on: "2001-04-01",
      tsm_stock_category: "lcra-general-needs",
    });
    expect(stored?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("imports the good rows and skips the bad ones when asked", async () => {
    const report = await importLines(
      "skip.csv",
      [header, good("730000000001"), good("730000000002").replace("Chatham", ""), good("730000000003")],
      true,
    );
    expect(report).toMatchObject({ committed: true, imported: 2, problemCount: 1 });
    expect(report.problems[0]?.line).toBe(3);
    expect(await homesWith("7300000000")).toBe(2);
  });

  it("refuses a quoted cell that never closes, naming its line, and leaves nothing behind", async () => {
    const error = await importLines("open-quote.csv", [
      header,
      good("740000000001"),
      '740000000002,"2 Open',
    ]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as Error).message).toMatch(/starts on line 3 is never closed/);
    expect(await homesWith("7400000000")).toBe(0);
    const leftovers = await database.query(
      "SELECT 1 FROM pg_class WHERE relname IN ('import_row', 'import_checked')",
    );
    expect(leftovers).toEqual([]);
  });

  it("refuses a record longer than the limit with the line it starts on", async () => {
    const long = `740000000003,"${"x".repeat(70 * 1024)}",Chatham,ME4 5AB,social-rent,E06000035,,`;
    const error = await importLines("long.csv", [header, good("740000000002"), long]).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CsvFileError);
    expect((error as Error).message).toMatch(/^Line 3 is longer than 64 KB/);
  });
});
