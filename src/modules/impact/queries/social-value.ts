import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import { addMonths } from "../../../platform/dates/calendar.ts";
import type { Db } from "../../../platform/db/database.ts";
import {
  canViewPortfolio,
  type FigureFilter,
  fundingFigures,
  projectSroiInputs,
  valueClaimFacts,
  valueClaims,
} from "../../investment/index.ts";
import { atPrices, type PriceBasis, priceBasis, reportingPriceYear } from "../prices.ts";
import {
  type SocialValueResult,
  type SocialValueTotals,
  socialValueOfClaims,
  socialValueTotals,
} from "../social-value.ts";
import { calculateSroi, type SroiOutcome, type SroiResult } from "../sroi.ts";
import { overallInputs, projectInputsPence } from "../sroi-inputs.ts";
import { loadDeflators } from "./deflators.ts";
import { type ActiveBank, loadActiveBank } from "./value-bank.ts";

export type BankSource = { name: string; source: string; licence: string; priceYear: number };
/** What the dashboard shows of social value: the totals, their bank and their prices. */
export type SocialValueSummary = SocialValueTotals & {
  bank: BankSource | null;
  /** The prices every value is in; null without a value bank. */
  prices: PriceBasis | null;
};
export type SocialValueReport = SocialValueResult &
  SocialValueSummary & { outcomeNames: Record<string, string> };

const monthsBefore = (isoDate: string, months: number) => addMonths(isoDate, -months);

/**
 * Social value for a period by HACT's method, with every line traceable to an outcome record, at the
 * period's prices where the GDP deflator series allows (prices.ts), else at the value bank's.
 * Claims from the 12 months before the period are read so that a repeat across the edge is not valued twice.
 */
export async function computeSocialValue(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<SocialValueReport> {
  const read = await bankAndClaims(db, actor, filter, valueClaims);
  if (!read)
    return { bank: null, prices: null, totalPence: 0, grossPence: 0, people: 0, lines: [], outcomeNames: {} };
  const { active, claims, prices } = read;
  const result = atPrices(socialValueOfClaims(claims, active.rules, filter.from), prices);
  return {
    ...result,
    bank: bankSource(active.bank),
    prices,
    outcomeNames: Object.fromEntries([...active.rules.outcomes].map(([code, o]) => [code, o.name])),
  };
}

/**
 * computeSocialValue's totals without its lines, for the dashboard: the same claims and rules, read
 * without the record and project ids and settled without an object per line (docs/performance.md,
 * session 11). The totals are those of computeSocialValue, at the same prices.
 */
export async function computeSocialValueSummary(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<SocialValueSummary> {
  const read = await bankAndClaims(db, actor, filter, valueClaimFacts);
  if (!read) return { totalPence: 0, grossPence: 0, people: 0, bank: null, prices: null };
  const { active, claims, prices } = read;
  const totals = socialValueTotals(claims, active.rules, filter.from, prices.factor);
  return { ...totals, bank: bankSource(active.bank), prices };
}

/**
 * The active bank (null without one), the claims `read` gives for the period and the 12 months
 * before it, and the prices to state the values at.
 */
async function bankAndClaims<Claims>(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
  read: (db: Db, actor: Actor, filter: FigureFilter) => Promise<Claims>,
): Promise<{ active: ActiveBank; claims: Claims; prices: PriceBasis } | null> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see social value.");
  const active = await loadActiveBank(db, actor.organisationId);
  if (!active) return null;
  const [claims, deflators] = await Promise.all([
    read(db, actor, { ...filter, from: monthsBefore(filter.from, 12) }),
    loadDeflators(db),
  ]);
  // Values are in the bank's price year; a report states them at its own year's prices (Green Book).
  const prices = priceBasis(active.bank.priceYear, reportingPriceYear(filter.from), deflators);
  return { active, claims, prices };
}

function bankSource({ name, source, licence, priceYear }: BankSource): BankSource {
  return { name, source, licence, priceYear };
}

export type ProjectSroi = {
  projectId: string;
  projectName: string;
  socialValuePence: number;
  sroi: SroiResult;
};

/**
 * SROI per project and overall (Cabinet Office guide): the HACT values (deadweight already taken off)
 * are the year-1 impact before attribution and displacement; the project's own attribution,
 * displacement, drop-off and benefit years apply. A project's inputs are the money it spent in the
 * period, or, where it recorded none, its secured funding pro-rated to the period (sroi-inputs.ts).
 * Overall inputs count all spending in the period, and the part by projects with no valued outcomes
 * is reported on its own. A caller that already has the period's spending (the dashboard's
 * `investedPence`) passes it as `spentPence` rather than read it again.
 */
export async function computeSroi(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
  socialValue?: SocialValueReport,
  spentPence?: number,
): Promise<{
  projects: ProjectSroi[];
  overall: SroiResult;
  withoutValuedOutcomesPence: number;
  bank: BankSource | null;
}> {
  const value = socialValue ?? (await computeSocialValue(db, actor, filter));
  // Lines, spending and funding are grouped by project once: filtering the whole list for each
  // project was projects × lines work in Node (hundreds of millions of steps at a large landlord).
  const countedByProject = groupBy(
    value.lines.filter((line) => line.status === "counted"),
    (line) => line.projectId,
  );
  const { projects, spend, funding } = await projectSroiInputs(db, actor, [...countedByProject.keys()]);
  const spendByProject = groupBy(spend, (row) => row.projectId);
  const fundingByProject = groupBy(funding, (row) => row.projectId);
  const allOutcomes: SroiOutcome[] = [];
  const valued: { inputsPence: number; spentPence: number }[] = [];
  const results = projects.map((row) => {
    const lines = countedByProject.get(row.id) ?? [];
    const byCode = new Map<string, number>();
    for (const line of lines) byCode.set(line.code, (byCode.get(line.code) ?? 0) + line.netPence);
    const outcomes: SroiOutcome[] = [...byCode].map(([code, pence]) => ({
      name: value.outcomeNames[code] ?? code,
      quantity: 1,
      proxyPence: pence,
      deadweightPercent: 0,
      attributionPercent: row.attributionPercent,
      displacementPercent: row.displacementPercent,
      dropOffPercent: row.dropOffPercent,
      years: row.benefitYears,
    }));
    const ownSpend = spendByProject.get(row.id) ?? [];
    const inputs = projectInputsPence(ownSpend, fundingByProject.get(row.id) ?? [], filter);
    allOutcomes.push(...outcomes);
    valued.push({ inputsPence: inputs, spentPence: projectInputsPence(ownSpend, [], filter) });
    return {
      projectId: row.id,
      projectName: row.name,
      socialValuePence: lines.reduce((sum, line) => sum + line.netPence, 0),
      sroi: calculateSroi(outcomes, inputs),
    };
  });
  results.sort((a, b) => b.socialValuePence - a.socialValuePence);
  const spent = spentPence ?? (await fundingFigures(db, actor, filter)).spentPence;
  const overall = overallInputs(valued, spent);
  return {
    projects: results,
    overall: calculateSroi(allOutcomes, overall.inputsPence),
    withoutValuedOutcomesPence: overall.withoutValuedOutcomesPence,
    bank: value.bank,
  };
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(keyOf(item));
    if (group) group.push(item);
    else groups.set(keyOf(item), [item]);
  }
  return groups;
}
