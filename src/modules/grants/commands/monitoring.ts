import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { actorName, canApply, canManageGrant } from "../policy.ts";
import { requireRecipient } from "../queries/recipient-grants.ts";
import { type GrantMonitoringReturn, grantMonitoringReturn } from "../schema.ts";
import { loadGrant } from "./load-grant.ts";
import { releaseHeldPayments } from "./payments.ts";

const count = (what: string) =>
  z.union([z.string(), z.number()]).transform((value, ctx) => {
    const text = String(value).trim().replace(/,/g, "");
    if (!/^\d{1,9}$/.test(text)) {
      ctx.addIssue({ code: "custom", message: `Enter the ${what} as a whole number, like 25` });
      return z.NEVER;
    }
    return Number(text);
  });

const returnInput = z.object({
  results: z
    .array(
      z.object({
        outcomeCode: z.string().trim().min(1),
        measure: requiredText("what was measured", 200),
        target: count("target"),
        achieved: count("number achieved"),
      }),
    )
    .min(1, { error: "Report against at least one outcome in the agreement" }),
  narrative: requiredText("a summary of progress", 5000),
});
export type MonitoringReturnInput = z.input<typeof returnInput>;

/**
 * Outputs and outcomes are reported against the outcomes named in the grant agreement
 * (the funder's outcome codes), so reports can add them up across grants.
 */
export async function submitMonitoringReturn(
  db: Db,
  actor: Actor,
  now: Date,
  returnId: string,
  input: MonitoringReturnInput,
): Promise<GrantMonitoringReturn> {
  requireAllowed(
    canManageGrant(actor) || canApply(actor),
    "Only staff and the funded organisation can record monitoring returns.",
  );
  if (!isUuid(returnId)) throw notFound("Monitoring return not found");
  const [existing] = await db
    .select()
    .from(grantMonitoringReturn)
    .where(matchInOrganisation(grantMonitoringReturn, actor.organisationId, { id: returnId }));
  if (!existing) throw notFound("Monitoring return not found");
  const grant = await loadGrant(db, actor.organisationId, existing.grantId);
  // An organisation reports only on its own grant; for anyone else the return does not exist.
  if (!canManageGrant(actor)) await requireRecipient(db, actor, grant);
  if (existing.status !== "due")
    throw conflict(
      "Already received",
      `The ${existing.periodLabel} return was received on ${existing.submittedAt?.toISOString().slice(0, 10)}.`,
    );
  const parsed = returnInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the monitoring return.", fieldErrorsFrom(parsed.error));
  const unknown = parsed.data.results.filter((result) => !grant.outcomeCodes.includes(result.outcomeCode));
  if (unknown.length > 0)
    throw invalid("Check the monitoring return.", {
      results: `Report only against the agreement's outcomes: ${grant.outcomeCodes.join(", ")}`,
    });
  return db.transaction(async (tx) => {
    const [updated] = await tx
      .update(grantMonitoringReturn)
      .set({
        status: "submitted",
        results: parsed.data.results,
        narrative: parsed.data.narrative,
        submittedAt: now,
        submittedBy: actorName(actor),
      })
      .where(
        matchInOrganisation(grantMonitoringReturn, actor.organisationId, { id: existing.id, status: "due" }),
      )
      .returning();
    if (!updated) throw conflict("Already received", "This return was recorded by someone else.");
    const released = await releaseHeldPayments(tx, actor.organisationId, grant.id, londonDay(now));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "grant-monitoring-return",
      entityId: existing.id,
      summary: `Monitoring return ${existing.periodLabel} for ${grant.reference} received${released > 0 ? `; ${released} held payment(s) released` : ""}`,
      after: { results: parsed.data.results },
    });
    return updated;
  });
}
