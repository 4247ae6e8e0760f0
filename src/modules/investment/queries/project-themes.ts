import { eq, type SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canViewPortfolio } from "../policy.ts";
import { investmentTheme, projectTheme } from "../schema.ts";

/** Projects' themes (project id, theme code and name) in one organisation, narrowed by `where`. */
export function themesOfProjects(db: Db, organisationId: string, where?: SQL) {
  return db
    .select({ projectId: projectTheme.projectId, code: investmentTheme.code, name: investmentTheme.name })
    .from(projectTheme)
    .innerJoin(
      investmentTheme,
      sameOrganisation(investmentTheme, projectTheme, eq(investmentTheme.id, projectTheme.themeId)),
    )
    .where(inOrganisation(projectTheme, organisationId, where));
}

/** Theme codes of every project, for splitting figures by theme. */
export async function projectThemes(db: Db, actor: Actor): Promise<Map<string, string[]>> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see projects.");
  const rows = await themesOfProjects(db, actor.organisationId);
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.projectId, [...(map.get(row.projectId) ?? []), row.code]);
  return map;
}
