import type { Database } from "../db/database.ts";
import { composeMail, type QueuedMail } from "./compose.ts";
import { withBrands } from "./mail-brand.ts";
import type { MailTransport } from "./transport.ts";

export type DeliveryOptions = {
  /** Who holds a claimed message: unique per process (host, pid and a random part). */
  workerId: string;
  /** The sender address for organisations that have not set their own (KITH_MAIL_FROM). */
  defaultSender: string;
  batchSize?: number;
  /** Attempts before a message is given up as "failed" (shown to admins, who can resend). */
  maxAttempts?: number;
  /** How long a claim lasts. Longer than the worst batch: SMTP timeouts are at most a minute or two. */
  leaseMs?: number;
  /** Messages of one batch in flight at once (the SMTP pool's connections). */
  concurrency?: number;
};

export type DeliveryRun = {
  claimed: number;
  sent: number;
  retrying: number;
  failed: number;
  abandoned: number;
};

export const defaultMaxAttempts = 5;
const defaultLeaseMs = 15 * 60 * 1000;

/** Wait before the next attempt: 1, 5, 25 minutes, then 2 hours at most. */
export function retryDelayMs(attemptsSoFar: number): number {
  return Math.min(2 * 60 * 60 * 1000, 60_000 * 5 ** Math.max(0, attemptsSoFar - 1));
}

export const uncertainDelivery =
  "Delivery uncertain: the worker stopped while sending, so it may or may not have arrived. Kith never sends twice by itself; resend if the recipient did not get it.";

/** A short, readable reason from an SMTP or network error, e.g. "550 No such user here". */
export function describeSendError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  const smtp = error as Error & { responseCode?: number; response?: string; code?: string };
  const text = smtp.response ?? (smtp.code ? `${smtp.code}: ${error.message}` : error.message);
  const withCode =
    smtp.responseCode && !text.startsWith(String(smtp.responseCode)) ? `${smtp.responseCode} ${text}` : text;
  return withCode.slice(0, 500);
}

type ClaimedRow = {
  organisation_id: string;
  id: string;
  recipient: string;
  subject: string;
  body: string;
  reason: string | null;
  attempts: number;
  organisation_name: string;
  mail_sender_name: string | null;
  mail_sender_address: string | null;
};

// The organisations with mail due, oldest waiting first. Each claim below then names one
// organisation, so on Citus (outbound_message is distributed by organisation_id) it is a router
// query: Citus refuses FOR UPDATE SKIP LOCKED in a subquery that spans shards.
const organisationsWithMailDueSql = `
SELECT organisation_id FROM outbound_message
WHERE status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
GROUP BY organisation_id
ORDER BY min(created_at), organisation_id
LIMIT $2`;

// One statement claims part of a batch from one organisation: rows locked by another worker are
// skipped, and a row another worker has just claimed no longer matches status = 'queued' when it
// is re-checked, so no two workers ever hold the same message. The attempt is counted at claim
// time, before sending. The due rows are a MATERIALIZED CTE so they are chosen once: as an IN
// subquery the planner may rescan them for each row it updates, and each rescan skips the rows
// just claimed and locks the next ones, claiming more than the LIMIT.
const claimSql = `
WITH due AS MATERIALIZED (
  SELECT organisation_id, id FROM outbound_message
  WHERE organisation_id = $5 AND status = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= $1)
  ORDER BY created_at, id
  LIMIT $4
  FOR UPDATE SKIP LOCKED)
UPDATE outbound_message AS m
SET status = 'sending', claimed_by = $2, claimed_until = $3, attempts = m.attempts + 1, last_attempt_at = $1
FROM due, organisation AS o
WHERE m.organisation_id = due.organisation_id AND m.id = due.id
  AND m.organisation_id = $5
  AND m.status = 'queued'
  AND o.id = m.organisation_id
RETURNING m.organisation_id, m.id, m.recipient, m.subject, m.body, m.reason, m.attempts,
  o.name AS organisation_name, o.mail_sender_name, o.mail_sender_address`;

