import { newIdSql } from "../../../platform/db/ids.ts";
import { organisationImport } from "../../../platform/imports/organisation-import.ts";
import {
  firstProblemSql,
  isDigitsSql,
  isRealDateSql,
  postcodeSql,
  shapeSql,
  sqlText,
  sqlTextArray,
  uprnSql,
} from "../../../platform/imports/sql-checks.ts";
import type { CellSql } from "../../../platform/imports/staged-import.ts";
import { canImportPlaces } from "../policy.ts";
import { tenures, tsmStockCategories } from "../schema.ts";
import { stockCategoryOfTenure } from "./home-input.ts";
import { referenceJoinsSql, referenceProblemWhensSql } from "./reference-codes-sql.ts";

// The documented columns (docs/import-homes.md). Every rule below is the set-based twin of a
// rule in home-input.ts and reference-codes.ts, with the same message, checked in this order:
// the fields, then the reference codes, then homes already on record, then repeats in the file.
const requiredColumns = ["uprn", "address_line_1", "town", "postcode", "tenure", "la_code"];
const optionalColumns = [
  "address_line_2",
  "bedrooms",
  "block_name",
  "lsoa21_code",
  "lsoa11_code",
  "tsm_stock_category",
  "acquired_on",
  "disposed_on",
];

function normalisedCells(cell: CellSql): string {
  return `SELECT line, ${uprnSql(cell("uprn"))} AS uprn, ${cell("uprn")} AS uprn_cell,
      ${cell("address_line_1")} AS address_line_1, ${cell("address_line_2")} AS address_line_2,
      ${cell("town")} AS town, ${postcodeSql(cell("postcode"))} AS postcode, ${cell("postcode")} AS postcode_cell,
      ${cell("tenure")} AS tenure, replace(${cell("bedrooms")}, ',', '') AS bedrooms, ${cell("block_name")} AS block_name,
      upper(${cell("la_code")}) AS la_code, upper(${cell("lsoa21_code")}) AS lsoa21_code,
      upper(${cell("lsoa11_code")}) AS lsoa11_code, ${cell("tsm_stock_category")} AS tsm_stock_category,
      ${cell("acquired_on")} AS acquired_on, ${cell("disposed_on")} AS disposed_on
    FROM import_row`;
}

const lsoaRule = (column: string, edition: string): [string, string, string] => [
  `${column} IS NOT NULL AND (left(${column}, 3) <> 'E01' OR ${shapeSql(column)} <> 'A99999999')`,
  column,
  `Enter a ${edition} LSOA code like E01024532, or leave it blank`,
];

const dateRule = (column: string, what: string): [string, string, string] => [
  `${column} IS NOT NULL AND NOT ${isRealDateSql(column)}`,
  column,
  `Enter the date ${what} as a real date (in a file: YYYY-MM-DD)`,
];

const fieldProblem = firstProblemSql([
  ["uprn_cell IS NULL", "uprn", "Enter a UPRN"],
  [`NOT ${isDigitsSql("uprn_cell", 12)}`, "uprn", "Enter a UPRN of up to 12 digits, like 100062154321"],
  ["address_line_1 IS NULL", "address_line_1", "Enter the first line of the address"],
  [
    "length(address_line_1) > 200",
    "address_line_1",
    "The first line of the address must be 200 characters or fewer",
  ],
  ["length(address_line_2) > 200", "address_line_2", "Must be 200 characters or fewer"],
  ["town IS NULL", "town", "Enter the town or city"],
  ["length(town) > 100", "town", "The town or city must be 100 characters or fewer"],
  ["postcode_cell IS NULL", "postcode", "Enter a postcode"],
  ["postcode IS NULL", "postcode", "Enter a real postcode, like ME1 2AB"],
  [
    `tenure IS NULL OR NOT tenure = ANY(${sqlTextArray(tenures)})`,
    "tenure",
    `Choose a tenure: ${tenures.join(", ")}`,
  ],
  [
    `NOT ${isDigitsSql("ltrim(bedrooms, '-')", 12)} OR bedrooms LIKE '--%'`,
    "bedrooms",
    "Bedrooms must be a whole number, like 3",
  ],
  [
    "length(bedrooms) > 3 OR bedrooms::int NOT BETWEEN 0 AND 12",
    "bedrooms",
    "Bedrooms must be between 0 and 12",
  ],
  ["length(block_name) > 200", "block_name", "Must be 200 characters or fewer"],
  ["la_code IS NULL", "la_code", "Enter the local authority's ONS code"],
  [
    `left(la_code, 2) <> 'E0' OR substr(la_code, 3, 1) NOT IN ('6', '7', '8', '9') OR ${shapeSql("la_code")} <> 'A99999999'`,
    "la_code",
    "Enter a local authority ONS code like E07000110",
  ],
  lsoaRule("lsoa21_code", "2021"),
  lsoaRule("lsoa11_code", "2011"),
  [
    `tsm_stock_category IS NOT NULL AND NOT tsm_stock_category = ANY(${sqlTextArray(tsmStockCategories)})`,
    "tsm_stock_category",
    `Choose a TSM stock category: ${tsmStockCategories.join(", ")}`,
  ],
  dateRule("acquired_on", "the home was acquired"),
  dateRule("disposed_on", "the home was sold or disposed of"),
  ["disposed_on < acquired_on", "disposed_on", "The disposed date must be on or after the acquired date"],
]);

