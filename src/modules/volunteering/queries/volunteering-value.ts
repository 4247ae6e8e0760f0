import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { canViewReports } from "../policy.ts";
import { type Theme, themes } from "../vocabulary.ts";
import { rowsOf } from "./rows.ts";

export type ValueLine = { minutes: number; hours: number; valuePence: number; activeVolunteers: number };
export type VolunteeringValue = {
  from: string;
  to: string;
  total: ValueLine;
  byTheme: (ValueLine & { theme: Theme; themeName: string })[];
  byArea: (ValueLine & { laCode: string | null; areaName: string })[];
  rates: { year: number; ratePence: number; source: string }[];
  /** Years with verified hours but no rate set: their hours are counted, their value is 0. */
  yearsWithoutRate: number[];
};

type GroupRow = { key: string | null; name: string | null; minutes: number; value_pence: string | number; volunteers: number };

/**
 * Hours and their value, by theme and by area, for verified hours worked in [from, to].
 * Value = hours × the hourly rate for the year the hours were worked. Each group's value
 * is rounded to the penny once, after summing minutes × rate (so no per-row rounding drift):
 *   value_pence = round( Σ minutes × rate_pence / 60 )
 * The community investment module calls this for the indicators dashboard and social value report.
 */
export async function volunteeringValue(db: Db, organisationId: string, period: { from: string; to: string }): Promise<VolunteeringValue> {
  if (!isRealDate(period.from) || !isRealDate(period.to)) throw invalid("Enter real dates.", { from: "Enter dates like 2026-04-01" });
  if (period.from > period.to) throw invalid("The start date is after the end date.", { from: "The start date must be on or before the end date" });
  const grouped = (key: SQL, name: SQL) => sql`
    SELECT ${key} AS key, ${name} AS name,
           sum(h.minutes)::int AS minutes,
           round(sum(h.minutes::numeric * coalesce(r.rate_pence, 0)) / 60) AS value_pence,
           count(DISTINCT h.volunteer_id)::int AS volunteers
      FROM vol_hours h
      LEFT JOIN vol_hourly_rate r
        ON r.organisation_id = h.organisation_id AND r.year = extract(year FROM h.worked_on)::int
      LEFT JOIN local_authority la ON la.gss_code = h.la_code
     WHERE h.organisation_id = ${organisationId} AND h.status = 'verified'
       AND h.worked_on BETWEEN ${period.from}::date AND ${period.to}::date
     GROUP BY 1, 2
     ORDER BY 3 DESC, 1`;
  const [totalRows, themeRows, areaRows, rates, missing] = await Promise.all([
    rowsOf<GroupRow>(db, grouped(sql`'all'`, sql`'all'`)),
    rowsOf<GroupRow>(db, grouped(sql`h.theme`, sql`h.theme`)),
    rowsOf<GroupRow>(db, grouped(sql`h.la_code`, sql`la.name`)),
    rowsOf<{ year: number; rate_pence: number; source: string }>(
      db,
      sql`SELECT year, rate_pence, source FROM vol_hourly_rate WHERE organisation_id = ${organisationId} ORDER BY year`,
    ),
    rowsOf<{ year: number }>(
      db,
      sql`SELECT DISTINCT extract(year FROM h.worked_on)::int AS year FROM vol_hours h
           WHERE h.organisation_id = ${organisationId} AND h.status = 'verified'
             AND h.worked_on BETWEEN ${period.from}::date AND ${period.to}::date
             AND NOT EXISTS (SELECT 1 FROM vol_hourly_rate r WHERE r.organisation_id = h.organisation_id
                               AND r.year = extract(year FROM h.worked_on)::int)
           ORDER BY 1`,
    ),
  ]);
  const line = (row: GroupRow | undefined): ValueLine => {
    const minutes = row ? Number(row.minutes) : 0;
    return { minutes, hours: minutes / 60, valuePence: row ? Number(row.value_pence) : 0, activeVolunteers: row ? Number(row.volunteers) : 0 };
  };
  return {
    from: period.from,
    to: period.to,
    total: line(totalRows[0]),
    byTheme: themeRows.map((row) => ({ theme: row.key as Theme, themeName: themes[row.key as Theme] ?? String(row.key), ...line(row) })),
    byArea: areaRows.map((row) => ({ laCode: row.key, areaName: row.key === null ? "Remote or no area" : (row.name ?? row.key), ...line(row) })),
    rates: rates.map((rate) => ({ year: Number(rate.year), ratePence: Number(rate.rate_pence), source: rate.source })),
    yearsWithoutRate: missing.map((row) => Number(row.year)),
  };
}

/** The same figures for a signed-in user: staff and the board may see them (no names). */
export async function volunteeringReport(db: Db, actor: Actor, period: { from: string; to: string }): Promise<VolunteeringValue> {
  requireAllowed(canViewReports(actor), "Only staff can see volunteering reports.");
  return volunteeringValue(db, actor.organisationId, period);
}
