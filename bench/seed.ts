// Prints: the CPU seconds (user + system of this process, so PGlite's work is included) and the
// wall seconds of each step of first-run set-up on an in-memory PGlite: migrate, reference data,
// and the demo seed module by module. CPU time is the figure to compare on a busy machine: wall
// time there mostly measures the queue for a core.
//   npx node bench/seed.ts
import { loadavg } from "node:os";
import { loadReferenceData } from "../src/modules/places/reference/load-reference.ts";
import { modules } from "../src/modules/registry.ts";
import { loadConfig } from "../src/platform/config/config.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { seedDemo } from "../src/seed/seed-demo.ts";

type Step = { name: string; cpu: number; wall: number };
const steps: Step[] = [];
let current = { name: "open", cpu: process.cpuUsage(), wall: performance.now() };
function next(name: string): void {
  const used = process.cpuUsage(current.cpu);
  steps.push({
    name: current.name,
    cpu: (used.user + used.system) / 1e6,
    wall: (performance.now() - current.wall) / 1000,
  });
  current = { name, cpu: process.cpuUsage(), wall: performance.now() };
}

const load = loadavg().map((n) => n.toFixed(2));
const config = loadConfig({ ...process.env, DATABASE_URL: "" });
const database = await openMemoryPglite();
next("migrate");
await migrate(database);
next("reference data");
await loadReferenceData(database, config.referenceDir);
next("organisation");
await seedDemo(database, modules, {
  // The seed announces each step ("  places…"): each announcement closes the step before it.
  log: (message) => {
    const step = /^ {2}(\S[^…]*)…$/.exec(message)?.[1];
    if (step) next(`seed ${step}`);
  },
});
next("done");
await database.close();
console.log(`First-run set-up on in-memory PGlite, load average ${load.join(" ")} at start:`);
for (const step of steps)
  console.log(
    `  ${step.name.padEnd(24)} CPU ${step.cpu.toFixed(2).padStart(6)} s   wall ${step.wall.toFixed(2).padStart(6)} s`,
  );
const total = steps.reduce((sum, s) => ({ cpu: sum.cpu + s.cpu, wall: sum.wall + s.wall }), {
  cpu: 0,
  wall: 0,
});
const seeded = steps.filter((s) => s.name.startsWith("seed ") || s.name === "organisation");
const seedCpu = seeded.reduce((sum, s) => sum + s.cpu, 0);
console.log(
  `  total CPU ${total.cpu.toFixed(2)} s, wall ${total.wall.toFixed(2)} s; demo seed CPU ${seedCpu.toFixed(2)} s`,
);
