import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCsv } from "../../../test/csv-file.ts";
import { openTestDatabase } from "../../../test/database.ts";
import { actorFor, makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../../platform/db/database.ts";
import { assetInput } from "./commands/create-asset.ts";
import { assetColumns, importCommunityAssets } from "./commands/import-assets.ts";
import { loadReferenceCodes, referenceProblems } from "./queries/reference-codes.ts";

// `kith import assets` through a staging table, on whichever engine the suite runs.
const columns = Object.keys({
  name: 1,
  asset_type: 1,
  description: 1,
  address: 1,
  postcode: 1,
  la_code: 1,
  lsoa21_code: 1,
  owner: 1,
  opening_hours: 1,
  current_use: 1,
  capacity: 1,
  opened_on: 1,
  closed_on: 1,
});
const asset = (changes: Record<string, string> = {}) => ({
  name: "Staged Hall",
  asset_type: "community-hall",
  la_code: "E06000035",
  owner: "Trust",
  ...changes,
});

// One bad value for every rule of assetInput and of the reference codes, and good values the rules must normalise alike.
const ruleCases: Record<string, string>[] = [
  asset({ name: "" }),
  asset({ name: "n".repeat(201) }),
  asset({ asset_type: "castle" }),
  asset({ asset_type: "" }),
  asset({ description: "d".repeat(2001) }),
  asset({ address: "a".repeat(301) }),
  asset({ postcode: "XX" }),
  asset({ la_code: "" }),
  asset({ la_code: "E1234" }),
  asset({ la_code: "E05000035" }),
  asset({ lsoa21_code: "E0212345" }),
  asset({ lsoa21_code: "E0112345X" }),
  asset({ owner: "" }),
  asset({ owner: "o".repeat(201) }),
  asset({ opening_hours: "h".repeat(301) }),
  asset({ current_use: "u".repeat(501) }),
  asset({ capacity: "lots" }),
  asset({ capacity: "1.5" }),
  asset({ capacity: "--3" }),
  asset({ capacity: "-1" }),
  asset({ capacity: "100001" }),
  asset({ opened_on: "2026-13-01" }),
  asset({ closed_on: "tomorrow" }),
  asset({ la_code: "E06999999" }),
  asset({ lsoa21_code: "E01999999" }),
  asset({ name: "", asset_type: "castle", owner: "" }),
  asset({ la_code: "e06000035", postcode: "me4 5ab", capacity: "1,200", opened_on: "2020-02-29" }),
  asset({ capacity: "0", description: "A hall", closed_on: "2025-01-01" }),
];

describe("importing community assets through a staging table", () => {
  let database: Database;
  let orgId: string;
  const officer = () => actorFor(orgId, "officer");
  const stored = async (owner: string) =>
    database.query<Record<string, string | number | null>>(
      `SELECT name, asset_type, description, address, postcode, la_code, lsoa21_code, owner, opening_hours,
         current_use, capacity, opened_on::text, closed_on::text
       FROM community_asset WHERE organisation_id = $1 AND owner = $2 ORDER BY created_at, id`,
      [orgId, owner],
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    orgId = (await makeOrganisation(database.db, "Staged Assets")).id;
  });
  afterAll(async () => database.close());

  it("gives every rule's bad value the same reason as the form's zod rules, and stores good values alike", async () => {
    const codes = await loadReferenceCodes(database, database);
    const verdicts = ruleCases.map((row) => {
      const parsed = assetColumns.parse(assetInput, row);
      if (!parsed.ok) return { problem: parsed.reason };
      const problems = referenceProblems(codes, { ...parsed.value, lsoa11Code: null });
      if (Object.keys(problems).length > 0) return { problem: assetColumns.problem(problems) };
      return { value: parsed.value };
    });
    const file = await writeCsv("asset-rules.csv", columns, ruleCases);
    const report = await importCommunityAssets(database, officer(), testNow, file, { skipBadRows: true });
    expect(report.problems).toEqual(
      verdicts.flatMap((verdict, index) =>
        verdict.problem ? [{ line: index + 2, reason: verdict.problem }] : [],
      ),
    );
    const goods = verdicts.flatMap((verdict) => (verdict.value ? [verdict.value] : []));
    expect(goods).toHaveLength(2);
    const rows = await stored("Trust");
    expect(rows).toHaveLength(goods.length);
    // Rows written in the same millisecond have ids in no particular order: compare as a set.
    expect(rows).toEqual(
      expect.arrayContaining(
        goods.map((value) => ({
          name: value.name,
          asset_type: value.assetType,
          description: value.description,
          address: value.address,
          postcode: value.postcode,
          la_code: value.laCode,
          lsoa21_code: value.lsoa21Code,
          owner: value.owner,
          opening_hours: value.openingHours,
          current_use: value.currentUse,
          capacity: value.capacity,
          opened_on: value.openedOn,
          closed_on: value.closedOn,
        })),
      ),
    );
  });

  it("reports a bad row among good ones with its line and reason, and writes nothing", async () => {
    const file = await writeCsv("assets-one-bad.csv", columns, [
      asset({ owner: "All or nothing" }),
      asset({ owner: "All or nothing", asset_type: "castle" }),
      asset({ owner: "All or nothing" }),
    ]);
    const report = await importCommunityAssets(database, officer(), testNow, file);
    expect(report.committed).toBe(false);
    expect(report.problems).toEqual([
      { line: 3, reason: expect.stringMatching(/^asset_type: Choose a type: community-hall/) },
    ]);
    expect(await stored("All or nothing")).toEqual([]);
  });

  it("writes the good rows when asked to skip bad ones", async () => {
    const file = await writeCsv("assets-skip.csv", columns, [
      asset({ owner: "Skipper" }),
      asset({ owner: "Skipper", la_code: "E06999999" }),
      asset({ owner: "Skipper", name: "Second Hall" }),
    ]);
    const report = await importCommunityAssets(database, officer(), testNow, file, { skipBadRows: true });
    expect(report).toMatchObject({ committed: true, imported: 2, rowsRead: 3, problemCount: 1 });
    expect(report.problems).toEqual([
      { line: 3, reason: "la_code: There is no local authority with the code E06999999" },
    ]);
    expect((await stored("Skipper")).map((row) => row.name).sort()).toEqual(["Second Hall", "Staged Hall"]);
  });
});
