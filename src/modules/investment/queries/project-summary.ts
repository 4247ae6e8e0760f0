import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewPortfolio } from "../policy.ts";
import { num, queryRows } from "../rows.ts";
import { type ReachFigures, reachFigures } from "./figures.ts";

export type ProjectSummary = {
  period: { from: string; to: string };
  reach: ReachFigures;
  outcomes: { total: number; valued: number };
  spentPence: number;
};

/** A year back from `today`, inclusive: the period a project page summarises. */
export function lastTwelveMonths(today: string): { from: string; to: string } {
  const [y, m, d] = today.split("-").map(Number);
  return { from: new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10), to: today };
}

/** A project's last twelve months: sessions and reach (the dashboard's figures), outcomes and spend. */
export async function projectSummary(
  db: Db,
  actor: Actor,
  projectId: string,
  today: string,
): Promise<ProjectSummary> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see projects.");
  const period = lastTwelveMonths(today);
  const org = actor.organisationId;
  const [reach, [outcomes], [spend]] = await Promise.all([
    reachFigures(db, actor, { ...period, projectId }),
    queryRows<{ total: unknown; valued: unknown }>(
      db,
      sql`SELECT count(*) AS total, count(*) FILTER (WHERE o.value_code IS NOT NULL) AS valued
          FROM outcome_record o
          WHERE o.organisation_id = ${org} AND o.project_id = ${projectId}
            AND o.achieved_on BETWEEN ${period.from} AND ${period.to}`,
    ),
    queryRows<{ total: unknown }>(
      db,
      sql`SELECT coalesce(sum(s.amount_pence), 0) AS total FROM project_spend s
          WHERE s.organisation_id = ${org} AND s.project_id = ${projectId}
            AND s.spent_on BETWEEN ${period.from} AND ${period.to}`,
    ),
  ]);
  return {
    period,
    reach,
    outcomes: { total: num(outcomes.total), valued: num(outcomes.valued) },
    spentPence: num(spend.total),
  };
}
