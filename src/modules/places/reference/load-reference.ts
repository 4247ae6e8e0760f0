import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Connection, Database } from "../../../platform/db/database.ts";

/** The seven domain deciles of the Index of Multiple Deprivation, named alike in both editions' files. */
export const domainColumns = [
  "income_decile",
  "employment_decile",
  "education_decile",
  "health_decile",
  "crime_decile",
  "barriers_decile",
  "living_env_decile",
] as const;

/**
 * Copies a reference CSV, as it is, into a temporary table of text columns named by its header
 * (dropped at commit). PostgreSQL's COPY parses the file: parsing 5 MB of CSV in JavaScript and
 * sending it back as parameter arrays was most of the reference data's cost on first run.
 */
async function copyToScratchTable(connection: Connection, file: string, table: string): Promise<void> {
  const content = await readFile(file);
  const headerEnd = content.indexOf("\n");
  const header = content.subarray(0, headerEnd).toString("utf8").trim().split(",");
  if (header.some((name) => !/^[a-z0-9_]+$/.test(name)))
    throw new Error(`${path.basename(file)}: unexpected header ${header.join(",")}`);
  await connection.execScript(
    `CREATE TEMPORARY TABLE ${table} (${header.map((name) => `${name} text`).join(", ")}) ON COMMIT DROP`,
  );
  await connection.copyCsv(
    table,
    (async function* () {
      yield content.subarray(headerEnd + 1);
    })(),
  );
}

/** The LSOAs of one edition's file, typed; a code already loaded is left as it is. */
function insertLsoas(
  edition: string,
  table: string,
  columns: { code: string; name: string; lad: string; ladName: string; score: string },
): string {
  const domains = domainColumns.map((column) => `${column}::int`).join(", ");
  return `INSERT INTO lsoa (edition, code, name, lad_code, lad_name, imd_rank, imd_decile, imd_score, ${domainColumns.join(", ")})
    SELECT '${edition}', ${columns.code}, ${columns.name}, ${columns.lad}, ${columns.ladName}, imd_rank::int, imd_decile::int,
      ${columns.score}::numeric, ${domains}
    FROM ${table}
    ON CONFLICT DO NOTHING`;
}

/**
 * Loads the shared reference data: local authorities and LSOAs with deprivation
 * for both editions. Idempotent. Sources and licences: reference/SOURCES.md.
 */
export async function loadReferenceData(
  database: Database,
  referenceDir: string,
): Promise<{ lsoas: number; localAuthorities: number }> {
  return database.withConnection(async (connection) => {
    await connection.execScript("BEGIN");
    try {
      await copyToScratchTable(connection, path.join(referenceDir, "imd2019_lsoa.csv"), "iod2019_file");
      await copyToScratchTable(connection, path.join(referenceDir, "imd2025_lsoa21.csv"), "iod2025_file");
      await copyToScratchTable(connection, path.join(referenceDir, "local_authorities.csv"), "kent_file");
      // Every district named by either edition becomes a local authority (the newer edition's name
      // where both name it); the richer Kent and Medway file then fills in official names, types and tiers.
      await connection.execScript(`
        INSERT INTO local_authority (gss_code, name, current)
        SELECT DISTINCT ON (code) code, name, current
        FROM (SELECT lad23cd AS code, lad23nm AS name, true AS current FROM iod2025_file
              UNION ALL SELECT lad19cd, lad19nm, false FROM iod2019_file) AS named
        ORDER BY code, current DESC
        ON CONFLICT DO NOTHING;
        INSERT INTO local_authority (gss_code, name, official_name, la_type, tier, upper_tier_gss_code, region_name, current)
        SELECT gss_code, name, official_name, la_type, tier, upper_tier_gss_code, region_name, true FROM kent_file
        ON CONFLICT (gss_code) DO UPDATE SET name = EXCLUDED.name, official_name = EXCLUDED.official_name,
          la_type = EXCLUDED.la_type, tier = EXCLUDED.tier, upper_tier_gss_code = EXCLUDED.upper_tier_gss_code,
          region_name = EXCLUDED.region_name;
        ${insertLsoas("iod2019", "iod2019_file", { code: "lsoa11cd", name: "lsoa11nm", lad: "lad19cd", ladName: "lad19nm", score: "NULL" })};
        ${insertLsoas("iod2025", "iod2025_file", { code: "lsoa21cd", name: "lsoa21nm", lad: "lad23cd", ladName: "lad23nm", score: "imd_score" })};
      `);
      const [{ lsoas, authorities }] = await connection.query<{ lsoas: number; authorities: number }>(
        `SELECT (SELECT count(*)::int FROM lsoa) AS lsoas,
           (SELECT count(*)::int FROM (SELECT lad19cd FROM iod2019_file UNION SELECT lad23cd FROM iod2025_file) AS named) AS authorities`,
      );
      await connection.execScript("COMMIT");
      return { lsoas, localAuthorities: authorities + 1 };
    } catch (error) {
      await connection.execScript("ROLLBACK");
      throw error;
    }
  });
}
