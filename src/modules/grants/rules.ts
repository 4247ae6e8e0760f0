import { addMonths } from "../../platform/dates/calendar.ts";
import { addDays } from "../../platform/dates/london.ts";
import { formatDate } from "../../platform/ui/format.ts";
import type { MonitoringFrequency, ScoringCriterion } from "./schema.ts";

// The framework's checkable rules as pure functions, so tests can pin them down.

/** Funding may not be reduced or ended without at least three months' notice. */
export const noticeMonths = 3;

/** The first date a reduction or ending may take effect when notice is given on noticeGivenOn. */
export function earliestEffectiveDate(noticeGivenOn: string): string {
  return addMonths(noticeGivenOn, noticeMonths);
}

export function meetsNoticeRule(noticeGivenOn: string, effectiveOn: string): boolean {
  return effectiveOn >= earliestEffectiveDate(noticeGivenOn);
}

export const maxScore = 5;

/**
 * Weighted score in basis points of the maximum (0 to 10,000): Σ(score × weight) / Σ(5 × weight).
 * Integers throughout so two assessors' identical scores give identical results.
 */
export function weightedScoreBp(criteria: ScoringCriterion[], scores: Record<string, number>): number {
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  if (totalWeight === 0) return 0;
  const points = criteria.reduce((sum, criterion) => sum + (scores[criterion.id] ?? 0) * criterion.weight, 0);
  return Math.round((points * 10_000) / (totalWeight * maxScore));
}

/** The mean of the assessors' weighted scores, leaving out those who declared a conflict. */
export function meanScoreBp(
  assessments: { conflictDeclared: boolean; weightedScoreBp: number | null }[],
): number | null {
  const scored = assessments.filter((a) => !a.conflictDeclared && a.weightedScoreBp !== null);
  if (scored.length === 0) return null;
  return Math.round(scored.reduce((sum, a) => sum + (a.weightedScoreBp ?? 0), 0) / scored.length);
}

export function formatScore(bp: number | null): string {
  return bp === null ? "Not scored" : `${(bp / 100).toFixed(1)}%`;
}

/**
 * Annual payments for a multi-year grant: one instalment at the start and one on each
 * anniversary. The total is split into whole pence with the remainder on the first
 * instalment, so the instalments always add up to the award exactly.
 */
export function paymentSchedule(
  startDate: string,
  endDate: string,
  amountPence: number,
): { instalment: number; dueOn: string; amountPence: number }[] {
  const dates: string[] = [];
  for (let year = 0; ; year++) {
    const dueOn = addMonths(startDate, 12 * year);
    if (year > 0 && dueOn > endDate) break;
    dates.push(dueOn);
    if (year > 50) break;
  }
  const each = Math.floor(amountPence / dates.length);
  const remainder = amountPence - each * dates.length;
  return dates.map((dueOn, index) => ({
    instalment: index + 1,
    dueOn,
    amountPence: each + (index === 0 ? remainder : 0),
  }));
}

const frequencyMonths: Record<MonitoringFrequency, number | null> = {
  quarterly: 3,
  "six-monthly": 6,
  annual: 12,
  "end-of-grant": null,
};

/** Proportionate monitoring: returns due one month after each period ends, and always one after the grant ends. */
export function monitoringSchedule(
  startDate: string,
  endDate: string,
  frequency: MonitoringFrequency,
): { periodLabel: string; dueOn: string }[] {
  const step = frequencyMonths[frequency];
  const returns: { periodLabel: string; dueOn: string }[] = [];
  if (step !== null) {
    for (let index = 1; ; index++) {
      const periodEnd = addMonths(startDate, step * index);
      if (periodEnd >= endDate || index > 200) break;
      const from = addMonths(startDate, step * (index - 1));
      returns.push({
        periodLabel: `Period ${index}: ${formatDate(from)} to ${formatDate(addDays(periodEnd, -1))}`,
        dueOn: addMonths(periodEnd, 1),
      });
    }
  }
  returns.push({ periodLabel: "Final return", dueOn: addMonths(endDate, 1) });
  return returns;
}
