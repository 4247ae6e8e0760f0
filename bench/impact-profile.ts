// Prints where the dashboard and report time goes on the PGlite demo, piece by piece (median of runs).
//   npx node bench/impact-profile.ts [runs]
import { loadavg } from "node:os";
import { neighbourhoodFacts } from "../src/modules/impact/places-link.ts";
import { computeDashboard } from "../src/modules/impact/queries/dashboard.ts";
import { computeSocialValue } from "../src/modules/impact/queries/social-value.ts";
import { verifiedVolunteering } from "../src/modules/impact/queries/verified-volunteering.ts";
import { computeReportFigures, financialYear } from "../src/modules/impact/report/report-figures.ts";
import {
  activityByNeighbourhood,
  fundingFigures,
  monthlyTrend,
  reachByTheme,
  reachFigures,
  surveyChange,
} from "../src/modules/investment/index.ts";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { modules } from "../src/modules/registry.ts";
import { systemActor } from "../src/platform/access/actor.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { seedDemo } from "../src/seed/seed-demo.ts";

const runs = Number(process.argv[2] ?? 3);
const config = loadConfig({ ...process.env, DATABASE_URL: "" });
const database = await openMemoryPglite();
await migrate(database);
await loadReferenceData(database, config.referenceDir);
await seedDemo(database, modules);
const db = database.db;
const [org] = await database.query<{ id: string }>("SELECT id FROM organisation ORDER BY created_at LIMIT 1");
const actor = systemActor(org.id);
const today = new Date().toISOString().slice(0, 10);
const filter = { from: `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`, to: today };
const year = Number(today.slice(0, 4)) - (today.slice(5) < "04-01" ? 2 : 1);
const fy = financialYear(year);
const pieces: [string, () => Promise<unknown>][] = [
  ["reachFigures", () => reachFigures(db, actor, filter)],
  ["monthlyTrend", () => monthlyTrend(db, actor, filter)],
  ["activityByNeighbourhood", () => activityByNeighbourhood(db, actor, filter)],
  ["fundingFigures", () => fundingFigures(db, actor, filter)],
  ["surveyChange", () => surveyChange(db, actor, filter)],
  ["socialValue", () => computeSocialValue(db, actor, filter)],
  ["verifiedVolunteering", () => verifiedVolunteering(db, actor, filter)],
  ["neighbourhoodFacts", () => neighbourhoodFacts(db, actor)],
  ["reachByTheme (FY)", () => reachByTheme(db, actor, fy)],
  ["dashboard", () => computeDashboard(db, actor, filter)],
  ["report figures", () => computeReportFigures(db, actor, { name: "Demo", colour: null }, year)],
];
const [att] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM attendance");
console.log(
  `attendance rows ${att.n}; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
for (const [name, run] of pieces) {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await run();
    times.push(performance.now() - t);
  }
  console.log(
    `  ${name.padEnd(26)} ${times
      .sort((a, b) => a - b)
      [Math.floor(runs / 2)].toFixed(1)
      .padStart(8)} ms`,
  );
}
await database.close();
