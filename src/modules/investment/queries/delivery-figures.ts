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

type Json = Record<string, unknown>;

/**
 * Every figure about sessions and attendance for a period in one statement that reads the period's
 * attendance once (joined to its session once), then groups that one set several ways: reach by depth,
 * people and attendances per month, per neighbourhood and per theme. The dashboard, the annual report
 * and a project's summary all take their delivery figures from here, so they cannot disagree.
 *
 * Residents are people attending as participants; volunteers and service users giving input are
 * counted and their minutes summed apart. "In-depth" means at least one in-depth session in the group.
 */
export async function deliveryFigures(db: Db, actor: Actor, filter: FigureFilter): Promise<DeliveryFigures> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the dashboard.");
  const org = actor.organisationId;
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH scoped AS MATERIALIZED (
          SELECT s.id, s.project_id, to_char(s.held_on, 'YYYY-MM') AS month, coalesce(s.lsoa21_code, '') AS lsoa,
                 s.la_code, s.depth = 'in-depth' AS in_depth, pr.community_development AS cd
          FROM activity_session s
          JOIN project pr ON pr.organisation_id = s.organisation_id AND pr.id = s.project_id
          WHERE ${sessionScope(org, filter)}),
        visits AS MATERIALIZED (
          SELECT a.participant_id, a.role, a.minutes, x.project_id, x.month, x.lsoa, x.la_code, x.in_depth
          FROM attendance a JOIN scoped x ON x.id = a.session_id
          WHERE a.organisation_id = ${org} AND ${attendanceInPeriod(filter)}),
        per_person AS (
          SELECT participant_id, role, bool_or(in_depth) AS in_depth, sum(minutes) AS minutes, count(*) AS attendances
          FROM visits GROUP BY participant_id, role),
        reach AS (
          SELECT count(*) FILTER (WHERE pp.role = 'participant') AS residents,
                 count(*) FILTER (WHERE pp.role = 'participant' AND pp.in_depth) AS residents_in_depth,
                 count(*) FILTER (WHERE pp.role = 'participant' AND p.tenant) AS tenants,
                 count(*) FILTER (WHERE pp.role = 'participant' AND p.tenant AND pp.in_depth) AS tenants_in_depth,
                 count(*) FILTER (WHERE pp.role = 'volunteer') AS volunteers,
                 coalesce(sum(pp.minutes) FILTER (WHERE pp.role = 'volunteer'), 0) AS volunteer_minutes,
                 count(*) FILTER (WHERE pp.role = 'service-user-input') AS service_users,
                 coalesce(sum(pp.minutes) FILTER (WHERE pp.role = 'service-user-input'), 0) AS service_user_minutes,
                 coalesce(sum(pp.attendances), 0) AS attendances,
                 (SELECT count(*) FROM scoped) AS sessions
          FROM per_person pp LEFT JOIN participant p ON p.organisation_id = ${org} AND p.id = pp.participant_id),
        month_visits AS (
          SELECT month, count(*) AS attendances FROM visits GROUP BY month),
        -- Distinct people by grouping (a hash aggregate) rather than count(DISTINCT), which sorts.
        month_people AS (
          SELECT month, count(*) AS people
          FROM (SELECT month, participant_id FROM visits WHERE role = 'participant' GROUP BY month, participant_id) q
          GROUP BY month),
        months AS (
          SELECT x.month, count(*) AS sessions, coalesce(max(mp.people), 0) AS people,
                 coalesce(max(mv.attendances), 0) AS attendances
          FROM scoped x LEFT JOIN month_visits mv ON mv.month = x.month LEFT JOIN month_people mp ON mp.month = x.month
          GROUP BY x.month),
        place_people AS (
          SELECT lsoa, la_code, count(*) AS people
          FROM (SELECT lsoa, la_code, participant_id FROM visits WHERE role = 'participant'
                GROUP BY lsoa, la_code, participant_id) q
          GROUP BY lsoa, la_code),
        places AS (
          SELECT x.lsoa, x.la_code, count(*) AS sessions, count(*) FILTER (WHERE x.cd) AS cd_sessions,
                 coalesce(max(pp.people), 0) AS people
          FROM scoped x LEFT JOIN place_people pp ON pp.lsoa = x.lsoa AND pp.la_code = x.la_code
          GROUP BY x.lsoa, x.la_code),
        theme_of AS (
          SELECT pt.project_id, t.code FROM project_theme pt
          JOIN investment_theme t ON t.organisation_id = pt.organisation_id AND t.id = pt.theme_id
          WHERE pt.organisation_id = ${org}),
        project_people AS (
          SELECT participant_id, project_id, bool_or(in_depth) AS in_depth
          FROM visits WHERE role = 'participant' GROUP BY participant_id, project_id),
        theme_people AS (
          SELECT th.code, pp.participant_id, bool_or(pp.in_depth) AS in_depth
          FROM project_people pp JOIN theme_of th ON th.project_id = pp.project_id
          GROUP BY th.code, pp.participant_id),
        theme_reach AS (
          SELECT code, count(*) AS residents, count(*) FILTER (WHERE in_depth) AS in_depth
          FROM theme_people GROUP BY code),
        themes AS (
          SELECT th.code, count(*) AS sessions, coalesce(max(tr.residents), 0) AS residents,
                 coalesce(max(tr.in_depth), 0) AS in_depth
          FROM scoped x JOIN theme_of th ON th.project_id = x.project_id
          LEFT JOIN theme_reach tr ON tr.code = th.code GROUP BY th.code)
        SELECT (SELECT row_to_json(r) FROM reach r) AS reach,
               (SELECT coalesce(json_agg(m ORDER BY m.month), '[]') FROM months m) AS months,
               (SELECT coalesce(json_agg(p ORDER BY p.lsoa, p.la_code), '[]') FROM places p) AS places,
               (SELECT coalesce(json_agg(t ORDER BY t.code), '[]') FROM themes t) AS themes`,
  );
  const reach = json(row.reach) as Json;
  const places = json(row.places) as Json[];
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
    trend: (json(row.months) as Json[]).map((month) => ({
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
      (json(row.themes) as Json[]).map((theme) => [
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

/** node-postgres parses json columns; PGlite may hand back text. */
function json(value: unknown): unknown {
  return typeof value === "string" ? JSON.parse(value) : value;
}
