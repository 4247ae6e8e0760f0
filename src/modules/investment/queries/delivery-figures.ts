import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewPortfolio } from "../policy.ts";
import { num, queryRows } from "../rows.ts";
import { attendanceInPeriod, type FigureFilter, sessionScope } from "./figures.ts";

export type ReachFigures = {
  residents: { total: number; light: number; inDepth: number };
  tenants: { total: number; light: number; inDepth: number };
  volunteers: { people: number; hours: number };
  serviceUserInput: { people: number; hours: number };
  sessions: number;
  attendances: number;
};
export type MonthlyTrend = { month: string; sessions: number; people: number; attendances: number }[];
export type NeighbourhoodActivity = {
  lsoa21Code: string;
  laCode: string;
  sessions: number;
  communityDevelopmentSessions: number;
  people: number;
};
export type ThemeReach = { code: string; residents: number; inDepth: number; sessions: number };

export type DeliveryFigures = {
  reach: ReachFigures;
  trend: MonthlyTrend;
  activity: {
    neighbourhoods: NeighbourhoodActivity[];
    communityDevelopmentSessions: number;
    unplacedCommunityDevelopmentSessions: number;
  };
  /** Reach per theme among the sessions in scope: a person once per theme, in-depth if any session was. */
  themes: Map<string, ThemeReach>;
};

type Rows = Record<string, unknown>[];

/**
 * Every figure about sessions and attendance for a period: reach by depth, people and attendances per
 * month, per neighbourhood and per theme. The dashboard, the annual report and a project's summary all
 * take their delivery figures from here, so they cannot disagree.
 *
 * Four statements, started together: on PostgreSQL each runs on its own pooled connection, at the same
 * time. One statement reading the attendance once was tried and measured slower (docs/performance.md,
 * "Impact dashboard"): the grouping, not the scan, is the work, and one backend does it all in turn.
 *
 * Residents are people attending as participants; volunteers and service users giving input are
 * counted and their minutes summed apart. "In-depth" means at least one in-depth session in the group.
 */
