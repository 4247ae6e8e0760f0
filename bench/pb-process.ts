// Benchmark of a whole participatory budgeting process in the database: importing a
// pabulib file (parse, count every rule for the comparison, write every ballot), reading
// the published results, and exporting the file again, on PGlite in memory.
//
//   npx node bench/pb-process.ts [small|medium|full]
//   small  = Poland_Warszawa_2017_Aleksandrow (a few hundred votes)
//   medium = Poland_Warszawa_2018_Praga-Poludnie
//   full   = Poland_Wroclaw_2018 (the largest instance)
// Prints figures only; it asserts nothing about time.

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { importPabulib } from "../src/modules/budgeting/commands/pabulib-import.ts";
import { exportPabulib } from "../src/modules/budgeting/queries/pabulib-export.ts";
import { getResults } from "../src/modules/budgeting/queries/results.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { createOrganisation } from "../src/platform/access/organisations.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";

const scales: Record<string, string> = {
  small: "Poland_Warszawa_2017_Aleksandrow",
  medium: "Poland_Warszawa_2018_Praga-Poludnie",
  full: "Poland_Wroclaw_2018",
};
const scale = process.argv[2] ?? "small";
const instance = scales[scale];
if (!instance) {
  process.stderr.write(`Unknown scale "${scale}": use small, medium or full.\n`);
  process.exit(2);
}
const file = [path.resolve("../shared/pb/instances"), path.resolve("reference/pb/instances")]
  .map((dir) => path.join(dir, `${instance}.pb`))
  .find((f) => existsSync(f));
if (!file) {
  process.stderr.write(`Cannot find ${instance}.pb in ../shared/pb/instances.\n`);
  process.exit(1);
}

const time = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  process.stdout.write(`${label.padEnd(44)} ${(performance.now() - started).toFixed(0).padStart(8)} ms\n`);
  return result;
};

const database = await openMemoryPglite();
await migrate(database);
const now = new Date();
const organisation = await createOrganisation(database.db, null, now, {
  name: "Bench Homes",
  kind: "housing-association",
});
const actor = systemActor(organisation.id, "bench");
const text = readFileSync(file, "utf8");
process.stdout.write(
  `PB process benchmark — ${instance} (${scale}), ${database.describe}, node ${process.version}\n`,
);
const imported = await time("import (parse, count 4 rules, write)", () =>
  importPabulib(database.db, actor, now, text, { rule: "mes", utility: "cost", completion: "add1" }),
);
process.stdout.write(`  ${imported.projects} projects, ${imported.ballots} ballots\n`);
const results = await time("read published results", () =>
  getResults(database.db, organisation.id, imported.processId),
);
process.stdout.write(`  ${results.budgets[0]?.result?.outcome.selected.length ?? 0} funded\n`);
const exported = await time("export as pabulib", () => exportPabulib(database.db, actor, imported.processId));
process.stdout.write(`  ${(exported.length / 1024).toFixed(0)} KiB written\n`);
await database.close();
