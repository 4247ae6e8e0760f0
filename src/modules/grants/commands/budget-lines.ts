import { asc } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { type AuditEntry, recordAudit } from "../../../platform/audit/audit-log.ts";
import { deleteAudited, updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { formatPence } from "../../../platform/ui/index.ts";
import { poundsAsPence } from "../inputs.ts";
import { canApply, canEditOwnApplication } from "../policy.ts";
import {
  type BudgetCategory,
  budgetCategories,
  type GrantApplication,
  type GrantBudgetLine,
  grantBudgetLine,
} from "../schema.ts";
import { loadOwnApplication } from "./applications.ts";

// The applicant's budget: lines of what the money is for. When there are lines, they must add up
// to the amount asked for before the application can be sent, so assessors see where it goes.

const categoryKeys = Object.keys(budgetCategories) as [BudgetCategory, ...BudgetCategory[]];

export const budgetLineInput = z.object({
  description: requiredText("what the money is for", 200),
  amount: poundsAsPence("the cost", { min: 1 }),
  category: z
    .union([z.literal(""), z.enum(categoryKeys)], { error: "Select a category from the list" })
    .optional()
    .transform((value) => (value ? value : null)),
  otherFunding: z
    .enum(["yes", "no"], { error: "Select yes if other funding pays for part of this cost" })
    .transform((value) => value === "yes"),
});
/** As a form sends it: every field a string, any of them missing. */
export type BudgetLineInput = Partial<Record<"description" | "amount" | "category" | "otherFunding", string>>;

export function budgetTotalPence(lines: Pick<GrantBudgetLine, "amountPence">[]): number {
  return lines.reduce((sum, line) => sum + line.amountPence, 0);
}

/** Why the budget cannot be sent as it is, or null when it can (no lines, or lines that add up). */
export function budgetMismatch(
  application: Pick<GrantApplication, "amountRequestedPence">,
  lines: Pick<GrantBudgetLine, "amountPence">[],
): string | null {
  if (lines.length === 0) return null;
  const total = budgetTotalPence(lines);
  const requested = application.amountRequestedPence ?? 0;
  if (total === requested) return null;
  return `Your budget lines add up to ${formatPence(total)} but you are asking for ${formatPence(requested)}. Change the lines or the amount you are asking for so they are the same`;
}

export async function listBudgetLines(
  db: Db,
  organisationId: string,
  applicationId: string,
): Promise<GrantBudgetLine[]> {
  return db
    .select()
    .from(grantBudgetLine)
    .where(matchInOrganisation(grantBudgetLine, organisationId, { applicationId }))
    .orderBy(asc(grantBudgetLine.createdAt), asc(grantBudgetLine.description), asc(grantBudgetLine.id));
}

/** The applicant's draft, ready to change; a sent one is a conflict, anyone else's is not found. */
export async function loadDraftForChange(
  db: Db,
  actor: Actor,
  applicationId: string,
): Promise<GrantApplication> {
  requireAllowed(canApply(actor), "Sign in with your organisation's account to change an application.");
  const { application } = await loadOwnApplication(db, actor, applicationId);
  if (!canEditOwnApplication(actor, application))
    throw conflict("Application already sent", "You cannot change an application after you have sent it.");
  return application;
}

export function parseLine(input: BudgetLineInput) {
  const parsed = budgetLineInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the budget line.", fieldErrorsFrom(parsed.error));
  return parsed.data;
}

/** The line `addBudgetLine` inserts; the demo seed writes the same rows in bulk. */
export function budgetLineRow(
  actor: Actor,
  now: Date,
  applicationId: string,
  line: ReturnType<typeof parseLine>,
): typeof grantBudgetLine.$inferInsert {
  return {
    organisationId: actor.organisationId,
    id: newId(now.getTime()),
    applicationId,
    description: line.description,
    amountPence: line.amount,
    category: line.category,
    otherFunding: line.otherFunding,
    createdAt: now,
    updatedAt: now,
  };
}

export function budgetLineAddedAudit(
  application: Pick<GrantApplication, "reference">,
  line: Pick<GrantBudgetLine, "id" | "amountPence">,
): AuditEntry {
  return {
    action: "create",
    entityType: "grant-budget-line",
    entityId: line.id,
    summary: `Grant application ${application.reference}: budget line added (${formatPence(line.amountPence)})`,
  };
}

async function findLine(db: Db, organisationId: string, applicationId: string, lineId: string) {
  if (!isUuid(lineId)) throw notFound("Budget line not found");
  const [line] = await db
    .select()
    .from(grantBudgetLine)
    .where(matchInOrganisation(grantBudgetLine, organisationId, { id: lineId, applicationId }));
  if (!line) throw notFound("Budget line not found");
  return line;
}

export async function getBudgetLine(
  db: Db,
  actor: Actor,
  applicationId: string,
  lineId: string,
): Promise<GrantBudgetLine> {
  const application = await loadDraftForChange(db, actor, applicationId);
  return findLine(db, actor.organisationId, application.id, lineId);
}

export async function addBudgetLine(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  input: BudgetLineInput,
): Promise<GrantBudgetLine> {
  const application = await loadDraftForChange(db, actor, applicationId);
  const line = parseLine(input);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(grantBudgetLine)
      .values(budgetLineRow(actor, now, application.id, line))
      .returning();
    await recordAudit(tx, actor, now, budgetLineAddedAudit(application, created));
    return created;
  });
}

export async function changeBudgetLine(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  lineId: string,
  input: BudgetLineInput,
): Promise<GrantBudgetLine> {
  const application = await loadDraftForChange(db, actor, applicationId);
  const before = await findLine(db, actor.organisationId, application.id, lineId);
  const line = parseLine(input);
  return db.transaction(async (tx) => {
    const change = {
      description: line.description,
      amountPence: line.amount,
      category: line.category,
      otherFunding: line.otherFunding,
      updatedAt: now,
    };
    return updateAudited(tx, actor, now, grantBudgetLine, before.id, change, (updated) => ({
      entityType: "grant-budget-line",
      summary: `Grant application ${application.reference}: budget line changed`,
      before: { description: before.description, amountPence: before.amountPence },
      after: { description: updated.description, amountPence: updated.amountPence },
    }));
  });
}

export async function removeBudgetLine(
  db: Db,
  actor: Actor,
  now: Date,
  applicationId: string,
  lineId: string,
): Promise<void> {
  const application = await loadDraftForChange(db, actor, applicationId);
  const line = await findLine(db, actor.organisationId, application.id, lineId);
  await db.transaction(async (tx) => {
    await deleteAudited(tx, actor, now, grantBudgetLine, line.id, {
      entityType: "grant-budget-line",
      summary: `Grant application ${application.reference}: budget line removed (${line.description})`,
    });
  });
}
