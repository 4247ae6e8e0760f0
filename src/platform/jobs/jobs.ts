import { and, eq, lte, or, sql } from "drizzle-orm";
import type { Database, Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { job } from "../db/platform-schema.ts";
import { recordJobRun } from "../observability/metrics.ts";

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

const lockMs = 5 * 60 * 1000;
const maxAttempts = 5;

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

/**
 * Runs due jobs. Each job is claimed with FOR UPDATE SKIP LOCKED so several
 * server processes can share the queue without running a job twice. Tests call
 * this directly with a fixed clock (the inline driver); the server calls it on a timer.
 */
export async function runDueJobs(
  database: Database,
  definitions: JobDefinition[],
  now: Date,
  limit = 50,
): Promise<number> {
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  let ran = 0;
  for (; ran < limit; ran++) {
    const claimed = await database.db.transaction(async (tx) => {
      const [next] = await tx
        .select()
        .from(job)
        .where(
          and(
            lte(job.runAt, now),
            or(eq(job.status, "pending"), and(eq(job.status, "running"), lte(job.lockedUntil, now))),
          ),
        )
        .orderBy(job.runAt)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!next) return null;
      await tx
        .update(job)
        .set({
          status: "running",
          attempts: sql`${job.attempts} + 1`,
          lockedUntil: new Date(now.getTime() + lockMs),
        })
        .where(eq(job.id, next.id));
      return next;
    });
    if (!claimed) break;
    const definition = byName.get(claimed.name);
    try {
      if (!definition) throw new Error(`No job called ${claimed.name} is registered.`);
      await definition.run({
        database,
        now,
        organisationId: claimed.organisationId,
        payload: claimed.payload,
      });
      await database.db
        .update(job)
        .set({ status: "done", finishedAt: now, lockedUntil: null })
        .where(eq(job.id, claimed.id));
      recordJobRun(claimed.name, "done");
    } catch (error) {
      recordJobRun(claimed.name, "failed");
      const failed = claimed.attempts + 1 >= maxAttempts;
      await database.db
        .update(job)
        .set({
          status: failed ? "failed" : "pending",
          lastError: error instanceof Error ? error.message : String(error),
          // Back off: 1, 4, 9, 16 minutes.
          runAt: new Date(now.getTime() + (claimed.attempts + 1) ** 2 * 60_000),
          lockedUntil: null,
        })
        .where(eq(job.id, claimed.id));
    }
  }
  return ran;
}

/** Queues today's run of every daily job for every organisation (idempotent per day). */
export async function scheduleDailyJobs(
  database: Database,
  definitions: JobDefinition[],
  now: Date,
): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  const organisations = await database.query<{ id: string }>(
    "SELECT id FROM organisation WHERE kind <> 'platform'",
  );
  for (const definition of definitions.filter((d) => d.daily)) {
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
