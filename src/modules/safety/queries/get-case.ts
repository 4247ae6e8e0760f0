import { asc, desc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { findUser } from "../../../platform/auth/users.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { checkCommunityTrigger, type TriggerCheck } from "../commands/community-trigger.ts";
import { getSafetySettings, londonDay } from "../domain/settings.ts";
import { homeById, localAuthorityNames } from "../neighbours.ts";
import { canWorkCases } from "../policy.ts";
import {
  type SafetyAction,
  type SafetyCase,
  type SafetyParty,
  type SafetyReport,
  type SafetyRiskAssessment,
  type SafetyTimelineEntry,
  safetyAction,
  safetyDocument,
  safetyParty,
  safetyReport,
  safetyRiskAssessment,
  safetySharing,
  safetyTimelineEntry,
  safetyTriggerReview,
} from "../schema.ts";
import { findCase } from "../store.ts";
import { incidentCounts, partyKey, relatedOpenCases } from "./repeats.ts";

export type CaseFile = {
  record: SafetyCase;
  leadOfficer: string | null;
  parties: (SafetyParty & {
    repeatVictim: boolean;
    repeatPerpetrator: boolean;
    incidents: { victim: number; perpetrator: number };
  })[];
  reports: SafetyReport[];
  timeline: SafetyTimelineEntry[];
  assessments: SafetyRiskAssessment[];
  actions: SafetyAction[];
  documents: {
    id: string;
    kind: string;
    fileName: string;
    sizeBytes: number;
    createdAt: Date;
    uploadedByPartyId: string | null;
  }[];
  triggerReviews: (typeof safetyTriggerReview.$inferSelect)[];
  trigger: TriggerCheck;
  sharing: (typeof safetySharing.$inferSelect)[];
  related: Awaited<ReturnType<typeof relatedOpenCases>>;
  /** Shown at the top of every case page: safeguarding flags and vulnerable parties. */
  alerts: string[];
  /** Where it happened, in words: the home's address, the block, or the open space, and its council. */
  place: { address: string; localAuthority: string | null };
};

/**
 * Everything on one case, for the officer's case page. Every read of a case is audited.
 * Three rounds of queries, each run concurrently: the case itself (which checks it exists in the
 * actor's organisation), then everything that needs only the case, then what needs its parties.
 */
export async function getCase(db: Db, actor: Actor, now: Date, caseId: string): Promise<CaseFile> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can see cases.");
  const record = await findCase(db, actor, caseId);
  const org = actor.organisationId;
  const today = londonDay(now);
  const [
    parties,
    reports,
    timeline,
    assessments,
    actions,
    documents,
    triggerReviews,
    sharing,
    settings,
    trigger,
    leadOfficer,
    home,
    authorities,
  ] = await Promise.all([
    db
      .select()
      .from(safetyParty)
      .where(inOrganisation(safetyParty, org, eq(safetyParty.caseId, record.id)))
      .orderBy(asc(safetyParty.createdAt)),
    db
      .select()
      .from(safetyReport)
      .where(inOrganisation(safetyReport, org, eq(safetyReport.caseId, record.id)))
      .orderBy(asc(safetyReport.reportedOn)),
    db
      .select()
      .from(safetyTimelineEntry)
      .where(inOrganisation(safetyTimelineEntry, org, eq(safetyTimelineEntry.caseId, record.id)))
      .orderBy(desc(safetyTimelineEntry.at)),
    db
      .select()
      .from(safetyRiskAssessment)
      .where(inOrganisation(safetyRiskAssessment, org, eq(safetyRiskAssessment.caseId, record.id)))
      .orderBy(asc(safetyRiskAssessment.assessedAt)),
    db
      .select()
      .from(safetyAction)
      .where(inOrganisation(safetyAction, org, eq(safetyAction.caseId, record.id)))
      .orderBy(asc(safetyAction.startedOn)),
    db
      .select({
        id: safetyDocument.id,
        kind: safetyDocument.kind,
        fileName: safetyDocument.fileName,
        sizeBytes: safetyDocument.sizeBytes,
        createdAt: safetyDocument.createdAt,
        uploadedByPartyId: safetyDocument.uploadedByPartyId,
      })
      .from(safetyDocument)
      .where(inOrganisation(safetyDocument, org, eq(safetyDocument.caseId, record.id)))
      .orderBy(desc(safetyDocument.createdAt)),
    db
      .select()
      .from(safetyTriggerReview)
      .where(inOrganisation(safetyTriggerReview, org, eq(safetyTriggerReview.caseId, record.id)))
      .orderBy(desc(safetyTriggerReview.createdAt)),
    db
      .select()
      .from(safetySharing)
      .where(inOrganisation(safetySharing, org, eq(safetySharing.caseId, record.id)))
      .orderBy(desc(safetySharing.sharedAt)),
    getSafetySettings(db, org),
    checkCommunityTrigger(db, org, record.id, today),
    record.leadOfficerId ? findUser(db, org, record.leadOfficerId).then((user) => user?.name ?? null) : null,
    record.homeId ? homeById(db, org, record.homeId) : undefined,
    localAuthorityNames(db, record.laCode ? [record.laCode] : []),
  ]);
  const keys = parties.map(partyKey).filter((k): k is string => k !== null);
  const [counts, related] = await Promise.all([
    incidentCounts(db, org, keys, today, settings),
    relatedOpenCases(db, actor, {
      homeId: record.homeId,
      blockName: record.blockName,
      personKeys: keys,
      excludeCaseId: record.id,
    }),
    // The case and its parties have been read by now: the read is recorded alongside the last round.
    recordAudit(db, actor, now, {
      action: "read",
      entityType: "safety_case",
      entityId: record.id,
      summary: `Viewed case ${record.reference}`,
    }),
  ]);
  const withRepeats = parties.map((party) => {
    const key = partyKey(party);
    const incidents = (key && counts.get(key)) || { victim: 0, perpetrator: 0 };
    return {
      ...party,
      incidents,
      repeatVictim: incidents.victim >= settings.repeatMinIncidents,
      repeatPerpetrator: incidents.perpetrator >= settings.repeatMinIncidents,
    };
  });
  const alerts = [
    ...record.safeguardingFlags.map((flag) => `Safeguarding: ${flag}`),
    ...withRepeats
      .filter((p) => p.vulnerable)
      .map(
        (p) =>
          `Vulnerable ${p.role === "complainant" ? "complainant" : p.role.replace("-", " ")}: ${p.displayName}${p.vulnerabilityNote ? ` (${p.vulnerabilityNote})` : ""}`,
      ),
    ...(record.hateStrand ? [`Hate incident (${record.hateStrand.replace("-", " ")})`] : []),
    ...(record.legalHold ? ["On legal hold: not to be deleted"] : []),
  ];
  const address =
    [
      home?.fullAddress,
      record.blockName && !home?.fullAddress.includes(record.blockName) ? `Block: ${record.blockName}` : null,
      record.locationDescription,
    ]
      .filter(Boolean)
      .join("; ") || "Not recorded";
  return {
    place: { address, localAuthority: record.laCode ? (authorities.get(record.laCode) ?? null) : null },
    record,
    leadOfficer,
    parties: withRepeats,
    reports,
    timeline,
    assessments,
    actions,
    documents,
    triggerReviews,
    trigger,
    sharing,
    related,
    alerts,
  };
}
