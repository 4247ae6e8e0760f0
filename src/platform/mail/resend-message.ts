import { eq } from "drizzle-orm";
import type { Actor } from "../access/actor.ts";
import { isOrganisationAdmin, requireAllowed } from "../access/policy.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { outboundMessage } from "../db/platform-schema.ts";
import { inOrganisation } from "../db/scope.ts";
import { conflict, notFound } from "../http/problem.ts";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Puts a failed or sent message back in the queue with a fresh set of attempts. This is the
 * one way a message is sent again: the worker never repeats a send by itself.
 */
export async function resendMessage(db: Db, actor: Actor, now: Date, messageId: string): Promise<void> {
  requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can resend email.");
  if (!uuidPattern.test(messageId)) throw notFound("Message not found");
  await db.transaction(async (tx) => {
    const [message] = await tx
      .select()
      .from(outboundMessage)
      .where(inOrganisation(outboundMessage, actor.organisationId, eq(outboundMessage.id, messageId)))
      .for("update");
    if (!message) throw notFound("Message not found");
    if (message.status === "queued" || message.status === "sending")
      throw conflict("This email is already waiting to be sent", "It will be sent without resending it.");
    await tx
      .update(outboundMessage)
      .set({
        status: "queued",
        attempts: 0,
        nextAttemptAt: null,
        lastError: null,
        sentAt: null,
        claimedBy: null,
        claimedUntil: null,
      })
      .where(inOrganisation(outboundMessage, actor.organisationId, eq(outboundMessage.id, messageId)));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "outbound_message",
      entityId: messageId,
      summary: `Queued the email "${message.subject}" to ${message.recipient} to send again`,
      before: { status: message.status, attempts: message.attempts, lastError: message.lastError },
      after: { status: "queued" },
    });
  });
}
