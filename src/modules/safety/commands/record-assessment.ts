import { and, desc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import {
  defaultRiskMatrix,
  type RiskBand,
  type RiskMatrixDefinition,
  riskBands,
  riskMatrixDefinition,
  scoreRisk,
} from "../domain/risk-matrix.ts";
import { addDays, londonDay } from "../domain/settings.ts";
import { canManageSafety, canWorkCases } from "../policy.ts";
import {
  type SafetyRiskAssessment,
  safetyAction,
  safetyCase,
  safetyRiskAssessment,
  safetyRiskMatrix,
} from "../schema.ts";
import { addTimeline, lockCase } from "../store.ts";
import { requirePartyOnCase } from "./case-rows.ts";

export type ActiveMatrix = { version: number; name: string; definition: RiskMatrixDefinition };

/** The organisation's newest matrix version, or Kith's default (version 1) until it publishes its own. */
export async function activeRiskMatrix(db: Db, organisationId: string): Promise<ActiveMatrix> {
  const [latest] = await db
    .select()
    .from(safetyRiskMatrix)
    .where(eq(safetyRiskMatrix.organisationId, organisationId))
    .orderBy(desc(safetyRiskMatrix.version))
    .limit(1);
  if (!latest) return defaultRiskMatrix;
  return {
    version: latest.version,
    name: latest.name,
    definition: riskMatrixDefinition.parse(latest.definition),
  };
}

/** Publishes a new matrix version; earlier assessments keep the version they were scored with. */
export async function publishRiskMatrix(
  db: Db,
  actor: Actor,
  now: Date,
  input: { name: string; definition: unknown },
): Promise<ActiveMatrix> {
  requireAllowed(canManageSafety(actor), "Only managers can change the risk matrix.");
  const definition = riskMatrixDefinition.safeParse(input.definition);
  if (!definition.success) throw invalid("The risk matrix is not valid.", fieldErrorsFrom(definition.error));
  if (!input.name.trim()) throw invalid("Name the matrix.", { name: "Enter a name for the matrix" });
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${actor.organisationId}::text, 302))`);
    const current = await activeRiskMatrix(tx, actor.organisationId);
    const version = current.version + 1;
    await tx.insert(safetyRiskMatrix).values({
      organisationId: actor.organisationId,
      id: newId(now.getTime()),
      version,
      name: input.name.trim(),
      definition: definition.data,
      createdAt: now,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_risk_matrix",
      summary: `Published risk matrix version ${version}`,
      after: definition.data,
    });
    return { version, name: input.name.trim(), definition: definition.data };
  });
}

const assessmentInput = z.object({
  partyId: z.uuid().optional().nullable(),
  answers: z.record(z.string(), z.string(), { error: "Answer the risk questions" }),
  overrideBand: z.enum(riskBands, { error: "Choose standard, medium or high" }).optional().nullable(),
  overrideReason: z.string().trim().max(2000).optional().nullable(),
});
export type AssessmentInput = z.input<typeof assessmentInput>;

/**
 * Scores a victim-harm assessment with the active matrix and records which version it used.
 * An officer may override the band with a reason. High risk puts the case on an action plan
 * with a risk review due after the band's review cadence.
 */
export async function recordAssessment(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: AssessmentInput,
): Promise<SafetyRiskAssessment> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can assess risk.");
  const parsed = assessmentInput.safeParse(input);
  if (!parsed.success)
    throw invalid("The risk assessment could not be saved.", fieldErrorsFrom(parsed.error));
  const { overrideBand, overrideReason } = parsed.data;
  const matrix = await activeRiskMatrix(db, actor.organisationId);
  const scored = scoreRisk(matrix.definition, parsed.data.answers);
  const band: RiskBand = overrideBand ?? scored.band;
  if (band !== scored.band && !overrideReason) {
    throw invalid("Give a reason for changing the band.", {
      overrideReason: "Enter why you are changing the risk band",
    });
  }
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    if (found.closedOn) throw conflict("The case is closed", "Closed cases cannot be reassessed.");
    if (parsed.data.partyId)
      await requirePartyOnCase(tx, actor.organisationId, found.id, parsed.data.partyId);
    const today = londonDay(now);
    const nextReviewOn = addDays(today, matrix.definition.reviewDays[band]);
    const id = newId(now.getTime());
    const [created] = await tx
      .insert(safetyRiskAssessment)
      .values({
        organisationId: actor.organisationId,
        id,
        caseId: found.id,
        partyId: parsed.data.partyId ?? null,
        matrixVersion: matrix.version,
        matrixName: matrix.name,
        answers: parsed.data.answers,
        score: scored.score,
        computedBand: scored.band,
        band,
        overrideReason: band !== scored.band ? (overrideReason ?? null) : null,
        assessedBy: actor.kind === "user" ? actor.userId : null,
        assessedAt: now,
        nextReviewOn,
      })
      .returning();
    if (band === "high") {
      await scheduleRiskReview(tx, actor, now, found.id, nextReviewOn);
      if (found.workflow === "asb" && (found.status === "open" || found.status === "investigating")) {
        await tx
          .update(safetyCase)
          .set({ status: "action-plan" })
          .where(and(eq(safetyCase.organisationId, actor.organisationId), eq(safetyCase.id, found.id)));
      }
    }
    const overridden = band !== scored.band ? ` (overridden from ${scored.band})` : "";
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "assessment",
      title: `Risk assessed: ${band}${overridden}, score ${scored.score}`,
      body: band !== scored.band ? overrideReason : null,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_risk_assessment",
      entityId: id,
      summary: `Assessed risk on case ${found.reference}: ${band}`,
      after: { score: scored.score, computedBand: scored.band, band, matrixVersion: matrix.version },
    });
    return created as SafetyRiskAssessment;
  });
}

/** One open risk review at a time: a new high assessment moves its date rather than adding another. */
export async function scheduleRiskReview(
  tx: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  dueOn: string,
): Promise<void> {
  const [open] = await tx
    .select({ id: safetyAction.id })
    .from(safetyAction)
    .where(
      matchInOrganisation(safetyAction, actor.organisationId, {
        caseId,
        actionType: "risk-review",
        status: "open",
      }),
    );
  if (open) {
    await tx
      .update(safetyAction)
      .set({ dueOn })
      .where(matchInOrganisation(safetyAction, actor.organisationId, { id: open.id }));
    return;
  }
  await tx.insert(safetyAction).values({
    organisationId: actor.organisationId,
    id: newId(now.getTime()),
    caseId,
    partyId: null,
    actionType: "risk-review",
    status: "open",
    startedOn: londonDay(now),
    dueOn,
    completedOn: null,
    details: { plan: "High risk action plan review" },
    costPence: null,
    published: false,
    createdBy: actor.kind === "user" ? actor.userId : null,
    createdAt: now,
  });
}

/** The latest assessment on a case (for the next review after a completed one). */
export async function latestAssessment(
  tx: Db,
  organisationId: string,
  caseId: string,
): Promise<SafetyRiskAssessment | undefined> {
  const [latest] = await tx
    .select()
    .from(safetyRiskAssessment)
    .where(matchInOrganisation(safetyRiskAssessment, organisationId, { caseId }))
    .orderBy(desc(safetyRiskAssessment.assessedAt))
    .limit(1);
  return latest;
}
