import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { conflict, notFound } from "../../../platform/http/problem.ts";
import { orderInForceUntil } from "../domain/actions.ts";
import { getSafetySettings, londonDay } from "../domain/settings.ts";
import { canManageSafety } from "../policy.ts";
import { safetyMessage } from "../schema/messages.ts";
import {
  safetyAction,
  safetyCase,
  safetyDocument,
  safetyParty,
  safetyReport,
  safetyRiskAssessment,
  safetyTimelineEntry,
} from "../schema.ts";

// Retention: a case is due for deletion 6 years (configurable) after it closed, unless it is on
// legal hold or an order made in it is still in force. A manager reviews the list and approves;
// approval anonymises the case, keeping only what the counts (NM01, annual reports) need.

export type RetentionCandidate = { id: string; reference: string; closedOn: string; category: string };

export async function casesDueForDeletion(db: Db, actor: Actor, now: Date): Promise<RetentionCandidate[]> {
  requireAllowed(canManageSafety(actor), "Only managers can review retention.");
  const settings = await getSafetySettings(db, actor.organisationId);
  const today = londonDay(now);
  const cutoff = `${Number(today.slice(0, 4)) - settings.retentionYears}${today.slice(4)}`;
  const candidates = await db
    .select({
      id: safetyCase.id,
      reference: safetyCase.reference,
      closedOn: safetyCase.closedOn,
      category: safetyCase.category,
    })
    .from(safetyCase)
    .where(
      matchInOrganisation(
        safetyCase,
        actor.organisationId,
        { legalHold: false },
        lte(safetyCase.closedOn, cutoff),
        isNull(safetyCase.anonymisedAt),
      ),
    )
    .orderBy(safetyCase.closedOn)
    .limit(500);
  if (candidates.length === 0) return [];
  const orders = await db
    .select({
      caseId: safetyAction.caseId,
      actionType: safetyAction.actionType,
      details: safetyAction.details,
    })
    .from(safetyAction)
    .where(
      inOrganisation(
        safetyAction,
        actor.organisationId,
        inArray(
          safetyAction.caseId,
          candidates.map((c) => c.id),
        ),
        inArray(safetyAction.actionType, ["civil-injunction", "closure-order", "possession-order"]),
      ),
    );
  const inForce = new Set(
    orders.filter((o) => (orderInForceUntil(o.actionType, o.details) ?? "") >= today).map((o) => o.caseId),
  );
  return candidates.filter((c) => !inForce.has(c.id)).map((c) => ({ ...c, closedOn: c.closedOn ?? "" }));
}

/** Anonymises an approved case: parties, free text and documents go; category, dates and area stay for the counts. */
export async function approveDeletion(db: Db, actor: Actor, now: Date, caseId: string): Promise<void> {
  requireAllowed(canManageSafety(actor), "Only managers can approve deletion.");
  if (!isUuid(caseId)) throw notFound("Case not found");
  const due = await casesDueForDeletion(db, actor, now);
  const candidate = due.find((c) => c.id === caseId);
  if (!candidate)
    throw conflict(
      "This case is not due for deletion",
      "It is not yet past its retention date, it is on legal hold, or an order is still in force.",
    );
  await db.transaction(async (tx) => {
    const org = actor.organisationId;
    const inCase = (
      table:
        | typeof safetyParty
        | typeof safetyReport
        | typeof safetyTimelineEntry
        | typeof safetyAction
        | typeof safetyDocument
        | typeof safetyRiskAssessment,
    ) => and(eq(table.organisationId, org), eq(table.caseId, caseId));
    await tx
      .update(safetyParty)
      .set({
        displayName: "Anonymised",
        homeId: null,
        address: null,
        contact: null,
        dateOfBirth: null,
        vulnerabilityNote: null,
        notes: null,
        personId: null,
        externalRef: sql`'anon-' || ${safetyParty.id}::text`,
      })
      .where(inCase(safetyParty));
    await tx
      .update(safetyReport)
      .set({
        description: null,
        reporterName: null,
        reporterContact: null,
        reporterPersonId: null,
        reporterUserId: null,
        locationDescription: null,
      })
      .where(inCase(safetyReport));
    await tx.delete(safetyTimelineEntry).where(inCase(safetyTimelineEntry));
    await tx.delete(safetyDocument).where(inCase(safetyDocument));
    await tx
      .delete(safetyMessage)
      .where(and(eq(safetyMessage.organisationId, org), eq(safetyMessage.caseId, caseId)));
    await tx.update(safetyAction).set({ details: {} }).where(inCase(safetyAction));
    await tx
      .update(safetyRiskAssessment)
      .set({ answers: {}, overrideReason: null })
      .where(inCase(safetyRiskAssessment));
    await tx
      .update(safetyCase)
      .set({
        summary: null,
        nextStep: null,
        locationDescription: null,
        safeguardingFlags: [],
        retentionApprovedAt: now,
        anonymisedAt: now,
        updatedAt: now,
      })
      .where(and(eq(safetyCase.organisationId, org), eq(safetyCase.id, caseId)));
    await recordAudit(tx, actor, now, {
      action: "delete",
      entityType: "safety_case",
      entityId: caseId,
      summary: `Anonymised case ${candidate.reference} after its retention period`,
    });
  });
}
