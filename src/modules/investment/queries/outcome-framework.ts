import { asc, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import { canViewPortfolio } from "../policy.ts";
import { investmentOutcome, investmentTheme, project } from "../schema.ts";

// What funding channels (grants) need from the outcome framework: the intended
// outcomes a programme can fund, and the projects a grant can pay for.

export type FrameworkOutcome = { id: string; name: string; themeCode: string; themeName: string };

/** The organisation's intended outcomes, in theme order. Pass ids to fetch only those. */
export async function listFrameworkOutcomes(
  db: Db,
  actor: Actor,
  ids?: string[],
): Promise<FrameworkOutcome[]> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the outcome framework.");
  const wanted = ids?.filter(isUuid);
  if (wanted && wanted.length === 0) return [];
  return db
    .select({
      id: investmentOutcome.id,
      name: investmentOutcome.name,
      themeCode: investmentTheme.code,
      themeName: investmentTheme.name,
    })
    .from(investmentOutcome)
    .innerJoin(
      investmentTheme,
      sameOrganisation(investmentTheme, investmentOutcome, eq(investmentTheme.id, investmentOutcome.themeId)),
    )
    .where(
      inOrganisation(
        investmentOutcome,
        actor.organisationId,
        wanted ? inArray(investmentOutcome.id, wanted) : undefined,
      ),
    )
    .orderBy(asc(investmentTheme.position), asc(investmentOutcome.name));
}

export type ProjectChoice = { id: string; name: string; stage: string };

/** Projects a grant can be linked to; with an id, just that one (or none if it is not this organisation's). */
export async function listProjectChoices(db: Db, actor: Actor, id?: string): Promise<ProjectChoice[]> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see investment projects.");
  if (id !== undefined && !isUuid(id)) return [];
  return db
    .select({ id: project.id, name: project.name, stage: project.stage })
    .from(project)
    .where(inOrganisation(project, actor.organisationId, id ? eq(project.id, id) : undefined))
    .orderBy(asc(project.name));
}
