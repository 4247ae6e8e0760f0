import { addMonths } from "../../platform/dates/calendar.ts";
import type { ClaimRow } from "../investment/index.ts";
import { type AgeBand, ageBandOn, type Region, regionOf } from "./age-region.ts";

/**
 * One outcome record that names a value-bank outcome: the evidence a value is built on, as the
 * investment module's valueClaims reads it.
 */
export type OutcomeClaim = ClaimRow;

export type BankOutcome = {
  code: string;
  name: string;
  category: string;
  values: Record<AgeBand, Record<Region, number>>;
};

export type ValueBankRules = {
  outcomes: Map<string, BankOutcome>;
  /** Deadweight per category, in percent. */
  deadweight: Map<string, number>;
  /** Excluded pairs, each stored both ways as "a|b". */
  exclusions: Set<string>;
};

export type ValueLineStatus =
  | "counted"
  | "repeat-within-12-months"
  | "excluded"
  | "not-in-value-bank"
  | "before-period";

export type ValueLine = OutcomeClaim & {
  status: ValueLineStatus;
  ageBand: AgeBand;
  region: Region;
  grossPence: number;
  deadweightPercent: number;
  netPence: number;
  /** For an excluded line, the outcome record that was valued instead. */
  excludedBy: string | null;
};

export type SocialValueResult = {
  totalPence: number;
  grossPence: number;
  people: number;
  lines: ValueLine[];
};

export function exclusionKey(a: string, b: string): string {
  return `${a}|${b}`;
}

/**
 * Claims in the order HACT's rules are applied: person, then day, then outcome record. Compared as
 * plain text (code units): ids are UUIDs and days ISO dates, for which this is the same order as
 * `localeCompare`, at a fraction of the cost over hundreds of thousands of claims.
 */
function byPersonDayRecord(a: OutcomeClaim, b: OutcomeClaim): number {
  if (a.participantId !== b.participantId) return a.participantId < b.participantId ? -1 : 1;
  if (a.achievedOn !== b.achievedOn) return a.achievedOn < b.achievedOn ? -1 : 1;
  return a.outcomeId < b.outcomeId ? -1 : a.outcomeId > b.outcomeId ? 1 : 0;
}

/** A claim with its value before the 12-month and exclusion rules: one object per claim, built once. */
function valueLine(claim: OutcomeClaim, rules: ValueBankRules): ValueLine {
  const ageBand = ageBandOn(claim.dateOfBirth, claim.achievedOn);
  const region = regionOf(claim.laCode);
  const outcome = rules.outcomes.get(claim.code);
  const grossPence = outcome ? outcome.values[ageBand][region] : 0;
  const deadweightPercent = outcome ? (rules.deadweight.get(outcome.category) ?? 0) : 0;
  return {
    outcomeId: claim.outcomeId,
    participantId: claim.participantId,
    projectId: claim.projectId,
    code: claim.code,
    achievedOn: claim.achievedOn,
    dateOfBirth: claim.dateOfBirth,
    laCode: claim.laCode,
    status: outcome ? "counted" : "not-in-value-bank",
    ageBand,
    region,
    grossPence,
    deadweightPercent,
    netPence: outcome ? Math.round((grossPence * (100 - deadweightPercent)) / 100) : 0,
    excludedBy: null,
  };
}

/**
 * Social value by HACT's wellbeing-valuation method:
 * - one value per person per outcome per 12 months (a repeat within 12 months of a counted claim is not valued);
 * - the value for the person's age band on the day and their region (London or not);
 * - deadweight for the outcome's category taken off;
 * - two outcomes that draw on the same area of benefit (the exclusion matrix) are never both valued for
 *   one person within 12 months: the higher value stands.
 * Claims from the 12 months before `from` are passed in so a repeat across the period edge is caught;
 * they are never valued themselves. Every line says what happened to it, so totals can be traced.
 *
 * Every rule looks at one person's claims only, so the claims are sorted once and each person's run
 * of lines is settled in turn (no maps keyed by person and outcome); a line's anniversary (12 months
 * on) is worked out at most once. A large landlord has hundreds of thousands of claims a year, and
 * this is on the dashboard's critical path (docs/performance.md, "Dashboard within 10× count(*)").
 */
export function calculateSocialValue(
  claims: OutcomeClaim[],
  rules: ValueBankRules,
  from: string,
): SocialValueResult {
  const sorted = [...claims].sort(byPersonDayRecord);
  const lines = sorted.map((claim) => valueLine(claim, rules));
  const anniversaries: string[] = new Array(lines.length);
  const anniversary = (index: number) => {
    anniversaries[index] ??= addMonths(lines[index].achievedOn, 12);
    return anniversaries[index];
  };
  let totalPence = 0;
  let grossPence = 0;
  let people = 0;
  for (let start = 0; start < lines.length; ) {
    let end = start + 1;
    while (end < lines.length && lines[end].participantId === lines[start].participantId) end += 1;
    settleRepeats(lines, start, end, anniversary);
    settleExclusions(lines, start, end, rules, anniversary);
    let valued = false;
    for (let index = start; index < end; index++) {
      const line = lines[index];
      if (line.status !== "counted") continue;
      if (line.achievedOn < from) line.status = "before-period";
      else {
        totalPence += line.netPence;
        grossPence += line.grossPence;
        valued = true;
      }
    }
    if (valued) people += 1;
    start = end;
  }
  return { totalPence, grossPence, people, lines: lines.filter((line) => line.achievedOn >= from) };
}

/**
 * One value per person per outcome per 12 months, in date order: a claim within 12 months of the
 * person's last counted claim of the same outcome is a repeat. `lines[start, end)` is one person's.
 */
function settleRepeats(
  lines: ValueLine[],
  start: number,
  end: number,
  anniversary: (index: number) => string,
): void {
  for (let index = start + 1; index < end; index++) {
    const line = lines[index];
    if (line.status !== "counted") continue;
    for (let earlier = index - 1; earlier >= start; earlier--) {
      const previous = lines[earlier];
      if (previous.status !== "counted" || previous.code !== line.code) continue;
      if (line.achievedOn < anniversary(earlier)) line.status = "repeat-within-12-months";
      break;
    }
  }
}

/** Exclusions: per person, the highest values claim first; a lower one that clashes is excluded. */
function settleExclusions(
  lines: ValueLine[],
  start: number,
  end: number,
  rules: ValueBankRules,
  anniversary: (index: number) => string,
): void {
  if (rules.exclusions.size === 0 || end - start < 2) return;
  const counted: number[] = [];
  for (let index = start; index < end; index++) if (lines[index].status === "counted") counted.push(index);
  if (counted.length < 2) return;
  // Stable, so equal values stay in date (then record) order.
  counted.sort(
    (a, b) => lines[b].netPence - lines[a].netPence || lines[a].achievedOn.localeCompare(lines[b].achievedOn),
  );
  const accepted: number[] = [];
  for (const index of counted) {
    const line = lines[index];
    const clash = accepted.find((kept) => {
      if (!rules.exclusions.has(exclusionKey(lines[kept].code, line.code))) return false;
      // Within 12 months of each other: the later is before the earlier one's anniversary.
      const [earlier, later] = lines[kept].achievedOn <= line.achievedOn ? [kept, index] : [index, kept];
      return lines[later].achievedOn < anniversary(earlier);
    });
    if (clash === undefined) accepted.push(index);
    else {
      line.status = "excluded";
      line.excludedBy = lines[clash].outcomeId;
    }
  }
}
