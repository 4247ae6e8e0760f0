import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, type FieldErrors, invalid } from "../../../platform/http/problem.ts";
import { queueEmails } from "../../../platform/jobs/outbox.ts";
import { findActionType } from "../domain/actions.ts";
import { closureOutcomeNames, closureOutcomes } from "../domain/categories.ts";
import { actionDecisions, tsmAsbQuestion } from "../domain/satisfaction.ts";
import { londonDay } from "../domain/settings.ts";
import { personById } from "../neighbours.ts";
import { canWorkCases } from "../policy.ts";
import { safetyAction, safetyCase, safetyParty, safetySatisfaction } from "../schema.ts";
import { addTimeline, lockCase } from "../store.ts";
import { actionsOfCase, partiesOfCase } from "./case-rows.ts";

// Closing is a reviewed step: every open action is completed or cancelled (a cancellation says why),
// the closure has an outcome and a reason, and each complainant is asked the TSM question on how
// anti-social behaviour was handled. Nothing is written unless all of it is in order.

const closeInput = z.object({
  outcome: z.enum(closureOutcomes, { error: "Choose the outcome" }),
  reason: z
    .string({ error: "Enter why the case is closing" })
    .trim()
    .min(1, { error: "Enter why the case is closing" })
    .max(2000, { error: "The reason must be 2,000 characters or fewer" }),
  closedOn: z.string().refine(isRealDate, { error: "Enter a real date, like 2026-03-27" }).optional(),
  note: z.string().trim().max(5000).optional().nullable(),
  /** For each open action (by id): completed or cancelled, and why. */
  actions: z
    .record(
      z.string(),
      z.object({
        decision: z.enum(actionDecisions).optional(),
        reason: z
          .string()
          .trim()
          .max(1000, { error: "The reason must be 1,000 characters or fewer" })
          .optional(),
      }),
    )
    .optional(),
});
export type CloseCaseInput = z.input<typeof closeInput>;

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function closeCase(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: CloseCaseInput,
): Promise<{ satisfactionChecks: number; emailed: number }> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can close cases.");
  const parsed = closeInput.safeParse(input);
  if (!parsed.success) throw invalid("The case could not be closed.", fieldErrorsFrom(parsed.error));
  const value = parsed.data;
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    if (found.closedOn) throw conflict("The case is already closed", `It closed on ${found.closedOn}.`);
    const closedOn = value.closedOn ?? londonDay(now);
    if (closedOn < found.openedOn)
      throw invalid("The case cannot close before it opened.", {
        closedOn: `Enter a date on or after ${found.openedOn}`,
      });
    if (closedOn > londonDay(now))
      throw invalid("The closing date cannot be in the future.", { closedOn: "Enter today or a past date" });
    const open = await actionsOfCase(tx, actor.organisationId, found.id, eq(safetyAction.status, "open"));
    const errors: FieldErrors = {};
    for (const action of open) {
      const name = findActionType(action.actionType)?.name ?? action.actionType;
      const decided = value.actions?.[action.id];
      if (!decided?.decision)
        errors[`action-${action.id}`] = `Choose whether ${name} was completed or cancelled`;
      else if (decided.decision === "cancelled" && !decided.reason)
        errors[`actionReason-${action.id}`] = `Enter why ${name} was cancelled`;
    }
    if (Object.keys(errors).length > 0)
      throw invalid("Decide every open action before closing the case.", errors);
    for (const action of open) {
      const decided = value.actions?.[action.id];
      const completed = decided?.decision === "completed";
      await tx
        .update(safetyAction)
        .set({
          status: completed ? "done" : "cancelled",
          completedOn: completed ? closedOn : null,
          closedReason: decided?.reason || null,
        })
        .where(and(eq(safetyAction.organisationId, actor.organisationId), eq(safetyAction.id, action.id)));
    }
    await tx
      .update(safetyCase)
      .set({
        status: "closed",
        statusDueOn: null,
        closedOn,
        closureOutcome: value.outcome,
        closureReason: value.reason,
        updatedAt: now,
      })
      .where(and(eq(safetyCase.organisationId, actor.organisationId), eq(safetyCase.id, found.id)));
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "status",
      title: `Case closed: ${closureOutcomeNames[value.outcome]}`,
      body: value.note ?? null,
      published: true,
    });
    const checks = await askComplainants(tx, actor, now, found, closedOn);
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_case",
      entityId: found.id,
      summary: `Closed case ${found.reference}: ${value.outcome}`,
      before: { status: found.status, openActions: open.map((a) => a.id) },
      after: {
        status: "closed",
        closedOn,
        outcome: value.outcome,
        reason: value.reason,
        actions: value.actions ?? {},
      },
    });
    return checks;
  });
}

/** One satisfaction check per complainant; those with an email address (their own or their person record's) are emailed. */
async function askComplainants(
  tx: Db,
  actor: Actor,
  now: Date,
  found: { id: string; reference: string },
  closedOn: string,
): Promise<{ satisfactionChecks: number; emailed: number }> {
  const complainants = await partiesOfCase(
    tx,
    actor.organisationId,
    found.id,
    eq(safetyParty.role, "complainant"),
  );
  const emails: { recipient: string; subject: string; body: string }[] = [];
  for (const party of complainants) {
    const person = party.personId ? await personById(tx, actor, party.personId, now) : undefined;
    const address = [party.contact, person?.contact].find((contact) => contact && emailPattern.test(contact));
    await tx.insert(safetySatisfaction).values({
      organisationId: actor.organisationId,
      id: newId(now.getTime()),
      caseId: found.id,
      partyId: party.id,
      closedOn,
      sentAt: now,
      emailed: Boolean(address),
      answer: null,
      answeredAt: null,
    });
    if (address)
      emails.push({
        recipient: address,
        subject: `Your case ${found.reference} is closed: tell us how we did`,
        body: `Your anti-social behaviour case ${found.reference} has been closed.\n\nWe would like to know: ${tsmAsbQuestion}\n\nSign in and open "Your cases", then case ${found.reference}, to answer. It takes less than a minute. If you have no account, reply to this email with your answer.`,
      });
  }
  await queueEmails(tx, actor.organisationId, now, emails);
  return { satisfactionChecks: complainants.length, emailed: emails.length };
}
