import { addMonths } from "../../platform/dates/calendar.ts";
import { type AgeBand, ageBandOn, type Region, regionOf } from "./age-region.ts";

/** One outcome record that names a value-bank outcome: the evidence a value is built on. */
export type OutcomeClaim = {
  outcomeId: string;
  participantId: string;
  projectId: string;
  code: string;
  achievedOn: string;
  dateOfBirth: string | null;
  laCode: string | null;
};

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

function within12Months(a: string, b: string): boolean {
  const [earlier, later] = a <= b ? [a, b] : [b, a];
  return later < addMonths(earlier, 12);
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
 */
export function calculateSocialValue(
  claims: OutcomeClaim[],
  rules: ValueBankRules,
  from: string,
): SocialValueResult {
  const sorted = [...claims].sort(
    (a, b) =>
      a.participantId.localeCompare(b.participantId) ||
      a.achievedOn.localeCompare(b.achievedOn) ||
      a.outcomeId.localeCompare(b.outcomeId),
  );
  const lines: ValueLine[] = sorted.map((claim) => {
    const ageBand = ageBandOn(claim.dateOfBirth, claim.achievedOn);
    const region = regionOf(claim.laCode);
    const outcome = rules.outcomes.get(claim.code);
    if (!outcome) {
      return {
        ...claim,
        status: "not-in-value-bank",
        ageBand,
        region,
        grossPence: 0,
        deadweightPercent: 0,
        netPence: 0,
        excludedBy: null,
      };
    }
    const grossPence = outcome.values[ageBand][region];
    const deadweightPercent = rules.deadweight.get(outcome.category) ?? 0;
    const netPence = Math.round((grossPence * (100 - deadweightPercent)) / 100);
    return {
      ...claim,
      status: "counted",
      ageBand,
      region,
      grossPence,
      deadweightPercent,
      netPence,
      excludedBy: null,
    };
  });

  // One value per person per outcome per 12 months, in date order.
  const lastCounted = new Map<string, string>();
  for (const line of lines) {
    if (line.status !== "counted") continue;
    const key = `${line.participantId}|${line.code}`;
    const previous = lastCounted.get(key);
    if (previous && within12Months(previous, line.achievedOn)) {
      line.status = "repeat-within-12-months";
      continue;
    }
    lastCounted.set(key, line.achievedOn);
  }

  // Exclusions: per person, the highest values claim first; a lower one that clashes is excluded.
  const byPerson = new Map<string, ValueLine[]>();
  for (const line of lines) {
    if (line.status !== "counted") continue;
    const list = byPerson.get(line.participantId) ?? [];
    list.push(line);
    byPerson.set(line.participantId, list);
  }
  for (const personLines of byPerson.values()) {
    const accepted: ValueLine[] = [];
    const byValue = [...personLines].sort(
      (a, b) => b.netPence - a.netPence || a.achievedOn.localeCompare(b.achievedOn),
    );
    for (const line of byValue) {
      const clash = accepted.find(
        (kept) =>
          rules.exclusions.has(exclusionKey(kept.code, line.code)) &&
          within12Months(kept.achievedOn, line.achievedOn),
      );
      if (clash) {
        line.status = "excluded";
        line.excludedBy = clash.outcomeId;
      } else accepted.push(line);
    }
  }

  for (const line of lines)
    if (line.achievedOn < from && line.status === "counted") line.status = "before-period";
  const counted = lines.filter((line) => line.status === "counted");
  return {
    totalPence: counted.reduce((sum, line) => sum + line.netPence, 0),
    grossPence: counted.reduce((sum, line) => sum + line.grossPence, 0),
    people: new Set(counted.map((line) => line.participantId)).size,
    lines: lines.filter((line) => line.achievedOn >= from),
  };
}
