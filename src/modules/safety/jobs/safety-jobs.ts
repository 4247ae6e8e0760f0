import { and, eq, lte, sql } from "drizzle-orm";
import { systemActor } from "../../../platform/access/actor.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { findUser } from "../../../platform/auth/users.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { outboundMessage } from "../../../platform/db/platform-schema.ts";
import type { JobContext, JobDefinition } from "../../../platform/jobs/jobs.ts";
import { casesDueForDeletion } from "../commands/retention.ts";
import { findActionType } from "../domain/actions.ts";
import { addDays, londonDay } from "../domain/settings.ts";
import { safetyAction, safetyCase } from "../schema.ts";

// Daily jobs per organisation: reminders before an action's target date, overdue alerts after it,
// and the retention review list. Each action is reminded and alerted once (dates stamped on the row).

async function notifyOfficer(
  context: JobContext,
  organisationId: string,
  userId: string | null,
  subject: string,
  body: string,
): Promise<void> {
  const user = userId ? await findUser(context.database.db, organisationId, userId) : undefined;
  if (!user) return;
  await context.database.db.insert(outboundMessage).values({
    organisationId,
    id: newId(context.now.getTime()),
    recipient: user.email,
    subject,
    body,
    createdAt: context.now,
    sentAt: null,
  });
}

export async function runActionReminders(
  context: JobContext,
): Promise<{ reminders: number; overdue: number }> {
  const organisationId = context.organisationId;
  if (!organisationId) return { reminders: 0, overdue: 0 };
  const db = context.database.db;
  const today = londonDay(context.now);
  const soon = addDays(today, 2);
  const due = await db
    .select({
      action: safetyAction,
      reference: safetyCase.reference,
      leadOfficerId: safetyCase.leadOfficerId,
    })
    .from(safetyAction)
    .innerJoin(
      safetyCase,
      and(eq(safetyCase.organisationId, safetyAction.organisationId), eq(safetyCase.id, safetyAction.caseId)),
    )
    .where(
      matchInOrganisation(
        safetyAction,
        organisationId,
        { status: "open" },
        lte(safetyAction.dueOn, soon),
        sql`(${safetyAction.remindedOn} IS NULL OR (${safetyAction.dueOn} < ${today} AND ${safetyAction.overdueAlertedOn} IS NULL))`,
      ),
    )
    .limit(5000);
  let reminders = 0;
  let overdue = 0;
  for (const { action, reference, leadOfficerId } of due) {
    const name = findActionType(action.actionType)?.name ?? action.actionType;
    const isOverdue = (action.dueOn ?? today) < today;
    if (isOverdue && action.overdueAlertedOn === null) {
      await notifyOfficer(
        context,
        organisationId,
        leadOfficerId ?? action.createdBy,
        `Overdue: ${name} on ${reference}`,
        `${name} on case ${reference} was due on ${action.dueOn}.`,
      );
      await db
        .update(safetyAction)
        .set({ overdueAlertedOn: today, remindedOn: action.remindedOn ?? today })
        .where(matchInOrganisation(safetyAction, organisationId, { id: action.id }));
      overdue++;
    } else if (!isOverdue && action.remindedOn === null) {
      await notifyOfficer(
        context,
        organisationId,
        leadOfficerId ?? action.createdBy,
        `Due soon: ${name} on ${reference}`,
        `${name} on case ${reference} is due on ${action.dueOn}.`,
      );
      await db
        .update(safetyAction)
        .set({ remindedOn: today })
        .where(matchInOrganisation(safetyAction, organisationId, { id: action.id }));
      reminders++;
    }
  }
  return { reminders, overdue };
}

export async function runRetentionReview(context: JobContext): Promise<number> {
  const organisationId = context.organisationId;
  if (!organisationId) return 0;
  const actor = systemActor(organisationId, "Retention review");
  const due = await casesDueForDeletion(context.database.db, actor, context.now);
  if (due.length > 0) {
    await recordAudit(context.database.db, actor, context.now, {
      action: "retention-review",
      entityType: "safety_case",
      summary: `${due.length} community safety cases are due for deletion review`,
      after: { references: due.slice(0, 100).map((d) => d.reference) },
    });
  }
  return due.length;
}

export const safetyJobs: JobDefinition[] = [
  {
    name: "safety.action-reminders",
    daily: true,
    run: async (context) => void (await runActionReminders(context)),
  },
  {
    name: "safety.retention-review",
    daily: true,
    run: async (context) => void (await runRetentionReview(context)),
  },
];
