import { describe, expect, it } from "vitest";
import { addDays, daysBetween, londonDay, londonWallClock } from "./london.ts";

describe("London calendar dates", () => {
  it("reads the London date, which in summer is a day ahead of UTC late in the evening", () => {
    expect(londonDay(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02");
    expect(londonDay(new Date("2026-12-01T23:30:00Z"))).toBe("2026-12-01");
  });

  it("gives the same dates asked one after the other around midnight and the clock changes", () => {
    // Each moment is asked right after its neighbour, so a remembered day must end exactly at midnight.
    const cases: [string, string][] = [
      ["2026-07-01T22:59:59.999Z", "2026-07-01"],
      ["2026-07-01T23:00:00.000Z", "2026-07-02"],
      ["2026-07-02T22:59:59.999Z", "2026-07-02"],
      ["2026-12-01T23:59:59.999Z", "2026-12-01"],
      ["2026-12-02T00:00:00.000Z", "2026-12-02"],
      ["2026-12-01T23:59:59.999Z", "2026-12-01"],
      // Clocks go forward at 01:00 GMT on 29 March 2026 and back at 01:00 GMT on 25 October.
      ["2026-03-28T23:59:59.999Z", "2026-03-28"],
      ["2026-03-29T00:00:00.000Z", "2026-03-29"],
      ["2026-03-29T22:59:59.999Z", "2026-03-29"],
      ["2026-03-29T23:00:00.000Z", "2026-03-30"],
      ["2026-10-24T22:59:59.999Z", "2026-10-24"],
      ["2026-10-24T23:00:00.000Z", "2026-10-25"],
      ["2026-10-25T23:59:59.999Z", "2026-10-25"],
      ["2026-10-26T00:00:00.000Z", "2026-10-26"],
    ];
    expect(cases.map(([at]) => londonDay(new Date(at)))).toEqual(cases.map(([, day]) => day));
    expect(() => londonDay(new Date("not a date"))).toThrow(RangeError);
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
