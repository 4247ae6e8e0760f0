import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Actor } from "../../platform/access/actor.ts";
import type { Database } from "../../platform/db/database.ts";
import { isRealDate } from "../../platform/http/fields.ts";
import {
  importForOrganisation,
  oneFileArgument,
  periodReportOptions,
  runForOrganisation,
} from "../../platform/imports/cli-organisation.ts";
import type { CliCommand, CliContext } from "../module.ts";
import { importDeflators } from "./commands/import-deflators.ts";
import { importValueBank } from "./commands/import-value-bank.ts";
import { postcodeCentroidsCli } from "./openreferral/cli.ts";
import { computeDashboard } from "./queries/dashboard.ts";
import { computeReportFigures, reportBrand } from "./report/report-figures.ts";
import { reportHtmlDocument } from "./report/report-html.ts";
import { renderReportPdf } from "./report/report-pdf.ts";

const reportUsage =
  "kith impact report --year YYYY --out FILE.pdf|FILE.html [--theme CODE] [--area LA_CODE] [--organisation SLUG]";
const dashboardUsage =
  "kith impact dashboard --from YYYY-MM-DD --to YYYY-MM-DD --json [--theme CODE] [--area LA_CODE] [--organisation SLUG]";
const valueBankUsage =
  "kith import value-bank FILE.csv --price-year YYYY [--organisation SLUG] [--name NAME] [--source TEXT] [--licence TEXT]";
const deflatorsUsage = 'kith import deflators FILE.csv --source "HM Treasury GDP deflators, MONTH YEAR"';

