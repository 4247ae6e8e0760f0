import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { closureOutcomes } from "../domain/categories.ts";
import { loadSafetyConfiguration, statusDueOn, statusesOf } from "../domain/configuration.ts";
import { londonDay } from "../domain/settings.ts";
import { canWorkCases } from "../policy.ts";
import { safetyAction, safetyCase, safetyParty } from "../schema.ts";
import { addTimeline, lockCase } from "../store.ts";
import { partyInput } from "./case-input.ts";

// Smaller case-work commands. Each checks policy, validates, and writes in one transaction with its audit entry.

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(`${what} could not be saved.`, fieldErrorsFrom(parsed.error));
  return parsed.data;
}

const noteInput = z.object({
  kind: z.enum(["note", "contact"], { error: "Choose note or contact" }),
  title: z.string({ error: "Enter a short title" }).trim().min(1, { error: "Enter a short title" }).max(200),
  body: z
    .string()
    .trim()
    .max(10_000, { error: "The note must be 10,000 characters or fewer" })
    .optional()
    .nullable(),
  published: z.boolean().optional(),
});

export async function addCaseNote(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof noteInput>,
): Promise<string> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can add notes.");
  const value = parse(noteInput, input, "The note");
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const id = await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: value.kind,
      title: value.title,
      body: value.body ?? null,
      published: value.published ?? false,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_timeline_entry",
      entityId: id,
      summary: `Added a ${value.kind} to case ${found.reference}`,
    });
    return id;
  });
}

export async function addParty(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof partyInput>,
): Promise<string> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can add parties.");
  const value = parse(partyInput, input, "The party");
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const id = newId(now.getTime());
    await tx.insert(safetyParty).values({
      organisationId: actor.organisationId,
      id,
      caseId: found.id,
      role: value.role,
      personId: value.personId ?? null,
      externalRef: value.externalRef ?? null,
      displayName: value.name,
      address: value.address ?? null,
      contact: value.contact ?? null,
      dateOfBirth: value.dateOfBirth ?? null,
      vulnerable: value.vulnerable ?? false,
      vulnerabilityNote: value.vulnerabilityNote ?? null,
      notes: null,
      createdAt: now,
    });
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "note",
      title: `Party added (${value.role})`,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_party",
      entityId: id,
      summary: `Added a ${value.role} to case ${found.reference}`,
    });
    return id;
  });
}

const statusInput = z.object({
  status: z.string({ error: "Choose a status" }).min(1, { error: "Choose a status" }),
});

export async function changeStatus(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof statusInput>,
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can change a case's status.");
  const value = parse(statusInput, input, "The status");
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    if (found.closedOn) throw conflict("The case is closed", "Closed cases keep their final status.");
    const configuration = await loadSafetyConfiguration(tx, actor.organisationId);
    const statuses = statusesOf(configuration, found.workflow);
    const target = statuses.find((s) => s.code === value.status && s.code !== "closed");
    if (!target)
      throw invalid("Choose a status for this workflow.", {
        status: `Choose one of: ${statuses
          .filter((s) => s.code !== "closed")
          .map((s) => s.name)
          .join(", ")}`,
      });
    await tx
      .update(safetyCase)
      .set({
        status: target.code,
        statusDueOn: statusDueOn(configuration, found.workflow, target.code, londonDay(now)),
        updatedAt: now,
      })
      .where(and(eq(safetyCase.organisationId, actor.organisationId), eq(safetyCase.id, found.id)));
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "status",
      title: `Status: ${target.name}`,
      published: found.publishedFields.includes("status"),
    });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_case",
      entityId: found.id,
      summary: `Changed status of ${found.reference}`,
      before: { status: found.status },
      after: { status: target.code },
    });
  });
}

const closeInput = z.object({
  outcome: z.enum(closureOutcomes, { error: "Choose the outcome" }),
  closedOn: z.string().refine(isRealDate, { error: "Enter a real date, like 2026-03-27" }).optional(),
  note: z.string().trim().max(5000).optional().nullable(),
});

/** Closes a case with its outcome. Open actions are cancelled; a later report will be a new case. */
export async function closeCase(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof closeInput>,
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can close cases.");
  const value = parse(closeInput, input, "The closure");
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    if (found.closedOn) throw conflict("The case is already closed", `It closed on ${found.closedOn}.`);
    const closedOn = value.closedOn ?? londonDay(now);
    if (closedOn < found.openedOn)
      throw invalid("The case cannot close before it opened.", {
        closedOn: `Enter a date on or after ${found.openedOn}`,
      });
    if (closedOn > londonDay(now))
      throw invalid("The closing date cannot be in the future.", { closedOn: "Enter today or a past date" });
    await tx
      .update(safetyCase)
      .set({ status: "closed", statusDueOn: null, closedOn, closureOutcome: value.outcome, updatedAt: now })
      .where(and(eq(safetyCase.organisationId, actor.organisationId), eq(safetyCase.id, found.id)));
    await tx
      .update(safetyAction)
      .set({ status: "cancelled" })
      .where(
        inOrganisation(
          safetyAction,
          actor.organisationId,
          eq(safetyAction.caseId, found.id),
          eq(safetyAction.status, "open"),
        ),
      );
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "status",
      title: "Case closed",
      body: value.note ?? null,
      published: true,
    });
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_case",
      entityId: found.id,
      summary: `Closed case ${found.reference}: ${value.outcome}`,
      before: { status: found.status },
      after: { status: "closed", closedOn, outcome: value.outcome },
    });
  });
}
