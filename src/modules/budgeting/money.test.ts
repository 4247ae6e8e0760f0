import { describe, expect, it } from "vitest";
import { formatMoney, parsePounds, ukDate } from "./money.ts";

describe("money and dates as people type and read them", () => {
  it("reads pounds as whole pence, with or without £, commas and pennies", () => {
    expect(parsePounds("£1,250")).toBe(125_000);
    expect(parsePounds("1250.5")).toBe(125_050);
    expect(parsePounds(" 0.07 ")).toBe(7);
  });

  it("refuses negatives, words, and fractions of a penny", () => {
    expect(parsePounds("-5")).toBeNull();
    expect(parsePounds("ten")).toBeNull();
    expect(parsePounds("1.005")).toBeNull();
  });

  it("shows pennies only when there are some, and other currencies by code", () => {
    expect(formatMoney(125_000)).toBe("£1,250");
    expect(formatMoney(125_050)).toBe("£1,250.50");
    expect(formatMoney(100_000, "PLN")).toBe("1,000 PLN");
  });

  it("takes the UK calendar date, so half past midnight in summer is already the next day", () => {
    expect(ukDate(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(ukDate(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
});
