import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { systemActor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { addDays } from "../../../platform/dates/london.ts";
import type { Database } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { appUser, outboundMessage } from "../../../platform/db/platform-schema.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import type { JobDefinition } from "../../../platform/jobs/jobs.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { londonToday } from "../commands/record-session.ts";
import { queryRows } from "../rows.ts";
import { outcomeFollowUp } from "../schema.ts";

/** A follow-up is reminded a fortnight before it is due, so there is time to book the survey. */
export const reminderLeadDays = 14;

/**
 * Reminds the organisation's managers, in one message, of the 6- and 12-month (and any other configured)
 * follow-ups now due or due within a fortnight. Each follow-up is stamped when reminded, so running the
 * job again (the same day or later) never repeats a reminder. The message names projects and dates, not
 * people: email is not the place for participants' names; the follow-ups page has them.
 */
export async function remindDueFollowUps(
  database: Database,
  organisationId: string,
  now: Date,
): Promise<number> {
  const today = londonToday(now);
  return database.db.transaction(async (tx) => {
    const due = await queryRows<{ outcome_id: string; months: number; due_on: string; project_name: string }>(
      tx,
      sql`SELECT f.outcome_id, f.months, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, pr.name AS project_name
            FROM outcome_follow_up f
            JOIN outcome_record o ON o.organisation_id = f.organisation_id AND o.id = f.outcome_id
            JOIN project pr ON pr.organisation_id = o.organisation_id AND pr.id = o.project_id
           WHERE f.organisation_id = ${organisationId} AND f.completed_on IS NULL AND f.reminded_on IS NULL
             AND f.due_on <= ${addDays(today, reminderLeadDays)}
           ORDER BY f.due_on, pr.name
           FOR UPDATE OF f`,
    );
    if (due.length === 0) return 0;
    // The same rows as above (locked by FOR UPDATE, so a second job run waits and then finds none).
    await tx
      .update(outcomeFollowUp)
      .set({ remindedOn: today })
      .where(
        inOrganisation(
          outcomeFollowUp,
          organisationId,
          isNull(outcomeFollowUp.completedOn),
          isNull(outcomeFollowUp.remindedOn),
          lte(outcomeFollowUp.dueOn, addDays(today, reminderLeadDays)),
        ),
      );
    const managers = await tx
      .select({ email: appUser.email })
      .from(appUser)
      .where(
        and(inOrganisation(appUser, organisationId), eq(appUser.role, "manager"), isNull(appUser.disabledAt)),
      );
    const overdue = due.filter((row) => row.due_on < today).length;
    const lines = due
      .slice(0, 50)
      .map((row) => `- ${row.project_name}: ${row.months}-month follow-up due ${formatDate(row.due_on)}`);
    const body = [
      `${due.length} outcome follow-ups are due by ${formatDate(addDays(today, reminderLeadDays))}${overdue ? ` (${overdue} already overdue)` : ""}.`,
      "",
      ...lines,
      ...(due.length > lines.length ? [`…and ${due.length - lines.length} more.`] : []),
      "",
      "Record them on the follow-ups page in Kith: /investment/follow-ups",
    ].join("\n");
    if (managers.length > 0)
      await tx.insert(outboundMessage).values(
        managers.map((manager) => ({
          organisationId,
          id: newId(now.getTime()),
          recipient: manager.email,
          subject: `${due.length} outcome follow-ups due`,
          body,
          createdAt: now,
          sentAt: null,
        })),
      );
    await recordAudit(tx, systemActor(organisationId, "Follow-up reminders job"), now, {
      action: "update",
      entityType: "outcome-follow-up",
      summary: `Reminded ${managers.length} managers of ${due.length} follow-ups due by ${addDays(today, reminderLeadDays)}`,
    });
    return due.length;
  });
}

export const investmentJobs: JobDefinition[] = [
  {
    name: "investment.follow-up-reminders",
    daily: true,
    async run({ database, now, organisationId }) {
      if (organisationId) await remindDueFollowUps(database, organisationId, now);
    },
  },
];
