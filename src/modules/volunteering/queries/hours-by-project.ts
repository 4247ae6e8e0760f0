import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { isRealDate } from "../../../platform/http/fields.ts";
import { invalid } from "../../../platform/http/problem.ts";
import { rowsOf, textArray } from "./rows.ts";
import { rateNotes, type ValueLine, valueLine } from "./volunteering-value.ts";

export type ProjectHoursLine = ValueLine & {
  /**
   * The project reference as a role gave it (trimmed; references differing only in case are one group,
   * named by the first spelling in sort order); null for hours on roles that name no project.
   */
  projectRef: string | null;
};

export type HoursByProject = {
  from: string;
  to: string;
  /** Every verified hour that passed the filters; volunteers counted once however many projects they served. */
  total: ValueLine;
  byProject: ProjectHoursLine[];
  rates: { year: number; ratePence: number; source: string }[];
  /** Years with matching verified hours but no hourly rate: their hours count, their value is 0. */
  yearsWithoutRate: number[];
};

export type HoursByProjectQuery = {
  from: string;
  to: string;
  /** Only hours worked in this local authority. */
  laCode?: string | null;
  /**
   * Only hours whose role names one of these projects. A role names its community investment project
   * in free text, so references compare without case and without spaces at either end. An empty list
   * matches nothing; leave it out (or null) to keep every project and the hours that name none.
   */
  projectRefs?: readonly string[] | null;
};

type GroupRow = {
  grouping: "total" | "project" | "year";
  project_ref: string | null;
  year: number | null;
  minutes: string | number;
  value_pence: string | number;
  volunteers: number;
  has_rate: boolean | null;
};

/**
 * Verified volunteering hours in [from, to] by the community investment project each role serves, so
 * that the impact dashboard can narrow volunteer input to a theme or a project. Value = hours × the
 * hourly rate for the year worked, rounded once per group: value_pence = round(Σ minutes × rate / 60).
 */
export async function volunteeringByProject(
  db: Db,
  organisationId: string,
  query: HoursByProjectQuery,
): Promise<HoursByProject> {
  if (!isRealDate(query.from) || !isRealDate(query.to) || query.from > query.to)
    throw invalid("Enter a real period: a start date on or before the end date.", {
      from: "Enter dates like 2026-04-01, the start on or before the end",
    });
  const refs = query.projectRefs ? query.projectRefs.map((ref) => ref.trim().toLowerCase()) : null;
  const emptyRefs = refs !== null && refs.length === 0;
  const groups = emptyRefs
    ? []
    : await rowsOf<GroupRow>(
        db,
        sql`
    WITH worked AS (
      -- Fold to one row per project, year and volunteer first, so the distinct counts sort few rows.
      -- References group without case; the first spelling (in sort order) names the group.
      SELECT lower(nullif(btrim(h.project_ref), '')) AS ref_key, min(nullif(btrim(h.project_ref), '')) AS project_ref,
             extract(year FROM h.worked_on)::int AS year, h.volunteer_id,
             sum(h.minutes) AS minutes, sum(h.minutes::numeric * coalesce(r.rate_pence, 0)) AS minute_pence,
             bool_and(r.rate_pence IS NOT NULL) AS has_rate
        FROM vol_hours h
        LEFT JOIN vol_hourly_rate r ON r.organisation_id = h.organisation_id AND r.year = extract(year FROM h.worked_on)::int
       WHERE h.organisation_id = ${organisationId} AND h.status = 'verified'
         AND h.worked_on BETWEEN ${query.from}::date AND ${query.to}::date
         ${query.laCode ? sql`AND h.la_code = ${query.laCode}` : sql``}
         ${refs ? sql`AND lower(btrim(h.project_ref)) = ANY(${textArray(refs)}::text[])` : sql``}
       GROUP BY 1, 3, 4) -- ref_key, year worked, volunteer (by position: r.year would shadow the alias)
    SELECT CASE WHEN GROUPING(ref_key) = 0 THEN 'project' WHEN GROUPING(year) = 0 THEN 'year' ELSE 'total' END AS grouping,
           min(project_ref) AS project_ref, year,
           sum(minutes)::bigint AS minutes,
           round(sum(minute_pence) / 60) AS value_pence,
           count(DISTINCT volunteer_id)::int AS volunteers,
           bool_and(has_rate) AS has_rate
      FROM worked
     GROUP BY GROUPING SETS ((), (ref_key), (year))`,
      );
  return {
    from: query.from,
    to: query.to,
    total: valueLine(groups.find((row) => row.grouping === "total")),
    byProject: groups
      .filter((row) => row.grouping === "project")
      .sort(
        (a, b) =>
          Number(b.minutes) - Number(a.minutes) || String(a.project_ref).localeCompare(String(b.project_ref)),
      )
      .map((row) => ({ projectRef: row.project_ref, ...valueLine(row) })),
    ...(await rateNotes(db, organisationId, groups)),
  };
}
