import { count } from "drizzle-orm";
import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { validInput } from "../../../platform/http/valid-input.ts";
import { parsePounds } from "../money.ts";
import { canEditDraft, canPropose } from "../policy.ts";
import { findProcess, findProposal } from "../queries/processes.ts";
import { type PbProposal, pbProposal, proposalCategories } from "../schema.ts";

/** The questions of the resident journey, one page each, in order. */
export const proposalSteps = ["title", "description", "location", "cost", "category"] as const;
export type ProposalStep = (typeof proposalSteps)[number];

export const costInput = z
  .string({ error: "Enter how much you think it will cost" })
  .transform((value, ctx) => {
    if (value.trim() === "") {
      ctx.addIssue({ code: "custom", message: "Enter how much you think it will cost" });
      return z.NEVER;
    }
    if (value.trim().startsWith("-")) {
      ctx.addIssue({ code: "custom", message: "The cost cannot be negative" });
      return z.NEVER;
    }
    const pence = parsePounds(value);
    if (pence === null || pence === 0) {
      ctx.addIssue({ code: "custom", message: "Enter the cost in pounds, like 2500 or £2,500.50" });
      return z.NEVER;
    }
    return pence;
  });

/** One free-text answer: required, trimmed, with a limit people are told about. */
const answer = (empty: string, what: string, max: number) =>
  z
    .string({ error: empty })
    .trim()
    .min(1, { error: empty })
    .max(max, { error: `${what} must be ${max} characters or fewer` });

const stepInputs = {
  title: z.object({ title: answer("Enter a name for your idea", "The name", 120) }),
  description: z.object({ description: answer("Describe your idea", "The description", 3000) }),
  location: z.object({ location: answer("Say where it would happen", "The location", 300) }),
  cost: z.object({ estimatedCostPence: costInput }),
  category: z.object({ category: z.enum(proposalCategories, { error: "Choose the kind of idea" }) }),
} as const;

async function loadOpenProcess(db: Db, actor: Actor, processId: string) {
  const process = await findProcess(db, actor.organisationId, processId);
  requireAllowed(
    canPropose(actor, process),
    "Ideas can only be put forward while the process is taking proposals.",
  );
  return process;
}

/** Starts a draft for the signed-in person; it gets the next reference, which also breaks ties (earlier first). */
export async function startProposal(db: Db, actor: Actor, now: Date, processId: string): Promise<PbProposal> {
  const process = await loadOpenProcess(db, actor, processId);
  // Two residents starting at the same moment can pick the same next reference; the
  // unique key turns the loser's insert into nothing, and it simply takes the next one.
  for (let attempt = 0; attempt < 5; attempt++) {
    const created = await db.transaction(async (tx) => {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(pbProposal)
        .where(matchInOrganisation(pbProposal, actor.organisationId, { processId: process.id }));
      const [row] = await tx
        .insert(pbProposal)
        .values({
          organisationId: actor.organisationId,
          id: newId(now.getTime()),
          processId: process.id,
          budgetId: process.budgets[0]?.id ?? null,
          reference: String(n + 1 + attempt).padStart(4, "0"),
          title: "",
          description: "",
          location: "",
          category: "",
          status: "draft",
          proposerUserId: actor.kind === "user" ? actor.userId : null,
          proposerPersonId: actor.kind === "user" ? actor.personId : null,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (!row) return null;
      await recordAudit(tx, actor, now, {
        action: "create",
        entityType: "pb_proposal",
        entityId: row.id,
        summary: `Started a proposal in "${process.title}"`,
      });
      return row;
    });
    if (created) return created;
  }
  throw conflict("Too many ideas at once", "Please try again in a moment.");
}

async function loadDraft(db: Db, actor: Actor, processId: string, proposalId: string): Promise<PbProposal> {
  await loadOpenProcess(db, actor, processId);
  const draft = await findProposal(db, actor.organisationId, processId, proposalId);
  // Someone else's draft is not theirs to see: not found, not forbidden.
  if (!canEditDraft(actor, draft)) throw notFound("Proposal not found");
  return draft;
}

export async function getDraft(
  db: Db,
  actor: Actor,
  processId: string,
  proposalId: string,
): Promise<PbProposal> {
  return loadDraft(db, actor, processId, proposalId);
}

export async function answerProposalStep(
  db: Db,
  actor: Actor,
  now: Date,
  processId: string,
  proposalId: string,
  step: ProposalStep,
  input: unknown,
): Promise<void> {
  const draft = await loadDraft(db, actor, processId, proposalId);
  const answer = validInput(stepInputs[step] as z.ZodType<Partial<PbProposal>>, input, "Check your answer.");
  await db.transaction(async (tx) => {
    await tx
      .update(pbProposal)
      .set(answer)
      .where(matchInOrganisation(pbProposal, actor.organisationId, { id: draft.id, status: "draft" }));
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "pb_proposal",
      entityId: draft.id,
      summary: `Answered "${step}" on a draft proposal`,
      after: answer,
    });
  });
}

/** The first question still unanswered, or null when the draft is ready to check. */
export function nextUnanswered(draft: PbProposal): ProposalStep | null {
  if (!draft.title) return "title";
  if (!draft.description) return "description";
  if (!draft.location) return "location";
  if (draft.estimatedCostPence === null) return "cost";
  if (!draft.category) return "category";
  return null;
}

export async function submitProposal(
  db: Db,
  actor: Actor,
  now: Date,
  processId: string,
  proposalId: string,
): Promise<PbProposal> {
  const draft = await loadDraft(db, actor, processId, proposalId);
  const missing = nextUnanswered(draft);
  if (missing)
    throw invalid("Answer every question before you send your idea.", {
      [missing]: `Answer the ${missing} question`,
    });
  return db.transaction(async (tx) => {
    const [submitted] = await tx
      .update(pbProposal)
      .set({ status: "submitted", submittedAt: now })
      .where(matchInOrganisation(pbProposal, actor.organisationId, { id: draft.id, status: "draft" }))
      .returning();
    if (!submitted) throw conflict("Already sent", "This idea has already been sent.");
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "pb_proposal",
      entityId: draft.id,
      summary: `Submitted proposal "${draft.title}"`,
    });
    return submitted;
  });
}
