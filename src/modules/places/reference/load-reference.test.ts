import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../../test/database.ts";
import { loadConfig } from "../../../platform/config/config.ts";
import type { Database } from "../../../platform/db/database.ts";
import { domainColumns, loadReferenceData } from "./load-reference.ts";

// The test database's reference data was loaded by loadReferenceData (test/global-setup.ts):
// here it is checked against the files, read independently with a JavaScript CSV parser.

type CsvRow = Record<string, string>;
type LsoaRow = Record<string, string | number | null>;

const referenceDir = loadConfig().referenceDir;
const readCsv = async (name: string): Promise<CsvRow[]> =>
  parse(await readFile(path.join(referenceDir, name), "utf8"), { columns: true, skip_empty_lines: true });

const deciles = ["imd_decile", ...domainColumns];

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function storedLsoas(edition: string): Promise<Map<string, LsoaRow>> {
  const rows = await database.query<LsoaRow>(
    "SELECT *, imd_score::text AS imd_score FROM lsoa WHERE edition = $1",
    [edition],
  );
  return new Map(rows.map((row) => [String(row.code), row]));
}

describe("reference data", () => {
  it("stores every LSOA of both editions with the rank, score and deciles its file gives", async () => {
    const editions = [
      { edition: "iod2019", file: "imd2019_lsoa.csv", code: "lsoa11cd", name: "lsoa11nm", lad: "lad19cd" },
      { edition: "iod2025", file: "imd2025_lsoa21.csv", code: "lsoa21cd", name: "lsoa21nm", lad: "lad23cd" },
    ];
    for (const { edition, file, code, name, lad } of editions) {
      const expected = await readCsv(file);
      const stored = await storedLsoas(edition);
      expect(stored.size).toBe(new Set(expected.map((row) => row[code])).size);
      for (const row of expected) {
        const lsoa = stored.get(row[code]);
        expect(lsoa, row[code]).toMatchObject({
          name: row[name],
          lad_code: row[lad],
          imd_rank: Number(row.imd_rank),
          ...Object.fromEntries(deciles.map((column) => [column, Number(row[column])])),
        });
        expect(lsoa?.imd_score === null ? null : Number(lsoa?.imd_score)).toBe(
          row.imd_score === undefined ? null : Number(row.imd_score),
        );
      }
    }
  });

  it("names each district from the newer edition, with official details from the Kent and Medway file", async () => {
    const [iod2019, iod2025, kent] = await Promise.all([
      readCsv("imd2019_lsoa.csv"),
      readCsv("imd2025_lsoa21.csv"),
      readCsv("local_authorities.csv"),
    ]);
    const expected = new Map<string, { name: string; current: boolean }>();
    for (const row of iod2019) expected.set(row.lad19cd, { name: row.lad19nm, current: false });
    for (const row of iod2025) expected.set(row.lad23cd, { name: row.lad23nm, current: true });
    for (const row of kent) expected.set(row.gss_code, { name: row.name, current: true });
    const stored = await database.query<{ gss_code: string; name: string; current: boolean }>(
      "SELECT gss_code, name, current FROM local_authority",
    );
    expect(new Map(stored.map((row) => [row.gss_code, { name: row.name, current: row.current }]))).toEqual(
      expected,
    );
    const [medway] = await database.query("SELECT * FROM local_authority WHERE gss_code = 'E06000035'");
    expect(medway).toMatchObject({
      official_name: "Medway Council",
      la_type: "UA",
      tier: "unitary",
      upper_tier_gss_code: "E06000035",
      region_name: "South East",
    });
  });

  it("adds nothing when loaded into a database that has it already", async () => {
    const count =
      "SELECT (SELECT count(*)::int FROM lsoa) AS lsoas, (SELECT count(*)::int FROM local_authority) AS las";
    const [before] = await database.query(count);
    const loaded = await loadReferenceData(database, referenceDir);
    const [after] = await database.query(count);
    expect(after).toEqual(before);
    expect(loaded.lsoas).toBe(before.lsoas);
  });
});
