import { sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { readLogInsert, readLogValues } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { fixedText } from "../../../platform/db/fixed-text.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { rowFromJson, rowsFromJson } from "../../../platform/db/json-rows.ts";
import { appUser } from "../../../platform/db/platform-schema.ts";
import { preparedSql } from "../../../platform/db/prepared-sql.ts";
import { notFound } from "../../../platform/http/problem.ts";
import type { TriggerCheck } from "../commands/community-trigger.ts";
import { londonDay, settingsFromStored } from "../domain/settings.ts";
import { type PlaceOfCaseRow, placeOfCaseColumns, placeOfCaseFrom } from "../neighbours.ts";
import { canWorkCases } from "../policy.ts";
import { safetyMessage } from "../schema/messages.ts";
import {
  type SafetyAction,
  type SafetyCase,
  type SafetyParty,
  type SafetyReport,
  type SafetyRiskAssessment,
  type SafetyTimelineEntry,
  safetyAction,
  safetyCase,
  safetyDocument,
  safetyParty,
  safetyReport,
  safetyRiskAssessment,
  safetySharing,
  safetyTimelineEntry,
  safetyTriggerReview,
} from "../schema.ts";
import { type AroundRow, aroundContext, aroundInStatement, aroundOfCase } from "./case-around.ts";
import { auditMessagesRead, type CaseThread, threadsOf } from "./portal-messages.ts";
import { partyKey, type RelatedCase } from "./repeats.ts";

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
  /** Each complainant's secure messages with the officers, when asked for (that read is audited too). */
  threads: CaseThread[];
  related: RelatedCase[];
  /** Shown at the top of every case page: safeguarding flags and vulnerable parties. */
  alerts: string[];
  /** Where it happened, in words: the home's address, the block, or the open space, and its council. */
  place: {
    address: string;
    localAuthority: string | null;
    /** Where the locator map is drawn: the case's council area and its home's neighbourhood. */
    laCode: string | null;
    lsoaCode: string | null;
  };
};

// The case and everything listed under it, in ONE statement: each child table is a jsonb_agg
// subquery on its (organisation_id, case_id, …) index, in the order the page lists it. Documents
// leave out their content. The case's home and council come as two more columns (places' own
// look-up, composed in), and so do the repeat counts, related open cases and Community Trigger
// count (case-around.ts). The read's audit entry is written by the same statement (a
// data-modifying CTE over the case found in the actor's organisation, so a case that is not found
// writes nothing). The text never varies, so PostgreSQL keeps it prepared.
const caseFile = preparedSql<CaseFileRow>("kith_case_file", () => {
  const value = (name: "organisationId" | "caseId" | "today") => sql.placeholder(name);
  return sql`WITH c AS (SELECT * FROM ${safetyCase} WHERE organisation_id = ${value("organisationId")} AND id = ${value("caseId")}::uuid),
      audited AS (${readLogInsert("safety_case", sql`SELECT c.id::text AS entity_id, 'Viewed case ' || c.reference AS summary FROM c`)}),
      d AS (SELECT ${value("today")}::date AS today),
      ${aroundContext()}
    SELECT to_jsonb(c) AS record, ${caseFileColumns()}, ${aroundInStatement()}
    FROM c, here, party_keys`;
});

// Everything read beside the case row has no parameters: Drizzle renders its text once, not per view.
const caseFileColumns = fixedText(() => {
  // Rows written at the same moment (one command, or a test's fixed clock) keep the order they were
  // written in: ties on the time fall back to the row's place in the table, in the same direction.
  const tieBreak = (order: string) => `${order}, x.ctid${order.endsWith(" DESC") ? " DESC" : ""}`;
  const children = (table: PgTable, order: string, row = sql.raw("to_jsonb(x)")) =>
    sql`coalesce((SELECT jsonb_agg(${row} ORDER BY ${sql.raw(tieBreak(order))}) FROM ${table} x
      WHERE x.organisation_id = c.organisation_id AND x.case_id = c.id), '[]'::jsonb)`;
  return sql`(SELECT u.name FROM ${appUser} u WHERE u.organisation_id = c.organisation_id AND u.id = c.lead_officer_id) AS lead_officer,
      ${children(safetyParty, "x.created_at")} AS parties,
      ${children(safetyReport, "x.reported_on")} AS reports,
      ${children(safetyTimelineEntry, "x.at DESC")} AS timeline,
      ${children(safetyRiskAssessment, "x.assessed_at")} AS assessments,
      ${children(safetyAction, "x.started_on")} AS actions,
      ${children(safetyDocument, "x.created_at DESC", sql.raw("to_jsonb(x) - 'content'"))} AS documents,
      ${children(safetyTriggerReview, "x.created_at DESC")} AS trigger_reviews,
      ${children(safetySharing, "x.shared_at DESC")} AS sharing,
      ${children(safetyMessage, "x.created_at, x.id")} AS messages,
      ${placeOfCaseColumns(sql.raw("c.organisation_id"), sql.raw("c.home_id"), sql.raw("c.la_code"))}`;
});

