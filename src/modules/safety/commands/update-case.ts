import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { requireReference } from "../../../platform/db/scope.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { loadSafetyConfiguration, statusDueOn, statusesOf } from "../domain/configuration.ts";
import { londonDay } from "../domain/settings.ts";
import { homeById, personById } from "../neighbours.ts";
import { canWorkCases } from "../policy.ts";
import { safetyCase, safetyParty } from "../schema.ts";
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
    // Another organisation's home is simply unknown, as on opening a case.
    const home = value.homeId ? await homeById(tx, actor.organisationId, value.homeId) : undefined;
    if (value.homeId && !home)
      throw invalid("The party could not be saved.", { homeId: "Choose a home from your organisation" });
    const { personId } = value;
    if (personId)
      await requireReference(
        () => personById(tx, actor, personId, now),
        "personId",
        "Choose a person from your organisation",
      );
    const id = newId(now.getTime());
    await tx.insert(safetyParty).values({
      organisationId: actor.organisationId,
      id,
      caseId: found.id,
      role: value.role,
      personId: value.personId ?? null,
      externalRef: value.externalRef ?? null,
      displayName: value.name,
      homeId: home?.id ?? null,
      address: value.address || home?.fullAddress || null,
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
