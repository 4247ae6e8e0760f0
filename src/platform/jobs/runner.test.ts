import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation, testNow } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import { enqueueJob, type JobDefinition } from "./jobs.ts";
import { startJobRunner } from "./runner.ts";

// These run real timers, on a clock pinned to testNow that moves with real time, so the
// lease really runs out while a job works, and the test does not depend on today's date.

let database: Database;
let started = 0;
const clock = () => new Date(testNow.getTime() + (Date.now() - started));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("Timed out waiting");
    await sleep(20);
  }
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => {
  await database.query("DELETE FROM job");
  started = Date.now();
});

describe("the background job runner", () => {
  it("renews a long job's lease, so a second process never claims it while it runs", async () => {
    const runs: number[] = [];
    const jobs: JobDefinition[] = [
      {
        name: "test.long",
        run: async () => {
          runs.push(Date.now());
          await sleep(3_000); // three times the lease
        },
      },
    ];
    await enqueueJob(database.db, { name: "test.long", runAt: testNow });
    const options = { database, jobs, clock, leaseMs: 1_000, pollMs: 20, workers: 1 };
    const first = startJobRunner(options);
    await until(() => runs.length === 1);
    const second = startJobRunner(options);
    await until(async () => {
      const [row] = await database.query<{ status: string }>("SELECT status FROM job");
      return row.status === "done";
    });
    await Promise.all([first.stop(1_000), second.stop(1_000)]);
    expect(runs).toHaveLength(1);
    const [row] = await database.query<{ attempts: number }>("SELECT attempts FROM job");
    expect(row.attempts).toBe(1);
  });

  it("runs jobs in parallel up to the number of workers, and reports each run", async () => {
    let running = 0;
    let most = 0;
    const ran: string[] = [];
    const alive = new Set<number>();
    const jobs: JobDefinition[] = [
      {
        name: "test.parallel",
        run: async () => {
          running++;
          most = Math.max(most, running);
          await sleep(300);
          running--;
        },
      },
    ];
    for (let i = 0; i < 8; i++) {
      await enqueueJob(database.db, { name: "test.parallel", runAt: testNow, dedupeKey: `parallel:${i}` });
    }
    const runner = startJobRunner({
      database,
      jobs,
      clock,
      pollMs: 20,
      workers: 4,
      onJobRan: ({ name }) => ran.push(name),
      onWorkerAlive: ({ worker }) => alive.add(worker),
    });
    await until(() => ran.length === 8);
    await runner.stop(1_000);
    expect(most).toBe(4);
    expect([...alive].sort()).toEqual([0, 1, 2, 3]);
  });

  it("queues the daily jobs once per London day however many passes run, across midnight BST", async () => {
    const organisation = await makeOrganisation(database.db);
    const runs: string[] = [];
    const jobs: JobDefinition[] = [
      { name: "test.daily", daily: true, run: async ({ now }) => void runs.push(now.toISOString()) },
    ];
    // 23:59 BST on 30 June, then 00:01 BST on 1 July (still 30 June in UTC).
    let now = new Date("2026-06-30T22:59:00Z");
    let passes = 0;
    const runner = startJobRunner({
      database,
      jobs,
      clock: () => now,
      pollMs: 10,
      onWorkerAlive: () => passes++,
    });
    await until(() => runs.length === 1 && passes > 20);
    now = new Date("2026-06-30T23:01:00Z");
    passes = 0;
    await until(() => runs.length === 2 && passes > 20);
    await runner.stop(1_000);
    expect(runs).toEqual(["2026-06-30T22:59:00.000Z", "2026-06-30T23:01:00.000Z"]);
    const keys = await database.query<{ dedupe_key: string }>(
      "SELECT dedupe_key FROM job ORDER BY dedupe_key",
    );
    expect(keys.map((row) => row.dedupe_key)).toEqual([
      `test.daily:${organisation.id}:2026-06-30`,
      `test.daily:${organisation.id}:2026-07-01`,
    ]);
  });

  it("records a failure through its hook and waits for a running job when stopped", async () => {
    const failures: string[] = [];
    let finished = false;
    const jobs: JobDefinition[] = [
      {
        name: "test.slow-then-fail",
        run: async () => {
          await sleep(400);
          finished = true;
          throw new Error("No such tenancy");
        },
      },
    ];
    await enqueueJob(database.db, { name: "test.slow-then-fail", runAt: testNow });
    let claimed = false;
    const runner = startJobRunner({
      database,
      jobs,
      clock,
      pollMs: 20,
      onJobFailed: ({ error, gaveUp }) => failures.push(`${(error as Error).message}:${gaveUp}`),
    });
    await until(async () => {
      const [row] = await database.query<{ status: string }>("SELECT status FROM job");
      claimed = row.status === "running";
      return claimed;
    });
    await runner.stop(5_000);
    expect(finished).toBe(true);
    expect(failures).toEqual(["No such tenancy:false"]);
    const [row] = await database.query<{ status: string; last_error: string }>(
      "SELECT status, last_error FROM job",
    );
    expect(row).toEqual({ status: "pending", last_error: "No such tenancy" });
  });
});
