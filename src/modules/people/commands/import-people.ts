import { newIdSql } from "../../../platform/db/ids.ts";
import { csvColumns } from "../../../platform/imports/csv-columns.ts";
import { organisationImport } from "../../../platform/imports/organisation-import.ts";
import {
  firstProblemSql,
  oneOfRule,
  optionalDateRule,
  optionalPostcodeRule,
  optionalTextRule,
  postcodeSql,
  requiredTextRules,
  sqlText,
  uprnSql,
} from "../../../platform/imports/sql-checks.ts";
import type { CellSql } from "../../../platform/imports/staged-import.ts";
import { canEditPeople } from "../policy.ts";
import { personTypes } from "../schema.ts";

// The documented columns (docs/import-people.md) and the input fields they fill. The SQL rules
// below are the set-based twins of personInput (person-input.ts), in its field order and with its
// messages; people-import.test.ts feeds every rule's bad value through both.
const columns: Record<string, string> = {
  given_name: "givenName",
  family_name: "familyName",
  date_of_birth: "dateOfBirth",
  email: "email",
  phone: "phone",
  address: "address",
  postcode: "postcode",
  person_type: "personType",
};
export const personColumns = csvColumns(columns, ["given_name", "family_name", "person_type"]);

function cellsSql(cell: CellSql): string {
  return `SELECT line, ${cell("given_name")} AS given_name, ${cell("family_name")} AS family_name,
      ${cell("date_of_birth")} AS date_of_birth, lower(${cell("email")}) AS email, ${cell("phone")} AS phone,
      ${cell("address")} AS address, ${postcodeSql(cell("postcode"))} AS postcode, ${cell("postcode")} AS postcode_cell,
      ${cell("person_type")} AS person_type, ${uprnSql(cell("uprn"))} AS uprn
    FROM import_row`;
}

const fieldProblem = firstProblemSql([
  ...requiredTextRules("given_name", "the first name", 100),
  ...requiredTextRules("family_name", "the last name", 100),
  optionalDateRule("date_of_birth"),
  [
    "email !~ '^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$'",
    "email",
    "Enter an email address in the correct format, like name@example.org",
  ],
  [
    "phone !~ '^(\\+44\\s?|0)[0-9\\s]{9,13}$'",
    "phone",
    "Enter a UK phone number, like 01632 960 001 or 07700 900 982",
  ],
  optionalTextRule("address", 300),
  optionalPostcodeRule("postcode_cell", "postcode"),
  oneOfRule("person_type", personTypes, "Choose whether they are a tenant, resident or contact"),
]);

// Homes are found by UPRN first, then the fields are checked, then the date of birth against today.
function checkPeopleSql(organisationId: string, today: string, cell: CellSql): string {
  return `CREATE TEMP TABLE import_cells ON COMMIT DROP AS ${cellsSql(cell)};
  CREATE TEMP TABLE import_checked ON COMMIT DROP AS
  SELECT f.*, h.home_id, coalesce(
      CASE WHEN f.uprn IS NOT NULL AND h.home_id IS NULL THEN 'uprn: no home with UPRN ' || f.uprn END,
      ${fieldProblem},
      CASE WHEN f.date_of_birth > ${sqlText(today)} THEN 'date_of_birth: must be in the past' END) AS problem
    FROM import_cells f
    LEFT JOIN (SELECT id AS home_id, uprn AS home_uprn FROM home WHERE organisation_id = ${sqlText(organisationId)}::uuid) h
      ON h.home_uprn = f.uprn`;
}

const insertPeopleSql = `INSERT INTO person (organisation_id, created_at, id, given_name, family_name, date_of_birth,
    email, phone, home_id, address, postcode, person_type)
  SELECT $1, $2::timestamptz, ${newIdSql("$3::bigint")}, given_name, family_name, date_of_birth::date,
    email, phone, home_id, address, postcode, person_type
  FROM import_checked WHERE problem IS NULL ORDER BY line`;

// Bulk imports skip the interactive duplicate check (see docs/import-people.md).
export const importPeople = organisationImport(
  canEditPeople,
  "Only officers can import people.",
  (actor, now) => {
    const today = now.toISOString().slice(0, 10);
    return {
      requiredColumns: personColumns.requiredColumns,
      optionalColumns: [...personColumns.optionalColumns, "uprn"],
      async check(connection, cell) {
        await connection.execScript(checkPeopleSql(actor.organisationId, today, cell));
      },
      insertSql: insertPeopleSql,
      entityType: "person-import",
      summary: (report) => `Imported ${report.imported} people`,
    };
  },
);
