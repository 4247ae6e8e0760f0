import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { validate } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canManageFunds } from "../policy.ts";
import { crowdfundingFund, type Fund } from "../schema.ts";

const basisPoints = (what: string) =>
  z
    .number({ error: `Enter ${what}` })
    .int({ error: `Enter ${what} as a whole number of basis points` })
    .min(1, { error: `${what} must be more than 0%` })
    .max(10_000, { error: `${what} must be 100% or less` });

export const fundInput = z
  .object({
    name: requiredText("the fund's name", 120),
    funderName: requiredText("the funder's name", 200),
    isOwnMoney: z.boolean().default(true),
    budgetPence: z.number().int().min(0, { error: "The budget cannot be negative" }),
    maxShareBp: basisPoints("The maximum share of the target"),
    maxAmountPence: z.number().int().min(1, { error: "The maximum pledge must be more than £0" }),
    combinedCapBp: basisPoints("The cap on all funders combined"),
    minBackers: z
      .number()
      .int()
      .min(0, { error: "The minimum number of backers cannot be negative" })
      .max(10_000),
    criteria: z
      .array(
        z.object({
          key: z.string().regex(/^[a-z0-9-]{1,40}$/),
          label: requiredText("the criterion", 200),
          max: z.number().int().min(1).max(100),
        }),
      )
      .min(1, { error: "Add at least one eligibility criterion" }),
    passMark: z.number().int().min(0),
  })
  .superRefine((value, ctx) => {
    const maxScore = value.criteria.reduce((sum, criterion) => sum + criterion.max, 0);
    if (value.passMark > maxScore)
      ctx.addIssue({
        code: "custom",
        path: ["passMark"],
        message: `The pass mark must be no more than the highest possible score (${maxScore})`,
      });
    if (value.combinedCapBp < value.maxShareBp)
      ctx.addIssue({
        code: "custom",
        path: ["combinedCapBp"],
        message: "The combined cap cannot be lower than this fund's own maximum share",
      });
  });

export type FundInput = z.input<typeof fundInput>;

/** A match fund and its programme rules. */
export async function createFund(db: Db, actor: Actor, now: Date, input: FundInput): Promise<Fund> {
  requireAllowed(canManageFunds(actor), "Only managers can set up match funds.");
  const checked = validate(fundInput, input);
  if (!checked.ok) throw invalid("Check the fund's rules.", checked.errors);
  return db.transaction(async (tx) => {
    const [fund] = await tx
      .insert(crowdfundingFund)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        ...checked.value,
        open: true,
        createdAt: now,
      })
      .returning();
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "crowdfunding-fund",
      entityId: fund.id,
      summary: `Match fund ${fund.name} set up`,
      after: checked.value,
    });
    return fund;
  });
}
