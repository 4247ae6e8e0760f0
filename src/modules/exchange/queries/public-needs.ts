import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { exchangeNeed, exchangePledge, exchangePledgeNeed, type Need, type NeedCategory } from "../schema.ts";
import { pledgeOfLink } from "./pledge-need-links.ts";

// The public side of the exchange: anyone may see needs an officer has published (open, or
// met since). Needs waiting for moderation or rejected never appear, and offers still in a
// tender stay confidential: only pledges accepted with a contract award count as pledged.

const publicStatuses = ["open", "met"] as const;
const committedPledges = ["accepted", "delivered", "verified"] as const;

export type PublicNeedFilter = { category?: NeedCategory; laCode?: string };

export async function listPublicNeeds(
  db: Db,
  organisationId: string,
  filter: PublicNeedFilter = {},
): Promise<Need[]> {
  return db
    .select()
    .from(exchangeNeed)
    .where(
      inOrganisation(
        exchangeNeed,
        organisationId,
        inArray(exchangeNeed.status, [...publicStatuses]),
        filter.category ? eq(exchangeNeed.category, filter.category) : undefined,
        filter.laCode ? eq(exchangeNeed.laCode, filter.laCode) : undefined,
      ),
    )
    .orderBy(asc(exchangeNeed.status), desc(exchangeNeed.createdAt));
}

export type PublicNeed = { need: Need; pledgedPence: number; pledges: number; deliveredPence: number };

export async function getPublicNeed(db: Db, organisationId: string, reference: string): Promise<PublicNeed> {
  const [need] = await db
    .select()
    .from(exchangeNeed)
    .where(
      matchInOrganisation(
        exchangeNeed,
        organisationId,
        { reference },
        inArray(exchangeNeed.status, [...publicStatuses]),
      ),
    );
  if (!need) throw notFound("Need not found");
  const [totals] = await db
    .select({
      pledges: sql<number>`count(*)::int`,
      pledgedPence: sql<number>`coalesce(sum(${exchangePledge.valuePence}), 0)::bigint`.mapWith(Number),
      deliveredPence:
        sql<number>`coalesce(sum(${exchangePledge.valuePence}) FILTER (WHERE ${exchangePledge.status} <> 'accepted'), 0)::bigint`.mapWith(
          Number,
        ),
    })
    .from(exchangePledgeNeed)
    .innerJoin(exchangePledge, pledgeOfLink)
    .where(
      matchInOrganisation(
        exchangePledgeNeed,
        organisationId,
        { needId: need.id },
        inArray(exchangePledge.status, [...committedPledges]),
      ),
    );
  return {
    need,
    pledges: totals?.pledges ?? 0,
    pledgedPence: totals?.pledgedPence ?? 0,
    deliveredPence: totals?.deliveredPence ?? 0,
  };
}
