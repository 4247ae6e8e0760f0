import { parseArgs } from "node:util";
import { periodReportOptions, runForOrganisation } from "../../platform/imports/cli-organisation.ts";
import { CsvFileError } from "../../platform/imports/csv-import.ts";
import type { CliCommand, CliContext } from "../module.ts";
import { importCaseFile } from "./commands/import-cases.ts";
import { nm01 } from "./queries/nm01.ts";
import { nm01ReturnCsv } from "./queries/nm01-return.ts";

const exitUsage = 2;

export const safetyCli: CliCommand[] = [
  {
    words: ["safety", "nm01"],
    usage: "kith safety nm01 --from YYYY-MM-DD --to YYYY-MM-DD [--json | --csv] [--organisation SLUG]",
    summary:
      "NM01: ASB cases and hate-incident cases opened per 1,000 homes, by local authority and in total",
    async run(args, context) {
      const { values } = parseArgs({
        args,
        options: { ...periodReportOptions, csv: { type: "boolean" } },
      });
      if (!values.from || !values.to) {
        context.io.stderr(`Give the period with --from and --to. Usage: ${this.usage}\n`);
        return exitUsage;
      }
      const period = { from: values.from, to: values.to };
      return runForOrganisation(context, values.organisation, "kith safety nm01", async (database, actor) => {
        const report = await nm01(database.db, actor, period);
        if (values.json) {
          context.io.stdout(`${JSON.stringify(report, null, 2)}\n`);
          return 0;
        }
        if (values.csv) {
          context.io.stdout(nm01ReturnCsv(report));
          return 0;
        }
        const rate = (value: number | null) => (value === null ? "-" : value.toFixed(2));
        const lines = [
          `NM01 from ${report.from} to ${report.to}`,
          `Homes: LCRA and LCHO homes owned on ${report.to}`,
          "",
          "Area | Homes | Cases | Per 1,000 homes | Hate cases | Per 1,000 homes",
        ];
        for (const area of report.areas) {
          lines.push(
            `${area.laName} (${area.laCode ?? "-"}) | ${area.homes} | ${area.cases} | ${rate(area.casesPer1000Homes)} | ${area.hateCases} | ${rate(area.hateCasesPer1000Homes)}`,
          );
        }
        const t = report.total;
        lines.push(
          `Total | ${t.homes} | ${t.cases} | ${rate(t.casesPer1000Homes)} | ${t.hateCases} | ${rate(t.hateCasesPer1000Homes)}`,
        );
        context.io.stdout(`${lines.join("\n")}\n`);
        return 0;
      });
    },
  },
  {
    words: ["import", "cases"],
    usage: "kith import cases FILE.csv [--organisation SLUG] [--skip-bad-rows]",
    summary:
      "Import historic community safety cases (format: docs/safety-import.md); all or nothing unless --skip-bad-rows",
    async run(args, context) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { organisation: { type: "string" }, "skip-bad-rows": { type: "boolean" } },
      });
      const file = positionals[0];
      if (!file) {
        context.io.stderr(`Missing file. Usage: ${this.usage}\n`);
        return exitUsage;
      }
      try {
        return await runForOrganisation(
          context,
          values.organisation,
          "kith import cases",
          async (database, actor) =>
            reportCaseImport(
              await importCaseFile(database, actor, context.now(), file, {
                fileName: file,
                skipBadRows: values["skip-bad-rows"] ?? false,
              }),
              file,
              context,
            ),
        );
      } catch (error) {
        if (error instanceof CsvFileError) {
          context.io.stderr(`${error.message}\n`);
          return 1;
        }
        throw error;
      }
    },
  },
];

/** Prints what a case import did and which rows it skipped or refused; 1 when nothing was imported. */
function reportCaseImport(
  report: Awaited<ReturnType<typeof importCaseFile>>,
  file: string,
  context: CliContext,
): number {
  if (report.problemCount > 0) {
    context.io.stderr(
      report.committed
        ? `Skipped the rows with these ${report.problemCount} problem(s):\n`
        : `The file was not imported: ${report.problemCount} problem(s) found; nothing was imported. Run again with --skip-bad-rows to import the good rows.\n`,
    );
    for (const problem of report.problems) context.io.stderr(`  line ${problem.line}, ${problem.reason}\n`);
    if (report.problemCount > report.problems.length)
      context.io.stderr(`  … and ${report.problemCount - report.problems.length} more\n`);
  }
  if (!report.committed) return 1;
  const { cases, parties, reports } = report.result;
  context.io.stdout(`Imported ${cases} cases with ${parties} parties and ${reports} reports from ${file}.\n`);
  return 0;
}
