import { parse } from "csv-parse/sync";
import { type AgeBand, ageBands, type Region, regions } from "../age-region.ts";
import type { BankOutcome } from "../social-value.ts";

// The value-bank file format (docs/impact-value-bank.md): one row per outcome, one column per
// age band and region, pounds with at most two decimals, deadweight per category, and the codes
// each outcome must not be valued alongside.

export const valueColumns: { column: string; ageBand: AgeBand; region: Region; label: string }[] =
  ageBands.flatMap((ageBand) =>
    regions.map((region) => ({
      column: `${ageBand.replace("-", "_")}_${region.replace("-", "_")}`,
      ageBand,
      region,
      label: `${{ "under-25": "under 25", "25-49": "25 to 49", "50-plus": "50 and over", unknown: "unknown age" }[ageBand]}, ${region === "london" ? "London" : "outside London"}`,
    })),
  );
export const requiredColumns = [
  "code",
  "name",
  "category",
  "deadweight_percent",
  ...valueColumns.map((c) => c.column),
  "excludes",
];

export type ParsedValueBank = {
  outcomes: BankOutcome[];
  deadweight: Map<string, number>;
  /** Pairs with a < b. */
  exclusions: [string, string][];
};

export type ParseResult = { ok: true; bank: ParsedValueBank } | { ok: false; errors: string[] };

/** "1,234.50" or "1234.5" → 123450 pence, exactly (no floating point); null when not a price. */
export function poundsToPence(text: string): number | null {
  const match = /^(-?)£?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const pounds = Number(match[2].replaceAll(",", ""));
  const pennies = Number((match[3] ?? "0").padEnd(2, "0"));
  const value = pounds * 100 + pennies;
  return match[1] === "-" ? -value : value;
}

const maxRows = 5000;

/** Reads and checks the whole file; every problem is reported with its line, and nothing is returned unless all is well. */
export function parseValueBankCsv(text: string): ParseResult {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ""), {
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    });
  } catch (error) {
    return { ok: false, errors: [`The file is not valid CSV: ${(error as Error).message}`] };
  }
  if (records.length === 0)
    return { ok: false, errors: ["The file is empty. The first line must be the column headings."] };
  const header = records[0].map((h) => h.toLowerCase());
  const missing = requiredColumns.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map((column) => {
        const band = valueColumns.find((c) => c.column === column);
        return band
          ? `Line 1: the column ${column} (the value for ${band.label}) is missing`
          : `Line 1: the column ${column} is missing`;
      }),
    };
  }
  if (records.length - 1 > maxRows)
    return {
      ok: false,
      errors: [`The file has ${records.length - 1} outcomes; the most one file can hold is ${maxRows}.`],
    };
  const at = (row: string[], column: string) => (row[header.indexOf(column)] ?? "").trim();
  const errors: string[] = [];
  const outcomes: BankOutcome[] = [];
  const deadweight = new Map<string, { percent: number; line: number }>();
  const excludes: { code: string; other: string; line: number }[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((row, index) => {
    const line = index + 2;
    const code = at(row, "code");
    const name = at(row, "name");
    const category = at(row, "category").toLowerCase();
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/.test(code))
      errors.push(
        `Line ${line}: the code "${code}" must be 1 to 40 letters, numbers, dots, hyphens or underscores`,
      );
    else if (seen.has(code))
      errors.push(`Line ${line}: the code ${code} is already used on line ${seen.get(code)}`);
    else seen.set(code, line);
    if (!name) errors.push(`Line ${line}: the outcome name is missing`);
    if (!category) errors.push(`Line ${line}: the category (area of benefit) is missing`);
    const deadweightText = at(row, "deadweight_percent");
    const percent = Number(deadweightText);
    if (deadweightText === "" || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      errors.push(`Line ${line}: deadweight_percent must be a number from 0 to 100, not "${deadweightText}"`);
    } else if (category) {
      const known = deadweight.get(category);
      if (known && known.percent !== percent)
        errors.push(
          `Line ${line}: the deadweight for ${category} is ${percent}%, but line ${known.line} says ${known.percent}%; one category has one deadweight`,
        );
      else if (!known) deadweight.set(category, { percent, line });
    }
    const values = Object.fromEntries(ageBands.map((band) => [band, {} as Record<Region, number>])) as Record<
      AgeBand,
      Record<Region, number>
    >;
    for (const column of valueColumns) {
      const raw = at(row, column.column);
      if (raw === "") {
        errors.push(`Line ${line}: the value for ${column.label} (${column.column}) is missing`);
        continue;
      }
      const pence = poundsToPence(raw);
      if (pence === null)
        errors.push(
          `Line ${line}: the value for ${column.label} must be an amount in pounds, like 1234.56, not "${raw}"`,
        );
      else if (pence < 0)
        errors.push(`Line ${line}: the value for ${column.label} cannot be negative (${raw})`);
      else if (pence > 100_000_000_00)
        errors.push(`Line ${line}: the value for ${column.label} is more than £100 million; check the file`);
      else values[column.ageBand][column.region] = pence;
    }
    for (const other of at(row, "excludes")
      .split(/[;|]/)
      .map((c) => c.trim())
      .filter(Boolean)) {
      if (other === code) errors.push(`Line ${line}: ${code} cannot exclude itself`);
      else excludes.push({ code, other, line });
    }
    outcomes.push({ code, name, category, values });
  });
  const pairs = new Map<string, [string, string]>();
  for (const { code, other, line } of excludes) {
    if (!seen.has(other))
      errors.push(`Line ${line}: ${code} excludes ${other}, which is not an outcome in this file`);
    const pair: [string, string] = code < other ? [code, other] : [other, code];
    pairs.set(pair.join("|"), pair);
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    bank: {
      outcomes,
      deadweight: new Map([...deadweight].map(([category, d]) => [category, d.percent])),
      exclusions: [...pairs.values()],
    },
  };
}
