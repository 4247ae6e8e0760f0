import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { canEditCampaign, canViewCampaign } from "../policy.ts";
import { lockCampaign } from "../queries/lock-campaign.ts";
import { deadlineProblem } from "../rules.ts";
import { type Campaign, crowdfundingCampaign } from "../schema.ts";

/** The group sends its draft for verification. */
export async function submitCampaign(db: Db, actor: Actor, now: Date, campaignId: string): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.organisationId, campaignId);
    if (!canViewCampaign(actor, campaign)) throw notFound("Campaign not found");
    requireAllowed(canEditCampaign(actor, campaign), "Only the group running this campaign can submit it.");
    if (campaign.status !== "draft")
      throw conflict(
        "Campaign already submitted",
        `This campaign is ${campaign.status}; only drafts can be submitted for review.`,
      );
    const deadlineIssue = deadlineProblem(londonDay(now), campaign.deadline);
    if (deadlineIssue) throw invalid("Change the deadline before submitting.", { deadline: deadlineIssue });
    const updated = await updateAudited(
      tx,
      actor,
      now,
      crowdfundingCampaign,
      campaign.id,
      { status: "in-review", submittedAt: now },
      (row) => ({
        entityType: "crowdfunding-campaign",
        summary: `Campaign ${campaign.reference} submitted for review`,
        before: { status: campaign.status },
        after: { status: row.status },
      }),
    );
    return updated;
  });
}
