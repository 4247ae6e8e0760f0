import { londonDay } from "../dates/london.ts";
import type { Database } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import {
  defaultLeaseMs,
  type JobDefinition,
  type JobHooks,
  runClaimedJob,
  scheduleDailyJobs,
} from "./jobs.ts";
import { claimNextJob, purgeFinishedJobs, renewLease } from "./queue.ts";

export type JobRunnerOptions = JobHooks & {
  database: Database;
  jobs: JobDefinition[];
  clock?: () => Date;
  /** Jobs run at once in this process. */
  workers?: number;
  /** How long an idle worker waits before looking for due jobs again. */
  pollMs?: number;
  /** A claim's length; renewed every third of it while the job runs. */
  leaseMs?: number;
  /** Done and failed jobs older than this are deleted. */
  retentionMs?: number;
  /** Each worker calls this on every pass, so readiness can tell a stuck runner from a live one. */
  onWorkerAlive?: (event: { worker: number; at: Date }) => void;
  /** A failure of the runner itself (database unreachable), not of a job. */
  onError?: (error: unknown) => void;
};

export type JobRunner = {
  /** Stops claiming, waits up to `timeoutMs` for running jobs, then stops renewing their leases. */
  stop(timeoutMs: number): Promise<void>;
};

const purgeEveryMs = 60 * 60 * 1000;

/**
 * The background runner: `workers` loops that claim and run due jobs, and a housekeeping loop
 * that queues the daily jobs once per London day and purges old finished jobs. Several
 * processes may run it against one database: claims never overlap, and daily jobs are
 * deduplicated by key.
 */
export function startJobRunner(options: JobRunnerOptions): JobRunner {
  const { database, jobs } = options;
  const clock = options.clock ?? (() => new Date());
  const pollMs = options.pollMs ?? 5_000;
  const leaseMs = options.leaseMs ?? defaultLeaseMs;
  const retentionMs = options.retentionMs ?? 30 * 24 * 60 * 60 * 1000;
  const onError = options.onError ?? ((error) => console.error("Background jobs failed:", error));
  const byName = new Map(jobs.map((definition) => [definition.name, definition]));

  let stopping = false;
  const wakers = new Set<() => void>();
  const heartbeats = new Set<ReturnType<typeof setInterval>>();
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopping) return resolve();
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      wakers.add(wake);
    });

  async function work(worker: number): Promise<void> {
    const owner = newId();
    while (!stopping) {
      try {
        options.onWorkerAlive?.({ worker, at: clock() });
        const claimed = await claimNextJob(database, clock(), owner, leaseMs);
        if (!claimed) {
          await pause(pollMs);
          continue;
        }
        const heartbeat = setInterval(() => {
          renewLease(database, claimed.id, owner, new Date(clock().getTime() + leaseMs)).catch(onError);
        }, leaseMs / 3);
        heartbeats.add(heartbeat);
        try {
          await runClaimedJob(database, byName, claimed, owner, clock(), clock, options);
        } finally {
          clearInterval(heartbeat);
          heartbeats.delete(heartbeat);
        }
      } catch (error) {
        onError(error);
        await pause(pollMs);
      }
    }
  }

  async function housekeeping(): Promise<void> {
    let scheduledDay = "";
    let purgedAt = Number.NEGATIVE_INFINITY;
    while (!stopping) {
      const now = clock();
      try {
        // Once per London day per process; the dedupe key makes the other processes' inserts no-ops.
        if (londonDay(now) !== scheduledDay) {
          await scheduleDailyJobs(database, jobs, now);
          scheduledDay = londonDay(now);
        }
        if (now.getTime() - purgedAt >= purgeEveryMs) {
          await purgeFinishedJobs(database, new Date(now.getTime() - retentionMs));
          purgedAt = now.getTime();
        }
      } catch (error) {
        onError(error);
      }
      await pause(pollMs);
    }
  }

  const loops = [
    housekeeping(),
    ...Array.from({ length: Math.max(1, options.workers ?? 2) }, (_, worker) => work(worker)),
  ];

  return {
    async stop(timeoutMs) {
      stopping = true;
      for (const wake of [...wakers]) wake();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        Promise.all(loops),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      // A job still running past the limit loses its lease, so another process may take it over.
      for (const heartbeat of heartbeats) clearInterval(heartbeat);
      heartbeats.clear();
    },
  };
}
