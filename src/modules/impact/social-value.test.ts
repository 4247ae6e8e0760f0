import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addMonths } from "../../platform/dates/calendar.ts";
import type { AgeBand, Region } from "./age-region.ts";
import { ageBandOn, regionOf } from "./age-region.ts";
import { atPrices, type PriceBasis } from "./prices.ts";
import {
  type BankOutcome,
  calculateSocialValue,
  claimTuple,
  exclusionKey,
  type OutcomeClaim,
  socialValueOfClaims,
  socialValueTotals,
  type ValueBankRules,
  type ValueLine,
} from "./social-value.ts";

function values(base: number): Record<AgeBand, Record<Region, number>> {
  // Different by age and region so a wrong choice shows up in the total.
  return {
    "under-25": { london: base + 100, "outside-london": base + 10 },
    "25-49": { london: base + 200, "outside-london": base + 20 },
    "50-plus": { london: base + 300, "outside-london": base + 30 },
    unknown: { london: base + 400, "outside-london": base + 40 },
  };
}

const outcomes: BankOutcome[] = [
  { code: "EMP1", name: "Full-time employment", category: "employment", values: values(1_000_000) },
  { code: "EMP2", name: "Part-time employment", category: "employment", values: values(500_000) },
  { code: "HLT1", name: "Relief from anxiety", category: "health", values: values(3_000_000) },
];
const rules: ValueBankRules = {
  outcomes: new Map(outcomes.map((o) => [o.code, o])),
  deadweight: new Map([
    ["employment", 20],
    ["health", 0],
  ]),
  exclusions: new Set([exclusionKey("EMP1", "EMP2"), exclusionKey("EMP2", "EMP1")]),
};

let n = 0;
function claim(
  participantId: string,
  code: string,
  achievedOn: string,
  extra: Partial<OutcomeClaim> = {},
): OutcomeClaim {
  n += 1;
  return {
    outcomeId: `o${n}`,
    participantId,
    projectId: "p",
    code,
    achievedOn,
    dateOfBirth: "1990-01-01",
    laCode: "E06000035",
    ...extra,
  };
}

describe("age band and region", () => {
  it("uses the age on the day of the outcome, turning over on the birthday", () => {
    expect(ageBandOn("2001-06-15", "2026-06-14")).toBe("under-25");
    expect(ageBandOn("2001-06-15", "2026-06-15")).toBe("25-49");
    expect(ageBandOn("1976-06-15", "2026-06-15")).toBe("50-plus");
    expect(ageBandOn(null, "2026-06-15")).toBe("unknown");
  });
  it("counts the E09 local authorities as London", () => {
    expect(regionOf("E09000033")).toBe("london");
    expect(regionOf("E06000035")).toBe("outside-london");
    expect(regionOf(null)).toBe("outside-london");
  });
});

