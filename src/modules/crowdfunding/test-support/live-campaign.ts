import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { CampaignInput } from "../commands/campaign-input.ts";
import { createCampaign } from "../commands/create-campaign.ts";
import { reviewCampaign, reviewChecklist } from "../commands/review-campaign.ts";
import { submitCampaign } from "../commands/submit-campaign.ts";

// A campaign taken the whole way to live (created, submitted, every check ticked and approved), for
// the tests and benchmarks that start from a live campaign. The story fields no test reads are filled
// in; one budget line covers the whole target unless the caller gives its own.

export type LiveCampaignInput = Pick<CampaignInput, "title" | "targetPence" | "deadline"> &
  Partial<CampaignInput>;

/** Approves a submitted campaign with every check ticked, as an officer who checked everything would. */
export function approveCampaign(db: Db, actor: Actor, now: Date, campaignId: string) {
  return reviewCampaign(db, actor, now, campaignId, {
    decision: "approve",
    checks: reviewChecklist.map((c) => c.key),
  });
}

export async function liveCampaign(db: Db, actor: Actor, now: Date, input: LiveCampaignInput) {
  const draft = await createCampaign(db, actor, now, {
    groupName: "G",
    summary: "s",
    story: "s",
    communityBenefit: "s",
    location: "x",
    budgetLines: [{ description: input.title, amountPence: input.targetPence }],
    ...input,
  });
  await submitCampaign(db, actor, now, draft.id);
  return approveCampaign(db, actor, now, draft.id);
}
