import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { crowdfundingBudgetLine, crowdfundingRewardTier } from "../schema.ts";
import type { ValidCampaignInput } from "./campaign-input.ts";

/**
 * Writes a campaign's budget lines, in the order the group gave them, and its reward tiers. Drafting
 * writes them once; editing deletes the old ones first, since a draft has no pledges pointing at them.
 */
export async function insertBudgetLinesAndRewards(
  tx: Db,
  organisationId: string,
  campaignId: string,
  value: Pick<ValidCampaignInput, "budgetLines" | "rewardTiers">,
  now: Date,
): Promise<void> {
  await tx.insert(crowdfundingBudgetLine).values(
    value.budgetLines.map((line, position) => ({
      organisationId,
      id: newId(now.getTime()),
      campaignId,
      position,
      description: line.description,
      amountPence: line.amountPence,
    })),
  );
  if (value.rewardTiers.length === 0) return;
  await tx
    .insert(crowdfundingRewardTier)
    .values(
      value.rewardTiers.map((tier) => ({ organisationId, id: newId(now.getTime()), campaignId, ...tier })),
    );
}
