import { eq, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation, type OrganisationOwned } from "../../../platform/db/scope.ts";
import { crowdfundingFund, crowdfundingMatchPledge } from "../schema.ts";

// A match pledge is only half the story: its fund holds the rules (minimum backers before release,
// the combined cap) and the names shown on the campaign. The campaign page, the release of
// conditional pledges and the cap check all read the two together, with these two conditions.

/** Joins a match pledge to its fund, within the organisation. */
export const fundOfMatchPledge: SQL = sameOrganisation(
  crowdfundingFund,
  crowdfundingMatchPledge,
  eq(crowdfundingFund.id, crowdfundingMatchPledge.fundId),
);

/** A campaign's match pledges, in its organisation, narrowed by any further `conditions` (a status). */
export function matchPledgesOf(organisationId: string, campaignId: string, ...conditions: SQL[]): SQL {
  return inOrganisation(
    crowdfundingMatchPledge,
    organisationId,
    eq(crowdfundingMatchPledge.campaignId, campaignId),
    ...conditions,
  );
}

/** A campaign's own rows in `table` (its pledges, reviews …), narrowed by any further `conditions` (a status). */
export function ofCampaign(
  table: OrganisationOwned & { campaignId: PgColumn },
  campaign: { organisationId: string; id: string },
  ...conditions: SQL[]
): SQL {
  return inOrganisation(table, campaign.organisationId, eq(table.campaignId, campaign.id), ...conditions);
}
