import { parse } from "csv-parse/sync";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { gdpDeflator } from "../schema.ts";

// `kith import deflators FILE.csv`: the GDP deflator series, replaced as a whole (docs/impact.md).

export type DeflatorRow = { year: number; deflator: number };

/** A CSV of `year,deflator` (any base year; "2019-20" is read as 2019). Every year from first to last must be there. */
export function parseDeflatorCsv(csv: string): DeflatorRow[] {
  let records: string[][];
  try {
    records = parse(csv, { bom: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw invalid(`The file is not CSV: ${(error as Error).message}`, { file: "The file is not CSV" });
  }
  const [header = [], ...rows] = records;
  const columns = header.map((cell) => cell.toLowerCase());
  const yearAt = columns.indexOf("year");
  const deflatorAt = columns.indexOf("deflator");
  if (yearAt < 0 || deflatorAt < 0)
    throw invalid("The file needs a header row with the columns year and deflator.", {
      file: "The file needs a header row with the columns year and deflator",
    });
  const errors: Record<string, string> = {};
  const parsed: DeflatorRow[] = [];
  const seen = new Map<number, number>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const yearText = row[yearAt] ?? "";
    const match = /^(\d{4})(-\d{2})?$/.exec(yearText);
    const deflator = Number(row[deflatorAt]);
    if (!match) errors[`line ${line}`] = `"${yearText}" is not a year like 2024 or 2024-25`;
    else if (!(deflator > 0) || (row[deflatorAt] ?? "").trim() === "")
      errors[`line ${line}`] = `the deflator for ${yearText} must be a number above 0`;
    else {
      const year = Number(match[1]);
      const earlier = seen.get(year);
      if (earlier !== undefined) errors[`line ${line}`] = `${year} is already on line ${earlier}`;
      else {
        seen.set(year, line);
        parsed.push({ year, deflator });
      }
    }
  });
  if (parsed.length === 0 && Object.keys(errors).length === 0) errors.file = "The file has no years";
  const years = parsed.map((row) => row.year).sort((a, b) => a - b);
  for (let year = years[0]; year < years[years.length - 1]; year++)
    if (!seen.has(year))
      errors[`year ${year}`] =
        `The file has no deflator for ${year}: the series must have every year from ${years[0]} to ${years[years.length - 1]}`;
  if (Object.keys(errors).length > 0) throw invalid("The deflator file was not imported.", errors);
  return parsed.sort((a, b) => a.year - b.year);
}

/**
 * Replaces the GDP deflator series, all or nothing. The series is reference data shared by every
 * organisation on the server, so only the operator's command line may change it.
 */
export async function importDeflators(
  db: Db,
  actor: Actor,
  now: Date,
  csv: string,
  source: string,
): Promise<{ years: number; first: number; last: number }> {
  requireAllowed(actor.kind === "system", "Only the server's operator can replace the GDP deflator series.");
  if (source.trim() === "")
    throw invalid("Say where the series comes from.", { source: "Say where the series comes from" });
  const rows = parseDeflatorCsv(csv);
  await db.transaction(async (tx) => {
    await tx.delete(gdpDeflator);
    await tx
      .insert(gdpDeflator)
      .values(rows.map((row) => ({ ...row, source: source.trim(), importedAt: now })));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "gdp_deflator",
      entityId: null,
      summary: `Replaced the GDP deflator series: ${rows.length} years, ${rows[0].year} to ${rows[rows.length - 1].year} (${source.trim()})`,
    });
  });
  return { years: rows.length, first: rows[0].year, last: rows[rows.length - 1].year };
}
