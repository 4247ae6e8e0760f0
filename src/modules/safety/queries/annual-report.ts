import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import { csvText } from "../../../platform/exports/csv.ts";
import { actionTypes } from "../domain/actions.ts";
import { ageBand } from "../neighbours.ts";
import { canViewReports } from "../policy.ts";
import { checkPeriod, type Nm01Report, nm01 } from "./nm01.ts";
import { type RepeatSummary, repeatSummary } from "./repeats.ts";

// The committee's annual report: counts only, no personal data. The profile of victims and
// perpetrators uses age band (from date of birth) and the officer's vulnerability flag, never
// special-category equality data.

async function rows<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export type AnnualReport = {
  from: string;
  to: string;
  nm01: Nm01Report;
  opened: number;
  closed: number;
  outcomes: { outcome: string; cases: number }[];
  byCategory: { category: string; cases: number }[];
  profile: { role: string; band: string; people: number; vulnerable: number }[];
  repeats: RepeatSummary;
  repeatsLastYear: RepeatSummary;
  legalActions: { actionType: string; name: string; count: number }[];
  campaigns: { name: string; topic: string; startedOn: string; peopleReached: number }[];
  clearanceCostPence: number;
  clearances: number;
  monthly: { month: string; opened: number; closed: number }[];
};

