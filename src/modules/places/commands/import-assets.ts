import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { csvColumns } from "../../../platform/imports/csv-columns.ts";
import {
  type CsvImportOptions,
  type CsvImportReport,
  importCsv,
} from "../../../platform/imports/csv-import.ts";
import { canImportPlaces } from "../policy.ts";
import { loadReferenceCodes, type ReferenceCodes, referenceProblems } from "../queries/reference-codes.ts";
import { assetInput } from "./create-asset.ts";

const columns: Record<string, string> = {
  name: "name",
  asset_type: "assetType",
  description: "description",
  address: "address",
  postcode: "postcode",
  la_code: "laCode",
  lsoa21_code: "lsoa21Code",
  owner: "owner",
  opening_hours: "openingHours",
  current_use: "currentUse",
  capacity: "capacity",
  opened_on: "openedOn",
  closed_on: "closedOn",
};
const assetColumns = csvColumns(columns, ["name", "asset_type", "la_code", "owner"]);

export async function importCommunityAssets(
  database: Database,
  actor: Actor,
  now: Date,
  file: string,
  options: CsvImportOptions = {},
): Promise<CsvImportReport> {
  requireAllowed(canImportPlaces(actor), "Only officers can import community assets.");
  let codes: ReferenceCodes;
  const report = await importCsv(
    database,
    file,
    {
      requiredColumns: assetColumns.requiredColumns,
      optionalColumns: assetColumns.optionalColumns,
      async prepare(connection) {
        codes = await loadReferenceCodes(connection, database);
      },
      parseRow(row) {
        const parsed = assetColumns.parse(assetInput, row);
        if (!parsed.ok) return parsed;
        const problems = referenceProblems(codes, {
          laCode: parsed.value.laCode,
          lsoa21Code: parsed.value.lsoa21Code,
          lsoa11Code: null,
        });
        if (Object.keys(problems).length > 0) return { ok: false, reason: assetColumns.problem(problems) };
        return { ok: true, value: { ...parsed.value, id: newId(now.getTime()) } };
      },
      async insertBatch(connection, rows) {
        for (const row of rows) {
          await connection.query(
            `INSERT INTO community_asset (organisation_id, id, name, asset_type, description, address, postcode, la_code, lsoa21_code, owner, opening_hours, current_use, capacity, opened_on, closed_on, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
            [
              actor.organisationId,
              row.id,
              row.name,
              row.assetType,
              row.description,
              row.address,
              row.postcode,
              row.laCode,
              row.lsoa21Code,
              row.owner,
              row.openingHours,
              row.currentUse,
              row.capacity,
              row.openedOn,
              row.closedOn,
              now.toISOString(),
            ],
          );
        }
      },
    },
    options,
  );
  if (report.committed)
    await recordAudit(database.db, actor, now, {
      action: "create",
      entityType: "asset-import",
      summary: `Imported ${report.imported} community assets`,
    });
  return report;
}
