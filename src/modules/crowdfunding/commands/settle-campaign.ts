import { eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { updateAudited } from "../../../platform/audit/audited-write.ts";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { conflict } from "../../../platform/http/problem.ts";
import { formatDate, formatPence } from "../../../platform/ui/format.ts";
import { paymentProvider } from "../payment-provider.ts";
import { canSettleCampaign } from "../policy.ts";
import { lockCampaign } from "../queries/lock-campaign.ts";
import { ofCampaign } from "../queries/match-pledges.ts";
import { settlementOutcome } from "../rules.ts";
import {
  type CampaignStatus,
  crowdfundingCampaign,
  crowdfundingMatchPledge,
  crowdfundingPledge,
} from "../schema.ts";
import { releaseMatchPledges } from "./campaign-totals.ts";
import { emailBackersTheResult } from "./settlement-emails.ts";

export type SettlementResult = {
  campaignId: string;
  reference: string;
  status: CampaignStatus;
  alreadySettled: boolean;
  targetPence: number;
  backerPence: number;
  matchPence: number;
  totalPence: number;
  collectedPence: number;
  pledgesCollected: number;
  pledgesReleased: number;
  matchCollected: number;
  matchLapsed: number;
};

/**
 * Deadline settlement of one campaign: the job and `kith crowdfunding settle`
 * both call this. All-or-nothing: if backers' pledges plus released match pledges
 * reach the target, every pledge is captured; otherwise every pledge is released.
 * It runs in one transaction, so a failure leaves the campaign live and untouched,
 * and running it twice changes nothing the second time.
 */
export async function settleCampaign(
  db: Db,
  actor: Actor,
  now: Date,
  campaignId: string,
): Promise<SettlementResult> {
  requireAllowed(canSettleCampaign(actor), "Only officers can settle campaigns.");
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.organisationId, campaignId);
    const base = {
      campaignId: campaign.id,
      reference: campaign.reference,
      targetPence: campaign.targetPence,
      backerPence: campaign.backerPence,
    };
    if (
      campaign.status === "successful" ||
      campaign.status === "unsuccessful" ||
      campaign.status === "delivered"
    ) {
      return {
        ...base,
        status: campaign.status,
        alreadySettled: true,
        matchPence: campaign.matchPence,
        totalPence: campaign.backerPence + campaign.matchPence,
        collectedPence: campaign.collectedPence,
        pledgesCollected: 0,
        pledgesReleased: 0,
        matchCollected: 0,
        matchLapsed: 0,
      };
    }
    if (campaign.status !== "live" || !campaign.closesAt) {
      throw conflict(
        "Campaign is not live",
        `Campaign ${campaign.reference} is ${campaign.status}; only live campaigns are settled.`,
      );
    }
    if (now.getTime() < campaign.closesAt.getTime()) {
      throw conflict(
        "Campaign is still open",
        `Campaign ${campaign.reference} closes at the end of ${formatDate(campaign.deadline)} (midnight, UK time); it is settled after that.`,
      );
    }
    // A last release check, in case a fund's threshold was met by the final pledges.
    const lateRelease = await releaseMatchPledges(
      tx,
      actor.organisationId,
      campaign.id,
      campaign.backerCount,
      now,
    );
    const matchPence = campaign.matchPence + lateRelease;
    const outcome = settlementOutcome({
      fundingModel: campaign.fundingModel,
      targetPence: campaign.targetPence,
      backerPence: campaign.backerPence,
      releasedMatchPence: matchPence,
    });

    const provider = paymentProvider();
    const pledges = await tx
      .select()
      .from(crowdfundingPledge)
      .where(ofCampaign(crowdfundingPledge, campaign, eq(crowdfundingPledge.status, "authorised")));
    let backersCollected = 0;
    for (const pledge of pledges) {
      if (outcome.collectBackers) {
        await provider.capture(pledge.providerReference, pledge.amountPence);
        backersCollected += pledge.amountPence;
      } else {
        await provider.release(pledge.providerReference);
      }
    }
    await tx
      .update(crowdfundingPledge)
      .set({ status: outcome.collectBackers ? "collected" : "released", settledAt: now })
      .where(ofCampaign(crowdfundingPledge, campaign, eq(crowdfundingPledge.status, "authorised")));

    await emailBackersTheResult(tx, campaign, pledges, outcome.collectBackers, outcome.totalPence, now);

    const matches = await tx
      .select()
      .from(crowdfundingMatchPledge)
      .where(ofCampaign(crowdfundingMatchPledge, campaign));
    let matchCollected = 0;
    let matchLapsed = 0;
    let matchCollectedPence = 0;
    for (const match of matches) {
      if (match.status !== "conditional" && match.status !== "released") continue;
      const collect = match.status === "released" && outcome.collectMatch;
      if (collect) {
        matchCollected++;
        matchCollectedPence += match.amountPence;
      } else {
        matchLapsed++;
      }
      await tx
        .update(crowdfundingMatchPledge)
        .set({ status: collect ? "collected" : "lapsed", settledAt: now })
        .where(matchInOrganisation(crowdfundingMatchPledge, actor.organisationId, { id: match.id }));
    }
    const collectedPence = backersCollected + matchCollectedPence;
    await updateAudited(
      tx,
      actor,
      now,
      crowdfundingCampaign,
      campaign.id,
      { status: outcome.status, settledAt: now, matchPence, collectedPence },
      {
        entityType: "crowdfunding-campaign",
        summary: `Campaign ${campaign.reference} settled: ${outcome.status}, ${formatPence(collectedPence)} collected`,
        before: { status: campaign.status },
        after: { status: outcome.status, collectedPence, totalPence: outcome.totalPence },
      },
    );
    return {
      ...base,
      status: outcome.status,
      alreadySettled: false,
      matchPence,
      totalPence: outcome.totalPence,
      collectedPence,
      pledgesCollected: outcome.collectBackers ? pledges.length : 0,
      pledgesReleased: outcome.collectBackers ? 0 : pledges.length,
      matchCollected,
      matchLapsed,
    };
  });
}
