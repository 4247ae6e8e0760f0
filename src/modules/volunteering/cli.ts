import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { Organisation } from "../../platform/access/organisations.ts";
import type { Database } from "../../platform/db/database.ts";
import { isRealDate } from "../../platform/http/fields.ts";
import { periodReportOptions, runForChosenOrganisation } from "../../platform/imports/cli-organisation.ts";
import type { CliCommand } from "../module.ts";
import { partnerDirectory } from "./partners.ts";
import { buildVdsExport } from "./queries/vds-export.ts";
import { volunteeringValue } from "./queries/volunteering-value.ts";

const exitUsage = 2;

/**
 * With several organisations and no --organisation, the one with volunteering roles is meant
 * (the usual single-landlord install that also hosts partners).
 */
async function withVolunteering(organisations: Organisation[], database: Database): Promise<Organisation[]> {
  const withRoles = await database.query<{ organisation_id: string }>(
    "SELECT DISTINCT organisation_id FROM vol_opportunity",
  );
  return organisations.filter((o) => withRoles.some((row) => row.organisation_id === o.id));
}

function hoursOf(minutes: number): number {
  return Math.round((minutes / 60) * 100) / 100;
}

export const volunteeringCli: CliCommand[] = [
  {
    words: ["volunteering", "export"],
    usage: "kith volunteering export --format vds-json --out FILE [--organisation SLUG] [--base-url URL]",
    summary: "Write roles, sessions and hours in the shape of the UK Volunteering Data Standard (JSON)",
    async run(args, context) {
      const { values } = parseArgs({
        args,
        options: {
          format: { type: "string" },
          out: { type: "string" },
          organisation: { type: "string" },
          "base-url": { type: "string" },
        },
      });
      const baseUrl = values["base-url"];
      if (baseUrl !== undefined && !/^https?:\/\/[^\s/]+/.test(baseUrl)) {
        context.io.stderr(
          `--base-url must be a web address like https://kith.example.org\nUsage: ${this.usage}\n`,
        );
        return exitUsage;
      }
      if (values.format !== "vds-json") {
        context.io.stderr(
          `Choose the format with --format vds-json (the only format so far).\nUsage: ${this.usage}\n`,
        );
        return exitUsage;
      }
      const out = values.out;
      if (!out) {
        context.io.stderr(`Say where to write the file with --out FILE.\nUsage: ${this.usage}\n`);
        return exitUsage;
      }
      return runForChosenOrganisation(
        context,
        values.organisation,
        "kith volunteering export",
        async (database, _actor, organisation) => {
          const partners = await partnerDirectory(database.db, organisation.id);
          const exported = await buildVdsExport(
            database.db,
            organisation.id,
            context.now(),
            partners,
            baseUrl,
          );
          await writeFile(out, `${JSON.stringify(exported, null, 2)}\n`);
          const roles = exported.graph.reduce(
            (sum, o) => sum + o.activity.reduce((s, a) => s + a.role.length, 0),
            0,
          );
          context.io.stdout(`Wrote ${roles} roles in ${exported.graph.length} organisations to ${out}\n`);
          return 0;
        },
        withVolunteering,
      );
    },
  },
  {
    words: ["volunteering", "report"],
    usage: "kith volunteering report --from YYYY-MM-DD --to YYYY-MM-DD [--json] [--organisation SLUG]",
    summary: "Print verified hours, their value and active volunteers by theme and area",
    async run(args, context) {
      const { values } = parseArgs({
        args,
        options: periodReportOptions,
      });
      for (const name of ["from", "to"] as const) {
        const value = values[name];
        if (!value || !isRealDate(value)) {
          context.io.stderr(`Give --${name} as a real date, like 2025-04-01.\nUsage: ${this.usage}\n`);
          return exitUsage;
        }
      }
      const from = values.from ?? "";
      const to = values.to ?? "";
      if (from > to) {
        context.io.stderr(`--from (${from}) is after --to (${to}).\n`);
        return exitUsage;
      }
      return runForChosenOrganisation(
        context,
        values.organisation,
        "kith volunteering report",
        async (database, _actor, organisation) => {
          const report = await volunteeringValue(database.db, organisation.id, { from, to });
          const line = <T extends { minutes: number; valuePence: number; activeVolunteers: number }>(
            row: T,
          ) => {
            const { minutes, valuePence, activeVolunteers, ...rest } = row;
            return { ...rest, hours: hoursOf(minutes), minutes, valuePence, activeVolunteers };
          };
          const output = {
            organisation: { id: organisation.id, name: organisation.name, slug: organisation.slug },
            from,
            to,
            currency: "GBP",
            total: line(report.total),
            byTheme: report.byTheme.map(line),
            byArea: report.byArea.map(line),
            byOrganisation: report.byOrganisation.map(line),
            rates: report.rates,
            yearsWithoutRate: report.yearsWithoutRate,
          };
          if (values.json) {
            context.io.stdout(`${JSON.stringify(output, null, 2)}\n`);
            return 0;
          }
          const pounds = (p: number) =>
            `£${(p / 100).toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
          context.io.stdout(`${organisation.name}: volunteering ${from} to ${to}\n`);
          context.io.stdout(
            `Total: ${output.total.hours} hours, ${pounds(output.total.valuePence)}, ${output.total.activeVolunteers} active volunteers\n\nBy theme:\n`,
          );
          const printLine = (
            name: string,
            row: { hours: number; valuePence: number; activeVolunteers: number },
          ) =>
            context.io.stdout(
              `  ${name.padEnd(34)} ${String(row.hours).padStart(10)} h ${pounds(row.valuePence).padStart(14)} ${String(row.activeVolunteers).padStart(6)} volunteers\n`,
            );
          for (const row of output.byTheme) printLine(row.themeName, row);
          context.io.stdout("\nBy area:\n");
          for (const row of output.byArea) printLine(row.areaName, row);
          if (output.yearsWithoutRate.length > 0)
            context.io.stdout(
              `\nNo hourly rate set for ${output.yearsWithoutRate.join(", ")}: those hours have no value.\n`,
            );
          return 0;
        },
        withVolunteering,
      );
    },
  },
];
