import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database.ts";
import { num, queryRows } from "../rows.ts";

export type DirectoryService = {
  id: string;
  name: string;
  summary: string | null;
  activities: string;
  updatedAt: Date;
  laCodes: string[];
  themeIds: string[];
  assetIds: string[];
  sessionsLastYear: number;
};

/**
 * Active projects and services as a public directory (Open Referral UK): names, descriptions,
 * areas, themes and the community assets where they run. Public on purpose, so no actor: it holds
 * nothing about any person.
 */
export async function directoryServices(
  db: Db,
  organisationId: string,
  since: string,
): Promise<DirectoryService[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT pr.id, pr.name, pr.summary, pr.toc_activities, pr.updated_at,
               (SELECT coalesce(array_agg(DISTINCT pa.la_code), '{}') FROM project_area pa WHERE pa.organisation_id = pr.organisation_id AND pa.project_id = pr.id) AS la_codes,
               (SELECT coalesce(array_agg(pt.theme_id), '{}') FROM project_theme pt WHERE pt.organisation_id = pr.organisation_id AND pt.project_id = pr.id) AS theme_ids,
               (SELECT coalesce(array_agg(DISTINCT x.asset_id), '{}') FROM (
                  SELECT s.asset_id FROM activity_session s WHERE s.organisation_id = pr.organisation_id AND s.project_id = pr.id AND s.asset_id IS NOT NULL
                  UNION SELECT pr.asset_id WHERE pr.asset_id IS NOT NULL) x) AS asset_ids,
               (SELECT count(*) FROM activity_session s WHERE s.organisation_id = pr.organisation_id AND s.project_id = pr.id AND s.held_on >= ${since}) AS sessions
        FROM project pr
        WHERE pr.organisation_id = ${organisationId} AND pr.stage = 'active'
        ORDER BY pr.name, pr.id`,
  );
  const list = (value: unknown): string[] =>
    Array.isArray(value)
      ? value.map(String)
      : typeof value === "string"
        ? value
            .replace(/^\{|\}$/g, "")
            .split(",")
            .filter(Boolean)
        : [];
  return rows.map((row) => ({
    id: String(row.id),
    name: String(row.name),
    summary: row.summary ? String(row.summary) : null,
    activities: String(row.toc_activities ?? ""),
    updatedAt: row.updated_at instanceof Date ? row.updated_at : new Date(String(row.updated_at)),
    laCodes: list(row.la_codes),
    themeIds: list(row.theme_ids),
    assetIds: list(row.asset_ids),
    sessionsLastYear: num(row.sessions),
  }));
}

/** Themes as a public taxonomy. */
export async function directoryThemes(
  db: Db,
  organisationId: string,
): Promise<{ id: string; code: string; name: string; description: string | null }[]> {
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT id, code, name, description FROM investment_theme WHERE organisation_id = ${organisationId} ORDER BY position, code`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    code: String(row.code),
    name: String(row.name),
    description: row.description ? String(row.description) : null,
  }));
}
