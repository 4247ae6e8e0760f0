import { spawn } from "node:child_process";
import { loadavg } from "node:os";
import path from "node:path";
import { projectRoot } from "../src/platform/config/config.ts";
import type { Database } from "../src/platform/db/database.ts";
import { newId } from "../src/platform/db/ids.ts";
import { migrate } from "../src/platform/db/migrate.ts";
import { openMemoryPglite } from "../src/platform/db/open-pglite.ts";
import { openPostgres } from "../src/platform/db/open-postgres.ts";
import type { JobDefinition } from "../src/platform/jobs/jobs.ts";
import { startJobRunner } from "../src/platform/jobs/runner.ts";

// Job throughput: N queued jobs drained by the background runner in one process and in two
// processes on one PostgreSQL database (and in-process on PGlite). Each job does one small
// write, so the figure is the queue's own cost: claim, run, finish.
//   npx node bench/jobs.ts [JOBS] [WORKERS_PER_PROCESS]
// SERVER_URL (default postgres://postgres@127.0.0.1:5432/postgres) is where a scratch database is made.

const benchJob: JobDefinition = {
  name: "bench.touch",
  async run({ database, payload }) {
    await database.query("UPDATE job SET last_error = $2 WHERE id = $1", [payload.id, "touched"]);
  },
};

const node = path.join(projectRoot, "node_modules", ".bin", "node");
const serverUrl = process.env.SERVER_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** A child process: runs the runner until killed. */
async function worker(url: string, workers: number): Promise<void> {
  const database = await openPostgres(url);
  const runner = startJobRunner({ database, jobs: [benchJob], workers, pollMs: 20 });
  process.on("SIGTERM", async () => {
    await runner.stop(5_000);
    await database.close();
    process.exit(0);
  });
  console.log("ready");
}

async function enqueue(database: Database, count: number): Promise<void> {
  // One statement, payload included: the runners are already polling.
  await database.query(
    `INSERT INTO job (id, name, payload, run_at, status, attempts)
     SELECT id, 'bench.touch', jsonb_build_object('id', id), $1, 'pending', 0
       FROM (SELECT gen_random_uuid() AS id FROM generate_series(1, $2)) AS ids`,
    [new Date("2000-01-01T00:00:00Z"), count],
  );
}

async function drained(database: Database, count: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const [row] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM job WHERE status = 'done' AND last_error = 'touched'",
    );
    if (row.n >= count) return (performance.now() - started) / 1000;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function onPostgres(processes: number, count: number, workers: number): Promise<void> {
  const name = `kith_bench_jobs_${newId().replaceAll("-", "").slice(0, 16)}`;
  const admin = await openPostgres(serverUrl);
  await admin.query(`CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  const database = await openPostgres(url);
  try {
    await migrate(database);
    const children = Array.from({ length: processes }, () =>
      spawn(node, [import.meta.filename, "worker", url, String(workers)], {
        stdio: ["ignore", "pipe", "inherit"],
      }),
    );
    // Timed from when every process is up, so start-up is not counted.
    await Promise.all(children.map((child) => new Promise((resolve) => child.stdout?.once("data", resolve))));
    await enqueue(database, count);
    const seconds = await drained(database, count);
    await Promise.all(
      children.map((child) => new Promise((resolve) => child.once("exit", resolve).kill("SIGTERM"))),
    );
    const [twice] = await database.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM job WHERE attempts <> 1",
    );
    console.log(
      `PostgreSQL, ${processes} process(es) × ${workers} workers: ${count} jobs in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} jobs/s (claimed more than once: ${twice.n})`,
    );
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  }
}

async function onPglite(count: number, workers: number): Promise<void> {
  const database = await openMemoryPglite();
  await migrate(database);
  await enqueue(database, count);
  const runner = startJobRunner({ database, jobs: [benchJob], workers, pollMs: 20 });
  const seconds = await drained(database, count);
  await runner.stop(5_000);
  await database.close();
  console.log(
    `PGlite, in process × ${workers} workers: ${count} jobs in ${seconds.toFixed(2)} s = ${(count / seconds).toFixed(0)} jobs/s`,
  );
}

if (process.argv[2] === "worker") {
  await worker(process.argv[3] ?? "", Number(process.argv[4] ?? 2));
} else {
  const count = Number(process.argv[2] ?? 2000);
  const workers = Number(process.argv[3] ?? 2);
  console.log(
    `load average before: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
  await onPostgres(1, count, workers);
  await onPostgres(2, count, workers);
  await onPglite(count, workers);
  console.log(
    `load average after: ${loadavg()
      .map((n) => n.toFixed(2))
      .join(" ")}`,
  );
}
