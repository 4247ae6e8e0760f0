import { isNull, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canRecordDelivery, canViewParticipants } from "../policy.ts";
import { queryRows } from "../rows.ts";
import { outcomeFollowUp } from "../schema.ts";

export type DueFollowUp = {
  outcomeId: string;
  months: number;
  dueOn: string;
  participantId: string;
  participantName: string;
  projectName: string;
  valueCode: string | null;
};

/** Follow-ups not yet done that are due by `until` (overdue first). Names are personal data: the read is audited. */
export async function listDueFollowUps(
  db: Db,
  actor: Actor,
  now: Date,
  until: string,
): Promise<DueFollowUp[]> {
  requireAllowed(canViewParticipants(actor), "Only officers and managers can see follow-ups.");
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT f.outcome_id, f.months, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, o.participant_id, p.display_name, pr.name AS project_name, o.value_code
        FROM outcome_follow_up f
        JOIN outcome_record o ON o.organisation_id = f.organisation_id AND o.id = f.outcome_id
        JOIN participant p ON p.organisation_id = o.organisation_id AND p.id = o.participant_id
        JOIN project pr ON pr.organisation_id = o.organisation_id AND pr.id = o.project_id
        WHERE f.organisation_id = ${actor.organisationId} AND f.completed_on IS NULL AND f.due_on <= ${until}
        ORDER BY f.due_on, p.display_name LIMIT 200`,
  );
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "participant",
    summary: `Listed ${rows.length} follow-ups due by ${until}`,
  });
  return rows.map((row) => ({
    outcomeId: String(row.outcome_id),
    months: Number(row.months),
    dueOn: String(row.due_on),
    participantId: String(row.participant_id),
    participantName: String(row.display_name),
    projectName: String(row.project_name),
    valueCode: row.value_code ? String(row.value_code) : null,
  }));
}

/**
 * One follow-up still to record, for its form: the same check as recording it (officers and above),
 * made before anything is loaded; a made-up, other-organisation or completed one is "not found".
 */
export async function followUpToRecord(
  db: Db,
  actor: Actor,
  outcomeId: string,
  months: number,
): Promise<{ outcomeId: string; months: number; dueOn: string }> {
  requireAllowed(canRecordDelivery(actor), "Only officers and managers can record follow-ups.");
  if (!isUuid(outcomeId) || !Number.isInteger(months)) throw notFound("Follow-up not found");
  const [due] = await db
    .select({
      outcomeId: outcomeFollowUp.outcomeId,
      months: outcomeFollowUp.months,
      dueOn: outcomeFollowUp.dueOn,
    })
    .from(outcomeFollowUp)
    .where(
      matchInOrganisation(
        outcomeFollowUp,
        actor.organisationId,
        { outcomeId, months },
        isNull(outcomeFollowUp.completedOn),
      ),
    );
  if (!due) throw notFound("Follow-up not found");
  return due;
}
