import { describe, expect, it } from "vitest";
import { addMonths, earlierDay, laterDay, monthsBetween, normaliseDay } from "./calendar.ts";

// Issue 17: one rule for "n months after" everywhere (grants notice, outcome follow-ups, reports).
describe("calendar months", () => {
  it("clamps to the end of a shorter month instead of rolling into the next", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2028-02-29", 12)).toBe("2029-02-28");
    expect(addMonths("2026-11-30", 3)).toBe("2027-02-28");
  });

  it("goes back across a year end, and leaves days that exist alone", () => {
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2026-01-15", -12)).toBe("2025-01-15");
    expect(addMonths("2026-12-06", 1)).toBe("2027-01-06");
  });

  it("counts whole months with a part month, and orders days", () => {
    expect(monthsBetween("2026-04-01", "2027-03-31")).toBe(12);
    expect(monthsBetween("2026-04-15", "2026-04-20")).toBe(1);
    expect(laterDay("2026-12-06", "2026-11-30")).toBe("2026-12-06");
    expect(earlierDay("2026-12-06", "2026-11-30")).toBe("2026-11-30");
  });

  it("reads a day written the UK way or as an ISO date, and leaves anything else for the caller to refuse", () => {
    expect(normaliseDay("7/3/2026")).toBe("2026-03-07");
    expect(normaliseDay(" 07/03/2026 ")).toBe("2026-03-07");
    expect(normaliseDay("2026-03-07")).toBe("2026-03-07");
    expect(normaliseDay("March 7th")).toBe("March 7th");
  });
});
