// Prints: time for first-run set-up (create, migrate, load reference data, seed the demo)
// and time to first page on an already-initialised PGlite database, with the server's CPU
// time at that moment (user + system, from /proc on Linux): on a busy machine the wall time
// mostly measures the queue for a core, the CPU time what the start-up itself costs.
// Run: npx node bench/start.ts [runs] [first port, 3901 by default]
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";

const runs = Number(process.argv[2] ?? 3);
const firstPort = Number(process.argv[3] ?? 3901);
const root = path.resolve(import.meta.dirname, "..");
const node = path.join(root, "node_modules", ".bin", "node");

type Start = { wall: number; cpu: number | null };

/** Seconds of CPU a process has used so far, or null where /proc does not exist. */
function cpuSeconds(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function timeToFirstPage(dataDir: string, port: number): Promise<Start> {
  const started = performance.now();
  const child = spawn(node, [path.join(root, "src", "main.ts")], {
    env: { ...process.env, DATABASE_URL: "", KITH_DATA_DIR: dataDir, PORT: String(port) },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
      const ok = await fetch(`http://127.0.0.1:${port}/sign-in`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) return { wall: (performance.now() - started) / 1000, cpu: cpuSeconds(child.pid ?? 0) };
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

const cpu = (start: Start) => (start.cpu === null ? "" : ` (CPU ${start.cpu.toFixed(2)} s)`);
const dir = await mkdtemp(path.join(tmpdir(), "kith-bench-start-"));
const dataDir = path.join(dir, "pglite");
try {
  const load = loadavg().map((n) => n.toFixed(2));
  const firstRun = await timeToFirstPage(dataDir, firstPort);
  const warm: Start[] = [];
  for (let i = 0; i < runs; i++) warm.push(await timeToFirstPage(dataDir, firstPort + 1 + i));
  warm.sort((a, b) => a.wall - b.wall);
  const median = warm[Math.floor(warm.length / 2)];
  console.log(
    `Kith start-up on PGlite (wall time, including Node start; load average ${load.join(" ")} at start):`,
  );
  console.log(
    `  first run (create, migrate, reference data, demo seed): ${firstRun.wall.toFixed(2)} s${cpu(firstRun)}`,
  );
  console.log(
    `  time to first page, initialised database: median ${median.wall.toFixed(2)} s${cpu(median)}, min ${warm[0].wall.toFixed(2)} s over ${runs} runs`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
