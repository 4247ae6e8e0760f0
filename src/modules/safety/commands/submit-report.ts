import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { queueEmails } from "../../../platform/jobs/outbox.ts";
import { hateStrands } from "../domain/categories.ts";
import { activeCategories, categoryIn, loadSafetyConfiguration } from "../domain/configuration.ts";
import { londonDay } from "../domain/settings.ts";
import { isTenantFacing } from "../domain/tenant-categories.ts";
import { homeById } from "../neighbours.ts";
import { canSubmitReport } from "../policy.ts";
import { type SafetyReport, safetyReport } from "../schema.ts";
import { nextCaseReference, storeDocument } from "../store.ts";

export const reportInput = z.object({
  // Checked against the organisation's categories in submitReport.
  category: z
    .string({ error: "Choose what you are reporting" })
    .trim()
    .min(1, { error: "Choose what you are reporting" }),
  hateStrand: z.enum(hateStrands, { error: "Choose why you think you were targeted" }).optional().nullable(),
  description: z
    .string({ error: "Tell us what happened" })
    .trim()
    .min(1, { error: "Tell us what happened" })
    .max(5000, { error: "What happened must be 5,000 characters or fewer" }),
  happenedOn: z
    .string({ error: "Enter the date it happened" })
    .refine(isRealDate, { error: "Enter a real date, like 27 3 2026" }),
  homeId: z.uuid({ error: "Choose a home" }).optional().nullable(),
  locationDescription: z
    .string()
    .trim()
    .max(500, { error: "Where it happened must be 500 characters or fewer" })
    .optional()
    .nullable(),
  reporterName: z.string().trim().max(200).optional().nullable(),
  reporterContact: z.string().trim().max(200).optional().nullable(),
});
export type ReportInput = z.input<typeof reportInput>;

/** A file already checked by content (commands/portal-updates.ts checkEvidence). */
export type CheckedEvidence = { fileName: string; contentType: string; bytes: Uint8Array };

/**
 * A report from a tenant (portal), a partner agency (API) or staff, waiting for triage.
 * It does not count for anything until an officer opens a case or attaches it to one.
 * A portal report gets its reference at once (emailed to the tenant), may carry evidence,
 * and may only use a tenant-facing category.
 */
export async function submitReport(
  db: Db,
  actor: Actor,
  now: Date,
  input: ReportInput,
  source: "portal" | "api" | "officer",
  extras: { evidence?: CheckedEvidence[] } = {},
): Promise<SafetyReport> {
  requireAllowed(canSubmitReport(actor), "You cannot report community safety concerns with this account.");
  const configuration = await loadSafetyConfiguration(db, actor.organisationId);
  const offered = activeCategories(configuration).filter(
    (category) => source !== "portal" || isTenantFacing(category),
  );
  const categoryError = `Choose what you are reporting (${offered.map((c) => c.code).join(", ")})`;
  const parsed = reportInput.safeParse(input);
  if (!parsed.success) {
    // Say everything that is wrong at once, the organisation's categories included.
    const found = typeof input.category === "string" ? categoryIn(configuration, input.category) : undefined;
    const errors = fieldErrorsFrom(parsed.error);
    if (!errors.category && (!found || found.retired)) errors.category = categoryError;
    throw invalid("The report could not be sent.", errors);
  }
  const value = parsed.data;
  if (value.happenedOn > londonDay(now))
    throw invalid("The date cannot be in the future.", {
      happenedOn: "The date it happened must be today or in the past",
    });
  if (!value.homeId && !value.locationDescription)
    throw invalid("Tell us where it happened.", { locationDescription: "Tell us where it happened" });
  const category = categoryIn(configuration, value.category);
  if (!category || category.retired || !offered.includes(category))
    throw invalid("Choose what you are reporting.", { category: categoryError });
  return db.transaction(async (tx) => {
    let blockName: string | null = null;
    if (value.homeId) {
      const home = await homeById(tx, actor.organisationId, value.homeId);
      if (!home) throw invalid("Choose a home.", { homeId: "Choose a home" });
      blockName = home.blockName;
    }
    const id = newId(now.getTime());
    const reference =
      source === "portal" ? await nextCaseReference(tx, actor.organisationId, londonDay(now)) : null;
    const [created] = await tx
      .insert(safetyReport)
      .values({
        organisationId: actor.organisationId,
        id,
        caseId: null,
        reference,
        status: "pending",
        source,
        reportedOn: value.happenedOn,
        category: category.code,
        hateStrand: value.hateStrand ?? null,
        description: value.description,
        homeId: value.homeId ?? null,
        blockName,
        locationDescription: value.locationDescription ?? null,
        reporterUserId: actor.kind === "user" ? actor.userId : null,
        reporterPersonId: actor.kind === "user" ? actor.personId : null,
        reporterName: value.reporterName ?? (actor.kind === "user" ? actor.name : null),
        reporterContact: value.reporterContact ?? (actor.kind === "user" ? actor.email : null),
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_report",
      entityId: id,
      summary: `New ${source} report: ${category.name}`,
      after: { category: category.code, source, reference, evidence: extras.evidence?.length ?? 0 },
    });
    for (const file of extras.evidence ?? [])
      await storeDocument(tx, actor, now, {
        reportId: id,
        kind: "evidence",
        fileName: file.fileName,
        contentType: file.contentType,
        bytes: file.bytes,
        summary: `Evidence sent with report ${reference ?? id}`,
      });
    if (reference && actor.kind === "user" && actor.email)
      await queueEmails(tx, actor.organisationId, now, [
        {
          recipient: actor.email,
          subject: `Your report ${reference} has been sent`,
          body: `Thank you for your report of ${category.name.toLowerCase()}.\n\nYour reference number is ${reference}. Quote it if you contact us about this report.\n\nAn officer will contact you within 2 working days. You can follow your report and message your officer by signing in and opening "Your cases".\n\nIf you are in danger now, call 999.`,
          reason: "You sent a report to us.",
        },
      ]);
    return created as SafetyReport;
  });
}
