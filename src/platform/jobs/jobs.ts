import { londonDay } from "../dates/london.ts";
import type { Database, Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { job } from "../db/platform-schema.ts";
import { recordJobRun } from "../observability/metrics.ts";
import { type ClaimedJob, claimNextJob, failJob, finishJob } from "./queue.ts";

/** How long a claim lasts before another worker may take the job; runners renew it while a job runs. */
export const defaultLeaseMs = 60_000;

export type JobContext = {
  database: Database;
  now: Date;
  organisationId: string | null;
  payload: Record<string, unknown>;
};

export type JobDefinition = {
  name: string;
  run: (context: JobContext) => Promise<void>;
  /** Recurring jobs run once a day for each organisation (reminders, overdue alerts, retention). */
  daily?: boolean;
};

/** Queues a job. A dedupe key makes it idempotent: the same reminder is never queued twice. */
export async function enqueueJob(
  db: Db,
  input: {
    name: string;
    runAt: Date;
    organisationId?: string | null;
    payload?: Record<string, unknown>;
    dedupeKey?: string;
  },
): Promise<void> {
  await db
    .insert(job)
    .values({
      id: newId(),
      organisationId: input.organisationId ?? null,
      name: input.name,
      payload: input.payload ?? {},
      runAt: input.runAt,
      status: "pending",
      attempts: 0,
      dedupeKey: input.dedupeKey ?? null,
    })
    .onConflictDoNothing();
}

/** Hooks for metrics and logs: the runner and the inline driver call them after each attempt. */
export type JobHooks = {
  onJobRan?: (event: { name: string; organisationId: string | null; ms: number }) => void;
  onJobFailed?: (event: {
    name: string;
    organisationId: string | null;
    error: unknown;
    gaveUp: boolean;
  }) => void;
};

/**
 * Runs one claimed job and records the outcome: done, or a failed attempt with its error
 * (retried after a back-off, failed for good after the last attempt). `finishedAt` is asked
 * for after the run, so the runner records the real end time and tests their fixed one.
 */
export async function runClaimedJob(
  database: Database,
  definitions: ReadonlyMap<string, JobDefinition>,
  claimed: ClaimedJob,
  owner: string,
  now: Date,
  finishedAt: () => Date,
  hooks: JobHooks = {},
): Promise<void> {
  const started = performance.now();
  const definition = definitions.get(claimed.name);
  try {
    if (!definition) throw new Error(`No job called ${claimed.name} is registered.`);
    await definition.run({
      database,
      now,
      organisationId: claimed.organisationId,
      payload: claimed.payload,
    });
  } catch (error) {
    const { gaveUp } = await failJob(database, claimed, owner, finishedAt(), error);
    // Metrics count every run in this process, whichever driver (runner or inline) ran it.
    recordJobRun(claimed.name, "failed");
    hooks.onJobFailed?.({ name: claimed.name, organisationId: claimed.organisationId, error, gaveUp });
    return;
  }
  await finishJob(database, claimed.id, owner, finishedAt());
  recordJobRun(claimed.name, "done");
  hooks.onJobRan?.({
    name: claimed.name,
    organisationId: claimed.organisationId,
    ms: performance.now() - started,
  });
}

/**
 * Runs due jobs one after another with a fixed clock: the inline driver that tests call.
 * It claims exactly as the background runner does (see queue.ts), so the two can share a queue.
 */
export async function runDueJobs(
  database: Database,
  definitions: JobDefinition[],
  now: Date,
  limit = 50,
): Promise<number> {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const owner = newId();
  let ran = 0;
  for (; ran < limit; ran++) {
    const claimed = await claimNextJob(database, now, owner, defaultLeaseMs);
    if (!claimed) break;
    await runClaimedJob(database, byName, claimed, owner, now, () => now);
  }
  return ran;
}

/**
 * Queues today's run of every daily job for every organisation. "Today" is the date in
 * Europe/London, so a daily job runs once per UK day across the BST and GMT changes, and
 * the dedupe key makes a second call on the same day (another process, a restart) a no-op.
 */
export async function scheduleDailyJobs(
  database: Database,
  definitions: JobDefinition[],
  now: Date,
): Promise<void> {
  const day = londonDay(now);
  const daily = definitions.filter((definition) => definition.daily);
  if (daily.length === 0) return;
  const organisations = await database.query<{ id: string }>(
    "SELECT id FROM organisation WHERE kind <> 'platform'",
  );
  for (const definition of daily) {
    for (const { id } of organisations) {
      await enqueueJob(database.db, {
        name: definition.name,
        runAt: now,
        organisationId: id,
        dedupeKey: `${definition.name}:${id}:${day}`,
      });
    }
  }
}
