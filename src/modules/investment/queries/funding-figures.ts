import { type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewPortfolio } from "../policy.ts";
import { num, queryRows } from "../rows.ts";
import { type FigureFilter, themeScope } from "./figures.ts";

export type FundingFigures = {
  internalPence: number;
  externalSecuredPence: number;
  spentPence: number;
  byTheme: { code: string; name: string; internalPence: number; externalPence: number }[];
  budget: {
    projects: number;
    withinBudget: number;
    overBudget: { id: string; name: string; budgetPence: number; spentPence: number }[];
  };
};

/** The share of each calendar year that falls inside the period: funding is planned per year. */
export function yearShares(from: string, to: string): Map<number, number> {
  const shares = new Map<number, number>();
  const day = 86_400_000;
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const yearStart = Date.UTC(year, 0, 1);
    const yearEnd = Date.UTC(year + 1, 0, 1);
    const start = Math.max(yearStart, Date.parse(`${from}T00:00:00Z`));
    const end = Math.min(yearEnd, Date.parse(`${to}T00:00:00Z`) + day);
    shares.set(year, Math.max(0, end - start) / (yearEnd - yearStart));
  }
  return shares;
}

/**
 * The projects whose money counts, as a SQL fragment over project pr: operating (active or closed)
 * and matching the filter. The figure-lines queries list the same projects' records row by row.
 */
export function moneyProjectScope(organisationId: string, filter: FigureFilter): SQL {
  return sql`AND pr.stage IN ('active', 'closed')
    ${filter.projectId ? sql`AND pr.id = ${filter.projectId}` : sql``}
    ${filter.laCode ? sql`AND pr.id IN (SELECT pa.project_id FROM project_area pa WHERE pa.organisation_id = ${organisationId} AND pa.la_code = ${filter.laCode})` : sql``}
    ${themeScope(organisationId, sql`pr.id`, filter)}`;
}

/**
 * Money in the period. Funding is planned per calendar year, so a period gets each year's funding in
 * proportion to the days of that year it covers (a financial year takes 9 months of one year and 3 of
 * the next). A project "operates within budget" when its spending in the period is no more than its
 * secured funding for the period. A project with several themes counts in full under each theme, so
 * theme rows can add up to more than the total.
 */
export async function fundingFigures(db: Db, actor: Actor, filter: FigureFilter): Promise<FundingFigures> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the dashboard.");
  const org = actor.organisationId;
  const shares = yearShares(filter.from, filter.to);
  const years = [...shares.keys()];
  const projectFilter = moneyProjectScope(org, filter);
  const funding = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT pr.id, pr.name, f.year, f.kind, sum(f.amount_pence) AS amount
        FROM project pr
        JOIN project_funding f ON f.organisation_id = pr.organisation_id AND f.project_id = pr.id
        WHERE pr.organisation_id = ${org} AND f.secured
          AND f.year BETWEEN ${years[0]} AND ${years[years.length - 1]} ${projectFilter}
        GROUP BY pr.id, pr.name, f.year, f.kind`,
  );
  const spending = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT pr.id, pr.name, sum(x.amount_pence) AS spent
        FROM project pr
        JOIN project_spend x ON x.organisation_id = pr.organisation_id AND x.project_id = pr.id
        WHERE pr.organisation_id = ${org} AND x.spent_on BETWEEN ${filter.from} AND ${filter.to} ${projectFilter}
        GROUP BY pr.id, pr.name`,
  );
  const themeRows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT pt.project_id, t.code FROM project_theme pt JOIN investment_theme t ON t.organisation_id = pt.organisation_id AND t.id = pt.theme_id
        WHERE pt.organisation_id = ${org}`,
  );
  const themes = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT code, name FROM investment_theme WHERE organisation_id = ${org} ORDER BY position, code`,
  );
  const projects = new Map<
    string,
    { id: string; name: string; internal: number; external: number; spentPence: number }
  >();
  const entry = (id: string, name: string) => {
    const found = projects.get(id) ?? { id, name, internal: 0, external: 0, spentPence: 0 };
    projects.set(id, found);
    return found;
  };
  for (const row of funding) {
    const share = Math.round(num(row.amount) * (shares.get(num(row.year)) ?? 0));
    const project = entry(String(row.id), String(row.name));
    if (row.kind === "internal") project.internal += share;
    else project.external += share;
  }
  for (const row of spending) entry(String(row.id), String(row.name)).spentPence += num(row.spent);
  const list = [...projects.values()].filter((p) => p.internal + p.external > 0 || p.spentPence > 0);
  const over = list.filter((p) => p.spentPence > p.internal + p.external);
  const codesByProject = new Map<string, string[]>();
  for (const row of themeRows)
    codesByProject.set(String(row.project_id), [
      ...(codesByProject.get(String(row.project_id)) ?? []),
      String(row.code),
    ]);
  return {
    internalPence: list.reduce((sum, p) => sum + p.internal, 0),
    externalSecuredPence: list.reduce((sum, p) => sum + p.external, 0),
    spentPence: list.reduce((sum, p) => sum + p.spentPence, 0),
    byTheme: themes.map((theme) => {
      const inTheme = list.filter((p) => codesByProject.get(p.id)?.includes(String(theme.code)));
      return {
        code: String(theme.code),
        name: String(theme.name),
        internalPence: inTheme.reduce((s, p) => s + p.internal, 0),
        externalPence: inTheme.reduce((s, p) => s + p.external, 0),
      };
    }),
    budget: {
      projects: list.length,
      withinBudget: list.length - over.length,
      overBudget: over.map((p) => ({
        id: p.id,
        name: p.name,
        budgetPence: p.internal + p.external,
        spentPence: p.spentPence,
      })),
    },
  };
}
