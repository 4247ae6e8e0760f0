import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { canViewPortfolio } from "../policy.ts";
import { num, queryRows } from "../rows.ts";
import { type FigureFilter, sessionScope } from "./figures.ts";
import { moneyProjectScope, yearShares } from "./funding-figures.ts";

// The records behind the dashboard's money and priority figures, one row each, for the "how this was
// worked out" pages. They select exactly what fundingFigures and deliveryFigures add up (the same scope
// fragments), and carry ids and project names only: no person's name.

export type SpendLineRow = {
  id: string;
  projectId: string;
  projectName: string;
  spentOn: string;
  amountPence: number;
};

/** Every spending line in the period by an operating project matching the filter (the "invested" total). */
export async function spendLines(db: Db, actor: Actor, filter: FigureFilter): Promise<SpendLineRow[]> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the dashboard.");
  const org = actor.organisationId;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT x.id, pr.id AS project_id, pr.name, to_char(x.spent_on, 'YYYY-MM-DD') AS spent_on, x.amount_pence
        FROM project pr
        JOIN project_spend x ON x.organisation_id = pr.organisation_id AND x.project_id = pr.id
        WHERE pr.organisation_id = ${org} AND x.spent_on BETWEEN ${filter.from} AND ${filter.to} ${moneyProjectScope(org, filter)}
        ORDER BY x.spent_on, pr.name, x.id`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    projectId: String(row.project_id),
    projectName: String(row.name),
    spentOn: String(row.spent_on),
    amountPence: num(row.amount_pence),
  }));
}

export type FundingRecordRow = {
  id: string;
  projectId: string;
  projectName: string;
  /** The funder (an organisation), as recorded on the funding line. */
  source: string;
  kind: "internal" | "external";
  year: number;
  amountPence: number;
  /** The share of the calendar year inside the period (funding is planned per year). */
  yearShare: number;
  /** The pence this record adds to the period's total. */
  countedPence: number;
};

/**
 * Every secured funding record of an operating project matching the filter, in a year the period
 * touches, with the part of it the period counts. fundingFigures rounds once per project, year and
 * kind, so each group's rounded total is shared out over its records (the last takes the remainder)
 * and the rows add up to the dashboard's totals to the penny.
 */
export async function fundingRecords(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<FundingRecordRow[]> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the dashboard.");
  const org = actor.organisationId;
  const shares = yearShares(filter.from, filter.to);
  const years = [...shares.keys()];
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT f.id, pr.id AS project_id, pr.name, f.source, f.kind, f.year, f.amount_pence
        FROM project pr
        JOIN project_funding f ON f.organisation_id = pr.organisation_id AND f.project_id = pr.id
        WHERE pr.organisation_id = ${org} AND f.secured
          AND f.year BETWEEN ${years[0]} AND ${years[years.length - 1]} ${moneyProjectScope(org, filter)}
        ORDER BY pr.name, pr.id, f.year, f.kind, f.id`,
  );
  const records: FundingRecordRow[] = rows.map((row) => ({
    id: String(row.id),
    projectId: String(row.project_id),
    projectName: String(row.name),
    source: String(row.source),
    kind: row.kind === "internal" ? "internal" : "external",
    year: num(row.year),
    amountPence: num(row.amount_pence),
    yearShare: shares.get(num(row.year)) ?? 0,
    countedPence: 0,
  }));
  const groups = new Map<string, FundingRecordRow[]>();
  for (const record of records) {
    const key = `${record.projectId}|${record.year}|${record.kind}`;
    groups.set(key, [...(groups.get(key) ?? []), record]);
  }
  for (const group of groups.values()) {
    const share = group[0].yearShare;
    let left = Math.round(group.reduce((sum, r) => sum + r.amountPence, 0) * share);
    group.forEach((record, index) => {
      record.countedPence = index === group.length - 1 ? left : Math.round(record.amountPence * share);
      left -= record.countedPence;
    });
  }
  return records;
}

export type CommunityDevelopmentSessionRow = {
  id: string;
  projectId: string;
  projectName: string;
  heldOn: string;
  laCode: string;
  /** Null when the session was not placed in a neighbourhood. */
  lsoa21Code: string | null;
};

/** Every session of a community development project in the period matching the filter. */
export async function communityDevelopmentSessions(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<CommunityDevelopmentSessionRow[]> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see the dashboard.");
  const org = actor.organisationId;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`SELECT s.id, pr.id AS project_id, pr.name, to_char(s.held_on, 'YYYY-MM-DD') AS held_on, s.la_code, s.lsoa21_code
        FROM activity_session s
        JOIN project pr ON pr.organisation_id = s.organisation_id AND pr.id = s.project_id
        WHERE ${sessionScope(org, filter)} AND pr.community_development
        ORDER BY s.held_on, pr.name, s.id`,
  );
  return rows.map((row) => ({
    id: String(row.id),
    projectId: String(row.project_id),
    projectName: String(row.name),
    heldOn: String(row.held_on),
    laCode: String(row.la_code),
    lsoa21Code: row.lsoa21_code ? String(row.lsoa21_code) : null,
  }));
}
