import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewPortfolio } from "../policy.ts";
import { num, queryRows, queryTuplesWithoutJit } from "../rows.ts";
import {
  type DeliveryFigures,
  deliveryFigures,
  type MonthlyTrend,
  type ReachFigures,
} from "./delivery-figures.ts";

export type { MonthlyTrend, NeighbourhoodActivity, ReachFigures } from "./delivery-figures.ts";

// The read models behind the dashboard, the annual report and the social value engine. The SQL is
// kept readable here on purpose: these are the figures a board is shown, so reviewers should see them.
// Every statement is scoped by organisation_id first.

export type FigureFilter = {
  from: string;
  to: string;
  themeCode?: string | null;
  laCode?: string | null;
  projectId?: string | null;
};

/** Sessions in the period matching the filter, as a SQL fragment over activity_session s. */
export function sessionScope(organisationId: string, filter: FigureFilter): SQL {
  return sql`s.organisation_id = ${organisationId} AND s.held_on BETWEEN ${filter.from} AND ${filter.to}
    ${filter.laCode ? sql`AND s.la_code = ${filter.laCode}` : sql``}
    ${filter.projectId ? sql`AND s.project_id = ${filter.projectId}` : sql``}
    ${themeScope(organisationId, sql`s.project_id`, filter)}`;
}

/**
 * The period's attendance rows, as a SQL fragment over attendance a. Each row carries its session's
 * date (kept equal by the foreign key), so the attendance_held_on index reads only the period's rows
 * instead of every attendance row the organisation has ever recorded.
 */
export function attendanceInPeriod(filter: FigureFilter): SQL {
  return sql`a.held_on BETWEEN ${filter.from} AND ${filter.to}`;
}

export function themeScope(organisationId: string, projectColumn: SQL, filter: FigureFilter): SQL {
  if (!filter.themeCode) return sql``;
  return sql`AND ${projectColumn} IN (SELECT pt.project_id FROM project_theme pt JOIN investment_theme t ON t.organisation_id = pt.organisation_id AND t.id = pt.theme_id
    WHERE pt.organisation_id = ${organisationId} AND t.code = ${filter.themeCode})`;
}

/**
 * Reach in two depths: a person counts as in-depth if any session they came to in the period was
 * in-depth, otherwise light-touch; each person once. Volunteers and service users giving input are
 * counted and their minutes summed separately from participants.
 */
export async function reachFigures(db: Db, actor: Actor, filter: FigureFilter): Promise<ReachFigures> {
  return (await deliveryFigures(db, actor, filter)).reach;
}

export async function monthlyTrend(db: Db, actor: Actor, filter: FigureFilter): Promise<MonthlyTrend> {
  return (await deliveryFigures(db, actor, filter)).trend;
}

