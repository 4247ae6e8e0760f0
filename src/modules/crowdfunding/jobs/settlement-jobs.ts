import { and, eq, lte } from "drizzle-orm";
import { systemActor } from "../../../platform/access/actor.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import type { JobDefinition } from "../../../platform/jobs/jobs.ts";
import { settleCampaign } from "../commands/settle-campaign.ts";
import { crowdfundingCampaign } from "../schema.ts";

/**
 * Deadline closure. Launch queues one job per campaign for the moment it closes;
 * a daily sweep catches any campaign whose job was missed (a server that was down).
 * Both run settleCampaign, the same code as `kith crowdfunding settle`.
 */
export const crowdfundingJobs: JobDefinition[] = [
  {
    name: "crowdfunding.settle-campaign",
    async run({ database, now, organisationId, payload }) {
      if (!organisationId || typeof payload.campaignId !== "string") return;
      await settleCampaign(
        database.db,
        systemActor(organisationId, "Crowdfunding deadline job"),
        now,
        payload.campaignId,
      );
    },
  },
  {
    name: "crowdfunding.close-due-campaigns",
    daily: true,
    async run({ database, now, organisationId }) {
      if (!organisationId) return;
      const due = await database.db
        .select({ id: crowdfundingCampaign.id })
        .from(crowdfundingCampaign)
        .where(
          inOrganisation(
            crowdfundingCampaign,
            organisationId,
            and(eq(crowdfundingCampaign.status, "live"), lte(crowdfundingCampaign.closesAt, now)),
          ),
        );
      for (const { id } of due) {
        await settleCampaign(database.db, systemActor(organisationId, "Crowdfunding deadline job"), now, id);
      }
    },
  },
];
