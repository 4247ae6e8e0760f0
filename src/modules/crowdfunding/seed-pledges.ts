import { eq, sql } from "drizzle-orm";
import { systemActor } from "../../platform/access/actor.ts";
import type { Db } from "../../platform/db/database.ts";
import { inOrganisation } from "../../platform/db/scope.ts";
import { validate } from "../../platform/http/forms.ts";
import { conflict, invalid } from "../../platform/http/problem.ts";
import { type DatedAuditEntry, recordAuditBatch } from "../../seed/audit-batch.ts";
import { releaseMatchPledges, updateCampaignTotals } from "./commands/campaign-totals.ts";
import {
  authorisedPledgeRow,
  type PledgeInput,
  pledgeAuditEntry,
  pledgeInput,
} from "./commands/make-pledge.ts";
import { lockCampaign } from "./queries/lock-campaign.ts";
import { crowdfundingPledge } from "./schema.ts";

export type DemoPledge = { at: Date; input: Omit<PledgeInput, "rewardTierId"> };

/**
 * The demo's backers' pledges to one campaign, in time order, written as `makePledge` would
 * write them one by one: the same pledge rows, the same running totals and match releases
 * (a conditional match pledge is released at the pledge that brings its fund's minimum
 * number of backers), and the same audit entries. One statement per table instead of about
 * ten per pledge, which made the crowdfunding seed the slowest part of a first run.
 */
export async function seedPledges(
  db: Db,
  organisationId: string,
  campaignId: string,
  pledges: DemoPledge[],
): Promise<void> {
  const values = pledges.map(({ input }) => {
    const checked = validate(pledgeInput, input);
    if (!checked.ok) throw invalid("Check your pledge.", checked.errors);
    return checked.value;
  });
  const who = systemActor(organisationId, "Public pledge page");
  await db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, organisationId, campaignId);
    const open = campaign.closesAt;
    if (campaign.status !== "live" || !open || pledges.some(({ at }) => at.getTime() >= open.getTime()))
      throw conflict(
        "This campaign is not taking pledges",
        `Campaign ${campaign.reference} is not live then.`,
      );
    const earlier = await tx
      .select({ email: sql<string>`lower(${crowdfundingPledge.backerEmail})` })
      .from(crowdfundingPledge)
      .where(
        inOrganisation(crowdfundingPledge, organisationId, eq(crowdfundingPledge.campaignId, campaignId)),
      );
    const backers = new Set(earlier.map((row) => row.email));
    // The backer counts at which a conditional match pledge would be released.
    const conditional = (await tx.execute(sql`SELECT f.min_backers FROM crowdfunding_match_pledge m
      JOIN crowdfunding_fund f ON f.organisation_id = m.organisation_id AND f.id = m.fund_id
      WHERE m.organisation_id = ${organisationId} AND m.campaign_id = ${campaignId} AND m.status = 'conditional'`)) as unknown as {
      rows: { min_backers: number }[];
    };
    const thresholds = conditional.rows.map((row) => row.min_backers);
    let { backerPence, backerCount, matchPence } = campaign;
    const rows: (typeof crowdfundingPledge.$inferInsert)[] = [];
    const audits: DatedAuditEntry[] = [];
    for (const [index, value] of values.entries()) {
      const { at } = pledges[index];
      const row = await authorisedPledgeRow(organisationId, campaignId, value, at);
      rows.push(row);
      const email = value.backerEmail.toLowerCase();
      if (!backers.has(email)) backerCount++;
      backers.add(email);
      backerPence += value.amountPence;
      // The command's own release, called only where it would release something.
      if (thresholds.some((min) => min <= backerCount)) {
        matchPence += await releaseMatchPledges(tx, organisationId, campaignId, backerCount, at);
        for (let t = thresholds.length - 1; t >= 0; t--)
          if (thresholds[t] <= backerCount) thresholds.splice(t, 1);
      }
      audits.push({
        actor: who,
        at,
        entry: pledgeAuditEntry(row, campaign.reference),
      });
    }
    for (let start = 0; start < rows.length; start += 1000)
      await tx.insert(crowdfundingPledge).values(rows.slice(start, start + 1000));
    await updateCampaignTotals(tx, organisationId, campaignId, { backerPence, backerCount, matchPence });
    await recordAuditBatch(tx, organisationId, audits);
  });
}
