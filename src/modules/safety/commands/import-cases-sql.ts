import { newIdSql } from "../../../platform/db/ids.ts";
import {
  isDigitsSql,
  isRealDateSql,
  normaliseDaySql,
  sqlText,
  sqlTextArray,
  uprnSql,
  wordsSql,
} from "../../../platform/imports/sql-checks.ts";
import type { CellSql } from "../../../platform/imports/staged-import.ts";
import { hateStrands } from "../domain/categories.ts";
import { categoryIn, type SafetyConfiguration } from "../domain/configuration.ts";
import { organisationHomesSql, organisationPeopleSql } from "../neighbours.ts";
import { roleWords, strandWords } from "./import-case-words.ts";

// `kith import cases` in SQL: every rule of the per-row check (testing/import-row-rules.ts, which the
// tests compare this with) as one set-based statement over the staged file, with the same messages.
// A row may break several rules; each is reported (case_problem), and its first is the row's problem.
// `organisation` is the organisation id as a SQL literal; ids and times come from the request clock.

const spaces = "E' \\t\\r\\n'";

/** The cells once, trimmed, dates normalised, strand words mapped, the UPRN without leading zeros. */
function caseCellsSql(cell: CellSql): string {
  return `CREATE TEMP TABLE case_cells ON COMMIT DROP AS
  SELECT line, reference, category_cell, strand_cell, uprn_cell, la_cell, parties_cell, reports_cell,
    sub_category, summary, outcome,
    ${normaliseDaySql("opened_cell")} AS opened_on,
    ${normaliseDaySql("closed_cell")} AS closed_on,
    coalesce(${wordsSql("lower(strand_cell)", strandWords)}, replace(lower(strand_cell), ' ', '-')) AS strand,
    ${uprnSql("uprn_cell")} AS uprn
  FROM (SELECT line, ${cell("reference")} AS reference, coalesce(${cell("opened_on")}, '') AS opened_cell,
      ${cell("closed_on")} AS closed_cell, coalesce(${cell("category")}, '') AS category_cell,
      ${cell("hate_strand")} AS strand_cell, ${cell("uprn")} AS uprn_cell, upper(${cell("la_code")}) AS la_cell,
      ${cell("parties")} AS parties_cell, ${cell("reports")} AS reports_cell, ${cell("sub_category")} AS sub_category,
      ${cell("summary")} AS summary, ${cell("outcome")} AS outcome
    FROM import_row) raw`;
}

/** Every spelling categoryIn accepts (codes, and names in lower case) with the category it means. */
function categoryKeysSql(configuration: SafetyConfiguration): string {
  const keys = new Set(configuration.categories.flatMap((c) => [c.code, c.name.toLowerCase()]));
  const rows = [...keys].map((key) => {
    const category = categoryIn(configuration, key);
    if (!category) throw new Error(`category key ${key} has no category`);
    return `(${sqlText(key)}, ${sqlText(category.code)}, ${sqlText(category.workflow)}, ${sqlText(category.nsirType)}, ${category.countsAsAsb})`;
  });
  return `(VALUES ${rows.join(", ")}) AS k (key, code, workflow, nsir_type, counts_as_asb)`;
}

/** Each row with its category and home looked up (NULL when there is none). */
function caseRowsSql(organisation: string, configuration: SafetyConfiguration): string {
  return `CREATE TEMP TABLE case_rows ON COMMIT DROP AS
  SELECT c.*, k.code AS category, k.workflow, k.nsir_type, k.counts_as_asb,
    h.id AS home_id, h.block_name, coalesce(h.la_code, c.la_cell) AS la_code
  FROM case_cells c
  LEFT JOIN ${categoryKeysSql(configuration)} ON k.key = lower(c.category_cell)
  LEFT JOIN (${organisationHomesSql(organisation)}) h ON h.uprn = c.uprn;
  ANALYZE case_rows`;
}

/** The non-empty items of a `;`-separated cell, numbered. */
function itemsOf(cell: string): string {
  return `CROSS JOIN LATERAL (SELECT btrim(raw, ${spaces}) AS item, n
    FROM unnest(string_to_array(${cell}, ';')) WITH ORDINALITY AS u (raw, n)) s
    WHERE s.item <> ''`;
}

// A party is REF:ROLE or REF:ROLE:Name; the name may hold colons. A REF that is the id of one of
// the organisation's people links the party to them (another organisation's id links nothing).
function partyItemsSql(organisation: string): string {
  const isUuid = `(length(i.ref) = 36 AND translate(lower(i.ref), '0123456789abcdef', '0000000000000000') = '00000000-0000-0000-0000-000000000000')`;
  return `CREATE TEMP TABLE case_party_item ON COMMIT DROP AS
  SELECT i.line, i.n, i.item, i.ref, i.role_word, ${wordsSql(`lower(btrim(i.role_word, ${spaces}))`, roleWords)} AS role,
    p.id AS person_id, coalesce(nullif(i.rest, ''), p.name, 'Person ' || i.ref) AS name
  FROM (SELECT c.line, s.n, s.item, btrim(split_part(s.item, ':', 1), ${spaces}) AS ref, split_part(s.item, ':', 2) AS role_word,
      btrim(substr(s.item, length(split_part(s.item, ':', 1)) + length(split_part(s.item, ':', 2)) + 3), ${spaces}) AS rest
    FROM case_cells c ${itemsOf("c.parties_cell")}) i
  LEFT JOIN (${organisationPeopleSql(organisation)}) p ON p.id = CASE WHEN ${isUuid} THEN i.ref::uuid END;
  CREATE TEMP TABLE case_report_item ON COMMIT DROP AS
  SELECT c.line, s.n, ${normaliseDaySql("s.item")} AS reported_on FROM case_cells c ${itemsOf("c.reports_cell")}`;
}

