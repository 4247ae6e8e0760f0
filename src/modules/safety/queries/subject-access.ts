import { eq, inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { PersonalDataCategory } from "../../../platform/audit/personal-data.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { findActionType } from "../domain/actions.ts";
import { findCategory } from "../domain/categories.ts";
import { redactionTerms } from "../domain/redaction.ts";
import { categoriesHeld, type Viewer, viewRow } from "../domain/tag-redaction.ts";
import { canManageSafety } from "../policy.ts";
import { safetyMessage } from "../schema/messages.ts";
import {
  safetyAction,
  safetyCase,
  safetyParty,
  safetyReport,
  safetyRiskAssessment,
  safetyTimelineEntry,
} from "../schema.ts";

// Subject access (UK GDPR art. 15): what community safety holds about one person. Their own party
// records; case facts; notes with every other party's name, address and contact redacted (through the
// personal-data tags, see domain/tag-redaction.ts); and the categories of data held, from the same
// tags. Other parties' records are left out entirely.

/** What each kind of record holds, in words, for the categories list of the export. */
const recordNames: Record<string, string> = {
  safety_party: "Your details as a party to a case",
  safety_case: "Case records",
  safety_report: "Reports",
  safety_risk_assessment: "Risk assessments",
  safety_action: "Actions and remedies",
  safety_timeline_entry: "Case notes and contacts",
  safety_message: "Secure messages with officers",
};

export type SubjectAccessExport = {
  personId: string;
  generatedAt: string;
  /** UK GDPR art. 15(1)(b): the categories of personal data held, per kind of record, from the tags. */
  categoriesOfData: { records: string; table: string; categories: PersonalDataCategory[] }[];
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
    messages: { at: string; from: "you" | "officer"; body: string }[];
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
  const result: SubjectAccessExport = {
    personId,
    generatedAt: now.toISOString(),
    categoriesOfData: [],
    cases: [],
  };
  const held = new Set<string>();
  if (caseIds.length > 0) {
    const org = actor.organisationId;
    const [cases, parties, reports, assessments, actions, notes, messages] = await Promise.all([
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
      db
        .select()
        .from(safetyMessage)
        .where(inOrganisation(safetyMessage, org, inArray(safetyMessage.caseId, caseIds))),
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
      // The person sees their own data; free text has every other party's details redacted.
      const subject: Viewer = { kind: "data-subject", terms };
      const yours = viewRow("safety_party", first, subject);
      const caseReports = reports.filter(
        (r) =>
          r.caseId === record.id &&
          (r.reporterPersonId === personId || mine.some((p) => p.role === "complainant")),
      );
      const caseActions = actions.filter(
        (a) => a.caseId === record.id && (a.partyId === null || mineIds.has(a.partyId)),
      );
      const caseNotes = notes.filter((n) => n.caseId === record.id);
      // Only the person's own threads: another complainant's messages are theirs.
      const caseMessages = messages.filter((m) => m.caseId === record.id && mineIds.has(m.partyId));
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
          name: yours.displayName ?? first.displayName,
          address: yours.address ?? null,
          contact: yours.contact ?? null,
          dateOfBirth: yours.dateOfBirth ?? null,
          vulnerable: first.vulnerable,
          vulnerabilityNote: yours.vulnerabilityNote ?? null,
          notes: yours.notes ?? null,
        },
        reports: caseReports.map((r) => ({
          reportedOn: r.reportedOn,
          description: viewRow("safety_report", r, subject).description ?? null,
        })),
        riskAssessments: risksAboutMe.map((a) => ({
          assessedAt: a.assessedAt.toISOString(),
          band: a.band,
          score: a.score,
        })),
        actions: caseActions.map((a) => ({
          action: findActionType(a.actionType)?.name ?? a.actionType,
          startedOn: a.startedOn,
          status: a.status,
        })),
        notes: caseNotes.map((n) => {
          const seen = viewRow("safety_timeline_entry", n, subject);
          return { at: n.at.toISOString(), title: seen.title ?? "", body: seen.body ?? null };
        }),
        messages: caseMessages.map((m) => ({
          at: m.createdAt.toISOString(),
          from: m.direction === "from-officer" ? ("officer" as const) : ("you" as const),
          body: viewRow("safety_message", m, subject).body ?? "",
        })),
      });
      const included: [string, number][] = [
        ["safety_party", 1],
        ["safety_case", 1],
        ["safety_report", caseReports.length],
        ["safety_risk_assessment", risksAboutMe.length],
        ["safety_action", caseActions.length],
        ["safety_timeline_entry", caseNotes.length],
        ["safety_message", caseMessages.length],
      ];
      for (const [table, count] of included) if (count > 0) held.add(table);
    }
  }
  result.categoriesOfData = Object.keys(recordNames)
    .filter((table) => held.has(table))
    .map((table) => ({ records: recordNames[table] ?? table, table, categories: categoriesHeld(table) }))
    .filter((entry) => entry.categories.length > 0);
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "person",
    entityId: personId,
    summary: `Prepared a community safety subject access export (${result.cases.length} cases)`,
  });
  return result;
}
