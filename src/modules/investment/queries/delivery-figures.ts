import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewPortfolio } from "../policy.ts";
import { num, queryRows, queryRowsWithoutJit } from "../rows.ts";
import { attendanceInPeriod, type FigureFilter, sessionScope } from "./figures.ts";
import {
  bitsPerWord,
  counts,
  maskIn,
  monthsOf,
  personBits,
  perWord,
  reachCounts,
  themeBitsCtes,
} from "./person-bits.ts";
import { summaryReach, unfiltered } from "./summary-reach.ts";

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
 * take their figures from here, so they cannot disagree.
 *
 * Counting distinct people is the work: each grouping of the period's visits by person costs more than
 * reading them. So the period's sessions are read first, each with the bits a resident earns by coming
 * (`personBits`: in depth or not, its themes, its month), and the visits are joined to that short list
 * (not to activity_session, whose date the planner would count twice) and grouped by person once, one
 * bit_or a word. The neighbourhoods keep their own grouping by place and person; sessions, attendances
 * and minutes per month and theme need no person and are counted apart. The statements start together:
 * on PostgreSQL each runs on its own pooled connection. (docs/performance.md, "Dashboard within 10×
 * count(*)" and the session 10 section after it.)
 *
 * `summary: false` takes the reach from the visits even where the attendance summary could serve it:
 * the tests compare the two.
 *
 * Residents are people attending as participants; volunteers and service users giving input are
 * counted and their minutes summed apart. "In-depth" means at least one in-depth session in the group.
 */
export async function deliveryFigures(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
  options: { summary?: boolean } = {},
): Promise<DeliveryFigures> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the dashboard.");
  const org = actor.organisationId;
  const scope = sessionScope(org, filter);
  const visits = sql`attendance a JOIN activity_session s ON s.organisation_id = a.organisation_id AND s.id = a.session_id
    WHERE a.organisation_id = ${org} AND ${attendanceInPeriod(filter)} AND ${scope}`;
  const months = monthsOf(filter);
  const themeList = await queryRows<{ id: string; code: string }>(
    db,
    sql`SELECT id, code FROM investment_theme WHERE organisation_id = ${org} ORDER BY code`,
  );
  const bits = personBits(themeList.length, months.length);
  const base = Number(filter.from.slice(0, 4)) * 12 + Number(filter.from.slice(5, 7));
  const monthItem = sql`(extract(year FROM s.held_on)::int * 12 + extract(month FROM s.held_on)::int - ${base} + ${bits.firstMonth})`;
  // A resident's bits for coming to one session, word by word.
  const sessionBits = (word: number) =>
    sql`${sql.raw(maskIn(word, bits.resident))}::bigint
      | CASE WHEN ${monthItem} / ${bitsPerWord} = ${word} THEN 1::bigint << (${monthItem} % ${bitsPerWord}) ELSE 0 END
      | coalesce(pb.${sql.raw(`l${word}`)}, 0)
      | CASE WHEN s.depth = 'in-depth' THEN ${sql.raw(maskIn(word, bits.residentInDepth))} | coalesce(pb.${sql.raw(`d${word}`)}, 0) ELSE 0 END`;
  const roleBits = sql`CASE a.role WHEN 'participant' THEN ps.b0 WHEN 'volunteer' THEN ${sql.raw(maskIn(0, bits.volunteer))}
    WHEN 'service-user-input' THEN ${sql.raw(maskIn(0, bits.serviceUser))} END`;
  // Words after the first hold only a resident's bits (themes and months of a long period).
  const residentWords = sql.join(
    Array.from(
      { length: bits.words - 1 },
      (_, index) =>
        sql`, bit_or(ps.${sql.raw(`b${index + 1}`)}) FILTER (WHERE a.role = 'participant') AS ${sql.raw(`w${index + 1}`)}`,
    ),
    sql``,
  );
  // Whole months of an unfiltered period come from the attendance summary; a filtered one, or one
  // within a month, from the visits themselves (summary-reach.ts says why).
  const reachStatement =
    (options.summary !== false && summaryReach(db, org, filter, themeList, months)) ||
    queryRowsWithoutJit<Record<string, unknown>>(
      db,
      sql`WITH ${themeBitsCtes(org, themeList, bits)},
            period_sessions AS MATERIALIZED (
              SELECT s.id ${perWord("b", bits.words, sessionBits)}
              FROM activity_session s LEFT JOIN project_bits pb ON pb.project_id = s.project_id
              WHERE ${scope}),
            per_person AS (
              SELECT a.participant_id, bit_or(${roleBits}) AS w0
                ${residentWords}
              FROM attendance a JOIN period_sessions ps ON ps.id = a.session_id
              WHERE a.organisation_id = ${org} AND ${attendanceInPeriod(filter)}
              GROUP BY a.participant_id)
            SELECT (SELECT count(*) FROM period_sessions) AS sessions, ${reachCounts(bits, themeList.length, sql`p.tenant`)}
                   ${counts(months.length, bits.month, (index) => `month_${index}`)}
            FROM per_person pp LEFT JOIN participant p ON p.organisation_id = ${org} AND p.id = pp.participant_id`,
    );
  const [[reach], monthRows, places, themeSessions] = await Promise.all([
    reachStatement,
    // Sessions, attendances and minutes per month need no person: a few groups, however many visits.
    queryRowsWithoutJit<Record<string, unknown>>(
      db,
      sql`WITH sessions_by_month AS (
            SELECT to_char(s.held_on, 'YYYY-MM') AS month, count(*) AS sessions
            FROM activity_session s WHERE ${scope} GROUP BY 1),
          visits_by_month AS (
            SELECT to_char(a.held_on, 'YYYY-MM') AS month, count(*) AS attendances,
                   sum(a.minutes) FILTER (WHERE a.role = 'volunteer') AS volunteer_minutes,
                   sum(a.minutes) FILTER (WHERE a.role = 'service-user-input') AS service_user_minutes
            FROM ${
              // Unfiltered, the visits need no session: attendance carries its session's date.
              unfiltered(filter)
                ? sql`attendance a WHERE a.organisation_id = ${org} AND ${attendanceInPeriod(filter)}`
                : visits
            }
            GROUP BY 1)
          SELECT sm.month, sm.sessions, coalesce(vm.attendances, 0) AS attendances,
                 vm.volunteer_minutes, vm.service_user_minutes
          FROM sessions_by_month sm LEFT JOIN visits_by_month vm ON vm.month = sm.month
          ORDER BY 1`,
    ),
    queryRowsWithoutJit<Record<string, unknown>>(
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
    // Sessions per theme come from the sessions alone; a theme is listed when it has any in scope.
    queryRows<Record<string, unknown>>(
      db,
      sql`SELECT t.code, count(*) AS sessions
          FROM activity_session s
          JOIN project_theme pt ON pt.organisation_id = s.organisation_id AND pt.project_id = s.project_id
          JOIN investment_theme t ON t.organisation_id = pt.organisation_id AND t.id = pt.theme_id
          WHERE ${scope}
          GROUP BY t.code`,
    ),
  ]);
  const monthPeople = new Map(months.map((month, index) => [month, num(reach[`month_${index}`])]));
  const themeIndex = new Map(themeList.map((theme, index) => [theme.code, index]));
  const themes = themeSessions.map((row) => {
    const index = themeIndex.get(String(row.code)) ?? -1;
    return { ...row, residents: reach[`theme_${index}`], in_depth: reach[`theme_in_depth_${index}`] };
  });
  const trend = monthRows.map((row) => ({ ...row, people: monthPeople.get(String(row.month)) ?? 0 }));
  const total = (column: string) => monthRows.reduce((sum, row) => sum + num(row[column]), 0);
  const totals = {
    attendances: total("attendances"),
    volunteer_minutes: total("volunteer_minutes"),
    service_user_minutes: total("service_user_minutes"),
  };
  return shape({ ...reach, ...totals }, trend, places, themes);
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
