import { describe, expect, it } from "vitest";
import { addDays, daysBetween, londonDay, londonWallClock } from "./london.ts";

describe("London calendar dates", () => {
  it("reads the London date, which in summer is a day ahead of UTC late in the evening", () => {
    expect(londonDay(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02");
    expect(londonDay(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-01");
  });

  it("moves a date by whole days across month, year and clock-change boundaries", () => {
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(addDays("2026-03-29", -1)).toBe("2026-03-28");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("counts the days between two dates", () => {
    expect(daysBetween("2026-11-01", "2026-12-06")).toBe(35);
    expect(daysBetween("2026-12-06", "2026-11-01")).toBe(-35);
  });

  it("finds the moment London's clocks show a time, an hour before UTC's in summer", () => {
    expect(londonWallClock("2026-07-01").toISOString()).toBe("2026-06-30T23:00:00.000Z");
    expect(londonWallClock("2026-12-01").toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(londonWallClock("2026-07-01", 18, 30).toISOString()).toBe("2026-07-01T17:30:00.000Z");
    expect(londonWallClock("2026-03-30", 9, 0).toISOString()).toBe("2026-03-30T08:00:00.000Z");
    expect(londonWallClock("2026-10-26", 9, 0).toISOString()).toBe("2026-10-26T09:00:00.000Z");
  });
});
