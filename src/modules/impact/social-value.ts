import { addMonths } from "../../platform/dates/calendar.ts";
import type { ClaimFactsTuple, ClaimRow, ClaimTuple } from "../investment/index.ts";
import { type AgeBand, ageBandOn, type Region, regionOf } from "./age-region.ts";
import { atPrice } from "./prices.ts";

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

export type SocialValueTotals = {
  totalPence: number;
  grossPence: number;
  people: number;
};

export type SocialValueResult = SocialValueTotals & { lines: ValueLine[] };

export function exclusionKey(a: string, b: string): string {
  return `${a}|${b}`;
}

/** A claim as the rules read it: ClaimRow's fields as an array, ids null where only totals are wanted. */
type RuleClaim = ClaimTuple | ClaimFactsTuple;
const outcomeOf = 0;
const personOf = 1;
const codeOf = 3;
const dayOf = 4;

/**
 * Claims in the order HACT's rules are applied: person, then day, then outcome record. Compared as
 * plain text (code units): ids are UUIDs and days ISO dates, for which this is the same order as
 * `localeCompare` and as PostgreSQL's, at a fraction of the cost over hundreds of thousands of claims.
 * A claim read without its record id keeps its place among the person's claims of that day.
 */
function byPersonDayRecord(a: RuleClaim, b: RuleClaim): number {
  if (a[personOf] !== b[personOf]) return a[personOf] < b[personOf] ? -1 : 1;
  if (a[dayOf] !== b[dayOf]) return a[dayOf] < b[dayOf] ? -1 : 1;
  const [x, y] = [a[outcomeOf] ?? "", b[outcomeOf] ?? ""];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The claims in the rules' order: as given when they already are (valueClaims sorts them), else sorted. */
function inRulesOrder<T extends RuleClaim>(claims: readonly T[]): readonly T[] {
  for (let index = 1; index < claims.length; index++)
    if (byPersonDayRecord(claims[index - 1], claims[index]) > 0) return [...claims].sort(byPersonDayRecord);
  return claims;
}

/**
 * What the rules made of each claim, by its place in the rules' order: columns, not an object per
 * claim, so a caller that needs only totals builds no lines, and the report builds lines for the
 * period only (a third of the claims read are the 12 months before it, kept for the rules).
 */
type Settlement = SocialValueTotals & {
  /** Indexes into `statuses`. */
  status: Uint8Array;
  gross: Float64Array;
  deadweight: Float64Array;
  net: Float64Array;
  /** The place of the claim valued instead of an excluded one; -1 for the others. */
  excludedBy: Int32Array;
};

// Typed arrays rather than an array per field pushed claim by claim: at 400,000 claims, growing
// seven arrays of objects and strings cost more than the rules (docs/performance.md, session 11).
const statuses: readonly ValueLineStatus[] = [
  "counted",
  "repeat-within-12-months",
  "excluded",
  "not-in-value-bank",
  "before-period",
];
const [counted, repeat, excluded, notInBank, beforePeriod] = [0, 1, 2, 3, 4];

/**
 * Social value by HACT's wellbeing-valuation method:
 * - one value per person per outcome per 12 months (a repeat within 12 months of a counted claim is not valued);
 * - the value for the person's age band on the day and their region (London or not);
 * - deadweight for the outcome's category taken off;
 * - two outcomes that draw on the same area of benefit (the exclusion matrix) are never both valued for
 *   one person within 12 months: the higher value stands.
 * Claims from the 12 months before `from` are passed in so a repeat across the period edge is caught;
 * they are never valued themselves. Every line says what happened to it, so totals can be traced.
 */
export function calculateSocialValue(
  claims: OutcomeClaim[],
  rules: ValueBankRules,
  from: string,
): SocialValueResult {
  return socialValueOfClaims(claims.map(claimTuple), rules, from);
}

/** A claim as valueClaims reads it: its fields as an array, in ClaimRow's order. */
export function claimTuple(c: OutcomeClaim): ClaimTuple {
  return [c.outcomeId, c.participantId, c.projectId, c.code, c.achievedOn, c.dateOfBirth, c.laCode];
}

/** calculateSocialValue over claims as valueClaims reads them (arrays of ClaimRow's fields). */
export function socialValueOfClaims(
  claims: readonly ClaimTuple[],
  rules: ValueBankRules,
  from: string,
): SocialValueResult {
  const sorted = inRulesOrder(claims);
  const settled = settle(sorted, rules, from, 1);
  const lines: ValueLine[] = [];
  for (let index = 0; index < sorted.length; index++) {
    const claim = sorted[index];
    if (claim[dayOf] < from) continue;
    const excludedBy = settled.excludedBy[index];
    lines.push({
      outcomeId: claim[0],
      participantId: claim[1],
      projectId: claim[2],
      code: claim[3],
      achievedOn: claim[4],
      dateOfBirth: claim[5],
      laCode: claim[6],
      status: statuses[settled.status[index]],
      ageBand: ageBandOn(claim[5], claim[4]),
      region: regionOf(claim[6]),
      grossPence: settled.gross[index],
      deadweightPercent: settled.deadweight[index],
      netPence: settled.net[index],
      excludedBy: excludedBy < 0 ? null : sorted[excludedBy][0],
    });
  }
  const { totalPence, grossPence, people } = settled;
  return { totalPence, grossPence, people, lines };
}

/**
 * The totals of socialValueOfClaims without its lines, for a caller that shows none (the dashboard),
 * each counted value at `factor` times the bank's prices, rounded per line as atPrices rounds the lines.
 */
export function socialValueTotals(
  claims: readonly RuleClaim[],
  rules: ValueBankRules,
  from: string,
  factor: number,
): SocialValueTotals {
  const { totalPence, grossPence, people } = settle(inRulesOrder(claims), rules, from, factor);
  return { totalPence, grossPence, people };
}

/**
 * Every rule looks at one person's claims only, so with the claims in the rules' order each person's
 * run is settled in turn (no maps keyed by person and outcome); a claim's anniversary (12 months on)
 * is worked out at most once. A large landlord has hundreds of thousands of claims a year, and this
 * is on the dashboard's critical path (docs/performance.md, "Dashboard within 10× count(*)").
 */
function settle(
  claims: readonly RuleClaim[],
  rules: ValueBankRules,
  from: string,
  factor: number,
): Settlement {
  const length = claims.length;
  const settled: Settlement = {
    totalPence: 0,
    grossPence: 0,
    people: 0,
    status: new Uint8Array(length),
    gross: new Float64Array(length),
    deadweight: new Float64Array(length),
    net: new Float64Array(length),
    excludedBy: new Int32Array(length).fill(-1),
  };
  for (let index = 0; index < length; index++) value(claims[index], index, rules, settled);
  const anniversaries: string[] = new Array(claims.length);
  const anniversary = (index: number) => {
    anniversaries[index] ??= addMonths(claims[index][dayOf], 12);
    return anniversaries[index];
  };
  for (let start = 0; start < claims.length; ) {
    let end = start + 1;
    while (end < claims.length && claims[end][personOf] === claims[start][personOf]) end += 1;
    settleRepeats(claims, settled.status, start, end, anniversary);
    settleExclusions(claims, settled, start, end, rules, anniversary);
    let valued = false;
    for (let index = start; index < end; index++) {
      if (settled.status[index] !== counted) continue;
      if (claims[index][dayOf] < from) settled.status[index] = beforePeriod;
      else {
        settled.totalPence += atPrice(settled.net[index], factor);
        settled.grossPence += atPrice(settled.gross[index], factor);
        valued = true;
      }
    }
    if (valued) settled.people += 1;
    start = end;
  }
  return settled;
}

/** A claim's value before the 12-month and exclusion rules, as the next entry of each column. */
function value(claim: RuleClaim, index: number, rules: ValueBankRules, settled: Settlement): void {
  const outcome = rules.outcomes.get(claim[codeOf]);
  if (!outcome) {
    settled.status[index] = notInBank;
    return;
  }
  const gross = outcome.values[ageBandOn(claim[5], claim[dayOf])][regionOf(claim[6])];
  const deadweight = rules.deadweight.get(outcome.category) ?? 0;
  settled.status[index] = counted;
  settled.gross[index] = gross;
  settled.deadweight[index] = deadweight;
  settled.net[index] = Math.round((gross * (100 - deadweight)) / 100);
}

/**
 * One value per person per outcome per 12 months, in date order: a claim within 12 months of the
 * person's last counted claim of the same outcome is a repeat. `[start, end)` is one person's claims.
 */
function settleRepeats(
  claims: readonly RuleClaim[],
  status: Uint8Array,
  start: number,
  end: number,
  anniversary: (index: number) => string,
): void {
  for (let index = start + 1; index < end; index++) {
    if (status[index] !== counted) continue;
    const code = claims[index][codeOf];
    for (let earlier = index - 1; earlier >= start; earlier--) {
      if (status[earlier] !== counted || claims[earlier][codeOf] !== code) continue;
      if (claims[index][dayOf] < anniversary(earlier)) status[index] = repeat;
      break;
    }
  }
}

/** Exclusions: per person, the highest values claim first; a lower one that clashes is excluded. */
function settleExclusions(
  claims: readonly RuleClaim[],
  settled: Settlement,
  start: number,
  end: number,
  rules: ValueBankRules,
  anniversary: (index: number) => string,
): void {
  if (rules.exclusions.size === 0 || end - start < 2) return;
  const { status, net } = settled;
  const valued: number[] = [];
  for (let index = start; index < end; index++) if (status[index] === counted) valued.push(index);
  if (valued.length < 2) return;
  const day = (index: number) => claims[index][dayOf];
  // Stable, so equal values stay in date (then record) order.
  valued.sort((a, b) => net[b] - net[a] || day(a).localeCompare(day(b)));
  const accepted: number[] = [];
  for (const index of valued) {
    const clash = accepted.find((kept) => {
      if (!rules.exclusions.has(exclusionKey(claims[kept][codeOf], claims[index][codeOf]))) return false;
      // Within 12 months of each other: the later is before the earlier one's anniversary.
      const [earlier, later] = day(kept) <= day(index) ? [kept, index] : [index, kept];
      return day(later) < anniversary(earlier);
    });
    if (clash === undefined) accepted.push(index);
    else {
      status[index] = excluded;
      settled.excludedBy[index] = clash;
    }
  }
}
