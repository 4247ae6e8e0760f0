import { and, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { getSafetySettings, londonDay, monthsBefore, type SafetySettings } from "../domain/settings.ts";
import { canWorkCases } from "../policy.ts";
import { type PartyKeys, partiesFor, partyKeyMatch, type ValueOrSql } from "../queries/repeats.ts";
import { safetyTriggerReview } from "../schema.ts";
import { addTimeline, lockCase } from "../store.ts";

// Community Trigger (ASB case review, ASB, Crime and Policing Act 2014 s104): a victim can ask for a
// review when the threshold is met. Kith detects it so the team acts before being asked.

export type TriggerCheck = { met: boolean; qualifyingReports: number; hate: boolean; threshold: number };

/**
 * Qualifying complaints: reports in the window on any case where this case's complainants (or
 * this case's home) were the complainant's, counting each report once. Hate incidents use the lower bar.
 */
export async function checkCommunityTrigger(
  db: Db,
  organisationId: string,
  caseId: string,
  on: string,
): Promise<TriggerCheck> {
  const settings = await getSafetySettings(db, organisationId);
  const me = (await db.execute(
    sql`SELECT coalesce(person_id::text, external_ref) AS who FROM safety_party
         WHERE organisation_id = ${organisationId} AND case_id = ${caseId} AND role = 'complainant'`,
  )) as unknown as { rows: { who: string | null }[] };
  const keys = me.rows.map((r) => r.who).filter((who): who is string => who !== null);
  const result = (await db.execute(
    sql`SELECT ${triggerCountJson(organisationId, caseId, keys, monthsBefore(on, settings.triggerWindowMonths), on)} AS count`,
  )) as unknown as { rows: { count: unknown }[] };
  return triggerCheckFrom(result.rows[0]?.count, settings);
}

/**
 * The qualifying reports for the complainants' keys (the case page passes the parties it has
 * already read) as JSON { reports, hate }. The keys are array parameters: one text for every case.
 */
export function triggerCountJson(
  organisationId: ValueOrSql<string>,
  caseId: ValueOrSql<string>,
  complainantKeys: PartyKeys,
  since: ValueOrSql<string>,
  on: ValueOrSql<string>,
): SQL {
  return sql`(SELECT jsonb_build_object('reports', count(DISTINCT r.id), 'hate', coalesce(bool_or(c.hate_strand IS NOT NULL), false))
      FROM safety_report r JOIN safety_case c ON c.organisation_id = r.organisation_id AND c.id = r.case_id
     WHERE r.organisation_id = ${organisationId}
       AND r.case_id IN (SELECT p.case_id FROM ${partiesFor(complainantKeys)} p
                          WHERE p.organisation_id = ${organisationId} AND p.role = 'complainant' AND ${partyKeyMatch(complainantKeys)}
                         UNION SELECT ${caseId}::uuid)
       AND r.reported_on > ${since}::date AND r.reported_on <= ${on}::date AND c.counts_as_asb)`;
}

export function triggerCheckFrom(json: unknown, settings: SafetySettings): TriggerCheck {
  const row = (json ?? {}) as { reports?: number; hate?: boolean };
  const qualifyingReports = Number(row.reports ?? 0);
  const hate = row.hate === true;
  const threshold = hate ? settings.triggerMinHateReports : settings.triggerMinReports;
  return { met: qualifyingReports >= threshold, qualifyingReports, hate, threshold };
}

/** Records that the threshold is met (once per open review). Called after every new report on a case. */
export async function detectCommunityTrigger(
  tx: Db,
  actor: Actor,
  now: Date,
  caseId: string,
): Promise<boolean> {
  const today = londonDay(now);
  const check = await checkCommunityTrigger(tx, actor.organisationId, caseId, today);
  if (!check.met) return false;
  const inserted = await tx
    .insert(safetyTriggerReview)
    .values({
      organisationId: actor.organisationId,
      id: newId(now.getTime()),
      caseId,
      detectedOn: today,
      qualifyingReports: check.qualifyingReports,
      hate: check.hate,
      status: "threshold-met",
      outcome: null,
      decidedOn: null,
      createdAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: safetyTriggerReview.id });
  if (inserted.length > 0) {
    await addTimeline(tx, actor, now, {
      caseId,
      kind: "status",
      title: `Community Trigger threshold met: ${check.qualifyingReports} qualifying reports${check.hate ? " (hate incident)" : ""}`,
    });
  }
  return inserted.length > 0;
}

const reviewInput = z.object({
  status: z.enum(["review-held", "no-further-action"], { error: "Choose the result of the review" }),
  outcome: z
    .string({ error: "Enter the outcome and recommendations" })
    .trim()
    .min(1, { error: "Enter the outcome and recommendations" })
    .max(5000),
  decidedOn: z.string().optional(),
});

export async function recordTriggerReview(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  reviewId: string,
  input: z.input<typeof reviewInput>,
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can record Community Trigger reviews.");
  const parsed = reviewInput.safeParse(input);
  if (!parsed.success) throw invalid("The review could not be recorded.", fieldErrorsFrom(parsed.error));
  if (!isUuid(reviewId)) throw notFound("Review not found");
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const [review] = await tx
      .select()
      .from(safetyTriggerReview)
      .where(
        matchInOrganisation(safetyTriggerReview, actor.organisationId, { caseId: found.id, id: reviewId }),
      );
    if (!review) throw notFound("Review not found");
    if (review.status !== "threshold-met")
      throw conflict("This review is already recorded", "Its outcome was recorded earlier.");
    const decidedOn = parsed.data.decidedOn || londonDay(now);
    await tx
      .update(safetyTriggerReview)
      .set({ status: parsed.data.status, outcome: parsed.data.outcome, decidedOn })
      .where(
        and(
          eq(safetyTriggerReview.organisationId, actor.organisationId),
          eq(safetyTriggerReview.id, review.id),
        ),
      );
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "status",
      title: `Community Trigger review: ${parsed.data.status === "review-held" ? "review held" : "no further action"}`,
      body: parsed.data.outcome,
    });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_trigger_review",
      entityId: review.id,
      summary: `Recorded Community Trigger review on ${found.reference}`,
      after: parsed.data,
    });
  });
}
