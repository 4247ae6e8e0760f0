import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { getPartnerOrganisation } from "../../people/index.ts";
import { londonDay } from "../domain/settings.ts";
import { shareableParts } from "../domain/sharing.ts";
import { canWorkCases } from "../policy.ts";
import { safetySharing } from "../schema.ts";
import { addTimeline, lockCase } from "../store.ts";

// Sharing a case with a partner agency under a lawful basis (e.g. Crime and Disorder Act 1998 s115,
// or a named information-sharing agreement), choosing the parts shared, and ending it.

const sharingInput = z.object({
  // Optional when a partner organisation is chosen: its name is used.
  agencyName: z
    .string()
    .trim()
    .max(200, { error: "The agency's name must be 200 characters or fewer" })
    .optional()
    .default(""),
  partnerOrganisationId: z.uuid({ error: "Choose an agency from the list" }).optional().nullable(),
  lawfulBasis: z
    .string({ error: "Enter the lawful basis" })
    .trim()
    .min(3, { error: "Enter the lawful basis, like Crime and Disorder Act 1998 s115" })
    .max(300, { error: "The lawful basis must be 300 characters or fewer" }),
  purpose: z
    .string({ error: "Enter the purpose" })
    .trim()
    .min(3, { error: "Enter why the information is shared" })
    .max(1000, { error: "The purpose must be 1,000 characters or fewer" }),
  // Share the least: nothing beyond the case heading unless the officer chooses it.
  sharedParts: z
    .array(z.enum(shareableParts, { error: "Choose what to share from the list" }))
    .max(shareableParts.length)
    .optional()
    .default([]),
  expiresOn: z
    .string()
    .refine(isRealDate, { error: "Enter a real date, like 2026-12-31" })
    .optional()
    .nullable(),
});

/** Parses the form, reporting a missing agency together with every other error (one submit shows all). */
function parseSharing(input: z.input<typeof sharingInput>): z.infer<typeof sharingInput> {
  const parsed = sharingInput.safeParse(input);
  const fieldErrors = parsed.success ? {} : fieldErrorsFrom(parsed.error);
  if (!input.partnerOrganisationId && !input.agencyName?.trim())
    fieldErrors.agencyName ??= "Enter the agency, or choose one from the list";
  if (!parsed.success || Object.keys(fieldErrors).length > 0)
    throw invalid("The sharing record could not be saved.", fieldErrors);
  return parsed.data;
}

/** Records sharing with an agency; with a partner organisation on Kith, its users can see the shared parts. */
export async function shareWithAgency(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof sharingInput>,
): Promise<string> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can share cases.");
  const value = parseSharing(input);
  if (value.expiresOn && value.expiresOn < londonDay(now)) {
    throw invalid("The sharing record could not be saved.", {
      expiresOn: "The end date must be today or later",
    });
  }
  let agencyName = value.agencyName;
  if (value.partnerOrganisationId) {
    const partner = await getPartnerOrganisation(db, actor, value.partnerOrganisationId).catch(() => null);
    if (partner?.kind !== "agency")
      throw invalid("The sharing record could not be saved.", {
        partnerOrganisationId: "Choose an agency from the list",
      });
    agencyName ||= partner.name;
  }
  const sharedParts = shareableParts.filter((part) => value.sharedParts.includes(part));
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const id = newId(now.getTime());
    await tx.insert(safetySharing).values({
      organisationId: actor.organisationId,
      id,
      caseId: found.id,
      partnerOrganisationId: value.partnerOrganisationId ?? null,
      agencyName,
      lawfulBasis: value.lawfulBasis,
      purpose: value.purpose,
      sharedBy: actor.kind === "user" ? actor.userId : null,
      sharedAt: now,
      sharedParts,
      expiresOn: value.expiresOn ?? null,
      endedAt: null,
      endedBy: null,
    });
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "contact",
      title: `Shared with ${agencyName}`,
      body: `Lawful basis: ${value.lawfulBasis}. Purpose: ${value.purpose}. Parts shared: ${sharedParts.join(", ") || "the case heading only"}.`,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_sharing",
      entityId: id,
      summary: `Shared ${found.reference} with ${agencyName} under ${value.lawfulBasis}`,
      after: { sharedParts, expiresOn: value.expiresOn ?? null },
    });
    return id;
  });
}

/** Ends a share: the agency's users lose access at once. Ending an ended share changes nothing. */
export async function stopSharing(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  sharingId: string,
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can stop sharing.");
  if (!isUuid(sharingId)) throw notFound("Sharing record not found");
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const [share] = await tx
      .select()
      .from(safetySharing)
      .where(matchInOrganisation(safetySharing, actor.organisationId, { caseId: found.id, id: sharingId }));
    if (!share) throw notFound("Sharing record not found");
    if (share.endedAt !== null) return;
    await tx
      .update(safetySharing)
      .set({ endedAt: now, endedBy: actor.kind === "user" ? actor.userId : null })
      .where(and(eq(safetySharing.organisationId, actor.organisationId), eq(safetySharing.id, share.id)));
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "contact",
      title: `Stopped sharing with ${share.agencyName}`,
    });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_sharing",
      entityId: share.id,
      summary: `Stopped sharing ${found.reference} with ${share.agencyName}`,
      before: { endedAt: null },
      after: { endedAt: now.toISOString() },
    });
  });
}
