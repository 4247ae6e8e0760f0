import { asc, desc, eq, inArray, type SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { organisationRows } from "../../../platform/db/organisation-rows.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import {
  canCreateCampaign,
  canEditCampaign,
  canListCampaigns,
  canViewBackers,
  canViewCampaign,
  canViewReports,
} from "../policy.ts";
import {
  type Campaign,
  type CampaignStatus,
  crowdfundingBudgetLine,
  crowdfundingCampaign,
  crowdfundingFund,
  crowdfundingImage,
  crowdfundingMatchPledge,
  crowdfundingPledge,
  crowdfundingReview,
  crowdfundingRewardTier,
  crowdfundingUpdate,
} from "../schema.ts";
import { findCampaign } from "./lock-campaign.ts";
import { fundOfMatchPledge, matchPledgesOf, ofCampaign } from "./match-pledges.ts";

export type CampaignParts = Awaited<ReturnType<typeof campaignParts>>;

/** Everything shown about a campaign to anyone allowed to see it (no backer personal data). */
export async function campaignParts(db: Db, campaign: Campaign) {
  const [budgetLines, rewardTiers, updates, images, matchPledges] = await Promise.all([
    db
      .select()
      .from(crowdfundingBudgetLine)
      .where(ofCampaign(crowdfundingBudgetLine, campaign))
      .orderBy(asc(crowdfundingBudgetLine.position)),
    db
      .select()
      .from(crowdfundingRewardTier)
      .where(ofCampaign(crowdfundingRewardTier, campaign))
      .orderBy(asc(crowdfundingRewardTier.minPence)),
    db
      .select()
      .from(crowdfundingUpdate)
      .where(ofCampaign(crowdfundingUpdate, campaign))
      .orderBy(desc(crowdfundingUpdate.postedAt)),
    db
      .select({ id: crowdfundingImage.id, altText: crowdfundingImage.altText })
      .from(crowdfundingImage)
      .where(ofCampaign(crowdfundingImage, campaign)),
    db
      .select({
        id: crowdfundingMatchPledge.id,
        fundName: crowdfundingFund.name,
        funderName: crowdfundingFund.funderName,
        minBackers: crowdfundingFund.minBackers,
        amountPence: crowdfundingMatchPledge.amountPence,
        status: crowdfundingMatchPledge.status,
        score: crowdfundingMatchPledge.score,
        pledgedByName: crowdfundingMatchPledge.pledgedByName,
        createdAt: crowdfundingMatchPledge.createdAt,
      })
      .from(crowdfundingMatchPledge)
      .innerJoin(crowdfundingFund, fundOfMatchPledge)
      .where(matchPledgesOf(campaign.organisationId, campaign.id))
      .orderBy(asc(crowdfundingMatchPledge.createdAt)),
  ]);
  return { campaign, budgetLines, rewardTiers, updates, images, matchPledges };
}

/** A campaign as staff or its own group see it, with the reviewer's decisions. */
/**
 * A campaign its group or an officer is about to add to (images, updates): the role before the
 * look-up (issue 18 item 6), then that this actor may change this campaign. Both refusals say why.
 */
export async function getCampaignToEdit(db: Db, actor: Actor, campaignId: string, refusal: string) {
  requireAllowed(canCreateCampaign(actor), refusal);
  const detail = await getCampaign(db, actor, campaignId);
  requireAllowed(canEditCampaign(actor, detail.campaign), refusal);
  return detail;
}

export async function getCampaign(db: Db, actor: Actor, campaignId: string) {
  // The role first (issue 18 item 6); a group then sees only its own campaigns, others are "not found".
  requireAllowed(canListCampaigns(actor), "Only staff and community groups can see campaigns.");
  const campaign = await findCampaign(db, actor.organisationId, campaignId);
  if (!campaign || !canViewCampaign(actor, campaign)) throw notFound("Campaign not found");
  const parts = await campaignParts(db, campaign);
  const reviews = await db
    .select()
    .from(crowdfundingReview)
    .where(ofCampaign(crowdfundingReview, campaign))
    .orderBy(desc(crowdfundingReview.reviewedAt));
  return { ...parts, reviews };
}

