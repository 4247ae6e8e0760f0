import { eq } from "drizzle-orm";
import type { Role } from "../access/actor.ts";
import { activeInRoles } from "../auth/users.ts";
import type { Db } from "../db/database.ts";
import { newId } from "../db/ids.ts";
import { appUser, outboundMessage } from "../db/platform-schema.ts";

// Reminder emails from jobs go through the same outbox as password reset links: a row per
// recipient, sent by the mail worker. Jobs call these inside the transaction that marks the
// reminder as raised, so a reminder and its email are written together or not at all.

/** `reason` is the email's footer: why the recipient got it (a general reason when left out). */
export type Email = { recipient: string; subject: string; body: string; reason?: string };

export async function queueEmails(
  db: Db,
  organisationId: string,
  now: Date,
  emails: Email[],
): Promise<number> {
  const unique = new Map(
    emails.map((email) => [`${email.recipient.toLowerCase()}\n${email.subject}`, email]),
  );
  if (unique.size === 0) return 0;
  await db.insert(outboundMessage).values(
    [...unique.values()].map((email) => ({
      organisationId,
      id: newId(now.getTime()),
      recipient: email.recipient,
      subject: email.subject,
      body: email.body,
      reason: email.reason ?? null,
      createdAt: now,
      sentAt: null,
    })),
  );
  return unique.size;
}

/** Email addresses of an organisation's active users with these roles (optionally of one partner organisation). */
export async function userEmails(
  db: Db,
  organisationId: string,
  roles: readonly Role[],
  partnerOrganisationId?: string,
): Promise<string[]> {
  const rows = await db
    .select({ email: appUser.email })
    .from(appUser)
    .where(
      activeInRoles(
        organisationId,
        roles,
        partnerOrganisationId ? eq(appUser.partnerOrganisationId, partnerOrganisationId) : undefined,
      ),
    )
    .orderBy(appUser.email);
  return rows.map((row) => row.email);
}
