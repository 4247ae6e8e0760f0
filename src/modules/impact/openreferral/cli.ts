import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { importForOrganisation, oneFileArgument } from "../../../platform/imports/cli-organisation.ts";
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
    const file = oneFileArgument(positionals, usage, context);
    if (!file) return 2;
    const csv = await readFile(file, "utf8");
    // Shared reference data; the audit entry goes to the organisation chosen.
    return importForOrganisation(
      context,
      values.organisation,
      "kith import postcode-centroids",
      async (db, actor, now) => {
        const source = values.source ?? `Imported from ${file.split("/").pop() ?? file}`;
        const result = await importPostcodeCentroids(db, actor, now, csv, source);
        return `Imported ${result.districts} postcode district centroids from ${file}.`;
      },
    );
  },
};
