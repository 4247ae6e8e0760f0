import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { invalid, notFound } from "../../../platform/http/problem.ts";
import { nsirTypes, type Workflow, workflows } from "../domain/categories.ts";
import {
  categoryIn,
  forgetSafetyConfiguration,
  loadSafetyConfiguration,
  materialiseConfiguration,
  type WorkflowStatus,
} from "../domain/configuration.ts";
import { canManageSafety } from "../policy.ts";
import { safetyCase, safetyCategory, safetyWorkflowStatus } from "../schema.ts";

// Managers change their organisation's categories and workflow statuses. The first change stores the
// defaults as rows, then applies the change, in one transaction. Categories are retired, never deleted:
// cases and reports keep their category code, and a retired category still names them.

const categoryInput = z.object({
  name: z
    .string({ error: "Enter the category's name" })
    .trim()
    .min(1, { error: "Enter the category's name" })
    .max(100, { error: "The name must be 100 characters or fewer" }),
  workflow: z.enum(workflows, { error: "Choose the workflow cases in this category follow" }),
  nsirType: z.enum(nsirTypes, { error: "Choose the NSIR type" }),
  countsAsAsb: z.boolean({ error: "Say whether cases in this category count as ASB for NM01" }),
  subCategories: z
    .array(z.string().trim().min(1).max(100, { error: "Each sub-category must be 100 characters or fewer" }))
    .max(30, { error: "Enter 30 sub-categories or fewer" })
    .default([]),
  retired: z.boolean().default(false),
});
export type CategoryInput = z.input<typeof categoryInput>;

/** A code for a new category from its name: "Car cruising" → "car-cruising". */
export function categoryCode(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50);
}

/** Adds a category (code omitted) or changes one (code given). Returns the category's code. */
export async function saveCategory(
  db: Db,
  actor: Actor,
  now: Date,
  code: string | null,
  input: CategoryInput,
): Promise<string> {
  requireAllowed(canManageSafety(actor), "Only managers can change community safety categories.");
  const parsed = categoryInput.safeParse(input);
  if (!parsed.success) throw invalid("The category could not be saved.", fieldErrorsFrom(parsed.error));
  const value = parsed.data;
  const subCategories = [...new Set(value.subCategories)];
  const saved = await db.transaction(async (tx) => {
    await materialiseConfiguration(tx, actor.organisationId, now);
    const configuration = await loadSafetyConfiguration(tx, actor.organisationId);
    const existing = code === null ? undefined : configuration.categories.find((c) => c.code === code);
    if (code !== null && !existing) throw notFound("Category not found");
    const sameName = categoryIn(configuration, value.name);
    if (sameName && sameName.code !== existing?.code)
      throw invalid("There is already a category with that name.", {
        name: "Enter a name no other category has",
      });
    const row = {
      name: value.name,
      workflow: value.workflow,
      nsirType: value.nsirType,
      countsAsAsb: value.countsAsAsb,
      subCategories,
      retiredAt: value.retired ? now : null,
      updatedAt: now,
    };
    let savedCode: string;
    if (existing) {
      savedCode = existing.code;
      await tx
        .update(safetyCategory)
        .set({ ...row, retiredAt: value.retired ? (existing.retired ? undefined : now) : null })
        .where(
          and(eq(safetyCategory.organisationId, actor.organisationId), eq(safetyCategory.code, savedCode)),
        );
    } else {
      savedCode = categoryCode(value.name);
      if (!savedCode || categoryIn(configuration, savedCode))
        throw invalid("Choose a different name.", { name: "Enter a name that gives a new category code" });
      await tx.insert(safetyCategory).values({
        ...row,
        organisationId: actor.organisationId,
        code: savedCode,
        position: configuration.categories.length,
      });
    }
    await recordAudit(tx, actor, now, {
      action: existing ? "update" : "create",
      entityType: "safety_category",
      entityId: savedCode,
      summary: `${existing ? "Changed" : "Added"} community safety category ${value.name}${value.retired ? " (retired)" : ""}`,
      before: existing ?? null,
      after: { code: savedCode, ...value, subCategories },
    });
    return savedCode;
  });
  forgetSafetyConfiguration(actor.organisationId);
  return saved;
}

