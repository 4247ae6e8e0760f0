import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Actor, systemActor } from "../../../platform/access/actor.ts";
import { type AuditEntry, recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { newId } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { email } from "../../../platform/http/fields.ts";
import { validate } from "../../../platform/http/forms.ts";
import { conflict, invalid } from "../../../platform/http/problem.ts";
import { formatDate, formatPence } from "../../../platform/ui/format.ts";
import { paymentProvider } from "../payment-provider.ts";
import { lockCampaign } from "../queries/lock-campaign.ts";
import { crowdfundingPledge, crowdfundingRewardTier, type Pledge } from "../schema.ts";
import { releaseMatchPledges, updateCampaignTotals } from "./campaign-totals.ts";

export const maxPledgePence = 10_000_000; // £100,000 from one backer: larger gifts are arranged with an officer

export const pledgeInput = z.object({
  amountPence: z
    .number({ error: "Enter the amount you want to pledge" })
    .int({ error: "Pledge must be a whole number of pence" })
    .refine((value) => value > 0, { error: "Pledge must be more than £0" })
    .refine((value) => value <= maxPledgePence, { error: "Pledge must be £100,000 or less" }),
  backerName: z
    .string({ error: "Enter your name" })
    .trim()
    .min(1, { error: "Enter your name" })
    .max(120, { error: "Name must be 120 characters or fewer" }),
  backerEmail: email,
  anonymous: z.boolean().default(false),
  message: z
    .string()
    .trim()
    .max(500, { error: "Message must be 500 characters or fewer" })
    .optional()
    .transform((value) => value || null),
  rewardTierId: z.uuid({ error: "Choose a reward" }).nullable().optional(),
});

export type PledgeInput = z.input<typeof pledgeInput>;

/**
 * A backer's pledge. The campaign row is locked first, so the deadline check, the
 * running totals and the release of match pledges all see the same state even
 * with many backers at once. Backers need no account: `actor` is null for the public.
 */
export async function makePledge(
  db: Db,
  actor: Actor | null,
  now: Date,
  organisationId: string,
  campaignId: string,
  input: PledgeInput,
): Promise<Pledge> {
  const checked = validate(pledgeInput, input);
  if (!checked.ok) throw invalid("Check your pledge.", checked.errors);
  const value = checked.value;
  const who = actor ?? systemActor(organisationId, "Public pledge page");
  return db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, organisationId, campaignId);
    if (campaign.status !== "live" || !campaign.closesAt) {
      throw conflict(
        "This campaign is not taking pledges",
        `The campaign is ${campaign.status === "draft" || campaign.status === "in-review" ? "not live yet" : "closed"}.`,
      );
    }
    if (now.getTime() >= campaign.closesAt.getTime()) {
      throw conflict(
        "This campaign has closed",
        `Pledges closed at the end of ${formatDate(campaign.deadline)} (midnight, UK time). The campaign is no longer taking pledges.`,
      );
    }
    if (value.rewardTierId) {
      const [tier] = await tx
        .select()
        .from(crowdfundingRewardTier)
        .where(
          matchInOrganisation(crowdfundingRewardTier, organisationId, {
            id: value.rewardTierId,
            campaignId: campaign.id,
          }),
        );
      if (!tier)
        throw invalid("Check your pledge.", { rewardTierId: "Choose one of this campaign's rewards" });
      if (value.amountPence < tier.minPence) {
        throw invalid("Check your pledge.", {
          amountPence: `The reward "${tier.title}" needs a pledge of at least ${formatPence(tier.minPence)}`,
        });
      }
    }
    const [repeat] = await tx
      .select({ id: crowdfundingPledge.id })
      .from(crowdfundingPledge)
      .where(
        matchInOrganisation(
          crowdfundingPledge,
          organisationId,
          { campaignId: campaign.id },
          sql`lower(${crowdfundingPledge.backerEmail}) = ${value.backerEmail.toLowerCase()}`,
        ),
      )
      .limit(1);
    const row = await authorisedPledgeRow(organisationId, campaign.id, value, now);
    const [pledge] = await tx.insert(crowdfundingPledge).values(row).returning();
    const backerCount = campaign.backerCount + (repeat ? 0 : 1);
    const released = await releaseMatchPledges(tx, organisationId, campaign.id, backerCount, now);
    await updateCampaignTotals(tx, organisationId, campaign.id, {
      backerPence: campaign.backerPence + value.amountPence,
      backerCount,
      matchPence: campaign.matchPence + released,
    });
    await recordAudit(tx, who, now, pledgeAuditEntry(row, campaign.reference));
    return pledge;
  });
}

type PledgeRow = typeof crowdfundingPledge.$inferInsert & { id: string; reference: string; provider: string };

/**
 * The pledge row a backer's pledge writes: a new id and reference, authorised with the payment
 * provider at that moment. The demo seed writes its pledges through this too, so they are the
 * rows this command would have written.
 */
export async function authorisedPledgeRow(
  organisationId: string,
  campaignId: string,
  value: z.output<typeof pledgeInput>,
  at: Date,
): Promise<PledgeRow> {
  const id = newId(at.getTime());
  const reference = `KP-${id.replaceAll("-", "").slice(-10).toUpperCase()}`;
  const provider = paymentProvider();
  const { providerReference } = await provider.authorise({
    pledgeReference: reference,
    amountPence: value.amountPence,
    email: value.backerEmail,
  });
  return {
    organisationId,
    id,
    campaignId,
    reference,
    backerName: value.backerName,
    backerEmail: value.backerEmail,
    anonymous: value.anonymous,
    message: value.message,
    amountPence: value.amountPence,
    rewardTierId: value.rewardTierId ?? null,
    provider: provider.name,
    providerReference,
    status: "authorised",
    createdAt: at,
  };
}

/** The audit entry for a pledge row, as the command and the demo seed both record it. */
export function pledgeAuditEntry(row: PledgeRow, campaignReference: string): AuditEntry {
  return {
    action: "create",
    entityType: "crowdfunding-pledge",
    entityId: row.id,
    summary: `Pledge ${row.reference} of ${formatPence(row.amountPence)} to ${campaignReference}`,
    after: {
      reference: row.reference,
      campaignId: row.campaignId,
      amountPence: row.amountPence,
      provider: row.provider,
    },
  };
}