const quoted = (cell: string) => `'"' || ${cell} || '"'`;
const roles = "complainant, alleged-perpetrator, witness, household-member, agency";

// [position, field, message or NULL, source]: the order is the per-row check's, so a line's
// problems are listed as before.
function rowRules(): [number, string, string, string][] {
  const fromRows = "case_rows";
  return [
    [
      1,
      "reference",
      `CASE WHEN reference IS NULL THEN 'Enter the case reference'
        WHEN length(reference) > 50 THEN 'The case reference must be 50 characters or fewer' END`,
      fromRows,
    ],
    [
      2,
      "opened_on",
      `CASE WHEN NOT ${isRealDateSql("opened_on")} THEN ${quoted("opened_on")} || ' is not a date in the form YYYY-MM-DD' END`,
      fromRows,
    ],
    [
      3,
      "closed_on",
      `CASE WHEN closed_on IS NOT NULL AND NOT ${isRealDateSql("closed_on")} THEN ${quoted("closed_on")} || ' is not a date in the form YYYY-MM-DD'
        WHEN closed_on IS NOT NULL AND ${isRealDateSql("opened_on")} AND closed_on < opened_on THEN 'The case closed before it opened' END`,
      fromRows,
    ],
    [
      4,
      "category",
      `CASE WHEN category IS NULL THEN ${quoted("category_cell")} || ' is not a category (see docs/safety-import.md for the list)' END`,
      fromRows,
    ],
    [
      5,
      "hate_strand",
      `CASE WHEN strand IS NOT NULL AND NOT strand = ANY(${sqlTextArray(hateStrands)})
        THEN ${quoted("strand_cell")} || ${sqlText(` is not a hate-incident strand: use ${hateStrands.join(", ")}, or leave it empty`)} END`,
      fromRows,
    ],
    [
      6,
      "hate_strand",
      "CASE WHEN category = 'hate-incident' AND strand IS NULL THEN 'A hate incident needs its strand' END",
      fromRows,
    ],
    [
      7,
      "uprn",
      `CASE WHEN uprn IS NOT NULL AND NOT ${isDigitsSql("uprn", 12)} THEN ${quoted("uprn_cell")} || ' is not a UPRN (up to 12 digits)'
        WHEN uprn IS NOT NULL AND home_id IS NULL THEN 'No home with UPRN ' || uprn || ' in your organisation'
        WHEN uprn IS NULL AND la_cell IS NULL THEN 'Enter the home''s UPRN (or, for a case not at a home, an la_code)' END`,
      fromRows,
    ],
    [
      7,
      "la_code",
      `CASE WHEN uprn IS NULL AND (left(la_cell, 2) <> 'E0' OR substr(la_cell, 3, 1) NOT IN ('6', '7', '8', '9')
          OR translate(la_cell, '0123456789', '9999999999') <> 'E99999999')
        THEN ${quoted("la_cell")} || ' is not a local authority code, like E06000035' END`,
      fromRows,
    ],
    [
      8000,
      "parties",
      `CASE WHEN ref = '' THEN ${quoted("item")} || ' has no person reference'
        WHEN role IS NULL THEN ${quoted("item")} || ': ' || ${quoted("role_word")} || ${sqlText(` is not a role (${roles})`)} END`,
      "case_party_item",
    ],
    [
      9000,
      "parties",
      "CASE WHEN NOT EXISTS (SELECT 1 FROM case_party_item p WHERE p.line = case_rows.line) THEN 'A case needs at least one party, like P-1001:complainant' END",
      fromRows,
    ],
    [
      10000,
      "reports",
      `CASE WHEN NOT ${isRealDateSql("reported_on")} THEN ${quoted("reported_on")} || ' is not a report date in the form YYYY-MM-DD' END`,
      "case_report_item",
    ],
  ];
}

