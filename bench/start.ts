// Prints: time for first-run set-up (create, migrate, load reference data, seed the demo)
// and time to first page on an already-initialised PGlite database.
// Run: npx node bench/start.ts [runs]
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

const runs = Number(process.argv[2] ?? 3);
const root = path.resolve(import.meta.dirname, "..");
const node = path.join(root, "node_modules", ".bin", "node");

async function timeToFirstPage(dataDir: string, port: number): Promise<number> {
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
      if (ok) return performance.now() - started;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

const dir = await mkdtemp(path.join(tmpdir(), "kith-bench-start-"));
const dataDir = path.join(dir, "pglite");
try {
  const firstRun = await timeToFirstPage(dataDir, 3901);
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) warm.push(await timeToFirstPage(dataDir, 3902 + i));
  warm.sort((a, b) => a - b);
  console.log("Kith start-up on PGlite (wall time, including Node start):");
  console.log(`  first run (create, migrate, reference data, demo seed): ${(firstRun / 1000).toFixed(2)} s`);
  console.log(
    `  time to first page, initialised database: median ${(warm[Math.floor(warm.length / 2)] / 1000).toFixed(2)} s, min ${(warm[0] / 1000).toFixed(2)} s over ${runs} runs`,
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
