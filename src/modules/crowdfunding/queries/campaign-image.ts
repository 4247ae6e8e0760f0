import { and, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canListCampaigns, canViewCampaign } from "../policy.ts";
import { crowdfundingImage } from "../schema.ts";
import { findCampaign } from "./lock-campaign.ts";

/** One image of a campaign, for anyone who may see the campaign itself. */
export async function getCampaignImage(
  db: Db,
  actor: Actor,
  campaignId: string,
  imageId: string,
): Promise<{ contentType: string; bytes: Uint8Array<ArrayBuffer> }> {
  requireAllowed(canListCampaigns(actor), "Only staff and community groups can see campaign images.");
  const campaign = await findCampaign(db, actor.organisationId, campaignId);
  if (!campaign || !canViewCampaign(actor, campaign)) throw notFound("Campaign not found");
  if (!isUuid(imageId)) throw notFound("Image not found");
  const [image] = await db
    .select({ contentType: crowdfundingImage.contentType, bytes: crowdfundingImage.bytes })
    .from(crowdfundingImage)
    .where(
      inOrganisation(
        crowdfundingImage,
        actor.organisationId,
        and(eq(crowdfundingImage.id, imageId), eq(crowdfundingImage.campaignId, campaign.id)),
      ),
    );
  if (!image) throw notFound("Image not found");
  return { contentType: image.contentType, bytes: new Uint8Array(image.bytes) };
}
