import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { validate } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { canChangeCampaignNow, canEditCampaign, canViewCampaign } from "../policy.ts";
import { lockCampaign } from "../queries/lock-campaign.ts";
import { deadlineProblem } from "../rules.ts";
import {
  type Campaign,
  crowdfundingBudgetLine,
  crowdfundingCampaign,
  crowdfundingRewardTier,
} from "../schema.ts";
import { type CampaignInput, campaignDetails, campaignInput } from "./campaign-input.ts";
import { insertBudgetLinesAndRewards } from "./campaign-lines.ts";

/**
 * Changes a draft (for example after a reviewer returned it), or, for an officer, a campaign
 * in review (to correct it rather than send it back). Budget lines and
 * rewards are replaced as a whole, in the same transaction, so the budget always
 * adds up to the target. Once submitted, a campaign cannot be changed.
 */
export async function editCampaign(
  db: Db,
  actor: Actor,
  now: Date,
  campaignId: string,
  input: CampaignInput,
): Promise<Campaign> {
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.organisationId, campaignId);
    if (!canViewCampaign(actor, campaign)) throw notFound("Campaign not found");
    requireAllowed(
      canEditCampaign(actor, campaign),
      "Only the group running this campaign or an officer can change it.",
    );
    if (!canChangeCampaignNow(actor, campaign))
      throw conflict(
        "Campaign cannot be changed",
        `This campaign is ${campaign.status}; only drafts, and campaigns in review by an officer, can be changed.`,
      );
    const checked = validate(campaignInput, { ...input, groupId: campaign.groupId });
    if (!checked.ok) throw invalid("Check the campaign details.", checked.errors);
    const value = checked.value;
    const deadlineIssue = deadlineProblem(londonDay(now), value.deadline);
    if (deadlineIssue) throw invalid("Check the deadline.", { deadline: deadlineIssue });
    const [updated] = await tx
      .update(crowdfundingCampaign)
      .set(campaignDetails(value))
      .where(matchInOrganisation(crowdfundingCampaign, actor.organisationId, { id: campaign.id }))
      .returning();
    await tx
      .delete(crowdfundingBudgetLine)
      .where(matchInOrganisation(crowdfundingBudgetLine, actor.organisationId, { campaignId: campaign.id }));
    // A draft has no pledges, so no pledge can point at a reward being replaced.
    await tx
      .delete(crowdfundingRewardTier)
      .where(matchInOrganisation(crowdfundingRewardTier, actor.organisationId, { campaignId: campaign.id }));
    await insertBudgetLinesAndRewards(tx, actor.organisationId, campaign.id, value, now);
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "crowdfunding-campaign",
      entityId: campaign.id,
      summary: `${campaign.status === "in-review" ? "Campaign in review" : "Draft campaign"} ${campaign.reference} changed`,
      before: { title: campaign.title, targetPence: campaign.targetPence, deadline: campaign.deadline },
      after: { title: updated.title, targetPence: updated.targetPence, deadline: updated.deadline },
    });
    return updated;
  });
}
