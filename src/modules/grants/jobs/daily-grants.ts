import { and, eq, inArray, lt } from "drizzle-orm";
import { systemActor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import type { JobDefinition } from "../../../platform/jobs/jobs.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { holdPaymentsForOverdueMonitoring } from "../commands/payments.ts";
import { addDays, addMonths, londonDay } from "../dates.ts";
import { noticeMonths } from "../rules.ts";
import { grantAward, grantMonitoringReturn, grantPayment, grantReminder } from "../schema.ts";

export const monitoringReminderDays = 14;
export const noticeReminderDays = 30;

type Reminder = {
  grantId: string;
  kind: "monitoring-due" | "monitoring-overdue" | "notice-deadline";
  subjectDate: string;
  message: string;
};

/**
 * The daily grants run: reminders for monitoring returns coming due and overdue,
 * reminders before notice deadlines on multi-year awards (the last day notice can be
 * given to change a later instalment under the three-month rule), payments held for
 * overdue monitoring, and grants past their end date closed. Reminders are unique
 * per grant, kind and date, so running twice raises nothing twice.
 */
export async function runGrantsDaily(
  db: Db,
  organisationId: string,
  now: Date,
): Promise<{ reminders: number; held: number; ended: number }> {
  const actor = systemActor(organisationId, "Kith grants daily job");
  const today = londonDay(now);
  const reminders: Reminder[] = [];

  const returns = await db
    .select({
      grantId: grantMonitoringReturn.grantId,
      dueOn: grantMonitoringReturn.dueOn,
      periodLabel: grantMonitoringReturn.periodLabel,
      reference: grantAward.reference,
      recipient: grantAward.recipientName,
    })
    .from(grantMonitoringReturn)
    .innerJoin(
      grantAward,
      and(
        eq(grantAward.organisationId, grantMonitoringReturn.organisationId),
        eq(grantAward.id, grantMonitoringReturn.grantId),
      ),
    )
    .where(
      inOrganisation(
        grantMonitoringReturn,
        organisationId,
        eq(grantMonitoringReturn.status, "due"),
        eq(grantAward.status, "active"),
      ),
    );
  for (const item of returns) {
    if (item.dueOn >= today && item.dueOn <= addDays(today, monitoringReminderDays)) {
      reminders.push({
        grantId: item.grantId,
        kind: "monitoring-due",
        subjectDate: item.dueOn,
        message: `${item.reference}: ${item.periodLabel} return from ${item.recipient} is due on ${formatDate(item.dueOn)}`,
      });
    } else if (item.dueOn < today) {
      reminders.push({
        grantId: item.grantId,
        kind: "monitoring-overdue",
        subjectDate: item.dueOn,
        message: `${item.reference}: ${item.periodLabel} return from ${item.recipient} was due on ${formatDate(item.dueOn)} and payments are held`,
      });
    }
  }

  const upcoming = await db
    .select({
      grantId: grantPayment.grantId,
      instalment: grantPayment.instalment,
      dueOn: grantPayment.dueOn,
      reference: grantAward.reference,
      recipient: grantAward.recipientName,
    })
    .from(grantPayment)
    .innerJoin(
      grantAward,
      and(
        eq(grantAward.organisationId, grantPayment.organisationId),
        eq(grantAward.id, grantPayment.grantId),
      ),
    )
    .where(
      inOrganisation(
        grantPayment,
        organisationId,
        inArray(grantPayment.status, ["scheduled", "held"]),
        eq(grantAward.status, "active"),
      ),
    );
  for (const payment of upcoming.filter((p) => p.instalment > 1)) {
    const deadline = addMonths(payment.dueOn, -noticeMonths);
    if (today <= deadline && today >= addDays(deadline, -noticeReminderDays)) {
      reminders.push({
        grantId: payment.grantId,
        kind: "notice-deadline",
        subjectDate: deadline,
        message: `${payment.reference}: to reduce or end instalment ${payment.instalment} to ${payment.recipient} (due ${formatDate(payment.dueOn)}), give notice by ${formatDate(deadline)}`,
      });
    }
  }

  let raised = 0;
  for (const reminder of reminders) {
    const inserted = await db
      .insert(grantReminder)
      .values({ organisationId, id: newId(now.getTime()), ...reminder, raisedAt: now })
      .onConflictDoNothing()
      .returning({ id: grantReminder.id });
    raised += inserted.length;
  }

  const held = await holdPaymentsForOverdueMonitoring(db, actor, now);

  const ended = await db.transaction(async (tx) => {
    const rows = await tx
      .update(grantAward)
      .set({ status: "ended", updatedAt: now })
      .where(
        inOrganisation(
          grantAward,
          organisationId,
          eq(grantAward.status, "active"),
          lt(grantAward.endDate, today),
        ),
      )
      .returning({ id: grantAward.id, reference: grantAward.reference });
    if (rows.length > 0)
      await recordAudit(tx, actor, now, {
        action: "update",
        entityType: "grant",
        summary: `${rows.length} grant(s) ended after their end date: ${rows.map((r) => r.reference).join(", ")}`,
      });
    return rows.length;
  });
  if (raised > 0)
    await recordAudit(db, actor, now, {
      action: "create",
      entityType: "grant-reminder",
      summary: `${raised} grant reminder(s) raised`,
    });
  return { reminders: raised, held, ended };
}

export const grantsJobs: JobDefinition[] = [
  {
    name: "grants-daily",
    daily: true,
    async run(context) {
      if (!context.organisationId) return;
      await runGrantsDaily(context.database.db, context.organisationId, context.now);
    },
  },
];
