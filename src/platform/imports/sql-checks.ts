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

// PostgreSQL's regular expressions cost microseconds a row; at a million rows that is most of
// an import. So shapes are checked with translate(), which maps every letter to A and every
// digit to 9 in one C loop: "ME1 2AB" has the shape "AA9 9AA".
const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** The text with letters as A and digits as 9 (after upper-casing), for comparing shapes. */
export function shapeSql(cell: string): string {
  return `translate(upper(${cell}), '${letters}0123456789', '${"A".repeat(26)}9999999999')`;
}

/** True when `cell` is 1 to `max` digits. */
export function isDigitsSql(cell: string, max: number): string {
  return `(translate(${cell}, '0123456789', '') = '' AND length(${cell}) BETWEEN 1 AND ${max})`;
}

/** True when `cell` is a real YYYY-MM-DD date in the accepted years (like isRealDate); never raises. */
export function isRealDateSql(cell: string): string {
  const part = (from: number, length: number) => `substr(${cell}, ${from}, ${length})::int`;
  return `(CASE WHEN ${shapeSql(cell)} <> '9999-99-99' THEN false
    WHEN ${part(1, 4)} NOT BETWEEN ${earliestYear} AND ${latestYear} OR ${part(6, 2)} NOT BETWEEN 1 AND 12 THEN false
    ELSE ${part(9, 2)} BETWEEN 1 AND extract(day from make_date(${part(1, 4)}, ${part(6, 2)}, 1) + interval '1 month' - interval '1 day') END)`;
}

/** The UPRN with leading zeros dropped (as the uprn field does). */
export function uprnSql(cell: string): string {
  return `CASE WHEN ltrim(${cell}, '0') = '' THEN '0' ELSE ltrim(${cell}, '0') END`;
}

// The shapes postcodePattern accepts, without the space: outward code A9, A99, A9A, AA9, AA99 or AA9A, then 9AA.
const postcodeShapes = ["A9", "A99", "A9A", "AA9", "AA99", "AA9A"]
  .map((outward) => `'${outward}9AA'`)
  .join(", ");

/**
 * The postcode normalised to upper case with one space (as normalisePostcode), or NULL when it
 * does not have a postcode's shape. Spaces may only separate the outward and inward codes.
 */
export function postcodeSql(cell: string): string {
  const compact = `replace(upper(${cell}), ' ', '')`;
  const outward = `left(${compact}, -3)`;
  return `CASE WHEN ${shapeSql(compact)} IN (${postcodeShapes})
      AND rtrim(left(upper(${cell}), -3)) = ${outward} THEN ${outward} || ' ' || right(${compact}, 3) END`;
}

/** `CASE WHEN test THEN 'column: message' … END`: the first failed rule names the row's problem. */
export function firstProblemSql(rules: [test: string, column: string, message: string][]): string {
  return `CASE ${rules.map(([test, column, message]) => `WHEN ${test} THEN ${sqlText(`${column}: ${message}`)}`).join("\n    ")} END`;
}

/** One rule of a staged import: when `test` holds, the row's problem is `column: message`. */
export type SqlRule = [test: string, column: string, message: string];

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** requiredText(what, max) of fields.ts, on a trimmed cell that is NULL when empty. */
export function requiredTextRules(column: string, what: string, max = 200): SqlRule[] {
  return [
    [`${column} IS NULL`, column, `Enter ${what}`],
    [`length(${column}) > ${max}`, column, `${capitalise(what)} must be ${max} characters or fewer`],
  ];
}

/** optionalText(max) of fields.ts. */
export function optionalTextRule(column: string, max = 2000): SqlRule {
  return [`length(${column}) > ${max}`, column, `Must be ${max} characters or fewer`];
}

/** optionalOf(isoDate) of fields.ts. */
export function optionalDateRule(column: string): SqlRule {
  return [
    `${column} IS NOT NULL AND NOT ${isRealDateSql(column)}`,
    column,
    `Enter a real date between ${earliestYear} and ${latestYear}, like 2026-03-27`,
  ];
}

/** optionalWholeNumber(what, min, max) of fields.ts, on a cell with its commas already removed. */
export function optionalWholeNumberRules(column: string, what: string, min: number, max: number): SqlRule[] {
  return [
    [
      `NOT ${isDigitsSql(`ltrim(${column}, '-')`, 1000)} OR ${column} LIKE '--%'`,
      column,
      `${capitalise(what)} must be a whole number, like 3`,
    ],
    [
      `${column}::numeric NOT BETWEEN ${min} AND ${max}`,
      column,
      `${capitalise(what)} must be between ${min} and ${max}`,
    ],
  ];
}

/** z.enum(values, { error }) on a required cell. */
export function oneOfRule(column: string, values: readonly string[], message: string): SqlRule {
  return [`${column} IS NULL OR NOT ${column} = ANY(${sqlTextArray(values)})`, column, message];
}

/** optionalOf(postcode) of fields.ts: `cell` is the raw cell, `normalised` its postcodeSql. */
export function optionalPostcodeRule(cell: string, normalised: string, column = "postcode"): SqlRule {
  return [`${cell} IS NOT NULL AND ${normalised} IS NULL`, column, "Enter a real postcode, like ME1 2AB"];
}

/**
 * A trimmed, non-NULL day cell as normaliseDay (src/platform/dates/calendar.ts) gives it: DD/MM/YYYY
 * becomes YYYY-MM-DD, anything else is left for isRealDateSql to refuse.
 */
export function normaliseDaySql(cell: string): string {
  const part = (n: number) => `split_part(${cell}, '/', ${n})`;
  return `CASE WHEN ${cell} ~ '^[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}$'
    THEN ${part(3)} || '-' || lpad(${part(2)}, 2, '0') || '-' || lpad(${part(1)}, 2, '0') ELSE ${cell} END`;
}

/** `CASE expression WHEN key THEN value … END` from a word list: NULL for any other word. */
export function wordsSql(expression: string, words: Record<string, string>): string {
  return `CASE ${expression} ${Object.entries(words)
    .map(([word, value]) => `WHEN ${sqlText(word)} THEN ${sqlText(value)}`)
    .join(" ")} END`;
}
