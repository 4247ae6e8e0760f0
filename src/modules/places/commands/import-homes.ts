import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Connection, Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { csvColumns } from "../../../platform/imports/csv-columns.ts";
import {
  type CsvImportOptions,
  type CsvImportReport,
  importCsv,
} from "../../../platform/imports/csv-import.ts";
import { canImportPlaces } from "../policy.ts";
import { loadReferenceCodes, type ReferenceCodes, referenceProblems } from "../queries/reference-codes.ts";
import { type HomeInput, homeInput } from "./home-input.ts";

// The documented column names (docs/import-homes.md) and the fields they fill.
const columns: Record<string, keyof HomeInput> = {
  uprn: "uprn",
  address_line_1: "addressLine1",
  address_line_2: "addressLine2",
  town: "town",
  postcode: "postcode",
  tenure: "tenure",
  bedrooms: "bedrooms",
  block_name: "blockName",
  la_code: "laCode",
  lsoa21_code: "lsoa21Code",
  lsoa11_code: "lsoa11Code",
  tsm_stock_category: "tsmStockCategory",
  acquired_on: "acquiredOn",
  disposed_on: "disposedOn",
};
const homeColumns = csvColumns(columns, ["uprn", "address_line_1", "town", "postcode", "tenure", "la_code"]);

type HomeRow = HomeInput & { id: string };

export async function importHomes(
  database: Database,
  actor: Actor,
  now: Date,
  file: string,
  options: CsvImportOptions = {},
): Promise<CsvImportReport> {
  requireAllowed(canImportPlaces(actor), "Only officers can import homes.");
  const organisationId = actor.organisationId;
  let codes: ReferenceCodes;
  const existingUprns = new Set<string>();
  const seenUprns = new Map<string, number>();
  const report = await importCsv<HomeRow>(
    database,
    file,
    {
      requiredColumns: homeColumns.requiredColumns,
      optionalColumns: homeColumns.optionalColumns,
      async prepare(connection) {
        codes = await loadReferenceCodes(connection, database);
        const rows = await connection.query<{ uprn: string }>(
          "SELECT uprn FROM home WHERE organisation_id = $1",
          [organisationId],
        );
        for (const row of rows) existingUprns.add(row.uprn);
      },
      parseRow(row, line) {
        const parsed = homeColumns.parse(homeInput, row);
        if (!parsed.ok) return parsed;
        const value = parsed.value;
        const problems = referenceProblems(codes, value);
        if (Object.keys(problems).length > 0) return { ok: false, reason: homeColumns.problem(problems) };
        if (existingUprns.has(value.uprn))
          return { ok: false, reason: `uprn: a home with UPRN ${value.uprn} is already on record` };
        const earlier = seenUprns.get(value.uprn);
        if (earlier !== undefined)
          return { ok: false, reason: `uprn: UPRN ${value.uprn} also appears on line ${earlier}` };
        seenUprns.set(value.uprn, line);
        return { ok: true, value: { ...value, id: newId(now.getTime()) } };
      },
      insertBatch: (connection, rows) => insertHomes(connection, organisationId, now, rows),
    },
    { maxBytes: 2 * 1024 * 1024 * 1024, ...options },
  );
  if (report.committed) {
    await recordAudit(database.db, actor, now, {
      action: "create",
      entityType: "home-import",
      entityId: null,
      summary: `Imported ${report.imported} homes from a CSV file${report.problemCount ? `, skipping ${report.problemCount} bad rows` : ""}`,
    });
  }
  return report;
}

// unnest() of column arrays: one statement per batch on both engines.
async function insertHomes(
  connection: Connection,
  organisationId: string,
  now: Date,
  rows: HomeRow[],
): Promise<void> {
  const pick = <K extends keyof HomeRow>(key: K) => rows.map((row) => row[key]);
  await connection.query(
    `INSERT INTO home (organisation_id, id, uprn, address_line_1, address_line_2, town, postcode, tenure, bedrooms,
       block_name, la_code, lsoa21_code, lsoa11_code, created_at, tsm_stock_category, acquired_on, disposed_on)
     SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
       $9::int[], $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::text[], $16::date[],
       $17::date[])`,
    [
      organisationId,
      pick("id"),
      pick("uprn"),
      pick("addressLine1"),
      pick("addressLine2"),
      pick("town"),
      pick("postcode"),
      pick("tenure"),
      pick("bedrooms"),
      pick("blockName"),
      pick("laCode"),
      pick("lsoa21Code"),
      pick("lsoa11Code"),
      rows.map(() => now.toISOString()),
      pick("tsmStockCategory"),
      pick("acquiredOn"),
      pick("disposedOn"),
    ],
  );
}