type CaseFileRow = PlaceOfCaseRow &
  AroundRow & {
    record: Record<string, unknown>;
    lead_officer: string | null;
    parties: unknown;
    reports: unknown;
    timeline: unknown;
    assessments: unknown;
    actions: unknown;
    documents: unknown;
    trigger_reviews: unknown;
    sharing: unknown;
    messages: unknown;
  };

/**
 * Everything on one case, for the officer's case page. Every read of a case is audited.
 * One statement: the case file, which also checks the case is in the actor's organisation, reads
 * its place and what depends on its parties (repeat counts, related open cases and the Community
 * Trigger count), and writes the read's audit entry. With `show.messages`, the complainants'
 * secure messages come in it too, and their read is recorded by a second statement, only when
 * there are some.
 */
export async function getCase(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  show: { messages?: boolean } = {},
): Promise<CaseFile> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can see cases.");
  if (!isUuid(caseId)) throw notFound("Case not found");
  const today = londonDay(now);
  const [file] = await caseFile(db, {
    organisationId: actor.organisationId,
    caseId,
    today,
    ...readLogValues(actor, now),
  });
  if (!file) throw notFound("Case not found");
  const record = rowFromJson(safetyCase, file.record);
  const settings = settingsFromStored(file.settings);
  const parties = rowsFromJson(safetyParty, file.parties);
  // The secure messages come with the case file; only a page that shows them returns (and audits) them.
  const messages = show.messages ? rowsFromJson(safetyMessage, file.messages) : [];
  const [{ counts, related, trigger }] = await Promise.all([
    aroundOfCase(db, record, parties, settings, today, file),
    auditMessagesRead(db, actor, now, record.id, messages.length),
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
  const place = placeOfCaseFrom(file);
  const home = place.home;
  const address =
    [
      home?.fullAddress,
      record.blockName && !home?.fullAddress.includes(record.blockName) ? `Block: ${record.blockName}` : null,
      record.locationDescription,
    ]
      .filter(Boolean)
      .join("; ") || "Not recorded";
  return {
    place: {
      address,
      localAuthority: record.laCode ? place.localAuthority : null,
      laCode: record.laCode ?? home?.laCode ?? null,
      lsoaCode: home?.lsoa21Code ?? null,
    },
    record,
    leadOfficer: file.lead_officer,
    parties: withRepeats,
    reports: rowsFromJson(safetyReport, file.reports),
    timeline: rowsFromJson(safetyTimelineEntry, file.timeline),
    assessments: rowsFromJson(safetyRiskAssessment, file.assessments),
    actions: rowsFromJson(safetyAction, file.actions),
    documents: rowsFromJson(safetyDocument, file.documents).map((d) => ({
      id: d.id,
      kind: d.kind,
      fileName: d.fileName,
      sizeBytes: d.sizeBytes,
      createdAt: d.createdAt,
      uploadedByPartyId: d.uploadedByPartyId,
    })),
    triggerReviews: rowsFromJson(safetyTriggerReview, file.trigger_reviews),
    trigger,
    sharing: rowsFromJson(safetySharing, file.sharing),
    threads: threadsOf(
      parties.map((p) => ({ id: p.id, name: p.displayName, role: p.role })),
      messages,
    ),
    related,
    alerts,
  };
}
