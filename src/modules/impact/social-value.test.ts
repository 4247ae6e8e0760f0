import { describe, expect, it } from "vitest";
import type { AgeBand, Region } from "./age-region.ts";
import { ageBandOn, regionOf } from "./age-region.ts";
import {
  type BankOutcome,
  calculateSocialValue,
  exclusionKey,
  type OutcomeClaim,
  type ValueBankRules,
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
