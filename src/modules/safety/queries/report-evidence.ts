import { and, asc, eq, isNull } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canWorkCases } from "../policy.ts";
import { safetyDocument, safetyReport } from "../schema.ts";

// Evidence a tenant sent with a report that is still waiting for triage: it belongs to no case yet,
// so the case document route cannot serve it. Triage moves it onto the case it opens or joins.

/** The files sent with a pending report, by name, without their content. */
export async function pendingReportEvidence(db: Db, actor: Actor, reportId: string) {
  requireAllowed(canWorkCases(actor), "Only community safety officers can triage reports.");
  if (!isUuid(reportId)) return [];
  return db
    .select({
      id: safetyDocument.id,
      fileName: safetyDocument.fileName,
      contentType: safetyDocument.contentType,
      sizeBytes: safetyDocument.sizeBytes,
    })
    .from(safetyDocument)
    .where(
      inOrganisation(
        safetyDocument,
        actor.organisationId,
        and(eq(safetyDocument.reportId, reportId), isNull(safetyDocument.caseId)),
      ),
    )
    .orderBy(asc(safetyDocument.fileName), asc(safetyDocument.id));
}

/** One evidence file of a pending report, with its content; opening it is audited like a case document. */
export async function getPendingReportEvidence(
  db: Db,
  actor: Actor,
  now: Date,
  reportId: string,
  documentId: string,
) {
  requireAllowed(canWorkCases(actor), "Only community safety officers can open report evidence.");
  if (!isUuid(reportId) || !isUuid(documentId)) return undefined;
  const [found] = await db
    .select({ document: safetyDocument, reference: safetyReport.reference })
    .from(safetyDocument)
    .innerJoin(
      safetyReport,
      sameOrganisation(safetyReport, safetyDocument, eq(safetyReport.id, safetyDocument.reportId)),
    )
    .where(
      inOrganisation(
        safetyDocument,
        actor.organisationId,
        and(
          eq(safetyDocument.reportId, reportId),
          eq(safetyDocument.id, documentId),
          isNull(safetyDocument.caseId),
          eq(safetyReport.status, "pending"),
        ),
      ),
    );
  if (!found) return undefined;
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "safety_document",
    entityId: found.document.id,
    summary: `Opened ${found.document.fileName} sent with report ${found.reference ?? reportId}`,
  });
  return found.document;
}
