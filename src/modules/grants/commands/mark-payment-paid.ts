import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { optionalText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, forbidden, invalid } from "../../../platform/http/problem.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { actorName, canManageGrant, canOverrideNotice } from "../policy.ts";
import { type GrantPayment, grantPayment } from "../schema.ts";
import { loadGrantControls, requireDifferentPerson, separationApplies, userIdOf } from "./grant-controls.ts";
import { loadGrant } from "./load-grant.ts";
import { loadPayment } from "./payments.ts";

/** What banks accept in a BACS reference, and what finance teams search their statements for. */
export const paymentReferencePattern = /^[A-Za-z0-9 /.-]{1,35}$/;

const paidInput = z.object({
  paymentReference: z
    .string({ error: "Enter the payment reference" })
    .trim()
    .min(1, { error: "Enter the payment reference, like the BACS reference" })
    .max(35, { error: "The payment reference must be 35 characters or fewer" })
    .regex(paymentReferencePattern, {
      error: "The payment reference can only use letters, numbers, spaces and / - .",
    }),
  earlyPaymentReason: optionalText(1000),
});
export type PaidInput = z.input<typeof paidInput>;

/**
 * Records that the money went: with the bank's reference, by someone other than the person
 * who authorised it (above the separation threshold), and not before the due date (London day)
 * unless a manager records why.
 */
export async function markPaymentPaid(
  db: Db,
  actor: Actor,
  now: Date,
  paymentId: string,
  input: PaidInput,
): Promise<GrantPayment> {
  requireAllowed(canManageGrant(actor), "Only officers and managers can record payments.");
  const payment = await loadPayment(db, actor.organisationId, paymentId);
  if (payment.status !== "approved")
    throw conflict(
      "Not approved",
      `Payment ${payment.instalment} must be approved before it is paid; it is ${payment.status}.`,
    );
  const grant = await loadGrant(db, actor.organisationId, payment.grantId);
  if (separationApplies(await loadGrantControls(db, actor.organisationId), grant.amountAwardedPence))
    requireDifferentPerson(
      actor,
      payment.approvedByUserId,
      "You authorised this payment, so someone else must mark it paid.",
    );
  const parsed = paidInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the payment.", fieldErrorsFrom(parsed.error));
  const today = londonDay(now);
  const early = today < payment.dueOn;
  const reason = early ? parsed.data.earlyPaymentReason : null;
  if (early && !reason)
    throw invalid("Check the payment.", {
      earlyPaymentReason: `This payment is not due until ${formatDate(payment.dueOn)}. To pay it early, give the reason for the override`,
    });
  if (early && !canOverrideNotice(actor))
    throw forbidden("Only a manager can pay an instalment before its due date.");
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(grantPayment)
      .set({
        status: "paid",
        paidOn: today,
        paidBy: actorName(actor),
        paidByUserId: userIdOf(actor),
        paymentReference: parsed.data.paymentReference,
        earlyPaymentReason: reason,
      })
      .where(matchInOrganisation(grantPayment, actor.organisationId, { id: payment.id, status: "approved" }))
      .returning();
    if (!updated) throw conflict("Not approved", "The payment changed while you were recording it.");
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "grant-payment",
      entityId: payment.id,
      summary: `Payment ${payment.instalment} of ${grant.reference} paid, reference ${parsed.data.paymentReference}${reason ? ` (paid early: ${reason})` : ""}`,
      before: { status: "approved" },
      after: { status: "paid", paymentReference: parsed.data.paymentReference, earlyPaymentReason: reason },
    });
    return updated;
  });
}
