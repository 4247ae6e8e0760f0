import { asc, eq, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { recordAudit } from "../../../platform/audit/audit-log.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isUuid } from "../../../platform/db/ids.ts";
import { matchInOrganisation } from "../../../platform/db/match-in-organisation.ts";
import { sameOrganisation } from "../../../platform/db/same-organisation.ts";
import { notFound } from "../../../platform/http/problem.ts";
import { canCoordinate, canViewReports } from "../policy.ts";
import { volHours, volOpportunity, volSession, volunteer } from "../schema.ts";
import { opportunityOf } from "./joins.ts";
import { rowsOf } from "./rows.ts";

/** Hours volunteers logged that wait for a coordinator, oldest first. */
export async function hoursAwaitingReview(db: Db, actor: Actor, now: Date) {
  requireAllowed(canCoordinate(actor), "Only coordinators can verify hours.");
  const rows = await db
    .select({
      id: volHours.id,
      workedOn: volHours.workedOn,
      minutes: volHours.minutes,
      note: volHours.note,
      name: sql<string>`${volunteer.givenName} || ' ' || ${volunteer.familyName}`,
      volunteerId: volunteer.id,
      title: volOpportunity.title,
    })
    .from(volHours)
    .innerJoin(volunteer, sameOrganisation(volunteer, volHours, eq(volunteer.id, volHours.volunteerId)))
    .innerJoin(volOpportunity, opportunityOf(volHours))
    .where(matchInOrganisation(volHours, actor.organisationId, { status: "submitted" }))
    .orderBy(asc(volHours.workedOn), asc(volHours.id))
    .limit(1000);
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "vol_hours",
    summary: `${rows.length} hours entries awaiting review viewed`,
  });
  return rows;
}

export type AtRiskVolunteer = {
  id: string;
  name: string;
  roles: string;
  lastWorkedOn: string | null;
  placedSince: string;
};

/**
 * Retention: placed volunteers with no hours logged in the last `weeks` weeks (or none at
 * all since they were placed that long ago). Coordinators follow them up before they drift away.
 */
export async function volunteersAtRisk(
  db: Db,
  actor: Actor,
  now: Date,
  weeks: number,
): Promise<AtRiskVolunteer[]> {
  requireAllowed(canCoordinate(actor), "Only coordinators can see volunteers at risk.");
  const cutoff = new Date(now.getTime() - weeks * 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const rows = await rowsOf<{
    id: string;
    name: string;
    roles: string;
    last_worked_on: string | null;
    placed_since: string;
  }>(
    db,
    sql`
    SELECT v.id, v.given_name || ' ' || v.family_name AS name,
           string_agg(DISTINCT o.title, ', ') AS roles,
           (SELECT max(h.worked_on)::text FROM vol_hours h WHERE h.organisation_id = v.organisation_id AND h.volunteer_id = v.id) AS last_worked_on,
           min(a.updated_at)::date::text AS placed_since
      FROM volunteer v
      JOIN vol_application a ON a.organisation_id = v.organisation_id AND a.volunteer_id = v.id AND a.status = 'placed'
      JOIN vol_opportunity o ON o.organisation_id = a.organisation_id AND o.id = a.opportunity_id
     WHERE v.organisation_id = ${actor.organisationId}
     GROUP BY v.organisation_id, v.id
    HAVING coalesce((SELECT max(h.worked_on) FROM vol_hours h WHERE h.organisation_id = v.organisation_id AND h.volunteer_id = v.id), min(a.updated_at)::date) < ${cutoff}::date
     ORDER BY last_worked_on NULLS FIRST, name
     LIMIT 500`,
  );
  await recordAudit(db, actor, now, {
    action: "read",
    entityType: "volunteer",
    summary: `${rows.length} volunteers at risk viewed (${weeks} weeks)`,
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    roles: row.roles,
    lastWorkedOn: row.last_worked_on,
    placedSince: row.placed_since,
  }));
}

export type Retention = {
  cohort: number;
  retained: number;
  rate: number | null;
  monthly: { month: string; activeVolunteers: number; minutes: number }[];
};

/**
 * Retention over a period: of the volunteers with verified hours in its first 90 days,
 * how many also have verified hours in its last 90 days. Plus active volunteers by month.
 */
export async function retention(
  db: Db,
  actor: Actor,
  period: { from: string; to: string },
): Promise<Retention> {
  requireAllowed(canViewReports(actor), "Only staff can see volunteering reports.");
  const [row] = await rowsOf<{ cohort: number; retained: number }>(
    db,
    sql`
    WITH early AS (
      SELECT DISTINCT volunteer_id FROM vol_hours
       WHERE organisation_id = ${actor.organisationId} AND status = 'verified'
         AND worked_on BETWEEN ${period.from}::date AND ${period.from}::date + 89),
    late AS (
      SELECT DISTINCT volunteer_id FROM vol_hours
       WHERE organisation_id = ${actor.organisationId} AND status = 'verified'
         AND worked_on BETWEEN ${period.to}::date - 89 AND ${period.to}::date)
    SELECT (SELECT count(*) FROM early)::int AS cohort,
           (SELECT count(*) FROM early JOIN late USING (volunteer_id))::int AS retained`,
  );
  const monthly = await rowsOf<{ month: string; volunteers: number; minutes: number }>(
    db,
    sql`
    SELECT to_char(date_trunc('month', worked_on), 'YYYY-MM') AS month,
           count(DISTINCT volunteer_id)::int AS volunteers, sum(minutes)::int AS minutes
      FROM vol_hours
     WHERE organisation_id = ${actor.organisationId} AND status = 'verified'
       AND worked_on BETWEEN ${period.from}::date AND ${period.to}::date
     GROUP BY 1 ORDER BY 1`,
  );
  const cohort = Number(row?.cohort ?? 0);
  const retained = Number(row?.retained ?? 0);
  return {
    cohort,
    retained,
    rate: cohort === 0 ? null : retained / cohort,
    monthly: monthly.map((m) => ({
      month: m.month,
      activeVolunteers: Number(m.volunteers),
      minutes: Number(m.minutes),
    })),
  };
}

/** One session of the organisation (404 otherwise), for coordinators. */
export async function getSession(db: Db, actor: Actor, id: string) {
  requireAllowed(canCoordinate(actor), "Only coordinators can log hours for a session.");
  const [session] = isUuid(id)
    ? await db
        .select()
        .from(volSession)
        .where(matchInOrganisation(volSession, actor.organisationId, { id }))
    : [];
  if (!session) throw notFound("Session not found");
  return session;
}
