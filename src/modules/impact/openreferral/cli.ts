import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { systemActor } from "../../../platform/access/actor.ts";
import { organisationForCli } from "../../../platform/imports/import-command.ts";
import type { CliCommand } from "../../module.ts";
import { importPostcodeCentroids } from "./commands/import-postcode-centroids.ts";

const usage =
  'kith import postcode-centroids FILE.csv [--source "WHERE THE FIGURES COME FROM"] [--organisation SLUG]';

export const postcodeCentroidsCli: CliCommand = {
  words: ["import", "postcode-centroids"],
  usage,
  summary:
    "Add postcode district centroids for the Open Referral postcode and proximity filters (format: docs/impact.md)",
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { source: { type: "string" }, organisation: { type: "string" } },
    });
    if (positionals.length !== 1) {
      context.io.stderr(`Give one CSV file. Usage: ${usage}\n`);
      return 2;
    }
    const file = positionals[0];
    const csv = await readFile(file, "utf8");
    const database = await context.openDatabase();
    try {
      // Shared reference data; the audit entry goes to the organisation chosen.
      const organisationId = await organisationForCli(database, values.organisation, context);
      if (!organisationId) return 2;
      const result = await importPostcodeCentroids(
        database.db,
        systemActor(organisationId, "kith import postcode-centroids"),
        context.now(),
        csv,
        values.source ?? `Imported from ${file.split("/").pop() ?? file}`,
      );
      context.io.stdout(`Imported ${result.districts} postcode district centroids from ${file}.\n`);
      return 0;
    } finally {
      await database.close();
    }
  },
};
