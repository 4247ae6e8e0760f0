import { eq } from "drizzle-orm";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { exchangeNeed, exchangePledge, exchangePledgeNeed } from "../schema.ts";

// A pledge meets needs through exchange_pledge_need: the two ON clauses from that link table,
// written once, each kept inside one organisation.

/** Joins the pledge a link names. */
export const pledgeOfLink = sameOrganisation(
  exchangePledge,
  exchangePledgeNeed,
  eq(exchangePledge.id, exchangePledgeNeed.pledgeId),
);

/** Joins the need a link names. */
export const needOfLink = sameOrganisation(
  exchangeNeed,
  exchangePledgeNeed,
  eq(exchangeNeed.id, exchangePledgeNeed.needId),
);