export async function deliveryFigures(db: Db, actor: Actor, filter: FigureFilter): Promise<DeliveryFigures> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the dashboard.");
  const org = actor.organisationId;
  const scope = sessionScope(org, filter);
  const visits = sql`attendance a JOIN activity_session s ON s.organisation_id = a.organisation_id AND s.id = a.session_id
    WHERE a.organisation_id = ${org} AND ${attendanceInPeriod(filter)} AND ${scope}`;
  const [[reach], months, places, themes] = await Promise.all([
    // One row per person and role first (a hash aggregate, so no count(DISTINCT) sorts), then every
    // reach and input figure from those rows.
    queryRows<Record<string, unknown>>(
      db,
      sql`WITH per_person AS (
            SELECT a.participant_id, a.role, bool_or(s.depth = 'in-depth') AS in_depth,
                   sum(a.minutes) AS minutes, count(*) AS attendances
            FROM ${visits} GROUP BY a.participant_id, a.role)
          SELECT count(*) FILTER (WHERE pp.role = 'participant') AS residents,
                 count(*) FILTER (WHERE pp.role = 'participant' AND pp.in_depth) AS residents_in_depth,
                 count(*) FILTER (WHERE pp.role = 'participant' AND p.tenant) AS tenants,
                 count(*) FILTER (WHERE pp.role = 'participant' AND p.tenant AND pp.in_depth) AS tenants_in_depth,
                 count(*) FILTER (WHERE pp.role = 'volunteer') AS volunteers,
                 coalesce(sum(pp.minutes) FILTER (WHERE pp.role = 'volunteer'), 0) AS volunteer_minutes,
                 count(*) FILTER (WHERE pp.role = 'service-user-input') AS service_users,
                 coalesce(sum(pp.minutes) FILTER (WHERE pp.role = 'service-user-input'), 0) AS service_user_minutes,
                 coalesce(sum(pp.attendances), 0) AS attendances,
                 (SELECT count(*) FROM activity_session s WHERE ${scope}) AS sessions
          FROM per_person pp LEFT JOIN participant p ON p.organisation_id = ${org} AND p.id = pp.participant_id`,
    ),
    // Sessions are counted from the sessions alone, and people from one row per group and person (a
    // hash aggregate): counting DISTINCT over the sessions joined to every visit sorted the period's
    // attendance once per distinct count (docs/performance.md, "Dashboard at scale 1").
    queryRows<Record<string, unknown>>(
      db,
      sql`WITH sessions_by_month AS (
            SELECT to_char(s.held_on, 'YYYY-MM') AS month, count(*) AS sessions
            FROM activity_session s WHERE ${scope} GROUP BY 1),
          people_by_month AS (
            SELECT to_char(s.held_on, 'YYYY-MM') AS month, a.participant_id,
                   bool_or(a.role = 'participant') AS resident, count(*) AS attendances
            FROM ${visits} GROUP BY 1, 2),
          month_totals AS (
            SELECT month, count(*) FILTER (WHERE resident) AS people, sum(attendances) AS attendances
            FROM people_by_month GROUP BY month)
          SELECT sm.month, sm.sessions, coalesce(mt.people, 0) AS people, coalesce(mt.attendances, 0) AS attendances
          FROM sessions_by_month sm LEFT JOIN month_totals mt ON mt.month = sm.month
          ORDER BY 1`,
    ),
    queryRows<Record<string, unknown>>(
      db,
      sql`WITH sessions_by_place AS (
            SELECT coalesce(s.lsoa21_code, '') AS lsoa, s.la_code, count(*) AS sessions,
                   count(*) FILTER (WHERE pr.community_development) AS cd_sessions
            FROM activity_session s
            JOIN project pr ON pr.organisation_id = s.organisation_id AND pr.id = s.project_id
            WHERE ${scope} GROUP BY 1, 2),
          people_by_place AS (
            SELECT lsoa, la_code, count(*) AS people FROM (
              SELECT DISTINCT coalesce(s.lsoa21_code, '') AS lsoa, s.la_code, a.participant_id
              FROM ${visits} AND a.role = 'participant') residents
            GROUP BY 1, 2)
          SELECT sp.lsoa, sp.la_code, sp.sessions, sp.cd_sessions, coalesce(pp.people, 0) AS people
          FROM sessions_by_place sp
          LEFT JOIN people_by_place pp ON pp.lsoa = sp.lsoa AND pp.la_code = sp.la_code
          ORDER BY 1, 2`,
    ),
    // Per theme: a person once per theme, however many of the theme's projects they came to.
    queryRows<Record<string, unknown>>(
      db,
      sql`WITH theme_of AS (
            SELECT pt.project_id, t.code FROM project_theme pt
            JOIN investment_theme t ON t.organisation_id = pt.organisation_id AND t.id = pt.theme_id
            WHERE pt.organisation_id = ${org}),
          people AS (
            SELECT th.code, a.participant_id, bool_or(s.depth = 'in-depth') AS in_depth
            FROM attendance a
            JOIN activity_session s ON s.organisation_id = a.organisation_id AND s.id = a.session_id
            JOIN theme_of th ON th.project_id = s.project_id
            WHERE a.organisation_id = ${org} AND a.role = 'participant' AND ${attendanceInPeriod(filter)} AND ${scope}
            GROUP BY th.code, a.participant_id),
          reach AS (SELECT code, count(*) AS residents, count(*) FILTER (WHERE in_depth) AS in_depth FROM people GROUP BY code)
          SELECT th.code, count(*) AS sessions, coalesce(max(r.residents), 0) AS residents, coalesce(max(r.in_depth), 0) AS in_depth
          FROM activity_session s JOIN theme_of th ON th.project_id = s.project_id
          LEFT JOIN reach r ON r.code = th.code
          WHERE ${scope}
          GROUP BY th.code`,
    ),
  ]);
  return shape(reach, months, places, themes);
}

function shape(reach: Record<string, unknown>, months: Rows, places: Rows, themes: Rows): DeliveryFigures {
  const residents = num(reach.residents);
  const residentsInDepth = num(reach.residents_in_depth);
  const tenants = num(reach.tenants);
  const tenantsInDepth = num(reach.tenants_in_depth);
  const placed = places.filter((place) => place.lsoa !== "");
  return {
    reach: {
      residents: { total: residents, light: residents - residentsInDepth, inDepth: residentsInDepth },
      tenants: { total: tenants, light: tenants - tenantsInDepth, inDepth: tenantsInDepth },
      volunteers: { people: num(reach.volunteers), hours: num(reach.volunteer_minutes) / 60 },
      serviceUserInput: { people: num(reach.service_users), hours: num(reach.service_user_minutes) / 60 },
      sessions: num(reach.sessions),
      attendances: num(reach.attendances),
    },
    trend: months.map((month) => ({
      month: String(month.month),
      sessions: num(month.sessions),
      people: num(month.people),
      attendances: num(month.attendances),
    })),
    activity: {
      neighbourhoods: placed.map((place) => ({
        lsoa21Code: String(place.lsoa),
        laCode: String(place.la_code),
        sessions: num(place.sessions),
        communityDevelopmentSessions: num(place.cd_sessions),
        people: num(place.people),
      })),
      communityDevelopmentSessions: places.reduce((sum, place) => sum + num(place.cd_sessions), 0),
      unplacedCommunityDevelopmentSessions: places
        .filter((place) => place.lsoa === "")
        .reduce((sum, place) => sum + num(place.cd_sessions), 0),
    },
    themes: new Map(
      themes.map((theme) => [
        String(theme.code),
        {
          code: String(theme.code),
          residents: num(theme.residents),
          inDepth: num(theme.in_depth),
          sessions: num(theme.sessions),
        },
      ]),
    ),
  };
}
