import { and, eq } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { fundOfMatchPledge, matchPledgesOf } from "../queries/match-pledges.ts";
import { matchIsReleased } from "../rules.ts";
import { crowdfundingCampaign, crowdfundingFund, crowdfundingMatchPledge } from "../schema.ts";

// Shared by the commands that change a campaign's totals; callers hold the campaign lock.

export async function updateCampaignTotals(
  tx: Db,
  organisationId: string,
  campaignId: string,
  totals: { backerPence?: number; backerCount?: number; matchPence?: number },
): Promise<void> {
  await tx
    .update(crowdfundingCampaign)
    .set(totals)
    .where(
      and(eq(crowdfundingCampaign.organisationId, organisationId), eq(crowdfundingCampaign.id, campaignId)),
    );
}

/**
 * Releases conditional match pledges whose fund's minimum number of unique
 * backers the campaign now has. Returns the pence released.
 */
export async function releaseMatchPledges(
  tx: Db,
  organisationId: string,
  campaignId: string,
  uniqueBackers: number,
  now: Date,
): Promise<number> {
  const conditional = await tx
    .select({
      id: crowdfundingMatchPledge.id,
      amountPence: crowdfundingMatchPledge.amountPence,
      minBackers: crowdfundingFund.minBackers,
    })
    .from(crowdfundingMatchPledge)
    .innerJoin(crowdfundingFund, fundOfMatchPledge)
    .where(matchPledgesOf(organisationId, campaignId, eq(crowdfundingMatchPledge.status, "conditional")));
  let released = 0;
  for (const pledge of conditional) {
    if (!matchIsReleased(pledge.minBackers, uniqueBackers)) continue;
    await tx
      .update(crowdfundingMatchPledge)
      .set({ status: "released", releasedAt: now })
      .where(
        and(
          eq(crowdfundingMatchPledge.organisationId, organisationId),
          eq(crowdfundingMatchPledge.id, pledge.id),
        ),
      );
    released += pledge.amountPence;
  }
  return released;
}
