import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { type Actor, actorUserId } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { insertAudited } from "../../../platform/audit/audited-write.ts";
import { findUser } from "../../../platform/auth/users.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { appUser } from "../../../platform/db/platform-schema.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { type Email, queueEmails, userEmails } from "../../../platform/jobs/outbox.ts";
import { canWorkCases } from "../policy.ts";
import { complainantParty } from "../queries/portal.ts";
import { safetyMessage } from "../schema/messages.ts";
import { safetyParty } from "../schema.ts";
import { lockCase } from "../store.ts";

// Secure messages between one complainant and the officers on their case. Each thread belongs to
// one complainant party: nobody else on the case sees it. Emails say only that a message is
// waiting, never what it says: email is not a secure channel.

const messageInput = z.object({
  body: z
    .string({ error: "Enter your message" })
    .trim()
    .min(1, { error: "Enter your message" })
    .max(2000, { error: "Your message must be 2,000 characters or fewer" }),
});

function parseMessage(input: unknown): string {
  const parsed = messageInput.safeParse(input);
  if (!parsed.success) throw invalid("The message could not be sent.", fieldErrorsFrom(parsed.error));
  return parsed.data.body;
}

/** The complainant writes to the officer from the portal; the lead officer (or the case team) is emailed. */
export async function messageOfficer(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: { body?: unknown },
): Promise<string> {
  const { partyId } = await complainantParty(db, actor, now, caseId);
  const body = parseMessage(input);
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    if (found.closedOn) throw conflict("This case is closed", "If it is happening again, make a new report.");
    const id = await writeMessage(tx, actor, now, {
      caseId,
      partyId,
      direction: "from-complainant",
      body,
      summary: `Complainant sent a message on case ${found.reference}`,
    });
    const lead = found.leadOfficerId
      ? await findUser(tx, actor.organisationId, found.leadOfficerId)
      : undefined;
    const recipients =
      lead && !lead.disabledAt
        ? [lead.email]
        : await userEmails(tx, actor.organisationId, ["officer", "manager"]);
    await queueEmails(
      tx,
      actor.organisationId,
      now,
      recipients.map((recipient) => ({
        recipient,
        subject: `New message from the complainant on case ${found.reference}`,
        body: `The complainant on case ${found.reference} has sent a message.\n\nSign in to Kith and open the case to read it and reply.`,
        reason: "You work on this case.",
      })),
    );
    return id;
  });
}

/** An officer replies on one complainant's thread; that complainant is emailed that a reply is waiting. */
export async function replyToComplainant(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: { partyId?: unknown; body?: unknown },
): Promise<string> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can message complainants.");
  const body = parseMessage({ body: input.body });
  const partyId = typeof input.partyId === "string" ? input.partyId : "";
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    if (found.closedOn) throw conflict("This case is closed", "Reopen the case to message the complainant.");
    const [party] = /^[0-9a-f-]{36}$/i.test(partyId)
      ? await tx
          .select({ id: safetyParty.id, personId: safetyParty.personId })
          .from(safetyParty)
          .where(
            matchInOrganisation(safetyParty, actor.organisationId, {
              id: partyId,
              caseId: found.id,
              role: "complainant",
            }),
          )
      : [];
    if (!party)
      throw invalid("Choose who to reply to.", { partyId: "Choose a complainant on this case to reply to" });
    const id = await writeMessage(tx, actor, now, {
      caseId: found.id,
      partyId: party.id,
      direction: "from-officer",
      body,
      summary: `Replied to the complainant on case ${found.reference}`,
    });
    const tenants = party.personId
      ? await tx
          .select({ email: appUser.email })
          .from(appUser)
          .where(
            and(
              eq(appUser.organisationId, actor.organisationId),
              eq(appUser.personId, party.personId),
              eq(appUser.role, "tenant"),
              isNull(appUser.disabledAt),
            ),
          )
      : [];
    const emails: Email[] = tenants.map((tenant) => ({
      recipient: tenant.email,
      subject: `A reply about your case ${found.reference}`,
      body: `Your case officer has replied to you about case ${found.reference}.\n\nSign in and open "Your cases", then case ${found.reference}, to read it.`,
      reason: "You have a case with us.",
    }));
    await queueEmails(tx, actor.organisationId, now, emails);
    return id;
  });
}

/** One message in the thread, and its audit entry: the same for both directions. */
function writeMessage(
  tx: Parameters<Parameters<Db["transaction"]>[0]>[0],
  actor: Actor,
  now: Date,
  message: {
    caseId: string;
    partyId: string;
    direction: "from-complainant" | "from-officer";
    body: string;
    summary: string;
  },
): Promise<string> {
  return insertAudited(
    tx,
    actor,
    now,
    safetyMessage,
    {
      caseId: message.caseId,
      partyId: message.partyId,
      direction: message.direction,
      body: message.body,
      authorUserId: actorUserId(actor),
      createdAt: now,
    },
    { entityType: "safety_message", summary: message.summary },
  );
}
