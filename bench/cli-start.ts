// Prints: whole-process wall time of `kith pb results FILE.pb` (the quick path that loads only
// the count) against `kith help` (which loads the whole app), each the median of several runs.
// Run: npx node bench/cli-start.ts [FILE.pb] [runs]
import { spawnSync } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const node = path.join(root, "node_modules", ".bin", "node");
const file =
  process.argv[2] ??
  path.join(root, "..", "shared", "pb", "instances", "Poland_Warszawa_2018_Praga-Poludnie.pb");
const runs = Number(process.argv[3] ?? 5);

/** Commands expected to fail (an unknown command) still count: they are timed, not checked. */
const expectedToFail = new Set(["help", "--version-that-does-not-exist"]);

function median(args: string[]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(node, [path.join(root, "bin", "kith.js"), ...args], { stdio: "ignore" });
    if (result.status !== 0 && !expectedToFail.has(args[0]))
      throw new Error(`kith ${args.join(" ")} exited ${result.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const bare = median(["--version-that-does-not-exist"]);
const results = median(["pb", "results", file, "--rule", "mes"]);
const help = median(["help"]);
console.log(
  `kith CLI start (median of ${runs}, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}):`,
);
console.log(`  kith pb results ${path.basename(file)} --rule mes: ${(results / 1000).toFixed(2)} s`);
console.log(`  kith help (loads every module):                   ${(help / 1000).toFixed(2)} s`);
console.log(`  unknown command (loads every module, then stops):  ${(bare / 1000).toFixed(2)} s`);
