import { type SQL, sql } from "drizzle-orm";
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
 * Sets of months or themes as bits of a few bigints: item i is bit (i % 62) of word floor(i / 62),
 * so a person's months and themes are gathered in the same pass over the visits as their reach.
 */
const bitsPerWord = 62;
function bitOf(index: number): { word: number; mask: string } {
  return { word: Math.floor(index / bitsPerWord), mask: (1n << BigInt(index % bitsPerWord)).toString() };
}

/** Every calendar month from `from` to `to`, as "YYYY-MM". */
function monthsOf(filter: FigureFilter): string[] {
  const months: string[] = [];
  let year = Number(filter.from.slice(0, 4));
  let month = Number(filter.from.slice(5, 7));
  const last = filter.to.slice(0, 7);
  for (;;) {
    const label = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
    if (label > last) return months;
    months.push(label);
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year += 1;
  }
}

/**
 * Every figure about sessions and attendance for a period: reach by depth, people and attendances per
 * month, per neighbourhood and per theme. The dashboard, the annual report and a project's summary all
 * take their figures from here, so they cannot disagree.
 *
 * Counting distinct people is the work: each grouping of the period's visits by person costs more than
 * reading them. So the visits are grouped by person once for reach, the months a person came as a
 * resident and the themes they came to (sets kept as bits, `bitOf`), and a second time by place and
 * person for the neighbourhoods; sessions and attendances per month and theme need no person and are
 * counted apart. The statements start together: on PostgreSQL each runs on its own pooled connection.
 * (docs/performance.md, "Dashboard within 10× count(*)"; one statement for everything was measured
 * slower in "Impact dashboard".)
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
  const months = monthsOf(filter);
  const themeList = await queryRows<{ id: string; code: string }>(
    db,
    sql`SELECT id, code FROM investment_theme WHERE organisation_id = ${org} ORDER BY code`,
  );
  const monthWords = Math.ceil(months.length / bitsPerWord);
  const themeWords = Math.ceil(themeList.length / bitsPerWord);
  const words = (name: string, count: number, bits: (word: number) => SQL) =>
    sql.join(
      Array.from({ length: count }, (_, word) => sql`, ${bits(word)} AS ${sql.raw(`${name}${word}`)}`),
      sql``,
    );
  const base = Number(filter.from.slice(0, 4)) * 12 + Number(filter.from.slice(5, 7));
  const monthIndex = sql`(extract(year FROM s.held_on)::int * 12 + extract(month FROM s.held_on)::int - ${base})`;
  const themeMasks = themeList.length
    ? sql`VALUES ${sql.join(
        themeList.map((theme, index) => {
          const bit = bitOf(index);
          return sql`(${theme.id}::uuid, ${bit.word}::int, ${bit.mask}::bigint)`;
        }),
        sql`, `,
      )}`
    : sql`SELECT NULL::uuid, 0, 0::bigint WHERE false`;
  const counts = (name: string, items: number, column: (index: number) => string) =>
    sql.join(
      Array.from({ length: items }, (_, index) => {
        const bit = bitOf(index);
        return sql`, count(*) FILTER (WHERE pp.${sql.raw(`${name}${bit.word}`)} & ${sql.raw(bit.mask)} <> 0) AS ${sql.raw(column(index))}`;
      }),
      sql``,
    );
  const [[reach], monthRows, places, themeSessions] = await Promise.all([
    queryRows<Record<string, unknown>>(
      db,
      sql`WITH theme_bits (theme_id, word, mask) AS (${themeMasks}),
          project_bits AS (
            SELECT pt.project_id ${words("w", themeWords, (word) => sql`bit_or(tb.mask) FILTER (WHERE tb.word = ${word})`)}
            FROM project_theme pt JOIN theme_bits tb ON tb.theme_id = pt.theme_id
            WHERE pt.organisation_id = ${org} GROUP BY pt.project_id),
          per_person AS (
            SELECT a.participant_id,
                   bool_or(a.role = 'participant') AS resident,
                   bool_or(a.role = 'participant' AND s.depth = 'in-depth') AS resident_in_depth,
                   bool_or(a.role = 'volunteer') AS volunteer,
                   sum(a.minutes) FILTER (WHERE a.role = 'volunteer') AS volunteer_minutes,
                   bool_or(a.role = 'service-user-input') AS service_user,
                   sum(a.minutes) FILTER (WHERE a.role = 'service-user-input') AS service_user_minutes,
                   count(*) AS attendances
                   ${words("m", monthWords, (word) => sql`bit_or(1::bigint << (${monthIndex} - ${word * bitsPerWord})) FILTER (WHERE a.role = 'participant' AND ${monthIndex} / ${bitsPerWord} = ${word})`)}
                   ${words("t", themeWords, (word) => sql`bit_or(pb.${sql.raw(`w${word}`)}) FILTER (WHERE a.role = 'participant')`)}
                   ${words("d", themeWords, (word) => sql`bit_or(pb.${sql.raw(`w${word}`)}) FILTER (WHERE a.role = 'participant' AND s.depth = 'in-depth')`)}
            FROM attendance a
            JOIN activity_session s ON s.organisation_id = a.organisation_id AND s.id = a.session_id
            LEFT JOIN project_bits pb ON pb.project_id = s.project_id
            WHERE a.organisation_id = ${org} AND ${attendanceInPeriod(filter)} AND ${scope}
            GROUP BY a.participant_id)
          SELECT count(*) FILTER (WHERE pp.resident) AS residents,
                 count(*) FILTER (WHERE pp.resident_in_depth) AS residents_in_depth,
                 count(*) FILTER (WHERE pp.resident AND p.tenant) AS tenants,
                 count(*) FILTER (WHERE pp.resident_in_depth AND p.tenant) AS tenants_in_depth,
                 count(*) FILTER (WHERE pp.volunteer) AS volunteers,
                 coalesce(sum(pp.volunteer_minutes), 0) AS volunteer_minutes,
                 count(*) FILTER (WHERE pp.service_user) AS service_users,
                 coalesce(sum(pp.service_user_minutes), 0) AS service_user_minutes,
                 coalesce(sum(pp.attendances), 0) AS attendances,
                 (SELECT count(*) FROM activity_session s WHERE ${scope}) AS sessions
                 ${counts("m", months.length, (index) => `month_${index}`)}
                 ${counts("t", themeList.length, (index) => `theme_${index}`)}
                 ${counts("d", themeList.length, (index) => `theme_in_depth_${index}`)}
          FROM per_person pp LEFT JOIN participant p ON p.organisation_id = ${org} AND p.id = pp.participant_id`,
    ),
    // Sessions and attendances per month need no person: a few groups, however many visits.
    queryRows<Record<string, unknown>>(
      db,
      sql`WITH sessions_by_month AS (
            SELECT to_char(s.held_on, 'YYYY-MM') AS month, count(*) AS sessions
            FROM activity_session s WHERE ${scope} GROUP BY 1),
          visits_by_month AS (
            SELECT to_char(s.held_on, 'YYYY-MM') AS month, count(*) AS attendances FROM ${visits} GROUP BY 1)
          SELECT sm.month, sm.sessions, coalesce(vm.attendances, 0) AS attendances
          FROM sessions_by_month sm LEFT JOIN visits_by_month vm ON vm.month = sm.month
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
  return shape(reach, trend, places, themes);
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