/** Sessions per neighbourhood, for the priority-neighbourhood share and the activity map. */
export async function activityByNeighbourhood(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<DeliveryFigures["activity"]> {
  return (await deliveryFigures(db, actor, filter)).activity;
}

export type ClaimRow = {
  outcomeId: string;
  participantId: string;
  projectId: string;
  code: string;
  achievedOn: string;
  dateOfBirth: string | null;
  laCode: string | null;
};

/** A ClaimRow as the driver's array of its columns, in the same order. */
export type ClaimTuple = readonly [
  outcomeId: string,
  participantId: string,
  projectId: string,
  code: string,
  achievedOn: string,
  dateOfBirth: string | null,
  laCode: string | null,
];

/** A claim without its record and project ids: all that totals (a value and its person) need. */
export type ClaimFactsTuple = readonly [
  outcomeId: null,
  participantId: string,
  projectId: null,
  code: string,
  achievedOn: string,
  dateOfBirth: string | null,
  laCode: string | null,
];

/**
 * Outcome records naming a value-bank code, from `from` to `to`, with the person's age and area facts,
 * in the order the social value rules take them (person, day, record): sorting here, in C, leaves the
 * engine one pass over sorted claims. Each row is an array of ClaimRow's fields in order, every one
 * text or null: a large landlord reads hundreds of thousands for one year's value, and named rows
 * cost the driver an object each (docs/performance.md, session 11).
 */
export async function valueClaims(db: Db, actor: Actor, filter: FigureFilter): Promise<ClaimTuple[]> {
  return claimsInOrder(db, actor, filter, sql`o.id::text, o.participant_id::text, o.project_id::text`);
}

/** The same claims with null for the record and project ids, for callers that need only totals. */
export async function valueClaimFacts(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<ClaimFactsTuple[]> {
  return claimsInOrder(db, actor, filter, sql`NULL, o.participant_id::text, NULL`);
}

async function claimsInOrder<Row extends readonly unknown[]>(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
  ids: SQL,
): Promise<Row[]> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see social value.");
  const org = actor.organisationId;
  // JIT off: the statement's cost passes the JIT threshold, and compiling took about 0.25 s at scale 1.
  return queryTuplesWithoutJit<Row>(
    db,
    sql`SELECT ${ids}, o.value_code, to_char(o.achieved_on, 'YYYY-MM-DD'),
               to_char(p.date_of_birth, 'YYYY-MM-DD'), nullif(p.la_code, '')
        FROM outcome_record o
        JOIN participant p ON p.organisation_id = o.organisation_id AND p.id = o.participant_id
        WHERE o.organisation_id = ${org} AND o.value_code IS NOT NULL AND o.achieved_on BETWEEN ${filter.from} AND ${filter.to}
          ${filter.projectId ? sql`AND o.project_id = ${filter.projectId}` : sql``}
          ${filter.laCode ? sql`AND p.la_code = ${filter.laCode}` : sql``}
          ${themeScope(org, sql`o.project_id`, filter)}
        ORDER BY o.participant_id, o.achieved_on, o.id`,
  );
}

/** Average change in the survey scores: the short wellbeing scale (SWEMWBS, 7-35) and distance travelled (1-10). */
export async function surveyChange(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<{
  wellbeing: { people: number; before: number; after: number };
  distance: { people: number; before: number; after: number };
}> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the dashboard.");
  const org = actor.organisationId;
  const [row] = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT count(*) FILTER (WHERE wellbeing_before IS NOT NULL AND wellbeing_after IS NOT NULL) AS w_people,
               avg(wellbeing_before) FILTER (WHERE wellbeing_after IS NOT NULL) AS w_before, avg(wellbeing_after) FILTER (WHERE wellbeing_before IS NOT NULL) AS w_after,
               count(*) FILTER (WHERE distance_before IS NOT NULL AND distance_after IS NOT NULL) AS d_people,
               avg(distance_before) FILTER (WHERE distance_after IS NOT NULL) AS d_before, avg(distance_after) FILTER (WHERE distance_before IS NOT NULL) AS d_after
        FROM outcome_record o
        WHERE o.organisation_id = ${org} AND o.achieved_on BETWEEN ${filter.from} AND ${filter.to}
          ${filter.projectId ? sql`AND o.project_id = ${filter.projectId}` : sql``} ${themeScope(org, sql`o.project_id`, filter)}`,
  );
  return {
    wellbeing: { people: num(row.w_people), before: num(row.w_before), after: num(row.w_after) },
    distance: { people: num(row.d_people), before: num(row.d_before), after: num(row.d_after) },
  };
}

/** Stories for the annual report: the story and project only, never the person's name. */
export async function caseStories(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
  limit = 6,
): Promise<{ projectName: string; achievedOn: string; story: string }[]> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the report.");
  const org = actor.organisationId;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT pr.name, to_char(o.achieved_on, 'YYYY-MM-DD') AS achieved_on, o.story
        FROM outcome_record o JOIN project pr ON pr.organisation_id = o.organisation_id AND pr.id = o.project_id
        JOIN participant p ON p.organisation_id = o.organisation_id AND p.id = o.participant_id
        WHERE o.organisation_id = ${org} AND o.story IS NOT NULL AND o.achieved_on BETWEEN ${filter.from} AND ${filter.to}
          ${themeScope(org, sql`o.project_id`, filter)} ${filter.laCode ? sql`AND p.la_code = ${filter.laCode}` : sql``}
        ORDER BY length(o.story) DESC, o.id LIMIT ${limit}`,
  );
  return rows.map((row) => ({
    projectName: String(row.name),
    achievedOn: String(row.achieved_on),
    story: String(row.story),
  }));
}

/** The person's value-bank outcomes within 12 months either side of a date (for the double-counting check). */
export async function claimsNear(
  db: Db,
  organisationId: string,
  participantId: string,
  on: string,
): Promise<{ code: string; achievedOn: string }[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT value_code, to_char(achieved_on, 'YYYY-MM-DD') AS achieved_on FROM outcome_record
        WHERE organisation_id = ${organisationId} AND participant_id = ${participantId} AND value_code IS NOT NULL
          AND achieved_on > (${on}::date - interval '12 months') AND achieved_on < (${on}::date + interval '12 months')`,
  );
  return rows.map((row) => ({ code: String(row.value_code), achievedOn: String(row.achieved_on) }));
}
