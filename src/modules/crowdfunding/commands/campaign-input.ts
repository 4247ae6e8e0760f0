import { z } from "zod";
import { isoDate, optionalText, requiredText } from "../../../platform/http/fields.ts";
import { formatPence } from "../../../platform/ui/format.ts";
import { penceField } from "../money.ts";
import { fundingModels } from "../schema.ts";

// What a group enters for a campaign, shared by the create and edit commands, the form and the API.

const budgetLine = z.object({
  description: requiredText("what the money is for", 200),
  amountPence: penceField("the amount for this budget line", 1, 100_000_000),
});

const rewardTier = z.object({
  title: requiredText("the reward's name", 100),
  description: requiredText("what backers get", 500),
  minPence: penceField("the minimum pledge for this reward", 100, 10_000_000),
});

export const campaignInput = z
  .object({
    groupId: z.uuid({ error: "Choose the community group" }).nullable().optional(),
    groupName: requiredText("the community group's name", 200),
    title: requiredText("a title", 120),
    summary: requiredText("a one-line summary", 280),
    story: requiredText("the story of the project", 10_000),
    communityBenefit: requiredText("how the wider community benefits", 4_000),
    targetPence: penceField("the target", 10_000, 100_000_000),
    deadline: z.string({ error: "Enter the deadline" }).min(1, { error: "Enter the deadline" }).pipe(isoDate),
    fundingModel: z
      .enum(fundingModels, { error: "Choose all-or-nothing or keep what you raise" })
      .default("all-or-nothing"),
    location: requiredText("where the project happens", 200),
    laCode: z
      .string()
      .regex(/^E0[67]\d{6}$/, { error: "Choose the local authority area" })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    latitude: z.number().min(49).max(61).nullable().optional(),
    longitude: z.number().min(-8).max(2).nullable().optional(),
    budgetLines: z
      .array(budgetLine)
      .min(1, { error: "Add at least one budget line" })
      .max(20, { error: "Add no more than 20 budget lines" }),
    rewardTiers: z.array(rewardTier).max(10, { error: "Add no more than 10 rewards" }).default([]),
    imageAlt: optionalText(300),
  })
  .superRefine((value, ctx) => {
    const budgetTotal = value.budgetLines.reduce((sum, line) => sum + line.amountPence, 0);
    if (budgetTotal !== value.targetPence) {
      ctx.addIssue({
        code: "custom",
        path: ["budgetLines"],
        message: `The budget lines add up to ${formatPence(budgetTotal)}, but the target is ${formatPence(value.targetPence)}: they must be the same`,
      });
    }
  });

export type CampaignInput = z.input<typeof campaignInput>;
export type ValidCampaignInput = z.output<typeof campaignInput>;

/** The campaign's own words and figures from the form: written the same way when drafted and when edited. */
export function campaignDetails(value: ValidCampaignInput) {
  return {
    groupName: value.groupName,
    title: value.title,
    summary: value.summary,
    story: value.story,
    communityBenefit: value.communityBenefit,
    targetPence: value.targetPence,
    deadline: value.deadline,
    fundingModel: value.fundingModel,
    location: value.location,
    laCode: value.laCode,
  };
}
