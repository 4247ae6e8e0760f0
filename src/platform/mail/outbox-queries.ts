import { and, count, desc, eq, ilike, inArray, type SQL } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { isOrganisationAdmin, requireAllowed } from "../access/policy.ts";
import type { Db } from "../db/database.ts";
import { type OutboundStatus, organisation, outboundMessage } from "../db/platform-schema.ts";
import { inOrganisation } from "../db/scope.ts";
import type { QueuedMail } from "./compose.ts";

/** The outbox page's views. "queued" includes messages a worker is sending right now. */
export type OutboxView = "all" | "queued" | "sent" | "failed";
export const outboxViews: readonly OutboxView[] = ["all", "queued", "sent", "failed"];

const statusesOf: Record<OutboxView, OutboundStatus[] | null> = {
  all: null,
  queued: ["queued", "sending"],
  sent: ["sent"],
  failed: ["failed"],
};

export type OutboxRow = typeof outboundMessage.$inferSelect;

export const outboxPageSize = 50;

/** An organisation's outbox, newest first, for its administrators. */
export async function listOutbox(
  db: Db,
  actor: Actor,
  view: OutboxView,
  page: number,
): Promise<{ rows: OutboxRow[]; hasMore: boolean; counts: Record<OutboxView, number> }> {
  requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can see the outbox.");
  const statuses = statusesOf[view];
  const rows = await db
    .select()
    .from(outboundMessage)
    .where(
      inOrganisation(
        outboundMessage,
        actor.organisationId,
        statuses ? inArray(outboundMessage.status, statuses) : undefined,
      ),
    )
    .orderBy(desc(outboundMessage.createdAt), desc(outboundMessage.id))
    .limit(outboxPageSize + 1)
    .offset((page - 1) * outboxPageSize);
  const byStatus = await db
    .select({ status: outboundMessage.status, n: count() })
    .from(outboundMessage)
    .where(inOrganisation(outboundMessage, actor.organisationId))
    .groupBy(outboundMessage.status);
  const n = (status: OutboundStatus) => byStatus.find((row) => row.status === status)?.n ?? 0;
  return {
    rows: rows.slice(0, outboxPageSize),
    hasMore: rows.length > outboxPageSize,
    counts: {
      all: byStatus.reduce((sum, row) => sum + row.n, 0),
      queued: n("queued") + n("sending"),
      sent: n("sent"),
      failed: n("failed"),
    },
  };
}

/**
 * The latest mail of every organisation, for the demo's mail preview page. No policy check on
 * purpose: the page exists only when no SMTP server is set and Kith is not in production,
 * so that a newcomer who is signed out can follow a reset link or read a voting code.
 */
export async function previewMail(db: Db, recipient: string, limit = 20): Promise<QueuedMail[]> {
  const conditions: SQL[] = [eq(organisation.id, outboundMessage.organisationId)];
  if (recipient) conditions.push(ilike(outboundMessage.recipient, recipient.replace(/[\\%_]/g, "\\$&")));
  return db
    .select({
      organisationId: outboundMessage.organisationId,
      id: outboundMessage.id,
      recipient: outboundMessage.recipient,
      subject: outboundMessage.subject,
      body: outboundMessage.body,
      reason: outboundMessage.reason,
      organisationName: organisation.name,
      senderName: organisation.mailSenderName,
      senderAddress: organisation.mailSenderAddress,
    })
    .from(outboundMessage)
    .innerJoin(organisation, and(...conditions))
    .orderBy(desc(outboundMessage.createdAt), desc(outboundMessage.id))
    .limit(limit);
}
