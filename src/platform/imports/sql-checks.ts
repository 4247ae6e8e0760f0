import { earliestYear, latestYear } from "../http/fields.ts";

// Field rules as SQL expressions, for checking a staged import file in one statement.
// Each mirrors the zod rule of the same field (src/platform/http/fields.ts) and its message.

/** A SQL string literal. */
export function sqlText(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** A text[] literal. */
export function sqlTextArray(values: readonly string[]): string {
  return `ARRAY[${values.map(sqlText).join(", ")}]::text[]`;
}

/** True when `cell` is a real YYYY-MM-DD date in the accepted years (like isRealDate); never raises. */
export function isRealDateSql(cell: string): string {
  const part = (from: number, length: number) => `substr(${cell}, ${from}, ${length})::int`;
  return `(CASE WHEN ${cell} !~ '^\\d{4}-\\d{2}-\\d{2}$' THEN false
    WHEN ${part(1, 4)} NOT BETWEEN ${earliestYear} AND ${latestYear} OR ${part(6, 2)} NOT BETWEEN 1 AND 12 THEN false
    ELSE ${part(9, 2)} BETWEEN 1 AND extract(day from make_date(${part(1, 4)}, ${part(6, 2)}, 1) + interval '1 month' - interval '1 day') END)`;
}

/** The UPRN with leading zeros dropped (as the uprn field does). */
export function uprnSql(cell: string): string {
  return `regexp_replace(${cell}, '^0+(?=\\d)', '')`;
}

/** The postcode's two halves when it has the shape of a UK postcode (postcodePattern), else NULL. */
export function postcodePartsSql(cell: string): string {
  return `regexp_match(upper(regexp_replace(${cell}, '\\s+', ' ', 'g')), '^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$')`;
}

/** `CASE WHEN test THEN 'column: message' … END`: the first failed rule names the row's problem. */
export function firstProblemSql(rules: [test: string, column: string, message: string][]): string {
  return `CASE ${rules.map(([test, column, message]) => `WHEN ${test} THEN ${sqlText(`${column}: ${message}`)}`).join("\n    ")} END`;
}
