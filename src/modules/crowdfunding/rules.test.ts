import { describe, expect, it } from "vitest";
import { poundsToPence, shareOf } from "./money.ts";
import {
  closingMoment,
  deadlineProblem,
  type MatchRules,
  matchPledgeProblems,
  settlementOutcome,
} from "./rules.ts";

const rules: MatchRules = {
  maxShareBp: 5000,
  maxAmountPence: 500_000,
  combinedCapBp: 6500,
  minBackers: 10,
  passMark: 6,
  criteria: [
    { key: "benefit", label: "Community benefit", max: 5 },
    { key: "backing", label: "Public backing", max: 5 },
  ],
  budgetPence: 10_000_000,
};
const passing = { benefit: 4, backing: 3 };

function rulesBroken(
  amountPence: number,
  extra: Partial<Parameters<typeof matchPledgeProblems>[0]> = {},
): string[] {
  return matchPledgeProblems({
    rules,
    targetPence: 800_000,
    amountPence,
    otherFunders: [],
    fundCommittedPence: 0,
    scores: passing,
    ...extra,
  }).map((p) => p.rule);
}

describe("match pledge rules", () => {
  it("allows a pledge at exactly 50% of the target", () => {
    expect(rulesBroken(400_000)).toEqual([]);
  });
  it("refuses a pledge one penny over 50% of the target", () => {
    expect(rulesBroken(400_001)).toEqual(["max-share"]);
  });
  it("refuses a pledge over the £5,000 maximum even when it is under half the target", () => {
    expect(rulesBroken(500_001, { targetPence: 2_000_000 })).toEqual(["max-amount"]);
  });
  it("refuses a pledge that takes all funders together over 65% of the target", () => {
    // Another funder has 30% of £8,000; 35% more would be 65% exactly, a penny more breaks the cap.
    expect(rulesBroken(280_000, { otherFunders: [{ amountPence: 240_000, combinedCapBp: 6500 }] })).toEqual(
      [],
    );
    expect(rulesBroken(280_001, { otherFunders: [{ amountPence: 240_000, combinedCapBp: 6500 }] })).toEqual([
      "combined-cap",
    ]);
  });
  it("applies the tightest combined cap of every fund already pledging", () => {
    const broken = rulesBroken(200_000, { otherFunders: [{ amountPence: 240_000, combinedCapBp: 5000 }] });
    expect(broken).toEqual(["combined-cap"]);
  });
  it("refuses a campaign scored below the pass mark and scores outside a criterion's range", () => {
    expect(rulesBroken(100_000, { scores: { benefit: 2, backing: 3 } })).toEqual(["pass-mark"]);
    expect(rulesBroken(100_000, { scores: { benefit: 6, backing: 3 } })).toEqual(["score-range"]);
    expect(rulesBroken(100_000, { scores: { benefit: 5 } })).toEqual(["score-range"]);
  });
  it("refuses a pledge larger than what is left in the fund", () => {
    expect(rulesBroken(100_000, { fundCommittedPence: 9_950_000 })).toEqual(["budget"]);
  });
  it("refuses a zero pledge", () => {
    expect(rulesBroken(0)).toContain("positive");
  });
});

describe("all-or-nothing settlement", () => {
  it("collects everything when backers plus released match money reach the target exactly", () => {
    expect(
      settlementOutcome({
        fundingModel: "all-or-nothing",
        targetPence: 1000,
        backerPence: 600,
        releasedMatchPence: 400,
      }),
    ).toEqual({
      status: "successful",
      collectBackers: true,
      collectMatch: true,
      totalPence: 1000,
    });
  });
  it("releases every pledge when the total is a penny short", () => {
    const outcome = settlementOutcome({
      fundingModel: "all-or-nothing",
      targetPence: 1000,
      backerPence: 599,
      releasedMatchPence: 400,
    });
    expect(outcome.status).toBe("unsuccessful");
    expect(outcome.collectBackers).toBe(false);
    expect(outcome.collectMatch).toBe(false);
  });
  it("keeps backers' money but not the funders' when keep-what-you-raise misses its target", () => {
    const outcome = settlementOutcome({
      fundingModel: "keep-what-you-raise",
      targetPence: 1000,
      backerPence: 500,
      releasedMatchPence: 100,
    });
    expect(outcome).toMatchObject({ status: "unsuccessful", collectBackers: true, collectMatch: false });
  });
});

describe("deadlines and money", () => {
  it("accepts deadlines from 7 days to 12 weeks after launch", () => {
    expect(deadlineProblem("2026-06-15", "2026-06-21")).toMatch(/at least 7 days/);
    expect(deadlineProblem("2026-06-15", "2026-06-22")).toBeNull();
    expect(deadlineProblem("2026-06-15", "2026-09-07")).toBeNull();
    expect(deadlineProblem("2026-06-15", "2026-09-08")).toMatch(/12 weeks/);
  });
  it("closes at midnight London time: 23:00 UTC in summer, midnight UTC in winter", () => {
    expect(closingMoment("2026-07-01").toISOString()).toBe("2026-07-01T23:00:00.000Z");
    expect(closingMoment("2026-12-01").toISOString()).toBe("2026-12-02T00:00:00.000Z");
  });
  it("reads pounds as exact pence and refuses anything else", () => {
    expect(poundsToPence("£1,250.5")).toBe(125_050);
    expect(poundsToPence("0.10")).toBe(10);
    expect(poundsToPence("12.345")).toBeNull();
    expect(poundsToPence("ten")).toBeNull();
    expect(shareOf(333_333, 6500)).toBe(216_666);
  });
});
