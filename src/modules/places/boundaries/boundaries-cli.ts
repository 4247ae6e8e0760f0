import { parseArgs } from "node:util";
import type { CliCommand } from "../../module.ts";
import { defaultTolerance, importBoundaries } from "../commands/import-boundaries.ts";
import { type BoundaryLevel, boundaryLevels } from "./read-boundaries.ts";

const usage = `kith import boundaries FILE.geojson|FILE.topojson --level ${boundaryLevels.join("|")} [--tolerance DEGREES]`;

/** Lists at most this many codes of each kind of problem; the count says how many there are. */
const shown = 20;

function listed(title: string, items: string[]): string {
  if (items.length === 0) return "";
  const more = items.length > shown ? `\n  … and ${items.length - shown} more` : "";
  return `${title} (${items.length}):\n${items
    .slice(0, shown)
    .map((item) => `  ${item}`)
    .join("\n")}${more}\n`;
}

export const importBoundariesCommand: CliCommand = {
  words: ["import", "boundaries"],
  usage,
  summary: `Import ONS boundary shapes (GeoJSON or TopoJSON in longitude/latitude), simplified to a tolerance (default ${defaultTolerance}°)`,
  async run(args, context) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { level: { type: "string" }, tolerance: { type: "string" } },
    });
    const level = values.level as BoundaryLevel | undefined;
    if (positionals.length !== 1 || !level || !boundaryLevels.includes(level)) {
      context.io.stderr(`Give one file and its level. Usage: ${usage}\n`);
      return 2;
    }
    const tolerance = values.tolerance === undefined ? undefined : Number(values.tolerance);
    const database = await context.openDatabase();
    try {
      const started = performance.now();
      const report = await importBoundaries(database, context.now(), positionals[0], { level, tolerance });
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if ("refused" in report) {
        const problems = report.problems;
        context.io.stderr(
          `${report.refused}\n${
            problems
              ? listed("Codes Kith does not know for this level", problems.unknownCodes) +
                listed("Areas whose shape cannot be drawn", problems.badGeometry) +
                listed("Codes given more than once", problems.duplicateCodes)
              : ""
          }Nothing was imported.\n`,
        );
        return 1;
      }
      context.io.stdout(
        `Imported ${report.imported.toLocaleString("en-GB")} ${level} boundaries, simplified to ${report.tolerance}° (${seconds} s).\n`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
