import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { canWorkCases } from "../policy.ts";
import { safetyCase } from "../schema.ts";
import { addTimeline, lockCase } from "../store.ts";

// A closed case reopens when it was closed too soon (the behaviour carried on, a decision was wrong).
// The reason goes on the timeline and in the audit log; the earlier closure stays in both.

const reopenInput = z.object({
  reason: z
    .string({ error: "Enter why the case is reopening" })
    .trim()
    .min(1, { error: "Enter why the case is reopening" })
    .max(2000, { error: "The reason must be 2,000 characters or fewer" }),
});

export async function reopenCase(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof reopenInput>,
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can reopen cases.");
  const parsed = reopenInput.safeParse(input);
  if (!parsed.success) throw invalid("The case could not be reopened.", fieldErrorsFrom(parsed.error));
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    if (!found.closedOn) throw conflict("The case is open", "Only a closed case can be reopened.");
    if (found.anonymisedAt) throw conflict("The case has been anonymised", "It can no longer be reopened.");
    await tx
      .update(safetyCase)
      .set({
        status: "open",
        statusDueOn: null,
        closedOn: null,
        closureOutcome: null,
        closureReason: null,
        updatedAt: now,
      })
      .where(and(eq(safetyCase.organisationId, actor.organisationId), eq(safetyCase.id, found.id)));
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "status",
      title: "Case reopened",
      body: parsed.data.reason,
    });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_case",
      entityId: found.id,
      summary: `Reopened case ${found.reference}`,
      before: {
        status: found.status,
        closedOn: found.closedOn,
        outcome: found.closureOutcome,
        reason: found.closureReason,
      },
      after: { status: "open", reason: parsed.data.reason },
    });
  });
}