/** Creates case_problem (every problem) and import_checked (each row, its first problem). */
export function checkCasesSql(
  organisation: string,
  configuration: SafetyConfiguration,
  cell: CellSql,
): string {
  const rules = rowRules().map(([position, field, message, source]) => {
    const itemPosition = source === "case_rows" ? `${position}` : `${position} + n`;
    return `SELECT line, ${itemPosition} AS position, ${sqlText(field)} AS field, ${message} AS message FROM ${source}`;
  });
  return `${caseCellsSql(cell)};
  ${caseRowsSql(organisation, configuration)};
  ${partyItemsSql(organisation)};
  CREATE TEMP TABLE case_problem ON COMMIT DROP AS
  SELECT * FROM (${rules.join("\n  UNION ALL ")}) found WHERE message IS NOT NULL;
  ${fileProblemsSql(organisation)};
  CREATE TEMP TABLE import_checked ON COMMIT DROP AS
  SELECT r.*, first.problem FROM case_rows r
  LEFT JOIN (SELECT DISTINCT ON (line) line, field || ': ' || message AS problem FROM case_problem ORDER BY line, position) first
    ON first.line = r.line`;
}

// Among rows with no problem of their own: a reference repeated in the file (every later line), and
// a reference Kith already has (its first line), as the per-row check found them.
function fileProblemsSql(organisation: string): string {
  return `INSERT INTO case_problem (line, position, field, message)
  WITH good AS (
    SELECT line, reference, min(line) OVER (PARTITION BY reference) AS first_line FROM case_rows r
    WHERE NOT EXISTS (SELECT 1 FROM case_problem p WHERE p.line = r.line))
  SELECT line, 20000, 'reference', 'Reference ' || reference || ' appears more than once in the file'
  FROM good WHERE line > first_line
  UNION ALL
  SELECT DISTINCT first_line, 20001, 'reference', 'Case ' || reference || ' is already in Kith'
  FROM good WHERE EXISTS (
    SELECT 1 FROM safety_case s WHERE s.organisation_id = ${organisation} AND s.reference = good.reference)`;
}

/** Every problem, for the report: `field: message`, in line order and each line's rule order. */
export const caseProblemsSql =
  "SELECT line, field || ': ' || message AS reason FROM case_problem ORDER BY line, position";

/** Writes the good rows: cases, their parties, reports (one on opened_on when none is given) and a timeline note. */
export function insertCasesSql(organisation: string, now: Date): string {
  const id = newIdSql(`${now.getTime()}::bigint`);
  const at = `${sqlText(now.toISOString())}::timestamptz`;
  return `CREATE TEMP TABLE case_new ON COMMIT DROP AS
  SELECT ${id} AS id, * FROM import_checked WHERE problem IS NULL;
  INSERT INTO safety_case (organisation_id, id, reference, workflow, category, sub_category, nsir_type, hate_strand,
    counts_as_asb, location_type, home_id, block_name, location_description, la_code, status, summary,
    published_fields, safeguarding_flags, opened_on, closed_on, closure_outcome, source, legal_hold, created_at, updated_at)
  SELECT ${organisation}, id, reference, workflow, category, sub_category, nsir_type, strand, counts_as_asb,
    CASE WHEN home_id IS NULL THEN 'open-space' ELSE 'home' END, home_id, block_name,
    CASE WHEN home_id IS NULL THEN 'Imported without a home' END, la_code,
    CASE WHEN closed_on IS NULL THEN 'open' ELSE 'closed' END, summary, '{}', '{}', opened_on::date, closed_on::date,
    CASE WHEN closed_on IS NOT NULL THEN outcome END, 'import', false, ${at}, ${at}
  FROM case_new ORDER BY id;
  INSERT INTO safety_party (organisation_id, id, case_id, role, person_id, external_ref, display_name, vulnerable, created_at)
  SELECT ${organisation}, ${id}, c.id, p.role, p.person_id, p.ref, p.name, false, ${at}
  FROM case_new c JOIN case_party_item p ON p.line = c.line;
  INSERT INTO safety_report (organisation_id, id, case_id, status, source, reported_on, category, hate_strand,
    home_id, block_name, created_at)
  SELECT ${organisation}, ${id}, case_id,
    CASE WHEN row_number() OVER (PARTITION BY case_id ORDER BY reported_on) = 1 THEN 'opened-case' ELSE 'attached' END,
    'import', reported_on::date, category, strand, home_id, block_name, ${at}
  FROM (SELECT c.id AS case_id, r.reported_on, c.category, c.strand, c.home_id, c.block_name
        FROM case_new c JOIN case_report_item r ON r.line = c.line
        UNION ALL
        SELECT c.id, c.opened_on, c.category, c.strand, c.home_id, c.block_name FROM case_new c
        WHERE NOT EXISTS (SELECT 1 FROM case_report_item r WHERE r.line = c.line)) reports;
  INSERT INTO safety_timeline_entry (organisation_id, id, case_id, at, kind, title, author_label, published, created_at)
  SELECT ${organisation}, ${id}, id, ${at}, 'note', 'Imported from another system as ' || reference, 'Import', false, ${at}
  FROM case_new`;
}

/** How many cases, parties and reports the insert wrote. */
export const insertedCountsSql = `SELECT (SELECT count(*) FROM case_new)::int AS cases,
  (SELECT count(*) FROM case_new c JOIN case_party_item p ON p.line = c.line)::int AS parties,
  (SELECT count(*) FROM case_new c LEFT JOIN case_report_item r ON r.line = c.line)::int AS reports`;
