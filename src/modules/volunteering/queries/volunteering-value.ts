import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { partnerDirectory } from "../partners.ts";
import { canViewReports } from "../policy.ts";
import { type Theme, themes } from "../vocabulary.ts";
import { rowsOf, textArray } from "./rows.ts";

export type ValueLine = { minutes: number; hours: number; valuePence: number; activeVolunteers: number };
export type VolunteeringValue = {
  from: string;
  to: string;
  total: ValueLine;
  byTheme: (ValueLine & { theme: Theme; themeName: string })[];
  byArea: (ValueLine & { laCode: string | null; areaName: string })[];
  /** The organisation that runs the role: the landlord itself (partnerOrganisationId null) or a partner. */
  byOrganisation: (ValueLine & { partnerOrganisationId: string | null; organisationName: string })[];
  rates: { year: number; ratePence: number; source: string }[];
  /** Years with verified hours but no rate set: their hours are counted, their value is 0. */
  yearsWithoutRate: number[];
};

/** What the hours queries sum for one group (GROUPING SETS row). */
export type SummedGroup = {
  grouping: string;
  year: number | null;
  minutes: string | number;
  value_pence: string | number;
  volunteers: number;
  has_rate: boolean | null;
};

/** A group's hours, value and volunteers; no group (no hours) is all zeros. */
export function valueLine(row: SummedGroup | undefined): ValueLine {
  const minutes = row ? Number(row.minutes) : 0;
  return {
    minutes,
    hours: minutes / 60,
    valuePence: row ? Number(row.value_pence) : 0,
    activeVolunteers: row ? Number(row.volunteers) : 0,
  };
}

/** The organisation's hourly rates, and the years among the groups with hours but no rate. */
export async function rateNotes(
  db: Db,
  organisationId: string,
  groups: SummedGroup[],
): Promise<Pick<VolunteeringValue, "rates" | "yearsWithoutRate">> {
  const rates = await rowsOf<{ year: number; rate_pence: number; source: string }>(
    db,
    sql`SELECT year, rate_pence, source FROM vol_hourly_rate WHERE organisation_id = ${organisationId} ORDER BY year`,
  );
  return {
    rates: rates.map((rate) => ({
      year: Number(rate.year),
      ratePence: Number(rate.rate_pence),
      source: rate.source,
    })),
    yearsWithoutRate: groups
      .filter((row) => row.grouping === "year" && !row.has_rate)
      .map((row) => Number(row.year))
      .sort(),
  };
}

type GroupRow = {
  grouping: "total" | "theme" | "area" | "year" | "organisation";
  partner: string | null;
  theme: string | null;
  la_code: string | null;
  year: number | null;
  minutes: string | number;
  value_pence: string | number;
  volunteers: number;
  has_rate: boolean | null;
};

/**
 * Hours and their value, by theme and by area, for verified hours worked in [from, to].
 * Value = hours × the hourly rate for the year the hours were worked. Each group's value
 * is rounded to the penny once, after summing minutes × rate (so no per-row rounding drift):
 *   value_pence = round( Σ minutes × rate_pence / 60 )
 * The community investment module calls this for the indicators dashboard and social value report.
 */
