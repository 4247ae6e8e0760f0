import { yearShares } from "../investment/index.ts";

// The inputs side of SROI, the same way the dashboard counts money (docs/impact.md, "SROI").

export type SpendLine = { amountPence: number; spentOn: string };
export type FundingLine = { amountPence: number; year: number };

/**
 * A project's inputs for a period: the money it spent in the period; where no spending is recorded,
 * its secured funding for the period, each calendar year's funding taken in proportion to the days of
 * that year the period covers (as the dashboard does: a financial year takes 275/365 of its first
 * year and 90/365 of the next, never both years whole).
 */
export function projectInputsPence(
  spend: SpendLine[],
  funding: FundingLine[],
  period: { from: string; to: string },
): number {
  const spent = spend
    .filter((line) => line.spentOn >= period.from && line.spentOn <= period.to)
    .reduce((sum, line) => sum + line.amountPence, 0);
  if (spent > 0) return spent;
  const shares = yearShares(period.from, period.to);
  return Math.round(funding.reduce((sum, line) => sum + line.amountPence * (shares.get(line.year) ?? 0), 0));
}

/**
 * Overall inputs: every pound spent in the period, not only by projects with valued outcomes. A
 * project whose outcomes have no value-bank value still spent money, and leaving it out would
 * inflate the ratio. `spentInPeriodPence` is the dashboard's spending for the same period and filter;
 * the part spent by projects with no valued outcomes is shown on its own.
 */
export function overallInputs(
  valuedProjects: { inputsPence: number; spentPence: number }[],
  spentInPeriodPence: number,
): { inputsPence: number; withoutValuedOutcomesPence: number } {
  const valuedInputs = valuedProjects.reduce((sum, project) => sum + project.inputsPence, 0);
  const valuedSpend = valuedProjects.reduce((sum, project) => sum + project.spentPence, 0);
  const withoutValuedOutcomesPence = Math.max(0, spentInPeriodPence - valuedSpend);
  return { inputsPence: valuedInputs + withoutValuedOutcomesPence, withoutValuedOutcomesPence };
}
