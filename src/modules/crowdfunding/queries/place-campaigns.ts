import { and, asc, eq, ne } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { isStaff, requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { type CampaignStatus, crowdfundingCampaign as campaign } from "../schema.ts";

/** Campaigns in one district, drafts left out: for a place profile (staff only). */
export async function campaignsInDistrict(
  db: Db,
  actor: Actor,
  laCode: string,
): Promise<
  { id: string; title: string; status: CampaignStatus; targetPence: number; collectedPence: number }[]
> {
  requireAllowed(isStaff(actor), "Only staff can see campaigns by area.");
  return db
    .select({
      id: campaign.id,
      title: campaign.title,
      status: campaign.status,
      targetPence: campaign.targetPence,
      collectedPence: campaign.collectedPence,
    })
    .from(campaign)
    .where(
      inOrganisation(
        campaign,
        actor.organisationId,
        and(eq(campaign.laCode, laCode), ne(campaign.status, "draft")),
      ),
    )
    .orderBy(asc(campaign.title));
}
