import { z } from "zod";
import { type Actor, actorLabel } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { requiredText } from "../../../platform/http/fields.ts";
import { validate } from "../../../platform/http/forms.ts";
import { conflict, invalid, notFound } from "../../../platform/http/problem.ts";
import { canPostUpdate, canViewCampaign } from "../policy.ts";
import { lockCampaign } from "../queries/lock-campaign.ts";
import { crowdfundingCampaign, crowdfundingUpdate } from "../schema.ts";

export const updateInput = z.object({
  title: requiredText("a title for the update", 120),
  body: requiredText("the update", 5_000),
  delivered: z.boolean().default(false),
});

export type UpdateInput = z.input<typeof updateInput>;

/**
 * A progress update for backers. Marking it as the delivery update moves a
 * successful campaign to delivered: the project has been done.
 */
export async function postUpdate(
  db: Db,
  actor: Actor,
  now: Date,
  campaignId: string,
  input: UpdateInput,
): Promise<void> {
  const checked = validate(updateInput, input);
  if (!checked.ok) throw invalid("Check the update.", checked.errors);
  const { title, body, delivered } = checked.value;
  await db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.organisationId, campaignId);
    if (!canViewCampaign(actor, campaign)) throw notFound("Campaign not found");
    requireAllowed(
      canPostUpdate(actor, campaign),
      "Only the group running this campaign or an officer can post updates.",
    );
    if (campaign.status === "draft" || campaign.status === "in-review") {
      throw conflict("Campaign is not live yet", "Updates can be posted once the campaign is live.");
    }
    if (delivered && campaign.status !== "successful") {
      throw invalid("Check the update.", {
        delivered:
          campaign.status === "delivered"
            ? "The project is already marked as delivered"
            : "Only a successful campaign can be marked as delivered",
      });
    }
    await tx.insert(crowdfundingUpdate).values({
      organisationId: actor.organisationId,
      id: newId(now.getTime()),
      campaignId: campaign.id,
      title,
      body,
      authorName: actor.kind === "user" ? actor.name : actorLabel(actor),
      postedAt: now,
    });
    if (delivered) {
      await tx
        .update(crowdfundingCampaign)
        .set({ status: "delivered", deliveredAt: now })
        .where(matchInOrganisation(crowdfundingCampaign, actor.organisationId, { id: campaign.id }));
    }
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "crowdfunding-campaign",
      entityId: campaign.id,
      summary: delivered
        ? `Campaign ${campaign.reference} delivered: ${title}`
        : `Update posted on ${campaign.reference}: ${title}`,
      after: delivered ? { status: "delivered" } : { update: title },
    });
  });
}
