import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewPortfolio } from "../policy.ts";
import { num, queryRows } from "../rows.ts";

export type AssetUse = {
  assetId: string;
  projects: { id: string; name: string; stage: string }[];
  /** Sessions held at the asset per calendar year: how the building's use changes. */
  sessionsByYear: Record<string, number>;
};

/** Which projects use each community asset (as their base, or where sessions are held), and how often. */
export async function assetUse(db: Db, actor: Actor): Promise<Map<string, AssetUse>> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see how assets are used.");
  const org = actor.organisationId;
  const projects = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT DISTINCT x.asset_id, pr.id, pr.name, pr.stage FROM (
          SELECT asset_id, id AS project_id FROM project WHERE organisation_id = ${org} AND asset_id IS NOT NULL
          UNION SELECT asset_id, project_id FROM activity_session WHERE organisation_id = ${org} AND asset_id IS NOT NULL) x
        JOIN project pr ON pr.organisation_id = ${org} AND pr.id = x.project_id
        ORDER BY pr.name`,
  );
  const sessions = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT asset_id, extract(year FROM held_on)::int AS year, count(*) AS sessions
        FROM activity_session WHERE organisation_id = ${org} AND asset_id IS NOT NULL
        GROUP BY 1, 2`,
  );
  const uses = new Map<string, AssetUse>();
  const use = (assetId: string) => {
    const found = uses.get(assetId) ?? { assetId, projects: [], sessionsByYear: {} };
    uses.set(assetId, found);
    return found;
  };
  for (const row of projects)
    use(String(row.asset_id)).projects.push({
      id: String(row.id),
      name: String(row.name),
      stage: String(row.stage),
    });
  for (const row of sessions) use(String(row.asset_id)).sessionsByYear[String(row.year)] = num(row.sessions);
  return uses;
}
