import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewPortfolio } from "../policy.ts";
import { num, queryRows } from "../rows.ts";
import { attendanceInPeriod, type FigureFilter } from "./figures.ts";

export type ThemeReach = { code: string; residents: number; inDepth: number; sessions: number };

/**
 * Reach per theme in two statements rather than three per theme: the annual report's
 * per-theme table. A person counts once per theme (in-depth if any of their sessions under
 * that theme was); a project with several themes counts under each.
 */
export async function reachByTheme(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<Map<string, ThemeReach>> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the report.");
  const org = actor.organisationId;
  const area = filter.laCode ? sql`AND s.la_code = ${filter.laCode}` : sql``;
  const people = await queryRows<Record<string, unknown>>(
    db,
    sql`WITH people AS (
          SELECT t.code, a.participant_id, bool_or(s.depth = 'in-depth') AS in_depth
          FROM attendance a
          JOIN activity_session s ON s.organisation_id = a.organisation_id AND s.id = a.session_id
          JOIN project_theme pt ON pt.organisation_id = s.organisation_id AND pt.project_id = s.project_id
          JOIN investment_theme t ON t.organisation_id = pt.organisation_id AND t.id = pt.theme_id
          WHERE a.organisation_id = ${org} AND a.role = 'participant' AND ${attendanceInPeriod(filter)} AND s.held_on BETWEEN ${filter.from} AND ${filter.to} ${area}
          GROUP BY t.code, a.participant_id)
        SELECT code, count(*) AS residents, count(*) FILTER (WHERE in_depth) AS in_depth FROM people GROUP BY code`,
  );
  const sessions = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT t.code, count(*) AS sessions
        FROM activity_session s
        JOIN project_theme pt ON pt.organisation_id = s.organisation_id AND pt.project_id = s.project_id
        JOIN investment_theme t ON t.organisation_id = pt.organisation_id AND t.id = pt.theme_id
        WHERE s.organisation_id = ${org} AND s.held_on BETWEEN ${filter.from} AND ${filter.to} ${area}
        GROUP BY t.code`,
  );
  const result = new Map<string, ThemeReach>();
  for (const row of people)
    result.set(String(row.code), {
      code: String(row.code),
      residents: num(row.residents),
      inDepth: num(row.in_depth),
      sessions: 0,
    });
  for (const row of sessions) {
    const code = String(row.code);
    const found = result.get(code) ?? { code, residents: 0, inDepth: 0, sessions: 0 };
    found.sessions = num(row.sessions);
    result.set(code, found);
  }
  return result;
}
