import { z } from "zod";
import type { Actor } from "../../../platform/access/actor.ts";
import { actorLabel, actorUserId } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import { londonDay } from "../../../platform/dates/london.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { validate } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { enqueueJob } from "../../../platform/jobs/jobs.ts";
import { canReviewCampaign } from "../policy.ts";
import { lockCampaign } from "../queries/lock-campaign.ts";
import { closingMoment, deadlineProblem } from "../rules.ts";
import { type Campaign, crowdfundingCampaign, crowdfundingReview } from "../schema.ts";

/** The reviewer's checklist: identity of the group, then feasibility of the project. */
export const reviewChecklist = [
  {
    key: "group-identity",
    text: "The group's identity is confirmed: governing document and two named officers",
  },
  { key: "bank-account", text: "The group has a bank account in its own name" },
  { key: "insurance", text: "Public liability insurance is in place, or will be before delivery starts" },
  { key: "costs", text: "The budget is realistic: quotes or price checks support each line" },
  { key: "permissions", text: "Permissions are in place or planned (landowner, planning, licences)" },
  { key: "community-benefit", text: "The project benefits the wider community, not only the group" },
  { key: "public-backing", text: "There is evidence of public backing (letters, petition, consultation)" },
] as const;

export type ReviewCheckKey = (typeof reviewChecklist)[number]["key"];

export const reviewInput = z
  .object({
    decision: z.enum(["approve", "return"], {
      error: "Choose whether to approve the campaign or return it to the group",
    }),
    checks: z.array(z.string()).default([]),
    notes: z.string().trim().max(4000, { error: "Notes must be 4,000 characters or fewer" }).optional(),
  })
  .superRefine((value, ctx) => {
    const ticked = new Set(value.checks);
    if (value.decision === "approve") {
      const missing = reviewChecklist.filter((item) => !ticked.has(item.key));
      if (missing.length > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["checks"],
          message: `Confirm every check before approving: ${missing.length} not confirmed yet`,
        });
      }
    }
    if (value.decision === "return" && !value.notes) {
      ctx.addIssue({ code: "custom", path: ["notes"], message: "Say what the group needs to change" });
    }
  });

export type ReviewInput = z.input<typeof reviewInput>;

/** Approval verifies the campaign and launches it; returning sends it back to draft with notes. */
export async function reviewCampaign(
  db: Db,
  actor: Actor,
  now: Date,
  campaignId: string,
  input: ReviewInput,
): Promise<Campaign> {
  requireAllowed(canReviewCampaign(actor), "Only officers can verify campaigns.");
  const checked = validate(reviewInput, input);
  if (!checked.ok) throw invalid("Check the review.", checked.errors);
  const { decision, checks, notes } = checked.value;
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.organisationId, campaignId);
    if (campaign.status !== "in-review") {
      throw conflict(
        "Campaign is not waiting for review",
        `This campaign is ${campaign.status}; only submitted campaigns can be reviewed.`,
      );
    }
    if (decision === "approve") {
      const deadlineIssue = deadlineProblem(londonDay(now), campaign.deadline);
      if (deadlineIssue) {
        throw invalid("The deadline no longer fits. Return the campaign so the group can change it.", {
          decision: deadlineIssue,
        });
      }
    }
    const ticked = new Set(checks);
    await tx.insert(crowdfundingReview).values({
      organisationId: actor.organisationId,
      id: newId(now.getTime()),
      campaignId: campaign.id,
      reviewerId: actorUserId(actor),
      reviewerName: actor.kind === "user" ? actor.name : actorLabel(actor),
      checks: Object.fromEntries(reviewChecklist.map((item) => [item.key, ticked.has(item.key)])),
      decision,
      notes: notes ?? null,
      reviewedAt: now,
    });
    const closesAt = closingMoment(campaign.deadline);
    const [updated] = await tx
      .update(crowdfundingCampaign)
      .set(decision === "approve" ? { status: "live", launchedAt: now, closesAt } : { status: "draft" })
      .where(matchInOrganisation(crowdfundingCampaign, actor.organisationId, { id: campaign.id }))
      .returning();
    if (decision === "approve") {
      // The deadline closure job: settles this campaign as soon as it closes.
      await enqueueJob(tx, {
        name: "crowdfunding.settle-campaign",
        runAt: closesAt,
        organisationId: actor.organisationId,
        payload: { campaignId: campaign.id },
        dedupeKey: `crowdfunding.settle-campaign:${campaign.id}`,
      });
    }
    await recordAudit(tx, actor, now, {
      action: "update",
      entityType: "crowdfunding-campaign",
      entityId: campaign.id,
      summary:
        decision === "approve"
          ? `Campaign ${campaign.reference} verified and launched`
          : `Campaign ${campaign.reference} returned to the group`,
      before: { status: campaign.status },
      after: { status: updated.status, closesAt: updated.closesAt },
    });
    return updated;
  });
}
