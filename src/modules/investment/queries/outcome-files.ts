import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canViewParticipants } from "../policy.ts";
import { queryRows } from "../rows.ts";

/** The evidence files of a person's outcomes, without their content (names for a list). */
export async function listOutcomeFiles(
  db: Db,
  actor: Actor,
  participantId: string,
): Promise<{ id: string; outcomeId: string; fileName: string }[]> {
  requireAllowed(canViewParticipants(actor), "Only officers and managers can see evidence.");
  if (!isUuid(participantId)) return [];
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT f.id, f.outcome_id, f.file_name FROM outcome_file f
        JOIN outcome_record o ON o.organisation_id = f.organisation_id AND o.id = f.outcome_id
        WHERE f.organisation_id = ${actor.organisationId} AND o.participant_id = ${participantId} ORDER BY f.file_name`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    outcomeId: String(row.outcome_id),
    fileName: String(row.file_name),
  }));
}

/** One evidence file (personal data: the read is audited). */
export async function getOutcomeFile(
  db: Db,
  actor: Actor,
  now: Date,
  fileId: string,
): Promise<{ fileName: string; contentType: string; content: Uint8Array }> {
  requireAllowed(canViewParticipants(actor), "Only officers and managers can see evidence.");
  if (!isUuid(fileId)) throw notFound("File not found");
  const [row] = await queryRows<{
    outcome_id: string;
    file_name: string;
    content_type: string;
    content: Uint8Array;
  }>(
    db,
    sql`SELECT outcome_id, file_name, content_type, content FROM outcome_file WHERE organisation_id = ${actor.organisationId} AND id = ${fileId}`,
  );
  if (!row) throw notFound("File not found");
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "outcome-record",
    entityId: row.outcome_id,
    summary: `Opened evidence file ${row.file_name}`,
  });
  return { fileName: row.file_name, contentType: row.content_type, content: new Uint8Array(row.content) };
}
