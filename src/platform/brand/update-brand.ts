// The organisation administrator sets the name residents see, the brand colour and the
// contact details shown in the footer of the organisation's public pages.
import { createHash } from "node:crypto";
import { z } from "zod";
import { type Actor, actorLabel } from "../access/actor.ts";
import { isOrganisationAdmin, requireAllowed } from "../access/policy.ts";
import { recordAudit } from "../audit/audit-log.ts";
import type { Db } from "../db/database.ts";
import { organisationBrand } from "../db/platform-schema.ts";
import { inOrganisation } from "../db/scope.ts";
import { normalisePostcode } from "../http/fields.ts";
import { fieldErrorsFrom } from "../http/forms.ts";
import { invalid } from "../http/problem.ts";
import { postalLines } from "./brand-of.ts";
import { checkBrandColour } from "./contrast.ts";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Enter ${max} characters or fewer`)
    .transform((value) => value || null);

export const brandDetailsSchema = z
  .object({
    displayName: optional(120),
    colour: z
      .string()
      .trim()
      .transform((value, context) => {
        if (value === "") return null;
        const check = checkBrandColour(value);
        if (!check.ok) {
          context.addIssue({ code: "custom", message: check.message });
          return z.NEVER;
        }
        return check.colour;
      }),
    contactEmail: optional(200).refine(
      (value) => value === null || z.email().safeParse(value).success,
      "Enter an email address in the correct format, like housing@example.org.uk",
    ),
    contactPhone: optional(40).refine(
      (value) => value === null || /^[0-9 +()-]{6,}$/.test(value),
      "Enter a telephone number, like 0300 123 4567",
    ),
    contactAddress: optional(300),
    website: optional(200).refine(
      (value) => value === null || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(value),
      "Enter the website address in full, starting https://",
    ),
    // A letterhead has room for a few short lines; the postcode is checked so the post can be delivered.
    postalAddress: optional(300)
      .optional()
      .transform((value) => (value ? postalLines(value).join("\n") : null))
      .refine(
        (value) => value === null || postalLines(value).length <= 5,
        "Enter at most 5 lines, without the postcode",
      )
      .refine(
        (value) => value === null || postalLines(value).every((line) => line.length <= 60),
        "Each line of the address must be 60 characters or fewer",
      ),
    postalPostcode: optional(10)
      .optional()
      .transform((value, context) => {
        if (!value) return null;
        const postcode = normalisePostcode(value);
        if (!postcode) {
          context.addIssue({ code: "custom", message: "Enter a real postcode, like ME4 4TR" });
          return z.NEVER;
        }
        return postcode;
      }),
  })
  .superRefine((value, context) => {
    if (value.postalAddress && !value.postalPostcode)
      context.addIssue({
        code: "custom",
        path: ["postalPostcode"],
        message: "Enter the postcode of the postal address",
      });
    if (!value.postalAddress && value.postalPostcode)
      context.addIssue({
        code: "custom",
        path: ["postalAddress"],
        message: "Enter the lines of the postal address",
      });
  });

export type BrandDetailsInput = z.input<typeof brandDetailsSchema>;

/** A new version whenever what is served from a cached URL (colour or logo) changes. */
export function brandVersion(colour: string | null, logo: Buffer | null): string {
  return createHash("sha256")
    .update(colour ?? "")
    .update(logo ?? Buffer.alloc(0))
    .digest("hex")
    .slice(0, 12);
}

export async function currentBrandRow(db: Db, organisationId: string) {
  const [row] = await db
    .select()
    .from(organisationBrand)
    .where(inOrganisation(organisationBrand, organisationId));
  return row;
}

export async function updateBrand(db: Db, actor: Actor, now: Date, input: BrandDetailsInput): Promise<void> {
  requireAllowed(isOrganisationAdmin(actor), "Only organisation administrators can change the brand.");
  const parsed = brandDetailsSchema.safeParse(input);
  if (!parsed.success) throw invalid("Check the brand details.", fieldErrorsFrom(parsed.error));
  const details = parsed.data;
  await db.transaction(async (tx) => {
    const before = await currentBrandRow(tx, actor.organisationId);
    const version = brandVersion(details.colour, before?.logo ?? null);
    await tx
      .insert(organisationBrand)
      .values({ organisationId: actor.organisationId, ...details, version, updatedAt: now })
      .onConflictDoUpdate({
        target: organisationBrand.organisationId,
        set: { ...details, version, updatedAt: now },
      });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "organisation-brand",
      entityId: actor.organisationId,
      summary: `Brand details changed by ${actorLabel(actor)}`,
      before: before ? { ...before, logo: undefined } : null,
      after: details,
    });
  });
}
