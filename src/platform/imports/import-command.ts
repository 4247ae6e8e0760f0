import { parseArgs } from "node:util";
import type { CliCommand, CliContext } from "../../modules/module.ts";
import { listOrganisations, type Organisation } from "../access/organisations.ts";
import type { Database } from "../db/database.ts";
import { type CsvImportReport, describeProblems } from "./csv-import.ts";

/**
 * Which organisation a CLI command is for: --organisation SLUG (or id), or the only one there is.
 * Where there are several, `narrow` may keep those the command applies to (say, the ones with
 * volunteering roles), and the one left is chosen. Says why on stderr when none can be chosen.
 */
export async function chooseCliOrganisation(
  database: Database,
  slug: string | undefined,
  context: CliContext,
  narrow?: (organisations: Organisation[], database: Database) => Promise<Organisation[]>,
): Promise<Organisation | null> {
  const organisations = (await listOrganisations(database.db)).filter((o) => o.kind !== "platform");
  const known = organisations.map((o) => o.slug).join(", ") || "none";
  if (slug) {
    const found = organisations.find((o) => o.slug === slug || o.id === slug);
    if (!found) context.io.stderr(`No organisation "${slug}". Known: ${known}\n`);
    return found ?? null;
  }
  const candidates =
    organisations.length > 1 && narrow ? await narrow(organisations, database) : organisations;
  if (candidates.length === 1) return candidates[0];
  context.io.stderr(
    organisations.length === 0
      ? "There is no organisation in this database yet (try `kith seed demo`).\n"
      : `Say which organisation with --organisation SLUG (one of: ${known}).\n`,
  );
  return null;
}

/** Which organisation a CLI import belongs to: --organisation SLUG, or the only one there is. */
export async function organisationForCli(
  database: Database,
  slug: string | undefined,
  context: CliContext,
): Promise<string | null> {
  return (await chooseCliOrganisation(database, slug, context))?.id ?? null;
}

export function printImportReport(report: CsvImportReport, what: string, context: CliContext): number {
  if (report.problemCount > 0) {
    context.io.stderr(
      `${report.problemCount} of ${report.rowsRead} rows have problems:\n${describeProblems(report, 50)
        .map((l) => `  ${l}`)
        .join("\n")}\n`,
    );
  }
  if (!report.committed) {
    context.io.stderr(
      `Nothing was imported. Fix the rows above, or run again with --skip-bad-rows to import the ${report.rowsRead - report.problemCount} good rows.\n`,
    );
    return 1;
  }
  context.io.stdout(
    `Imported ${report.imported} ${what}${report.problemCount ? ` (skipped ${report.problemCount} bad rows)` : ""}.\n`,
  );
  return 0;
}

/** `kith import <kind> FILE.csv [--organisation SLUG] [--skip-bad-rows]`, shared by homes, people and assets. */
export function importCommand(
  kind: string,
  summary: string,
  run: (
    database: Database,
    organisationId: string,
    file: string,
    options: { skipBadRows: boolean; onProgress: (rows: number) => void },
  ) => Promise<CsvImportReport>,
): CliCommand {
  const usage = `kith import ${kind} FILE.csv [--organisation SLUG] [--skip-bad-rows]`;
  return {
    words: ["import", kind],
    usage,
    summary,
    async run(args, context) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { organisation: { type: "string" }, "skip-bad-rows": { type: "boolean" } },
      });
      if (positionals.length !== 1) {
        context.io.stderr(`Give one CSV file. Usage: ${usage}\n`);
        return 2;
      }
      const database = await context.openDatabase();
      try {
        const organisationId = await organisationForCli(database, values.organisation, context);
        if (!organisationId) return 2;
        const started = performance.now();
        const report = await run(database, organisationId, positionals[0], {
          skipBadRows: values["skip-bad-rows"] ?? false,
          onProgress: (rows) => context.io.stderr(`  ${rows.toLocaleString("en-GB")} rows read…\n`),
        });
        const code = printImportReport(report, kind, context);
        context.io.stderr(`(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
        return code;
      } finally {
        await database.close();
      }
    },
  };
}
