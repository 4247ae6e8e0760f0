import { and, asc, count, eq, gte, lte } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { inOrganisation } from "../../../platform/db/scope.ts";
import type { ProfilePlace } from "../../../platform/http/place-profile.ts";
import { canViewPortfolio } from "../policy.ts";
import { activitySession, attendance, project, projectArea, type Stage } from "../schema.ts";

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
    .innerJoin(project, sameOrganisation(project, projectArea, eq(project.id, projectArea.projectId)))
    .where(inOrganisation(projectArea, actor.organisationId, where))
    .orderBy(asc(project.name));
}

/** Sessions held in a place and attendances at them, per day from `from` to `to`, for the profile's trends. */
export async function sessionsInPlaceByDay(
  db: Db,
  actor: Actor,
  place: ProfilePlace,
  from: string,
  to: string,
): Promise<{ sessions: { day: string; amount: number }[]; attendances: { day: string; amount: number }[] }> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see sessions.");
  const where = and(
    place.level === "lsoa"
      ? eq(activitySession.lsoa21Code, place.code)
      : eq(activitySession.laCode, place.code),
    gte(activitySession.heldOn, from),
    lte(activitySession.heldOn, to),
  );
  const [sessions, attendances] = await Promise.all([
    db
      .select({ day: activitySession.heldOn, amount: count() })
      .from(activitySession)
      .where(inOrganisation(activitySession, actor.organisationId, where))
      .groupBy(activitySession.heldOn),
    db
      .select({ day: activitySession.heldOn, amount: count() })
      .from(attendance)
      .innerJoin(
        activitySession,
        sameOrganisation(activitySession, attendance, eq(activitySession.id, attendance.sessionId)),
      )
      .where(inOrganisation(attendance, actor.organisationId, where))
      .groupBy(activitySession.heldOn),
  ]);
  return { sessions, attendances };
}
