import { eq, inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { findActionType } from "../domain/actions.ts";
import { findCategory } from "../domain/categories.ts";
import { redact, redactionTerms } from "../domain/redaction.ts";
import { canManageSafety } from "../policy.ts";
import {
  safetyAction,
  safetyCase,
  safetyParty,
  safetyReport,
  safetyRiskAssessment,
  safetyTimelineEntry,
} from "../schema.ts";

// Subject access (UK GDPR art. 15): what community safety holds about one person. Their own party
// records in full; case facts; notes with every other party's name, address and contact redacted.
// Other parties' records are left out entirely.

export type SubjectAccessExport = {
  personId: string;
  generatedAt: string;
  cases: {
    reference: string;
    category: string;
    role: string;
    openedOn: string;
    closedOn: string | null;
    yourDetails: {
      name: string;
      address: string | null;
      contact: string | null;
      dateOfBirth: string | null;
      vulnerable: boolean;
      vulnerabilityNote: string | null;
      notes: string | null;
    };
    reports: { reportedOn: string; description: string | null }[];
    riskAssessments: { assessedAt: string; band: string; score: number }[];
    actions: { action: string; startedOn: string; status: string }[];
    notes: { at: string; title: string; body: string | null }[];
  }[];
};

export async function subjectAccessExport(
  db: Db,
  actor: Actor,
  now: Date,
  personId: string,
): Promise<SubjectAccessExport> {
  requireAllowed(canManageSafety(actor), "Only managers can prepare subject access exports.");
  if (!isUuid(personId)) throw notFound("Person not found");
  const own = await db
    .select()
    .from(safetyParty)
    .where(inOrganisation(safetyParty, actor.organisationId, eq(safetyParty.personId, personId)));
  const caseIds = [...new Set(own.map((p) => p.caseId))];
  const result: SubjectAccessExport = { personId, generatedAt: now.toISOString(), cases: [] };
  if (caseIds.length > 0) {
    const org = actor.organisationId;
    const [cases, parties, reports, assessments, actions, notes] = await Promise.all([
      db
        .select()
        .from(safetyCase)
        .where(inOrganisation(safetyCase, org, inArray(safetyCase.id, caseIds))),
      db
        .select()
        .from(safetyParty)
        .where(inOrganisation(safetyParty, org, inArray(safetyParty.caseId, caseIds))),
      db
        .select()
        .from(safetyReport)
        .where(inOrganisation(safetyReport, org, inArray(safetyReport.caseId, caseIds))),
      db
        .select()
        .from(safetyRiskAssessment)
        .where(inOrganisation(safetyRiskAssessment, org, inArray(safetyRiskAssessment.caseId, caseIds))),
      db
        .select()
        .from(safetyAction)
        .where(inOrganisation(safetyAction, org, inArray(safetyAction.caseId, caseIds))),
      db
        .select()
        .from(safetyTimelineEntry)
        .where(inOrganisation(safetyTimelineEntry, org, inArray(safetyTimelineEntry.caseId, caseIds))),
    ]);
    for (const record of cases.sort((a, b) => a.openedOn.localeCompare(b.openedOn))) {
      const mine = own.filter((p) => p.caseId === record.id);
      const mineIds = new Set(mine.map((p) => p.id));
      const first = mine[0];
      if (!first) continue;
      const terms = redactionTerms(
        parties.filter((p) => p.caseId === record.id && p.personId !== personId),
        [first.displayName],
      );
      const clean = (text: string | null) => (text === null ? null : redact(text, terms));
      const risksAboutMe = assessments.filter(
        (a) => a.caseId === record.id && a.partyId !== null && mineIds.has(a.partyId),
      );
      result.cases.push({
        reference: record.reference,
        category: findCategory(record.category)?.name ?? record.category,
        role: mine.map((p) => p.role).join(", "),
        openedOn: record.openedOn,
        closedOn: record.closedOn,
        yourDetails: {
          name: first.displayName,
          address: first.address,
          contact: first.contact,
          dateOfBirth: first.dateOfBirth,
          vulnerable: first.vulnerable,
          vulnerabilityNote: first.vulnerabilityNote,
          notes: first.notes,
        },
        reports: reports
          .filter(
            (r) =>
              r.caseId === record.id &&
              (r.reporterPersonId === personId || mine.some((p) => p.role === "complainant")),
          )
          .map((r) => ({ reportedOn: r.reportedOn, description: clean(r.description) })),
        riskAssessments: risksAboutMe.map((a) => ({
          assessedAt: a.assessedAt.toISOString(),
          band: a.band,
          score: a.score,
        })),
        actions: actions
          .filter((a) => a.caseId === record.id && (a.partyId === null || mineIds.has(a.partyId)))
          .map((a) => ({
            action: findActionType(a.actionType)?.name ?? a.actionType,
            startedOn: a.startedOn,
            status: a.status,
          })),
        notes: notes
          .filter((n) => n.caseId === record.id)
          .map((n) => ({ at: n.at.toISOString(), title: clean(n.title) ?? "", body: clean(n.body) })),
      });
    }
  }
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "person",
    entityId: personId,
    summary: `Prepared a community safety subject access export (${result.cases.length} cases)`,
  });
  return result;
}