describe("social value calculation", () => {
  it("takes the category's deadweight off the value for the person's age band and region", () => {
    const result = calculateSocialValue(
      [
        claim("a", "EMP1", "2026-05-01", { dateOfBirth: "2005-01-01" }), // under 25, Medway
        claim("b", "EMP1", "2026-05-01", { dateOfBirth: "1960-01-01", laCode: "E09000001" }), // 50+, London
      ],
      rules,
      "2026-04-01",
    );
    // (1,000,010 × 80%) + (1,000,300 × 80%) = 800,008 + 800,240
    expect(result.totalPence).toBe(1_600_248);
    expect(result.grossPence).toBe(2_000_310);
    expect(result.people).toBe(2);
  });

  it("values an outcome once per person per 12 months", () => {
    const result = calculateSocialValue(
      [claim("a", "HLT1", "2026-04-10"), claim("a", "HLT1", "2026-09-01"), claim("a", "HLT1", "2027-04-10")],
      rules,
      "2026-04-01",
    );
    expect(result.lines.map((line) => line.status)).toEqual([
      "counted",
      "repeat-within-12-months",
      "counted",
    ]);
    expect(result.totalPence).toBe(2 * 3_000_020);
  });

  it("never values both outcomes of an excluded pair for one person, keeping the higher", () => {
    const result = calculateSocialValue(
      [claim("a", "EMP2", "2026-05-01"), claim("a", "EMP1", "2026-08-01")],
      rules,
      "2026-04-01",
    );
    const [partTime, fullTime] = result.lines;
    expect(fullTime.status).toBe("counted");
    expect(partTime.status).toBe("excluded");
    expect(partTime.excludedBy).toBe(fullTime.outcomeId);
    expect(result.totalPence).toBe(800_016);
  });

  it("values an excluded pair for two different people", () => {
    const result = calculateSocialValue(
      [claim("a", "EMP2", "2026-05-01"), claim("b", "EMP1", "2026-05-01")],
      rules,
      "2026-04-01",
    );
    expect(result.lines.every((line) => line.status === "counted")).toBe(true);
  });

  it("does not value a repeat of an outcome counted in the 12 months before the period", () => {
    const result = calculateSocialValue(
      [claim("a", "HLT1", "2026-02-01"), claim("a", "HLT1", "2026-05-01")],
      rules,
      "2026-04-01",
    );
    expect(result.lines).toHaveLength(1);
    expect(result.lines[0].status).toBe("repeat-within-12-months");
    expect(result.totalPence).toBe(0);
  });

  it("shows outcomes with no value-bank entry without valuing them", () => {
    const result = calculateSocialValue([claim("a", "NOPE", "2026-05-01")], rules, "2026-04-01");
    expect(result.lines[0].status).toBe("not-in-value-bank");
    expect(result.totalPence).toBe(0);
  });
});

// The engine settles each person's run of sorted claims in one pass; here every rule is applied the
// obvious way, over the whole list, line by line, and the two must agree on every line and total.
function directSocialValue(claims: OutcomeClaim[], bank: ValueBankRules, from: string) {
  const within12Months = (a: string, b: string) => (a <= b ? b < addMonths(a, 12) : a < addMonths(b, 12));
  const ordered = [...claims].sort(
    (a, b) =>
      a.participantId.localeCompare(b.participantId) ||
      a.achievedOn.localeCompare(b.achievedOn) ||
      a.outcomeId.localeCompare(b.outcomeId),
  );
  const lines: ValueLine[] = ordered.map((c) => {
    const ageBand = ageBandOn(c.dateOfBirth, c.achievedOn);
    const region = regionOf(c.laCode);
    const outcome = bank.outcomes.get(c.code);
    const gross = outcome?.values[ageBand][region] ?? 0;
    const deadweight = outcome ? (bank.deadweight.get(outcome.category) ?? 0) : 0;
    return {
      ...c,
      status: outcome ? "counted" : "not-in-value-bank",
      ageBand,
      region,
      grossPence: gross,
      deadweightPercent: deadweight,
      netPence: outcome ? Math.round((gross * (100 - deadweight)) / 100) : 0,
      excludedBy: null,
    };
  });
  lines.forEach((line, i) => {
    if (line.status !== "counted") return;
    const last = lines
      .slice(0, i)
      .filter((l) => l.participantId === line.participantId && l.code === line.code && l.status === "counted")
      .at(-1);
    if (last && within12Months(last.achievedOn, line.achievedOn)) line.status = "repeat-within-12-months";
  });
  for (const person of new Set(lines.map((l) => l.participantId))) {
    const kept: ValueLine[] = [];
    const valued = lines.filter((l) => l.participantId === person && l.status === "counted");
    valued.sort((a, b) => b.netPence - a.netPence || a.achievedOn.localeCompare(b.achievedOn));
    for (const line of valued) {
      const clash = kept.find(
        (k) =>
          bank.exclusions.has(exclusionKey(k.code, line.code)) &&
          within12Months(k.achievedOn, line.achievedOn),
      );
      if (!clash) kept.push(line);
      else Object.assign(line, { status: "excluded", excludedBy: clash.outcomeId });
    }
  }
  for (const line of lines)
    if (line.status === "counted" && line.achievedOn < from) line.status = "before-period";
  const counted = lines.filter((l) => l.status === "counted");
  return {
    totalPence: counted.reduce((sum, l) => sum + l.netPence, 0),
    grossPence: counted.reduce((sum, l) => sum + l.grossPence, 0),
    people: new Set(counted.map((l) => l.participantId)).size,
    lines: lines.filter((l) => l.achievedOn >= from),
  };
}

