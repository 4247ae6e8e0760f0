import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewExchangeReports } from "../policy.ts";

export type DeliveryRow = {
  key: string;
  label: string;
  pledges: number;
  pledgedPence: number;
  deliveredPence: number;
  verifiedPence: number;
  overdue: number;
};
export type ExchangeReport = {
  total: DeliveryRow;
  bySupplier: DeliveryRow[];
  byContract: DeliveryRow[];
  byTheme: DeliveryRow[];
  byArea: DeliveryRow[];
};

// Pledged means committed: accepted with a contract award, then delivered or verified.
// Offers on open tenders and bids that lost are not promises yet, so they are left out.
// A pledge's area is the local authority of the first need it meets (by need reference).
const committed = sql`p.status IN ('accepted', 'delivered', 'verified')`;

function grouped(
  organisationId: string,
  today: string,
  key: ReturnType<typeof sql>,
  label: ReturnType<typeof sql>,
) {
  return sql`
    WITH area AS (
      SELECT DISTINCT ON (pn.pledge_id) pn.pledge_id, n.la_code
      FROM exchange_pledge_need pn
      JOIN exchange_need n ON n.organisation_id = pn.organisation_id AND n.id = pn.need_id
      WHERE pn.organisation_id = ${organisationId}
      ORDER BY pn.pledge_id, n.reference
    )
    SELECT ${key} AS key, ${label} AS label,
      count(*)::int AS pledges,
      coalesce(sum(p.value_pence), 0)::bigint AS pledged_pence,
      coalesce(sum(p.value_pence) FILTER (WHERE p.status IN ('delivered', 'verified')), 0)::bigint AS delivered_pence,
      coalesce(sum(p.value_pence) FILTER (WHERE p.status = 'verified'), 0)::bigint AS verified_pence,
      count(*) FILTER (WHERE p.status = 'accepted' AND p.due_by < ${today})::int AS overdue
    FROM exchange_pledge p
    JOIN exchange_contract c ON c.organisation_id = p.organisation_id AND c.id = p.contract_id
    LEFT JOIN area a ON a.pledge_id = p.id
    LEFT JOIN local_authority la ON la.gss_code = a.la_code
    WHERE p.organisation_id = ${organisationId} AND ${committed}
    GROUP BY 1, 2
    ORDER BY 4 DESC, 2`;
}

type Row = Record<string, unknown>;
async function rows(db: Db, query: ReturnType<typeof sql>): Promise<DeliveryRow[]> {
  const result = (await db.execute(query)) as unknown as { rows: Row[] } | Row[];
  return (Array.isArray(result) ? result : result.rows).map((r) => ({
    key: String(r.key),
    label: String(r.label),
    pledges: Number(r.pledges),
    pledgedPence: Number(r.pledged_pence),
    deliveredPence: Number(r.delivered_pence),
    verifiedPence: Number(r.verified_pence),
    overdue: Number(r.overdue),
  }));
}

/** Pledged against delivered, by supplier, contract, theme and area. */
export async function exchangeReport(db: Db, actor: Actor, now: Date): Promise<ExchangeReport> {
  requireAllowed(canViewExchangeReports(actor), "Only staff can see exchange reports.");
  const org = actor.organisationId;
  const today = now.toISOString().slice(0, 10);
  const [total] = await rows(db, grouped(org, today, sql`'all'`, sql`'All committed pledges'`));
  return {
    total: total ?? {
      key: "all",
      label: "All committed pledges",
      pledges: 0,
      pledgedPence: 0,
      deliveredPence: 0,
      verifiedPence: 0,
      overdue: 0,
    },
    bySupplier: await rows(db, grouped(org, today, sql`p.supplier_id::text`, sql`p.supplier_name`)),
    byContract: await rows(db, grouped(org, today, sql`c.reference`, sql`c.title`)),
    byTheme: await rows(db, grouped(org, today, sql`p.theme`, sql`p.theme`)),
    byArea: await rows(
      db,
      grouped(org, today, sql`coalesce(a.la_code, 'none')`, sql`coalesce(la.name, 'Not linked to a need')`),
    ),
  };
}

/** Share of committed value delivered; null when nothing is committed. */
export function deliveredShare(row: DeliveryRow): number | null {
  return row.pledgedPence > 0 ? row.deliveredPence / row.pledgedPence : null;
}
