import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import type { ProfilePlace } from "../../../platform/http/place-profile.ts";
import { canViewPortfolio } from "../policy.ts";
import { project, projectArea, type Stage } from "../schema.ts";

/** Projects and services that name a neighbourhood, or any neighbourhood of a district, as their area. */
export async function projectsInPlace(
  db: Db,
  actor: Actor,
  place: ProfilePlace,
): Promise<{ id: string; name: string; stage: Stage }[]> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see projects.");
  const where =
    place.level === "lsoa" ? eq(projectArea.lsoa21Code, place.code) : eq(projectArea.laCode, place.code);
  return db
    .selectDistinct({ id: project.id, name: project.name, stage: project.stage })
    .from(projectArea)
    .innerJoin(
      project,
      and(eq(project.organisationId, projectArea.organisationId), eq(project.id, projectArea.projectId)),
    )
    .where(inOrganisation(projectArea, actor.organisationId, where))
    .orderBy(asc(project.name));
}
