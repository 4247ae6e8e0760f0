import { eq, inArray, lt } from "drizzle-orm";
import { systemActor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { addMonths } from "../../../platform/dates/calendar.ts";
import { addDays, londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import type { JobDefinition } from "../../../platform/jobs/jobs.ts";
import { queueEmails, userEmails } from "../../../platform/jobs/outbox.ts";
import { formatDate } from "../../../platform/ui/format.ts";
import { holdPaymentsForOverdueMonitoring } from "../commands/payments.ts";
import { applicationOf, awardOf } from "../queries/joins.ts";
import { noticeMonths } from "../rules.ts";
import {
  grantApplication,
  grantAward,
  grantMonitoringReturn,
  grantPayment,
  grantReminder,
} from "../schema.ts";

export const monitoringReminderDays = 14;
export const noticeReminderDays = 30;

type Reminder = {
  grantId: string;
  kind: "monitoring-due" | "monitoring-overdue" | "notice-deadline";
  subjectDate: string;
  message: string;
  /** Who is emailed: the funded organisation's contact for returns, managers for notice deadlines. */
  recipients: string[];
};

const subjects: Record<Reminder["kind"], string> = {
  "monitoring-due": "Grant monitoring return due soon",
  "monitoring-overdue": "Grant monitoring return overdue: payments held",
  "notice-deadline": "Notice deadline coming up for a multi-year grant",
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
): Promise<{ reminders: number; emailed: number; held: number; ended: number }> {
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
      contactEmail: grantApplication.contactEmail,
    })
    .from(grantMonitoringReturn)
    .innerJoin(grantAward, awardOf(grantMonitoringReturn))
    .leftJoin(grantApplication, applicationOf(grantAward))
    .where(
      matchInOrganisation(
        grantMonitoringReturn,
        organisationId,
        { status: "due" },
        eq(grantAward.status, "active"),
      ),
    );
  // A direct award has no applicant contact on record: the grants team chases the return.
  const grantsTeam = await userEmails(db, organisationId, ["officer", "manager"]);
  const managers = await userEmails(db, organisationId, ["manager", "organisation-admin"]);
  for (const item of returns) {
    const recipients = item.contactEmail ? [item.contactEmail] : grantsTeam;
    if (item.dueOn >= today && item.dueOn <= addDays(today, monitoringReminderDays)) {
      reminders.push({
        grantId: item.grantId,
        kind: "monitoring-due",
        subjectDate: item.dueOn,
        message: `${item.reference}: ${item.periodLabel} return from ${item.recipient} is due on ${formatDate(item.dueOn)}`,
        recipients,
      });
    } else if (item.dueOn < today) {
      reminders.push({
        grantId: item.grantId,
        kind: "monitoring-overdue",
        subjectDate: item.dueOn,
        message: `${item.reference}: ${item.periodLabel} return from ${item.recipient} was due on ${formatDate(item.dueOn)} and payments are held`,
        recipients,
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
    .innerJoin(grantAward, awardOf(grantPayment))
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
        recipients: managers,
      });
    }
  }

  let raised = 0;
  let emailed = 0;
  for (const { recipients, ...reminder } of reminders) {
    // The reminder row is the once-only marker: its email is queued only when the row is new.
    emailed += await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(grantReminder)
        .values({ organisationId, id: newId(now.getTime()), ...reminder, raisedAt: now })
        .onConflictDoNothing()
        .returning({ id: grantReminder.id });
      raised += inserted.length;
      if (inserted.length === 0) return 0;
      return queueEmails(
        tx,
        organisationId,
        now,
        recipients.map((recipient) => ({
          recipient,
          subject: subjects[reminder.kind],
          body: `${reminder.message}.\n\nSee the grant in Kith for details.`,
        })),
      );
    });
  }

  const held = await holdPaymentsForOverdueMonitoring(db, actor, now);

  const ended = await db.transaction(async (tx) => {
    const rows = await tx
      .update(grantAward)
      .set({ status: "ended", updatedAt: now })
      .where(
        matchInOrganisation(grantAward, organisationId, { status: "active" }, lt(grantAward.endDate, today)),
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
      summary: `${raised} grant reminder(s) raised, ${emailed} email(s) queued`,
    });
  return { reminders: raised, emailed, held, ended };
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
