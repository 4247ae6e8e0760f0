import type { Actor } from "../../../platform/access/actor.ts";
import type { Db } from "../../../platform/db/database.ts";
import type { CampaignInput } from "../commands/campaign-input.ts";
import { createCampaign } from "../commands/create-campaign.ts";
import { reviewCampaign, reviewChecklist } from "../commands/review-campaign.ts";
import { submitCampaign } from "../commands/submit-campaign.ts";
import type { Campaign } from "../schema.ts";

// For tests and benchmarks (no test runner imports): a campaign made live the way an officer would,
// drafted, submitted and approved with every check ticked, all by one actor at one moment.

/** The approved campaign as the review left it. */
export async function approvedCampaign(
  db: Db,
  actor: Actor,
  now: Date,
  input: CampaignInput,
): Promise<Campaign> {
  const draft = await createCampaign(db, actor, now, input);
  await submitCampaign(db, actor, now, draft.id);
  return reviewCampaign(db, actor, now, draft.id, {
    decision: "approve",
    checks: reviewChecklist.map((c) => c.key),
  });
}
