import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPence,
  formatPercent,
  formatPounds,
  formatShortDate,
  formatTime,
} from "./format.ts";

describe("money", () => {
  it("formats integer pence as pounds and pence with thousands separators", () => {
    expect(formatPence(123456789)).toBe("£1,234,567.89");
    expect(formatPence(5)).toBe("£0.05");
    expect(formatPence(0)).toBe("£0.00");
    expect(formatPence(-1200)).toBe("−£12.00");
    expect(formatPence(12345678901234567890n)).toBe("£123,456,789,012,345,678.90");
  });
  it("rounds to whole pounds for headlines", () => {
    expect(formatPounds(123456789)).toBe("£1,234,568");
    expect(formatPounds(123456749)).toBe("£1,234,567");
    expect(formatPounds(-250)).toBe("−£3");
  });
  it("refuses fractional pence, because money is stored as whole pence", () => {
    expect(() => formatPence(1.5)).toThrow(RangeError);
  });
});

describe("numbers and percentages", () => {
  it("groups thousands", () => {
    expect(formatNumber(1234567)).toBe("1,234,567");
    expect(formatNumber(1234.567, 1)).toBe("1,234.6");
  });
  it("shows ratios as percentages", () => {
    expect(formatPercent(0.256)).toBe("25.6%");
    expect(formatPercent(0.5)).toBe("50%");
    expect(formatPercent(1 / 3, 0)).toBe("33%");
  });
});

describe("dates in Europe/London", () => {
  it("shows a date in words", () => {
    expect(formatDate("2026-11-22")).toBe("22 November 2026");
    expect(formatDate(new Date(Date.UTC(2026, 10, 22, 15, 4)))).toBe("22 November 2026");
  });
  it("shows winter times as GMT and summer times as BST", () => {
    expect(formatDateTime("2026-11-22T15:04:00Z")).toBe("22 November 2026 at 3:04pm");
    expect(formatDateTime("2026-07-01T15:04:00Z")).toBe("1 July 2026 at 4:04pm");
  });
  it("moves a late UTC moment in summer onto the next London day", () => {
    expect(formatDate("2026-06-30T23:30:00Z")).toBe("1 July 2026");
  });
  it("uses GOV.UK time style", () => {
    expect(formatTime("2026-11-22T09:00:00Z")).toBe("9am");
    expect(formatTime("2026-11-22T12:00:00Z")).toBe("midday");
    expect(formatTime("2026-11-22T00:00:00Z")).toBe("midnight");
    expect(formatTime("2026-11-22T00:30:00Z")).toBe("12:30am");
  });
  it("rejects text that is not a date", () => {
    expect(() => formatDate("not a date")).toThrow(RangeError);
    // Asked again (formats remember what they wrote), it is still refused, not remembered.
    expect(() => formatDate("not a date")).toThrow(RangeError);
    expect(() => formatDate(new Date(Number.NaN))).toThrow(RangeError);
  });
  it("gives the same words when asked again for a date it has written", () => {
    const moment = new Date(Date.UTC(2026, 5, 30, 23, 30));
    expect([formatDate(moment), formatDate(moment), formatDate(new Date(moment))]).toEqual([
      "1 July 2026",
      "1 July 2026",
      "1 July 2026",
    ]);
    expect([formatShortDate("2026-11-22"), formatShortDate("2026-11-22"), formatDate("2026-11-22")]).toEqual([
      "22 Nov 2026",
      "22 Nov 2026",
      "22 November 2026",
    ]);
  });
});
