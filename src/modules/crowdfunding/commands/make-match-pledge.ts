import { inArray, ne, sum } from "drizzle-orm";
import { z } from "zod";
import { type Actor, actorLabel, actorUserId } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid, newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import type { FieldErrors } from "../../../platform/http/problem.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { formatPence } from "../../../platform/ui/format.ts";
import { canMatchPledge } from "../policy.ts";
import { lockCampaign } from "../queries/lock-campaign.ts";
import { fundOfMatchPledge, matchPledgesOf } from "../queries/match-pledges.ts";
import { matchIsReleased, matchPledgeProblems, totalScore } from "../rules.ts";
import { crowdfundingFund, crowdfundingMatchPledge, type MatchPledge } from "../schema.ts";
import { updateCampaignTotals } from "./campaign-totals.ts";

export const matchPledgeInput = z.object({
  fundId: z.string({ error: "Choose a match fund" }).refine(isUuid, { error: "Choose a match fund" }),
  amountPence: z.number({ error: "Enter the match amount" }).int({ error: "Enter a whole number of pence" }),
  scores: z.record(z.string(), z.number().int()).default({}),
});

export type MatchPledgeInput = z.input<typeof matchPledgeInput>;

/**
 * A funder pledges from a match fund after officers score the campaign against the
 * fund's criteria. Every programme rule is checked with the campaign locked, so two
 * funders pledging at once cannot both slip under the combined cap.
 */
export async function makeMatchPledge(
  db: Db,
  actor: Actor,
  now: Date,
  campaignId: string,
  input: MatchPledgeInput,
): Promise<MatchPledge> {
  requireAllowed(canMatchPledge(actor), "Only officers can make match pledges.");
  const checked = (() => {
    const result = matchPledgeInput.safeParse(input);
    if (!result.success)
      throw invalid("Check the match pledge.", {
        amountPence: result.error.issues[0]?.message ?? "Check the match pledge",
      });
    return result.data;
  })();
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.organisationId, campaignId);
    if (campaign.status !== "in-review" && campaign.status !== "live") {
      throw conflict(
        "Campaign cannot take match pledges",
        `This campaign is ${campaign.status}; funders pledge to campaigns in review or live.`,
      );
    }
    if (campaign.closesAt && now.getTime() >= campaign.closesAt.getTime()) {
      throw conflict("This campaign has closed", "The deadline has passed, so no more pledges can be made.");
    }
    const [fund] = await tx
      .select()
      .from(crowdfundingFund)
      .where(matchInOrganisation(crowdfundingFund, actor.organisationId, { id: checked.fundId }));
    if (!fund) throw invalid("Check the match pledge.", { fundId: "Choose a match fund" });
    if (!fund.open)
      throw invalid("Check the match pledge.", { fundId: `${fund.name} is closed to new pledges` });
    const existing = await tx
      .select({
        fundId: crowdfundingMatchPledge.fundId,
        amountPence: crowdfundingMatchPledge.amountPence,
        combinedCapBp: crowdfundingFund.combinedCapBp,
      })
      .from(crowdfundingMatchPledge)
      .innerJoin(crowdfundingFund, fundOfMatchPledge)
      .where(
        matchPledgesOf(
          actor.organisationId,
          campaign.id,
          inArray(crowdfundingMatchPledge.status, ["conditional", "released"]),
        ),
      );
    if (existing.some((pledge) => pledge.fundId === fund.id)) {
      throw conflict(
        "This fund has already pledged",
        `${fund.name} already has a match pledge on this campaign.`,
      );
    }
    const [committed] = await tx
      .select({ total: sum(crowdfundingMatchPledge.amountPence).mapWith(Number) })
      .from(crowdfundingMatchPledge)
      .where(
        matchInOrganisation(
          crowdfundingMatchPledge,
          actor.organisationId,
          { fundId: fund.id },
          ne(crowdfundingMatchPledge.status, "lapsed"),
        ),
      );
    const problems = matchPledgeProblems({
      rules: fund,
      targetPence: campaign.targetPence,
      amountPence: checked.amountPence,
      otherFunders: existing,
      fundCommittedPence: committed?.total ?? 0,
      scores: checked.scores,
    });
    if (problems.length > 0) {
      const errors: FieldErrors = {};
      for (const problem of problems)
        errors[problem.field === "amount" ? "amountPence" : "scores"] ??= problem.message;
      throw invalid(problems.map((problem) => problem.message).join(". "), errors);
    }
    const released = matchIsReleased(fund.minBackers, campaign.backerCount);
    const [pledge] = await tx
      .insert(crowdfundingMatchPledge)
      .values({
        organisationId: actor.organisationId,
        id: newId(now.getTime()),
        campaignId: campaign.id,
        fundId: fund.id,
        amountPence: checked.amountPence,
        scores: checked.scores,
        score: totalScore(fund.criteria, checked.scores).total,
        status: released ? "released" : "conditional",
        pledgedBy: actorUserId(actor),
        pledgedByName: actor.kind === "user" ? actor.name : actorLabel(actor),
        createdAt: now,
        releasedAt: released ? now : null,
      })
      .returning();
    if (released)
      await updateCampaignTotals(tx, actor.organisationId, campaign.id, {
        matchPence: campaign.matchPence + checked.amountPence,
      });
    await recordAudit(tx, actor, now, {
      action: "create",
      entityType: "crowdfunding-match-pledge",
      entityId: pledge.id,
      summary: `${fund.name} pledged ${formatPence(checked.amountPence)} to ${campaign.reference}${released ? "" : ` (conditional on ${fund.minBackers} backers)`}`,
      after: {
        fundId: fund.id,
        amountPence: checked.amountPence,
        score: pledge.score,
        status: pledge.status,
      },
    });
    return pledge;
  });
}
