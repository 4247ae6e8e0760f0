import type { Db } from "../../../platform/db/database.ts";
import { type CsvCell, csvLine, poundsFromPence } from "../../../platform/exports/csv.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { organisationTypes } from "../inputs.ts";
import { type RegisterIssue, recipientIdentity } from "./org-id.ts";
import { type RegisterRow, registerRows } from "./register-rows.ts";
import { loadRegisterSettings, type RegisterSettings } from "./settings.ts";
import { csvColumns, threeSixtyGivingGrant } from "./three-sixty-giving.ts";

export const registerFormats = ["360giving-json", "360giving-csv", "transparency-csv"] as const;
export type RegisterFormat = (typeof registerFormats)[number];

/** Filled in as the export streams: how many grants, their total, and what was left out and why. */
export type RegisterReport = { grants: number; totalAwardedPence: number; issues: RegisterIssue[] };

export const registerLicence = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

/**
 * The register as text chunks, written in keyset pages so memory stays flat however
 * many grants there are. The same code serves the public downloads and `kith grants export`.
 */
export async function* registerChunks(
  db: Db,
  organisationId: string,
  format: RegisterFormat,
  report: RegisterReport,
  options: { prefix?: string; now: Date; sourceUrl?: string },
): AsyncGenerator<string> {
  const settings = await loadRegisterSettings(db, organisationId, report.issues);
  if (options.prefix) settings.prefix = options.prefix;
  settings.dataSource ??= options.sourceUrl ?? null;
  if (!settings.dataSource && format !== "transparency-csv")
    report.issues.push({
      grant: "(all)",
      field: "Data Source",
      message: "No register web address is set (Grants → Register settings), so grants have no data source",
    });
  if (format === "360giving-json") yield* jsonChunks(db, settings, report, options.now);
  else if (format === "360giving-csv") yield* csvChunks(db, settings, report);
  else yield* transparencyChunks(db, settings, report);
}

async function* jsonChunks(
  db: Db,
  settings: RegisterSettings,
  report: RegisterReport,
  now: Date,
): AsyncGenerator<string> {
  yield `{"grants":[\n`;
  for await (const page of registerRows(db, settings.organisationId)) {
    yield page
      .map((row) => {
        const separator = report.grants === 0 ? "" : ",\n";
        count(report, row);
        return separator + JSON.stringify(threeSixtyGivingGrant(row, settings, report.issues));
      })
      .join("");
  }
  const metadata = {
    version: "1.4",
    title: `${settings.funderName} grants register`,
    description: `Grants awarded by ${settings.funderName}, published under the Local Government Transparency Code and the 360Giving Data Standard.`,
    identifier: `${settings.prefix}-register`,
    issued: now.toISOString(),
    modified: now.toISOString(),
    publisher: {
      name: settings.funderName,
      ...(settings.funderId.startsWith("360G-") ? {} : { identifier: settings.funderId }),
    },
    license: registerLicence,
  };
  yield `\n],${JSON.stringify(metadata).slice(1, -1)}}\n`;
}

async function* csvChunks(
  db: Db,
  settings: RegisterSettings,
  report: RegisterReport,
): AsyncGenerator<string> {
  yield csvLine(csvColumns.map((column) => column.heading));
  for await (const page of registerRows(db, settings.organisationId)) {
    yield page
      .map((row) => {
        count(report, row);
        const grant = threeSixtyGivingGrant(row, settings, report.issues);
        // Each column picks a leaf of the grant Kith built: text, a number or nothing.
        return csvLine(csvColumns.map((column) => column.value(grant) as CsvCell));
      })
      .join("");
  }
}

/** Local Government Transparency Code 2015, grants to voluntary, community and social enterprise organisations. */
export const transparencyHeadings = [
  "Grant identifier",
  "Date awarded",
  "Time period start",
  "Time period end",
  "Awarding department",
  "Beneficiary name",
  "Beneficiary registration number",
  "Beneficiary type",
  "Purpose of the grant",
  "Amount awarded (GBP)",
  "Route (open call or direct award)",
] as const;

async function* transparencyChunks(
  db: Db,
  settings: RegisterSettings,
  report: RegisterReport,
): AsyncGenerator<string> {
  yield csvLine([...transparencyHeadings]);
  for await (const page of registerRows(db, settings.organisationId)) {
    yield page
      .map((row) => {
        count(report, row);
        const identity = recipientIdentity(row, settings.prefix, report.issues);
        return csvLine([
          `${settings.prefix}-${row.reference}`,
          row.awardDate ?? row.startDate,
          row.startDate,
          row.endDate,
          settings.department,
          row.recipientName,
          identity.charityNumber
            ? `Charity ${identity.charityNumber}`
            : identity.companyNumber
              ? `Company ${identity.companyNumber}`
              : "",
          (organisationTypes as Record<string, string>)[row.recipientType] ?? row.recipientType,
          `${row.title}: ${row.description}`,
          poundsFromPence(row.amountAwardedPence).toFixed(2),
          row.route === "open-call" ? "Open call" : "Direct award",
        ]);
      })
      .join("");
  }
}

function count(report: RegisterReport, row: RegisterRow): void {
  report.grants += 1;
  report.totalAwardedPence += row.amountAwardedPence;
}

export function newRegisterReport(): RegisterReport {
  return { grants: 0, totalAwardedPence: 0, issues: [] };
}

/** Issues found while exporting, in words for the CLI and the staff page. */
export function describeIssues(report: RegisterReport): string[] {
  return report.issues.map((issue) => `${issue.grant}: ${issue.field}: ${issue.message}`);
}

export function exportedOn(now: Date): string {
  return formatDate(now);
}
