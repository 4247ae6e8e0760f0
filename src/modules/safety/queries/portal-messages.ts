import { asc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canSubmitReport, canWorkCases } from "../policy.ts";
import { type SafetyMessage, safetyMessage } from "../schema/messages.ts";
import { safetyParty, safetyReport } from "../schema.ts";

export type ThreadMessage = { id: string; fromOfficer: boolean; body: string; at: Date };

/**
 * One complainant's messages on a case, oldest first. The caller has already checked that the
 * actor is that complainant (queries/portal.ts portalCase, which audits the read of the case).
 */
export async function complainantThread(
  db: Db,
  organisationId: string,
  caseId: string,
  partyId: string,
): Promise<ThreadMessage[]> {
  const rows = await db
    .select()
    .from(safetyMessage)
    .where(
      inOrganisation(
        safetyMessage,
        organisationId,
        eq(safetyMessage.caseId, caseId),
        eq(safetyMessage.partyId, partyId),
      ),
    )
    .orderBy(asc(safetyMessage.createdAt), asc(safetyMessage.id));
  return rows.map((row) => ({
    id: row.id,
    fromOfficer: row.direction === "from-officer",
    body: row.body,
    at: row.createdAt,
  }));
}

export type CaseThread = { partyId: string; complainant: string; messages: ThreadMessage[] };

/** Every complainant's thread on a case, for officers; the read is audited. */
export async function caseThreads(db: Db, actor: Actor, now: Date, caseId: string): Promise<CaseThread[]> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can read case messages.");
  if (!isUuid(caseId)) return [];
  const [complainants, messages] = await Promise.all([
    db
      .select({ id: safetyParty.id, name: safetyParty.displayName, role: safetyParty.role })
      .from(safetyParty)
      .where(inOrganisation(safetyParty, actor.organisationId, eq(safetyParty.caseId, caseId)))
      .orderBy(asc(safetyParty.createdAt), asc(safetyParty.id)),
    db
      .select()
      .from(safetyMessage)
      .where(inOrganisation(safetyMessage, actor.organisationId, eq(safetyMessage.caseId, caseId)))
      .orderBy(asc(safetyMessage.createdAt), asc(safetyMessage.id)),
  ]);
  await auditMessagesRead(db, actor, now, caseId, messages.length);
  return threadsOf(complainants, messages);
}

/** Records that an officer read a case's secure messages (nothing when there were none). */
export async function auditMessagesRead(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  count: number,
): Promise<void> {
  if (count > 0)
    await recordAudit(db, actor, now, {
      action: "read",
      entityType: "safety_message",
      entityId: caseId,
      summary: `Read ${count} secure messages on a case`,
    });
}

/** The complainants' threads from a case's parties and its messages (oldest first). */
export function threadsOf(
  parties: { id: string; name: string; role: string }[],
  messages: SafetyMessage[],
): CaseThread[] {
  return parties
    .filter((party) => party.role === "complainant")
    .map((party) => ({
      partyId: party.id,
      complainant: party.name,
      messages: messages
        .filter((m) => m.partyId === party.id)
        .map((m) => ({
          id: m.id,
          fromOfficer: m.direction === "from-officer",
          body: m.body,
          at: m.createdAt,
        })),
    }));
}

/** The reference of a report the actor has just sent (their own reports only), for "Report sent". */
export async function sentReport(
  db: Db,
  actor: Actor,
  reportId: string,
): Promise<{ reference: string | null; emailedTo: string | null } | null> {
  requireAllowed(canSubmitReport(actor), "This account cannot send reports.");
  if (actor.kind !== "user" || !isUuid(reportId)) return null;
  const [found] = await db
    .select({ reference: safetyReport.reference, reporterUserId: safetyReport.reporterUserId })
    .from(safetyReport)
    .where(inOrganisation(safetyReport, actor.organisationId, eq(safetyReport.id, reportId)));
  if (!found || found.reporterUserId !== actor.userId) return null;
  return { reference: found.reference, emailedTo: found.reference ? actor.email : null };
}
