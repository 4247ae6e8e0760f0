import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { type Campaign, crowdfundingCampaign } from "../schema.ts";

/**
 * The campaign row, locked for the rest of the transaction. Every change to a
 * campaign's totals or status goes through this lock, so 50 backers pledging at
 * once still add up exactly and settlement never races a late pledge.
 */
export async function lockCampaign(tx: Db, organisationId: string, campaignId: string): Promise<Campaign> {
  if (!isUuid(campaignId)) throw notFound("Campaign not found");
  const [campaign] = await tx
    .select()
    .from(crowdfundingCampaign)
    .where(matchInOrganisation(crowdfundingCampaign, organisationId, { id: campaignId }))
    .for("update");
  if (!campaign) throw notFound("Campaign not found");
  return campaign;
}

export async function findCampaign(
  db: Db,
  organisationId: string,
  campaignId: string,
): Promise<Campaign | undefined> {
  if (!isUuid(campaignId)) return undefined;
  const [campaign] = await db
    .select()
    .from(crowdfundingCampaign)
    .where(matchInOrganisation(crowdfundingCampaign, organisationId, { id: campaignId }));
  return campaign;
}
