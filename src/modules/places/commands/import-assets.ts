import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
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
const required = ["name", "asset_type", "la_code", "owner"];
const columnFor = Object.fromEntries(Object.entries(columns).map(([c, f]) => [f, c]));

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
      requiredColumns: required,
      optionalColumns: Object.keys(columns).filter((c) => !required.includes(c)),
      async prepare(connection) {
        codes = await loadReferenceCodes(connection, database);
      },
      parseRow(row) {
        const input: Record<string, string> = {};
        for (const [column, field] of Object.entries(columns))
          if (row[column] !== undefined) input[field] = row[column];
        const parsed = assetInput.safeParse(input);
        if (!parsed.success) {
          const [field, message] = Object.entries(fieldErrorsFrom(parsed.error))[0];
          return { ok: false, reason: `${columnFor[field] ?? field}: ${message}` };
        }
        const problem = Object.entries(
          referenceProblems(codes, {
            laCode: parsed.data.laCode,
            lsoa21Code: parsed.data.lsoa21Code,
            lsoa11Code: null,
          }),
        )[0];
        if (problem) return { ok: false, reason: `${columnFor[problem[0]] ?? problem[0]}: ${problem[1]}` };
        return { ok: true, value: { ...parsed.data, id: newId(now.getTime()) } };
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
