import { eq, type SQL } from "drizzle-orm";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
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
