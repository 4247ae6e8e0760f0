import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { fieldErrorsFrom } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { pence, realDate } from "../inputs.ts";
import { canManageProgrammes } from "../policy.ts";
import { type GrantProgramme, grantProgramme, grantTypes } from "../schema.ts";
import { frameworkProgrammeOutcomes } from "./framework-outcomes.ts";

export const createProgrammeInput = z
  .object({
    code: z
      .string({ error: "Enter a programme code" })
      .trim()
      .regex(/^[A-Za-z0-9-]{2,30}$/, {
        error: "Enter a programme code of 2 to 30 letters, numbers or hyphens, like CCF-2026",
      }),
    title: requiredText("a title", 150),
    description: requiredText("a description", 2000),
    grantType: z.enum(grantTypes, { error: "Choose innovation or strategic" }),
    budgetPence: pence("the budget"),
    maxAwardPence: pence("the largest award"),
    opensOn: realDate("the opening date"),
    closesOn: realDate("the closing date"),
    eligibilityQuestions: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]{1,40}$/),
          question: requiredText("the eligibility question", 300),
          expected: z.enum(["yes", "no"]),
          failureReason: requiredText("why a different answer is not eligible", 300),
        }),
      )
      .min(1, { error: "Add at least one eligibility question" })
      .max(20, { error: "Add no more than 20 eligibility questions" }),
    scoringCriteria: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]{1,40}$/),
          name: requiredText("the criterion", 150),
          weight: z
            .number()
            .int({ error: "Weights must be whole numbers" })
            .min(1, { error: "Weights must be at least 1" })
            .max(100),
        }),
      )
      .min(1, { error: "Add at least one scoring criterion" })
      .max(20),
    outcomes: z
      .array(
        z.object({
          code: z
            .string()
            .trim()
            .regex(/^[A-Za-z0-9.-]{1,20}$/, { error: "Outcome codes are letters, numbers, dots or hyphens" }),
          title: requiredText("the outcome", 200),
        }),
      )
      .max(30)
      .default([]),
    /** Intended outcomes picked from the organisation's outcome framework (community investment). */
    frameworkOutcomeIds: z.array(z.string()).max(30).default([]),
  })
  .superRefine((value, ctx) => {
    if (value.outcomes.length + value.frameworkOutcomeIds.length === 0)
      ctx.addIssue({
        code: "custom",
        path: ["outcomes"],
        message: "Choose at least one outcome from your outcome framework, or add one of your own",
      });
    if (value.closesOn < value.opensOn)
      ctx.addIssue({
        code: "custom",
        path: ["closesOn"],
        message: "The closing date must be on or after the opening date",
      });
    if (value.maxAwardPence > value.budgetPence)
      ctx.addIssue({
        code: "custom",
        path: ["maxAwardPence"],
        message: "The largest award cannot be more than the budget",
      });
    for (const [field, list] of [
      ["eligibilityQuestions", value.eligibilityQuestions.map((q) => q.id)],
      ["scoringCriteria", value.scoringCriteria.map((c) => c.id)],
      ["outcomes", value.outcomes.map((o) => o.code)],
    ] as const) {
      if (new Set(list).size !== list.length)
        ctx.addIssue({ code: "custom", path: [field], message: "Each entry must be different" });
    }
  });
export type CreateProgrammeInput = z.input<typeof createProgrammeInput>;

export async function createProgramme(
  db: Db,
  actor: Actor,
  now: Date,
  input: CreateProgrammeInput,
): Promise<GrantProgramme> {
  requireAllowed(canManageProgrammes(actor), "Only managers can set up grant programmes.");
  const parsed = createProgrammeInput.safeParse(input);
  if (!parsed.success) throw invalid("Check the programme details.", fieldErrorsFrom(parsed.error));
  const { frameworkOutcomeIds, ...value } = parsed.data;
  const outcomes = [
    ...value.outcomes,
    ...(await frameworkProgrammeOutcomes(db, actor, frameworkOutcomeIds, value.outcomes)),
  ];
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(grantProgramme)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        ...value,
        outcomes,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!created)
      throw conflict(
        "Programme code already used",
        `There is already a programme with the code ${value.code}. Choose another code.`,
      );
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "grant-programme",
      entityId: created.id,
      summary: `Grant programme ${created.code} ${created.title} created`,
      after: {
        code: created.code,
        budgetPence: created.budgetPence,
        opensOn: created.opensOn,
        closesOn: created.closesOn,
        outcomes: created.outcomes,
      },
    });
    return created;
  });
}
