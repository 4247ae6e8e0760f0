import type { Database } from "../db/database.ts";

// The queue's rules, one statement each, shared by the inline driver (runDueJobs, tests)
// and the background runner. Every time comes from the caller, never now() in SQL, so a
// test's fixed clock decides what is due and when a lease runs out.

export type ClaimedJob = {
  id: string;
  organisationId: string | null;
  name: string;
  payload: Record<string, unknown>;
  /** Attempts including this one. */
  attempts: number;
};

/** After this many failed attempts a job is marked failed and left for an operator. */
export const maxAttempts = 5;

/** Back-off before the next attempt: 1, 4, 9, 16 minutes. */
export function retryDelayMs(attempts: number): number {
  return attempts ** 2 * 60_000;
}

/**
 * Claims the oldest due job for `owner` until `now + leaseMs`. One statement: FOR UPDATE
 * SKIP LOCKED lets several workers and processes claim at once without taking the same row,
 * and a running job whose lease ran out (its worker died) is due again.
 */
export async function claimNextJob(
  database: Database,
  now: Date,
  owner: string,
  leaseMs: number,
): Promise<ClaimedJob | null> {
  const [row] = await database.query<{
    id: string;
    organisation_id: string | null;
    name: string;
    payload: Record<string, unknown>;
    attempts: number;
  }>(
    `UPDATE job SET status = 'running', attempts = attempts + 1, locked_until = $2, claimed_by = $3
      WHERE id = (
        SELECT id FROM job
         WHERE run_at <= $1 AND (status = 'pending' OR (status = 'running' AND locked_until <= $1))
         ORDER BY run_at
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
      RETURNING id, organisation_id, name, payload, attempts`,
    [now, new Date(now.getTime() + leaseMs), owner],
  );
  if (!row) return null;
  return {
    id: row.id,
    organisationId: row.organisation_id,
    name: row.name,
    payload: row.payload,
    attempts: row.attempts,
  };
}

/** Extends a running job's lease. False when the lease is no longer this owner's. */
export async function renewLease(
  database: Database,
  jobId: string,
  owner: string,
  until: Date,
): Promise<boolean> {
  const rows = await database.query(
    `UPDATE job SET locked_until = $3 WHERE id = $1 AND claimed_by = $2 AND status = 'running' RETURNING id`,
    [jobId, owner, until],
  );
  return rows.length > 0;
}

/** Marks a job done; only its current owner may. */
export async function finishJob(database: Database, jobId: string, owner: string, now: Date): Promise<void> {
  await database.query(
    `UPDATE job SET status = 'done', finished_at = $3, locked_until = NULL
      WHERE id = $1 AND claimed_by = $2 AND status = 'running'`,
    [jobId, owner, now],
  );
}

/**
 * Records a failed attempt: the job is due again after its back-off, or, after the last
 * attempt, failed for good. Returns whether it gave up.
 */
export async function failJob(
  database: Database,
  claimed: ClaimedJob,
  owner: string,
  now: Date,
  error: unknown,
): Promise<{ gaveUp: boolean }> {
  const gaveUp = claimed.attempts >= maxAttempts;
  await database.query(
    `UPDATE job SET status = $3, last_error = $4, run_at = $5, finished_at = $6, locked_until = NULL
      WHERE id = $1 AND claimed_by = $2 AND status = 'running'`,
    [
      claimed.id,
      owner,
      gaveUp ? "failed" : "pending",
      error instanceof Error ? error.message : String(error),
      gaveUp ? now : new Date(now.getTime() + retryDelayMs(claimed.attempts)),
      gaveUp ? now : null,
    ],
  );
  return { gaveUp };
}

/**
 * Deletes done and failed jobs that finished before `before`. A job's dedupe key goes with
 * it, so the retention period must outlast any window in which the same key could be queued
 * again (daily keys carry their date, so they cannot).
 */
export async function purgeFinishedJobs(database: Database, before: Date): Promise<number> {
  const rows = await database.query(
    `DELETE FROM job WHERE status IN ('done', 'failed') AND finished_at < $1 RETURNING id`,
    [before],
  );
  return rows.length;
}
