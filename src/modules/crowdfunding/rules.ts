// The programme rules for crowdfunding, as pure functions: the commands apply
// them inside their transactions, the pages explain them, and the tests pin them.

import { addDays, daysBetween, londonWallClock } from "../../platform/dates/london.ts";
import { formatPence } from "../../platform/ui/format.ts";
import { shareOf } from "./money.ts";
import type { Criterion, FundingModel } from "./schema.ts";

export { daysBetween };

export const minCampaignDays = 7;
export const maxCampaignDays = 84; // 12 weeks

export type MatchRules = {
  maxShareBp: number;
  maxAmountPence: number;
  combinedCapBp: number;
  minBackers: number;
  passMark: number;
  criteria: Criterion[];
  budgetPence: number;
};

export type MatchPledgeCheck = {
  rules: MatchRules;
  targetPence: number;
  amountPence: number;
  /** Match pledges already made on this campaign by other funds (conditional or released). */
  otherFunders: { amountPence: number; combinedCapBp: number }[];
  /** Match pledges this fund has already made to other campaigns and not lapsed. */
  fundCommittedPence: number;
  scores: Record<string, number>;
};

export type MatchPledgeProblem = { field: "amount" | "scores"; message: string; rule: string };

/** Adds the officer's criterion scores, refusing any outside 0..max. */
export function totalScore(
  criteria: Criterion[],
  scores: Record<string, number>,
): { total: number; problems: string[] } {
  const problems: string[] = [];
  let total = 0;
  for (const criterion of criteria) {
    const score = scores[criterion.key];
    if (score === undefined || !Number.isInteger(score) || score < 0 || score > criterion.max) {
      problems.push(`Score "${criterion.label}" from 0 to ${criterion.max}`);
    } else {
      total += score;
    }
  }
  return { total, problems };
}

/**
 * Every rule a funder's match pledge must meet. The combined cap is the tightest
 * of the caps of every fund pledging to the campaign, so no funder's rule is
 * broken by another funder coming later.
 */
export function matchPledgeProblems(check: MatchPledgeCheck): MatchPledgeProblem[] {
  const { rules, targetPence, amountPence } = check;
  const problems: MatchPledgeProblem[] = [];
  if (amountPence <= 0)
    problems.push({ field: "amount", rule: "positive", message: "Match pledge must be more than £0" });
  const shareLimit = shareOf(targetPence, rules.maxShareBp);
  if (amountPence > shareLimit) {
    problems.push({
      field: "amount",
      rule: "max-share",
      message: `Match pledge must be no more than ${rules.maxShareBp / 100}% of the target (${formatPence(shareLimit)})`,
    });
  }
  if (amountPence > rules.maxAmountPence) {
    problems.push({
      field: "amount",
      rule: "max-amount",
      message: `Match pledge must be no more than ${formatPence(rules.maxAmountPence)}`,
    });
  }
  const othersPence = check.otherFunders.reduce((sum, other) => sum + other.amountPence, 0);
  const capBp = Math.min(rules.combinedCapBp, ...check.otherFunders.map((other) => other.combinedCapBp));
  const combinedLimit = shareOf(targetPence, capBp);
  if (othersPence + amountPence > combinedLimit) {
    problems.push({
      field: "amount",
      rule: "combined-cap",
      message: `All funders' pledges together must be no more than ${capBp / 100}% of the target (${formatPence(combinedLimit)}); other funders have pledged ${formatPence(othersPence)}, so this fund can pledge at most ${formatPence(Math.max(0, combinedLimit - othersPence))}`,
    });
  }
  if (check.fundCommittedPence + amountPence > rules.budgetPence) {
    problems.push({
      field: "amount",
      rule: "budget",
      message: `The fund has ${formatPence(Math.max(0, rules.budgetPence - check.fundCommittedPence))} left to pledge`,
    });
  }
  const { total, problems: scoreProblems } = totalScore(rules.criteria, check.scores);
  for (const message of scoreProblems) problems.push({ field: "scores", rule: "score-range", message });
  if (scoreProblems.length === 0 && total < rules.passMark) {
    problems.push({
      field: "scores",
      rule: "pass-mark",
      message: `The campaign scored ${total}, below the fund's pass mark of ${rules.passMark}, so it is not eligible for a match pledge`,
    });
  }
  return problems;
}

/** A conditional match pledge is released once the campaign has enough unique backers. */
export function matchIsReleased(minBackers: number, uniqueBackers: number): boolean {
  return uniqueBackers >= minBackers;
}

export type SettlementOutcome = {
  status: "successful" | "unsuccessful";
  /** Capture backers' pledges (true) or release them (false). */
  collectBackers: boolean;
  /** Collect released match pledges; conditional ones always lapse. */
  collectMatch: boolean;
  totalPence: number;
};

/**
 * All-or-nothing: backers and funders pay only if backers' pledges plus released
 * match pledges reach the target. Keep-what-you-raise collects backers either way,
 * but funders' match money still depends on the target being met.
 */
export function settlementOutcome(input: {
  fundingModel: FundingModel;
  targetPence: number;
  backerPence: number;
  releasedMatchPence: number;
}): SettlementOutcome {
  const totalPence = input.backerPence + input.releasedMatchPence;
  const met = totalPence >= input.targetPence;
  return {
    status: met ? "successful" : "unsuccessful",
    collectBackers: met || input.fundingModel === "keep-what-you-raise",
    collectMatch: met,
    totalPence,
  };
}

/** A campaign closes at midnight at the end of its deadline day, London time (BST or GMT). */
export function closingMoment(deadline: string): Date {
  return londonWallClock(addDays(deadline, 1));
}

/** Problems with a deadline for a campaign launching on `launchDay`, or null when it is 7 days to 12 weeks away. */
export function deadlineProblem(launchDay: string, deadline: string): string | null {
  const days = daysBetween(launchDay, deadline);
  if (days < minCampaignDays)
    return `The deadline must be at least ${minCampaignDays} days after launch (${launchDay})`;
  if (days > maxCampaignDays)
    return `The deadline must be no more than 12 weeks (${maxCampaignDays} days) after launch (${launchDay})`;
  return null;
}

/** Days left for backers, counting today; 0 once closed. */
export function daysLeft(closesAt: Date, now: Date): number {
  return Math.max(0, Math.ceil((closesAt.getTime() - now.getTime()) / 86_400_000));
}
