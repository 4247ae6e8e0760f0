import { and, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { canWorkCases } from "../policy.ts";
import { type SafetyReport, safetyDocument, safetyParty, safetyReport } from "../schema.ts";
import { addTimeline, lockCase } from "../store.ts";
import { type CaseInput, caseInput } from "./case-input.ts";
import { detectCommunityTrigger } from "./community-trigger.ts";
import { openCaseIn } from "./open-case.ts";

export type TriageDecision =
  | { decision: "open-case"; case: Partial<CaseInput> }
  | { decision: "attach"; caseId: string }
  | { decision: "not-asb"; reason: string };

async function lockPendingReport(tx: Db, actor: Actor, reportId: string): Promise<SafetyReport> {
  if (!isUuid(reportId)) throw notFound("Report not found");
  const [report] = await tx
    .select()
    .from(safetyReport)
    .where(matchInOrganisation(safetyReport, actor.organisationId, { id: reportId }))
    .for("update");
  if (!report) throw notFound("Report not found");
  if (report.status !== "pending")
    throw conflict(
      "This report has already been triaged",
      "Another officer dealt with it. Refresh the list of pending reports.",
    );
  return report;
}

/**
 * The report is triaged into a case (attached to it, or having opened it). Evidence sent with the
 * report goes with it to the case, shown there as the reporter's own files (when the reporter is a
 * complainant on that case).
 */
async function fileReportInCase(
  tx: Db,
  actor: Actor,
  now: Date,
  report: SafetyReport,
  status: "attached" | "opened-case",
  caseId: string,
): Promise<void> {
  await tx
    .update(safetyReport)
    .set({ status, caseId, triagedBy: userId(actor), triagedAt: now })
    .where(and(eq(safetyReport.organisationId, actor.organisationId), eq(safetyReport.id, report.id)));
  const [party] = report.reporterPersonId
    ? await tx
        .select({ id: safetyParty.id })
        .from(safetyParty)
        .where(
          matchInOrganisation(safetyParty, actor.organisationId, {
            caseId,
            personId: report.reporterPersonId,
            role: "complainant",
          }),
        )
        .limit(1)
    : [];
  await tx
    .update(safetyDocument)
    .set({ caseId, uploadedByPartyId: party?.id ?? null })
    .where(matchInOrganisation(safetyDocument, actor.organisationId, { reportId: report.id }));
}

/**
 * Triage of a pending report: open a new case (the reporter becomes the complainant), attach it
 * to an open case as a further report about the same matter, or close it as not ASB with a reason.
 * A report about a closed case opens a new case: under NM01 it is a new case.
 */
export async function triageReport(
  db: Db,
  actor: Actor,
  now: Date,
  reportId: string,
  decision: TriageDecision,
): Promise<{ caseId: string | null }> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can triage reports.");
  if (decision.decision === "not-asb") {
    const reason = decision.reason?.trim() ?? "";
    if (!reason)
      throw invalid("Give the reason it is not ASB.", {
        reason: "Enter why this is not anti-social behaviour",
      });
    if (reason.length > 2000)
      throw invalid("The reason is too long.", { reason: "The reason must be 2,000 characters or fewer" });
    return db.transaction(async (tx) => {
      const report = await lockPendingReport(tx, actor, reportId);
      await tx
        .update(safetyReport)
        .set({ status: "not-asb", triageReason: reason, triagedBy: userId(actor), triagedAt: now })
        .where(and(eq(safetyReport.organisationId, actor.organisationId), eq(safetyReport.id, report.id)));
      await recordAudit(tx, actor, now, {
        action: "update",
        entityType: "safety_report",
        entityId: report.id,
        summary: "Closed a report as not ASB",
        after: { status: "not-asb", reason },
      });
      return { caseId: null };
    });
  }
  if (decision.decision === "attach") {
    return db.transaction(async (tx) => {
      const report = await lockPendingReport(tx, actor, reportId);
      const target = await lockCase(tx, actor, decision.caseId);
      if (target.closedOn)
        throw conflict(
          "That case is closed",
          "A report after a case has closed is a new case: open a new case instead.",
        );
      await fileReportInCase(tx, actor, now, report, "attached", target.id);
      await addTimeline(tx, actor, now, {
        caseId: target.id,
        kind: "report",
        title: `Further report (${report.source}) on ${report.reportedOn}`,
        body: report.description,
      });
      await recordAudit(tx, actor, now, {
        action: "update",
        entityType: "safety_report",
        entityId: report.id,
        summary: `Attached a report to case ${target.reference}`,
        after: { caseId: target.id },
      });
      await detectCommunityTrigger(tx, actor, now, target.id);
      return { caseId: target.id };
    });
  }
  return db.transaction(async (tx) => {
    const report = await lockPendingReport(tx, actor, reportId);
    const parties = [...(decision.case.parties ?? [])];
    // The reporter is the complainant unless the officer has already named them.
    if (report.reporterPersonId && !parties.some((p) => p.personId === report.reporterPersonId)) {
      parties.unshift({
        role: "complainant",
        personId: report.reporterPersonId,
        name: report.reporterName ?? "",
      });
    } else if (!report.reporterPersonId && report.reporterName && parties.length === 0) {
      parties.push({ role: "complainant", name: report.reporterName, contact: report.reporterContact });
    }
    const parsed = caseInput.safeParse({
      category: report.category,
      hateStrand: report.hateStrand,
      homeId: report.homeId,
      locationType: report.homeId ? "home" : "open-space",
      locationDescription: report.locationDescription,
      summary: report.description,
      ...definedOnly(decision.case),
      openedOn: decision.case.openedOn ?? report.reportedOn,
      parties,
    });
    if (!parsed.success) throw invalid("The case could not be opened.", fieldErrorsFrom(parsed.error));
    const created = await openCaseIn(tx, actor, now, parsed.data, {
      source: report.source === "officer" ? "officer" : report.source === "api" ? "api" : "portal",
      fromReportId: report.id,
      reference: report.reference,
    });
    await fileReportInCase(tx, actor, now, report, "opened-case", created.id);
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_report",
      entityId: report.id,
      summary: `Opened case ${created.reference} from a report`,
      after: { caseId: created.id },
    });
    await detectCommunityTrigger(tx, actor, now, created.id);
    return { caseId: created.id };
  });
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined && v !== ""),
  ) as Partial<T>;
}

function userId(actor: Actor): string | null {
  return actor.kind === "user" ? actor.userId : null;
}
