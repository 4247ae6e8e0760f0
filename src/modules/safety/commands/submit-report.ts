import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { hateStrands } from "../domain/categories.ts";
import { activeCategories, categoryIn, loadSafetyConfiguration } from "../domain/configuration.ts";
import { londonDay } from "../domain/settings.ts";
import { homeById } from "../neighbours.ts";
import { canSubmitReport } from "../policy.ts";
import { type SafetyReport, safetyReport } from "../schema.ts";

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

/**
 * A report from a tenant (portal), a partner agency (API) or staff, waiting for triage.
 * It does not count for anything until an officer opens a case or attaches it to one.
 */
export async function submitReport(
  db: Db,
  actor: Actor,
  now: Date,
  input: ReportInput,
  source: "portal" | "api" | "officer",
): Promise<SafetyReport> {
  requireAllowed(canSubmitReport(actor), "You cannot report community safety concerns with this account.");
  const configuration = await loadSafetyConfiguration(db, actor.organisationId);
  const offered = activeCategories(configuration);
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
  if (!category || category.retired)
    throw invalid("Choose what you are reporting.", { category: categoryError });
  return db.transaction(async (tx) => {
    let blockName: string | null = null;
    if (value.homeId) {
      const home = await homeById(tx, actor.organisationId, value.homeId);
      if (!home) throw invalid("Choose a home.", { homeId: "Choose a home" });
      blockName = home.blockName;
    }
    const id = newId(now.getTime());
    const [created] = await tx
      .insert(safetyReport)
      .values({
        organisationId: actor.organisationId,
        id,
        caseId: null,
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
      after: { category: category.code, source },
    });
    return created as SafetyReport;
  });
}
