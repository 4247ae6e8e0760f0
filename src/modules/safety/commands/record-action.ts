import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import {
  findActionType,
  type Ground7aCondition,
  ground7aConditions,
  ground7aNoticeDeadline,
} from "../domain/actions.ts";
import { addDays, getSafetySettings, londonDay } from "../domain/settings.ts";
import { canWorkCases } from "../policy.ts";
import { type SafetyAction, safetyAction, safetyCase } from "../schema.ts";
import { addTimeline, lockCase } from "../store.ts";
import { actionOfCase, requirePartyOnCase } from "./case-rows.ts";
import { activeRiskMatrix, latestAssessment, scheduleRiskReview } from "./record-assessment.ts";

const actionInput = z.object({
  actionType: z
    .string({ error: "Choose the type of action" })
    .refine((code) => findActionType(code) !== undefined, { error: "Choose the type of action" }),
  partyId: z.uuid().optional().nullable(),
  startedOn: z.string().refine(isRealDate, { error: "Enter a real start date, like 2026-03-27" }).optional(),
  dueOn: z
    .string()
    .refine(isRealDate, { error: "Enter a real due date, like 2026-03-27" })
    .optional()
    .nullable(),
  costPence: z
    .number()
    .int({ error: "Enter the cost in whole pence" })
    .min(0, { error: "The cost cannot be negative" })
    .max(100_000_000)
    .optional()
    .nullable(),
  published: z.boolean().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type RecordActionInput = z.input<typeof actionInput>;

/** Records an action or remedy with its typed details and target date (reminders and overdue alerts run from it). */
export async function recordAction(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: RecordActionInput,
): Promise<SafetyAction> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can record actions.");
  const parsed = actionInput.safeParse(input);
  if (!parsed.success) throw invalid("The action could not be recorded.", fieldErrorsFrom(parsed.error));
  const type = findActionType(parsed.data.actionType);
  if (!type) throw invalid("Choose the type of action.", { actionType: "Choose the type of action" });
  const details = type.details.safeParse(parsed.data.details ?? {});
  if (!details.success) {
    const errors = Object.fromEntries(
      Object.entries(fieldErrorsFrom(details.error)).map(([key, message]) => [`details.${key}`, message]),
    );
    throw invalid(`The ${type.name.toLowerCase()} details are not complete.`, errors);
  }
  const detailValues: Record<string, unknown> = { ...details.data };
  if (typeof detailValues.ground7aCondition === "string" && typeof detailValues.triggeredOn === "string") {
    detailValues.noticeDeadline = ground7aNoticeDeadline(
      detailValues.ground7aCondition as Ground7aCondition,
      detailValues.triggeredOn,
    );
  }
  const startedOn = parsed.data.startedOn ?? londonDay(now);
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    if (found.closedOn) throw conflict("The case is closed", "Reopen the case before recording new actions.");
    const settings = await getSafetySettings(tx, actor.organisationId);
    const targetDays = settings.actionTargetDays[type.code] ?? type.targetDays;
    if (parsed.data.partyId)
      await requirePartyOnCase(tx, actor.organisationId, found.id, parsed.data.partyId);
    const id = newId(now.getTime());
    const [created] = await tx
      .insert(safetyAction)
      .values({
        organisationId: actor.organisationId,
        id,
        caseId: found.id,
        partyId: parsed.data.partyId ?? null,
        actionType: type.code,
        status: "open",
        startedOn,
        dueOn:
          parsed.data.dueOn ??
          (typeof detailValues.noticeDeadline === "string"
            ? detailValues.noticeDeadline
            : addDays(startedOn, targetDays)),
        completedOn: null,
        details: detailValues,
        costPence: parsed.data.costPence ?? null,
        published: parsed.data.published ?? false,
        createdBy: actor.kind === "user" ? actor.userId : null,
        createdAt: now,
      })
      .returning();
    const condition = detailValues.ground7aCondition as Ground7aCondition | undefined;
    const title = condition
      ? `${type.name}: Ground 7A (${ground7aConditions[condition]}); notice by ${String(detailValues.noticeDeadline)}`
      : type.name;
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "action",
      title,
      published: parsed.data.published ?? false,
    });
    if (type.legal && found.workflow === "asb" && found.status !== "legal") {
      await tx
        .update(safetyCase)
        .set({ status: "legal" })
        .where(and(eq(safetyCase.organisationId, actor.organisationId), eq(safetyCase.id, found.id)));
    }
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_action",
      entityId: id,
      summary: `Recorded ${type.name} on case ${found.reference}`,
      after: { actionType: type.code, details: detailValues },
    });
    return created as SafetyAction;
  });
}