export async function volunteeringValue(
  db: Db,
  organisationId: string,
  period: { from: string; to: string },
): Promise<VolunteeringValue> {
  if (!isRealDate(period.from) || !isRealDate(period.to))
    throw invalid("Enter real dates.", { from: "Enter dates like 2026-04-01" });
  if (period.from > period.to)
    throw invalid("The start date is after the end date.", {
      from: "The start date must be on or before the end date",
    });
  // One pass over the hours: GROUPING SETS gives the total, each theme, area, year and organisation.
  const groups = await rowsOf<GroupRow>(
    db,
    sql`
    WITH worked AS (
      -- First fold the rows to one per volunteer, theme, area and year (a hash aggregate),
      -- so the distinct-volunteer counts below sort thousands of rows, not millions.
      SELECT h.theme, h.la_code, extract(year FROM h.worked_on)::int AS year, h.volunteer_id, o.partner_organisation_id AS partner,
             sum(h.minutes) AS minutes, sum(h.minutes::numeric * coalesce(r.rate_pence, 0)) AS minute_pence,
             bool_and(r.rate_pence IS NOT NULL) AS has_rate
        FROM vol_hours h
        JOIN vol_opportunity o ON o.organisation_id = h.organisation_id AND o.id = h.opportunity_id
        LEFT JOIN vol_hourly_rate r ON r.organisation_id = h.organisation_id AND r.year = extract(year FROM h.worked_on)::int
       WHERE h.organisation_id = ${organisationId} AND h.status = 'verified'
         AND h.worked_on BETWEEN ${period.from}::date AND ${period.to}::date
       GROUP BY 1, 2, 3, 4, 5)
    SELECT CASE WHEN GROUPING(theme) = 0 THEN 'theme' WHEN GROUPING(la_code) = 0 THEN 'area' WHEN GROUPING(year) = 0 THEN 'year'
                WHEN GROUPING(partner) = 0 THEN 'organisation' ELSE 'total' END AS grouping,
           theme, la_code, year, partner::text AS partner,
           sum(minutes)::bigint AS minutes,
           round(sum(minute_pence) / 60) AS value_pence,
           count(DISTINCT volunteer_id)::int AS volunteers,
           bool_and(has_rate) AS has_rate
      FROM worked
     GROUP BY GROUPING SETS ((), (theme), (la_code), (year), (partner))`,
  );
  const areaCodes = groups
    .filter((row) => row.grouping === "area" && row.la_code !== null)
    .map((row) => String(row.la_code));
  const areaNames = new Map(
    areaCodes.length === 0
      ? []
      : (
          await rowsOf<{ gss_code: string; name: string }>(
            db,
            sql`SELECT gss_code, name FROM local_authority WHERE gss_code = ANY(${textArray(areaCodes)}::text[])`,
          )
        ).map((row) => [row.gss_code, row.name]),
  );
  const biggestFirst = (a: GroupRow, b: GroupRow) =>
    Number(b.minutes) - Number(a.minutes) ||
    String(a.theme ?? a.la_code ?? "").localeCompare(String(b.theme ?? b.la_code ?? ""));
  const themeRows = groups.filter((row) => row.grouping === "theme").sort(biggestFirst);
  const areaRows = groups.filter((row) => row.grouping === "area").sort(biggestFirst);
  const organisationRows = groups.filter((row) => row.grouping === "organisation").sort(biggestFirst);
  const partners = organisationRows.some((row) => row.partner !== null)
    ? await partnerDirectory(db, organisationId)
    : new Map();
  return {
    from: period.from,
    to: period.to,
    total: valueLine(groups.find((row) => row.grouping === "total")),
    byTheme: themeRows.map((row) => ({
      theme: row.theme as Theme,
      themeName: themes[row.theme as Theme] ?? String(row.theme),
      ...valueLine(row),
    })),
    byArea: areaRows.map((row) => ({
      laCode: row.la_code,
      areaName: row.la_code === null ? "Remote or no area" : (areaNames.get(row.la_code) ?? row.la_code),
      ...valueLine(row),
    })),
    byOrganisation: organisationRows.map((row) => ({
      partnerOrganisationId: row.partner,
      organisationName:
        row.partner === null
          ? "Our own programme"
          : (partners.get(row.partner)?.name ?? "Partner organisation"),
      ...valueLine(row),
    })),
    ...(await rateNotes(db, organisationId, groups)),
  };
}

/** The same figures for a signed-in user: staff and the board may see them (no names). */
export async function volunteeringReport(
  db: Db,
  actor: Actor,
  period: { from: string; to: string },
): Promise<VolunteeringValue> {
  requireAllowed(canViewReports(actor), "Only staff can see volunteering reports.");
  return volunteeringValue(db, actor.organisationId, period);
}
