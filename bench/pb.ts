// Benchmark of the PB rules engine against the pabutools 1.2.3 timings recorded in
// expected.json. Run from the repository root: `npx node bench/pb.ts`.
//
// Like the pabutools figures, "rule" times exclude parsing and the merging of identical
// ballots; both are shown separately. Each figure is the median of several runs after
// one warm-up run. Prints figures only; it asserts nothing about time.

import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import path from "node:path";
import { parsePabulib } from "../src/modules/budgeting/pabulib/parse.ts";
import { equalShares } from "../src/modules/budgeting/rules/equal-shares.ts";
import { greedy } from "../src/modules/budgeting/rules/greedy.ts";
import { phragmen } from "../src/modules/budgeting/rules/phragmen.ts";
import type { Profile } from "../src/modules/budgeting/rules/profile.ts";
import { buildProfile } from "../src/modules/budgeting/rules/profile.ts";

const sharedDir = (() => {
  const local = existsSync(path.resolve(process.cwd(), "../shared/pb/expected.json"))
    ? path.resolve(process.cwd(), "../shared/pb")
    : path.resolve(process.cwd(), "reference/pb");
  if (existsSync(path.join(local, "expected.json"))) return local;
  return process.env.KITH_SHARED_DIR ? path.resolve(process.env.KITH_SHARED_DIR) : local;
})();

const INSTANCES = [
  "Poland_Warszawa_2017_Aleksandrow",
  "Poland_Warszawa_2018_Praga-Poludnie",
  "Poland_Wroclaw_2018",
];

const RULES: Record<string, (p: Profile) => unknown> = {
  greedy_cost: (p) => greedy(p, "cost"),
  mes_cost: (p) => equalShares(p, "cost", "none"),
  mes_cost_add1: (p) => equalShares(p, "cost", "add1"),
  mes_approval: (p) => equalShares(p, "approval", "none"),
  phragmen: (p) => phragmen(p),
};

type Reference = { pabutools_seconds: Record<string, number>; pabutools_parse_seconds: number };

/**
 * Median wall and CPU milliseconds per call of fn. After a warm-up, calls are timed in
 * batches of k, with k chosen so a batch takes at least ~2 ms: a tiny instance's rule
 * runs in microseconds, where reading the clocks (process.cpuUsage is a system call)
 * would otherwise be a large part of what is measured. At least 7 batches, more (up to
 * 200) while under ~0.5 s; the figure is the median batch divided by k. CPU time is
 * shown too because this machine is shared: when others are busy, wall time grows but
 * our own CPU time does not (much).
 */
function medianMs(fn: () => unknown): { wall: number; cpu: number; best: number } {
  fn();
  let k = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < k; i++) fn();
    if (performance.now() - t >= 2 || k >= 1 << 20) break;
    k *= 2;
  }
  const walls: number[] = [];
  const cpus: number[] = [];
  const started = performance.now();
  while (walls.length < 7 || (walls.length < 200 && performance.now() - started < 500)) {
    const c = process.cpuUsage();
    const t = performance.now();
    for (let i = 0; i < k; i++) fn();
    walls.push((performance.now() - t) / k);
    const used = process.cpuUsage(c);
    cpus.push((used.user + used.system) / 1000 / k);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return { wall: median(walls), cpu: median(cpus), best: Math.min(...walls) };
}

function fmt(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(4);
}

const expectedPath = path.join(sharedDir, "expected.json");
if (!existsSync(expectedPath)) {
  console.error(`bench/pb.ts: ${expectedPath} not found; set KITH_SHARED_DIR to the shared pb folder`);
  process.exit(2);
}
const expected: Record<string, Reference> = JSON.parse(readFileSync(expectedPath, "utf8"));

console.log(`PB rules benchmark — node ${process.version}, ${new Date().toISOString()}`);
console.log(
  `times in ms per call: median of batches (best = fastest batch, the least disturbed by other work); ratio = pabutools / our median; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}\n`,
);
const header = [
  "instance",
  "step",
  "ours wall",
  "ours cpu",
  "ours best",
  "pabutools",
  "ratio wall",
  "ratio cpu",
];
const rows: string[][] = [];
for (const name of INSTANCES) {
  const file = path.join(sharedDir, "instances", `${name}.pb`);
  if (!existsSync(file)) {
    console.log(`(skipping ${name}: file not found)`);
    continue;
  }
  const text = readFileSync(file, "utf8");
  const ref = expected[name];
  const parse = medianMs(() => parsePabulib(text));
  const election = parsePabulib(text);
  const merge = medianMs(() => buildProfile(election));
  const profile = buildProfile(election);
  const refParse = ref.pabutools_parse_seconds * 1000;
  const ratio = (theirs: number, ours: number, digits: number) =>
    `${(theirs / Math.max(ours, 0.001)).toFixed(digits)}x`;
  const row = (
    step: string,
    ours: { wall: number; cpu: number; best: number },
    theirs: number | null,
    digits = 0,
  ) =>
    rows.push([
      name,
      step,
      fmt(ours.wall),
      fmt(ours.cpu),
      fmt(ours.best),
      theirs === null ? "-" : fmt(theirs),
      theirs === null ? "-" : ratio(theirs, ours.wall, digits),
      theirs === null ? "-" : ratio(theirs, ours.cpu, digits),
    ]);
  row("parse", parse, refParse, 1);
  row(`merge ballots (${profile.ballots.length} distinct)`, merge, null);
  // No rule keeps anything between calls (MES builds its workspace on every call; it used
  // to cache it per profile, which flattered repeated calls), so each figure is what one
  // count in the application costs.
  for (const [rule, run] of Object.entries(RULES))
    row(
      rule,
      medianMs(() => run(profile)),
      ref.pabutools_seconds[rule] * 1000,
    );
}
const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
const line = (r: string[]) =>
  r.map((v, c) => (c >= 2 ? v.padStart(widths[c]) : v.padEnd(widths[c]))).join("  ");
console.log(line(header));
console.log(widths.map((w) => "-".repeat(w)).join("  "));
for (const r of rows) console.log(line(r));
console.log(
  `\nload average at the end ${loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} (the machine is shared: other work running at the same time slows wall times)`,
);
