import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { inArray, sql } from "drizzle-orm";
import { listOrganisations } from "../../platform/access/organisations.ts";
import type { Db } from "../../platform/db/database.ts";
import { formatPence } from "../../platform/ui/format.ts";
import type { CliCommand, CliContext } from "../module.ts";
import { runGrantsDaily } from "./jobs/daily-grants.ts";
import {
  describeIssues,
  newRegisterReport,
  type RegisterFormat,
  registerChunks,
  registerFormats,
} from "./register/export-register.ts";
import { publishedStatuses } from "./register/register-rows.ts";
import { prefixPattern } from "./register/settings.ts";
import { registerValidator, unflattenCsv } from "./register/validate-register.ts";
import { grantAward } from "./schema.ts";

const exitUsage = 2;

/** The organisation named by --organisation (slug or id), or the only one that publishes grants. */
async function chooseOrganisation(
  db: Db,
  requested: string | undefined,
  context: CliContext,
): Promise<{ id: string; name: string } | null> {
  const organisations = await listOrganisations(db);
  if (requested) {
    const found = organisations.find((o) => o.slug === requested || o.id === requested);
    if (!found)
      context.io.stderr(
        `No organisation "${requested}". Known: ${organisations.map((o) => o.slug).join(", ") || "none"}\n`,
      );
    return found ?? null;
  }
  const publishing = await db
    .selectDistinct({ organisationId: grantAward.organisationId })
    .from(grantAward)
    .where(inArray(grantAward.status, [...publishedStatuses]));
  if (publishing.length === 1) {
    const only = organisations.find((o) => o.id === publishing[0].organisationId);
    return only ? { id: only.id, name: only.name } : null;
  }
  if (publishing.length === 0)
    context.io.stderr("No organisation has published grants yet: there is nothing to export.\n");
  else
    context.io.stderr(
      `Several organisations publish grants; choose one with --organisation SLUG: ${organisations
        .filter((o) => publishing.some((p) => p.organisationId === o.id))
        .map((o) => o.slug)
        .join(", ")}\n`,
    );
  return null;
}

async function validateFile(file: string, format: RegisterFormat): Promise<string[]> {
  const text = await readFile(file, "utf8");
  if (format === "360giving-json") return registerValidator().validatePackage(JSON.parse(text));
  const { grants, unknownHeadings } = unflattenCsv(text);
  return [
    ...unknownHeadings.map((heading) => `Unknown column "${heading}"`),
    ...registerValidator().validatePackage({ grants }),
  ];
}

export const grantsCli: CliCommand[] = [
  {
    words: ["grants", "export"],
    usage:
      "kith grants export --format 360giving-json|360giving-csv|transparency-csv --out FILE [--organisation SLUG] [--prefix 360G-…] [--source-url URL] [--validate]",
    summary: "Write the public grants register (360Giving JSON or CSV, or the Transparency Code fields)",
    async run(args, context) {
      const { values } = parseArgs({
        args,
        options: {
          format: { type: "string" },
          out: { type: "string" },
          organisation: { type: "string" },
          prefix: { type: "string" },
          "source-url": { type: "string" },
          validate: { type: "boolean" },
        },
      });
      if (!values.format || !values.out) {
        context.io.stderr(`Missing --format or --out. Usage: ${this.usage}\n`);
        return exitUsage;
      }
      const format = registerFormats.find((f) => f === values.format);
      if (!format) {
        context.io.stderr(
          `Unknown format "${values.format}". Choose one of: ${registerFormats.join(", ")}\n`,
        );
        return exitUsage;
      }
      if (values.prefix && !prefixPattern.test(values.prefix)) {
        context.io.stderr(
          `The prefix "${values.prefix}" is not a 360Giving prefix: it must look like 360G-yourorg (letters, numbers, - and _ after 360G-).\n`,
        );
        return exitUsage;
      }
      const sourceUrl = values["source-url"];
      if (sourceUrl && !/^https?:\/\/[^\s]+$/.test(sourceUrl)) {
        context.io.stderr(
          `The source URL "${sourceUrl}" is not a web address: give one like https://example.org/grants.\n`,
        );
        return exitUsage;
      }
      const database = await context.openDatabase();
      try {
        const organisation = await chooseOrganisation(database.db, values.organisation, context);
        if (!organisation) return 1;
        const [{ published }] = await database.db
          .select({ published: sql<number>`count(*)::int` })
          .from(grantAward)
          .where(
            sql`${grantAward.organisationId} = ${organisation.id} AND ${inArray(grantAward.status, [...publishedStatuses])}`,
          );
        if (published === 0) {
          context.io.stderr(
            `${organisation.name} has no published grants: a 360Giving file needs at least one.\n`,
          );
          return 1;
        }
        const report = newRegisterReport();
        const started = performance.now();
        await pipeline(
          Readable.from(
            registerChunks(database.db, organisation.id, format, report, {
              prefix: values.prefix,
              now: context.now(),
              sourceUrl: values["source-url"],
            }),
          ),
          createWriteStream(values.out),
        );
        const seconds = ((performance.now() - started) / 1000).toFixed(2);
        context.io.stdout(
          `Wrote ${report.grants} grants (${formatPence(report.totalAwardedPence)} awarded) from ${organisation.name} to ${values.out} as ${format} in ${seconds}s.\n`,
        );
        for (const issue of describeIssues(report)) context.io.stderr(`Warning: ${issue}\n`);
        if (values.validate && format !== "transparency-csv") {
          const errors = await validateFile(values.out, format);
          if (errors.length > 0) {
            context.io.stderr(
              `${errors.length} schema errors:\n${errors
                .slice(0, 50)
                .map((e) => `  ${e}`)
                .join("\n")}\n`,
            );
            return 1;
          }
          context.io.stdout("Valid against the 360Giving schema and codelists: 0 errors.\n");
        }
        return 0;
      } finally {
        await database.close();
      }
    },
  },
  {
    words: ["grants", "daily"],
    usage: "kith grants daily [--organisation SLUG]",
    summary: "Run the daily grants job now: reminders, held payments, ended grants",
    async run(args, context) {
      const { values } = parseArgs({ args, options: { organisation: { type: "string" } } });
      const database = await context.openDatabase();
      try {
        const organisations = (await listOrganisations(database.db)).filter(
          (o) =>
            o.kind !== "platform" &&
            (!values.organisation || o.slug === values.organisation || o.id === values.organisation),
        );
        if (organisations.length === 0) {
          context.io.stderr(`No organisation "${values.organisation ?? ""}".\n`);
          return 1;
        }
        for (const organisation of organisations) {
          const result = await runGrantsDaily(database.db, organisation.id, context.now());
          context.io.stdout(
            `${organisation.name}: ${result.reminders} reminders raised, ${result.held} payments held, ${result.ended} grants ended.\n`,
          );
        }
        return 0;
      } finally {
        await database.close();
      }
    },
  },
];
