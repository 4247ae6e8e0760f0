import type { Actor } from "../../../platform/access/actor.ts";
import { actorUserId } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { requireReference } from "../../../platform/db/scope.ts";
import { validate } from "../../../platform/http/forms.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { findOwnPartnerOrganisation } from "../../people/index.ts";
import { canCreateCampaign } from "../policy.ts";
import { deadlineProblem } from "../rules.ts";
import { type Campaign, crowdfundingCampaign } from "../schema.ts";
import { type CampaignInput, campaignDetails, campaignInput } from "./campaign-input.ts";
import { insertBudgetLinesAndRewards } from "./campaign-lines.ts";

/** A group starts a campaign as a draft, with its budget and rewards. */
export async function createCampaign(
  db: Db,
  actor: Actor,
  now: Date,
  input: CampaignInput,
): Promise<Campaign> {
  requireAllowed(canCreateCampaign(actor), "Only community groups and officers can start a campaign.");
  // A group user always creates for their own group, whatever the form says.
  const ownGroup =
    actor.kind === "user" && actor.role === "community-group" ? actor.partnerOrganisationId : undefined;
  const checked = validate(campaignInput, { ...input, groupId: ownGroup ?? input.groupId ?? null });
  if (!checked.ok) throw invalid("Check the campaign details.", checked.errors);
  const value = checked.value;
  const deadlineIssue = deadlineProblem(londonDay(now), value.deadline);
  if (deadlineIssue) throw invalid("Check the deadline.", { deadline: deadlineIssue });
  const groupId = value.groupId;
  if (groupId && groupId !== ownGroup) {
    await requireReference(
      () => findOwnPartnerOrganisation(db, actor.organisationId, groupId),
      "groupId",
      "Choose a community group from your organisation",
    );
  }

  const id = newId(now.getTime());
  return db.transaction(async (tx) => {
    const [campaign] = await tx
      .insert(crowdfundingCampaign)
      .values({
        organisationId: actor.organisationId,
        id,
        reference: `CF-${id.slice(-8).toUpperCase()}`,
        groupId: value.groupId ?? null,
        createdBy: actorUserId(actor),
        ...campaignDetails(value),
        latitude: value.latitude ?? null,
        longitude: value.longitude ?? null,
        status: "draft",
        backerPence: 0,
        backerCount: 0,
        matchPence: 0,
        collectedPence: 0,
        createdAt: now,
      })
      .returning();
    await insertBudgetLinesAndRewards(tx, actor.organisationId, id, value, now);
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "crowdfunding-campaign",
      entityId: id,
      summary: `Campaign ${campaign.reference} "${campaign.title}" drafted`,
      after: { title: campaign.title, targetPence: campaign.targetPence, deadline: campaign.deadline },
    });
    return campaign;
  });
}
