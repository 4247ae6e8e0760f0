import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import { fieldCipher } from "../../../platform/crypto/field-encryption.ts";
import type { Db } from "../../../platform/db/database.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { canApprovePayment } from "../policy.ts";
import { type GrantAward, grantAward } from "../schema.ts";
import { loadGrant } from "./load-grant.ts";

// The recipient's bank details: sealed with the field cipher, bound to the grant, shown
// only masked, and every change audited without the clear values.

export type BankDetails = { accountName: string; sortCode: string; accountNumber: string };
export type MaskedBankDetails = BankDetails & { updatedAt: Date | null };

const bankInput = z.object({
  accountName: requiredText("the name on the account", 140),
  sortCode: z
    .string({ error: "Enter the sort code" })
    .trim()
    .regex(/^(\d{2}-\d{2}-\d{2}|\d{6})$/, {
      error: "Enter the sort code as 6 digits, like 12-34-56 or 123456",
    })
    .transform((value) => value.replace(/-/g, "")),
  accountNumber: z
    .string({ error: "Enter the account number" })
    .trim()
    .regex(/^\d{8}$/, { error: "Enter the account number as 8 digits, like 12345678" }),
});
export type BankDetailsInput = z.input<typeof bankInput>;

function sealContext(grant: Pick<GrantAward, "organisationId" | "id">): string {
  return `${grant.organisationId}:grant-bank-details:${grant.id}`;
}

/** ••-••-56 and ••••5678: enough to check against a letter, not enough to pay. */
export function maskBankDetails(details: BankDetails): BankDetails {
  return {
    accountName: details.accountName,
    sortCode: `••-••-${details.sortCode.slice(-2)}`,
    accountNumber: `••••${details.accountNumber.slice(-4)}`,
  };
}

export function maskedBankDetails(grant: GrantAward, secret: string): MaskedBankDetails | null {
  if (!grant.bankDetailsSealed) return null;
  try {
    const sealed = grant.bankDetailsSealed;
    const clear = JSON.parse(fieldCipher(secret).decrypt(sealed, sealContext(grant))) as BankDetails;
    return { ...maskBankDetails(clear), updatedAt: grant.bankDetailsUpdatedAt };
  } catch {
    // A changed KITH_SECRET cannot read what the old one sealed: say so rather than fail the page.
    const unreadable = "Cannot be read with the current secret: record them again";
    return {
      accountName: unreadable,
      sortCode: "",
      accountNumber: "",
      updatedAt: grant.bankDetailsUpdatedAt,
    };
  }
}

/** Changing where money goes is the classic grant fraud, so managers do it, and it is audited. */
export async function setBankDetails(
  db: Db,
  actor: Actor,
  now: Date,
  secret: string,
  grantId: string,
  input: BankDetailsInput,
): Promise<MaskedBankDetails> {
  requireAllowed(canApprovePayment(actor), "Only managers can change a recipient's bank details.");
  const grant = await loadGrant(db, actor.organisationId, grantId);
  if (grant.status === "ended")
    throw conflict(
      "Grant ended",
      `Grant ${grant.reference} has ended; its bank details are kept as they were.`,
    );
  const parsed = bankInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the bank details.", fieldErrorsFrom(parsed.error));
  const before = grant.bankDetailsSealed ? maskedBankDetails(grant, secret) : null;
  const sealed = fieldCipher(secret).encrypt(JSON.stringify(parsed.data), sealContext(grant));
  const masked = maskBankDetails(parsed.data);
  await db.transaction((tx) =>
    updateAudited(
      tx,
      actor,
      now,
      grantAward,
      grant.id,
      { bankDetailsSealed: sealed, bankDetailsUpdatedAt: now, updatedAt: now },
      {
        entityType: "grant",
        summary: `Bank details for ${grant.reference} ${before ? "changed" : "recorded"}: sort code ${masked.sortCode}, account ${masked.accountNumber}`,
        before: before ? maskBankDetails(before) : null,
        after: masked,
      },
    ),
  );
  return { ...masked, updatedAt: now };
}
