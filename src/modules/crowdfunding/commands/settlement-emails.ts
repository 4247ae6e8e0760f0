import type { Db } from "../../../platform/db/database.ts";
import { queueEmails } from "../../../platform/jobs/outbox.ts";
import { formatPence } from "../../../platform/ui/format.ts";
import type { Campaign } from "../schema.ts";

type SettledPledge = { backerEmail: string; amountPence: number };

/**
 * Tells every backer how the campaign ended: one email per backer (their pledges added up),
 * queued in the settlement's transaction. Settlement runs once per campaign (a settled
 * campaign returns early), so backers are told once however often the job runs.
 */
export async function emailBackersTheResult(
  tx: Db,
  campaign: Campaign,
  pledges: SettledPledge[],
  collected: boolean,
  totalPence: number,
  now: Date,
): Promise<number> {
  const byBacker = new Map<string, number>();
  for (const pledge of pledges)
    byBacker.set(pledge.backerEmail, (byBacker.get(pledge.backerEmail) ?? 0) + pledge.amountPence);
  const subject = collected
    ? `${campaign.title} reached its target`
    : `${campaign.title} did not reach its target`;
  return queueEmails(
    tx,
    campaign.organisationId,
    now,
    [...byBacker].map(([recipient, pence]) => ({
      recipient,
      subject,
      body: collected
        ? `Thank you for backing ${campaign.title} (${campaign.reference}). The campaign raised ${formatPence(totalPence)} of its ${formatPence(campaign.targetPence)} target, so your pledge of ${formatPence(pence)} has now been collected.`
        : `Thank you for backing ${campaign.title} (${campaign.reference}). The campaign raised ${formatPence(totalPence)} of its ${formatPence(campaign.targetPence)} target by its deadline. It was all-or-nothing, so your pledge of ${formatPence(pence)} has been released and you will not be charged.`,
    })),
  );
}