const statusesInput = z
  .array(
    z.object({
      code: z
        .string()
        .trim()
        .regex(/^[a-z0-9-]{1,50}$/, {
          error: "Use lower-case letters, numbers and hyphens for a status code",
        }),
      name: z
        .string({ error: "Enter the status name" })
        .trim()
        .min(1, { error: "Enter the status name" })
        .max(100, { error: "The status name must be 100 characters or fewer" }),
      targetDays: z
        .number({ error: "Enter the target as a whole number of days" })
        .int({ error: "Enter the target as a whole number of days" })
        .min(1, { error: "The target must be at least 1 day" })
        .max(730, { error: "The target must be 730 days or fewer" })
        .nullable(),
    }),
  )
  .min(2, { error: "A workflow needs at least a starting and a closed status" })
  .max(20, { error: "A workflow can have 20 statuses or fewer" })
  .superRefine((statuses, ctx) => {
    if (statuses[0]?.code !== "open")
      ctx.addIssue({ code: "custom", path: [0, "code"], message: "The first status must be open" });
    if (statuses.at(-1)?.code !== "closed")
      ctx.addIssue({
        code: "custom",
        path: [statuses.length - 1, "code"],
        message: "The last status must be closed",
      });
    const codes = statuses.map((s) => s.code);
    codes.forEach((code, index) => {
      if (codes.indexOf(code) !== index)
        ctx.addIssue({ code: "custom", path: [index, "code"], message: `Status ${code} appears twice` });
    });
  });
export type StatusesInput = z.input<typeof statusesInput>;

/**
 * Replaces a workflow's statuses (names, order, target days). A status that open cases are in cannot be
 * removed: the cases would be left in a status their workflow no longer has.
 */
export async function saveWorkflowStatuses(
  db: Db,
  actor: Actor,
  now: Date,
  workflow: string,
  input: StatusesInput,
): Promise<WorkflowStatus[]> {
  requireAllowed(canManageSafety(actor), "Only managers can change community safety workflows.");
  if (!(workflows as readonly string[]).includes(workflow)) throw notFound("Workflow not found");
  const parsed = statusesInput.safeParse(input);
  if (!parsed.success)
    throw invalid("The workflow statuses could not be saved.", fieldErrorsFrom(parsed.error));
  const saved = await db.transaction(async (tx) => {
    await materialiseConfiguration(tx, actor.organisationId, now);
    const before = (await loadSafetyConfiguration(tx, actor.organisationId)).statuses[workflow as Workflow];
    const kept = new Set(parsed.data.map((s) => s.code));
    const removed = before.filter((s) => !kept.has(s.code)).map((s) => s.code);
    if (removed.length > 0) {
      const inUse = await tx
        .selectDistinct({ status: safetyCase.status })
        .from(safetyCase)
        .where(
          matchInOrganisation(
            safetyCase,
            actor.organisationId,
            { workflow },
            inArray(safetyCase.status, removed),
            isNull(safetyCase.closedOn),
          ),
        );
      const used = inUse.map((r) => r.status);
      if (used.length > 0)
        throw invalid("Open cases are in a status you removed.", {
          form: `Move the open cases out of ${used.join(", ")} before removing ${used.length === 1 ? "it" : "them"}`,
        });
    }
    await tx
      .delete(safetyWorkflowStatus)
      .where(
        and(
          eq(safetyWorkflowStatus.organisationId, actor.organisationId),
          eq(safetyWorkflowStatus.workflow, workflow),
        ),
      );
    await tx.insert(safetyWorkflowStatus).values(
      parsed.data.map((status, position) => ({
        organisationId: actor.organisationId,
        workflow,
        ...status,
        position,
        updatedAt: now,
      })),
    );
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "safety_workflow",
      entityId: workflow,
      summary: `Changed the statuses of the ${workflow} workflow`,
      before,
      after: parsed.data,
    });
    return parsed.data;
  });
  forgetSafetyConfiguration(actor.organisationId);
  return saved;
}
