import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import {
  email,
  optionalOf,
  optionalText,
  postcode,
  requiredText,
  ukPhone,
} from "../../../platform/http/fields.ts";
import { validate } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canEditPeople } from "../policy.ts";
import { type PartnerOrganisation, partnerKinds, partnerOrganisation } from "../schema.ts";

// Charity Commission (England and Wales) numbers are 6–7 digits, with an optional -N subsidiary suffix;
// Companies House numbers are 8 characters (digits, or a 2-letter prefix such as SC, NI, CE, IP).
export const partnerInput = z.object({
  name: requiredText("the organisation's name"),
  kind: z.enum(partnerKinds, { error: "Choose what kind of organisation it is" }),
  charityNumber: optionalOf(
    z
      .string()
      .trim()
      .regex(/^[0-9]{6,7}(-[0-9]+)?$/, { error: "Enter a charity number of 6 or 7 digits, like 1123456" }),
  ),
  companyNumber: optionalOf(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^([0-9]{8}|[A-Z]{2}[0-9]{6})$/, {
        error: "Enter a company number of 8 characters, like 01234567 or SC123456",
      }),
  ),
  address: optionalText(300),
  postcode: optionalOf(postcode),
  laCode: optionalOf(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^E0[6-9][0-9]{6}$/, { error: "Enter a local authority ONS code like E07000110" }),
  ),
  website: optionalOf(z.url({ error: "Enter a web address starting https://" })),
  email: optionalOf(email),
  phone: optionalOf(ukPhone),
});

/** org-id.guide identifier: charity number first (GB-CHC), then company number (GB-COH). */
export function orgIdentifierFor(value: {
  charityNumber: string | null;
  companyNumber: string | null;
}): string | null {
  if (value.charityNumber) return `GB-CHC-${value.charityNumber.replace(/-.*$/, "")}`;
  if (value.companyNumber) return `GB-COH-${value.companyNumber}`;
  return null;
}

export async function createPartnerOrganisation(
  db: Db,
  actor: Actor,
  now: Date,
  input: unknown,
): Promise<PartnerOrganisation> {
  requireAllowed(canEditPeople(actor), "Only officers can add partner organisations.");
  const checked = validate(partnerInput, input);
  if (!checked.ok) throw invalid("Check the organisation's details.", checked.errors);
  const value = checked.value;
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(partnerOrganisation)
      .values({
        ...value,
        orgIdentifier: orgIdentifierFor(value),
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "partner-organisation",
      entityId: created.id,
      summary: `Added partner organisation ${created.name}`,
      after: value,
    });
    return created;
  });
}
