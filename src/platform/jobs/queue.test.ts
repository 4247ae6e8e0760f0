import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../../test/database.ts";
import { makeOrganisation } from "../../../test/fixtures.ts";
import type { Database } from "../db/database.ts";
import { enqueueJob, type JobDefinition, runDueJobs, scheduleDailyJobs } from "./jobs.ts";
import { claimNextJob, finishJob, maxAttempts, purgeFinishedJobs } from "./queue.ts";

let database: Database;
const at = (iso: string) => new Date(iso);
const minutes = (n: number) => n * 60_000;

async function jobRows(name: string) {
  return database.query<{ status: string; attempts: number; last_error: string | null; dedupe_key: string }>(
    "SELECT status, attempts, last_error, dedupe_key FROM job WHERE name = $1 ORDER BY dedupe_key",
    [name],
  );
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());
beforeEach(async () => {
  await database.query("DELETE FROM job");
});

describe("the job queue", () => {
  it("queues a job with a dedupe key once, and runs it once", async () => {
    const runs: string[] = [];
    const jobs: JobDefinition[] = [
      { name: "test.once", run: async ({ payload }) => void runs.push(String(payload.n)) },
    ];
    const start = at("2026-06-15T10:00:00Z");
    const queue = (n: number) =>
      enqueueJob(database.db, { name: "test.once", runAt: start, payload: { n }, dedupeKey: "once:1" });
    await queue(1);
    await queue(2);
    expect(await runDueJobs(database, jobs, start)).toBe(1);
    await queue(3);
    expect(await runDueJobs(database, jobs, start)).toBe(0);
    expect(runs).toEqual(["1"]);
  });

  it("retries a failing job after 1, 4, 9 and 16 minutes, then records it as failed with its error", async () => {
    const jobs: JobDefinition[] = [
      {
        name: "test.fails",
        run: async () => {
          throw new Error("The landlord's API is down");
        },
      },
    ];
    let now = at("2026-06-15T10:00:00Z").getTime();
    await enqueueJob(database.db, { name: "test.fails", runAt: new Date(now) });
    expect(await runDueJobs(database, jobs, new Date(now))).toBe(1);
    for (const delay of [1, 4, 9, 16]) {
      expect(await runDueJobs(database, jobs, new Date(now + minutes(delay) - 1000))).toBe(0);
      now += minutes(delay);
      expect(await runDueJobs(database, jobs, new Date(now))).toBe(1);
    }
    expect(await jobRows("test.fails")).toEqual([
      expect.objectContaining({
        status: "failed",
        attempts: maxAttempts,
        last_error: "The landlord's API is down",
      }),
    ]);
    expect(await runDueJobs(database, jobs, new Date(now + minutes(60 * 24)))).toBe(0);
  });

  it("does not let a second worker claim a job while its lease lasts, and takes it over after", async () => {
    const start = at("2026-06-15T10:00:00Z");
    await enqueueJob(database.db, { name: "test.lease", runAt: start });
    const first = await claimNextJob(database, start, "00000000-0000-7000-8000-000000000001", 60_000);
    expect(first?.attempts).toBe(1);
    expect(
      await claimNextJob(
        database,
        new Date(start.getTime() + 59_000),
        "00000000-0000-7000-8000-000000000002",
        60_000,
      ),
    ).toBeNull();
    const second = await claimNextJob(
      database,
      new Date(start.getTime() + 60_000),
      "00000000-0000-7000-8000-000000000002",
      60_000,
    );
    expect(second).toMatchObject({ id: first?.id, attempts: 2 });
    // The first worker lost its lease: its late "done" must not close the second worker's run.
    await finishJob(database, second?.id ?? "", "00000000-0000-7000-8000-000000000001", start);
    expect((await jobRows("test.lease"))[0].status).toBe("running");
  });

  it("purges done and failed jobs older than the retention period, and keeps the rest", async () => {
    const now = at("2026-06-15T10:00:00Z");
    const old = new Date(now.getTime() - minutes(60 * 24 * 31));
    for (const [key, status, finished] of [
      ["old-done", "done", old],
      ["old-failed", "failed", old],
      ["new-done", "done", now],
      ["pending", "pending", null],
    ] as const) {
      await database.query(
        `INSERT INTO job (id, name, payload, run_at, status, attempts, dedupe_key, finished_at)
         VALUES (gen_random_uuid(), 'test.purge', '{}', $1, $2, 1, $3, $4)`,
        [old, status, key, finished],
      );
    }
    expect(await purgeFinishedJobs(database, new Date(now.getTime() - minutes(60 * 24 * 30)))).toBe(2);
    expect((await jobRows("test.purge")).map((row) => row.dedupe_key)).toEqual(["new-done", "pending"]);
  });

  it("queues a daily job once per London day, across midnight in summer time and in winter", async () => {
    const organisation = await makeOrganisation(database.db);
    const jobs: JobDefinition[] = [{ name: "test.daily", daily: true, run: async () => {} }];
    for (const moment of [
      "2026-06-30T22:59:00Z", // 23:59 BST on 30 June
      "2026-06-30T23:00:00Z", // 00:00 BST on 1 July: a new London day, still 30 June in UTC
      "2026-07-01T12:00:00Z",
      "2026-07-01T22:59:59Z",
      "2026-12-31T23:59:00Z", // 23:59 GMT on 31 December
      "2027-01-01T00:00:00Z",
      "2027-01-01T23:00:00Z",
    ]) {
      await scheduleDailyJobs(database, jobs, at(moment));
    }
    expect((await jobRows("test.daily")).map((row) => row.dedupe_key)).toEqual(
      ["2026-06-30", "2026-07-01", "2026-12-31", "2027-01-01"].map(
        (day) => `test.daily:${organisation.id}:${day}`,
      ),
    );
  });
});
