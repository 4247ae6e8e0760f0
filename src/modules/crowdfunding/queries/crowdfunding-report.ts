import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewReports } from "../policy.ts";

export type CrowdfundingReport = {
  campaigns: { status: string; count: number }[];
  settled: number;
  successful: number;
  delivered: number;
  /** Money collected at settlement, from everyone. */
  collectedPence: number;
  /** Of which: match money from the organisation's own funds ("council money"). */
  ownMatchPence: number;
  otherMatchPence: number;
  backerCollectedPence: number;
  /** Pence raised from others for every 100p of own money, or null when none was given. */
  leveredPerPound: number | null;
  pledges: number;
  uniqueBackers: number;
  byFund: {
    fundName: string;
    funderName: string;
    isOwnMoney: boolean;
    campaigns: number;
    collectedPence: number;
  }[];
};

// "Funds levered per £1 of council money": on successful campaigns, everything
// collected that did not come from the organisation's own match funds, divided
// by what did. Only collected money counts: lapsed or released pledges never moved.
const totalsSql = (organisationId: string) => sql`
  SELECT
    count(*) FILTER (WHERE c.status IN ('successful', 'unsuccessful', 'delivered'))::int AS settled,
    count(*) FILTER (WHERE c.status IN ('successful', 'delivered'))::int AS successful,
    count(*) FILTER (WHERE c.status = 'delivered')::int AS delivered,
    coalesce((SELECT sum(m.amount_pence) FROM crowdfunding_match_pledge m
       JOIN crowdfunding_fund f ON f.organisation_id = m.organisation_id AND f.id = m.fund_id
       WHERE m.organisation_id = ${organisationId} AND m.status = 'collected' AND f.is_own_money), 0)::bigint AS own_match_pence,
    coalesce((SELECT sum(m.amount_pence) FROM crowdfunding_match_pledge m
       JOIN crowdfunding_fund f ON f.organisation_id = m.organisation_id AND f.id = m.fund_id
       WHERE m.organisation_id = ${organisationId} AND m.status = 'collected' AND NOT f.is_own_money), 0)::bigint AS other_match_pence,
    coalesce((SELECT sum(p.amount_pence) FROM crowdfunding_pledge p
       WHERE p.organisation_id = ${organisationId} AND p.status = 'collected'), 0)::bigint AS backer_collected_pence,
    (SELECT count(*) FROM crowdfunding_pledge p WHERE p.organisation_id = ${organisationId})::int AS pledges,
    (SELECT count(DISTINCT (p.campaign_id, lower(p.backer_email))) FROM crowdfunding_pledge p
       WHERE p.organisation_id = ${organisationId})::int AS unique_backers
  FROM crowdfunding_campaign c
  WHERE c.organisation_id = ${organisationId}`;

const byStatusSql = (organisationId: string) => sql`
  SELECT status, count(*)::int AS count FROM crowdfunding_campaign
  WHERE organisation_id = ${organisationId} GROUP BY status ORDER BY status`;

const byFundSql = (organisationId: string) => sql`
  SELECT f.name AS fund_name, f.funder_name, f.is_own_money,
    count(m.id) FILTER (WHERE m.status = 'collected')::int AS campaigns,
    coalesce(sum(m.amount_pence) FILTER (WHERE m.status = 'collected'), 0)::bigint AS collected_pence
  FROM crowdfunding_fund f
  LEFT JOIN crowdfunding_match_pledge m ON m.organisation_id = f.organisation_id AND m.fund_id = f.id
  WHERE f.organisation_id = ${organisationId}
  GROUP BY f.id, f.name, f.funder_name, f.is_own_money ORDER BY f.name`;

type Row = Record<string, unknown>;
async function rows(db: Db, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] } | Row[];
  return Array.isArray(result) ? result : result.rows;
}

export async function crowdfundingReport(db: Db, actor: Actor): Promise<CrowdfundingReport> {
  requireAllowed(canViewReports(actor), "Only staff can see crowdfunding reports.");
  const [totals] = await rows(db, totalsSql(actor.organisationId));
  const ownMatchPence = Number(totals.own_match_pence);
  // Everything that moved: backers' captured pledges plus collected match money.
  const collectedPence =
    Number(totals.backer_collected_pence) + ownMatchPence + Number(totals.other_match_pence);
  return {
    campaigns: (await rows(db, byStatusSql(actor.organisationId))).map((r) => ({
      status: String(r.status),
      count: Number(r.count),
    })),
    settled: Number(totals.settled),
    successful: Number(totals.successful),
    delivered: Number(totals.delivered),
    collectedPence,
    ownMatchPence,
    otherMatchPence: Number(totals.other_match_pence),
    backerCollectedPence: Number(totals.backer_collected_pence),
    leveredPerPound: ownMatchPence > 0 ? (collectedPence - ownMatchPence) / ownMatchPence : null,
    pledges: Number(totals.pledges),
    uniqueBackers: Number(totals.unique_backers),
    byFund: (await rows(db, byFundSql(actor.organisationId))).map((r) => ({
      fundName: String(r.fund_name),
      funderName: String(r.funder_name),
      isOwnMoney: Boolean(r.is_own_money),
      campaigns: Number(r.campaigns),
      collectedPence: Number(r.collected_pence),
    })),
  };
}
