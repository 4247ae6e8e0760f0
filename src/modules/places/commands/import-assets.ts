import { newIdSql } from "../../../platform/db/ids.ts";
import { csvColumns } from "../../../platform/imports/csv-columns.ts";
import { organisationImport } from "../../../platform/imports/organisation-import.ts";
import {
  firstProblemSql,
  oneOfRule,
  optionalDateRule,
  optionalPostcodeRule,
  optionalTextRule,
  optionalWholeNumberRules,
  postcodeSql,
  requiredTextRules,
  shapeSql,
} from "../../../platform/imports/sql-checks.ts";
import type { CellSql } from "../../../platform/imports/staged-import.ts";
import { canImportPlaces } from "../policy.ts";
import { assetTypes } from "../schema.ts";
import { referenceJoinsSql, referenceProblemWhensSql } from "./reference-codes-sql.ts";

// The documented columns (docs/import-assets.md) and the input fields they fill. The SQL rules
// below are the set-based twins of assetInput (create-asset.ts), in its field order and with its
// messages, then the reference codes; asset-import.test.ts feeds every rule's bad value through both.
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
export const assetColumns = csvColumns(columns, ["name", "asset_type", "la_code", "owner"]);

function cellsSql(cell: CellSql): string {
  return `SELECT line, ${cell("name")} AS name, ${cell("asset_type")} AS asset_type,
      ${cell("description")} AS description, ${cell("address")} AS address,
      ${postcodeSql(cell("postcode"))} AS postcode, ${cell("postcode")} AS postcode_cell,
      upper(${cell("la_code")}) AS la_code, upper(${cell("lsoa21_code")}) AS lsoa21_code, ${cell("owner")} AS owner,
      ${cell("opening_hours")} AS opening_hours, ${cell("current_use")} AS current_use,
      replace(${cell("capacity")}, ',', '') AS capacity, ${cell("opened_on")} AS opened_on, ${cell("closed_on")} AS closed_on
    FROM import_row`;
}

const fieldProblem = firstProblemSql([
  ...requiredTextRules("name", "the asset's name"),
  oneOfRule("asset_type", assetTypes, `Choose a type: ${assetTypes.join(", ")}`),
  optionalTextRule("description", 2000),
  optionalTextRule("address", 300),
  optionalPostcodeRule("postcode_cell", "postcode"),
  [
    `la_code IS NULL OR left(la_code, 2) <> 'E0' OR substr(la_code, 3, 1) NOT IN ('6', '7', '8', '9') OR ${shapeSql("la_code")} <> 'A99999999'`,
    "la_code",
    "Enter a local authority ONS code like E07000110",
  ],
  [
    `lsoa21_code IS NOT NULL AND (left(lsoa21_code, 3) <> 'E01' OR ${shapeSql("lsoa21_code")} <> 'A99999999')`,
    "lsoa21_code",
    "Enter an LSOA code like E01024532",
  ],
  ...requiredTextRules("owner", "who owns or runs it"),
  optionalTextRule("opening_hours", 300),
  optionalTextRule("current_use", 500),
  ...optionalWholeNumberRules("capacity", "capacity", 0, 100_000),
  optionalDateRule("opened_on"),
  optionalDateRule("closed_on"),
]);

function checkAssetsSql(cell: CellSql): string {
  return `CREATE TEMP TABLE import_cells ON COMMIT DROP AS ${cellsSql(cell)};
  CREATE TEMP TABLE import_checked ON COMMIT DROP AS
  WITH fields AS (SELECT *, ${fieldProblem} AS field_problem FROM import_cells)
  SELECT f.*, coalesce(f.field_problem, CASE ${referenceProblemWhensSql} END) AS problem
    FROM fields f
    ${referenceJoinsSql}`;
}

const insertAssetsSql = `INSERT INTO community_asset (organisation_id, id, name, asset_type, description, address, postcode,
    la_code, lsoa21_code, owner, opening_hours, current_use, capacity, opened_on, closed_on, created_at)
  SELECT $1, ${newIdSql("$3::bigint")}, name, asset_type, description, address, postcode,
    la_code, lsoa21_code, owner, opening_hours, current_use, capacity::int, opened_on::date, closed_on::date, $2::timestamptz
  FROM import_checked WHERE problem IS NULL ORDER BY line`;

export const importCommunityAssets = organisationImport(
  canImportPlaces,
  "Only officers can import community assets.",
  () => ({
    requiredColumns: assetColumns.requiredColumns,
    optionalColumns: assetColumns.optionalColumns,
    async check(connection, cell) {
      await connection.execScript(checkAssetsSql(cell));
    },
    insertSql: insertAssetsSql,
    entityType: "asset-import",
    summary: (report) => `Imported ${report.imported} community assets`,
  }),
);