function shiftYear(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`.replace(/-02-29$/, "-02-28");
}

export async function annualReport(
  db: Db,
  actor: Actor,
  period: { from: string; to: string },
): Promise<AnnualReport> {
  requireAllowed(canViewReports(actor), "Only staff can see community safety reports.");
  checkPeriod(period.from, period.to);
  const org = actor.organisationId;
  const { from, to } = period;
  const [counts] = await rows<{ opened: number; closed: number }>(
    db,
    sql`
    SELECT (count(*) FILTER (WHERE opened_on BETWEEN ${from} AND ${to}))::int AS opened,
           (count(*) FILTER (WHERE closed_on BETWEEN ${from} AND ${to}))::int AS closed
      FROM safety_case WHERE organisation_id = ${org}`,
  );
  const outcomes = await rows<{ outcome: string; cases: number }>(
    db,
    sql`
    SELECT coalesce(closure_outcome, 'not recorded') AS outcome, count(*)::int AS cases FROM safety_case
     WHERE organisation_id = ${org} AND closed_on BETWEEN ${from} AND ${to} GROUP BY 1 ORDER BY 2 DESC`,
  );
  const byCategory = await rows<{ category: string; cases: number }>(
    db,
    sql`
    SELECT category, count(*)::int AS cases FROM safety_case WHERE organisation_id = ${org} AND opened_on BETWEEN ${from} AND ${to} GROUP BY 1 ORDER BY 2 DESC`,
  );
  const partyRows = await rows<{ role: string; who: string; dob: string | null; vulnerable: boolean }>(
    db,
    sql`
    SELECT DISTINCT ON (p.role, coalesce(p.person_id::text, p.external_ref, p.id::text)) p.role, coalesce(p.person_id::text, p.external_ref, p.id::text) AS who, p.date_of_birth::text AS dob, p.vulnerable
      FROM safety_party p JOIN safety_case c ON c.organisation_id = p.organisation_id AND c.id = p.case_id
     WHERE p.organisation_id = ${org} AND c.opened_on BETWEEN ${from} AND ${to} AND p.role IN ('complainant', 'alleged-perpetrator')`,
  );
  const profileMap = new Map<string, { role: string; band: string; people: number; vulnerable: number }>();
  for (const party of partyRows) {
    const band = ageBand(party.dob, to);
    const key = `${party.role}:${band}`;
    const entry = profileMap.get(key) ?? { role: party.role, band, people: 0, vulnerable: 0 };
    entry.people++;
    if (party.vulnerable) entry.vulnerable++;
    profileMap.set(key, entry);
  }
  const legalCodes = actionTypes.filter((t) => t.legal).map((t) => t.code);
  const legal = await rows<{ action_type: string; n: number }>(
    db,
    sql`
    SELECT action_type, count(*)::int AS n FROM safety_action WHERE organisation_id = ${org} AND action_type IN ${legalCodes} AND started_on BETWEEN ${from} AND ${to} GROUP BY 1`,
  );
  const campaigns = await rows<{ name: string; topic: string; started_on: string; people_reached: number }>(
    db,
    sql`
    SELECT name, topic, started_on::text, people_reached FROM safety_campaign WHERE organisation_id = ${org} AND started_on <= ${to} AND (ended_on IS NULL OR ended_on >= ${from}) ORDER BY started_on`,
  );
  const [clearance] = await rows<{ cost: string | number | null; n: number }>(
    db,
    sql`
    SELECT sum(cost_pence) AS cost, count(*)::int AS n FROM safety_action WHERE organisation_id = ${org} AND action_type = 'clearance' AND started_on BETWEEN ${from} AND ${to}`,
  );
  const monthly = await rows<{ month: string; opened: number; closed: number }>(
    db,
    sql`
    WITH months AS (SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') AS m)
    SELECT months.month,
           (SELECT count(*) FROM safety_case c WHERE c.organisation_id = ${org} AND to_char(c.opened_on, 'YYYY-MM') = months.month AND c.opened_on BETWEEN ${from} AND ${to})::int AS opened,
           (SELECT count(*) FROM safety_case c WHERE c.organisation_id = ${org} AND to_char(c.closed_on, 'YYYY-MM') = months.month AND c.closed_on BETWEEN ${from} AND ${to})::int AS closed
      FROM months ORDER BY months.month`,
  );
  return {
    from,
    to,
    nm01: await nm01(db, actor, period),
    opened: Number(counts?.opened ?? 0),
    closed: Number(counts?.closed ?? 0),
    outcomes: outcomes.map((o) => ({ outcome: o.outcome, cases: Number(o.cases) })),
    byCategory: byCategory.map((o) => ({ category: o.category, cases: Number(o.cases) })),
    profile: [...profileMap.values()].sort(
      (a, b) => a.role.localeCompare(b.role) || a.band.localeCompare(b.band),
    ),
    repeats: await repeatSummary(db, actor, period),
    repeatsLastYear: await repeatSummary(db, actor, { from: shiftYear(from, -1), to: shiftYear(to, -1) }),
    legalActions: legal.map((l) => ({
      actionType: l.action_type,
      name: actionTypes.find((t) => t.code === l.action_type)?.name ?? l.action_type,
      count: Number(l.n),
    })),
    campaigns: campaigns.map((c) => ({
      name: c.name,
      topic: c.topic,
      startedOn: c.started_on,
      peopleReached: Number(c.people_reached),
    })),
    clearanceCostPence: Number(clearance?.cost ?? 0),
    clearances: Number(clearance?.n ?? 0),
    monthly: monthly.map((m) => ({ month: m.month, opened: Number(m.opened), closed: Number(m.closed) })),
  };
}

export function annualReportCsv(report: AnnualReport): string {
  const lines: (string | number | null)[][] = [["section", "item", "value"]];
  lines.push(
    ["period", "from", report.from],
    ["period", "to", report.to],
    ["cases", "opened", report.opened],
    ["cases", "closed", report.closed],
  );
  for (const area of [...report.nm01.areas, { laName: "Total", ...report.nm01.total }]) {
    lines.push(
      ["nm01", `${area.laName} homes`, area.homes],
      ["nm01", `${area.laName} cases`, area.cases],
      ["nm01", `${area.laName} hate cases`, area.hateCases],
      ["nm01", `${area.laName} cases per 1000 homes`, area.casesPer1000Homes],
      ["nm01", `${area.laName} hate cases per 1000 homes`, area.hateCasesPer1000Homes],
    );
  }
  for (const o of report.outcomes) lines.push(["outcome", o.outcome, o.cases]);
  for (const c of report.byCategory) lines.push(["category", c.category, c.cases]);
  for (const p of report.profile)
    lines.push(
      ["profile", `${p.role} ${p.band}`, p.people],
      ["profile", `${p.role} ${p.band} vulnerable`, p.vulnerable],
    );
  lines.push(
    ["repeats", "victims", report.repeats.victims],
    ["repeats", "perpetrators", report.repeats.perpetrators],
    ["repeats", "addresses", report.repeats.addresses],
  );
  lines.push(
    ["repeats last year", "victims", report.repeatsLastYear.victims],
    ["repeats last year", "perpetrators", report.repeatsLastYear.perpetrators],
  );
  for (const l of report.legalActions) lines.push(["legal action", l.name, l.count]);
  for (const c of report.campaigns) lines.push(["campaign", c.name, c.peopleReached]);
  lines.push(
    ["fly-tipping", "clearances", report.clearances],
    ["fly-tipping", "clearance cost pence", report.clearanceCostPence],
  );
  for (const m of report.monthly)
    lines.push(["monthly opened", m.month, m.opened], ["monthly closed", m.month, m.closed]);
  return csvText(lines);
}
