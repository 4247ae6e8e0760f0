import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { canManageSafety, canWorkCases } from "../policy.ts";
import { safetyAction, safetyCase, safetyTimelineEntry } from "../schema.ts";
import { lockCase } from "../store.ts";

// What the complainant sees (portal publication); legal hold. Sharing with agencies is in agency-sharing.ts.
// Smaller case-work commands. Each checks policy, validates, and writes in one transaction with its audit entry.

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(`${what} could not be saved.`, fieldErrorsFrom(parsed.error));
  return parsed.data;
}

export const publishableCaseFields = ["lead-officer", "next-step", "status-history"] as const;

/** What each shareable part is called on staff pages (never the code). */
export const publishableCaseFieldNames: Record<(typeof publishableCaseFields)[number], string> = {
  "lead-officer": "The lead officer's name",
  "next-step": "The next step",
  "status-history": "Status changes on the timeline",
};

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
      .set({
        publishedFields: [...new Set(value.publishedFields)],
        nextStep,
        nextStepAt: nextStep === found.nextStep ? found.nextStepAt : now,
        updatedAt: now,
      })
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
      .where(matchInOrganisation(table, actor.organisationId, { caseId: found.id, id: item.id }))
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