/** Backers' names, emails and messages: personal data, so staff only and the read is audited. */
export async function listBackers(db: Db, actor: Actor, now: Date, campaignId: string) {
  requireAllowed(canViewBackers(actor), "Only staff can see who backed a campaign.");
  const campaign = await findCampaign(db, actor.organisationId, campaignId);
  if (!campaign) throw notFound("Campaign not found");
  const backers = await db
    .select()
    .from(crowdfundingPledge)
    .where(ofCampaign(crowdfundingPledge, campaign))
    .orderBy(desc(crowdfundingPledge.createdAt));
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "crowdfunding-backers",
    entityId: campaign.id,
    summary: `Viewed ${backers.length} backers of ${campaign.reference}`,
  });
  return backers;
}

export type CampaignListFilter = { status?: CampaignStatus; search?: string };

/** Staff see every campaign; a group sees its own. */
export async function listCampaigns(
  db: Db,
  actor: Actor,
  filter: CampaignListFilter = {},
): Promise<Campaign[]> {
  requireAllowed(canListCampaigns(actor), "You cannot see crowdfunding campaigns.");
  const ownGroup =
    actor.kind === "user" && actor.role === "community-group"
      ? (actor.partnerOrganisationId ?? "00000000-0000-0000-0000-000000000000")
      : undefined;
  return campaignsOf(
    db,
    actor.organisationId,
    desc(crowdfundingCampaign.createdAt),
    filter.status ? eq(crowdfundingCampaign.status, filter.status) : undefined,
    ownGroup ? eq(crowdfundingCampaign.groupId, ownGroup) : undefined,
  );
}

/** An organisation's campaigns that meet every condition given, in the order given. */
function campaignsOf(
  db: Db,
  organisationId: string,
  order: SQL,
  ...conditions: (SQL | undefined)[]
): Promise<Campaign[]> {
  return db
    .select()
    .from(crowdfundingCampaign)
    .where(inOrganisation(crowdfundingCampaign, organisationId, ...conditions))
    .orderBy(order);
}

/** Public pages show only campaigns that have been verified and launched. */
export const publicStatuses: CampaignStatus[] = ["live", "successful", "unsuccessful", "delivered"];

export async function listPublicCampaigns(db: Db, organisationId: string): Promise<Campaign[]> {
  return campaignsOf(
    db,
    organisationId,
    asc(crowdfundingCampaign.closesAt),
    inArray(crowdfundingCampaign.status, publicStatuses),
  );
}

export async function getPublicCampaign(db: Db, organisationId: string, reference: string) {
  const [campaign] = await db
    .select()
    .from(crowdfundingCampaign)
    .where(
      matchInOrganisation(
        crowdfundingCampaign,
        organisationId,
        { reference },
        inArray(crowdfundingCampaign.status, publicStatuses),
      ),
    );
  if (!campaign) throw notFound("Campaign not found");
  const parts = await campaignParts(db, campaign);
  // Backers chose whether to show their name; anonymous ones are shown without it, emails never.
  const backers = await db
    .select({
      name: crowdfundingPledge.backerName,
      anonymous: crowdfundingPledge.anonymous,
      message: crowdfundingPledge.message,
      amountPence: crowdfundingPledge.amountPence,
      createdAt: crowdfundingPledge.createdAt,
    })
    .from(crowdfundingPledge)
    .where(ofCampaign(crowdfundingPledge, campaign))
    .orderBy(desc(crowdfundingPledge.createdAt))
    .limit(50);
  return { ...parts, backers: backers.map((b) => ({ ...b, name: b.anonymous ? "Anonymous" : b.name })) };
}

export async function listFunds(db: Db, actor: Actor) {
  requireAllowed(canViewReports(actor), "Only staff can see match funds.");
  return organisationRows(db, crowdfundingFund, actor.organisationId, asc(crowdfundingFund.name));
}

/** An image of a public campaign, for the public page. */
export async function getPublicImage(db: Db, organisationId: string, reference: string, imageId: string) {
  const [row] = await db
    .select({ contentType: crowdfundingImage.contentType, bytes: crowdfundingImage.bytes })
    .from(crowdfundingImage)
    .innerJoin(
      crowdfundingCampaign,
      sameOrganisation(
        crowdfundingCampaign,
        crowdfundingImage,
        eq(crowdfundingCampaign.id, crowdfundingImage.campaignId),
      ),
    )
    .where(
      matchInOrganisation(
        crowdfundingImage,
        organisationId,
        { id: imageId },
        eq(crowdfundingCampaign.reference, reference),
        inArray(crowdfundingCampaign.status, publicStatuses),
      ),
    );
  if (!row) throw notFound("Image not found");
  return row;
}
