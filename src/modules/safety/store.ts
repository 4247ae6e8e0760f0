import { and, eq, sql } from "drizzle-orm";
import { type Actor, actorLabel, actorUserId } from "../../platform/access/actor.ts";
import { insertAudited } from "../../platform/audit/audited-write.ts";
import type { Db } from "../../platform/db/database.ts";
import { isUuid, newId } from "../../platform/db/ids.ts";
import { matchInOrganisation } from "../../platform/db/match-in-organisation.ts";
import { notFound } from "../../platform/http/problem.ts";
import { type SafetyCase, safetyCase, safetyDocument, safetyReport, safetyTimelineEntry } from "./schema.ts";

// Shared steps of the safety commands: find a case in the actor's organisation, add to its timeline,
// keep a file with it.

/** A case in the actor's organisation, or a 404 (another organisation's case must not be told apart from none). */
export async function findCase(db: Db, actor: Actor, caseId: string): Promise<SafetyCase> {
  if (!isUuid(caseId)) throw notFound("Case not found");
  const [found] = await db
    .select()
    .from(safetyCase)
    .where(matchInOrganisation(safetyCase, actor.organisationId, { id: caseId }));
  if (!found) throw notFound("Case not found");
  return found;
}

/** Locks the case row for the rest of the transaction, so two writers cannot interleave. */
export async function lockCase(tx: Db, actor: Actor, caseId: string): Promise<SafetyCase> {
  if (!isUuid(caseId)) throw notFound("Case not found");
  const [found] = await tx
    .select()
    .from(safetyCase)
    .where(matchInOrganisation(safetyCase, actor.organisationId, { id: caseId }))
    .for("update");
  if (!found) throw notFound("Case not found");
  return found;
}

export type TimelineInput = {
  caseId: string;
  kind: "report" | "contact" | "action" | "document" | "note" | "assessment" | "status" | "portal";
  title: string;
  body?: string | null;
  published?: boolean;
  byComplainantPartyId?: string | null;
  at?: Date;
};

export async function addTimeline(tx: Db, actor: Actor, now: Date, entry: TimelineInput): Promise<string> {
  const id = newId(now.getTime());
  await tx.insert(safetyTimelineEntry).values({
    organisationId: actor.organisationId,
    id,
    caseId: entry.caseId,
    at: entry.at ?? now,
    kind: entry.kind,
    title: entry.title,
    body: entry.body ?? null,
    authorUserId: actorUserId(actor),
    authorLabel: actor.kind === "system" ? actor.label : actor.name,
    published: entry.published ?? false,
    byComplainantPartyId: entry.byComplainantPartyId ?? null,
    createdAt: now,
  });
  await tx
    .update(safetyCase)
    .set({ updatedAt: now })
    .where(and(eq(safetyCase.organisationId, actor.organisationId), eq(safetyCase.id, entry.caseId)));
  return id;
}

export type DocumentInput = {
  /** A case's file, or (while the report is not yet triaged) a report's. */
  caseId?: string | null;
  reportId?: string | null;
  kind: "evidence" | "letter";
  fileName: string;
  contentType: string;
  bytes: Uint8Array;
  /** The complainant's party when they uploaded it themselves in the portal. */
  uploadedByPartyId?: string | null;
  /** What the audit log says was kept. */
  summary: string;
};

/** Keeps a file (evidence or a generated letter) and audits it; the file's type is checked before. */
export function storeDocument(tx: Db, actor: Actor, now: Date, document: DocumentInput): Promise<string> {
  return insertAudited(
    tx,
    actor,
    now,
    safetyDocument,
    {
      caseId: document.caseId ?? null,
      reportId: document.reportId ?? null,
      kind: document.kind,
      fileName: document.fileName,
      contentType: document.contentType,
      sizeBytes: document.bytes.length,
      content: Buffer.from(document.bytes),
      uploadedByPartyId: document.uploadedByPartyId ?? null,
      createdBy: actorUserId(actor),
      createdAt: now,
    },
    { entityType: "safety_document", summary: document.summary },
  );
}

/**
 * A report that staff record on a case (the one it was opened from, or a further one): it takes the
 * case's category and place, and the actor as the reporter. Returns the report's id.
 */
export async function addCaseReport(
  tx: Db,
  actor: Actor,
  now: Date,
  onCase: SafetyCase,
  report: { status: "opened-case" | "attached"; source: string; reportedOn: string; description: string },
): Promise<string> {
  const id = newId(now.getTime());
  await tx.insert(safetyReport).values({
    ...report,
    organisationId: actor.organisationId,
    id,
    caseId: onCase.id,
    category: onCase.category,
    hateStrand: onCase.hateStrand,
    homeId: onCase.homeId,
    blockName: onCase.blockName,
    locationDescription: onCase.locationDescription,
    reporterUserId: actorUserId(actor),
    createdAt: now,
  });
  return id;
}

/**
 * The next case reference, like ASB-2026-000042. An advisory lock per organisation makes
 * the sequence gap-free and safe under concurrent intake; it is released at commit.
 * Portal reports take their reference from the same sequence (a case opened from one keeps it).
 */
export async function nextCaseReference(tx: Db, organisationId: string, openedOn: string): Promise<string> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${organisationId}::text, 301))`);
  const year = openedOn.slice(0, 4);
  const prefix = `ASB-${year}-`;
  const result = (await tx.execute(
    sql`SELECT max(substr(reference, ${prefix.length + 1}::int)::int) AS last FROM (
          SELECT reference FROM safety_case WHERE organisation_id = ${organisationId} AND reference LIKE ${`${prefix}%`}
          UNION ALL
          SELECT reference FROM safety_report WHERE organisation_id = ${organisationId} AND reference LIKE ${`${prefix}%`}
        ) used WHERE substr(reference, ${prefix.length + 1}::int) ~ '^[0-9]{1,9}$'`,
  )) as unknown as { rows: { last: number | null }[] };
  const last = Number(result.rows[0]?.last ?? 0);
  return `${prefix}${String(last + 1).padStart(6, "0")}`;
}

export function actorName(actor: Actor): string {
  return actor.kind === "system" ? actor.label : actor.name;
}

export { actorLabel };
