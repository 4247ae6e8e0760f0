// Prints: how long the heaviest pages take on the embedded default (PGlite with the demo data),
// each as a median of several requests and as a ratio to a static file in the same run, first with
// planner statistics (as Kith keeps them) and then with them wiped (as PGlite left them before).
//   npx node bench/demo-pages.ts [runs]
import { loadavg } from "node:os";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { modules } from "../src/modules/registry.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { seedDemo } from "../src/seed/seed-demo.ts";
import { benchApp, signInAsDemoManager } from "./demo-app.ts";

const runs = Number(process.argv[2] ?? 3);
const config = loadConfig({ ...process.env, DATABASE_URL: "" });
const database = await openMemoryPglite();
const seeding = performance.now();
await migrate(database);
await loadReferenceData(database, config.referenceDir);
await seedDemo(database, modules);
console.log(`Demo built in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
const app = await benchApp(database, config);

const cookie = await signInAsDemoManager(app);
const [someCase] = await database.query<{ id: string }>("SELECT id FROM safety_case ORDER BY id LIMIT 1");
const pages = [
  ["static file", "/assets/kith/kith.css"],
  ["impact dashboard", "/impact"],
  ["annual report", "/impact/report"],
  ["annual report PDF", "/impact/report/download"],
  ["case page", `/safety/cases/${someCase?.id}`],
  ["homes list", "/places/homes"],
] as const;

async function measure(label: string): Promise<void> {
  const medians = new Map<string, number>();
  for (const [name, path] of pages) {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const response = await app.request(path, { headers: { cookie } });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      times.push(performance.now() - started);
    }
    medians.set(name, times.sort((a, b) => a - b)[Math.floor(runs / 2)]);
  }
  const base = medians.get("static file") ?? 1;
  console.log(
    `\n${label} (median of ${runs}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}):`,
  );
  for (const [name, ms] of medians)
    console.log(
      `  ${name.padEnd(20)} ${ms.toFixed(1).padStart(9)} ms  ${(ms / base).toFixed(0).padStart(6)}× static`,
    );
}

await measure("With planner statistics");
// What PGlite had before Kith analysed: no statistics and no row estimates.
await database.execScript(
  "DELETE FROM pg_statistic; UPDATE pg_class SET reltuples = -1, relpages = 0 WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'i');",
);
await measure("Without planner statistics");
await database.close();
