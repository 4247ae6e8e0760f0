import type { Actor } from "../../../platform/access/actor.ts";
import { requireAllowed } from "../../../platform/access/policy.ts";
import type { Db } from "../../../platform/db/database.ts";
import {
  canViewPortfolio,
  type FigureFilter,
  projectSroiInputs,
  valueClaims,
} from "../../investment/index.ts";
import { calculateSocialValue, type SocialValueResult } from "../social-value.ts";
import { calculateSroi, type SroiOutcome, type SroiResult } from "../sroi.ts";
import { loadActiveBank } from "./value-bank.ts";

export type BankSource = { name: string; source: string; licence: string; priceYear: number };
export type SocialValueReport = SocialValueResult & {
  bank: BankSource | null;
  outcomeNames: Record<string, string>;
};

function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
}

/**
 * Social value for a period by HACT's method, with every line traceable to an outcome record.
 * Claims from the 12 months before the period are read so that a repeat across the edge is not valued twice.
 */
export async function computeSocialValue(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
): Promise<SocialValueReport> {
  requireAllowed(canViewPortfolio(actor), "Only staff can see social value.");
  const active = await loadActiveBank(db, actor.organisationId);
  if (!active) return { bank: null, totalPence: 0, grossPence: 0, people: 0, lines: [], outcomeNames: {} };
  const claims = await valueClaims(db, actor, { ...filter, from: monthsBefore(filter.from, 12) });
  const result = calculateSocialValue(claims, active.rules, filter.from);
  const { name, source, licence, priceYear } = active.bank;
  return {
    ...result,
    bank: { name, source, licence, priceYear },
    outcomeNames: Object.fromEntries([...active.rules.outcomes].map(([code, o]) => [code, o.name])),
  };
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
 * displacement, drop-off and benefit years apply; inputs are the money spent in the period, or, where
 * no spending has been recorded, the secured funding for the period's years.
 */
export async function computeSroi(
  db: Db,
  actor: Actor,
  filter: FigureFilter,
  socialValue?: SocialValueReport,
): Promise<{ projects: ProjectSroi[]; overall: SroiResult; bank: BankSource | null }> {
  const value = socialValue ?? (await computeSocialValue(db, actor, filter));
  const counted = value.lines.filter((line) => line.status === "counted");
  const projectIds = [...new Set(counted.map((line) => line.projectId))];
  const { projects, spend, funding } = await projectSroiInputs(db, actor, projectIds);
  const fromYear = Number(filter.from.slice(0, 4));
  const toYear = Number(filter.to.slice(0, 4));
  const allOutcomes: SroiOutcome[] = [];
  let allInputs = 0;
  const results = projects.map((row) => {
    const lines = counted.filter((line) => line.projectId === row.id);
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
    const spent = spend
      .filter((s) => s.projectId === row.id && s.spentOn >= filter.from && s.spentOn <= filter.to)
      .reduce((sum, s) => sum + s.amountPence, 0);
    const inputs =
      spent > 0
        ? spent
        : funding
            .filter((f) => f.projectId === row.id && f.year >= fromYear && f.year <= toYear)
            .reduce((sum, f) => sum + f.amountPence, 0);
    allOutcomes.push(...outcomes);
    allInputs += inputs;
    return {
      projectId: row.id,
      projectName: row.name,
      socialValuePence: lines.reduce((sum, line) => sum + line.netPence, 0),
      sroi: calculateSroi(outcomes, inputs),
    };
  });
  results.sort((a, b) => b.socialValuePence - a.socialValuePence);
  return { projects: results, overall: calculateSroi(allOutcomes, allInputs), bank: value.bank };
}
