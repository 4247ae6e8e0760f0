import { parseArgs } from "node:util";
import type { CliCommand, CliContext } from "../../modules/module.ts";
import { listOrganisations } from "../access/organisations.ts";
import type { Database } from "../db/database.ts";
import { type CsvImportReport, describeProblems } from "./csv-import.ts";

/** Which organisation a CLI import belongs to: --organisation SLUG, or the only one there is. */
export async function organisationForCli(
  database: Database,
  slug: string | undefined,
  context: CliContext,
): Promise<string | null> {
  const organisations = (await listOrganisations(database.db)).filter((o) => o.kind !== "platform");
  const chosen = slug
    ? organisations.find((o) => o.slug === slug || o.id === slug)
    : organisations.length === 1
      ? organisations[0]
      : undefined;
  if (!chosen) {
    context.io.stderr(
      slug
        ? `No organisation "${slug}". Known: ${organisations.map((o) => o.slug).join(", ") || "none"}\n`
        : `Say which organisation with --organisation SLUG (one of: ${organisations.map((o) => o.slug).join(", ") || "none"}).\n`,
    );
    return null;
  }
  return chosen.id;
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
