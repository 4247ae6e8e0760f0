import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { type AuditEntry, recordAudit } from "../../../platform/audit/audit-log.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { isRealDate, requiredText } from "../../../platform/http/fields.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { fundingLineInput } from "../inputs.ts";
import { canManageProjects } from "../policy.ts";
import { project, projectFunding, projectSpend, stages } from "../schema.ts";
import { parseInput } from "./parse-input.ts";

/** The project, in the actor's organisation; a missing or other organisation's project is a 404. */
export async function requireProject(db: Db, organisationId: string, projectId: string) {
  if (!isUuid(projectId)) throw notFound("Project not found");
  const [found] = await db
    .select()
    .from(project)
    .where(matchInOrganisation(project, organisationId, { id: projectId }));
  if (!found) throw notFound("Project not found");
  return found;
}

type ProjectEdit = {
  change: Omit<Partial<typeof project.$inferInsert>, "updatedAt">;
  audit: Omit<AuditEntry, "action" | "entityType" | "entityId">;
};

/**
 * One edit of a project's own columns (stage, theory of change, LIFE answers), in one transaction:
 * loads the project (a 404 if absent), asks `edit` for the change and its audit entry, then writes
 * the change with when, and audits it as a project update.
 */
export async function editProjectAudited(
  db: Db,
  actor: Actor,
  now: Date,
  projectId: string,
  edit: (tx: Db, before: typeof project.$inferSelect) => ProjectEdit | Promise<ProjectEdit>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await requireProject(tx, actor.organisationId, projectId);
    const { change, audit } = await edit(tx, before);
    await updateAudited(
      tx,
      actor,
      now,
      project,
      projectId,
      { ...change, updatedAt: now },
      {
        entityType: "project",
        ...audit,
      },
    );
  });
}

/** The keys a new line of a project (funding, spending, a steering member) is stored under. */
export type ProjectLineKeys = { organisationId: string; id: string; projectId: string };

/**
 * A command that adds one line to a project (funding, spending, a steering member): the policy check
 * first, then the input; the project must be in the actor's organisation; the line and its audit entry
 * are written together.
 */
export function projectLineCommand<Input extends z.ZodType>(line: {
  refusal: string;
  input: Input;
  entityType: string;
  insert: (tx: Db, keys: ProjectLineKeys, value: z.output<Input>) => Promise<unknown>;
  summary: (value: z.output<Input>, projectName: string) => string;
}) {
  return async (
    db: Db,
    actor: Actor,
    now: Date,
    projectId: string,
    input: unknown,
  ): Promise<{ id: string }> => {
    requireAllowed(canManageProjects(actor), line.refusal);
    const value = parseInput(line.input, input);
    return db.transaction(async (tx) => {
      const found = await requireProject(tx, actor.organisationId, projectId);
      const id = newId(now.getTime());
      await line.insert(tx, { organisationId: actor.organisationId, id, projectId }, value);
      await recordAudit(tx, actor, now, {
        action: "create",
        entityType: line.entityType,
        entityId: id,
        summary: line.summary(value, found.name),
        after: value,
      });
      return { id };
    });
  };
}

export async function moveProjectStage(
  db: Db,
  actor: Actor,
  now: Date,
  projectId: string,
  input: { stage: string },
): Promise<void> {
  requireAllowed(canManageProjects(actor), "Only officers and managers can change projects.");
  const { stage } = parseInput(stageInput, input);
  await editProjectAudited(db, actor, now, projectId, (_tx, before) => ({
    change: { stage },
    audit: {
      summary: `Moved ${before.name} from ${before.stage} to ${stage}`,
      before: { stage: before.stage },
      after: { stage },
    },
  }));
}

export const addFunding = projectLineCommand({
  refusal: "Only officers and managers can change budgets.",
  input: fundingLineInput,
  entityType: "project-funding",
  insert: (tx, keys, value) => tx.insert(projectFunding).values({ ...keys, ...value }),
  summary: (value, name) => `Added ${value.kind} funding from ${value.source} to ${name}`,
});

export const stageInput = z.object({
  stage: z.enum(stages, { error: "Choose idea, pipeline, active or closed" }),
});

export const spendInput = z.object({
  spentOn: z
    .string({ error: "Enter the date" })
    .refine(isRealDate, { error: "Enter a real date, like 2026-03-27" }),
  amountPence: z
    .number({ error: "Enter the amount in pence" })
    .int({ error: "The amount must be a whole number of pence" })
    .min(0, { error: "The amount cannot be negative" })
    .max(1e12),
  description: requiredText("what the money was spent on", 500),
});

export const recordSpend = projectLineCommand({
  refusal: "Only officers and managers can record spending.",
  input: spendInput,
  entityType: "project-spend",
  insert: (tx, keys, value) => tx.insert(projectSpend).values({ ...keys, ...value }),
  summary: (_value, name) => `Recorded spending on ${name}`,
});