describe("social value on random claims", () => {
  // Three people, claims over two and a half years (a leap day among them) so repeats, exclusions and
  // the period edge all meet; the same value for two claims tests the tie order.
  const people = [
    "01a25157-dc46-789c-bc2b-50607e176a66",
    "01a25157-dc46-789c-bc2b-50607e176a6f",
    "01a2515a-0000-7000-8000-000000000000",
  ];
  const firstDay = Date.UTC(2024, 0, 1);
  const day = (offset: number) => new Date(firstDay + offset * 86_400_000).toISOString().slice(0, 10);
  const claimOf = fc.record({
    outcomeId: fc.uuid(),
    participantId: fc.constantFrom(...people),
    projectId: fc.constantFrom("p1", "p2"),
    code: fc.constantFrom("EMP1", "EMP2", "HLT1", "NOPE"),
    achievedOn: fc.integer({ min: 0, max: 900 }).map(day),
    dateOfBirth: fc.option(fc.integer({ min: -25_000, max: -3_000 }).map(day)),
    laCode: fc.constantFrom(null, "E06000035", "E09000033"),
  });
  const bank: ValueBankRules = {
    ...rules,
    exclusions: new Set([...rules.exclusions, exclusionKey("HLT1", "EMP2"), exclusionKey("EMP2", "HLT1")]),
  };

  it("gives every line and total a direct application of the rules gives, in any input order", () => {
    fc.assert(
      fc.property(
        fc.array(claimOf, { maxLength: 40 }),
        fc.integer({ min: 300, max: 800 }).map(day),
        (claims, from) => {
          expect(calculateSocialValue(claims, bank, from)).toEqual(directSocialValue(claims, bank, from));
        },
      ),
      { numRuns: 300 },
    );
  });
  // The dashboard's path: the claims as valueClaimFacts reads them (arrays, in the rules' order, the
  // record and project ids null), totals only, at a price factor as atPrices applies it to the lines.
  it("gives the totals of the lines from claims read without their ids, at any prices", () => {
    const basis = (factor: number) => ({ factor }) as PriceBasis;
    const inRulesOrder = (claims: OutcomeClaim[]) =>
      [...claims].sort(
        (a, b) =>
          a.participantId.localeCompare(b.participantId) ||
          a.achievedOn.localeCompare(b.achievedOn) ||
          a.outcomeId.localeCompare(b.outcomeId),
      );
    fc.assert(
      fc.property(
        fc.array(claimOf, { maxLength: 40 }),
        fc.integer({ min: 300, max: 800 }).map(day),
        fc.constantFrom(1, 1.03, 1.25, 0.97),
        (claims, from, factor) => {
          const full = atPrices(calculateSocialValue(claims, bank, from), basis(factor));
          const facts = inRulesOrder(claims).map(
            (c) => [null, c.participantId, null, c.code, c.achievedOn, c.dateOfBirth, c.laCode] as const,
          );
          expect(socialValueTotals(facts, bank, from, factor)).toEqual({
            totalPence: full.totalPence,
            grossPence: full.grossPence,
            people: full.people,
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it("gives the same lines from claims as arrays, in any order, as from claims as objects", () => {
    fc.assert(
      fc.property(
        fc.array(claimOf, { maxLength: 40 }),
        fc.integer({ min: 300, max: 800 }).map(day),
        (claims, from) => {
          expect(socialValueOfClaims(claims.map(claimTuple), bank, from)).toEqual(
            directSocialValue(claims, bank, from),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