const completeInput = z.object({
  completedOn: z.string().refine(isRealDate, { error: "Enter a real date, like 2026-03-27" }).optional(),
  outcome: z.string().trim().max(2000).optional(),
});

/** Marks an action done. A done risk review schedules the next one from the case's current band. */
export async function completeAction(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  actionId: string,
  input: z.input<typeof completeInput> = {},
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can update actions.");
  const parsed = completeInput.safeParse(input);
  if (!parsed.success) throw invalid("The action could not be updated.", fieldErrorsFrom(parsed.error));
  if (!isUuid(actionId)) throw notFound("Action not found");
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const action = await actionOfCase(tx, actor.organisationId, found.id, actionId);
    if (action.status !== "open")
      throw conflict("The action is already finished", "Only open actions can be completed.");
    const completedOn = parsed.data.completedOn ?? londonDay(now);
    const details = parsed.data.outcome
      ? { ...action.details, outcome: parsed.data.outcome }
      : action.details;
    await tx
      .update(safetyAction)
      .set({ status: "done", completedOn, details })
      .where(matchInOrganisation(safetyAction, actor.organisationId, { id: action.id }));
    if (action.actionType === "risk-review") {
      // A high-risk case stays on its review cadence until a reassessment lowers the band.
      const latest = await latestAssessment(tx, actor.organisationId, found.id);
      if (latest?.band === "high" && !found.closedOn) {
        const matrix = await activeRiskMatrix(tx, actor.organisationId);
        await scheduleRiskReview(
          tx,
          actor,
          now,
          found.id,
          addDays(completedOn, matrix.definition.reviewDays.high),
        );
      }
    }
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "action",
      title: `${findActionType(action.actionType)?.name ?? action.actionType} completed`,
      body: parsed.data.outcome ?? null,
      published: action.published,
    });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_action",
      entityId: action.id,
      summary: `Completed action on case ${found.reference}`,
      before: { status: action.status },
      after: { status: "done", completedOn },
    });
  });
}

const breachInput = z.object({
  on: z.string().refine(isRealDate, { error: "Enter a real breach date, like 2026-03-27" }),
  note: z.string().trim().max(2000).optional(),
});

/** Records a breach of an injunction (or agreement): breaches are the evidence for Ground 7A condition 2. */
export async function recordBreach(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  actionId: string,
  input: z.input<typeof breachInput>,
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can record breaches.");
  const parsed = breachInput.safeParse(input);
  if (!parsed.success) throw invalid("The breach could not be recorded.", fieldErrorsFrom(parsed.error));
  if (!isUuid(actionId)) throw notFound("Action not found");
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const action = await actionOfCase(tx, actor.organisationId, found.id, actionId);
    if (action.actionType !== "civil-injunction" && action.actionType !== "abc")
      throw invalid("Breaches are recorded on injunctions and agreements.", {
        actionId: "Choose an injunction or agreement",
      });
    const breaches = Array.isArray(action.details.breaches) ? action.details.breaches : [];
    const details = {
      ...action.details,
      breaches: [...breaches, { on: parsed.data.on, note: parsed.data.note ?? null }],
    };
    await tx
      .update(safetyAction)
      .set({ details })
      .where(matchInOrganisation(safetyAction, actor.organisationId, { id: action.id }));
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "action",
      title: `Breach recorded on ${parsed.data.on}`,
      body: parsed.data.note ?? null,
    });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_action",
      entityId: action.id,
      summary: `Recorded a breach on case ${found.reference}`,
      after: { breach: parsed.data.on },
    });
  });
}
