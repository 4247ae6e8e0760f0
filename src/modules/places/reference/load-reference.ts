import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "csv-parse/sync";
import type { Database } from "../../../platform/db/database.ts";

type CsvRow = Record<string, string>;

async function readCsv(file: string): Promise<CsvRow[]> {
  return parse(await readFile(file, "utf8"), { columns: true, skip_empty_lines: true }) as CsvRow[];
}

const domainColumns = [
  "income_decile",
  "employment_decile",
  "education_decile",
  "health_decile",
  "crime_decile",
  "barriers_decile",
  "living_env_decile",
] as const;

// unnest() turns column arrays into rows: one statement per batch, fast on PGlite and PostgreSQL alike.
async function insertLsoas(
  database: Database,
  edition: string,
  rows: CsvRow[],
  codeColumn: string,
  nameColumn: string,
  ladColumn: string,
  ladNameColumn: string,
): Promise<void> {
  const batch = 5000;
  for (let start = 0; start < rows.length; start += batch) {
    const slice = rows.slice(start, start + batch);
    const column = (name: string) => slice.map((row) => row[name] ?? null);
    const numberColumn = (name: string) => slice.map((row) => Number(row[name]));
    await database.query(
      `INSERT INTO lsoa (edition, code, name, lad_code, lad_name, imd_rank, imd_decile, imd_score,
         income_decile, employment_decile, education_decile, health_decile, crime_decile, barriers_decile, living_env_decile)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::int[], $8::numeric[],
         $9::int[], $10::int[], $11::int[], $12::int[], $13::int[], $14::int[], $15::int[])
       ON CONFLICT DO NOTHING`,
      [
        edition,
        column(codeColumn),
        column(nameColumn),
        column(ladColumn),
        column(ladNameColumn),
        numberColumn("imd_rank"),
        numberColumn("imd_decile"),
        slice.map((row) => row.imd_score ?? null),
        ...domainColumns.map(numberColumn),
      ],
    );
  }
}

/**
 * Loads the shared reference data: local authorities and LSOAs with deprivation
 * for both editions. Idempotent. Sources and licences: reference/SOURCES.md.
 */
export async function loadReferenceData(
  database: Database,
  referenceDir: string,
): Promise<{ lsoas: number; localAuthorities: number }> {
  const [iod2019, iod2025, kent] = await Promise.all([
    readCsv(path.join(referenceDir, "imd2019_lsoa.csv")),
    readCsv(path.join(referenceDir, "imd2025_lsoa21.csv")),
    readCsv(path.join(referenceDir, "local_authorities.csv")),
  ]);
  // Every district named by either edition becomes a local authority; the richer
  // Kent and Medway file then fills in official names, types and tiers.
  const authorities = new Map<string, { name: string; current: boolean }>();
  for (const row of iod2019) authorities.set(row.lad19cd, { name: row.lad19nm, current: false });
  for (const row of iod2025) authorities.set(row.lad23cd, { name: row.lad23nm, current: true });
  const codes = [...authorities.keys()];
  await database.query(
    `INSERT INTO local_authority (gss_code, name, current)
     SELECT * FROM unnest($1::text[], $2::text[], $3::boolean[]) ON CONFLICT DO NOTHING`,
    [
      codes,
      codes.map((code) => authorities.get(code)?.name),
      codes.map((code) => authorities.get(code)?.current),
    ],
  );
  for (const row of kent) {
    await database.query(
      `INSERT INTO local_authority (gss_code, name, official_name, la_type, tier, upper_tier_gss_code, region_name, current)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true)
       ON CONFLICT (gss_code) DO UPDATE SET name = $2, official_name = $3, la_type = $4, tier = $5,
         upper_tier_gss_code = $6, region_name = $7`,
      [
        row.gss_code,
        row.name,
        row.official_name,
        row.la_type,
        row.tier,
        row.upper_tier_gss_code,
        row.region_name,
      ],
    );
  }
  await insertLsoas(database, "iod2019", iod2019, "lsoa11cd", "lsoa11nm", "lad19cd", "lad19nm");
  await insertLsoas(database, "iod2025", iod2025, "lsoa21cd", "lsoa21nm", "lad23cd", "lad23nm");
  const [{ count }] = await database.query<{ count: number }>("SELECT count(*)::int AS count FROM lsoa");
  return { lsoas: count, localAuthorities: authorities.size + 1 };
}
