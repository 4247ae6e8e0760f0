import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../access/actor.ts";
import { isOrganisationAdmin, requireAllowed } from "../access/policy.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { organisation } from "../db/platform-schema.ts";
import { email, optionalText } from "../http/fields.ts";
import { validate } from "../http/forms.ts";
import { invalid, notFound } from "../http/problem.ts";

const senderInput = z.object({
  // Blank means "use the organisation's name" (for the name) or KITH_MAIL_FROM (for the address).
  senderName: optionalText(100),
  senderAddress: z
    .string()
    .trim()
    .toLowerCase()
    .default("")
    .refine((value) => value === "" || email.safeParse(value).success, {
      error: "Enter an email address in the correct format, like housing@example.org",
    }),
});

export type MailSender = { senderName: string | null; senderAddress: string | null };

export async function getMailSender(db: Db, actor: Actor): Promise<MailSender> {
  requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can see the mail sender.");
  const [row] = await db
    .select({ senderName: organisation.mailSenderName, senderAddress: organisation.mailSenderAddress })
    .from(organisation)
    .where(eq(organisation.id, actor.organisationId));
  if (!row) throw notFound("Organisation not found");
  return row;
}

/**
 * Sets who residents see an organisation's email come from. The address must be one the
 * organisation's mail server may send as (SPF and DKIM), which is why it is an admin's setting.
 */
export async function setMailSender(db: Db, actor: Actor, now: Date, input: unknown): Promise<MailSender> {
  requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can change the mail sender.");
  const checked = validate(senderInput, input);
  if (!checked.ok) throw invalid("Check the mail sender.", checked.errors);
  const before = await getMailSender(db, actor);
  const after: MailSender = {
    senderName: checked.value.senderName?.trim() || null,
    senderAddress: checked.value.senderAddress || null,
  };
  await db.transaction(async (tx) => {
    await tx
      .update(organisation)
      .set({ mailSenderName: after.senderName, mailSenderAddress: after.senderAddress })
      .where(eq(organisation.id, actor.organisationId));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "organisation",
      entityId: actor.organisationId,
      summary: "Changed who the organisation's email comes from",
      before,
      after,
    });
  });
  return after;
}
