import { describe, expect, it } from "vitest";
import { addMonths } from "../../platform/dates/calendar.ts";
import {
  earliestEffectiveDate,
  meanScoreBp,
  meetsNoticeRule,
  monitoringSchedule,
  paymentSchedule,
  weightedScoreBp,
} from "./rules.ts";

describe("the three months' notice rule", () => {
  it("allows an ending exactly three calendar months after notice", () => {
    expect(meetsNoticeRule("2026-06-15", "2026-09-15")).toBe(true);
  });
  it("refuses an ending one day short of three months", () => {
    expect(meetsNoticeRule("2026-06-15", "2026-09-14")).toBe(false);
  });
  it("refuses two months' notice", () => {
    expect(meetsNoticeRule("2026-06-15", "2026-08-15")).toBe(false);
  });
  it("clamps to the end of a shorter month", () => {
    expect(earliestEffectiveDate("2026-11-30")).toBe("2027-02-28");
    expect(earliestEffectiveDate("2027-11-30")).toBe("2028-02-29");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });
});

describe("assessment scores", () => {
  const criteria = [
    { id: "need", name: "Need", weight: 3 },
    { id: "delivery", name: "Delivery", weight: 1 },
  ];
  it("weights each criterion", () => {
    // (5×3 + 1×1) / (5×4) = 16/20 = 80%
    expect(weightedScoreBp(criteria, { need: 5, delivery: 1 })).toBe(8000);
    expect(weightedScoreBp(criteria, { need: 1, delivery: 5 })).toBe(4000);
  });
  it("leaves out assessors with a conflict of interest from the mean", () => {
    expect(
      meanScoreBp([
        { conflictDeclared: false, weightedScoreBp: 8000 },
        { conflictDeclared: true, weightedScoreBp: null },
        { conflictDeclared: false, weightedScoreBp: 6000 },
      ]),
    ).toBe(7000);
    expect(meanScoreBp([{ conflictDeclared: true, weightedScoreBp: null }])).toBeNull();
  });
});

describe("schedules", () => {
  it("splits a three-year grant into annual instalments that add up exactly", () => {
    const schedule = paymentSchedule("2026-04-01", "2029-03-31", 10_000_000 + 1);
    expect(schedule.map((p) => p.dueOn)).toEqual(["2026-04-01", "2027-04-01", "2028-04-01"]);
    expect(schedule.reduce((sum, p) => sum + p.amountPence, 0)).toBe(10_000_001);
    expect(schedule[0].amountPence).toBe(3_333_335);
  });
  it("pays a one-year grant in one instalment", () => {
    expect(paymentSchedule("2026-04-01", "2027-03-31", 500_000)).toEqual([
      { instalment: 1, dueOn: "2026-04-01", amountPence: 500_000 },
    ]);
  });
  it("asks for quarterly returns and a final return", () => {
    const returns = monitoringSchedule("2026-04-01", "2027-03-31", "quarterly");
    expect(returns.map((r) => r.dueOn)).toEqual(["2026-08-01", "2026-11-01", "2027-02-01", "2027-04-30"]);
    expect(monitoringSchedule("2026-04-01", "2026-09-30", "end-of-grant")).toHaveLength(1);
  });
});
