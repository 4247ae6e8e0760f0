import { describe, expect, it } from "vitest";
import { formatPoints, type PointsRules, socialValuePoints } from "./points.ts";

const rules: PointsRules = {
  valuePence: 100_000_000, // £1,000,000 contract
  weightingBp: 1000, // social value is 10 marks out of 100
  themes: ["local-employment", "community-development", "green"],
  themeWeights: { "local-employment": 10_000, "community-development": 10_000, green: 5_000 },
  fullMarksShareBp: 500, // £50,000 of weighted pledges earns full marks
};

describe("social value points", () => {
  it("scores weighted pledges in proportion to the full-marks value", () => {
    const result = socialValuePoints(rules, [
      { reference: "A", theme: "local-employment", valuePence: 2_000_000 },
      { reference: "B", theme: "green", valuePence: 1_000_000 },
    ]);
    // £20,000 + £10,000 × 50% = £25,000 of £50,000 → half of 10 marks.
    expect(result.weightedPence).toBe(2_500_000);
    expect(result.fullMarksPence).toBe(5_000_000);
    expect(result.points).toBe(500);
    expect(formatPoints(result.points)).toBe("5.00");
  });

  it("counts nothing for a theme the tender does not ask for, and says why", () => {
    const result = socialValuePoints(rules, [
      { reference: "C", theme: "good-employer", valuePence: 9_000_000 },
    ]);
    expect(result.points).toBe(0);
    expect(result.lines[0]).toMatchObject({
      countedPence: 0,
      note: "The tender does not ask for this theme",
    });
  });

  it("caps points at the social value weighting", () => {
    const result = socialValuePoints(rules, [
      { reference: "D", theme: "community-development", valuePence: 50_000_000 },
    ]);
    expect(result.points).toBe(1000);
  });

  it("rounds down to the hundredth of a mark", () => {
    // £1 of £50,000 weighted: 1000 × 100 / 5,000,000 = 0.02 hundredths → 0.
    expect(
      socialValuePoints(rules, [{ reference: "E", theme: "local-employment", valuePence: 100 }]).points,
    ).toBe(0);
    // £333.33 → 1000 × 33,333 / 5,000,000 = 6.6666 → 6 hundredths.
    expect(
      socialValuePoints(rules, [{ reference: "F", theme: "local-employment", valuePence: 33_333 }]).points,
    ).toBe(6);
  });

  it("stays exact for a £2 billion contract", () => {
    const big = { ...rules, valuePence: 200_000_000_000 };
    const result = socialValuePoints(big, [
      { reference: "G", theme: "local-employment", valuePence: 9_999_999_999 },
    ]);
    expect(result.fullMarksPence).toBe(10_000_000_000);
    expect(result.points).toBe(999);
  });
});