export const impactCli: CliCommand[] = [
  {
    words: ["impact", "report"],
    usage: reportUsage,
    summary: "Write the annual social impact report (financial year from 1 April YYYY) as PDF or HTML",
    async run(args, context) {
      const { values } = parseArgs({
        args,
        options: {
          year: { type: "string" },
          out: { type: "string" },
          theme: { type: "string" },
          area: { type: "string" },
          organisation: { type: "string" },
        },
      });
      const year = Number(values.year);
      if (!values.year || !/^\d{4}$/.test(values.year) || year < 2000 || year > 2100) {
        context.io.stderr(
          `Give the year as four digits, like --year 2025 (the report covers 1 April 2025 to 31 March 2026). Usage: ${reportUsage}\n`,
        );
        return 2;
      }
      const out = values.out ?? "";
      const format = out.toLowerCase().endsWith(".pdf")
        ? "pdf"
        : out.toLowerCase().endsWith(".html") || out.toLowerCase().endsWith(".htm")
          ? "html"
          : null;
      if (!format) {
        context.io.stderr(`Give an output file ending in .pdf or .html with --out. Usage: ${reportUsage}\n`);
        return 2;
      }
      return runForScope(context, values, "kith impact report", async (database, actor, scope) => {
        const figures = await computeReportFigures(
          database.db,
          actor,
          await reportBrand(database.db, actor.organisationId),
          year,
          { scope },
        );
        const content = format === "pdf" ? await renderReportPdf(figures) : reportHtmlDocument(figures);
        await writeFile(out, content);
        context.io.stdout(
          `Wrote the ${figures.year.label} social impact report to ${out} (${figures.dashboard.sessions} sessions, ${figures.dashboard.residentsReached.total} residents reached).\n`,
        );
        return 0;
      });
    },
  },
  {
    words: ["impact", "dashboard"],
    usage: dashboardUsage,
    summary: "Print every indicator of the community investment dashboard for a period",
    async run(args, context) {
      const { values } = parseArgs({
        args,
        options: { ...periodReportOptions, theme: { type: "string" }, area: { type: "string" } },
      });
      const from = values.from ?? "";
      const to = values.to ?? "";
      if (!isRealDate(from) || !isRealDate(to)) {
        context.io.stderr(
          `Give real dates with --from and --to, like --from 2025-04-01 --to 2026-03-31. Usage: ${dashboardUsage}\n`,
        );
        return 2;
      }
      if (to < from) {
        context.io.stderr(`--to (${to}) is before --from (${from}).\n`);
        return 2;
      }
      return runForScope(context, values, "kith impact dashboard", async (database, actor, scope) => {
        const dashboard = await computeDashboard(database.db, actor, { from, to, ...scope });
        if (values.json) context.io.stdout(`${JSON.stringify(dashboard, null, 2)}\n`);
        else {
          context.io.stdout(
            `Residents reached: ${dashboard.residentsReached.total} (${dashboard.residentsReached.lightTouch} light-touch, ${dashboard.residentsReached.inDepth} in-depth)\n`,
          );
          context.io.stdout(
            `Tenants reached: ${dashboard.tenantsReached.total}\nSocial value per £1 invested: ${dashboard.socialValue.perPoundInvested ?? "n/a"}\n(Use --json for every indicator.)\n`,
          );
        }
        return 0;
      });
    },
  },
  {
    words: ["import", "value-bank"],
    usage: valueBankUsage,
    summary:
      "Import a value bank from a CSV file and make it the active one (format: docs/impact-value-bank.md)",
    async run(args, context) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          organisation: { type: "string" },
          name: { type: "string" },
          source: { type: "string" },
          licence: { type: "string" },
          "price-year": { type: "string" },
        },
      });
      const file = oneFileArgument(positionals, valueBankUsage, context);
      if (!file) return 2;
      // Values are stated in their bank's price year: it is never guessed (docs/impact-value-bank.md).
      const priceYear = Number(values["price-year"]);
      if (!/^\d{4}$/.test(values["price-year"] ?? "")) {
        context.io.stderr(
          `Give the year the values' prices are in, like --price-year 2019. Usage: ${valueBankUsage}\n`,
        );
        return 2;
      }
      const csv = await readFile(file, "utf8");
      return importForOrganisation(
        context,
        values.organisation,
        "kith import value-bank",
        async (db, actor, now) => {
          const name = values.name ?? file.split("/").pop() ?? file;
          const result = await importValueBank(db, actor, now, csv, {
            name,
            source: values.source ?? `Imported from ${name}`,
            licence: values.licence ?? "Licensed to the organisation (see the source)",
            priceYear,
          });
          return `Imported ${result.outcomes} outcomes at ${priceYear} prices from ${file}; this is now the active value bank.`;
        },
      );
    },
  },
  {
    words: ["import", "deflators"],
    usage: deflatorsUsage,
    summary:
      "Replace the GDP deflator series that states social value at one year's prices (format: docs/impact.md)",
    async run(args, context) {
      const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { source: { type: "string" }, organisation: { type: "string" } },
      });
      if (positionals.length !== 1 || !values.source) {
        context.io.stderr(`Give one CSV file and where the series comes from. Usage: ${deflatorsUsage}\n`);
        return 2;
      }
      const csv = await readFile(positionals[0], "utf8");
      const source = values.source;
      // The series is shared by every organisation; the audit entry goes to the one chosen.
      return importForOrganisation(
        context,
        values.organisation,
        "kith import deflators",
        async (db, actor, now) => {
          const result = await importDeflators(db, actor, now, csv, source);
          return `Imported the GDP deflator for ${result.years} years, ${result.first} to ${result.last}.`;
        },
      );
    },
  },
  postcodeCentroidsCli,
];

/**
 * A report command's run for the chosen organisation, narrowed by --theme and --area: the area must
 * be a local authority code, or the command stops with usage (exit 2) before it opens the database.
 */
function runForScope(
  context: CliContext,
  values: { organisation?: string; theme?: string; area?: string },
  commandName: string,
  run: (
    database: Database,
    actor: Actor,
    scope: { themeCode: string | null; laCode: string | null },
  ) => Promise<number>,
): Promise<number> {
  const area = values.area;
  if (area !== undefined && !/^E\d{8}$/.test(area)) {
    context.io.stderr(`--area must be a local authority code like E06000035, not "${area}".\n`);
    return Promise.resolve(2);
  }
  return runForOrganisation(context, values.organisation, commandName, (database, actor) =>
    run(database, actor, { themeCode: values.theme ?? null, laCode: area ?? null }),
  );
}
