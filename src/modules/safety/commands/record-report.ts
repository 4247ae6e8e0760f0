import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { londonDay } from "../domain/settings.ts";
import { canWorkCases } from "../policy.ts";
import { addCaseReport, addTimeline, lockCase } from "../store.ts";
import { detectCommunityTrigger } from "./community-trigger.ts";

const furtherReportInput = z.object({
  reportedOn: z
    .string({ error: "Enter the date of the incident" })
    .refine(isRealDate, { error: "Enter a real date, like 2026-03-27" }),
  description: z
    .string({ error: "Describe what happened" })
    .trim()
    .min(1, { error: "Describe what happened" })
    .max(5000),
});

/** An officer records a further report about the same matter on an open case (not a new NM01 case). */
export async function recordFurtherReport(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof furtherReportInput>,
): Promise<{ triggerMet: boolean }> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can record reports.");
  const parsed = furtherReportInput.safeParse(input);
  if (!parsed.success) throw invalid("The report could not be recorded.", fieldErrorsFrom(parsed.error));
  if (parsed.data.reportedOn > londonDay(now))
    throw invalid("The date cannot be in the future.", { reportedOn: "Enter today or a past date" });
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    if (found.closedOn)
      throw conflict(
        "The case is closed",
        "A report after a case has closed is a new case: open a new case instead.",
      );
    const id = await addCaseReport(tx, actor, now, found, {
      status: "attached",
      source: "officer",
      reportedOn: parsed.data.reportedOn,
      description: parsed.data.description,
    });
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "report",
      title: `Further report on ${parsed.data.reportedOn}`,
      body: parsed.data.description,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_report",
      entityId: id,
      summary: `Recorded a further report on ${found.reference}`,
    });
    return { triggerMet: await detectCommunityTrigger(tx, actor, now, found.id) };
  });
}
