import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { closureOutcomes, type Workflow, workflowStatuses } from "../domain/categories.ts";
import { londonDay } from "../domain/settings.ts";
import { canManageSafety, canWorkCases } from "../policy.ts";
import { safetyAction, safetyCase, safetyParty, safetySharing, safetyTimelineEntry } from "../schema.ts";
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
    const statuses = workflowStatuses[found.workflow as Workflow] ?? [];
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
      .set({ status: target.code, updatedAt: now })
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
      .set({ status: "closed", closedOn, closureOutcome: value.outcome, updatedAt: now })
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

export const publishableCaseFields = ["lead-officer", "next-step", "status-history"] as const;

const publicationInput = z.object({
  publishedFields: z.array(z.enum(publishableCaseFields, { error: "Choose what to share" })),
  nextStep: z
    .string()
    .trim()
    .max(1000, { error: "The next step must be 1,000 characters or fewer" })
    .optional()
    .nullable(),
});

/** What the complainant sees on the portal. Redaction is on by default: nothing optional is shared until an officer shares it. */
export async function setPublication(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof publicationInput>,
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can change what is shared.");
  const value = parse(publicationInput, input, "What is shared");
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const nextStep = value.nextStep === undefined ? found.nextStep : value.nextStep;
    await tx
      .update(safetyCase)
      .set({ publishedFields: [...new Set(value.publishedFields)], nextStep, updatedAt: now })
      .where(and(eq(safetyCase.organisationId, actor.organisationId), eq(safetyCase.id, found.id)));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_case",
      entityId: found.id,
      summary: `Changed what the complainant sees on ${found.reference}`,
      before: { publishedFields: found.publishedFields },
      after: { publishedFields: value.publishedFields },
    });
  });
}

/** Shares (or stops sharing) one timeline entry or action with the complainant. */
export async function setItemPublished(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  item: { kind: "entry" | "action"; id: string; published: boolean },
): Promise<void> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can change what is shared.");
  if (!isUuid(item.id)) throw notFound("Not found");
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const table = item.kind === "entry" ? safetyTimelineEntry : safetyAction;
    const updated = await tx
      .update(table)
      .set({ published: item.published })
      .where(inOrganisation(table, actor.organisationId, eq(table.caseId, found.id), eq(table.id, item.id)))
      .returning({ id: table.id });
    if (updated.length === 0) throw notFound("Not found");
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: item.kind === "entry" ? "safety_timeline_entry" : "safety_action",
      entityId: item.id,
      summary: `${item.published ? "Shared" : "Stopped sharing"} an item on ${found.reference} with the complainant`,
    });
  });
}

export async function setLegalHold(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  legalHold: boolean,
): Promise<void> {
  requireAllowed(canManageSafety(actor), "Only managers can place or lift a legal hold.");
  await db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    await tx
      .update(safetyCase)
      .set({ legalHold, updatedAt: now })
      .where(and(eq(safetyCase.organisationId, actor.organisationId), eq(safetyCase.id, found.id)));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_case",
      entityId: found.id,
      summary: `${legalHold ? "Placed" : "Lifted"} legal hold on ${found.reference}`,
      before: { legalHold: found.legalHold },
      after: { legalHold },
    });
  });
}

const sharingInput = z.object({
  agencyName: z.string({ error: "Enter the agency" }).trim().min(1, { error: "Enter the agency" }).max(200),
  partnerOrganisationId: z.uuid().optional().nullable(),
  lawfulBasis: z
    .string({ error: "Enter the lawful basis" })
    .trim()
    .min(3, { error: "Enter the lawful basis, like Crime and Disorder Act 1998 s115" })
    .max(300),
  purpose: z
    .string({ error: "Enter the purpose" })
    .trim()
    .min(3, { error: "Enter why the information is shared" })
    .max(1000),
});

/** Records sharing with an agency and its lawful basis (e.g. Crime and Disorder Act 1998 s115, or a named ISA). */
export async function shareWithAgency(
  db: Db,
  actor: Actor,
  now: Date,
  caseId: string,
  input: z.input<typeof sharingInput>,
): Promise<string> {
  requireAllowed(canWorkCases(actor), "Only community safety officers can share cases.");
  const value = parse(sharingInput, input, "The sharing record");
  return db.transaction(async (tx) => {
    const found = await lockCase(tx, actor, caseId);
    const id = newId(now.getTime());
    await tx.insert(safetySharing).values({
      organisationId: actor.organisationId,
      id,
      caseId: found.id,
      partnerOrganisationId: value.partnerOrganisationId ?? null,
      agencyName: value.agencyName,
      lawfulBasis: value.lawfulBasis,
      purpose: value.purpose,
      sharedBy: actor.kind === "user" ? actor.userId : null,
      sharedAt: now,
    });
    await addTimeline(tx, actor, now, {
      caseId: found.id,
      kind: "contact",
      title: `Shared with ${value.agencyName}`,
      body: `Lawful basis: ${value.lawfulBasis}. Purpose: ${value.purpose}`,
    });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "safety_sharing",
      entityId: id,
      summary: `Shared ${found.reference} with ${value.agencyName} under ${value.lawfulBasis}`,
    });
    return id;
  });
}