/** Claims up to `batchSize` due messages, one organisation at a time, oldest waiting organisation first. */
async function claimBatch(
  database: Database,
  now: Date,
  workerId: string,
  claimedUntil: Date,
  batchSize: number,
): Promise<ClaimedRow[]> {
  const organisations = await database.query<{ organisation_id: string }>(organisationsWithMailDueSql, [
    now,
    batchSize,
  ]);
  const claimed: ClaimedRow[] = [];
  for (const { organisation_id } of organisations) {
    const room = batchSize - claimed.length;
    if (room <= 0) break;
    claimed.push(
      ...(await database.query<ClaimedRow>(claimSql, [now, workerId, claimedUntil, room, organisation_id])),
    );
  }
  return claimed;
}

// A claim whose lease ran out means a worker died between claiming and recording the result.
// The message may have been handed to the SMTP server already, so it is never sent again
// automatically (at most once): it becomes "failed" with a reason, for an admin to resend.
// claimed_by stays, so a slow worker that did send can still record "sent".
const abandonSql = `
UPDATE outbound_message SET status = 'failed', last_error = $2, claimed_until = NULL
WHERE status = 'sending' AND claimed_until < $1
RETURNING id`;

const sentSql = `
UPDATE outbound_message
SET status = 'sent', sent_at = $4, last_error = NULL, claimed_by = NULL, claimed_until = NULL
WHERE organisation_id = $1 AND id = $2 AND claimed_by = $3 AND status IN ('sending', 'failed')`;

const attemptFailedSql = `
UPDATE outbound_message
SET status = $4, last_error = $5, next_attempt_at = $6, claimed_by = NULL, claimed_until = NULL
WHERE organisation_id = $1 AND id = $2 AND claimed_by = $3 AND status = 'sending'`;

/**
 * Sends one batch of due mail and records each result. Safe to run in several processes at
 * once: each message is claimed by one worker, and sent at most once (see
 * docs/decisions/0006-mail-sent-at-most-once.md). Returns what happened, for logs and tests.
 */
export async function deliverQueuedMail(
  database: Database,
  transport: MailTransport,
  now: Date,
  options: DeliveryOptions,
): Promise<DeliveryRun> {
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const abandoned = await database.query(abandonSql, [now, uncertainDelivery]);
  const claimed = await claimBatch(
    database,
    now,
    options.workerId,
    new Date(now.getTime() + (options.leaseMs ?? defaultLeaseMs)),
    options.batchSize ?? 20,
  );
  const run: DeliveryRun = {
    claimed: claimed.length,
    sent: 0,
    retrying: 0,
    failed: 0,
    abandoned: abandoned.length,
  };

  const deliverOne = async (row: ClaimedRow, message: QueuedMail) => {
    const mail = composeMail(message, options.defaultSender);
    try {
      await transport.send(mail);
    } catch (error) {
      const attempts = Number(row.attempts);
      const givingUp = attempts >= maxAttempts;
      await database.query(attemptFailedSql, [
        row.organisation_id,
        row.id,
        options.workerId,
        givingUp ? "failed" : "queued",
        describeSendError(error),
        givingUp ? null : new Date(now.getTime() + retryDelayMs(attempts)),
      ]);
      if (givingUp) run.failed++;
      else run.retrying++;
      return;
    }
    await database.query(sentSql, [row.organisation_id, row.id, options.workerId, now]);
    run.sent++;
  };

  const messages = await withBrands(database.db, claimed.map(queuedMailOf));
  const queue = claimed.map((row, index) => ({ row, message: messages[index] }));
  const lanes = Array.from({ length: Math.max(1, options.concurrency ?? 4) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await deliverOne(next.row, next.message);
  });
  await Promise.all(lanes);
  return run;
}

function queuedMailOf(row: ClaimedRow): QueuedMail {
  return {
    organisationId: row.organisation_id,
    id: row.id,
    recipient: row.recipient,
    subject: row.subject,
    body: row.body,
    reason: row.reason,
    organisationName: row.organisation_name,
    senderName: row.mail_sender_name,
    senderAddress: row.mail_sender_address,
  };
}