function checkHomesSql(organisationId: string, cell: CellSql): string {
  // Two steps: the cells once (each expression computed once per row), then every rule on them.
  return `CREATE TEMP TABLE import_cells ON COMMIT DROP AS ${normalisedCells(cell)};
  CREATE TEMP TABLE import_checked ON COMMIT DROP AS
  WITH referenced AS (
    SELECT f.*, coalesce(${fieldProblem}, CASE
        ${referenceProblemWhensSql}
        WHEN f.lsoa11_code IS NOT NULL AND l11.code IS NULL THEN 'lsoa11_code: There is no 2011 LSOA with the code ' || f.lsoa11_code
        WHEN existing.uprn IS NOT NULL THEN 'uprn: a home with UPRN ' || f.uprn || ' is already on record'
      END) AS problem
    FROM import_cells f
    ${referenceJoinsSql}
    LEFT JOIN lsoa l11 ON l11.edition = 'iod2019' AND l11.code = f.lsoa11_code
    -- UPRNs are unique within an organisation (home's UNIQUE (organisation_id, uprn)): no DISTINCT needed.
    LEFT JOIN (SELECT uprn FROM home WHERE organisation_id = ${sqlText(organisationId)}::uuid) existing
      ON existing.uprn = f.uprn
  )
  SELECT * FROM referenced`;
}

// A UPRN on several good lines: the first keeps it, the later ones are reported (rare, so an UPDATE).
const repeatedUprnsSql = `UPDATE import_checked later
  SET problem = 'uprn: UPRN ' || later.uprn || ' also appears on line ' || repeated.first_line
  FROM (SELECT uprn, min(line) AS first_line FROM import_checked WHERE problem IS NULL
        GROUP BY uprn HAVING count(*) > 1) repeated
  WHERE later.uprn = repeated.uprn AND later.line > repeated.first_line AND later.problem IS NULL`;

const stockCategorySql = `CASE tenure ${Object.entries(stockCategoryOfTenure)
  .map(([tenure, category]) => `WHEN ${sqlText(tenure)} THEN ${sqlText(category)}`)
  .join(" ")} END`;

const insertHomesSql = `INSERT INTO home (organisation_id, id, uprn, address_line_1, address_line_2, town, postcode,
    tenure, bedrooms, block_name, la_code, lsoa21_code, lsoa11_code, created_at, tsm_stock_category, acquired_on, disposed_on)
  SELECT $1, ${newIdSql("$3::bigint")}, uprn, address_line_1, address_line_2, town,
    postcode, tenure, bedrooms::int, block_name, la_code, lsoa21_code,
    lsoa11_code, $2::timestamptz, coalesce(tsm_stock_category, ${stockCategorySql}), acquired_on::date, disposed_on::date
  FROM import_checked WHERE problem IS NULL`;

export const importHomes = organisationImport(
  canImportPlaces,
  "Only officers can import homes.",
  ({ organisationId }) => ({
    requiredColumns,
    optionalColumns,
    async check(connection, cell) {
      await connection.execScript(checkHomesSql(organisationId, cell));
      await connection.execScript(repeatedUprnsSql);
    },
    insertSql: insertHomesSql,
    entityType: "home-import",
    summary: (report) =>
      `Imported ${report.imported} homes from a CSV file${report.problemCount ? `, skipping ${report.problemCount} bad rows` : ""}`,
  }),
  { maxBytes: 2 * 1024 * 1024 * 1024 },
);
